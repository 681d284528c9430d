import { parseInstant } from '../../common/time';
import { availability, RoomCalendar } from './availability';
import { publicHoliday } from './holidays';
import { openingHoursProblems } from './opening-hours';

const at = (text: string): Date => parseInstant(text)!;
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: 17 * 60, closes: 22 * 60 }));
const weekends = [6, 7].map((weekday) => ({ weekday, opens: 9 * 60, closes: 21 * 60 }));
const gym: RoomCalendar = {
  openingHours: [...weekdays, ...weekends],
  closures: [],
  closedOnPublicHolidays: true,
};

describe('is a room open for a time range', () => {
  it('is open inside the opening hours, weekday and weekend', () => {
    expect(availability(gym, at('2027-09-07T18:00'), at('2027-09-07T20:00'))).toEqual({
      open: true,
      reasons: [],
    });
    expect(availability(gym, at('2027-09-11T09:00'), at('2027-09-11T21:00')).open).toBe(true);
  });

  it('says outside_opening_hours when the range sticks out', () => {
    expect(availability(gym, at('2027-09-07T16:30'), at('2027-09-07T18:00')).reasons).toEqual([
      { kind: 'outside_opening_hours', date: '2027-09-07' },
    ]);
    expect(availability(gym, at('2027-09-07T21:00'), at('2027-09-07T22:30')).open).toBe(false);
  });

  it('holds on the days the clocks change (wall-clock windows, 23- and 25-hour days)', () => {
    // Sundays 28 March and 31 October 2027; 17 May is not involved.
    const plain: RoomCalendar = { ...gym, closedOnPublicHolidays: false };
    expect(availability(plain, at('2027-03-28T09:00'), at('2027-03-28T21:00')).open).toBe(true);
    expect(availability(plain, at('2027-10-31T09:00'), at('2027-10-31T21:00')).open).toBe(true);
    expect(availability(plain, at('2027-10-31T08:00'), at('2027-10-31T10:00')).open).toBe(false);
    const night: RoomCalendar = { ...plain, openingHours: [{ weekday: 7, opens: 0, closes: 1440 }] };
    expect(availability(night, at('2027-03-28T01:00'), at('2027-03-28T04:00')).open).toBe(true);
    expect(availability(night, at('2027-10-31T01:00'), at('2027-10-31T04:00')).open).toBe(true);
  });

  it('needs windows on both days for a range across midnight', () => {
    const late: RoomCalendar = {
      ...gym,
      openingHours: [
        { weekday: 5, opens: 20 * 60, closes: 1440 },
        { weekday: 6, opens: 0, closes: 2 * 60 },
      ],
    };
    expect(availability(late, at('2027-09-10T22:00'), at('2027-09-11T01:00')).open).toBe(true);
    expect(availability(late, at('2027-09-10T22:00'), at('2027-09-11T03:00')).reasons).toEqual([
      { kind: 'outside_opening_hours', date: '2027-09-11' },
    ]);
  });

  it('says closure for a closure that touches the range, naming it', () => {
    const closed: RoomCalendar = {
      ...gym,
      closures: [
        {
          id: 'c1',
          startsAt: at('2027-09-07T19:00'),
          endsAt: at('2027-09-08T00:00'),
          reason: 'Skolekonsert',
        },
      ],
    };
    expect(availability(closed, at('2027-09-07T18:00'), at('2027-09-07T19:30')).reasons).toEqual([
      { kind: 'closure', closureId: 'c1', reason: 'Skolekonsert' },
    ]);
    expect(availability(closed, at('2027-09-07T17:00'), at('2027-09-07T19:00')).open).toBe(true);
  });

  it('closes buildings that close on public holidays: Easter of 2027 and 2028, and 17 May', () => {
    for (const date of [
      '2027-03-25',
      '2027-03-26',
      '2027-03-28',
      '2027-03-29',
      '2028-04-13',
      '2028-04-14',
      '2028-04-17',
    ]) {
      expect({ date, holiday: publicHoliday(date) !== null }).toEqual({ date, holiday: true });
    }
    expect(publicHoliday('2027-05-17')).toMatch(/Grunnlovsdag/);
    expect(publicHoliday('2027-05-06')).toMatch(/himmelfart/i); // Ascension, 39 days after Easter
    expect(publicHoliday('2027-12-24')).toBeNull(); // Christmas Eve is not a public holiday
    const reasons = availability(gym, at('2027-05-17T18:00'), at('2027-05-17T20:00')).reasons;
    expect(reasons).toEqual([
      { kind: 'holiday', date: '2027-05-17', name: expect.stringMatching(/Grunnlovsdag/) },
    ]);
    expect(
      availability({ ...gym, closedOnPublicHolidays: false }, at('2027-05-17T18:00'), at('2027-05-17T20:00'))
        .open,
    ).toBe(true);
  });
});

describe('opening hours', () => {
  it('allows several windows a day and refuses overlaps and empty windows', () => {
    expect(
      openingHoursProblems([
        { weekday: 1, opens: 480, closes: 600 },
        { weekday: 1, opens: 1020, closes: 1320 },
      ]),
    ).toEqual([]);
    expect(
      openingHoursProblems([
        { weekday: 1, opens: 480, closes: 700 },
        { weekday: 1, opens: 600, closes: 800 },
      ]),
    ).toHaveLength(1);
    expect(openingHoursProblems([{ weekday: 2, opens: 1320, closes: 1020 }])).toHaveLength(1);
    expect(openingHoursProblems([{ weekday: 8, opens: 0, closes: 60 }])).toHaveLength(1);
  });
});
