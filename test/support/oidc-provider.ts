import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** A person at the test provider: the claims it answers for them. */
export type TestAccount = Record<string, unknown>;

export interface TestProvider {
  /** The issuer (http://127.0.0.1:<port>), for OIDC_<NAME>_ISSUER. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People the provider knows, by the login typed on its page; change them between sign-ins. */
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
}

export interface TestProviderOptions {
  /** frirom's PUBLIC_URL and the provider's name there: the redirect URI is derived from them. */
  publicUrl: string;
  name: string;
  /**
   * Claims that only the ID token carries (as Entra ID's roles); all others come only from the
   * userinfo endpoint, as oidc-provider answers by default for the code flow.
   */
  idTokenOnly?: string[];
  port?: number;
}

/**
 * A real OpenID provider (panva's oidc-provider, certified) in this process, on a free loopback port:
 * discovery, authorization code with PKCE required, signed ID tokens, userinfo, RP-initiated logout, and
 * its development login and consent pages (any password; the login names the account).
 */
export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = `frirom-${options.name}`;
  const clientSecret = `secret-${options.name}-0123456789abcdef`;
  const idTokenOnly = new Set(options.idTokenOnly ?? []);
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${options.publicUrl}/auth/oidc/${options.name}/callback`],
        post_logout_redirect_uris: [`${options.publicUrl}/`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: {
      openid: ['sub', 'pid', 'roles'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
    },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims(use) {
          const claims = Object.entries(account).filter(([k]) => use === 'id_token' || !idTokenOnly.has(k));
          return { sub: id, ...Object.fromEntries(claims) };
        },
      };
    },
    // By default oidc-provider answers the scopes' claims from userinfo only (the code flow as the standard
    // has it): frirom must read them there. With ID-token-only claims (Entra ID's roles) every claim goes
    // in the ID token too, and those stay out of userinfo (findAccount above).
    conformIdTokenClaims: idTokenOnly.size === 0,
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    cookies: { keys: ['frirom-test-provider-cookie-key'] },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  };
  const provider = new Provider(issuer, configuration);
  const handle = provider.callback();
  server.on('request', (req, res) => void handle(req, res));
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** frirom's environment for these providers (OIDC_PROVIDERS and OIDC_<NAME>_*). */
export function oidcEnv(
  providers: { name: string; provider: TestProvider; rolesClaim?: string; displayName?: string }[],
): Record<string, string> {
  const env: Record<string, string> = { OIDC_PROVIDERS: providers.map((p) => p.name).join(',') };
  for (const { name, provider, rolesClaim, displayName } of providers) {
    const prefix = `OIDC_${name.toUpperCase()}_`;
    env[`${prefix}ISSUER`] = provider.issuer;
    env[`${prefix}CLIENT_ID`] = provider.clientId;
    env[`${prefix}CLIENT_SECRET`] = provider.clientSecret;
    if (rolesClaim) env[`${prefix}ROLES_CLAIM`] = rolesClaim;
    if (displayName) env[`${prefix}DISPLAY_NAME`] = displayName;
  }
  return env;
}
