import { EntityManager } from 'typeorm';
import { AuthUser, isStaff } from '../common/auth/roles';
import { notFound } from '../common/errors/domain-error';

type Thing = Parameters<typeof notFound>[0];

/**
 * The one access rule for an organisation's things: the caller acts for an organisation when they are
 * one of its contacts (a row in organisation_members); staff act for every organisation. Someone else's
 * organisation answers 404, so its existence is not told.
 */

/**
 * The rule as an SQL condition, to filter or to select as a flag: `organisation` names the column or
 * parameter holding the organisation's id, `user` the parameter holding the caller's id ($2, :me).
 */
export const contactOf = (organisation: string, user: string): string =>
  `EXISTS (SELECT 1 FROM organisation_members cm WHERE cm.organisation_id = ${organisation} AND cm.user_id = ${user})`;

export async function isContact(m: EntityManager, organisationId: string, userId: string): Promise<boolean> {
  const rows = await m.query<unknown[]>(`SELECT 1 WHERE ${contactOf('$1', '$2')}`, [organisationId, userId]);
  return rows.length > 0;
}

/** Throws 404 `what` unless the caller is staff or a contact of the organisation. */
export async function checkContact(
  m: EntityManager,
  organisationId: string,
  caller: AuthUser,
  what: Thing,
): Promise<void> {
  if (isStaff(caller)) return;
  if (!(await isContact(m, organisationId, caller.id))) throw notFound(what);
}

/** For a flag read along with the organisation (`member` from contactOf): throws 404 unless it allows. */
export function allowContact(member: boolean, caller: AuthUser, what: Thing): void {
  if (!member && !isStaff(caller)) throw notFound(what);
}
