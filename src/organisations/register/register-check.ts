import { DomainError } from '../../common/errors/domain-error';
import { OrganisationKind } from '../../core/domain';
import { Claims, contradictions, RegisterAnswer, RegisterFacts, suggestKind } from '../../core/register';

/** What a new organisation is stored with: the register's facts where it answered, else the claims. */
export interface StoredFacts {
  name: string;
  kind: OrganisationKind;
  inFrivillighetsregisteret: boolean;
  municipalityNumber: string | null;
  website: string | null;
  registerFacts: RegisterFacts | null;
}

/** The facts of a unit the register holds and frirom may register: refuses deleted and bankrupt units. */
export function usableFacts(answer: RegisterAnswer): RegisterFacts {
  if (!answer.found) {
    throw new DomainError('NOT_IN_REGISTER', 'Enhetsregisteret has no unit with this organisation number');
  }
  const { facts } = answer;
  if (facts.deleted) {
    throw new DomainError('DELETED_IN_REGISTER', 'Enhetsregisteret says this unit is deleted', {
      orgNumber: facts.orgNumber,
      deleted: true,
      ...(facts.deletedOn ? { deletedOn: facts.deletedOn } : {}),
    });
  }
  return facts;
}

/**
 * Decides what to store for a new organisation. `answer` null: the register could not be reached, so
 * the claims are stored as they are (and must then be complete).
 */
export function resolveFacts(
  claims: Claims & { website?: string | null },
  answer: RegisterAnswer | null,
): StoredFacts {
  if (answer === null) {
    if (
      claims.name === undefined ||
      claims.kind === undefined ||
      claims.inFrivillighetsregisteret === undefined
    ) {
      throw new DomainError(
        'REGISTER_UNAVAILABLE',
        'Enhetsregisteret cannot be reached right now: give name, kind and inFrivillighetsregisteret to register ' +
          'the organisation unchecked, or try again in a minute',
      );
    }
    return {
      name: claims.name,
      kind: claims.kind,
      inFrivillighetsregisteret: claims.inFrivillighetsregisteret,
      municipalityNumber: claims.municipalityNumber ?? null,
      website: claims.website ?? null,
      registerFacts: null,
    };
  }
  const facts = usableFacts(answer);
  if (facts.bankrupt) {
    throw new DomainError('BANKRUPT_IN_REGISTER', 'Enhetsregisteret says this unit is bankrupt (konkurs)');
  }
  const mismatches = contradictions(claims, facts);
  if (mismatches.length > 0) {
    throw new DomainError(
      'REGISTER_MISMATCH',
      `Enhetsregisteret says otherwise about: ${mismatches.map((m) => m.field).join(', ')}`,
      mismatches,
    );
  }
  const kind = claims.kind ?? suggestKind(facts.organisationForm);
  if (!kind) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `kind: the organisation form ${facts.organisationForm ?? '(none)'} suggests no kind; choose one`,
    );
  }
  return {
    // The register writes names in capitals; a claim that differs only in case is the nicer spelling.
    name: claims.name ?? facts.name,
    kind,
    inFrivillighetsregisteret: facts.inFrivillighetsregisteret,
    municipalityNumber: facts.municipalityNumber ?? claims.municipalityNumber ?? null,
    website: claims.website ?? facts.website ?? null,
    registerFacts: facts,
  };
}
