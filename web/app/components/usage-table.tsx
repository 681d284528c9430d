import { Table } from '@digdir/designsystemet-react';
import type { components } from '../api/schema';
import { formatMoney, formatNumber } from '../i18n/format';
import { useLang, useT } from '../i18n/i18n';
import { TableScroll } from './table-scroll';

export type UsageRow = components['schemas']['UsageRowView'];

/**
 * Usage figures one row a group, and the whole period last. It is also the text alternative of the
 * chart beside it (`id`), so it carries a caption naming the period. Wide: it scrolls inside its
 * own focusable region on a phone, never the page.
 */
export function UsageTable({
  id,
  caption,
  groupLabel,
  rows,
  overall,
}: {
  id: string;
  caption: string;
  groupLabel: string;
  rows: UsageRow[];
  overall: UsageRow;
}) {
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(v, lang);
  const line = (r: UsageRow, total = false) => {
    const Cell = total ? Table.HeaderCell : Table.Cell;
    return (
      <Table.Row key={r.key}>
        <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
        <Cell>{n(r.bookedHours)}</Cell>
        <Cell>{n(r.usedHours)}</Cell>
        <Cell>{n(r.noShowHours)}</Cell>
        <Cell>{r.utilisation === null ? '–' : `${n(r.utilisation * 100)} %`}</Cell>
        <Cell>{n(r.organisations)}</Cell>
        <Cell>{n(r.participants)}</Cell>
        <Cell>{formatMoney(r.waivedOre, lang)}</Cell>
        <Cell>{formatMoney(r.chargedOre, lang)}</Cell>
      </Table.Row>
    );
  };
  return (
    <TableScroll labelledBy={`${id}-caption`}>
      <Table id={id} zebra data-size="sm">
        <caption id={`${id}-caption`}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{groupLabel}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('stats.col.booked')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('stats.col.used')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('stats.col.noShow')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('stats.col.utilisation')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('stats.col.organisations')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('stats.col.participants')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('stats.col.waived')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('stats.col.charged')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => line(r))}
          {line({ ...overall, label: t('stats.overall') }, true)}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
