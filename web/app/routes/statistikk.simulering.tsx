import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { data, Form } from 'react-router';
import { apiFor, errorOf, need } from '../api/client';
import type { components } from '../api/schema';
import { CheckboxGroup, TextField } from '../components/fields';
import { FormErrorSummary } from '../components/form-error-summary';
import { PageTitle } from '../components/page-title';
import { StatsNav } from '../components/stats-nav';
import { Chart } from '../components/chart';
import { formatDay, formatMoney } from '../i18n/format';
import { langOf, type MessageKey, translate, useLang, useT } from '../i18n/i18n';
import { waivedByKindSvg } from '../lib/charts.server';
import { requireUser } from '../lib/session.server';
import { addDays, osloToday } from '../lib/week';
import { fieldProblems } from '../lib/form-errors';
import type { Route } from './+types/statistikk.simulering';
import { TableScroll } from '../components/table-scroll';

const KINDS = ['voluntary', 'sports', 'study_association', 'public', 'commercial', 'private'] as const;
const AGES = ['children', 'youth', 'adults', 'seniors', 'all_ages'] as const;
type Totals = components['schemas']['FeeTotalsView'];

/**
 * Rule simulation: what one proposed exemption rule, added to today's rules, would have done to a
 * period's bookings (POST /fees/simulate), before and after. Nothing is saved, but the API takes it as
 * a POST and only from the service's own pages, so the form posts too (a link cannot run it).
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['analyst', 'staff']);
  const today = osloToday();
  const form = {
    fra: addDays(today, -365),
    til: addDays(today, -1),
    navn: '',
    prosent: '100',
    typer: [],
    alder: [],
  };
  return { form, result: null, svg: null, error: null };
}

export async function action({ request, context }: Route.ActionArgs) {
  await requireUser(request, context, ['analyst', 'staff']);
  const api = apiFor(request, context);
  const lang = langOf(request);
  const q = await request.formData();
  const str = (name: string) => {
    const v = q.get(name);
    return typeof v === 'string' ? v : '';
  };
  const form = {
    fra: str('fra'),
    til: str('til'),
    navn: str('navn'),
    prosent: str('prosent') || '100',
    typer: q.getAll('type').filter((v): v is string => typeof v === 'string'),
    alder: q.getAll('alder').filter((v): v is string => typeof v === 'string'),
  };
  const current = need(
    await api.client.GET('/exemption-rules', { params: { query: { limit: 200 } as never } }),
  );
  const proposed = {
    name: form.navn.trim() || translate(lang, 'stats.sim.unnamed'),
    priority: 1000,
    validFrom: form.fra,
    conditions: {
      ...(form.typer.length ? { organisationKinds: form.typer } : {}),
      ...(form.alder.length ? { ageGroups: form.alder } : {}),
    },
    effect: { waivePercent: Number(form.prosent), waives: ['rent'] },
  };
  const answer = await api.client.POST('/fees/simulate', {
    body: {
      from: form.fra,
      to: form.til,
      rules: [
        ...current.items.map((r) => ({
          id: r.id,
          name: r.name,
          priority: r.priority,
          validFrom: r.validFrom,
          validTo: r.validTo,
          conditions: r.conditions,
          effect: r.effect,
        })),
        proposed,
      ] as never,
      includePending: false,
    },
  });
  const error = errorOf(answer);
  const result = answer.data ?? null;
  const period = translate(lang, 'stats.period', {
    from: formatDay(form.fra, lang),
    to: formatDay(form.til, lang),
  });
  const svg = result
    ? waivedByKindSvg(result, lang, {
        before: translate(lang, 'stats.sim.before'),
        after: translate(lang, 'stats.sim.after'),
        label: translate(lang, 'stats.sim.chartLabel', { period }),
        tableId: 'sim-kinds',
      })
    : null;
  return data({ form, result, svg, error }, { status: error ? error.statusCode : 200, headers: api.headers });
}

export default function Simulation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { form, result, svg, error } = actionData ?? loaderData;
  const money = (o: number) => formatMoney(o, lang);
  const period = t('stats.period', { from: formatDay(form.fra, lang), to: formatDay(form.til, lang) });
  const row = (label: string, pick: (x: Totals) => number) =>
    result && (
      <Table.Row>
        <Table.HeaderCell scope="row">{label}</Table.HeaderCell>
        <Table.Cell>{money(pick(result.current))}</Table.Cell>
        <Table.Cell>{money(pick(result.proposed))}</Table.Cell>
        <Table.Cell>{money(pick(result.difference))}</Table.Cell>
      </Table.Row>
    );
  return (
    <>
      <PageTitle text={t('stats.sim.title')} />
      <Heading level={1} data-size="xl">
        {t('stats.sim.title')}
      </Heading>
      <StatsNav />
      <Paragraph>{t('stats.sim.intro')}</Paragraph>
      <FormErrorSummary
        errors={error ? fieldProblems({ 'sim-fra': error.message }) : undefined}
        heading={t('stats.sim.errorHeading')}
      />
      <Form method="post" className="stack form-row">
        <TextField
          id="sim-fra"
          name="fra"
          type="date"
          label={t('stats.from')}
          defaultValue={form.fra}
          error={error?.message}
        />
        <TextField id="sim-til" name="til" type="date" label={t('stats.to')} defaultValue={form.til} />
        <TextField id="sim-navn" name="navn" label={t('stats.sim.name')} defaultValue={form.navn} />
        <CheckboxGroup
          legend={t('stats.sim.kinds')}
          help={t('stats.sim.anyHelp')}
          name="type"
          idPrefix="sim-type"
          values={KINDS}
          labelOf={(k) => t(`orgKind.${k}` as MessageKey)}
          checked={form.typer}
        />
        <CheckboxGroup
          legend={t('stats.sim.ages')}
          help={t('stats.sim.anyHelp')}
          name="alder"
          idPrefix="sim-alder"
          values={AGES}
          labelOf={(a) => t(`ageGroup.${a}` as MessageKey)}
          checked={form.alder}
        />
        <TextField
          id="sim-prosent"
          name="prosent"
          type="number"
          min={0}
          max={100}
          inputMode="numeric"
          label={t('stats.sim.percent')}
          defaultValue={form.prosent}
        />
        <div>
          <Button type="submit">{t('stats.sim.run')}</Button>
        </div>
      </Form>
      {result && svg && (
        <section aria-labelledby="sim-result" className="stack">
          <Heading level={2} data-size="md" id="sim-result">
            {t('stats.sim.result', { period })}
          </Heading>
          <Paragraph>{t('stats.sim.occurrences', { count: result.occurrences })}</Paragraph>
          <TableScroll labelledBy="sim-totals-caption">
            <Table zebra data-size="sm">
              <caption id="sim-totals-caption">{t('stats.sim.totals', { period })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('stats.sim.what')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('stats.sim.before')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('stats.sim.after')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('stats.sim.difference')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {row(t('stats.col.list'), (x) => x.listOre)}
                {row(t('stats.col.waived'), (x) => x.waivedOre)}
                {row(t('stats.col.charged'), (x) => x.chargedOre)}
              </Table.Body>
            </Table>
          </TableScroll>
          <Chart svg={svg} caption={t('stats.sim.chartCaption', { period })} />
          <TableScroll labelledBy="sim-kinds-caption">
            <Table id="sim-kinds" zebra data-size="sm">
              <caption id="sim-kinds-caption">{t('stats.sim.byKind', { period })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('stats.group.organisationKind')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('stats.sim.before')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('stats.sim.after')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('stats.sim.difference')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {result.byOrganisationKind.map((g) => (
                  <Table.Row key={g.key}>
                    <Table.HeaderCell scope="row">{t(`orgKind.${g.key}` as MessageKey)}</Table.HeaderCell>
                    <Table.Cell>{money(g.current.waivedOre)}</Table.Cell>
                    <Table.Cell>{money(g.proposed.waivedOre)}</Table.Cell>
                    <Table.Cell>{money(g.difference.waivedOre)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        </section>
      )}
    </>
  );
}
