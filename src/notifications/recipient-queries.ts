/**
 * Who a mail goes to, as SQL that answers one JSON array of recipients ({userId, email, locale}, in
 * e-mail order), so a statement can read them beside whatever else it reads.
 */
const recipientsJson = (from: string, where: string) =>
  `COALESCE((SELECT json_agg(json_build_object('userId', u.id, 'email', u.email, 'locale', u.locale)
                             ORDER BY u.email)
               FROM ${from} JOIN users u ON u.id = x.user_id WHERE ${where}), '[]')`;

/** The contacts of the organisation whose id is the SQL expression `organisationId`. */
export const contactsJson = (organisationId: string): string =>
  recipientsJson('organisation_members x', `x.organisation_id = ${organisationId}`);

/** The caretakers of the building whose id is the SQL expression `buildingId`. */
export const caretakersJson = (buildingId: string): string =>
  recipientsJson('building_caretakers x', `x.building_id = ${buildingId}`);
