import { parseInstant } from '../common/time';
import type { RoomCalendar } from '../core/venues/availability';
import { datesOnWeekday, planDates } from './season-dates';

const at = (text: string): Date => parseInstant(text)!;
const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: 0, closes: 1440 }));
const calendar = (more: Partial<RoomCalendar> = {}): RoomCalendar => ({
  openingHours: everyDay,
  closures: [],
  closedOnPublicHolidays: true,
  ...more,
});
const NOW = at('2027-01-01T00:00');

describe('the dates of a weekly slot over a season', () => {
  it('lists every date on the weekday, first to last inclusive', () => {
    expect(datesOnWeekday('2027-03-01', '2027-03-29', 1)).toEqual([
      '2027-03-01',
      '2027-03-08',
      '2027-03-15',
      '2027-03-22',
      '2027-03-29',
    ]);
    expect(datesOnWeekday('2027-03-02', '2027-03-07', 1)).toEqual([]);
  });

  it('keeps the wall-clock time across the clock change and skips the hour that does not exist', () => {
    const plan = planDates(
      { startsOn: '2027-03-21', endsOn: '2027-04-04' },
      { roomId: 'r', weekday: 7, startTime: '02:30', endTime: '03:30' },
      calendar({ closedOnPublicHolidays: false }),
      NOW,
    );
    expect(plan.dates.map((d) => d.startsAt.toISOString())).toEqual([
      '2027-03-21T01:30:00.000Z',
      '2027-04-04T00:30:00.000Z',
    ]);
    expect(plan.skipped).toEqual([{ date: '2027-03-28', reason: 'no_such_time' }]);
  });

  it('sets aside holidays, closures, closed hours and the past, saying why', () => {
    const plan = planDates(
      { startsOn: '2027-05-01', endsOn: '2027-05-31' },
      { roomId: 'r', weekday: 1, startTime: '18:00', endTime: '19:30' },
      calendar({
        openingHours: [{ weekday: 1, opens: 17 * 60, closes: 22 * 60 }],
        closures: [
          { id: 'c', startsAt: at('2027-05-24T00:00'), endsAt: at('2027-05-25T00:00'), reason: 'Eksamen' },
        ],
      }),
      at('2027-05-05T00:00'),
    );
    expect(plan.dates.map((d) => d.date)).toEqual(['2027-05-10', '2027-05-31']);
    expect(plan.skipped).toEqual([
      { date: '2027-05-03', reason: 'past' },
      { date: '2027-05-17', reason: 'holiday', detail: expect.stringMatching(/Grunnlovsdag/) },
      { date: '2027-05-24', reason: 'closure', detail: 'Eksamen' },
    ]);
    const late = planDates(
      { startsOn: '2027-05-01', endsOn: '2027-05-10' },
      { roomId: 'r', weekday: 1, startTime: '16:00', endTime: '17:30' },
      calendar({
        openingHours: [{ weekday: 1, opens: 17 * 60, closes: 22 * 60 }],
        closedOnPublicHolidays: false,
      }),
      NOW,
    );
    expect(late.skipped.map((s) => s.reason)).toEqual(['outside_opening_hours', 'outside_opening_hours']);
  });
});
