import { document, legend, LegendItem, line, rect, text, ticks } from './svg';

/** The report's three charts. Bars carry class="bar", heatmap cells class="cell", each with a tooltip. */

export interface StackedSeries {
  label: string;
  color: string;
  /** One value per category. */
  values: number[];
}

const WIDTH = 860;

/** Vertical bars per category (months), stacked by series (organisation kinds). */
export function stackedBarChart(options: {
  title: string;
  yLabel: string;
  categories: string[];
  series: StackedSeries[];
  format: (n: number) => string;
}): string {
  const { categories, series } = options;
  const left = 70;
  const right = 20;
  const top = 50;
  const plotHeight = 300;
  const bottom = top + plotHeight;
  const plotWidth = WIDTH - left - right;
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const scale = ticks(Math.max(0, ...totals));
  const max = scale[scale.length - 1];
  const y = (v: number) => bottom - (v / max) * plotHeight;
  const band = plotWidth / Math.max(1, categories.length);
  const barWidth = Math.max(4, band * 0.7);
  const body: string[] = [];
  for (const t of scale) {
    body.push(line(left, y(t), WIDTH - right, y(t), '#e4e4e4'));
    body.push(text(options.format(t), { x: left - 6, y: y(t) + 4, 'text-anchor': 'end' }));
  }
  categories.forEach((category, i) => {
    const x = left + i * band + (band - barWidth) / 2;
    let base = 0;
    for (const s of series) {
      const v = s.values[i] ?? 0;
      if (v <= 0) continue;
      body.push(
        rect(
          { class: 'bar', x, y: y(base + v), width: barWidth, height: y(base) - y(base + v), fill: s.color },
          `${category}, ${s.label}: ${options.format(v)}`,
        ),
      );
      base += v;
    }
    body.push(text(category, { x: x + barWidth / 2, y: bottom + 16, 'text-anchor': 'middle' }));
  });
  body.push(line(left, top, left, bottom), line(left, bottom, WIDTH - right, bottom));
  body.push(
    text(options.yLabel, {
      x: 16,
      y: top + plotHeight / 2,
      transform: `rotate(-90 16 ${top + plotHeight / 2})`,
      'text-anchor': 'middle',
    }),
  );
  const items: LegendItem[] = series.map((s) => ({ label: s.label, color: s.color }));
  body.push(...legend(items, left, bottom + 44, plotWidth));
  return document(WIDTH, bottom + 44 + 18 * Math.ceil(items.length / 4) + 20, options.title, body);
}

/** One horizontal bar per item (buildings), longest first, with its value at the end. */
export function horizontalBarChart(options: {
  title: string;
  xLabel: string;
  items: { label: string; value: number }[];
  color: string;
  format: (n: number) => string;
}): string {
  const items = [...options.items].sort((a, b) => b.value - a.value);
  const left = 220;
  const right = 110;
  const top = 50;
  const rowHeight = 26;
  const plotWidth = WIDTH - left - right;
  const bottom = top + Math.max(1, items.length) * rowHeight;
  const scale = ticks(Math.max(0, ...items.map((i) => i.value)));
  const max = scale[scale.length - 1];
  const x = (v: number) => left + (v / max) * plotWidth;
  const body: string[] = [];
  for (const t of scale) {
    body.push(line(x(t), top, x(t), bottom, '#e4e4e4'));
    body.push(text(options.format(t), { x: x(t), y: bottom + 16, 'text-anchor': 'middle' }));
  }
  items.forEach((item, i) => {
    const y = top + i * rowHeight + 4;
    const label = item.label.length > 32 ? `${item.label.slice(0, 31)}…` : item.label;
    body.push(text(label, { x: left - 8, y: y + 13, 'text-anchor': 'end' }));
    body.push(
      rect(
        {
          class: 'bar',
          x: left,
          y,
          width: Math.max(1, x(item.value) - left),
          height: rowHeight - 8,
          fill: options.color,
        },
        `${item.label}: ${options.format(item.value)}`,
      ),
    );
    body.push(text(options.format(item.value), { x: x(item.value) + 6, y: y + 13 }));
  });
  body.push(line(left, top, left, bottom), line(left, bottom, WIDTH - right, bottom));
  body.push(text(options.xLabel, { x: left + plotWidth / 2, y: bottom + 36, 'text-anchor': 'middle' }));
  return document(WIDTH, bottom + 50, options.title, body);
}

/** Light to dark blue by value 0–1 of the scale; no value (never open) is grey. */
export function heatColor(value: number | null): string {
  if (value === null) return '#eeeeee';
  const t = Math.max(0, Math.min(1, value));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(239, 8)},${mix(243, 48)},${mix(255, 107)})`;
}

/**
 * A grid of rows (weekdays) × columns (hours) coloured by value, each cell labelled. The colour scale
 * runs from 0 to a round value above the largest cell (at most 1), so low utilisation still shows
 * its pattern; the legend gives the scale.
 */
export function heatmap(options: {
  title: string;
  rows: string[];
  columns: string[];
  values: (number | null)[][];
  format: (n: number) => string;
  noValue: string;
}): string {
  const left = 90;
  const top = 50;
  const cell = 30;
  const largest = Math.max(0, ...options.values.flat().map((v) => v ?? 0));
  const scale = Math.min(1, ticks(largest, 4).at(-1)!);
  const body: string[] = [];
  options.columns.forEach((c, j) =>
    body.push(
      text(c, { x: left + j * cell + cell / 2, y: top - 6, 'text-anchor': 'middle', 'font-size': 10 }),
    ),
  );
  options.rows.forEach((r, i) => {
    const y = top + i * cell;
    body.push(text(r, { x: left - 8, y: y + cell / 2 + 4, 'text-anchor': 'end' }));
    options.columns.forEach((c, j) => {
      const v = options.values[i]?.[j] ?? null;
      const x = left + j * cell;
      const shade = v === null ? null : v / scale;
      body.push(
        rect(
          { class: 'cell', x, y, width: cell - 1, height: cell - 1, fill: heatColor(shade) },
          `${r} ${c}: ${v === null ? options.noValue : options.format(v)}`,
        ),
      );
      if (v !== null && v >= 0.005) {
        const fill = shade !== null && shade > 0.55 ? '#ffffff' : '#1a1a1a';
        body.push(
          text(String(Math.round(v * 100)), {
            x: x + cell / 2,
            y: y + cell / 2 + 3,
            'text-anchor': 'middle',
            'font-size': 9,
            fill,
          }),
        );
      }
    });
  });
  const legendY = top + options.rows.length * cell + 24;
  [0, 0.25, 0.5, 0.75, 1].forEach((f, k) => {
    body.push(
      rect({ x: left + k * 70, y: legendY, width: 20, height: 12, fill: heatColor(f), class: 'legend-key' }),
    );
    body.push(text(options.format(f * scale), { x: left + k * 70 + 24, y: legendY + 10 }));
  });
  body.push(
    rect({ x: left + 5 * 70, y: legendY, width: 20, height: 12, fill: heatColor(null), class: 'legend-key' }),
  );
  body.push(text(options.noValue, { x: left + 5 * 70 + 24, y: legendY + 10 }));
  return document(left + options.columns.length * cell + 30, legendY + 40, options.title, body);
}
