import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { type ReactNode, useMemo } from 'react';
import '../staff-pages.css';

// Only what our charts use, so a page with a chart loads a fraction of ECharts.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  SVGRenderer,
]);

export type ChartOption = EChartsCoreOption;

/**
 * An ECharts option rendered to an SVG string, without a DOM (ECharts' server-side rendering). The same
 * function runs on the server, so the chart is in the HTML and shows with JavaScript off, and in the
 * browser, which gets the same string. Animation is off: a still picture, identical on both sides.
 */
export function renderChartSvg(option: ChartOption, width = 640, height = 320): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

interface ChartProps {
  /** An ECharts option (series, axes…); animation is turned off. */
  option: ChartOption;
  /** The caption: what the chart shows and for which period. */
  title: string;
  /** What a screen reader says for the picture; the caption when left out. */
  label?: string;
  width?: number;
  height?: number;
  /** The text alternative: the table of the same numbers, shown under the chart. */
  children?: ReactNode;
}

/**
 * An accessible chart: a figure with the SVG as one image (role="img", aria-label), its caption, and
 * the table of its numbers as the text alternative. Shared by the staff and analyst pages.
 */
export function Chart({ option, title, label, width = 640, height = 320, children }: ChartProps) {
  const svg = useMemo(() => renderChartSvg(option, width, height), [option, width, height]);
  return (
    <figure className="chart">
      <figcaption className="chart__caption">{title}</figcaption>
      <div
        className="chart__image"
        role="img"
        aria-label={label ?? title}
        // ECharts' own SVG markup, built from our numbers above (nothing a user typed goes in unescaped).
        dangerouslySetInnerHTML={{ __html: svg }}
        suppressHydrationWarning
      />
      {children}
    </figure>
  );
}
