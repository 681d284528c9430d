import { parseInstant } from '../../common/time';
import { spansLength } from './day-parts';
import { OpenCalendar, openSpans } from './open-hours';

const at = (text: string): number => parseInstant(text)!.getTime();
const H = 3_600_000;
const allWeek = (opens: number, closes: number) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens, closes }));
const gym: OpenCalendar = {
  openingHours: [
    ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: 17 * 60, closes: 22 * 60 })),
    ...[6, 7].map((weekday) => ({ weekday, opens: 9 * 60, closes: 21 * 60 })),
  ],
  closures: [],
  closedOnPublicHolidays: true,
};
const openHours = (date: string, calendar: OpenCalendar): number =>
  spansLength(openSpans(date, calendar)) / H;

describe("a room's open hours on a date", () => {
  it('are the windows of that weekday', () => {
    expect(openHours('2026-02-03', gym)).toBe(5); // Tuesday 17–22
    expect(openHours('2026-02-07', gym)).toBe(12); // Saturday 09–21
  });

  it('are none on a public holiday when the building closes then, all when it does not', () => {
    expect(openHours('2026-05-17', gym)).toBe(0);
    expect(openHours('2026-05-17', { ...gym, closedOnPublicHolidays: false })).toBe(12);
  });

  it('lose what closures cover, however many and overlapping', () => {
    const closures: [number, number][] = [
      [at('2026-02-03T16:00'), at('2026-02-03T18:00')],
      [at('2026-02-03T17:30'), at('2026-02-03T19:00')],
      [at('2026-02-03T21:30'), at('2026-02-04T08:00')],
    ];
    expect(openHours('2026-02-03', { ...gym, closures })).toBe(2.5);
    expect(openHours('2026-02-04', { ...gym, closures })).toBe(5);
  });

  it('follow the clock change: 00:00–24:00 is 23 hours in March and 25 in October', () => {
    const always: OpenCalendar = {
      openingHours: allWeek(0, 1440),
      closures: [],
      closedOnPublicHolidays: false,
    };
    expect(openHours('2026-03-29', always)).toBe(23);
    expect(openHours('2025-10-26', always)).toBe(25);
    expect(openHours('2026-03-30', always)).toBe(24);
    const night: OpenCalendar = { ...always, openingHours: allWeek(60, 4 * 60) };
    expect(openHours('2026-03-29', night)).toBe(2);
    expect(openHours('2025-10-26', night)).toBe(4);
  });
});
