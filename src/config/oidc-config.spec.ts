import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from './config';
import { acceptedAcrValues } from './oidc-config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

const idporten = {
  OIDC_PROVIDERS: 'idporten, entra',
  OIDC_IDPORTEN_ISSUER: 'https://idporten.no',
  OIDC_IDPORTEN_CLIENT_ID: 'abc',
  OIDC_IDPORTEN_CLIENT_SECRET: 's3cret',
  OIDC_IDPORTEN_ACR_VALUES: 'idporten-loa-substantial',
  OIDC_ENTRA_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
  OIDC_ENTRA_CLIENT_ID: 'def',
  OIDC_ENTRA_CLIENT_SECRET: 'other',
  OIDC_ENTRA_ROLES_CLAIM: 'roles',
  OIDC_ENTRA_CLIENT_AUTH: 'client_secret_post',
};

describe('OpenID providers and password sign-in in the configuration', () => {
  it('has no providers and password sign-in on by default', () => {
    expect(loadConfig({})).toMatchObject({ oidcProviders: [], passwordLogin: 'on' });
  });

  it('reads each listed provider, with known names, scopes and the roles claim making a staff provider', () => {
    expect(loadConfig(idporten).oidcProviders).toEqual([
      {
        name: 'idporten',
        displayName: 'ID-porten',
        issuer: 'https://idporten.no',
        clientId: 'abc',
        clientSecret: 's3cret',
        clientAuthMethod: 'client_secret_basic',
        privateKey: undefined,
        scopes: 'openid profile',
        acrValues: 'idporten-loa-substantial',
        acceptedAcr: ['idporten-loa-substantial', 'idporten-loa-high'],
        trustEmail: false,
        rolesClaim: undefined,
        staff: false,
      },
      expect.objectContaining({
        name: 'entra',
        displayName: 'Entra ID',
        scopes: 'openid profile email',
        clientAuthMethod: 'client_secret_post',
        rolesClaim: 'roles',
        acceptedAcr: [],
        trustEmail: false,
        staff: true,
      }),
    ]);
  });

  it('accepts the acr values asked for and stronger levels on ID-porten’s ladder, never weaker ones', () => {
    expect(acceptedAcrValues(['idporten-loa-substantial'])).toEqual([
      'idporten-loa-substantial',
      'idporten-loa-high',
    ]);
    expect(acceptedAcrValues(['idporten-loa-high'])).toEqual(['idporten-loa-high']);
    expect(acceptedAcrValues(['Level3'])).toEqual(['Level3', 'Level4']);
    expect(acceptedAcrValues(['urn:kommune:mfa'])).toEqual(['urn:kommune:mfa']);
    expect(acceptedAcrValues([])).toEqual([]);
    const env = { ...idporten, OIDC_IDPORTEN_ACR_VALUES: 'idporten-loa-high' };
    expect(loadConfig(env).oidcProviders[0].acceptedAcr).toEqual(['idporten-loa-high']);
    expect(problemsOf({ ...idporten, OIDC_IDPORTEN_ACR_VALUES: 'niv\u00e5-3' })).toEqual([
      'OIDC_IDPORTEN_ACR_VALUES must be space-separated values, such as idporten-loa-substantial',
    ]);
  });

  it('trusts a provider’s e-mail only when OIDC_<NAME>_TRUST_EMAIL is true', () => {
    const trusted = loadConfig({ ...idporten, OIDC_ENTRA_TRUST_EMAIL: 'true' }).oidcProviders;
    expect(trusted.map((p) => [p.name, p.trustEmail])).toEqual([
      ['idporten', false],
      ['entra', true],
    ]);
    expect(loadConfig({ ...idporten, OIDC_ENTRA_TRUST_EMAIL: 'false' }).oidcProviders[1].trustEmail).toBe(
      false,
    );
    expect(problemsOf({ ...idporten, OIDC_ENTRA_TRUST_EMAIL: 'yes' })).toEqual([
      'OIDC_ENTRA_TRUST_EMAIL must be true or false',
    ]);
  });

  describe('private_key_jwt', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const withKey = (key: string, extra: Record<string, string> = {}) => ({
      OIDC_PROVIDERS: 'idporten',
      OIDC_IDPORTEN_ISSUER: 'https://idporten.no',
      OIDC_IDPORTEN_CLIENT_ID: 'abc',
      OIDC_IDPORTEN_CLIENT_AUTH: 'private_key_jwt',
      OIDC_IDPORTEN_PRIVATE_KEY: key,
      ...extra,
    });

    it('reads a PEM key (also with \\n for line breaks) with OIDC_<NAME>_KEY_ID, and needs no secret', () => {
      for (const key of [pem, pem.replace(/\n/g, '\\n')]) {
        const [p] = loadConfig(withKey(key, { OIDC_IDPORTEN_KEY_ID: 'frirom-2027' })).oidcProviders;
        expect(p).toMatchObject({
          clientAuthMethod: 'private_key_jwt',
          clientSecret: undefined,
          privateKey: { alg: 'RS256', kid: 'frirom-2027', jwk: { kty: 'RSA', d: expect.any(String) } },
        });
      }
    });

    it('reads a private JWK with its kid, RSA or EC P-256', () => {
      const jwk = { ...ec.privateKey.export({ format: 'jwk' }), kid: 'ec-1' };
      const [p] = loadConfig(withKey(JSON.stringify(jwk))).oidcProviders;
      expect(p.privateKey).toMatchObject({ alg: 'ES256', kid: 'ec-1', jwk: { kty: 'EC', crv: 'P-256' } });
      const rsaJwk = JSON.stringify(rsa.privateKey.export({ format: 'jwk' }));
      expect(loadConfig(withKey(rsaJwk)).oidcProviders[0].privateKey).toMatchObject({
        alg: 'RS256',
        kid: undefined,
      });
    });

    it('refuses a missing key, a public key, a bad one or an unsupported curve, never echoing the value', () => {
      const publicPem = rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString();
      const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' })
        .privateKey.export({ format: 'pem', type: 'pkcs8' })
        .toString();
      const bad =
        'OIDC_IDPORTEN_PRIVATE_KEY must be a private key: PEM (-----BEGIN PRIVATE KEY-----) or a private JWK';
      expect(problemsOf(withKey(''))).toEqual([
        'OIDC_IDPORTEN_PRIVATE_KEY must be set (CLIENT_AUTH is private_key_jwt)',
      ]);
      expect(problemsOf(withKey(publicPem))).toEqual([bad]);
      expect(problemsOf(withKey('{"kty":"RSA"'))).toEqual([bad]);
      expect(problemsOf(withKey('secret-looking-text'))).toEqual([bad]);
      expect(problemsOf(withKey(p384))).toEqual([
        'OIDC_IDPORTEN_PRIVATE_KEY must be an RSA key (RS256) or an EC P-256 key (ES256)',
      ]);
      expect(problemsOf({ ...idporten, OIDC_IDPORTEN_CLIENT_AUTH: 'tls_client_auth' })).toEqual([
        'OIDC_IDPORTEN_CLIENT_AUTH must be client_secret_basic, client_secret_post or private_key_jwt',
      ]);
    });
  });

  it('names every missing or bad variable of a listed provider', () => {
    expect(problemsOf({ OIDC_PROVIDERS: 'kommune', OIDC_KOMMUNE_SCOPES: 'profile' })).toEqual([
      'OIDC_KOMMUNE_ISSUER must be set (the provider kommune is in OIDC_PROVIDERS)',
      'OIDC_KOMMUNE_CLIENT_ID must be set',
      'OIDC_KOMMUNE_CLIENT_SECRET must be set',
      'OIDC_KOMMUNE_SCOPES must include openid',
    ]);
    expect(problemsOf({ OIDC_PROVIDERS: 'bad name' })).toEqual([
      'OIDC_PROVIDERS: "bad name" must be letters and digits, starting with a letter',
    ]);
  });

  it('accepts an issuer over plain http only on a loopback address', () => {
    const env = (issuer: string) => ({ ...idporten, OIDC_IDPORTEN_ISSUER: issuer });
    expect(problemsOf(env('http://127.0.0.1:4000'))).toEqual([]);
    expect(problemsOf(env('http://localhost:4000/oidc'))).toEqual([]);
    expect(problemsOf(env('http://idporten.example.no'))).toEqual([
      'OIDC_IDPORTEN_ISSUER must use https (plain http only on a loopback address, for tests)',
    ]);
    expect(problemsOf(env('not a url'))).toHaveLength(1);
  });

  it('takes PASSWORD_LOGIN as on, staff-only or off', () => {
    expect(loadConfig({ PASSWORD_LOGIN: 'staff-only' }).passwordLogin).toBe('staff-only');
    expect(loadConfig({ PASSWORD_LOGIN: 'off' }).passwordLogin).toBe('off');
    expect(problemsOf({ PASSWORD_LOGIN: 'sometimes' })).toEqual([
      'PASSWORD_LOGIN must be on, staff-only or off',
    ]);
  });
});
