import { Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { data, Form } from 'react-router';
import { apiFor, errorOf } from '../api/client';
import { TextField } from '../components/fields';
import { PageTitle } from '../components/page-title';
import { StatsNav } from '../components/stats-nav';
import { Chart } from '../components/chart';
import { formatMoney, formatNumber } from '../i18n/format';
import { langOf, translate, useLang, useT } from '../i18n/i18n';
import { barChartSvg } from '../lib/charts.server';
import { requireUser } from '../lib/session.server';
import { osloToday } from '../lib/week';
import type { Route } from './+types/statistikk.stotte';
import { TableScroll } from '../components/table-scroll';

/**
 * The support each organisation received in a year (?aar=2026): the value of the rent and fees
 * waived for it, from GET /stats/usage?groupBy=organisation, most first.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['analyst', 'staff']);
  const api = apiFor(request, context);
  const lang = langOf(request);
  const asked = new URL(request.url).searchParams.get('aar') ?? '';
  const year = /^\d{4}$/.test(asked) ? asked : osloToday().slice(0, 4);
  const answer = await api.client.GET('/stats/usage', {
    params: { query: { from: `${year}-01-01`, to: `${year}-12-31`, groupBy: 'organisation', locale: lang } },
  });
  const error = errorOf(answer);
  const rows = [...(answer.data?.items ?? [])].sort((a, b) => b.waivedOre - a.waivedOre);
  const shown = rows.filter((r) => r.waivedOre > 0).slice(0, 20);
  const svg = barChartSvg(
    {
      categories: shown.map((r) => r.label),
      series: [{ name: 'kr', values: shown.map((r) => r.waivedOre / 100) }],
      format: (v) => formatNumber(v, lang),
      horizontal: true,
    },
    translate(lang, 'stats.support.chartLabel', { year }),
    'support-table',
  );
  return data(
    { year, rows, overall: answer.data?.overall ?? null, svg, shown: shown.length, error },
    { status: error ? error.statusCode : 200, headers: api.headers },
  );
}

export default function Support({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { year, rows, overall, svg, shown, error } = loaderData;
  const csv = `/statistikk/csv?${new URLSearchParams({ fra: `${year}-01-01`, til: `${year}-12-31`, gruppe: 'organisation' })}`;
  return (
    <>
      <PageTitle text={t('stats.support.title', { year })} />
      <Heading level={1} data-size="xl">
        {t('stats.support.title', { year })}
      </Heading>
      <StatsNav />
      <Paragraph>{t('stats.support.intro')}</Paragraph>
      <Form method="get" className="stack form-row">
        <TextField
          id="support-year"
          name="aar"
          inputMode="numeric"
          label={t('stats.support.year')}
          defaultValue={year}
          error={error?.message}
        />
        <div>
          <Button type="submit">{t('stats.show')}</Button>
        </div>
      </Form>
      <Paragraph>
        <Link href={csv} download>
          {t('stats.csv')}
        </Link>
      </Paragraph>
      {shown > 0 && <Chart svg={svg} caption={t('stats.support.chartCaption', { year })} />}
      {rows.length === 0 ? (
        <Paragraph>{t('stats.none')}</Paragraph>
      ) : (
        <TableScroll labelledBy="support-caption">
          <Table id="support-table" zebra data-size="sm">
            <caption id="support-caption">{t('stats.support.tableCaption', { year })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('stats.group.organisation')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('stats.col.booked')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('stats.col.list')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('stats.col.waived')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('stats.col.charged')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {[...rows, ...(overall ? [{ ...overall, label: t('stats.overall') }] : [])].map((r) => (
                <Table.Row key={r.key}>
                  <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
                  <Table.Cell>{formatNumber(r.bookedHours, lang)}</Table.Cell>
                  <Table.Cell>{formatMoney(r.listOre, lang)}</Table.Cell>
                  <Table.Cell>{formatMoney(r.waivedOre, lang)}</Table.Cell>
                  <Table.Cell>{formatMoney(r.chargedOre, lang)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </>
  );
}
