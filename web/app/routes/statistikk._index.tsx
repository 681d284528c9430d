import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { data, Form } from 'react-router';
import { apiFor, errorOf } from '../api/client';
import { SelectField, TextField } from '../components/fields';
import { FormErrorSummary } from '../components/form-error-summary';
import { PageTitle } from '../components/page-title';
import { StatsNav } from '../components/stats-nav';
import { Chart } from '../components/chart';
import { UsageTable } from '../components/usage-table';
import { formatDay, formatNumber } from '../i18n/format';
import { langOf, type MessageKey, translate, useLang, useT } from '../i18n/i18n';
import { barChartSvg } from '../lib/charts.server';
import { requireUser } from '../lib/session.server';
import { GROUPS, statsFromUrl } from '../lib/stats';
import { fieldProblems } from '../lib/form-errors';
import type { Route } from './+types/statistikk._index';

/** Usage for a period (?fra=&til=), grouped one way (?gruppe=): a table, a chart, the CSV. */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['analyst', 'staff']);
  const api = apiFor(request, context);
  const lang = langOf(request);
  const view = statsFromUrl(new URL(request.url));
  const answer = await api.client.GET('/stats/usage', {
    params: { query: { from: view.fra, to: view.til, groupBy: view.gruppe, locale: lang } },
  });
  const error = errorOf(answer);
  const usage = answer.data ?? null;
  // The chart shows the first 20 groups (the table has them all): booked and used hours.
  const shown = usage?.items.slice(0, 20) ?? [];
  const period = translate(lang, 'stats.period', {
    from: formatDay(view.fra, lang),
    to: formatDay(view.til, lang),
  });
  const group = translate(lang, `stats.group.${view.gruppe}` as MessageKey).toLowerCase();
  const svg = usage
    ? barChartSvg(
        {
          categories: shown.map((r) => r.label),
          series: [
            { name: translate(lang, 'stats.col.booked'), values: shown.map((r) => r.bookedHours) },
            { name: translate(lang, 'stats.col.used'), values: shown.map((r) => r.usedHours) },
          ],
          format: (v) => formatNumber(v, lang),
          horizontal: !['month', 'weekday'].includes(view.gruppe),
        },
        translate(lang, 'stats.chartLabel', { group, period }),
        'usage-table',
      )
    : null;
  return data(
    { view, usage, svg, truncated: (usage?.items.length ?? 0) > shown.length, error },
    { status: error ? error.statusCode : 200, headers: api.headers },
  );
}

export default function Statistics({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { view, usage, svg, truncated, error } = loaderData;
  const period = t('stats.period', { from: formatDay(view.fra, lang), to: formatDay(view.til, lang) });
  const groupLabel = t(`stats.group.${view.gruppe}` as MessageKey);
  const csv = `/statistikk/csv?${new URLSearchParams({ fra: view.fra, til: view.til, gruppe: view.gruppe })}`;
  // A wrong date is the period's problem: shown beside both dates (the API names the one it refused).
  const field =
    error && /\bto\b|til/i.test(error.message) && !/\bfrom\b/i.test(error.message) ? 'til' : 'fra';
  return (
    <>
      <PageTitle text={t('stats.title')} />
      <Heading level={1} data-size="xl">
        {t('stats.title')}
      </Heading>
      <StatsNav />
      <FormErrorSummary
        errors={error ? fieldProblems({ [`stats-${field}`]: error.message }) : undefined}
        heading={t('stats.errorHeading')}
      />
      <Form method="get" className="stack form-row">
        <TextField
          id="stats-fra"
          name="fra"
          type="date"
          label={t('stats.from')}
          defaultValue={view.fra}
          error={field === 'fra' ? error?.message : undefined}
        />
        <TextField
          id="stats-til"
          name="til"
          type="date"
          label={t('stats.to')}
          defaultValue={view.til}
          error={field === 'til' ? error?.message : undefined}
        />
        <SelectField id="stats-gruppe" name="gruppe" label={t('stats.groupBy')} defaultValue={view.gruppe}>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`stats.group.${g}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <div>
          <Button type="submit">{t('stats.show')}</Button>
        </div>
      </Form>
      {usage && svg && (
        <section aria-labelledby="usage-heading" className="stack">
          <Heading level={2} data-size="md" id="usage-heading">
            {t('stats.usageHeading', { group: groupLabel.toLowerCase() })}
          </Heading>
          <Paragraph>{period}</Paragraph>
          {usage.coverage.computedDays < usage.coverage.days || usage.coverage.staleDays > 0 ? (
            <Alert data-color="warning">
              <Paragraph>
                {t('stats.coverage', {
                  computed: usage.coverage.computedDays,
                  days: usage.coverage.days,
                  stale: usage.coverage.staleDays,
                })}
              </Paragraph>
            </Alert>
          ) : null}
          <Paragraph>
            <Link href={csv} download>
              {t('stats.csv')}
            </Link>
          </Paragraph>
          {usage.items.length === 0 ? (
            <Paragraph>{t('stats.none')}</Paragraph>
          ) : (
            <Chart
              svg={svg}
              caption={`${t('stats.chartCaption', { period })}${truncated ? ` ${t('stats.chartTruncated')}` : ''}`}
            />
          )}
          <UsageTable
            id="usage-table"
            caption={t('stats.tableCaption', { group: groupLabel.toLowerCase(), period })}
            groupLabel={groupLabel}
            rows={usage.items}
            overall={usage.overall}
          />
        </section>
      )}
    </>
  );
}
