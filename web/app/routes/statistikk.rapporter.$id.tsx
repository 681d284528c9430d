import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { data } from 'react-router';
import { apiFor, need } from '../api/client';
import type { components } from '../api/schema';
import { PageTitle } from '../components/page-title';
import { StatsNav } from '../components/stats-nav';
import { formatDay, formatMoney, formatNumber } from '../i18n/format';
import { useLang, useT } from '../i18n/i18n';
import { requireUser } from '../lib/session.server';
import type { Route } from './+types/statistikk.rapporter.$id';
import { FigureTable } from '../components/figure-table';

type Breakdown = components['schemas']['BreakdownView'];
type ChartRef = components['schemas']['ChartRefView'];
type ChartTable = NonNullable<ChartRef['table']>;

/**
 * A free-use evaluation: while the worker builds it, its progress (the report's, and the job's state
 * from GET /jobs/:id when we know the job), reloading by itself; then its figures, charts and method.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  await requireUser(request, context, ['analyst', 'staff']);
  const api = apiFor(request, context);
  const report = need(await api.client.GET('/reports/{id}', { params: { path: { id: params.id } } }));
  const jobId = new URL(request.url).searchParams.get('jobb');
  const done = report.status === 'completed' || report.status === 'failed';
  const job =
    !done && jobId
      ? ((await api.client.GET('/jobs/{id}', { params: { path: { id: jobId } } })).data ?? null)
      : null;
  return data({ report, jobState: job?.state ?? null }, { headers: api.headers });
}

export default function Report({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { report, jobState } = loaderData;
  const period = t('stats.period', { from: formatDay(report.from, lang), to: formatDay(report.to, lang) });
  const title = t('stats.report.title', { period });
  const result = report.result;
  const h = result?.current.headline;
  const breakdown = (id: string, caption: string, rows: Breakdown[]) => (
    <FigureTable
      id={id}
      caption={caption}
      columns={[t('stats.report.name'), t('stats.col.booked'), t('stats.col.used'), t('stats.col.waived')]}
      rows={rows.map((r) => ({
        key: r.key,
        label: r.label,
        cells: [
          formatNumber(r.current.bookedHours, lang),
          formatNumber(r.current.usedHours, lang),
          formatMoney(r.current.waivedOre, lang),
        ],
      }))}
    />
  );
  return (
    <>
      <PageTitle text={title} />
      <Heading level={1} data-size="xl">
        {title}
      </Heading>
      <StatsNav />
      {!result && report.status !== 'failed' && (
        <section aria-labelledby="progress-heading" className="stack">
          {/* Without JavaScript too: the page asks again every two seconds until the report is done. */}
          <meta httpEquiv="refresh" content="2" />
          <Heading level={2} data-size="md" id="progress-heading">
            {t('stats.report.building')}
          </Heading>
          <label htmlFor="report-progress">{t('stats.report.progress', { progress: report.progress })}</label>
          <progress id="report-progress" max={100} value={report.progress}>
            {report.progress} %
          </progress>
          {jobState && (
            <Paragraph data-size="sm">{t('stats.report.jobState', { state: jobState })}</Paragraph>
          )}
        </section>
      )}
      {report.status === 'failed' && (
        <Alert data-color="danger">
          <Paragraph>{t('stats.report.failed', { error: report.error ?? '' })}</Paragraph>
        </Alert>
      )}
      {result && h && (
        <>
          <Paragraph>
            <Link href={`/reports/${report.id}.csv`} download>
              {t('stats.csv')}
            </Link>
          </Paragraph>
          <section aria-labelledby="headline" className="stack">
            <Heading level={2} data-size="md" id="headline">
              {t('stats.report.headline')}
            </Heading>
            <dl className="facts">
              <dt>{t('stats.col.booked')}</dt>
              <dd>{formatNumber(h.bookedHours, lang)}</dd>
              <dt>{t('stats.col.used')}</dt>
              <dd>{formatNumber(h.usedHours, lang)}</dd>
              <dt>{t('stats.report.organisationsReached')}</dt>
              <dd>{formatNumber(h.organisationsReached, lang)}</dd>
              <dt>{t('stats.col.participants')}</dt>
              <dd>{formatNumber(h.participants, lang)}</dd>
              <dt>{t('stats.col.waived')}</dt>
              <dd>{formatMoney(h.waivedOre, lang)}</dd>
              <dt>{t('stats.col.charged')}</dt>
              <dd>{formatMoney(h.chargedOre, lang)}</dd>
            </dl>
          </section>
          <section aria-labelledby="charts" className="stack">
            <Heading level={2} data-size="md" id="charts">
              {t('stats.report.charts')}
            </Heading>
            {result.charts.map((c) => (
              <ReportChart key={c.name} chart={c} period={period} />
            ))}
            {breakdown('by-building', t('stats.report.byBuilding', { period }), result.byBuilding)}
            {breakdown('by-kind', t('stats.report.byKind', { period }), result.byOrganisationKind)}
          </section>
          <section aria-labelledby="method" className="stack">
            <Heading level={2} data-size="md" id="method">
              {t('stats.report.method')}
            </Heading>
            {result.method.map((m) => (
              <Paragraph key={m.topic}>{m.text}</Paragraph>
            ))}
          </section>
        </>
      )}
    </>
  );
}

/**
 * One of the report's charts: a figure named by its caption (what, which period) holding the API's SVG
 * as an image, whose short text points to the table below it, and that table, the chart's own figures
 * (from the report, not read off the picture). A table, not a long description: a screen reader
 * reads it cell by cell with its row and column headings, where a description of a 24 × 7 grid would be
 * one run of numbers. The image is the API's standalone file (the same one downloaded), so the page
 * needs no copy of it.
 */
function ReportChart({ chart, period }: { chart: ChartRef; period: string }) {
  const t = useT();
  const { table } = chart;
  return (
    <figure className="chart stack">
      <figcaption>
        {chart.title}, {period}
      </figcaption>
      <img
        src={chart.url}
        alt={t('stats.report.chartAlt', { title: chart.title, period })}
        width="860"
        style={{ maxWidth: '100%', height: 'auto' }}
      />
      {!table ? (
        <Paragraph>{t('stats.report.noTable')}</Paragraph>
      ) : table.rows.length === 0 || table.columns.length === 0 ? (
        <Paragraph>{t('stats.report.noFigures')}</Paragraph>
      ) : (
        <FiguresTable
          id={`chart-${chart.name}`}
          caption={t('stats.report.chartTable', { title: chart.title, period })}
          table={table}
        />
      )}
    </figure>
  );
}

function FiguresTable({ id, caption, table }: { id: string; caption: string; table: ChartTable }) {
  const t = useT();
  const lang = useLang();
  const format = (v: number | null): string => {
    if (v === null) return t('stats.report.closed');
    if (table.unit === 'ore') return formatMoney(v, lang);
    if (table.unit === 'share') return `${formatNumber(v * 100, lang)} %`;
    return formatNumber(v, lang);
  };
  return (
    <FigureTable
      id={id}
      caption={caption}
      columns={[table.rowHeading, ...table.columns]}
      rows={table.rows.map((r, i) => ({ key: String(i), label: r.label, cells: r.values.map(format) }))}
    />
  );
}
