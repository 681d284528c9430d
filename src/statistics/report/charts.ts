import { barChart, heatmap as heatmapPicture, svgDocument } from '../../../shared/charts';

/**
 * The report's three charts as standalone SVG files, drawn by frirom's one chart renderer
 * (shared/charts, ECharts' server-side SVG, as the web app's charts). Each bar or cell is one element
 * with `ecmeta_ssr_type="chart"`; legend keys carry `ecmeta_ssr_type="legend"`. Each names its period
 * and has a description listing its figures: the text alternative of the image.
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

/** Vertical bars per category (months), stacked by series (organisation kinds). */
export function stackedBarChart(
  options: Common & { yLabel: string; categories: string[]; series: StackedSeries[] },
) {
  const { categories, series, format } = options;
  const description = categories
    .map((category, i) => {
      const parts = series
        .filter((s) => (s.values[i] ?? 0) > 0)
        .map((s) => `${s.label} ${format(s.values[i])}`);
      return `${category}: ${parts.length ? parts.join(', ') : format(0)}`;
    })
    .join('; ');
  const picture = barChart({
    categories,
    series: series.map((s) => ({ name: s.label, values: s.values, color: s.color })),
    format,
    stacked: true,
    valueName: options.yLabel,
    width: WIDTH,
  });
  return svgDocument(picture, options, `${options.yLabel}. ${description}`);
}

/** One horizontal bar per item (buildings), longest first, with its value at the end. */
export function horizontalBarChart(
  options: Common & { xLabel: string; items: { label: string; value: number }[]; color: string },
) {
  const items = [...options.items].sort((a, b) => b.value - a.value);
  const { format } = options;
  const picture = barChart({
    categories: items.map((i) => i.label),
    series: [{ name: options.xLabel, values: items.map((i) => i.value), color: options.color }],
    format,
    horizontal: true,
    valueName: options.xLabel,
    valueLabels: true,
    width: WIDTH,
  });
  const description = `${options.xLabel}. ${items.map((i) => `${i.label}: ${format(i.value)}`).join('; ')}`;
  return svgDocument(picture, options, description);
}

/** A grid of weekdays × hours coloured by utilisation, closed hours grey (see shared/charts/heatmap). */
export function heatmap(
  options: Common & { rows: string[]; columns: string[]; values: (number | null)[][]; noValue: string },
) {
  const { rows, columns, format } = options;
  const description = rows
    .map((r, i) => {
      const open = columns
        .map((c, j) => [c, options.values[i]?.[j] ?? null] as const)
        .filter(([, v]) => v !== null && v >= 0.005);
      return `${r}: ${open.length ? open.map(([c, v]) => `${c} ${format(v!)}`).join(', ') : '–'}`;
    })
    .join('; ');
  return svgDocument(heatmapPicture(options), options, description);
}
