import { Table } from '@digdir/designsystemet-react';
import type { components } from '../api/schema';
import { formatShortDate, formatTime } from '../i18n/format';
import { type MessageKey, useLang, useT } from '../i18n/i18n';
import { osloDateOf } from '../lib/week';
import { TableScroll } from './table-scroll';

type Busy = components['schemas']['BusyTimeView'];
type Opening = components['schemas']['OpeningWindowDto'];

/** A room's week, one row a day: when it is open and when it is busy (booked or closed), nobody named. */
export function RoomWeek({
  days,
  busy,
  hours,
  caption,
}: {
  days: string[];
  busy: Busy[];
  hours: Opening[];
  caption: string;
}) {
  const t = useT();
  const lang = useLang();
  const osloDate = osloDateOf;
  return (
    <TableScroll label={caption}>
      <Table>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('room.day')}</Table.HeaderCell>
            <Table.HeaderCell>{t('room.openingHours')}</Table.HeaderCell>
            <Table.HeaderCell>{t('room.busyTimes')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {days.map((day, i) => {
            const open = hours.filter((h) => h.weekday === i + 1);
            const taken = busy.filter((b) => osloDate(b.startsAt) <= day && osloDate(b.endsAt) >= day);
            return (
              <Table.Row key={day}>
                <Table.HeaderCell scope="row">{formatShortDate(`${day}T12:00:00Z`, lang)}</Table.HeaderCell>
                <Table.Cell>
                  {open.length ? open.map((h) => `${h.opens}–${h.closes}`).join(', ') : t('room.closed')}
                </Table.Cell>
                <Table.Cell>
                  {taken.length === 0
                    ? '–'
                    : taken
                        .map(
                          (b) =>
                            `${formatTime(b.startsAt, lang)}–${formatTime(b.endsAt, lang)} ${t(
                              (b.reason === 'closed' ? 'room.busyClosed' : 'room.busyBooked') as MessageKey,
                            ).toLowerCase()}`,
                        )
                        .join(', ')}
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
