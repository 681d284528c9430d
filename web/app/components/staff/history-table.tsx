import { Heading, Table } from '@digdir/designsystemet-react';
import type { components } from '../../api/schema';
import { formatDateTime, formatShortDate } from '../../i18n/format';
import { type MessageKey, useLang, useT } from '../../i18n/i18n';
import { TableScroll } from '../table-scroll';

type Entry = components['schemas']['HistoryEntryView'];
type Occurrence = components['schemas']['OccurrenceView'];

/** Every change of a request: when, who, what, which dates, why. */
export function HistoryTable({ entries, occurrences }: { entries: Entry[]; occurrences: Occurrence[] }) {
  const t = useT();
  const lang = useLang();
  const dateOf = new Map(occurrences.map((o) => [o.id, formatShortDate(o.startsAt, lang)]));
  return (
    <section aria-labelledby="history-heading">
      <Heading level={2} data-size="md" id="history-heading">
        {t('staff.history.title')}
      </Heading>
      <TableScroll labelledBy="history-heading">
        <Table zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('staff.history.when')}</Table.HeaderCell>
              <Table.HeaderCell>{t('staff.history.who')}</Table.HeaderCell>
              <Table.HeaderCell>{t('staff.history.what')}</Table.HeaderCell>
              <Table.HeaderCell>{t('staff.history.dates')}</Table.HeaderCell>
              <Table.HeaderCell>{t('staff.history.why')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {entries.map((e, i) => (
              <Table.Row key={i}>
                <Table.Cell>{formatDateTime(e.at, lang)}</Table.Cell>
                <Table.Cell>{e.actorName ?? t('staff.history.system')}</Table.Cell>
                <Table.Cell>{t(`staff.action.${e.action}` as MessageKey)}</Table.Cell>
                <Table.Cell>
                  {e.occurrenceIds.length > 3
                    ? t('staff.history.count', { count: e.occurrenceIds.length })
                    : e.occurrenceIds.map((id) => dateOf.get(id) ?? '').join(', ')}
                </Table.Cell>
                <Table.Cell>{e.reason ?? ''}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}
