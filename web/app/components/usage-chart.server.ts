import * as echarts from 'echarts';

/*
 * Bars drawn by Apache ECharts' server-side SVG renderer (no DOM), in the loader: ECharts never ships
 * to the browser and the chart shows with JavaScript off. usage-chart.tsx puts the SVG on the page.
 */

export interface BarChartInput {
  /** One bar (or group of bars) per category, in the order given. */
  categories: string[];
  series: { name: string; values: number[] }[];
  format: (n: number) => string;
  /** Horizontal bars suit long names (rooms, organisations); vertical suit months and weekdays. */
  horizontal?: boolean;
  width?: number;
}

const COLORS = ['#1f6fb2', '#d95f02', '#1b9e77', '#7570b3'];

/** The SVG text, without the hover styles ECharts adds for interactive charts. */
export function renderBarChart(input: BarChartInput): string {
  const { categories, format, horizontal = false } = input;
  // Narrow enough that its text stays readable when a phone scales it to 330 px.
  const width = input.width ?? (horizontal ? 520 : 640);
  const legend = input.series.length > 1;
  const height = horizontal ? 60 + categories.length * 28 + (legend ? 30 : 0) : 320;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const names = categories.map((c) => (c.length > 28 ? `${c.slice(0, 27)}…` : c));
    const valueAxis = { type: 'value', axisLabel: { formatter: format, fontSize: 13 } };
    const categoryAxis = { type: 'category', data: names, inverse: horizontal, axisLabel: { fontSize: 13 } };
    chart.setOption({
      animation: false,
      // ECharts measures text without a browser, for a generic sans-serif: draw with that, or labels overrun.
      textStyle: { fontFamily: 'sans-serif', color: '#1a1a1a' },
      color: COLORS,
      legend: legend ? { bottom: 0, itemGap: 28, textStyle: { fontSize: 13 } } : undefined,
      grid: { containLabel: true, left: 24, right: 24, top: 16, bottom: legend ? 40 : 8 },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: input.series.map((s) => ({ name: s.name, type: 'bar', data: s.values })),
    });
    return chart.renderToSVGString().replace(/<style[\s\S]*?<\/style>\s*/g, '');
  } finally {
    chart.dispose(); // or its timers keep the process alive
  }
}
