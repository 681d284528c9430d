import { heatmap, horizontalBarChart, stackedBarChart } from './charts';
import { escapeXml, ticks } from '../../../shared/charts';

/** The drawn bars or cells: ECharts marks each data element with ecmeta_ssr_type="chart". */
const marks = (svg: string, type = 'chart'): string[] =>
  [...svg.matchAll(new RegExp(`<path [^>]*ecmeta_ssr_type="${type}"[^>]*>`, 'g'))].map((m) => m[0]);

/** A bar's length along x: ECharts draws it as "M x y l <width> 0 ...". */
const barWidth = (path: string): number => Number(/ d="M[\d.-]+ [\d.-]+l([\d.-]+) 0/.exec(path)![1]);

const PERIOD = '2026-02-02 – 2026-02-08';

describe('SVG charts (ECharts on the server)', () => {
  it('escapes every text, names included', () => {
    expect(escapeXml(`<b>"Bø & Co's"</b>\u0001`)).toBe('&lt;b&gt;&quot;Bø &amp; Co&apos;s&quot;&lt;/b&gt;');
    const svg = horizontalBarChart({
      title: 'Fritak <i>',
      period: PERIOD,
      xLabel: 'kr',
      items: [{ label: '<script>alert(1)</script>', value: 10 }],
      color: '#000',
      format: String,
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<i>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toContain('<style'); // a static image: no hover styles
  });

  it('is an image with a title naming its period and a description giving its figures', () => {
    const svg = horizontalBarChart({
      title: 'Fritak',
      period: PERIOD,
      xLabel: 'kr',
      items: [
        { label: 'Skolen', value: 600 },
        { label: 'Hallen', value: 450 },
      ],
      color: '#000',
      format: String,
    });
    expect(svg).toMatch(/^<\?xml [^>]*>\n<svg [^>]*role="img" aria-labelledby="chart-title chart-desc">/);
    expect(svg).toContain(`<title id="chart-title">Fritak, ${PERIOD}</title>`);
    expect(svg).toContain('<desc id="chart-desc">kr. Skolen: 600; Hallen: 450</desc>');
    expect(svg).toContain(`>${PERIOD}</text>`); // the subtitle
  });

  it('draws a bar per item, longest first, and a stacked segment per non-zero value', () => {
    const bars = horizontalBarChart({
      title: 't',
      period: PERIOD,
      xLabel: 'x',
      items: [
        { label: 'a', value: 1 },
        { label: 'b', value: 3 },
      ],
      color: '#000',
      format: String,
    });
    const drawn = marks(bars);
    expect(drawn).toHaveLength(2);
    expect(barWidth(drawn[0]) / barWidth(drawn[1])).toBeCloseTo(3, 2);
    expect(bars.indexOf('>b<')).toBeLessThan(bars.indexOf('>a<'));
    const stacked = stackedBarChart({
      title: 't',
      period: PERIOD,
      yLabel: 'h',
      categories: ['jan', 'feb'],
      series: [
        { label: 'A', color: '#111', values: [1, 0] },
        { label: 'B', color: '#222', values: [2, 3] },
      ],
      format: String,
    });
    expect(marks(stacked)).toHaveLength(3);
    expect(new Set(marks(stacked, 'legend').map((p) => /ecmeta_series_index="(\d+)"/.exec(p)![1]))).toEqual(
      new Set(['0', '1']),
    );
    expect(stacked).toContain('<desc id="chart-desc">h. jan: A 1, B 2; feb: B 3</desc>');
  });

  it('fills a weekday × hour grid, closed hours too', () => {
    const values = Array.from({ length: 7 }, (_, i) =>
      Array.from({ length: 24 }, (_, h) => (h < 8 ? null : i / 10)),
    );
    const svg = heatmap({
      title: 't',
      period: PERIOD,
      rows: 'abcdefg'.split(''),
      columns: [...Array(24).keys()].map(String),
      values,
      format: String,
      noValue: 'stengt',
    });
    const cells = marks(svg);
    expect(cells).toHaveLength(168);
    expect(cells.filter((c) => c.includes('fill="#eeeeee"'))).toHaveLength(7 * 8);
    expect(svg).toContain('>stengt</text>');
  });

  it('rounds axis ticks to 1, 2 or 5 times a power of ten', () => {
    expect(ticks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(17_519)).toEqual([0, 5000, 10000, 15000, 20000]);
    expect(ticks(0)).toEqual([0, 1]);
  });
});
