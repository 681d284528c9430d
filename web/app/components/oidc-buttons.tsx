import { Button } from '@digdir/designsystemet-react';
import { useT } from '../i18n/i18n';

export interface OidcProvider {
  name: string;
  displayName: string;
}

/**
 * "Logg inn med ID-porten" and the like, one a configured provider. Plain links to the API's
 * /auth/oidc/:provider/login (a full page load: the browser goes on to the provider), with `neste`.
 */
export function OidcButtons({ providers, neste }: { providers: OidcProvider[]; neste: string }) {
  const t = useT();
  if (providers.length === 0) return null;
  const query = neste ? `?neste=${encodeURIComponent(neste)}` : '';
  return (
    <ul className="oidc-buttons stack" aria-label={t('signIn.oidc.label')}>
      {providers.map((p) => (
        <li key={p.name}>
          <Button asChild variant="primary">
            <a href={`/auth/oidc/${encodeURIComponent(p.name)}/login${query}`}>
              {t('signIn.oidc.with', { provider: p.displayName })}
            </a>
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** The sign-in page's ?feil= codes from an OpenID sign-in that did not go through. */
export const OIDC_ERRORS = [
  'OIDC_LOGIN_INVALID',
  'OIDC_LOGIN_FAILED',
  'OIDC_PROVIDER_UNAVAILABLE',
  'OIDC_ASSURANCE_TOO_LOW',
  'ACCOUNT_DEACTIVATED',
];
