import type { ChartPicture } from './render';

export interface HeatmapInput {
  rows: string[];
  columns: string[];
  /** values[row][column] from 0 to 1; null where there is nothing to measure (closed). */
  values: (number | null)[][];
  format: (n: number) => string;
  /** The legend's name for a cell without a value. */
  noValue: string;
}

/** Round tick steps (1, 2, 5 × 10^n) from 0 to at least `max`. */
export function ticks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/** Light to dark blue by value 0–1 of the scale; no value (never open) is grey. */
export function heatColor(value: number | null): string {
  if (value === null) return '#eeeeee';
  const t = Math.max(0, Math.min(1, value));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(239, 8)},${mix(243, 48)},${mix(255, 107)})`;
}

const NO_VALUE = -1;

/**
 * A grid of rows (weekdays) × columns (hours) coloured by value, each cell drawn (those without a
 * value grey). The colour scale runs from 0 to a round value above the largest cell (at most 1), in
 * four steps, so low values still show their pattern; the legend gives the steps.
 */
export function heatmap(input: HeatmapInput): ChartPicture {
  const { rows, columns, format } = input;
  const largest = Math.max(0, ...input.values.flat().map((v) => v ?? 0));
  const scale = Math.min(1, ticks(largest, 4).at(-1)!);
  const steps = [0, 0.25, 0.5, 0.75].map((f) => f * scale);
  const data: [number, number, number][] = [];
  rows.forEach((_, i) => columns.forEach((_, j) => data.push([j, i, input.values[i]?.[j] ?? NO_VALUE])));
  return {
    width: 110 + columns.length * 30,
    height: 86 + rows.length * 30,
    option: {
      grid: { containLabel: true, left: 10, right: 20, top: 16, bottom: 50 },
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
          { value: NO_VALUE, color: heatColor(null), label: input.noValue },
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
  };
}
