import { Button, Link, SkipLink } from '@digdir/designsystemet-react';
import { Form, NavLink, useLocation, useRouteLoaderData } from 'react-router';
import { type MessageKey, useLang, useT } from '../i18n/i18n';

const NAV: { to: string; label: MessageKey }[] = [
  { to: '/lokaler', label: 'nav.rooms' },
  { to: '/sesonger', label: 'nav.seasons' },
  { to: '/kalender', label: 'nav.calendar' },
  { to: '/organisasjoner', label: 'nav.organisations' },
];

/** The signed-in user's pages, by role (a user may have several). */
const BY_ROLE: { to: string; label: MessageKey; roles: string[] }[] = [
  { to: '/min-side', label: 'nav.mine', roles: ['applicant'] },
  { to: '/saksbehandling', label: 'nav.staff', roles: ['staff', 'admin'] },
  { to: '/vaktmester', label: 'nav.caretaker', roles: ['caretaker'] },
  { to: '/statistikk', label: 'nav.statistics', roles: ['analyst', 'staff', 'admin'] },
];

interface HeaderUser {
  name: string;
  roles: string[];
}

/** The skip link, the site's name, the main navigation, the user's pages, sign-in/out, the language. */
export function SiteHeader() {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const user = useRouteLoaderData<{ user: HeaderUser | null }>('root')?.user ?? null;
  const other = lang === 'nb' ? 'en' : 'nb';
  const params = new URLSearchParams(location.search);
  params.set('lang', other);
  const mine = user ? BY_ROLE.filter((item) => item.roles.some((r) => user.roles.includes(r))) : [];
  const here = location.pathname + location.search;
  const signInTo =
    location.pathname === '/logg-inn' || location.pathname === '/'
      ? '/logg-inn'
      : `/logg-inn?neste=${encodeURIComponent(here)}`;
  return (
    <header className="site-header">
      <SkipLink href="#main">{t('site.skip')}</SkipLink>
      <div className="site-header__inner">
        <Link asChild className="site-header__name">
          <NavLink to="/">{t('site.name')}</NavLink>
        </Link>
        <nav aria-label={t('nav.label')}>
          <ul className="site-header__nav">
            {NAV.map((item) => (
              <li key={item.to}>
                <Link asChild>
                  <NavLink to={item.to}>{t(item.label)}</NavLink>
                </Link>
              </li>
            ))}
            {mine.map((item) => (
              <li key={item.to}>
                <Link asChild>
                  <NavLink to={item.to}>{t(item.label)}</NavLink>
                </Link>
              </li>
            ))}
            {!user && (
              <li>
                <Link asChild>
                  <NavLink to={signInTo}>{t('nav.signIn')}</NavLink>
                </Link>
              </li>
            )}
            <li>
              {/* A whole page load: the root loader remembers the choice in a cookie. */}
              <Link href={`${location.pathname}?${params.toString()}`} lang={other} hrefLang={other}>
                {t('nav.otherLanguage')}
              </Link>
            </li>
            {user && (
              <li>
                <Form method="post" action="/logg-ut" className="site-header__signout">
                  <Button type="submit" variant="tertiary" data-size="sm">
                    {t('nav.signOut')}
                  </Button>
                </Form>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
