import { Link } from '@digdir/designsystemet-react';
import { Link as RouterLink, useLocation } from 'react-router';
import { useT } from '../i18n/i18n';
import type { WeekView } from '../lib/week';

/** Previous and next week, keeping the page's other filters in the URL (?uke=2027-W36). */
export function WeekNav({ week }: { week: WeekView }) {
  const t = useT();
  const location = useLocation();
  const to = (uke: string) => {
    const params = new URLSearchParams(location.search);
    params.set('uke', uke);
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <nav aria-label={t('common.week', { week: week.week.slice(-2) })} className="week-nav">
      <Link asChild>
        <RouterLink to={to(week.previous)} rel="prev">
          ← {t('common.previousWeek')}
        </RouterLink>
      </Link>
      <Link asChild>
        <RouterLink to={to(week.next)} rel="next">
          {t('common.nextWeek')} →
        </RouterLink>
      </Link>
    </nav>
  );
}
