import { Link } from '@digdir/designsystemet-react';
import { NavLink } from 'react-router';
import { type MessageKey, useT } from '../i18n/i18n';

const PAGES: { to: string; label: MessageKey }[] = [
  { to: '/statistikk', label: 'stats.nav.usage' },
  { to: '/statistikk/stotte', label: 'stats.nav.support' },
  { to: '/statistikk/rapporter', label: 'stats.nav.reports' },
  { to: '/statistikk/simulering', label: 'stats.nav.simulation' },
];

/** The analyst's pages, side by side. */
export function StatsNav() {
  const t = useT();
  return (
    <nav aria-label={t('stats.nav.label')}>
      <ul className="stats-nav">
        {PAGES.map((p) => (
          <li key={p.to}>
            <Link asChild>
              <NavLink to={p.to} end={p.to === '/statistikk'}>
                {t(p.label)}
              </NavLink>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
