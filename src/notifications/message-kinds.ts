/**
 * Every kind of mail frirom sends. Each has templates in templates/<kind>/ for nb and en:
 * subject.<locale>.hbs, text.<locale>.hbs and html.<locale>.hbs (Handlebars).
 */
export const MESSAGE_KINDS = [
  'request_received',
  'request_decided',
  'occurrence_cancelled',
  'occurrence_moved',
  'access_confirmed',
  'access_declined',
  'series_approved_caretaker',
  'caretaker_digest',
  'series_reminder',
  'season_result',
  'register_changed',
  'organisation_invitation',
  'welcome',
  'password_reset',
  'organisation_verified',
] as const;

export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * Fields that carry a secret (a single-use link) and are dropped from the outbox row once the mail is
 * sent, so the database keeps only the hash of such a token.
 */
export const SECRET_FIELDS: Partial<Record<MessageKind, string[]>> = {
  password_reset: ['link'],
  organisation_invitation: ['link'],
  welcome: ['link'],
};
