/**
 * A chart drawn on the server (usage-chart.server.ts) with its caption naming the period. The SVG is
 * one image with a name; its figures are in the table `tableId` points to, the text alternative.
 */
export function UsageChart({
  svg,
  label,
  caption,
  tableId,
}: {
  svg: string;
  /** What the chart shows and for which period, read out instead of the picture. */
  label: string;
  caption: string;
  tableId: string;
}) {
  // The SVG is ECharts' own output from our figures, escaped by ECharts: safe to place as markup.
  const accessible = svg.replace(
    /^<svg /,
    `<svg role="img" aria-label="${escapeAttr(label)}" aria-describedby="${escapeAttr(tableId)}" focusable="false" `,
  );
  return (
    <figure className="usage-chart">
      <div className="usage-chart__image" dangerouslySetInnerHTML={{ __html: accessible }} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

const escapeAttr = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
