import { EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { formatInstant } from '../common/time';
import { OrganisationView } from './dto/organisation.dto';
import { changesSinceVerification } from './organisation-history';
import { OrganisationInvitation } from './organisation-invitation.entity';
import { OrganisationMember } from './organisation-member.entity';
import { Organisation } from './organisation.entity';

/**
 * Organisations as their contacts and staff see them. Pending invitations show only the address typed;
 * staff also get what changed since they last verified it.
 */
export async function organisationViews(
  m: EntityManager,
  orgs: Organisation[],
  options: { homeMunicipalityNumber: string; forStaff: boolean },
): Promise<OrganisationView[]> {
  const ids = orgs.map((o) => o.id);
  if (ids.length === 0) return [];
  // One after the other: the manager may be a transaction's single connection.
  const members = await m.find(OrganisationMember, {
    where: { organisationId: In(ids) },
    relations: { user: true },
    order: { addedAt: 'ASC' },
  });
  const invitations = await m.find(OrganisationInvitation, {
    where: { organisationId: In(ids), acceptedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    order: { createdAt: 'ASC' },
  });
  const changes = options.forStaff ? await changesSinceVerification(m, ids) : null;
  return orgs.map((o) => ({
    id: o.id,
    orgNumber: o.orgNumber,
    name: o.name,
    kind: o.kind,
    inFrivillighetsregisteret: o.inFrivillighetsregisteret,
    municipalityNumber: o.municipalityNumber,
    local: o.municipalityNumber === options.homeMunicipalityNumber,
    email: o.email,
    phone: o.phone,
    website: o.website,
    description: o.description,
    membersTotal: o.membersTotal,
    membersUnder25: o.membersUnder25,
    status: o.status,
    verifiedAt: o.verifiedAt ? formatInstant(o.verifiedAt) : null,
    registerStatus: o.registerStatus,
    registerCheckedAt: o.registerCheckedAt ? formatInstant(o.registerCheckedAt) : null,
    contacts: members
      .filter((x) => x.organisationId === o.id && x.user)
      .map((x) => ({
        userId: x.userId,
        name: x.user!.name,
        email: x.user!.email,
        phone: x.user!.phone,
        emailConfirmed: x.user!.emailConfirmedAt !== null,
      })),
    invitations: invitations
      .filter((i) => i.organisationId === o.id)
      .map((i) => ({
        id: i.id,
        email: i.email,
        invitedAt: formatInstant(i.createdAt),
        expiresAt: formatInstant(i.expiresAt),
      })),
    ...(changes ? { changesSinceVerification: changes.get(o.id)! } : {}),
  }));
}
