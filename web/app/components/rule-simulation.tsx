import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { components } from '../api/schema';
import { formatDay, formatMoney } from '../i18n/format';
import { type MessageKey, useLang, useT } from '../i18n/i18n';
import { Chart } from './chart';
import { TableScroll } from './table-scroll';

type Simulation = components['schemas']['SimulationView'];

/**
 * What a draft rule would have done to the last twelve months: the value waived per organisation kind
 * under today's rules and with the draft, as a chart (drawn by the action) with its table as the text
 * alternative.
 */
export function RuleSimulation({ simulation, chart }: { simulation: Simulation; chart: string }) {
  const t = useT();
  const lang = useLang();
  const period = t('staff.rules.period', {
    from: formatDay(simulation.period.from, lang),
    to: formatDay(simulation.period.to, lang),
  });
  const groups = simulation.byOrganisationKind;
  const names = groups.map((g) => t(`orgKind.${g.key}` as MessageKey));
  return (
    <section aria-labelledby="virkning" className="stack">
      <Heading level={2} data-size="md" id="virkning">
        {t('staff.rules.effect')}
      </Heading>
      <Paragraph>
        {t('staff.rules.effectLead', {
          count: simulation.occurrences,
          difference: formatMoney(simulation.difference.waivedOre, lang),
        })}
      </Paragraph>
      <Chart svg={chart} caption={t('staff.rules.chartTitle', { period })} />
      <TableScroll labelledBy="virkning-tabell-caption">
        <Table id="virkning-tabell" data-size="sm">
          <caption id="virkning-tabell-caption">{t('staff.rules.tableCaption', { period })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('staff.rules.orgKind')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('staff.rules.occurrences')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('staff.rules.waivedNow')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('staff.rules.waivedDraft')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('staff.rules.difference')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {groups.map((g, i) => (
              <Table.Row key={g.key}>
                <Table.HeaderCell scope="row">{names[i]}</Table.HeaderCell>
                <Table.Cell>{g.occurrences}</Table.Cell>
                <Table.Cell>{formatMoney(g.current.waivedOre, lang)}</Table.Cell>
                <Table.Cell>{formatMoney(g.proposed.waivedOre, lang)}</Table.Cell>
                <Table.Cell>{formatMoney(g.difference.waivedOre, lang)}</Table.Cell>
              </Table.Row>
            ))}
            <Table.Row>
              <Table.HeaderCell scope="row">{t('staff.rules.total')}</Table.HeaderCell>
              <Table.Cell>{simulation.occurrences}</Table.Cell>
              <Table.Cell>{formatMoney(simulation.current.waivedOre, lang)}</Table.Cell>
              <Table.Cell>{formatMoney(simulation.proposed.waivedOre, lang)}</Table.Cell>
              <Table.Cell>{formatMoney(simulation.difference.waivedOre, lang)}</Table.Cell>
            </Table.Row>
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}
