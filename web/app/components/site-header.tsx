import { Link, SkipLink } from '@digdir/designsystemet-react';
import { NavLink, useLocation } from 'react-router';
import { type MessageKey, useLang, useT } from '../i18n/i18n';

const NAV: { to: string; label: MessageKey }[] = [
  { to: '/lokaler', label: 'nav.rooms' },
  { to: '/kalender', label: 'nav.calendar' },
  { to: '/organisasjoner', label: 'nav.organisations' },
];

/** The skip link, the site's name, the main navigation and the language switch. */
export function SiteHeader() {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const other = lang === 'nb' ? 'en' : 'nb';
  const params = new URLSearchParams(location.search);
  params.set('lang', other);
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
            <li>
              {/* A whole page load: the root loader remembers the choice in a cookie. */}
              <Link href={`${location.pathname}?${params.toString()}`} lang={other} hrefLang={other}>
                {t('nav.otherLanguage')}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
