import { ConfigError, loadConfig } from './config';

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
        scopes: 'openid profile',
        acrValues: 'idporten-loa-substantial',
        rolesClaim: undefined,
        staff: false,
      },
      expect.objectContaining({
        name: 'entra',
        displayName: 'Entra ID',
        scopes: 'openid profile email',
        clientAuthMethod: 'client_secret_post',
        rolesClaim: 'roles',
        staff: true,
      }),
    ]);
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
