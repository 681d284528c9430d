import * as echarts from 'echarts';

/**
 * frirom's one chart renderer: Apache ECharts' server-side SVG (no DOM, no browser). The API's
 * evaluation report and the web app's pages (in their loaders and actions) both draw with it, so
 * ECharts never ships to a browser and every chart shows with JavaScript off. ECharts escapes the
 * text it writes; what we add goes through `escapeXml`. Its hover styles are dropped: a still picture.
 */

export type ChartOption = echarts.EChartsCoreOption;

/** An ECharts option and the size to draw it at; `grid.top` is where the plot begins. */
export interface ChartPicture {
  option: ChartOption & { grid: { top: number; [setting: string]: unknown } };
  width: number;
  height: number;
}

/** What names a chart: its title and the period it shows, both drawn at its top (standalone files). */
export interface ChartHeading {
  title: string;
  /** The period shown, e.g. "2026-02-02 – 2026-02-08". */
  period: string;
}

// ECharts measures text without a browser as if a generic sans-serif: drawn with that, labels fit.
const FONT = 'sans-serif';
const HEADING_HEIGHT = 54;

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

/** The picture as an `<svg>` element, with its title and period drawn at the top when given. */
export function renderSvg(picture: ChartPicture, heading?: ChartHeading): string {
  const extra = heading ? HEADING_HEIGHT : 0;
  const { width } = picture;
  const height = picture.height + extra;
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, color: '#1a1a1a' },
      backgroundColor: '#ffffff',
      ...picture.option,
      grid: { ...picture.option.grid, top: picture.option.grid.top + extra },
      ...(heading
        ? {
            title: {
              text: heading.title,
              subtext: heading.period,
              left: 'center',
              textStyle: { fontSize: 16, color: '#1a1a1a' },
              subtextStyle: { fontSize: 12, color: '#444444' },
            },
          }
        : {}),
    });
    return instance.renderToSVGString().replace(/<style[\s\S]*?<\/style>\s*/g, '');
  } finally {
    instance.dispose(); // or its timers keep the process alive
  }
}

/**
 * A standalone SVG document (a file to download or open anywhere): role="img", a `<title>` naming the
 * chart and its period, and a `<desc>` giving its figures, the text alternative.
 */
export function svgDocument(picture: ChartPicture, heading: ChartHeading, description: string): string {
  const named =
    ` role="img" aria-labelledby="chart-title chart-desc">\n` +
    `<title id="chart-title">${escapeXml(`${heading.title}, ${heading.period}`)}</title>\n` +
    `<desc id="chart-desc">${escapeXml(description)}</desc>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderSvg(picture, heading).replace(/>/, named)}\n`;
}

/**
 * An `<svg>` to place inside a page: one image named `label` (what it shows, for which period),
 * described by the table `describedBy` that holds its figures.
 */
export function inlineSvg(picture: ChartPicture, label: string, describedBy: string): string {
  return renderSvg(picture).replace(
    /^<svg /,
    `<svg role="img" aria-label="${escapeXml(label)}" aria-describedby="${escapeXml(describedBy)}" focusable="false" `,
  );
}
