import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { components } from '../../api/schema';
import { WithdrawRequest } from '../withdraw-request';
import { formatDateTime } from '../../i18n/format';
import { type MessageKey, useLang, useT } from '../../i18n/i18n';

type Application = components['schemas']['SeasonApplicationView'];
type SeasonRoom = components['schemas']['SeasonRoomView'];

const WITHDRAWABLE = ['submitted', 'in_review'];
const STATUS_COLOR: Record<string, 'success' | 'danger' | 'neutral' | 'info' | 'warning'> = {
  approved: 'success',
  partially_approved: 'warning',
  rejected: 'danger',
  withdrawn: 'neutral',
  cancelled: 'neutral',
};

/**
 * My organisations' applications in the round, newest first, each with its status and its alternatives
 * in order. `Trekk søknaden` first asks (a GET with ?trekk=, so it works without JavaScript), then posts;
 * only while the round is open.
 */
export function MyApplications({
  applications,
  rooms,
  canWithdraw,
  confirm,
  error,
}: {
  applications: Application[];
  rooms: SeasonRoom[];
  canWithdraw: boolean;
  confirm: string | null;
  error?: string;
}) {
  const t = useT();
  const lang = useLang();
  const roomName = new Map(rooms.map((r) => [r.id, `${r.name} (${r.buildingName})`]));
  return (
    <section aria-labelledby="mine-applications-heading" className="stack" id="mine-applications">
      <Heading level={2} data-size="lg" id="mine-applications-heading">
        {t('season.mine.heading')}
      </Heading>
      {applications.length === 0 && <Paragraph>{t('season.mine.none')}</Paragraph>}
      {applications.map((a) => (
        <Card key={a.id} id={`application-${a.id}`} className="stack">
          <Heading level={3} data-size="md">
            {a.title}
          </Heading>
          <Paragraph>
            {t('season.mine.facts', {
              organisation: a.organisationName,
              perWeek: a.sessionsPerWeek,
              sent: formatDateTime(a.createdAt, lang),
            })}{' '}
            <Tag data-color={STATUS_COLOR[a.status] ?? 'info'}>
              {t(`requestStatus.${a.status}` as MessageKey)}
            </Tag>
          </Paragraph>
          <ol aria-label={t('season.mine.alternatives', { title: a.title })}>
            {a.preferences.map((p, i) => (
              <li key={`${i}-${p.roomId}`}>
                {t('season.mine.alternative', {
                  room: roomName.get(p.roomId) ?? '',
                  weekday: t(`weekday.${p.weekday}` as MessageKey),
                  from: p.startTime,
                  to: p.endTime,
                })}
              </li>
            ))}
          </ol>
          {canWithdraw && WITHDRAWABLE.includes(a.status) && (
            <WithdrawRequest
              requestId={a.id}
              confirming={confirm === a.id}
              question={t('season.mine.withdrawConfirmText', { title: a.title })}
              error={error}
              keepTo={{ search: '', hash: `application-${a.id}` }}
            />
          )}
        </Card>
      ))}
    </section>
  );
}
