import { Table, Tag } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { formatDate, formatMoney, formatTime } from '../i18n/format';
import { type MessageKey, useLang, useT } from '../i18n/i18n';
import { TableScroll } from './table-scroll';

/** One date of a request or a quote: when, its status, what is in the way, its fee and the rule applied. */
export interface DateRow {
  key: string;
  startsAt: string;
  endsAt: string;
  status?: string;
  conflicts: { kind: string; date?: string; reason?: string }[];
  chargedOre: number;
  listOre: number;
  ruleName: string | null;
  action?: ReactNode;
}

const STATUS_COLOR: Record<string, 'success' | 'danger' | 'warning' | 'neutral' | 'info'> = {
  approved: 'success',
  pending: 'info',
  rejected: 'danger',
  withdrawn: 'neutral',
  cancelled: 'neutral',
};

export function conflictText(c: DateRow['conflicts'][number], t: ReturnType<typeof useT>): string {
  const what = t(`conflict.${c.kind}` as MessageKey);
  return c.reason ? `${what}: ${c.reason}` : what;
}

/** Every date in a table (a list of rows at 360 px: the table scrolls within its box, not the page). */
export function OccurrenceTable({ rows, caption }: { rows: DateRow[]; caption: string }) {
  const t = useT();
  const lang = useLang();
  const withStatus = rows.some((r) => r.status);
  const withAction = rows.some((r) => r.action !== undefined);
  return (
    // Focusable and named, so a keyboard user can scroll a wide table at 360 px.
    <TableScroll label={caption}>
      <Table data-size="sm" zebra>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('dates.when')}</Table.HeaderCell>
            {withStatus && <Table.HeaderCell>{t('dates.status')}</Table.HeaderCell>}
            <Table.HeaderCell>{t('dates.conflicts')}</Table.HeaderCell>
            <Table.HeaderCell>{t('dates.fee')}</Table.HeaderCell>
            <Table.HeaderCell>{t('dates.rule')}</Table.HeaderCell>
            {withAction && <Table.HeaderCell>{t('dates.action')}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.key}>
              <Table.Cell>
                {formatDate(r.startsAt, lang)}
                <br />
                {t('common.timeRange', {
                  from: formatTime(r.startsAt, lang),
                  to: formatTime(r.endsAt, lang),
                })}
              </Table.Cell>
              {withStatus && (
                <Table.Cell>
                  {r.status && (
                    <Tag data-color={STATUS_COLOR[r.status] ?? 'neutral'}>
                      {t(`occurrenceStatus.${r.status}` as MessageKey)}
                    </Tag>
                  )}
                </Table.Cell>
              )}
              <Table.Cell>
                {r.conflicts.length === 0
                  ? t('dates.free')
                  : r.conflicts.map((c, i) => <div key={i}>{conflictText(c, t)}</div>)}
              </Table.Cell>
              <Table.Cell>
                {formatMoney(r.chargedOre, lang)}
                {r.listOre > r.chargedOre && (
                  <>
                    <br />
                    <small>{t('dates.listPrice', { price: formatMoney(r.listOre, lang) })}</small>
                  </>
                )}
              </Table.Cell>
              <Table.Cell>{r.ruleName ?? t('dates.noRule')}</Table.Cell>
              {withAction && <Table.Cell>{r.action}</Table.Cell>}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
