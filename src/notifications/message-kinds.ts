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
  'organisation_verified',
] as const;

export type MessageKind = (typeof MESSAGE_KINDS)[number];
