import { ORGANISATION_KINDS } from '../../core/domain';
import type { Locale } from '../csv';
import { BreakdownView } from '../dto/report.dto';
import { formatNumber, monthLabel, organisationKindLabel, weekdayShort } from '../labels';
import { heatmap, horizontalBarChart, stackedBarChart } from './charts';

export const CHART_NAMES = ['hours-by-month', 'waived-by-building', 'utilisation-by-hour'] as const;
export type ChartName = (typeof CHART_NAMES)[number];

const KIND_COLORS: Record<string, string> = {
  voluntary: '#1b9e77',
  sports: '#d95f02',
  study_association: '#7570b3',
  public: '#e7298a',
  commercial: '#66a61e',
  private: '#e6ab02',
};

const TITLES: Record<Locale, Record<ChartName, string>> = {
  nb: {
    'hours-by-month': 'Bookede timer per måned etter organisasjonstype',
    'waived-by-building': 'Verdi av fritak per bygg (kr)',
    'utilisation-by-hour': 'Utnyttelse etter ukedag og time',
  },
  en: {
    'hours-by-month': 'Booked hours per month by organisation kind',
    'waived-by-building': 'Value of waived rent per building (NOK)',
    'utilisation-by-hour': 'Utilisation by weekday and hour',
  },
};

export const chartTitle = (name: ChartName, locale: Locale): string => TITLES[locale][name];

export interface ChartInput {
  locale: Locale;
  /** The period the charts show, named in each: "2026-02-02 – 2026-02-08". */
  period: string;
  months: string[];
  hoursByKind: Map<string, number[]>;
  byBuilding: BreakdownView[];
  utilisation: (number | null)[][];
}

/** The report's charts as SVG text, by name. */
export function renderCharts(input: ChartInput): Record<ChartName, string> {
  const { locale, period } = input;
  const nb = locale === 'nb';
  const percent = (v: number) => `${formatNumber(v * 100, locale)} %`;
  return {
    'hours-by-month': stackedBarChart({
      period,
      title: chartTitle('hours-by-month', locale),
      yLabel: nb ? 'timer' : 'hours',
      categories: input.months.map((m) => `${monthLabel(m, locale, true)} ${m.slice(2, 4)}`),
      series: ORGANISATION_KINDS.filter((k) => input.hoursByKind.has(k)).map((k) => ({
        label: organisationKindLabel(k, locale),
        color: KIND_COLORS[k],
        values: input.hoursByKind.get(k)!,
      })),
      format: (n) => formatNumber(n, locale),
    }),
    'waived-by-building': horizontalBarChart({
      period,
      title: chartTitle('waived-by-building', locale),
      xLabel: nb ? 'kroner' : 'NOK',
      items: input.byBuilding
        .filter((b) => b.current.waivedOre > 0)
        .map((b) => ({ label: b.label, value: b.current.waivedOre / 100 })),
      color: '#1f6fb2',
      format: (n) => formatNumber(n, locale),
    }),
    'utilisation-by-hour': heatmap({
      period,
      title: chartTitle('utilisation-by-hour', locale),
      rows: [1, 2, 3, 4, 5, 6, 7].map((d) => weekdayShort(d, locale)),
      columns: Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')),
      values: input.utilisation,
      format: percent,
      noValue: nb ? 'stengt' : 'closed',
    }),
  };
}
