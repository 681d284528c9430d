import { describe, expect, it } from '@jest/globals';
import { kronerToOre, oreToKroner } from './kroner';

describe('kroner in forms', () => {
  it.each([
    ['150', 15000],
    ['150,5', 15050],
    ['150,50', 15050],
    ['1 200', 120000],
    ['1200.05', 120005],
    ['0', 0],
    [' 80 kr', 8000],
  ])('reads %p as %p øre', (text, ore) => expect(kronerToOre(text)).toBe(ore));

  it.each(['', 'abc', '1,5,0', '-10', '12,345', '1e3'])('refuses %p', (text) =>
    expect(kronerToOre(text)).toBeNull(),
  );

  it('writes øre back as kroner the way it reads them', () => {
    expect(oreToKroner(15050)).toBe('150,50');
    expect(oreToKroner(15000)).toBe('150');
    expect(oreToKroner(5)).toBe('0,05');
    expect(oreToKroner(null)).toBe('');
    for (const ore of [0, 1, 99, 100, 123456]) expect(kronerToOre(oreToKroner(ore))).toBe(ore);
  });
});
