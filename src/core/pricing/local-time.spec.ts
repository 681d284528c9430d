import { osloParts } from '../../common/time';
import type { ChargeWindow } from './types';
import {
  compileWindows,
  dayNumberOfDate,
  dayNumberOfWall,
  MS_PER_DAY,
  MS_PER_MINUTE,
  msInsideWindows,
  toWallMs,
  weekdayOfDay,
} from './local-time';
import { at, seededRandom } from './pricing-fixtures';

const minutesInside = (from: string, to: string, windows: ChargeWindow[]): number =>
  msInsideWindows(at(from).getTime(), at(to).getTime(), compileWindows(windows)) / MS_PER_MINUTE;

const ALL_DAYS: ChargeWindow['weekdays'] = [1, 2, 3, 4, 5, 6, 7];

describe('Oslo wall-clock arithmetic for pricing', () => {
  it('agrees with osloParts on date, weekday and minute for random instants over years', () => {
    const random = seededRandom(42);
    const from = Date.UTC(2025, 0, 1);
    const span = Date.UTC(2030, 0, 1) - from;
    for (let i = 0; i < 20_000; i++) {
      const ms = from + Math.floor(random() * span);
      const parts = osloParts(new Date(ms));
      const wall = toWallMs(ms);
      const day = dayNumberOfWall(wall);
      expect(day).toBe(dayNumberOfDate(parts.date));
      expect(weekdayOfDay(day)).toBe(parts.weekday);
      expect(Math.floor((wall - day * MS_PER_DAY) / MS_PER_MINUTE)).toBe(parts.minute);
    }
  });

  it('counts only the minutes inside a window', () => {
    const weekend: ChargeWindow[] = [{ weekdays: [6, 7], from: '08:00', to: '20:00' }];
    expect(minutesInside('2027-04-03T19:00', '2027-04-03T21:30', weekend)).toBe(60); // Saturday
    expect(minutesInside('2027-04-02T19:00', '2027-04-02T21:30', weekend)).toBe(0); // Friday
    expect(minutesInside('2027-04-03T07:00', '2027-04-03T09:00', weekend)).toBe(60);
  });

  it('splits a range across midnight by local day and weekday', () => {
    const late: ChargeWindow[] = [
      { weekdays: [5], from: '22:00', to: '24:00' },
      { weekdays: [6], from: '00:00', to: '01:00' },
    ];
    // Friday 23:00 → Saturday 02:00: 60 min on Friday, 60 on Saturday.
    expect(minutesInside('2027-04-02T23:00', '2027-04-03T02:00', late)).toBe(120);
    // Saturday 23:00 → Sunday 02:00 meets neither: the windows are Friday evening and early Saturday.
    expect(minutesInside('2027-04-03T23:00', '2027-04-04T02:00', late)).toBe(0);
  });

  it('counts real time on the days the clocks change', () => {
    // 2027-03-28 (Sunday): 02:00–03:00 does not exist; 2027-10-31 (Sunday): 02:00–03:00 happens twice.
    const allDay: ChargeWindow[] = [{ weekdays: ALL_DAYS, from: '00:00', to: '24:00' }];
    expect(minutesInside('2027-03-28T01:00', '2027-03-28T04:00', allDay)).toBe(120);
    expect(minutesInside('2027-10-31T01:00', '2027-10-31T04:00', allDay)).toBe(240);
    const night: ChargeWindow[] = [{ weekdays: [7], from: '02:00', to: '03:00' }];
    expect(minutesInside('2027-03-28T01:00', '2027-03-28T04:00', night)).toBe(0);
    expect(minutesInside('2027-10-31T01:00', '2027-10-31T04:00', night)).toBe(120);
  });

  it('counts overlapping windows once (their union)', () => {
    const overlapping: ChargeWindow[] = [
      { weekdays: [6], from: '08:00', to: '14:00' },
      { weekdays: [6], from: '12:00', to: '18:00' },
      { weekdays: [6], from: '09:00', to: '10:00' },
    ];
    expect(minutesInside('2027-04-03T07:00', '2027-04-03T20:00', overlapping)).toBe(600);
    const weekly = compileWindows(overlapping);
    expect(weekly[6]).toEqual([8 * 60 * MS_PER_MINUTE, 18 * 60 * MS_PER_MINUTE]);
  });

  it('handles a range of several weeks, through a change of the clocks', () => {
    const evenings: ChargeWindow[] = [{ weekdays: ALL_DAYS, from: '18:00', to: '19:00' }];
    // 2027-03-22 00:00 to 2027-04-05 00:00: 14 evenings, of 60 minutes each.
    expect(minutesInside('2027-03-22T00:00', '2027-04-05T00:00', evenings)).toBe(14 * 60);
  });
});
