import { describe, expect, it } from '@jest/globals';
import { formatDateTime, formatDay, formatMoney, formatMonth, formatTime } from './format';

describe('Norwegian and English formats, in Oslo time', () => {
  const evening = '2027-09-07T18:00:00+02:00';

  it('writes a date and time as Norwegians do', () => {
    expect(formatDateTime(evening, 'nb')).toBe('tirsdag 7. september 2027 kl. 18:00');
    expect(formatDateTime(evening, 'en')).toBe('Tuesday, 7 September 2027 at 18:00');
    expect(formatTime('2027-12-07T17:00:00Z', 'nb')).toBe('18:00');
    expect(formatDay('2027-09-07', 'nb')).toBe('tirsdag 7. september 2027');
    expect([formatMonth(1, 'nb'), formatMonth(12, 'en')]).toEqual(['januar', 'December']);
  });

  it('writes money from øre with a space between thousands and a decimal comma', () => {
    expect(formatMoney(116250, 'nb').replace(/\s/g, ' ')).toBe('1 162,50 kr');
    expect(formatMoney(116250, 'en').replace(/\s/g, ' ')).toBe('NOK 1,162.50');
  });
});
