import { heatmap, horizontalBarChart, stackedBarChart } from './charts';
import { escapeXml, ticks } from './svg';

const count = (svg: string, cls: string): number => svg.split(`class="${cls}"`).length - 1;

describe('SVG charts', () => {
  it('escapes every text, names included', () => {
    expect(escapeXml(`<b>"Bø & Co's"</b>\u0001`)).toBe('&lt;b&gt;&quot;Bø &amp; Co&apos;s&quot;&lt;/b&gt;');
    const svg = horizontalBarChart({
      title: 'Fritak',
      xLabel: 'kr',
      items: [{ label: '<script>alert(1)</script>', value: 10 }],
      color: '#000',
      format: String,
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('draws a bar per item, longest first, and a stacked segment per non-zero value', () => {
    const bars = horizontalBarChart({
      title: 't',
      xLabel: 'x',
      items: [
        { label: 'a', value: 1 },
        { label: 'b', value: 3 },
      ],
      color: '#000',
      format: String,
    });
    expect(count(bars, 'bar')).toBe(2);
    expect(bars.indexOf('>b<')).toBeLessThan(bars.indexOf('>a<'));
    const stacked = stackedBarChart({
      title: 't',
      yLabel: 'h',
      categories: ['jan', 'feb'],
      series: [
        { label: 'A', color: '#111', values: [1, 0] },
        { label: 'B', color: '#222', values: [2, 3] },
      ],
      format: String,
    });
    expect(count(stacked, 'bar')).toBe(3);
    expect(count(stacked, 'legend-key')).toBe(2);
  });

  it('fills a weekday × hour grid', () => {
    const values = Array.from({ length: 7 }, (_, i) =>
      Array.from({ length: 24 }, (_, h) => (h < 8 ? null : i / 10)),
    );
    const svg = heatmap({
      title: 't',
      rows: 'abcdefg'.split(''),
      columns: [...Array(24).keys()].map(String),
      values,
      format: String,
      noValue: '-',
    });
    expect(count(svg, 'cell')).toBe(168);
  });

  it('rounds axis ticks to 1, 2 or 5 times a power of ten', () => {
    expect(ticks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(17_519)).toEqual([0, 5000, 10000, 15000, 20000]);
    expect(ticks(0)).toEqual([0, 1]);
  });
});
