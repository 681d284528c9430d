import { allocate, greedyAllocate } from './allocate';
import { application, hall, room, round, slot } from './fixtures';
import { AllocationResult, ApplicationResult } from './types';
import { AllocationInputError } from './validate';

const of = (result: AllocationResult, id: string): ApplicationResult => {
  const found = result.results.find((r) => r.applicationId === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
};

describe('allocate', () => {
  const X = slot('r1', 2, '18:00', '19:30');
  const Y = slot('r1', 3, '18:00', '19:30');

  it('finds the optimum where greedy gives the contested slot to the first applicant', async () => {
    const input = round([room('r1')], [application('A', 1, [X, Y]), application('B', 1, [X])]);

    const greedy = greedyAllocate(input);
    expect(of(greedy, 'A').granted).toEqual([0]);
    expect(of(greedy, 'B').granted).toEqual([]);
    // Greedy proves nothing: its bound is each application getting its longest session.
    expect(greedy.status).toBe('greedy');
    expect(greedy.hoursBoundByTier).toEqual({ 1: 3 });
    expect(greedy.gap).toBe(1);

    const result = await allocate(input);
    expect(result.status).toBe('optimal');
    expect(result.gap).toBe(0);
    expect(of(result, 'A').granted).toEqual([1]);
    expect(of(result, 'B').granted).toEqual([0]);
    expect(result.hoursByTier).toEqual({ 1: 3 });
    expect(result.greedyHoursByTier).toEqual({ 1: 1.5 });
    expect(of(result, 'A').reasons[0]).toEqual({
      kind: 'held_by',
      alternativeIndex: 0,
      applicationId: 'B',
      tier: 1,
    });
    expect(of(result, 'A').explanation).toBe(
      'Granted alternative 2: alternative 1 (r1, Tue 18:00–19:30) is held by tier-1 application B.',
    );
  });

  it('blocks a hall and its courts both ways, but not two sibling courts', async () => {
    const rooms = hall('hall', ['c1', 'c2', 'c3']);
    const hallSlot = slot('hall', 2, '18:00', '20:00');
    const courtSlot = slot('c1', 2, '19:00', '20:00');

    const courtFirst = await allocate(
      round(rooms, [application('court', 1, [courtSlot]), application('hall', 2, [hallSlot])]),
    );
    expect(of(courtFirst, 'court').granted).toEqual([0]);
    expect(of(courtFirst, 'hall').reasons).toEqual([
      { kind: 'held_by', alternativeIndex: 0, applicationId: 'court', tier: 1 },
    ]);

    const hallFirst = await allocate(
      round(rooms, [application('court', 2, [courtSlot]), application('hall', 1, [hallSlot])]),
    );
    expect(of(hallFirst, 'hall').granted).toEqual([0]);
    expect(of(hallFirst, 'court').reasons[0]).toMatchObject({ kind: 'held_by', applicationId: 'hall' });

    const siblings = await allocate(
      round(rooms, [
        application('one', 1, [courtSlot]),
        application('two', 1, [slot('c2', 2, '19:00', '20:00')]),
      ]),
    );
    expect(of(siblings, 'one').granted).toEqual([0]);
    expect(of(siblings, 'two').granted).toEqual([0]);
  });

  it('never lets a lower tier displace a higher tier, even for more hours in total', async () => {
    const input = round(
      [room('r1')],
      [
        application('T1', 1, [slot('r1', 2, '18:00', '19:30')]),
        application('U', 2, [slot('r1', 2, '17:00', '18:30')]),
        application('V', 2, [slot('r1', 2, '19:00', '21:00')]),
      ],
    );
    const result = await allocate(input);
    expect(of(result, 'T1').granted).toEqual([0]);
    expect(result.hoursByTier).toEqual({ 1: 1.5, 2: 0 });
    expect(of(result, 'V').explanation).toBe(
      'Not granted: alternative 1 (r1, Tue 19:00–21:00) is held by tier-1 application T1.',
    );
  });

  it('keeps pinned assignments and re-optimises the rest around them', async () => {
    const Z = slot('r1', 4, '18:00', '19:30');
    const input = round(
      [room('r1')],
      [application('A', 1, [X, Y]), application('B', 1, [X, Z]), application('C', 1, [Z])],
      { weights: { keepPrevious: 0, preferenceRank: 1, fairness: 0 } },
    );
    const free = await allocate(input);
    expect(free.results.map((r) => r.granted)).toEqual([[1], [0], [0]]);

    const pinned = await allocate({ ...input, pins: [{ applicationId: 'A', alternativeIndex: 0 }] });
    expect(pinned.status).toBe('optimal');
    expect(pinned.results.map((r) => r.granted)).toEqual([[0], [], [0]]);
    expect(of(pinned, 'B').explanation).toBe(
      'Not granted: alternative 1 (r1, Tue 18:00–19:30) is held by tier-1 application A; ' +
        'alternative 2 (r1, Thu 18:00–19:30) is held by tier-1 application C.',
    );
  });

  it('refuses pins that clash with each other', async () => {
    const input = round([room('r1')], [application('A', 1, [X, Y]), application('B', 1, [X])], {
      pins: [
        { applicationId: 'A', alternativeIndex: 0 },
        { applicationId: 'B', alternativeIndex: 0 },
      ],
    });
    await expect(allocate(input)).rejects.toBeInstanceOf(AllocationInputError);
    expect(() => greedyAllocate(input)).toThrow(/pins A#0 and B#0 clash/);
  });

  it('leaves out and explains alternatives outside opening hours or in unknown rooms', async () => {
    const rooms = [
      room('split', {
        hours: [
          [1, '09:00', '12:00'],
          [1, '17:00', '19:00'],
          [1, '19:00', '22:00'],
        ],
      }),
    ];
    const result = await allocate(
      round(rooms, [
        application('A', 1, [
          slot('split', 1, '11:00', '13:00'),
          slot('split', 2, '18:00', '19:00'),
          slot('nowhere', 1, '18:00', '19:00'),
          slot('split', 1, '18:00', '20:00'),
        ]),
      ]),
    );
    const a = of(result, 'A');
    expect(a.granted).toEqual([3]);
    expect(a.reasons.map((r) => r.kind)).toEqual([
      'outside_opening_hours',
      'outside_opening_hours',
      'unknown_room',
      'granted',
    ]);
    expect(a.explanation).toBe(
      "Granted alternative 4: alternative 1 (split, Mon 11:00–13:00) is outside the room's opening hours; " +
        "alternative 2 (split, Tue 18:00–19:00) is outside the room's opening hours; " +
        'alternative 3 (nowhere, Mon 18:00–19:00) is in an unknown room.',
    );
  });

  it('places two sessions a week on different weekdays', async () => {
    const result = await allocate(
      round(
        [room('r1'), room('r2')],
        [
          application(
            'A',
            1,
            [
              slot('r1', 2, '18:00', '19:00'),
              slot('r2', 2, '19:00', '20:00'),
              slot('r1', 4, '18:00', '19:00'),
            ],
            { sessionsPerWeek: 2 },
          ),
          application('B', 2, [slot('r1', 4, '18:00', '19:00'), slot('r1', 5, '18:00', '19:00')]),
        ],
        { weights: { keepPrevious: 0, preferenceRank: 1, fairness: 0 } },
      ),
    );
    const a = of(result, 'A');
    expect(a.granted).toEqual([0, 2]);
    expect(a.reasons[1]).toEqual({ kind: 'same_weekday_as_own_session', alternativeIndex: 1 });
    expect(of(result, 'B').granted).toEqual([1]);
    expect(result.hoursByTier).toEqual({ 1: 2, 2: 1 });
  });

  it('names the highest-tier holder when several granted sessions block an alternative', async () => {
    const rooms = hall('hall', ['c1', 'c2']);
    const result = await allocate(
      round(rooms, [
        application('low', 2, [slot('c1', 2, '18:00', '19:00')]),
        application('high', 1, [slot('c2', 2, '19:00', '20:00')]),
        application('asker', 3, [slot('hall', 2, '18:00', '20:00')]),
      ]),
    );
    expect(of(result, 'asker').reasons[0]).toEqual({
      kind: 'held_by',
      alternativeIndex: 0,
      applicationId: 'high',
      tier: 1,
    });
  });

  it('breaks ties within a tier by keeping last season, then by fairness', async () => {
    const base = [application('old', 1, [X]), application('new', 1, [X])];
    const keep = await allocate(
      round([room('r1')], [base[0], { ...base[1], previous: [X] }], {
        weights: { keepPrevious: 10, preferenceRank: 1, fairness: 1 },
      }),
    );
    expect(of(keep, 'new').granted).toEqual([0]);
    expect(keep.objective).toBe(10);

    const fair = await allocate(
      round(
        [room('r1')],
        [
          { ...base[0], hoursAlreadyGranted: 6 },
          { ...base[1], hoursAlreadyGranted: 2 },
        ],
        {
          weights: { keepPrevious: 10, preferenceRank: 1, fairness: 1 },
        },
      ),
    );
    expect(of(fair, 'new').granted).toEqual([0]);
    expect(fair.objective).toBe(-2);
  });

  it('gives the same answer split into buildings as solved whole', async () => {
    const apps = ['b1', 'b2'].flatMap((b) => [
      application(`${b}-a`, 1, [slot(`${b}-r`, 2, '18:00', '19:30'), slot(`${b}-r`, 3, '18:00', '19:30')]),
      application(`${b}-b`, 1, [slot(`${b}-r`, 2, '18:30', '20:00')], { hoursAlreadyGranted: 1 }),
      application(`${b}-c`, 2, [slot(`${b}-r`, 3, '17:00', '18:30'), slot(`${b}-r`, 2, '20:00', '21:00')]),
      application(`${b}-d`, 3, [slot(`${b}-r`, 3, '19:00', '21:00'), slot(`${b}-r`, 2, '17:00', '18:00')]),
    ]);
    const rooms = [room('b1-r', { building: 'b1' }), room('b2-r', { building: 'b2' })];
    const weights = { keepPrevious: 2, preferenceRank: 1, fairness: 0.5 };
    const split = await allocate(round(rooms, apps, { weights }));
    const whole = await allocate(round(rooms, apps, { weights, decompose: false }));
    expect(split.components).toBe(2);
    expect(whole.components).toBe(1);
    expect(split.status).toBe('optimal');
    expect(whole.status).toBe('optimal');
    expect(split.hoursByTier).toEqual(whole.hoursByTier);
    expect(split.objective).toBeCloseTo(whole.objective, 9);
    expect(split.results.map((r) => r.granted)).toEqual(whole.results.map((r) => r.granted));
  });
});
