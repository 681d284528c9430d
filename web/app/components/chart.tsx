/**
 * A chart on a page: the SVG drawn on the server (lib/charts.server.ts, ECharts' server-side
 * renderer, so no chart code ships to the browser and it shows with JavaScript off), and a caption
 * naming what it shows and its period. The SVG is one image with a name, described by the table of
 * its figures, the text alternative, which the page shows beside it.
 */
export function Chart({ svg, caption }: { svg: string; caption: string }) {
  return (
    <figure className="chart">
      {/* ECharts' own markup from our figures, its texts escaped by ECharts and by inlineSvg. */}
      <div className="chart__image" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="chart__caption">{caption}</figcaption>
    </figure>
  );
}
