import type { OrganisationKind } from './domain';

/**
 * What frirom reads from Enhetsregisteret (Brønnøysundregistrene's open API, `GET /enheter/{orgnr}`):
 * pure mapping and comparison, no I/O. Field names on the wire are the register's (Norwegian).
 */
export interface RegisterFacts {
  orgNumber: string;
  name: string;
  /** organisasjonsform.kode, e.g. FLI (forening/lag/innretning), AS, KOMM. */
  organisationForm: string | null;
  /** forretningsadresse.kommunenummer, else postadresse.kommunenummer. */
  municipalityNumber: string | null;
  inFrivillighetsregisteret: boolean;
  website?: string;
  deleted: boolean;
  /** The day the unit was deleted (slettedato), for a deleted unit. */
  deletedOn?: string;
  bankrupt: boolean;
  /** underAvvikling or underTvangsavviklingEllerTvangsopplosning. */
  windingUp: boolean;
}

/** The register's answer: a unit (possibly deleted: 410 with slettedato), or none (404). */
export type RegisterAnswer = { found: true; facts: RegisterFacts } | { found: false; orgNumber: string };

interface Address {
  kommunenummer?: string;
}
/** The parts of the register's `Enhet` (and a deleted unit's 410 body) frirom reads. */
export interface RawEnhet {
  organisasjonsnummer?: string;
  navn?: string;
  organisasjonsform?: { kode?: string };
  forretningsadresse?: Address;
  postadresse?: Address;
  registrertIFrivillighetsregisteret?: boolean;
  hjemmeside?: string;
  konkurs?: boolean;
  underAvvikling?: boolean;
  underTvangsavviklingEllerTvangsopplosning?: boolean;
  slettedato?: string;
}

const MUNICIPALITY = /^\d{4}$/;

/** Maps the register's answer (HTTP 200 or 410) to frirom's facts. */
export function mapEnhet(orgNumber: string, raw: RawEnhet, httpStatus: 200 | 410): RegisterFacts {
  const municipality = [raw.forretningsadresse?.kommunenummer, raw.postadresse?.kommunenummer].find(
    (k): k is string => typeof k === 'string' && MUNICIPALITY.test(k),
  );
  const website = normaliseWebsite(raw.hjemmeside);
  return {
    orgNumber,
    name: typeof raw.navn === 'string' ? raw.navn.trim() : '',
    organisationForm: raw.organisasjonsform?.kode ?? null,
    municipalityNumber: municipality ?? null,
    inFrivillighetsregisteret: raw.registrertIFrivillighetsregisteret === true,
    ...(website ? { website } : {}),
    deleted: httpStatus === 410 || typeof raw.slettedato === 'string',
    ...(typeof raw.slettedato === 'string' ? { deletedOn: raw.slettedato } : {}),
    bankrupt: raw.konkurs === true,
    windingUp: raw.underAvvikling === true || raw.underTvangsavviklingEllerTvangsopplosning === true,
  };
}

/** The register writes home pages without a scheme ("www.asil.no"); frirom stores URLs. */
function normaliseWebsite(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const v = value.trim();
  const url = /^https?:\/\//i.test(v) ? v : `https://${v}`;
  try {
    return new URL(url).toString().replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

/**
 * The kind frirom suggests from the organisation form. Forms that say nothing certain about the
 * kind (SA, BRL, ESEK, …) suggest none. FLI may be a sports club or a study association as much as a
 * voluntary organisation: the suggestion is the family, the applicant may pick within it.
 */
export const KIND_BY_FORM: Readonly<Record<string, OrganisationKind>> = {
  FLI: 'voluntary',
  STI: 'voluntary',
  AS: 'commercial',
  ASA: 'commercial',
  ENK: 'commercial',
  ANS: 'commercial',
  DA: 'commercial',
  NUF: 'commercial',
  KOMM: 'public',
  FYLK: 'public',
  STAT: 'public',
  ORGL: 'public',
  KF: 'public',
  IKS: 'public',
};

export const suggestKind = (form: string | null): OrganisationKind | null =>
  (form && KIND_BY_FORM[form]) || null;

/** Kinds whose fees are lowest; claiming one for a company or a public body lowers its fees. */
const VOLUNTARY_FAMILY: OrganisationKind[] = ['voluntary', 'sports', 'study_association'];

export interface Claims {
  name?: string;
  kind?: OrganisationKind;
  inFrivillighetsregisteret?: boolean;
  municipalityNumber?: string | null;
}

export interface Mismatch {
  field: keyof Claims;
  claimed: unknown;
  register: unknown;
}

const sameName = (a: string, b: string): boolean =>
  a.normalize('NFC').toLocaleLowerCase('nb').replace(/\s+/g, ' ').trim() ===
  b.normalize('NFC').toLocaleLowerCase('nb').replace(/\s+/g, ' ').trim();

/** The claims the register contradicts. What the register does not say (no municipality) contradicts nothing. */
export function contradictions(claims: Claims, facts: RegisterFacts): Mismatch[] {
  const out: Mismatch[] = [];
  if (claims.name !== undefined && facts.name && !sameName(claims.name, facts.name)) {
    out.push({ field: 'name', claimed: claims.name, register: facts.name });
  }
  if (
    claims.inFrivillighetsregisteret !== undefined &&
    claims.inFrivillighetsregisteret !== facts.inFrivillighetsregisteret
  ) {
    out.push({
      field: 'inFrivillighetsregisteret',
      claimed: claims.inFrivillighetsregisteret,
      register: facts.inFrivillighetsregisteret,
    });
  }
  if (
    claims.municipalityNumber != null &&
    facts.municipalityNumber !== null &&
    claims.municipalityNumber !== facts.municipalityNumber
  ) {
    out.push({
      field: 'municipalityNumber',
      claimed: claims.municipalityNumber,
      register: facts.municipalityNumber,
    });
  }
  const suggested = suggestKind(facts.organisationForm);
  if (
    claims.kind !== undefined &&
    (suggested === 'commercial' || suggested === 'public') &&
    VOLUNTARY_FAMILY.includes(claims.kind)
  ) {
    out.push({ field: 'kind', claimed: claims.kind, register: facts.organisationForm });
  }
  return out;
}

/** What frirom last knew of a unit: its facts, or null when the register did not know it. */
export type KnownFacts = Pick<
  RegisterFacts,
  'inFrivillighetsregisteret' | 'municipalityNumber' | 'bankrupt' | 'deleted'
> | null;

export type FeeChange =
  | { change: 'left_frivillighetsregisteret' }
  | { change: 'joined_frivillighetsregisteret' }
  | { change: 'moved'; from: string | null; to: string | null }
  | { change: 'bankrupt' }
  | { change: 'deleted' }
  | { change: 'not_in_register' };

/** Changes between two readings that affect fees (the Frivillighetsregisteret flag, the municipality, existence). */
export function feeChanges(before: KnownFacts, after: KnownFacts): FeeChange[] {
  if (before === null) return [];
  if (after === null) return [{ change: 'not_in_register' }];
  const out: FeeChange[] = [];
  if (!before.deleted && after.deleted) return [{ change: 'deleted' }];
  if (!before.bankrupt && after.bankrupt) out.push({ change: 'bankrupt' });
  if (after.deleted) return out;
  if (before.inFrivillighetsregisteret && !after.inFrivillighetsregisteret)
    out.push({ change: 'left_frivillighetsregisteret' });
  if (!before.inFrivillighetsregisteret && after.inFrivillighetsregisteret)
    out.push({ change: 'joined_frivillighetsregisteret' });
  if (after.municipalityNumber !== null && before.municipalityNumber !== after.municipalityNumber)
    out.push({ change: 'moved', from: before.municipalityNumber, to: after.municipalityNumber });
  return out;
}
