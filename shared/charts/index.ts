// Charts drawn the same way by the API (the evaluation report) and the web app (its loaders).
export { type BarChartInput, type BarSeries, barChart } from './bar-chart';
export { type HeatmapInput, heatColor, heatmap, ticks } from './heatmap';
export { type ChartHeading, type ChartPicture, escapeXml, inlineSvg, renderSvg, svgDocument } from './render';
