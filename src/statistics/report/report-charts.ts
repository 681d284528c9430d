import { ORGANISATION_KINDS } from '../../core/domain';
import type { Locale } from '../csv';
import { BreakdownView, ChartTableView } from '../dto/report.dto';
import { formatNumber, monthLabel, organisationKindLabel, weekdayLabel, weekdayShort } from '../labels';
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

export interface ReportCharts {
  /** Each chart as a standalone SVG file. */
  svg: Record<ChartName, string>;
  /** The figures each chart draws, as a table: its text alternative on the report's page. */
  tables: Record<ChartName, ChartTableView>;
}

const HEADINGS: Record<Locale, { month: string; building: string; hour: string; waived: string }> = {
  nb: { month: 'Måned', building: 'Bygg', hour: 'Time', waived: 'Verdi av fritak' },
  en: { month: 'Month', building: 'Building', hour: 'Hour', waived: 'Value of waived rent' },
};

/** ISO weekdays, Monday first. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

/**
 * The report's charts, each drawn from the same figures as its table: booked hours per month and
 * organisation kind, waived value per building (those with any, most first), utilisation per weekday
 * and hour (the table a row per hour and a column per weekday, narrow enough for a phone).
 */
export function renderCharts(input: ChartInput): ReportCharts {
  const { locale, period } = input;
  const nb = locale === 'nb';
  const heading = HEADINGS[locale];
  const percent = (v: number) => `${formatNumber(v * 100, locale)} %`;
  const kinds = ORGANISATION_KINDS.filter((k) => input.hoursByKind.has(k)).map((k) => ({
    label: organisationKindLabel(k, locale),
    color: KIND_COLORS[k],
    values: input.hoursByKind.get(k)!,
  }));
  const buildings = input.byBuilding
    .filter((b) => b.current.waivedOre > 0)
    .sort((a, b) => b.current.waivedOre - a.current.waivedOre);
  const utilisation = input.utilisation.map((day) =>
    day.map((v) => (v === null ? null : Math.round(v * 10_000) / 10_000)),
  );
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return {
    svg: {
      'hours-by-month': stackedBarChart({
        period,
        title: chartTitle('hours-by-month', locale),
        yLabel: nb ? 'timer' : 'hours',
        categories: input.months.map((m) => `${monthLabel(m, locale, true)} ${m.slice(2, 4)}`),
        series: kinds,
        format: (n) => formatNumber(n, locale),
      }),
      'waived-by-building': horizontalBarChart({
        period,
        title: chartTitle('waived-by-building', locale),
        xLabel: nb ? 'kroner' : 'NOK',
        items: buildings.map((b) => ({ label: b.label, value: b.current.waivedOre / 100 })),
        color: '#1f6fb2',
        format: (n) => formatNumber(n, locale),
      }),
      'utilisation-by-hour': heatmap({
        period,
        title: chartTitle('utilisation-by-hour', locale),
        rows: WEEKDAYS.map((d) => weekdayShort(d, locale)),
        columns: hours.map((h) => String(h).padStart(2, '0')),
        values: utilisation,
        format: percent,
        noValue: nb ? 'stengt' : 'closed',
      }),
    },
    tables: {
      'hours-by-month': {
        unit: 'hours',
        rowHeading: heading.month,
        columns: kinds.map((k) => k.label),
        rows: input.months.map((m, i) => ({
          label: monthLabel(m, locale),
          values: kinds.map((k) => k.values[i]),
        })),
      },
      'waived-by-building': {
        unit: 'ore',
        rowHeading: heading.building,
        columns: [heading.waived],
        rows: buildings.map((b) => ({ label: b.label, values: [b.current.waivedOre] })),
      },
      'utilisation-by-hour': {
        unit: 'share',
        rowHeading: heading.hour,
        columns: WEEKDAYS.map((d) => weekdayLabel(d, locale)),
        rows: hours.map((h) => ({
          label: `${hourLabel(h)}–${hourLabel(h + 1)}`,
          values: WEEKDAYS.map((d) => utilisation[d - 1]?.[h] ?? null),
        })),
      },
    },
  };
}
