import { Link } from '@digdir/designsystemet-react';
import { NavLink } from 'react-router';
import { type MessageKey, useT } from '../../i18n/i18n';

/** The staff pages, in the order of the sub-navigation. Adding a page is one line here. */
export const STAFF_NAV: { to: string; label: MessageKey; end?: boolean }[] = [
  { to: '/saksbehandling', label: 'staff.nav.inbox', end: true },
  { to: '/saksbehandling/konflikter', label: 'staff.nav.conflicts' },
  { to: '/saksbehandling/organisasjoner', label: 'staff.nav.organisations' },
  { to: '/saksbehandling/lokaler', label: 'staff.venues.title' },
  { to: '/saksbehandling/fritaksregler', label: 'staff.rules.title' },
  { to: '/saksbehandling/sesonger', label: 'staff.seasons.title' },
  { to: '/saksbehandling/e-post', label: 'staff.nav.failedMail' },
];

export function StaffNav() {
  const t = useT();
  return (
    <nav aria-label={t('staff.nav.label')} className="staff-nav">
      <ul>
        {STAFF_NAV.map((item) => (
          <li key={item.to}>
            <Link asChild>
              <NavLink to={item.to} end={item.end}>
                {t(item.label)}
              </NavLink>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
