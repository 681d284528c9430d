import { barChart, type BarChartInput, inlineSvg } from '../../../shared/charts';
import type { components } from '../api/schema';
import { formatNumber } from '../i18n/format';
import { type Lang, type MessageKey, translate } from '../i18n/i18n';

/*
 * The web app draws its charts with the API's renderer (shared/charts), in loaders and actions only:
 * `.server` keeps ECharts out of every browser bundle.
 */

/** Bars as an `<svg>` for the page: named `label` (what, which period), described by table `tableId`. */
export function barChartSvg(input: BarChartInput, label: string, tableId: string): string {
  return inlineSvg(barChart(input), label, tableId);
}

type Simulation = components['schemas']['SimulationView'];

/**
 * What a simulation did to the value waived per organisation kind, before (today's rules) and after
 * (with the draft), in kroner: the chart of the analyst's simulation and of the staff's rule form.
 */
export function waivedByKindSvg(
  simulation: Simulation,
  lang: Lang,
  names: { before: string; after: string; label: string; tableId: string },
): string {
  const kinds = simulation.byOrganisationKind;
  return barChartSvg(
    {
      categories: kinds.map((g) => translate(lang, `orgKind.${g.key}` as MessageKey)),
      series: [
        { name: names.before, values: kinds.map((g) => g.current.waivedOre / 100), color: '#6e7681' },
        { name: names.after, values: kinds.map((g) => g.proposed.waivedOre / 100), color: '#1f6fb2' },
      ],
      format: (v) => formatNumber(v, lang),
      horizontal: true,
      valueName: 'kr',
    },
    names.label,
    names.tableId,
  );
}
