/**
 * Every error code the service answers with, and its HTTP status. The one place codes map to HTTP:
 * services throw DomainError with a code, the filter looks the status up here.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  INVALID_ID: 400,
  INVALID_ORG_NUMBER: 400,
  INVALID_RRULE: 400,
  INVALID_TIME_RANGE: 400,
  INVALID_OPENING_HOURS: 400,
  INVALID_SECTION: 400,
  INVALID_QUERY: 400,
  TOO_MANY_OCCURRENCES: 400,
  TOO_LONG: 400,
  PASSWORD_TOO_SHORT: 400,
  PASSWORD_TOO_LONG: 400,
  PASSWORD_TOO_COMMON: 400,
  PASSWORD_LIKE_IDENTITY: 400,
  WRONG_PASSWORD: 400,
  INVALID_RESET_TOKEN: 400,
  IN_THE_PAST: 400,
  OVER_CAPACITY: 400,
  INVALID_RULE: 400,
  INVALID_PRICE_LIST: 400,
  BEYOND_BOOKING_HORIZON: 400,
  INVITATION_INVALID: 400,
  /** An OpenID sign-in that is not under way here: no or a used state, a forged or replayed callback. */
  OIDC_LOGIN_INVALID: 400,
  /** The provider refused the sign-in (the person cancelled, or the code or ID token did not check out). */
  OIDC_LOGIN_FAILED: 400,
  EMAIL_CONFIRMATION_INVALID: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CROSS_SITE_REQUEST: 403,
  ACCOUNT_DEACTIVATED: 403,
  /** The provider signed the person in below the level of assurance asked for (OIDC_<NAME>_ACR_VALUES). */
  OIDC_ASSURANCE_TOO_LOW: 403,
  /** PASSWORD_LOGIN is off, or staff-only and the user has no staff role: sign in with a provider. */
  PASSWORD_LOGIN_DISABLED: 403,
  /** Registration with a password is closed (PASSWORD_LOGIN is not on): sign in with a provider. */
  REGISTRATION_CLOSED: 403,
  NOT_FOUND: 404,
  /** Enhetsregisteret does not know the organisation number. */
  NOT_IN_REGISTER: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  ORG_NUMBER_TAKEN: 409,
  ORGANISATION_NOT_VERIFIED: 409,
  BOOKING_CONFLICT: 409,
  INVALID_STATE: 409,
  SEASON_CLOSED: 409,
  REPORT_NOT_READY: 409,
  /** A decision made on a view of a request that has changed since (optimistic concurrency). */
  STALE_VIEW: 409,
  /** A claim (name, municipality, Frivillighetsregisteret, kind) that Enhetsregisteret contradicts. */
  REGISTER_MISMATCH: 409,
  /** Enhetsregisteret says the unit is bankrupt (konkurs). */
  BANKRUPT_IN_REGISTER: 409,
  /** Enhetsregisteret says the unit is deleted (it answers 410 Gone, as this does). */
  DELETED_IN_REGISTER: 410,
  INVITATION_USED: 409,
  LAST_CONTACT: 409,
  INVITATION_EXPIRED: 410,
  EMAIL_CONFIRMATION_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LOGIN_THROTTLED: 429,
  TOO_MANY_INVITATIONS: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  /** Enhetsregisteret did not answer in time, or is left alone after repeated failures. */
  REGISTER_UNAVAILABLE: 503,
  /** The OpenID provider's discovery document or token endpoint could not be reached. */
  OIDC_PROVIDER_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
