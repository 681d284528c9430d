import {
  addDays,
  dateProblem,
  formatInstant,
  osloPlusMonths,
  readInstant,
  osloDatesBetween,
  osloDayBounds,
  osloParts,
  osloWallToInstant,
  parseClock,
  parseInstant,
  weekdayOf,
} from './time';

describe('Europe/Oslo time', () => {
  it('reads an instant without offset as Oslo wall time, in summer and in winter', () => {
    expect(parseInstant('2027-03-30T18:00')?.toISOString()).toBe('2027-03-30T16:00:00.000Z');
    expect(parseInstant('2027-01-12T18:00:00')?.toISOString()).toBe('2027-01-12T17:00:00.000Z');
    expect(parseInstant('2027-03-30T18:00:00+02:00')?.toISOString()).toBe('2027-03-30T16:00:00.000Z');
    expect(parseInstant('2027-03-30T16:00:00Z')?.toISOString()).toBe('2027-03-30T16:00:00.000Z');
  });

  it('refuses times that do not exist and malformed text', () => {
    expect(parseInstant('2027-03-28T02:30')).toBeNull(); // skipped when the clocks go forward
    expect(parseInstant('2027-02-30T18:00')).toBeNull();
    expect(parseInstant('2027-03-30T25:00')).toBeNull();
    expect(parseInstant('tomorrow')).toBeNull();
    expect(parseInstant('2027-03-30')).toBeNull();
  });

  it('takes the first of a wall time that happens twice when the clocks go back', () => {
    expect(parseInstant('2027-10-31T02:30')?.toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });

  it('says why an instant is refused: malformed, skipped by the clocks, or outside the supported years', () => {
    const problem = (text: string, plainDate = false) => {
      const read = readInstant(text, { plainDate });
      return 'problem' in read ? read.problem : null;
    };
    expect(problem('2027-03-28T02:30')).toBe('nonexistent_local_time');
    expect(problem('2027-03-28T02:30:00+02:00')).toBeNull(); // an offset names the instant outright
    expect(problem('9999-12-31T18:00')).toBe('date_out_of_range');
    expect(problem('9999-12-31T18:00:00Z')).toBe('date_out_of_range');
    expect(problem('1893-06-01T12:00')).toBe('date_out_of_range');
    expect(problem('2100-12-31T23:30')).toBeNull();
    expect(problem('2100-12-31T23:30:00Z')).toBe('date_out_of_range'); // 2101 in Oslo
    expect(problem('2027-02-30T18:00')).toBe('invalid_instant');
    expect(problem('2027-09-07')).toBe('invalid_instant');
    expect(problem('2027-09-07', true)).toBeNull();
    expect(problem('2027-02-30', true)).toBe('invalid_instant');
    expect(problem('1000-01-01', true)).toBe('date_out_of_range');
  });

  it('reads a plain date, where allowed, as the start of that day in Oslo', () => {
    const read = readInstant('2027-09-07', { plainDate: true });
    expect('instant' in read && read.instant.toISOString()).toBe('2027-09-06T22:00:00.000Z');
  });

  it('accepts dates that exist in the supported years only', () => {
    expect(['2027-09-07', '2000-01-01', '2100-12-31'].map(dateProblem)).toEqual([null, null, null]);
    expect(['1999-12-31', '9999-12-31', '1000-01-01'].map(dateProblem)).toEqual(
      Array(3).fill('date_out_of_range'),
    );
    expect(['2027-02-30', '2027-9-7', 20270907, null].map(dateProblem)).toEqual(
      Array(4).fill('invalid_date'),
    );
  });

  it('counts months on the Oslo calendar, keeping the wall time across a clock change', () => {
    expect(formatInstant(osloPlusMonths(new Date('2027-01-31T17:00:00Z'), 3))).toBe(
      '2027-04-30T18:00:00+02:00',
    );
  });

  it('answers instants with the Oslo offset', () => {
    expect(formatInstant(new Date('2027-03-30T16:00:00Z'))).toBe('2027-03-30T18:00:00+02:00');
    expect(formatInstant(new Date('2027-01-12T17:00:00Z'))).toBe('2027-01-12T18:00:00+01:00');
  });

  it('gives local date, weekday and minute of an instant', () => {
    expect(osloParts(new Date('2027-03-28T22:30:00Z'))).toMatchObject({
      date: '2027-03-29',
      weekday: 1,
      minute: 30,
    });
    expect(osloParts(new Date('2027-10-31T00:30:00Z'))).toMatchObject({
      date: '2027-10-31',
      weekday: 7,
      minute: 150,
    });
  });

  it('knows the days the clocks change last 23 and 25 hours', () => {
    const spring = osloDayBounds('2027-03-28');
    const autumn = osloDayBounds('2027-10-31');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(25);
    expect(osloWallToInstant('2027-03-28', 150)).toBeNull();
  });

  it('does date and clock arithmetic', () => {
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(weekdayOf('2027-05-17')).toBe(1);
    expect(parseClock('17:30')).toBe(1050);
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('7:30')).toBeNull();
    expect(osloDatesBetween(parseInstant('2027-06-01T22:00')!, parseInstant('2027-06-02T01:00')!)).toEqual([
      '2027-06-01',
      '2027-06-02',
    ]);
    expect(osloDatesBetween(parseInstant('2027-06-01T22:00')!, parseInstant('2027-06-02T00:00')!)).toEqual([
      '2027-06-01',
    ]);
  });
});
