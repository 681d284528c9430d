import { OrganisationKind } from '../../core/domain';
import { withCheckDigit } from '../../core/org-number';
import { OrganisationMember } from '../../organisations/organisation-member.entity';
import { Organisation } from '../../organisations/organisation.entity';
import { SeedPart } from '../seed-part';

interface OrgSpec {
  name: string;
  kind: OrganisationKind;
  fr: boolean;
  municipality: string;
  verified: boolean;
  members: [number, number];
  description: string;
  website?: string;
}

/** A few organisations of each kind, verified and not; most local to Ås (3218). */
export const AS_ORGANISATIONS: OrgSpec[] = [
  {
    name: 'Ås IL',
    kind: 'sports',
    fr: true,
    municipality: '3218',
    verified: true,
    members: [1200, 800],
    description: 'Fotball, håndball, ski og friidrett for alle aldre.',
    website: 'https://www.asil.no',
  },
  {
    name: 'Ås Håndballklubb',
    kind: 'sports',
    fr: true,
    municipality: '3218',
    verified: true,
    members: [350, 300],
    description: 'Håndball for barn og unge.',
  },
  {
    name: 'Nordby IL',
    kind: 'sports',
    fr: true,
    municipality: '3218',
    verified: true,
    members: [600, 420],
    description: 'Breddeidrett i Nordby og på Vinterbro.',
  },
  {
    name: 'Follo Basket',
    kind: 'sports',
    fr: true,
    municipality: '3207',
    verified: true,
    members: [220, 180],
    description: 'Basketball i Follo.',
  },
  {
    name: 'Ås Skolekorps',
    kind: 'voluntary',
    fr: true,
    municipality: '3218',
    verified: true,
    members: [90, 85],
    description: 'Skolekorps for elever fra 2. trinn.',
  },
  {
    name: 'Ås Sjakklubb',
    kind: 'voluntary',
    fr: true,
    municipality: '3218',
    verified: true,
    members: [40, 15],
    description: 'Sjakk for barn og voksne hver tirsdag.',
  },
  {
    name: '1. Ås speidergruppe',
    kind: 'voluntary',
    fr: true,
    municipality: '3218',
    verified: true,
    members: [70, 60],
    description: 'Speiding for barn og ungdom.',
  },
  {
    name: 'Ås Seniordans',
    kind: 'voluntary',
    fr: false,
    municipality: '3218',
    verified: false,
    members: [45, 0],
    description: 'Dans for seniorer.',
  },
  {
    name: 'Studieforbundet Folkeuniversitetet Follo',
    kind: 'study_association',
    fr: false,
    municipality: '3218',
    verified: true,
    members: [0, 0],
    description: 'Kurs og studiesirkler.',
  },
  {
    name: 'Ås kulturskole',
    kind: 'public',
    fr: false,
    municipality: '3218',
    verified: true,
    members: [0, 0],
    description: 'Kommunal kulturskole.',
  },
  {
    name: 'Follo Dansestudio AS',
    kind: 'commercial',
    fr: false,
    municipality: '3218',
    verified: true,
    members: [0, 0],
    description: 'Dansekurs.',
  },
  {
    name: 'Eventhuset Ski AS',
    kind: 'commercial',
    fr: false,
    municipality: '3207',
    verified: false,
    members: [0, 0],
    description: 'Arrangementer og konserter.',
  },
];

export const organisationsSeed: SeedPart = {
  name: 'organisations',
  async run({ manager, users }) {
    const applicant = await users.findByEmail('applicant@demo.frirom.no');
    let base = 99_100_000;
    for (const spec of AS_ORGANISATIONS) {
      let orgNumber: string | null = null;
      while (!orgNumber) orgNumber = withCheckDigit(String(base++));
      const org = await manager.getRepository(Organisation).save({
        orgNumber,
        name: spec.name,
        kind: spec.kind,
        inFrivillighetsregisteret: spec.fr,
        municipalityNumber: spec.municipality,
        email: `post@${slug(spec.name)}.example.no`,
        phone: null,
        website: spec.website ?? null,
        description: spec.description,
        membersTotal: spec.members[0] || null,
        membersUnder25: spec.members[0] ? spec.members[1] : null,
        status: spec.verified ? 'verified' : 'pending',
        verifiedAt: spec.verified ? new Date() : null,
      });
      // The demo applicant is the contact of Ås IL and Ås Skolekorps.
      if (applicant && (spec.name === 'Ås IL' || spec.name === 'Ås Skolekorps')) {
        await manager.insert(OrganisationMember, { organisationId: org.id, userId: applicant.id });
      }
    }
  },
};

const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/å/g, 'aa')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '');
