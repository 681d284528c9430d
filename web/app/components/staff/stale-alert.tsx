import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useLocation } from 'react-router';
import type { ApiError } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import { type MessageKey, useLang, useT } from '../../i18n/i18n';

interface Change {
  action: string;
  at: string;
  actorName: string | null;
  reason: string | null;
}

export const isStale = (error: ApiError | null | undefined): boolean => error?.code === 'STALE_VIEW';

/** The API refused a decision made on an old view (409 STALE_VIEW): what changed, and a reload link. */
export function StaleAlert({ error }: { error: ApiError }) {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const changes = ((error.details as { changes?: Change[] } | undefined)?.changes ?? []).slice(-5);
  return (
    <Alert data-color="warning" role="alert">
      <Heading level={2} data-size="xs">
        {t('staff.stale.title')}
      </Heading>
      <Paragraph>{t('staff.stale.text')}</Paragraph>
      {changes.length > 0 && (
        <ul>
          {changes.map((c, i) => (
            <li key={i}>
              {formatDateTime(c.at, lang)}: {t(`staff.action.${c.action}` as MessageKey)}
              {c.actorName ? ` (${c.actorName})` : ''}
              {c.reason ? ` – ${c.reason}` : ''}
            </li>
          ))}
        </ul>
      )}
      <Paragraph>
        <Link href={location.pathname + location.search}>{t('staff.stale.reload')}</Link>
      </Paragraph>
    </Alert>
  );
}
