import { parseInstant } from '../../common/time';
import { RollupOccurrence, RollupRoom, rollupDays } from './rollup';

const at = (text: string): number => parseInstant(text)!.getTime();
const allWeek = (opens: number, closes: number) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens, closes }));

const gym: RollupRoom = {
  id: 'gym',
  buildingId: 'school',
  buildingKind: 'school',
  kind: 'gym',
  leaves: 1,
  isLeaf: true,
  calendar: { openingHours: allWeek(17 * 60, 22 * 60), closures: [], closedOnPublicHolidays: true },
};
const hall: RollupRoom = { ...gym, id: 'hall', kind: 'hall', leaves: 2, isLeaf: false };
const court = (id: string): RollupRoom => ({ ...gym, id });

const occurrence = (over: Partial<RollupOccurrence>): RollupOccurrence => ({
  roomId: 'gym',
  organisationId: 'club',
  organisationKind: 'sports',
  ageGroup: 'children',
  ruleId: 'free',
  start: at('2026-02-03T18:00'),
  end: at('2026-02-03T19:30'),
  status: 'approved',
  cancelledLate: null,
  attendance: 'used',
  participants: 14,
  listOre: 23_250,
  waivedOre: 23_250,
  chargedOre: 0,
  ...over,
});

describe('the usage rollup of a day', () => {
  it('adds booked, used, no-show and cancelled hours, money and participants per group', () => {
    const { usage, roomDays } = rollupDays(
      ['2026-02-03'],
      [gym],
      [
        occurrence({}),
        occurrence({ start: at('2026-02-03T20:00'), end: at('2026-02-03T21:00'), attendance: 'no_show' }),
        occurrence({ start: at('2026-02-03T17:00'), end: at('2026-02-03T18:00'), attendance: null }),
        occurrence({
          status: 'cancelled',
          cancelledLate: true,
          attendance: null,
          start: at('2026-02-03T21:00'),
          end: at('2026-02-03T22:00'),
        }),
        occurrence({ status: 'cancelled', cancelledLate: false, attendance: null, ruleId: null }),
      ],
    );
    expect(usage).toHaveLength(2);
    const main = usage.find((r) => r.ruleId === 'free')!;
    expect(main).toMatchObject({
      occurrences: 3,
      bookedSeconds: 3.5 * 3600,
      usedSeconds: 1.5 * 3600,
      noShowSeconds: 3600,
      cancelledLateSeconds: 3600,
      cancelledInTimeSeconds: 0,
      participants: 14,
      listOre: 3 * 23_250,
      waivedOre: 3 * 23_250,
      chargedOre: 0,
    });
    const other = usage.find((r) => r.ruleId === null)!;
    expect(other).toMatchObject({ occurrences: 0, bookedSeconds: 0, cancelledInTimeSeconds: 1.5 * 3600 });
    expect(roomDays).toEqual([
      expect.objectContaining({ date: '2026-02-03', roomId: 'gym', openSeconds: 5 * 3600 }),
    ]);
  });

  it('splits an occurrence across midnight and counts it, its money and participants, on its first day', () => {
    const o = occurrence({ start: at('2026-02-06T22:00'), end: at('2026-02-07T02:00') });
    const both = rollupDays(['2026-02-06', '2026-02-07'], [gym], [o]).usage;
    expect(both.map((r) => [r.date, r.bookedSeconds / 3600, r.occurrences, r.listOre])).toEqual([
      ['2026-02-06', 2, 1, 23_250],
      ['2026-02-07', 2, 0, 0],
    ]);
    // Recomputing the second day alone gives the same row for it.
    expect(rollupDays(['2026-02-07'], [gym], [o]).usage).toEqual([both[1]]);
  });

  it('counts a hall booked whole as a leaf-hour of each section, and capacity in leaf rooms only', () => {
    const result = rollupDays(
      ['2026-02-03'],
      [hall, court('a'), court('b')],
      [
        occurrence({ roomId: 'hall' }),
        occurrence({ roomId: 'a', start: at('2026-02-03T20:00'), end: at('2026-02-03T21:00') }),
      ],
    );
    expect(result.usage.map((r) => [r.roomId, r.bookedSeconds / 3600, r.bookedLeafSeconds / 3600])).toEqual([
      ['hall', 1.5, 3],
      ['a', 1, 1],
    ]);
    const [hours] = result.buildingHours;
    expect(hours.openLeafSeconds.reduce((a, b) => a + b) / 3600).toBe(10); // two courts × 5 h; not the hall
    expect(hours.bookedLeafSeconds[18] / 3600).toBe(2);
    expect(hours.bookedLeafSeconds[19] / 3600).toBe(1);
    expect(hours.bookedLeafSeconds[20] / 3600).toBe(1);
  });

  it('leaves out days not asked for and rooms without open time', () => {
    const closed: RollupRoom = { ...gym, id: 'closed', calendar: { ...gym.calendar, openingHours: [] } };
    const result = rollupDays(['2026-02-04'], [gym, closed], [occurrence({})]);
    expect(result.usage).toEqual([]);
    expect(result.roomDays.map((r) => r.roomId)).toEqual(['gym']);
  });
});
