/**
 * Plain SVG charts, written as text: axes, bars, a legend, labels. Every piece of text goes through
 * `escapeXml`, so names from the database cannot break out of the document. No scripts, no external
 * references: the files are safe to open anywhere.
 */

export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  ); // not allowed in XML
}

const num = (n: number): string => String(Math.round(n * 10) / 10);

export function attrs(a: Record<string, string | number>): string {
  return Object.entries(a)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`)
    .join('');
}

export const text = (content: string, a: Record<string, string | number>): string =>
  `<text${attrs(a)}>${escapeXml(content)}</text>`;

export const rect = (a: Record<string, string | number>, title?: string): string =>
  title === undefined ? `<rect${attrs(a)}/>` : `<rect${attrs(a)}><title>${escapeXml(title)}</title></rect>`;

export const line = (x1: number, y1: number, x2: number, y2: number, stroke = '#444'): string =>
  `<line${attrs({ x1, y1, x2, y2, stroke, 'stroke-width': 1 })}/>`;

export function document(width: number, height: number, title: string, body: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ width, height, viewBox: `0 0 ${width} ${height}` })}` +
    ` role="img" font-family="Helvetica, Arial, sans-serif" font-size="12">\n` +
    `<title>${escapeXml(title)}</title>\n` +
    rect({ x: 0, y: 0, width, height, fill: '#ffffff' }) +
    '\n' +
    text(title, { x: width / 2, y: 24, 'text-anchor': 'middle', 'font-size': 16, 'font-weight': 'bold' }) +
    '\n' +
    body.join('\n') +
    '\n</svg>\n'
  );
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

export interface LegendItem {
  label: string;
  color: string;
}

/** A row of coloured squares with names, wrapped to the width. */
export function legend(items: LegendItem[], x: number, y: number, width: number): string[] {
  const out: string[] = [];
  let cx = x;
  let cy = y;
  for (const item of items) {
    const w = 22 + item.label.length * 7;
    if (cx + w > x + width && cx > x) {
      cx = x;
      cy += 18;
    }
    out.push(rect({ x: cx, y: cy - 10, width: 12, height: 12, fill: item.color, class: 'legend-key' }));
    out.push(text(item.label, { x: cx + 16, y: cy }));
    cx += w;
  }
  return out;
}
