import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/**
 * A person at the test provider: the claims it answers for them. `acr` is not a claim of theirs but the
 * level of assurance they sign in at (the ID token's acr), when the provider has acrValues; null: none.
 */
export type TestAccount = Record<string, unknown>;

export interface TestProvider {
  /** The issuer (http://127.0.0.1:<port>), for OIDC_<NAME>_ISSUER. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** With clientAuth private_key_jwt: the client's key (its public half is registered), as PEM and JWK. */
  clientKey?: { pem: string; jwk: JsonWebKey & { kid: string } };
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
  /** Levels of assurance it offers (as ID-porten's); a person signs in at their `acr`, else the first. */
  acrValues?: string[];
  /** How the client must authenticate at the token endpoint; private_key_jwt makes a key for it. */
  clientAuth?: 'client_secret_basic' | 'private_key_jwt';
  /**
   * Lets another process change the accounts: `PUT <issuer>/frirom-test/accounts/<login>` with the claims
   * as JSON (Playwright's tests, while the provider runs in its global setup). Tests only.
   */
  remoteAccounts?: boolean;
  port?: number;
}

/** Where the test provider publishes the frirom client's public key (private_key_jwt). */
const CLIENT_JWKS_PATH = '/frirom-client/jwks.json';

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
  const clientAuth = options.clientAuth ?? 'client_secret_basic';
  let clientKey: TestProvider['clientKey'];
  let publicJwk: JsonWebKey | undefined;
  if (clientAuth === 'private_key_jwt') {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = `${options.name}-key-1`;
    clientKey = {
      pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      jwk: { ...privateKey.export({ format: 'jwk' }), kid },
    };
    publicJwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig' };
  }
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        ...(publicJwk
          ? {
              // Fetched from this server (a static `jwks` trips oidc-provider's plain-object check under
              // jest, where structuredClone's objects come from another realm).
              jwks_uri: `${issuer}${CLIENT_JWKS_PATH}`,
              token_endpoint_auth_signing_alg: 'RS256',
            }
          : { client_secret: clientSecret }),
        redirect_uris: [`${options.publicUrl}/auth/oidc/${options.name}/callback`],
        post_logout_redirect_uris: [`${options.publicUrl}/`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: clientAuth,
      },
    ],
    ...(options.acrValues && { acrValues: options.acrValues }),
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
          const claims = Object.entries(account).filter(
            ([k]) => k !== 'acr' && (use === 'id_token' || !idTokenOnly.has(k)),
          );
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
  if (options.acrValues) {
    // The development login page knows no levels: the person's `acr` is set where their login ends.
    const finished = provider.interactionFinished.bind(provider);
    provider.interactionFinished = (req, res, result, more) => {
      const login = result.login as { accountId: string; acr?: string } | undefined;
      if (login) {
        const acr = accounts.get(login.accountId)?.acr;
        if (acr !== null) login.acr = typeof acr === 'string' ? acr : options.acrValues![0];
      }
      return finished(req, res, result, more);
    };
  }
  const handle = provider.callback();
  server.on('request', (req, res) => {
    const remote = /^\/frirom-test\/accounts\/([\w-]+)$/.exec(req.url ?? '');
    if (options.remoteAccounts && remote && req.method === 'PUT') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        accounts.set(remote[1], JSON.parse(body) as TestAccount);
        res.statusCode = 204;
        res.end();
      });
      return;
    }
    if (publicJwk && req.url === CLIENT_JWKS_PATH) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [publicJwk] }));
      return;
    }
    void handle(req, res);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    clientKey,
    accounts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * frirom's environment for these providers (OIDC_PROVIDERS and OIDC_<NAME>_*); a provider made with
 * clientAuth private_key_jwt gets CLIENT_AUTH, PRIVATE_KEY (its PEM) and KEY_ID instead of a secret.
 */
export function oidcEnv(
  providers: { name: string; provider: TestProvider; rolesClaim?: string; displayName?: string }[],
): Record<string, string> {
  const env: Record<string, string> = { OIDC_PROVIDERS: providers.map((p) => p.name).join(',') };
  for (const { name, provider, rolesClaim, displayName } of providers) {
    const prefix = `OIDC_${name.toUpperCase()}_`;
    env[`${prefix}ISSUER`] = provider.issuer;
    env[`${prefix}CLIENT_ID`] = provider.clientId;
    if (provider.clientKey) {
      env[`${prefix}CLIENT_AUTH`] = 'private_key_jwt';
      env[`${prefix}PRIVATE_KEY`] = provider.clientKey.pem;
      env[`${prefix}KEY_ID`] = provider.clientKey.jwk.kid;
    } else env[`${prefix}CLIENT_SECRET`] = provider.clientSecret;
    if (rolesClaim) env[`${prefix}ROLES_CLAIM`] = rolesClaim;
    if (displayName) env[`${prefix}DISPLAY_NAME`] = displayName;
  }
  return env;
}
