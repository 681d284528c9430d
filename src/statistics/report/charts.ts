import { renderSvg, ticks } from './svg';

/**
 * The report's three charts, drawn by ECharts (see svg.ts). Each bar or cell is one element with
 * `ecmeta_ssr_type="chart"`; legend keys carry `ecmeta_ssr_type="legend"`. Each names its period and
 * has a description listing its figures: the text alternative of the image.
 */

export interface StackedSeries {
  label: string;
  color: string;
  /** One value per category. */
  values: number[];
}

interface Common {
  title: string;
  period: string;
  format: (n: number) => string;
}

const WIDTH = 860;
const GRID = { containLabel: true, left: 20, right: 30 };

/** Vertical bars per category (months), stacked by series (organisation kinds). */
export function stackedBarChart(
  options: Common & { yLabel: string; categories: string[]; series: StackedSeries[] },
) {
  const { categories, series, format } = options;
  const legendRows = Math.ceil(series.length / 4);
  const description = categories
    .map((category, i) => {
      const parts = series
        .filter((s) => (s.values[i] ?? 0) > 0)
        .map((s) => `${s.label} ${format(s.values[i])}`);
      return `${category}: ${parts.length ? parts.join(', ') : format(0)}`;
    })
    .join('; ');
  return renderSvg({
    width: WIDTH,
    height: 420 + 22 * legendRows,
    title: options.title,
    period: options.period,
    description: `${options.yLabel}. ${description}`,
    option: {
      grid: { ...GRID, top: 70, bottom: 30 + 22 * legendRows },
      legend: { bottom: 8, itemGap: 16 },
      xAxis: { type: 'category', data: categories },
      yAxis: { type: 'value', name: options.yLabel, axisLabel: { formatter: format } },
      // A zero is no segment: '-' is ECharts' "no value", so every drawn bar has a size.
      series: series.map((s) => ({
        name: s.label,
        type: 'bar',
        stack: 'all',
        barWidth: '70%',
        itemStyle: { color: s.color },
        data: categories.map((_, i) => ((s.values[i] ?? 0) > 0 ? s.values[i] : '-')),
      })),
    },
  });
}

/** One horizontal bar per item (buildings), longest first, with its value at the end. */
export function horizontalBarChart(
  options: Common & { xLabel: string; items: { label: string; value: number }[]; color: string },
) {
  const items = [...options.items].sort((a, b) => b.value - a.value);
  const { format } = options;
  return renderSvg({
    width: WIDTH,
    height: 130 + Math.max(1, items.length) * 30,
    title: options.title,
    period: options.period,
    description: `${options.xLabel}. ${items.map((i) => `${i.label}: ${format(i.value)}`).join('; ')}`,
    option: {
      grid: { ...GRID, right: 110, top: 70, bottom: 40 },
      xAxis: {
        type: 'value',
        name: options.xLabel,
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: { formatter: format },
      },
      // ECharts draws a category axis from the bottom up: reversed, the longest bar is on top.
      yAxis: {
        type: 'category',
        inverse: true,
        data: items.map((i) => (i.label.length > 32 ? `${i.label.slice(0, 31)}…` : i.label)),
      },
      series: [
        {
          type: 'bar',
          barWidth: 18,
          itemStyle: { color: options.color },
          label: { show: true, position: 'right', formatter: (p: { value: number }) => format(p.value) },
          data: items.map((i) => i.value),
        },
      ],
    },
  });
}

/** Light to dark blue by value 0–1 of the scale; no value (never open) is grey. */
export function heatColor(value: number | null): string {
  if (value === null) return '#eeeeee';
  const t = Math.max(0, Math.min(1, value));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(239, 8)},${mix(243, 48)},${mix(255, 107)})`;
}

const CLOSED = -1;

/**
 * A grid of rows (weekdays) × columns (hours) coloured by value, each cell drawn (closed ones grey).
 * The colour scale runs from 0 to a round value above the largest cell (at most 1), in four steps, so
 * low utilisation still shows its pattern; the legend gives the steps.
 */
export function heatmap(
  options: Common & { rows: string[]; columns: string[]; values: (number | null)[][]; noValue: string },
) {
  const { rows, columns, format } = options;
  const largest = Math.max(0, ...options.values.flat().map((v) => v ?? 0));
  const scale = Math.min(1, ticks(largest, 4).at(-1)!);
  const steps = [0, 0.25, 0.5, 0.75].map((f) => f * scale);
  const data: [number, number, number][] = [];
  rows.forEach((_, i) => columns.forEach((_, j) => data.push([j, i, options.values[i]?.[j] ?? CLOSED])));
  const description = rows
    .map((r, i) => {
      const open = columns
        .map((c, j) => [c, options.values[i]?.[j] ?? null] as const)
        .filter(([, v]) => v !== null && v >= 0.005);
      return `${r}: ${open.length ? open.map(([c, v]) => `${c} ${format(v!)}`).join(', ') : '–'}`;
    })
    .join('; ');
  return renderSvg({
    width: 110 + columns.length * 30,
    height: 140 + rows.length * 30,
    title: options.title,
    period: options.period,
    description,
    option: {
      grid: { containLabel: true, left: 10, right: 20, top: 70, bottom: 50 },
      xAxis: { type: 'category', data: columns, position: 'top', axisLabel: { fontSize: 10 } },
      yAxis: { type: 'category', data: rows, inverse: true },
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        left: 'center',
        bottom: 8,
        dimension: 2,
        pieces: [
          ...steps.map((from, k) => ({
            gte: from,
            ...(k < 3 ? { lt: steps[k + 1] } : {}),
            color: heatColor(k / 3),
            label: k < 3 ? `${format(from)} – ${format(steps[k + 1])}` : `≥ ${format(from)}`,
          })),
          { value: CLOSED, color: heatColor(null), label: options.noValue },
        ],
      },
      series: [
        {
          type: 'heatmap',
          data,
          itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
          label: {
            show: true,
            fontSize: 9,
            formatter: (p: { value: [number, number, number] }) =>
              p.value[2] >= 0.005 ? String(Math.round(p.value[2] * 100)) : '',
          },
        },
      ],
    },
  });
}
