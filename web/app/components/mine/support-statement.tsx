import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import type { components } from '../../api/schema';
import { formatMoney, formatMonth, formatNumber } from '../../i18n/format';
import { useLang, useT } from '../../i18n/i18n';
import type { Mine } from '../../lib/mine.server';
import { SelectField } from '../fields';
import { FigureTable } from '../figure-table';

type Figures = components['schemas']['SupportFiguresView'];

/** The years the chooser offers: this year, the two before it and the next. */
export const supportYears = (thisYear: number): number[] => [
  thisYear + 1,
  thisYear,
  thisYear - 1,
  thisYear - 2,
];

/**
 * Each organisation's support statement for a year (?aar=): hours, list value, waived and charged, by
 * building and by month, from GET /organisations/:id/support. Two narrow tables rather than one
 * building × month grid, so a phone scrolls them little; each scrolls in its own box, never the page.
 */
export function MySupport({
  organisations,
  year,
  years,
}: {
  organisations: Mine['organisations'];
  year: number;
  /** The years to choose from (supportYears of this year in Oslo, from the loader). */
  years: number[];
}) {
  const t = useT();
  if (organisations.length === 0) return null;
  return (
    <section aria-labelledby="mine-support" className="stack">
      <Heading level={2} data-size="lg" id="mine-support">
        {t('mine.statement.heading', { year })}
      </Heading>
      <Paragraph>{t('mine.statement.intro')}</Paragraph>
      <Form method="get" className="form-row narrow-form" preventScrollReset>
        <SelectField
          id="support-year"
          label={t('mine.statement.year')}
          name="aar"
          defaultValue={String(year)}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t('mine.statement.show')}
        </Button>
      </Form>
      {organisations.map((o) => (
        <OrganisationSupport key={o.id} name={o.name} id={o.id} year={year} statement={o.support} />
      ))}
    </section>
  );
}

function OrganisationSupport({
  id,
  name,
  year,
  statement,
}: {
  id: string;
  name: string;
  year: number;
  statement: Mine['organisations'][number]['support'];
}) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby={`support-${id}`} className="stack">
      <Heading level={3} data-size="md" id={`support-${id}`}>
        {name}
      </Heading>
      {!statement || statement.total.bookings === 0 ? (
        <Paragraph>{t('mine.statement.none', { year })}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {t('mine.statement.summary', {
              hours: formatNumber(statement.total.hours, lang),
              list: formatMoney(statement.total.listOre, lang),
              waived: formatMoney(statement.total.waivedOre, lang),
              charged: formatMoney(statement.total.chargedOre, lang),
            })}
          </Paragraph>
          <FiguresTable
            id={`support-${id}-buildings`}
            caption={t('mine.statement.byBuilding', { name, year })}
            head={t('mine.statement.building')}
            rows={statement.byBuilding.map((b) => ({ key: b.buildingId, label: b.buildingName, ...b }))}
            total={statement.total}
          />
          <FiguresTable
            id={`support-${id}-months`}
            caption={t('mine.statement.byMonth', { name, year })}
            head={t('mine.statement.month')}
            rows={statement.byMonth
              .filter((m) => m.bookings > 0)
              .map((m) => ({ key: String(m.month), label: formatMonth(m.month, lang), ...m }))}
            total={statement.total}
          />
        </>
      )}
    </section>
  );
}

function FiguresTable({
  id,
  caption,
  head,
  rows,
  total,
}: {
  id: string;
  caption: string;
  head: string;
  rows: (Figures & { key: string; label: string })[];
  total: Figures;
}) {
  const t = useT();
  const lang = useLang();
  const cells = (f: Figures) => [
    formatNumber(f.hours, lang),
    formatMoney(f.listOre, lang),
    formatMoney(f.waivedOre, lang),
    formatMoney(f.chargedOre, lang),
  ];
  return (
    <FigureTable
      id={id}
      caption={caption}
      columns={[
        head,
        t('mine.statement.hours'),
        t('mine.statement.list'),
        t('mine.statement.waived'),
        t('mine.statement.charged'),
      ]}
      rows={rows.map((r) => ({ key: r.key, label: r.label, cells: cells(r) }))}
      total={{ label: t('mine.statement.total'), cells: cells(total) }}
    />
  );
}
