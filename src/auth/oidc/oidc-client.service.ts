import { Inject, Injectable, Logger } from '@nestjs/common';
import { webcrypto } from 'node:crypto';
import * as client from 'openid-client';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { OidcProviderConfig } from '../../config/oidc-config';

/** What the provider said about the person: the ID token's claims over the userinfo endpoint's. */
export interface ProviderAnswer {
  subject: string;
  claims: Record<string, unknown>;
  /** The raw ID token, kept (sealed) only for the provider's sign-out. */
  idToken: string;
}

export interface AuthorizationStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface ExpectedChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * openid-client (certified RP) for each configured provider: discovery once, then the authorization code
 * flow with PKCE (S256), state and nonce; openid-client checks the ID token (signature against the
 * provider's JWKS, iss, aud, exp, iat, nonce) and the userinfo `sub`.
 */
@Injectable()
export class OidcClientService {
  private readonly logger = new Logger(OidcClientService.name);
  private readonly discovered = new Map<string, Promise<client.Configuration>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  provider(name: string): OidcProviderConfig | undefined {
    return this.config.oidcProviders.find((p) => p.name === name);
  }

  redirectUri(provider: OidcProviderConfig): string {
    return `${this.config.publicUrl}/auth/oidc/${provider.name}/callback`;
  }

  async start(provider: OidcProviderConfig): Promise<AuthorizationStart> {
    const configuration = await this.configuration(provider);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const parameters: Record<string, string> = {
      redirect_uri: this.redirectUri(provider),
      scope: provider.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    };
    if (provider.acrValues) parameters.acr_values = provider.acrValues;
    const url = client.buildAuthorizationUrl(configuration, parameters).href;
    return { url, state, nonce, codeVerifier };
  }

  /** Exchanges the code; throws OIDC_LOGIN_FAILED or OIDC_PROVIDER_UNAVAILABLE (never with the code). */
  async finish(
    provider: OidcProviderConfig,
    query: string,
    expected: ExpectedChecks,
  ): Promise<ProviderAnswer> {
    const configuration = await this.configuration(provider);
    const currentUrl = new URL(this.redirectUri(provider));
    currentUrl.search = query;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw this.failure(provider, error);
    }
    const idClaims = tokens.claims();
    if (!idClaims || !tokens.id_token)
      throw new DomainError('OIDC_LOGIN_FAILED', 'The provider sent no ID token');
    // The level of assurance is the ID token's, never userinfo's (ID-porten: "the client MUST validate
    // that the security level (acr) is sufficiently high").
    if (provider.acceptedAcr.length > 0) {
      const acr = typeof idClaims.acr === 'string' ? idClaims.acr : null;
      if (!acr || !provider.acceptedAcr.includes(acr)) {
        this.logger.warn({ provider: provider.name, acr }, 'OpenID sign-in below the level asked for');
        throw new DomainError(
          'OIDC_ASSURANCE_TOO_LOW',
          `${provider.displayName} signed you in at a lower level of assurance than this service needs`,
          { reason: acr ? 'acr_not_accepted' : 'acr_missing' },
        );
      }
    }
    let userinfo: Record<string, unknown> = {};
    if (configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
      try {
        userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      } catch (error) {
        // The ID token may carry all that is needed (Entra's roles are only there): go on without.
        this.logger.warn({ provider: provider.name, err: errorName(error) }, 'userinfo not read');
      }
    }
    return { subject: idClaims.sub, claims: { ...userinfo, ...idClaims }, idToken: tokens.id_token };
  }

  /** The provider's RP-initiated logout URL, or null when it has none (or cannot be reached now). */
  async endSessionUrl(providerName: string, idToken: string | null): Promise<string | null> {
    const provider = this.provider(providerName);
    if (!provider) return null;
    let configuration: client.Configuration;
    try {
      configuration = await this.configuration(provider);
    } catch {
      return null;
    }
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    const parameters: Record<string, string> = {
      post_logout_redirect_uri: `${this.config.publicUrl}/`,
      client_id: provider.clientId,
    };
    if (idToken) parameters.id_token_hint = idToken;
    return client.buildEndSessionUrl(configuration, parameters).href;
  }

  /** Discovery, once per provider; a failure is not remembered, so the next sign-in tries again. */
  private configuration(provider: OidcProviderConfig): Promise<client.Configuration> {
    let found = this.discovered.get(provider.name);
    if (!found) {
      // Plain http is accepted by the config check only on a loopback address (tests).
      const insecure = provider.issuer.startsWith('http:') ? [client.allowInsecureRequests] : [];
      found = clientAuth(provider)
        .then((auth) =>
          client.discovery(new URL(provider.issuer), provider.clientId, undefined, auth, {
            execute: insecure,
            timeout: 10,
          }),
        )
        .catch((error: unknown) => {
          this.discovered.delete(provider.name);
          this.logger.warn({ provider: provider.name, err: errorName(error) }, 'OpenID discovery failed');
          throw new DomainError('OIDC_PROVIDER_UNAVAILABLE', `${provider.displayName} cannot be reached now`);
        });
      this.discovered.set(provider.name, found);
    }
    return found;
  }

  private failure(provider: OidcProviderConfig, error: unknown): DomainError {
    // Only the error's kind and the provider's error code are kept: never the code, a token or a claim.
    const oauthError =
      error instanceof client.AuthorizationResponseError || error instanceof client.ResponseBodyError;
    this.logger.warn(
      { provider: provider.name, err: errorName(error), oauth: oauthError ? error.error : undefined },
      'OpenID sign-in refused',
    );
    if (!oauthError && error instanceof TypeError) {
      return new DomainError('OIDC_PROVIDER_UNAVAILABLE', `${provider.displayName} cannot be reached now`);
    }
    const reason = oauthError ? error.error : 'invalid_response';
    return new DomainError('OIDC_LOGIN_FAILED', `${provider.displayName} did not sign you in`, { reason });
  }
}

/** How frirom proves it is the client at the token endpoint: a secret, or an assertion signed with its key. */
async function clientAuth(provider: OidcProviderConfig): Promise<client.ClientAuth> {
  if (provider.clientAuthMethod === 'private_key_jwt') {
    const { jwk, alg, kid } = provider.privateKey!;
    const algorithm =
      alg === 'RS256'
        ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
        : { name: 'ECDSA', namedCurve: 'P-256' };
    const key = await webcrypto.subtle.importKey('jwk', jwk as webcrypto.JsonWebKey, algorithm, false, [
      'sign',
    ]);
    return client.PrivateKeyJwt({ key, kid });
  }
  return provider.clientAuthMethod === 'client_secret_post'
    ? client.ClientSecretPost(provider.clientSecret)
    : client.ClientSecretBasic(provider.clientSecret);
}

const errorName = (error: unknown): string =>
  error instanceof Error ? `${error.name}${'code' in error ? `:${String(error.code)}` : ''}` : 'unknown';
