import type { ChartPicture } from './render';

export interface BarSeries {
  name: string;
  /** One value per category. */
  values: number[];
  color?: string;
}

export interface BarChartInput {
  /** One bar (or group or stack of bars) per category, in the order given. */
  categories: string[];
  series: BarSeries[];
  format: (n: number) => string;
  /** Horizontal bars suit long names (rooms, organisations); vertical suit months and weekdays. */
  horizontal?: boolean;
  /** Series stacked into one bar per category (a zero draws no segment). */
  stacked?: boolean;
  /** The value axis's name, e.g. "kr" or "timer". */
  valueName?: string;
  /** Each bar's value written at its end. */
  valueLabels?: boolean;
  width?: number;
}

const COLORS = ['#1f6fb2', '#d95f02', '#1b9e77', '#7570b3', '#e7298a', '#66a61e'];
const LONGEST_NAME = 30;

/** Bars per category, one colour per series, with a legend when there are several. */
export function barChart(input: BarChartInput): ChartPicture {
  const { categories, format, horizontal = false, stacked = false, valueName } = input;
  const legend = input.series.length > 1;
  // Narrow enough that its text stays readable when a phone scales it to 330 px.
  const width = input.width ?? (horizontal ? 520 : 640);
  const legendRows = legend ? Math.ceil(input.series.length / Math.max(1, Math.floor(width / 200))) : 0;
  const nameSpace = valueName ? 30 : 0;
  const height = horizontal
    ? 40 + Math.max(1, categories.length) * (legend && !stacked ? 34 : 28) + legendRows * 26 + nameSpace
    : 320 + legendRows * 26;
  const names = categories.map((c) => (c.length > LONGEST_NAME ? `${c.slice(0, LONGEST_NAME - 1)}…` : c));
  const valueAxis = {
    type: 'value',
    name: valueName,
    ...(horizontal ? { nameLocation: 'middle', nameGap: 28 } : {}),
    axisLabel: { formatter: format, fontSize: 13 },
  };
  // ECharts draws a horizontal category axis from the bottom up: reversed, the first is on top.
  const categoryAxis = { type: 'category', data: names, inverse: horizontal, axisLabel: { fontSize: 13 } };
  return {
    width,
    height,
    option: {
      color: COLORS,
      legend: legend ? { bottom: 0, itemGap: 24, textStyle: { fontSize: 13 } } : undefined,
      grid: {
        containLabel: true,
        left: 16,
        right: input.valueLabels ? 90 : 24,
        top: valueName && !horizontal ? 36 : 16,
        bottom: 8 + legendRows * 26 + (horizontal ? nameSpace : 0),
      },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: input.series.map((s) => ({
        name: s.name,
        type: 'bar',
        ...(stacked ? { stack: 'all', barWidth: '70%' } : {}),
        ...(s.color ? { itemStyle: { color: s.color } } : {}),
        ...(input.valueLabels
          ? { label: { show: true, position: 'right', formatter: (p: { value: number }) => format(p.value) } }
          : {}),
        // '-' is ECharts' "no value": a stacked zero is no segment, so every drawn bar has a size.
        data: s.values.map((v) => (stacked && !(v > 0) ? '-' : v)),
      })),
    },
  };
}
