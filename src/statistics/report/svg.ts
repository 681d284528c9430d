import * as echarts from 'echarts';

/**
 * The report's charts are drawn by Apache ECharts' server-side SVG renderer (no DOM, no browser), the
 * same library the web app draws its charts with. ECharts escapes the text it writes; what we add (the
 * title and description) goes through `escapeXml`. Its hover styles are dropped: the files are static
 * images, safe to open anywhere, with no scripts, styles or external references.
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

export const FONT = 'Helvetica, Arial, sans-serif';

export interface SvgChart {
  width: number;
  height: number;
  /** The chart's name; with the period it is the image's title. */
  title: string;
  /** The period shown, e.g. "2026-02-02 – 2026-02-08": in the subtitle and the title. */
  period: string;
  /** The text alternative: what the chart shows, in words and figures. */
  description: string;
  option: echarts.EChartsCoreOption;
}

/** An ECharts option drawn as a standalone SVG document with role="img", <title> and <desc>. */
export function renderSvg(chart: SvgChart): string {
  const instance = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: chart.width,
    height: chart.height,
  });
  try {
    instance.setOption({
      animation: false,
      textStyle: { fontFamily: FONT },
      backgroundColor: '#ffffff',
      title: {
        text: chart.title,
        subtext: chart.period,
        left: 'center',
        textStyle: { fontSize: 16, color: '#1a1a1a' },
        subtextStyle: { fontSize: 12, color: '#444444' },
      },
      ...chart.option,
    });
    const svg = instance.renderToSVGString();
    const heading =
      ` role="img" aria-labelledby="chart-title chart-desc">\n` +
      `<title id="chart-title">${escapeXml(`${chart.title}, ${chart.period}`)}</title>\n` +
      `<desc id="chart-desc">${escapeXml(chart.description)}</desc>`;
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n` +
      svg.replace(/<style[\s\S]*?<\/style>\s*/g, '').replace(/>/, heading) +
      '\n'
    );
  } finally {
    instance.dispose(); // or its timers keep the process alive
  }
}
