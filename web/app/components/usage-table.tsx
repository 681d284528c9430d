import type { components } from '../api/schema';
import { formatMoney, formatNumber } from '../i18n/format';
import { useLang, useT } from '../i18n/i18n';
import { FigureTable } from './figure-table';

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
  const cells = (r: UsageRow) => [
    n(r.bookedHours),
    n(r.usedHours),
    n(r.noShowHours),
    r.utilisation === null ? '–' : `${n(r.utilisation * 100)} %`,
    n(r.organisations),
    n(r.participants),
    formatMoney(r.waivedOre, lang),
    formatMoney(r.chargedOre, lang),
  ];
  return (
    <FigureTable
      id={id}
      caption={caption}
      columns={[
        groupLabel,
        t('stats.col.booked'),
        t('stats.col.used'),
        t('stats.col.noShow'),
        t('stats.col.utilisation'),
        t('stats.col.organisations'),
        t('stats.col.participants'),
        t('stats.col.waived'),
        t('stats.col.charged'),
      ]}
      rows={rows.map((r) => ({ key: r.key, label: r.label, cells: cells(r) }))}
      total={{ label: t('stats.overall'), cells: cells(overall) }}
    />
  );
}
