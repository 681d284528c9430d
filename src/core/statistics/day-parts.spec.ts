import { parseInstant } from '../../common/time';
import { addByWallHour, mergeSpans, osloHour, splitByOsloDay, subtractSpans, wallInstant } from './day-parts';

const at = (text: string): number => parseInstant(text)!.getTime();
const H = 3_600_000;
const hours = (parts: { date: string; start: number; end: number }[]) =>
  parts.map((p) => [p.date, (p.end - p.start) / H]);

describe('cutting an occurrence at Oslo midnights', () => {
  it('keeps an occurrence within one day whole', () => {
    expect(hours(splitByOsloDay(at('2026-02-06T18:00'), at('2026-02-06T20:30')))).toEqual([
      ['2026-02-06', 2.5],
    ]);
  });

  it('splits one across midnight by its real duration', () => {
    expect(hours(splitByOsloDay(at('2026-02-06T22:00'), at('2026-02-07T02:00')))).toEqual([
      ['2026-02-06', 2],
      ['2026-02-07', 2],
    ]);
  });

  it('ending exactly at midnight stays on its day', () => {
    expect(hours(splitByOsloDay(at('2026-02-06T22:00'), at('2026-02-07T00:00')))).toEqual([
      ['2026-02-06', 2],
    ]);
  });

  it('counts real hours on the days the clocks change (23 and 25 hours)', () => {
    expect(hours(splitByOsloDay(at('2026-03-29T00:00'), at('2026-03-30T00:00')))).toEqual([
      ['2026-03-29', 23],
    ]);
    expect(hours(splitByOsloDay(at('2025-10-26T00:00'), at('2025-10-27T00:00')))).toEqual([
      ['2025-10-26', 25],
    ]);
    // 01:00–04:00 wall time: two real hours in March, four in October.
    expect(hours(splitByOsloDay(at('2026-03-29T01:00'), at('2026-03-29T04:00')))).toEqual([
      ['2026-03-29', 2],
    ]);
    expect(hours(splitByOsloDay(at('2025-10-26T01:00'), at('2025-10-26T04:00')))).toEqual([
      ['2025-10-26', 4],
    ]);
  });

  it('spans several days, the middle ones whole', () => {
    expect(hours(splitByOsloDay(at('2026-03-28T20:00'), at('2026-03-30T01:00')))).toEqual([
      ['2026-03-28', 4],
      ['2026-03-29', 23],
      ['2026-03-30', 1],
    ]);
  });
});

describe('wall-clock hours', () => {
  it('knows the local hour of an instant', () => {
    expect(osloHour(at('2026-07-01T00:30'))).toBe(0);
    expect(osloHour(at('2026-01-01T23:59'))).toBe(23);
  });

  it('gives the repeated hour two real hours in October, and the skipped one none in March', () => {
    const october = new Array<number>(24).fill(0);
    addByWallHour(october, at('2025-10-26T00:00'), at('2025-10-27T00:00'));
    expect(october[2]).toBe(2 * H);
    expect(october.reduce((a, b) => a + b)).toBe(25 * H);
    const march = new Array<number>(24).fill(0);
    addByWallHour(march, at('2026-03-29T00:00'), at('2026-03-30T00:00'), 3);
    expect(march[2]).toBe(0);
    expect(march[3]).toBe(3 * H);
    expect(march.reduce((a, b) => a + b)).toBe(3 * 23 * H);
  });

  it('reads a skipped wall time as the moment the clocks jump, 24:00 as the next midnight', () => {
    expect(wallInstant('2026-03-29', 150)).toBe(at('2026-03-29T03:00'));
    expect(wallInstant('2026-03-29', 1440)).toBe(at('2026-03-30T00:00'));
  });
});

describe('span arithmetic', () => {
  it('merges and subtracts', () => {
    expect(
      mergeSpans([
        [5, 8],
        [1, 3],
        [3, 4],
      ]),
    ).toEqual([
      [1, 4],
      [5, 8],
    ]);
    expect(
      subtractSpans(
        [[0, 10]],
        [
          [2, 3],
          [8, 12],
        ],
      ),
    ).toEqual([
      [0, 2],
      [3, 8],
    ]);
    expect(subtractSpans([[0, 10]], [[-5, 20]])).toEqual([]);
  });
});
