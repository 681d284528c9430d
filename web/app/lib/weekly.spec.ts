import { describe, expect, it } from '@jest/globals';
import { weeklyDates, weeklyRule } from './weekly';

describe('a weekly series as chosen in the request form', () => {
  it('gives the same weekday each week until a date, that date included', () => {
    expect(weeklyDates('2027-09-07', { until: '2027-09-28' })).toEqual([
      '2027-09-07',
      '2027-09-14',
      '2027-09-21',
      '2027-09-28',
    ]);
    expect(weeklyRule({ until: '2027-09-28' })).toBe('FREQ=WEEKLY;UNTIL=20270928T235959Z');
  });

  it('or a number of times, across the change to winter time', () => {
    expect(weeklyDates('2027-10-26', { count: 3 })).toEqual(['2027-10-26', '2027-11-02', '2027-11-09']);
    expect(weeklyRule({ count: 3 })).toBe('FREQ=WEEKLY;COUNT=3');
  });

  it('gives nothing for a date that is none', () => {
    expect(weeklyDates('2027-02-30x', { count: 3 })).toEqual([]);
  });
});
