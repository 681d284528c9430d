import { Link, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import type { components } from '../api/schema';
import { formatDateTime, formatTime } from '../i18n/format';
import { useLang, useT } from '../i18n/i18n';
import { TableScroll } from './table-scroll';

type Activity = components['schemas']['ActivityView'];

/** Activities as a table: when, what, who, where (each linking to its public page). */
export function ActivityTable({ activities, caption }: { activities: Activity[]; caption?: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <TableScroll label={caption ?? t('calendar.title')}>
      <Table zebra>
        {caption && <caption>{caption}</caption>}
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('calendar.when')}</Table.HeaderCell>
            <Table.HeaderCell>{t('calendar.activity')}</Table.HeaderCell>
            <Table.HeaderCell>{t('calendar.organisation')}</Table.HeaderCell>
            <Table.HeaderCell>{t('calendar.where')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {activities.map((a) => (
            <Table.Row key={a.id}>
              <Table.Cell>
                {formatDateTime(a.startsAt, lang)}–{formatTime(a.endsAt, lang)}
              </Table.Cell>
              <Table.Cell>{a.title}</Table.Cell>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/organisasjoner/${a.organisationId}`}>{a.organisationName}</RouterLink>
                </Link>
              </Table.Cell>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/lokaler/${a.roomId}`}>{a.roomName}</RouterLink>
                </Link>
                , {a.buildingName}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
