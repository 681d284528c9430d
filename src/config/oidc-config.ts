import { createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';

export const PASSWORD_LOGIN_MODES = ['on', 'staff-only', 'off'] as const;
/** on: everyone; staff-only: users with a staff, admin, caretaker or analyst role; off: nobody. */
export type PasswordLogin = (typeof PASSWORD_LOGIN_MODES)[number];

export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** The client's own key for private_key_jwt (RFC 7523 client assertions), as a private JWK. */
export interface ClientKey {
  jwk: JsonWebKey;
  /** RS256 for an RSA key, ES256 for an EC P-256 key. */
  alg: 'RS256' | 'ES256';
  /** The key's id at the provider (the JWK's kid, or OIDC_<NAME>_KEY_ID), sent as the assertion's kid. */
  kid?: string;
}

/**
 * Levels of assurance that are known to be ordered, weakest first: a sign-in at a stronger level than
 * the one asked for is accepted (ID-porten may answer idporten-loa-high, as for BankID, to a request
 * for idporten-loa-substantial). Level3/Level4 are ID-porten's older names for the same two levels.
 */
const ACR_LADDERS = [
  ['idporten-loa-substantial', 'idporten-loa-high'],
  ['Level3', 'Level4'],
];

/** The acr values accepted in the ID token: those asked for, and any stronger level on the same ladder. */
export function acceptedAcrValues(asked: string[]): string[] {
  const accepted = new Set(asked);
  for (const value of asked) {
    for (const ladder of ACR_LADDERS) {
      const at = ladder.indexOf(value);
      if (at >= 0) ladder.slice(at).forEach((v) => accepted.add(v));
    }
  }
  return [...accepted];
}

/** One OpenID provider, from OIDC_<NAME>_* (DESIGN.md "Registers and sign-in"). */
export interface OidcProviderConfig {
  /** Lower-case, as in OIDC_PROVIDERS and the paths /auth/oidc/<name>/…. */
  name: string;
  /** "Logg inn med <displayName>". */
  displayName: string;
  issuer: string;
  clientId: string;
  /** Unset with private_key_jwt. */
  clientSecret?: string;
  clientAuthMethod: ClientAuthMethod;
  /** Set with private_key_jwt only. */
  privateKey?: ClientKey;
  scopes: string;
  /** acr_values sent with the request (ID-porten: idporten-loa-substantial or idporten-loa-high). */
  acrValues?: string;
  /**
   * With acrValues: the ID token's acr must be one of these (acceptedAcrValues), else the sign-in is
   * refused with OIDC_ASSURANCE_TOO_LOW. Empty: acr is not checked.
   */
  acceptedAcr: string[];
  /**
   * OIDC_<NAME>_TRUST_EMAIL: the provider's `email` counts as verified for linking to an existing account
   * even without email_verified (Entra ID sends none), unless the provider says email_verified false.
   * Only for a provider whose addresses the municipality controls (its own Entra tenant).
   */
  trustEmail: boolean;
  /** A claim whose values that are frirom roles become the user's roles at each sign-in. */
  rolesClaim?: string;
  /** A provider with a roles claim is the municipality's own (staff) provider. */
  staff: boolean;
}

/** Names people know; any other provider is shown by its OIDC_<NAME>_DISPLAY_NAME or its name. */
const KNOWN: Record<string, { displayName: string; scopes: string }> = {
  // ID-porten has no e-mail scope: asking for one is an error there.
  idporten: { displayName: 'ID-porten', scopes: 'openid profile' },
  entra: { displayName: 'Entra ID', scopes: 'openid profile email' },
};

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Plain http only to this machine (tests, a local provider); anything else must be https. */
function issuerProblem(key: string, value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${key} must be the provider's issuer URL, such as https://idporten.no`;
  }
  if (url.protocol === 'https:') return undefined;
  const host = url.hostname;
  const loopback = LOOPBACK_NAMES.has(host) || (isIP(host) === 4 && host.startsWith('127.'));
  if (url.protocol === 'http:' && loopback) return undefined;
  return `${key} must use https (plain http only on a loopback address, for tests)`;
}

/** OIDC_PROVIDERS and each provider's variables; every problem is pushed onto `problems`. */
export function parseOidcProviders(env: NodeJS.ProcessEnv, problems: string[]): OidcProviderConfig[] {
  const names = (env.OIDC_PROVIDERS ?? '')
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
  const providers: OidcProviderConfig[] = [];
  for (const name of new Set(names)) {
    if (!/^[a-z][a-z0-9]{0,29}$/.test(name)) {
      problems.push(`OIDC_PROVIDERS: "${name}" must be letters and digits, starting with a letter`);
      continue;
    }
    const prefix = `OIDC_${name.toUpperCase()}_`;
    const read = (suffix: string): string | undefined => env[prefix + suffix]?.trim() || undefined;
    const issuer = read('ISSUER');
    const clientId = read('CLIENT_ID');
    const clientSecret = read('CLIENT_SECRET');
    const clientAuthMethod = (read('CLIENT_AUTH') ?? 'client_secret_basic') as ClientAuthMethod;
    const before = problems.length;
    if (!issuer) problems.push(`${prefix}ISSUER must be set (the provider ${name} is in OIDC_PROVIDERS)`);
    else {
      const problem = issuerProblem(`${prefix}ISSUER`, issuer);
      if (problem) problems.push(problem);
    }
    if (!clientId) problems.push(`${prefix}CLIENT_ID must be set`);
    let privateKey: ClientKey | undefined;
    if (!CLIENT_AUTH_METHODS.includes(clientAuthMethod)) {
      problems.push(
        `${prefix}CLIENT_AUTH must be client_secret_basic, client_secret_post or private_key_jwt`,
      );
    } else if (clientAuthMethod === 'private_key_jwt') {
      const key = read('PRIVATE_KEY');
      if (!key) problems.push(`${prefix}PRIVATE_KEY must be set (CLIENT_AUTH is private_key_jwt)`);
      else {
        privateKey = parseClientKey(key, read('KEY_ID'), `${prefix}PRIVATE_KEY`, problems);
      }
    } else if (!clientSecret) {
      problems.push(`${prefix}CLIENT_SECRET must be set`);
    }
    const scopes = read('SCOPES') ?? KNOWN[name]?.scopes ?? 'openid profile email';
    if (!scopes.split(/\s+/).includes('openid')) problems.push(`${prefix}SCOPES must include openid`);
    const rolesClaim = read('ROLES_CLAIM');
    if (rolesClaim && !/^[A-Za-z0-9_:./-]{1,100}$/.test(rolesClaim)) {
      problems.push(`${prefix}ROLES_CLAIM must be a claim name, such as roles`);
    }
    const acrValues = read('ACR_VALUES');
    const asked = acrValues?.split(/\s+/) ?? [];
    if (asked.some((v) => !/^[\x21-\x7e]{1,100}$/.test(v))) {
      problems.push(`${prefix}ACR_VALUES must be space-separated values, such as idporten-loa-substantial`);
    }
    const trustEmail = read('TRUST_EMAIL') ?? 'false';
    if (!['true', 'false'].includes(trustEmail)) problems.push(`${prefix}TRUST_EMAIL must be true or false`);
    if (problems.length > before) continue;
    providers.push({
      name,
      displayName: read('DISPLAY_NAME') ?? KNOWN[name]?.displayName ?? name,
      issuer: issuer!,
      clientId: clientId!,
      clientSecret: clientAuthMethod === 'private_key_jwt' ? undefined : clientSecret,
      clientAuthMethod,
      privateKey,
      scopes,
      acrValues,
      acceptedAcr: acceptedAcrValues(asked),
      trustEmail: trustEmail === 'true',
      rolesClaim,
      staff: Boolean(rolesClaim),
    });
  }
  return providers;
}

/**
 * OIDC_<NAME>_PRIVATE_KEY: a PEM private key (PKCS#8 or PKCS#1; `\n` written as two characters is read as
 * a line break, as env files often have it) or a private JWK as JSON. RSA (RS256) or EC P-256 (ES256).
 */
function parseClientKey(
  value: string,
  keyId: string | undefined,
  name: string,
  problems: string[],
): ClientKey | undefined {
  let key: KeyObject;
  let kid = keyId;
  try {
    if (value.startsWith('{')) {
      const jwk = JSON.parse(value) as JsonWebKey & { kid?: string };
      kid ??= typeof jwk.kid === 'string' ? jwk.kid : undefined;
      key = createPrivateKey({ key: jwk, format: 'jwk' });
    } else {
      key = createPrivateKey(value.includes('\n') ? value : value.replace(/\\n/g, '\n'));
    }
  } catch {
    // Never the value in the message: it is a secret.
    problems.push(`${name} must be a private key: PEM (-----BEGIN PRIVATE KEY-----) or a private JWK`);
    return undefined;
  }
  const type = key.asymmetricKeyType;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (type !== 'rsa' && !(type === 'ec' && curve === 'prime256v1')) {
    problems.push(`${name} must be an RSA key (RS256) or an EC P-256 key (ES256)`);
    return undefined;
  }
  return { jwk: key.export({ format: 'jwk' }), alg: type === 'rsa' ? 'RS256' : 'ES256', kid };
}

export function parsePasswordLogin(value: string | undefined, problems: string[]): PasswordLogin {
  const mode = (value?.trim() || 'on') as PasswordLogin;
  if (PASSWORD_LOGIN_MODES.includes(mode)) return mode;
  problems.push('PASSWORD_LOGIN must be on, staff-only or off');
  return 'on';
}
