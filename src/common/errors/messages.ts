import { ErrorCode } from './error-codes';

export const LOCALES = ['nb', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Text {
  nb: string;
  en: string;
}

export type Params = Record<string, string | number>;

/*
 * THE message catalogue: every text a person can read in an error answer, in bokmål and English.
 * Written for the people using the web app, not for programmers. `{name}` is filled from parameters.
 *
 * To add a message:
 * - a new error code: add it to ERROR_STATUS (error-codes.ts) and one line `CODE: { nb, en }` to
 *   CODE_MESSAGES below. messages.spec.ts fails while any code lacks a text in either language.
 * - a more precise text for one throw site: add `'CODE.what': { nb, en }` below and throw
 *   `new DomainError('CODE', englishText, details, { key: 'CODE.what', params })`; the English text the
 *   site throws is what English callers read, the catalogue's nb what everyone else reads.
 * - a validation constraint (class-validator's name, e.g. isInt or your ValidateBy name): one line in
 *   FIELD_MESSAGES; `{field}` is the property path, `{0}`, `{1}` the constraint's arguments.
 *   messages.spec.ts fails while a constraint used by a DTO has no text.
 * - a thing that can be missing (`notFound('Room')`): one line in THINGS, nb in definite form.
 */
export const CODE_MESSAGES = {
  VALIDATION_FAILED: { nb: 'Noen av opplysningene er ikke gyldige', en: 'The request is not valid' },
  MALFORMED_JSON: {
    nb: 'Innholdet i forespørselen er ikke gyldig JSON',
    en: 'The request body is not valid JSON',
  },
  INVALID_ID: { nb: 'Id-en i adressen er ikke gyldig', en: 'The id in the path must be a UUID' },
  INVALID_ORG_NUMBER: {
    nb: 'Organisasjonsnummeret er ikke gyldig',
    en: 'The organisation number is not valid',
  },
  INVALID_RRULE: { nb: 'Gjentakelsesregelen er ikke gyldig', en: 'The recurrence rule is not valid' },
  INVALID_TIME_RANGE: {
    nb: 'Tidsrommet er ikke gyldig: slutten må komme etter starten, og tidsrommet kan ikke være for langt',
    en: 'The time range is not valid',
  },
  INVALID_OPENING_HOURS: { nb: 'Åpningstidene er ikke gyldige', en: 'The opening hours are not valid' },
  INVALID_SECTION: { nb: 'Rommet kan ikke være en del av det valgte rommet', en: 'The section is not valid' },
  INVALID_QUERY: { nb: 'Søket er ikke gyldig', en: 'The query is not valid' },
  TOO_MANY_OCCURRENCES: {
    nb: 'Gjentakelsen gir for mange ganger; del den opp eller kort den ned',
    en: 'The recurrence gives too many occurrences',
  },
  TOO_LONG: { nb: 'En booking kan vare i høyst 24 timer', en: 'An occurrence may last at most 24 hours' },
  IN_THE_PAST: { nb: 'Tidspunktet har allerede vært', en: 'The time is in the past' },
  OVER_CAPACITY: {
    nb: 'Det er ikke plass til så mange personer i rommet',
    en: 'The room holds fewer people',
  },
  INVALID_RULE: { nb: 'Regelen er ikke gyldig', en: 'The rule is not valid' },
  INVALID_PRICE_LIST: { nb: 'Prislisten er ikke gyldig', en: 'The price list is not valid' },
  UNAUTHENTICATED: { nb: 'Du må logge inn først', en: 'Sign in first' },
  INVALID_CREDENTIALS: { nb: 'Feil e-postadresse eller passord', en: 'Wrong e-mail or password' },
  FORBIDDEN: { nb: 'Du har ikke tilgang til å gjøre dette', en: 'You may not do this' },
  NOT_FOUND: { nb: '{what} finnes ikke', en: '{what} not found' },
  CONFLICT: { nb: 'Dette kolliderer med noe som finnes fra før', en: 'Conflict' },
  EMAIL_TAKEN: {
    nb: 'Det finnes allerede en bruker med denne e-postadressen',
    en: 'A user with this e-mail address exists already',
  },
  ORG_NUMBER_TAKEN: {
    nb: 'En organisasjon med dette organisasjonsnummeret er allerede registrert',
    en: 'An organisation with this number is registered already',
  },
  ORGANISATION_NOT_VERIFIED: {
    nb: 'Organisasjonen må godkjennes av kommunen før den kan booke',
    en: 'The organisation must be verified before it can book',
  },
  BOOKING_CONFLICT: { nb: 'Tiden er ikke ledig', en: 'The time is not free' },
  INVALID_STATE: {
    nb: 'Dette kan ikke gjøres nå, slik saken står',
    en: 'This cannot be done in the current state',
  },
  SEASON_CLOSED: { nb: 'Søknadsfristen for sesongen er ute', en: 'The season is closed for applications' },
  REPORT_NOT_READY: { nb: 'Rapporten er ikke ferdig ennå', en: 'The report is not ready yet' },
  PAYLOAD_TOO_LARGE: { nb: 'Forespørselen er for stor', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    nb: 'Innholdet må sendes som JSON',
    en: 'Send the body as application/json',
  },
  LOGIN_THROTTLED: {
    nb: 'For mange mislykkede innlogginger; prøv igjen senere',
    en: 'Too many failed sign-ins; try again later',
  },
  INTERNAL: { nb: 'Noe gikk galt hos oss; prøv igjen senere', en: 'Internal server error' },
  SERVICE_UNAVAILABLE: {
    nb: 'Tjenesten er midlertidig utilgjengelig; prøv igjen om litt',
    en: 'Try again shortly',
  },

  // Bookings, accounts, invitations and Enhetsregisteret (added with those features).
  OIDC_LOGIN_INVALID: {
    nb: 'Innloggingen kunne ikke fullføres (ugyldig eller brukt lenke); prøv å logge inn på nytt',
    en: 'The sign-in could not be completed (invalid or used link); try signing in again',
  },
  OIDC_LOGIN_FAILED: {
    nb: 'Innloggingen hos identitetsleverandøren mislyktes; prøv igjen',
    en: 'Signing in with the identity provider failed; try again',
  },
  OIDC_ASSURANCE_TOO_LOW: {
    nb: 'Du logget inn på et lavere sikkerhetsnivå enn tjenesten krever; logg inn på nytt med en sikrere metode',
    en: 'You signed in at a lower level of assurance than this service needs; sign in again with a stronger method',
  },
  PASSWORD_LOGIN_DISABLED: {
    nb: 'Innlogging med passord er slått av her; bruk en av de andre innloggingene',
    en: 'Password sign-in is turned off here; use one of the other ways to sign in',
  },
  REGISTRATION_CLOSED: {
    nb: 'Nye kontoer lages ved innlogging med ID-porten, ikke med passord',
    en: 'New accounts are made by signing in with a provider, not with a password',
  },
  OIDC_PROVIDER_UNAVAILABLE: {
    nb: 'Innloggingstjenesten svarer ikke nå; prøv igjen om litt',
    en: 'The sign-in provider cannot be reached right now; try again shortly',
  },
  STALE_VIEW: {
    nb: 'Noen andre har endret søknaden siden du åpnet den; last siden på nytt og se hva som er endret',
    en: 'Someone else changed the request since you opened it; reload to see what changed',
  },
  BEYOND_BOOKING_HORIZON: {
    nb: 'Det kan ikke søkes om tid så langt fram; velg en dato nærmere i tid',
    en: 'This is further ahead than bookings may be made',
  },
  ACCOUNT_DEACTIVATED: {
    nb: 'Kontoen er deaktivert; kontakt kommunen hvis du mener det er feil',
    en: 'This account is deactivated',
  },
  CROSS_SITE_REQUEST: {
    nb: 'Forespørselen kom ikke fra frirom sine egne sider, så den ble avvist',
    en: 'A change made with the browser session must come from this service’s own pages',
  },
  WRONG_PASSWORD: { nb: 'Det nåværende passordet er feil', en: 'The current password is wrong' },
  PASSWORD_TOO_SHORT: {
    nb: 'Passordet må ha minst 10 tegn',
    en: 'The password must have at least 10 characters',
  },
  PASSWORD_TOO_LONG: {
    nb: 'Passordet kan ha høyst 256 tegn',
    en: 'The password may have at most 256 characters',
  },
  PASSWORD_TOO_COMMON: {
    nb: 'Passordet er for vanlig og lett å gjette; velg et annet',
    en: 'The password is too common and easy to guess; choose another',
  },
  PASSWORD_LIKE_IDENTITY: {
    nb: 'Passordet kan ikke være e-postadressen eller navnet ditt',
    en: 'The password may not be your e-mail address or name',
  },
  INVALID_RESET_TOKEN: {
    nb: 'Lenken for nytt passord er ugyldig, brukt eller utløpt; be om en ny',
    en: 'The password reset link is invalid, used or expired; ask for a new one',
  },
  EMAIL_CONFIRMATION_INVALID: {
    nb: 'Bekreftelseslenken er ugyldig eller allerede brukt',
    en: 'The confirmation link is invalid or already used',
  },
  EMAIL_CONFIRMATION_EXPIRED: {
    nb: 'Bekreftelseslenken er utløpt',
    en: 'The confirmation link has expired',
  },
  INVITATION_INVALID: { nb: 'Invitasjonen er ugyldig', en: 'The invitation is not valid' },
  INVITATION_USED: { nb: 'Invitasjonen er allerede brukt', en: 'The invitation has already been used' },
  INVITATION_EXPIRED: {
    nb: 'Invitasjonen er utløpt; be organisasjonen sende en ny',
    en: 'The invitation has expired; ask the organisation for a new one',
  },
  TOO_MANY_INVITATIONS: {
    nb: 'Organisasjonen har sendt mange invitasjoner i dag; prøv igjen i morgen',
    en: 'The organisation has sent many invitations today; try again tomorrow',
  },
  LAST_CONTACT: {
    nb: 'Du er den siste kontaktpersonen; gi organisasjonen videre til noen andre først',
    en: 'You are the last contact; hand the organisation over to someone else first',
  },
  NOT_IN_REGISTER: {
    nb: 'Organisasjonsnummeret finnes ikke i Enhetsregisteret',
    en: 'The organisation number is not in Enhetsregisteret',
  },
  REGISTER_MISMATCH: {
    nb: 'Opplysningene stemmer ikke med Enhetsregisteret',
    en: 'The details do not match Enhetsregisteret',
  },
  BANKRUPT_IN_REGISTER: {
    nb: 'Enhetsregisteret oppgir at organisasjonen er konkurs',
    en: 'Enhetsregisteret says the organisation is bankrupt',
  },
  DELETED_IN_REGISTER: {
    nb: 'Organisasjonen er slettet i Enhetsregisteret',
    en: 'The organisation is deleted in Enhetsregisteret',
  },
  REGISTER_UNAVAILABLE: {
    nb: 'Enhetsregisteret svarer ikke nå; prøv igjen om litt',
    en: 'Enhetsregisteret cannot be reached right now; try again shortly',
  },

  // More precise texts for single throw sites.
  'VALIDATION_FAILED.badText': {
    nb: 'Teksten inneholder tegn som ikke kan lagres',
    en: 'Text may not contain NUL characters or unpaired surrogates, and no field may be named __proto__',
  },
  'VALIDATION_FAILED.incomplete': {
    nb: 'Forespørselen kom ikke fram i sin helhet',
    en: 'The request body was incomplete',
  },
  'VALIDATION_FAILED.outOfRange': {
    nb: 'En verdi er utenfor det som er tillatt, eller har feil form',
    en: 'A value is out of range or malformed',
  },
} satisfies Record<ErrorCode, Text> & Record<string, Text>;

export type MessageKey = keyof typeof CODE_MESSAGES;

/** Things a NOT_FOUND can name, keyed by the English word the throw site uses. */
export const THINGS = {
  Application: { nb: 'Søknaden', en: 'Application' },
  'Application in the proposal': { nb: 'Søknaden i forslaget', en: 'Application in the proposal' },
  'Booking request': { nb: 'Forespørselen', en: 'Booking request' },
  Building: { nb: 'Bygningen', en: 'Building' },
  Chart: { nb: 'Diagrammet', en: 'Chart' },
  Closure: { nb: 'Stengingen', en: 'Closure' },
  'Exemption rule': { nb: 'Fritaksregelen', en: 'Exemption rule' },
  Job: { nb: 'Jobben', en: 'Job' },
  Key: { nb: 'Nøkkelen', en: 'Key' },
  Occurrence: { nb: 'Bookingen', en: 'Occurrence' },
  Organisation: { nb: 'Organisasjonen', en: 'Organisation' },
  'Outbox message': { nb: 'Meldingen', en: 'Outbox message' },
  'Price list': { nb: 'Prislisten', en: 'Price list' },
  Report: { nb: 'Rapporten', en: 'Report' },
  Room: { nb: 'Rommet', en: 'Room' },
  Season: { nb: 'Sesongen', en: 'Season' },
  User: { nb: 'Brukeren', en: 'User' },
  Route: { nb: 'Adressen', en: 'Route' },
  'OpenID provider': { nb: 'Innloggingstjenesten', en: 'OpenID provider' },
} satisfies Record<string, Text>;

export type Thing = keyof typeof THINGS;

/** Per-field validation texts, keyed by class-validator's constraint name. */
export const FIELD_MESSAGES = {
  isString: { nb: '{field} må være tekst', en: '{field} must be a string' },
  isInt: { nb: '{field} må være et heltall', en: '{field} must be an integer number' },
  isNumber: { nb: '{field} må være et tall', en: '{field} must be a number' },
  isBoolean: { nb: '{field} må være sann eller usann', en: '{field} must be a boolean value' },
  isArray: { nb: '{field} må være en liste', en: '{field} must be an array' },
  isObject: { nb: '{field} må være et objekt', en: '{field} must be an object' },
  isUuid: { nb: '{field} må være en gyldig id', en: '{field} must be a UUID' },
  isEmail: { nb: '{field} må være en gyldig e-postadresse', en: '{field} must be an email' },
  isUrl: { nb: '{field} må være en gyldig nettadresse', en: '{field} must be a URL address' },
  isIn: { nb: '{field} må være en av disse: {0}', en: '{field} must be one of the following values: {0}' },
  isEnum: { nb: '{field} må være en av disse: {0}', en: '{field} must be one of the following values: {0}' },
  min: { nb: '{field} kan ikke være mindre enn {0}', en: '{field} must not be less than {0}' },
  max: { nb: '{field} kan ikke være større enn {0}', en: '{field} must not be greater than {0}' },
  minLength: {
    nb: '{field} må ha minst {0} tegn',
    en: '{field} must be longer than or equal to {0} characters',
  },
  maxLength: {
    nb: '{field} kan ha høyst {0} tegn',
    en: '{field} must be shorter than or equal to {0} characters',
  },
  arrayMinSize: {
    nb: '{field} må inneholde minst {0}',
    en: '{field} must contain at least {0} elements',
  },
  arrayMaxSize: {
    nb: '{field} kan inneholde høyst {0}',
    en: '{field} must contain no more than {0} elements',
  },
  arrayUnique: {
    nb: '{field} kan ikke inneholde det samme to ganger',
    en: "All {field}'s elements must be unique",
  },
  matches: { nb: '{field} har feil form', en: '{field} has the wrong form' },
  isNotEmpty: { nb: '{field} må fylles ut', en: '{field} should not be empty' },
  isDefined: { nb: '{field} må fylles ut', en: '{field} should not be null or undefined' },
  isDate: {
    nb: '{field} må være et tidspunkt, for eksempel 2027-09-07T18:00',
    en: '{field} must be an ISO 8601 date-time, e.g. 2027-09-07T18:00',
  },
  isClock: { nb: '{field} må være et klokkeslett TT:MM', en: '{field} must be a time HH:MM' },
  // The date and instant fields' reasons (common/http/field-types.ts): {value} is what was sent, {0}, {1}
  // the reason's arguments (an example; the supported years; the start field of a range).
  invalid_instant: {
    nb: '{field} må være et tidspunkt etter ISO 8601, for eksempel {0}',
    en: '{field} must be an ISO 8601 date-time, e.g. {0}',
  },
  invalid_date: { nb: '{field} må være en dato ÅÅÅÅ-MM-DD', en: '{field} must be a date YYYY-MM-DD' },
  date_out_of_range: {
    nb: '{field} må ligge i årene {0}–{1}',
    en: '{field} must lie in the years {0}–{1}',
  },
  nonexistent_local_time: {
    nb: '{field}: {value} finnes ikke i norsk tid, for den dagen stilles klokka fram fra 02:00 til 03:00',
    en: '{field}: {value} does not exist in Europe/Oslo: on that day the clocks go forward from 02:00 to 03:00',
  },
  reversed_range: {
    nb: '{field} kan ikke være før {0}',
    en: '{field} must not be before {0}',
  },
  bookingRequestForm: {
    nb: '{field} hører ikke hjemme i denne typen forespørsel (booking eller sesongsøknad)',
    en: '{field} does not belong in this form of request (a booking or a season application)',
  },
  nestedValidation: {
    nb: '{field} må være et objekt eller en liste av objekter',
    en: '{field} must be an object',
  },
  whitelistValidation: { nb: 'Feltet {field} er ukjent', en: 'property {field} should not exist' },
} satisfies Record<string, Text>;

/** A field whose constraint has no text of its own. */
const ANY_FIELD: Text = { nb: '{field} har en ugyldig verdi', en: '{field} is not valid' };

export const fill = (text: string, params: Params = {}): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );

/** A code's (or a throw site's) message in a language; a `what` parameter naming a Thing is translated. */
export function codeMessage(locale: Locale, key: string, params: Params = {}): string | undefined {
  const text = (CODE_MESSAGES as Record<string, Text>)[key];
  if (!text) return undefined;
  const what = typeof params.what === 'string' ? (THINGS as Record<string, Text>)[params.what] : undefined;
  return fill(text[locale], what ? { ...params, what: what[locale] } : params);
}

export function fieldMessage(locale: Locale, constraint: string, params: Params): string {
  return fill(((FIELD_MESSAGES as Record<string, Text>)[constraint] ?? ANY_FIELD)[locale], params);
}

export const hasFieldMessage = (constraint: string): boolean => constraint in FIELD_MESSAGES;
