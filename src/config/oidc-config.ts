import { isIP } from 'node:net';

export const PASSWORD_LOGIN_MODES = ['on', 'staff-only', 'off'] as const;
/** on: everyone; staff-only: users with a staff, admin, caretaker or analyst role; off: nobody. */
export type PasswordLogin = (typeof PASSWORD_LOGIN_MODES)[number];

export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** One OpenID provider, from OIDC_<NAME>_* (DESIGN.md "Registers and sign-in"). */
export interface OidcProviderConfig {
  /** Lower-case, as in OIDC_PROVIDERS and the paths /auth/oidc/<name>/…. */
  name: string;
  /** "Logg inn med <displayName>". */
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  clientAuthMethod: ClientAuthMethod;
  scopes: string;
  /** acr_values sent with the request (ID-porten: idporten-loa-substantial or idporten-loa-high). */
  acrValues?: string;
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
    const before = problems.length;
    if (!issuer) problems.push(`${prefix}ISSUER must be set (the provider ${name} is in OIDC_PROVIDERS)`);
    else {
      const problem = issuerProblem(`${prefix}ISSUER`, issuer);
      if (problem) problems.push(problem);
    }
    if (!clientId) problems.push(`${prefix}CLIENT_ID must be set`);
    if (!clientSecret) problems.push(`${prefix}CLIENT_SECRET must be set`);
    const clientAuthMethod = (read('CLIENT_AUTH') ?? 'client_secret_basic') as ClientAuthMethod;
    if (!CLIENT_AUTH_METHODS.includes(clientAuthMethod)) {
      problems.push(`${prefix}CLIENT_AUTH must be client_secret_basic or client_secret_post`);
    }
    const scopes = read('SCOPES') ?? KNOWN[name]?.scopes ?? 'openid profile email';
    if (!scopes.split(/\s+/).includes('openid')) problems.push(`${prefix}SCOPES must include openid`);
    const rolesClaim = read('ROLES_CLAIM');
    if (rolesClaim && !/^[A-Za-z0-9_:./-]{1,100}$/.test(rolesClaim)) {
      problems.push(`${prefix}ROLES_CLAIM must be a claim name, such as roles`);
    }
    if (problems.length > before) continue;
    providers.push({
      name,
      displayName: read('DISPLAY_NAME') ?? KNOWN[name]?.displayName ?? name,
      issuer: issuer!,
      clientId: clientId!,
      clientSecret: clientSecret!,
      clientAuthMethod,
      scopes,
      acrValues: read('ACR_VALUES'),
      rolesClaim,
      staff: Boolean(rolesClaim),
    });
  }
  return providers;
}

export function parsePasswordLogin(value: string | undefined, problems: string[]): PasswordLogin {
  const mode = (value?.trim() || 'on') as PasswordLogin;
  if (PASSWORD_LOGIN_MODES.includes(mode)) return mode;
  problems.push('PASSWORD_LOGIN must be on, staff-only or off');
  return 'on';
}
