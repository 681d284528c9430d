import { formatKr, hourlyAmountOre, mulDivRound, percentOfOre } from './money';
import { seededRandom } from './pricing-fixtures';

describe('øre rounding', () => {
  it('rounds 41 kr/h for 50 minutes to 3417 øre and 33 % of that to 1128', () => {
    expect(hourlyAmountOre(4100, 50 * 60_000)).toBe(3417); // 3416.67
    expect(percentOfOre(3417, 33)).toBe(1128); // 1127.61
  });

  it('rounds halves up and everything else to the nearest øre', () => {
    expect(mulDivRound(1, 1, 2)).toBe(1); // 0.5
    expect(mulDivRound(3, 1, 2)).toBe(2); // 1.5
    expect(mulDivRound(5, 1, 2)).toBe(3); // 2.5: halves up, not to even
    expect(mulDivRound(10, 1, 3)).toBe(3); // 3.33
    expect(mulDivRound(20, 1, 3)).toBe(7); // 6.67
    expect(percentOfOre(1, 50)).toBe(1);
    expect(percentOfOre(1, 49)).toBe(0);
    expect(hourlyAmountOre(15500, 30 * 60_000)).toBe(7750);
  });

  it('stays exact when the product passes 2^53', () => {
    const rate = 999_999_999;
    const ms = 40 * 86_400_000 + 1; // 40 days and a millisecond
    const exact = (2n * BigInt(rate) * BigInt(ms) + 3_600_000n) / 7_200_000n;
    expect(hourlyAmountOre(rate, ms)).toBe(Number(exact));
    expect(rate * ms).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
  });

  it('agrees with BigInt arithmetic on random amounts, and never waives more than the amount', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 5000; i++) {
      const a = Math.floor(random() * 1_000_000);
      const b = Math.floor(random() * 20_000_000);
      const d = 1 + Math.floor(random() * 5_000_000);
      expect(mulDivRound(a, b, d)).toBe(Number((2n * BigInt(a) * BigInt(b) + BigInt(d)) / (2n * BigInt(d))));
      const percent = Math.floor(random() * 101);
      const waived = percentOfOre(a, percent);
      expect(waived).toBeGreaterThanOrEqual(0);
      expect(waived).toBeLessThanOrEqual(a);
    }
  });

  it('formats øre as kroner with two decimals', () => {
    expect(formatKr(31000)).toBe('310.00 kr');
    expect(formatKr(3417)).toBe('34.17 kr');
    expect(formatKr(5)).toBe('0.05 kr');
    expect(formatKr(0)).toBe('0.00 kr');
  });
});
