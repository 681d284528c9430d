import { formatInstant, parseInstant } from '../../common/time';
import { expandOccurrences, OccurrenceTime, RecurrenceProblem } from './expand';

const at = (text: string): Date => parseInstant(text)!;
const expand = (start: string, end: string, rrule?: string, exdates?: string[]) =>
  expandOccurrences(at(start), at(end), rrule ? { rrule, exdates } : null);
const starts = (r: OccurrenceTime[] | RecurrenceProblem): string[] => {
  if (!Array.isArray(r)) throw new Error(r.message);
  return r.map((o) => formatInstant(o.startsAt));
};

describe('recurrence', () => {
  it('gives one occurrence without a rule', () => {
    expect(starts(expand('2027-09-07T18:00', '2027-09-07T20:00'))).toEqual(['2027-09-07T18:00:00+02:00']);
  });

  it('keeps weekly 18:00 at 18:00 local across the last Sunday of March', () => {
    const r = expand('2027-03-16T18:00', '2027-03-16T20:00', 'FREQ=WEEKLY;COUNT=4');
    expect(starts(r)).toEqual([
      '2027-03-16T18:00:00+01:00',
      '2027-03-23T18:00:00+01:00',
      '2027-03-30T18:00:00+02:00',
      '2027-04-06T18:00:00+02:00',
    ]);
    expect((r as OccurrenceTime[]).map((o) => formatInstant(o.endsAt).slice(11, 16))).toEqual([
      '20:00',
      '20:00',
      '20:00',
      '20:00',
    ]);
  });

  it('keeps weekly 18:00 at 18:00 local across the last Sunday of October', () => {
    expect(
      starts(expand('2027-10-19T18:00', '2027-10-19T20:00', 'FREQ=WEEKLY;UNTIL=20271109T235959Z')),
    ).toEqual([
      '2027-10-19T18:00:00+02:00',
      '2027-10-26T18:00:00+02:00',
      '2027-11-02T18:00:00+01:00',
      '2027-11-09T18:00:00+01:00',
    ]);
  });

  it('reads BYDAY with several days and INTERVAL', () => {
    expect(
      starts(expand('2027-09-06T17:00', '2027-09-06T18:00', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=4')),
    ).toEqual([
      '2027-09-06T17:00:00+02:00',
      '2027-09-09T17:00:00+02:00',
      '2027-09-20T17:00:00+02:00',
      '2027-09-23T17:00:00+02:00',
    ]);
  });

  it('reads monthly "second Tuesday" and "last Friday", and BYMONTHDAY', () => {
    expect(starts(expand('2027-09-14T19:00', '2027-09-14T21:00', 'FREQ=MONTHLY;BYDAY=2TU;COUNT=3'))).toEqual([
      '2027-09-14T19:00:00+02:00',
      '2027-10-12T19:00:00+02:00',
      '2027-11-09T19:00:00+01:00',
    ]);
    expect(starts(expand('2027-09-24T19:00', '2027-09-24T21:00', 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=3'))).toEqual(
      ['2027-09-24T19:00:00+02:00', '2027-10-29T19:00:00+02:00', '2027-11-26T19:00:00+01:00'],
    );
    expect(
      starts(expand('2027-09-15T19:00', '2027-09-15T20:00', 'RRULE:FREQ=MONTHLY;BYMONTHDAY=15;COUNT=2')),
    ).toEqual(['2027-09-15T19:00:00+02:00', '2027-10-15T19:00:00+02:00']);
  });

  it('leaves out exdates given as instants or as local dates', () => {
    const r = expand('2027-09-07T18:00', '2027-09-07T20:00', 'FREQ=WEEKLY;COUNT=4', [
      '2027-09-14T18:00',
      '2027-09-21',
    ]);
    expect(starts(r)).toEqual(['2027-09-07T18:00:00+02:00', '2027-09-28T18:00:00+02:00']);
  });

  it('includes the whole day of a date-only UNTIL', () => {
    expect(starts(expand('2027-09-07T18:00', '2027-09-07T20:00', 'FREQ=DAILY;UNTIL=20270909'))).toHaveLength(
      3,
    );
  });

  it.each([
    ['FREQ=YEARLY;COUNT=2', 'INVALID_RRULE'],
    ['FREQ=WEEKLY;BYDAY=XX;COUNT=2', 'INVALID_RRULE'],
    ['FREQ=WEEKLY;BYHOUR=18;COUNT=2', 'INVALID_RRULE'],
    ['COUNT=2', 'INVALID_RRULE'],
    ['FREQ=WEEKLY;COUNT=2;UNTIL=20280101T000000Z', 'INVALID_RRULE'],
    ['FREQ=WEEKLY;BYDAY=2TU;COUNT=2', 'INVALID_RRULE'],
    ['nonsense', 'INVALID_RRULE'],
    ['FREQ=WEEKLY;BYDAY=WE;COUNT=2', 'INVALID_RRULE'], // the start (a Tuesday) is not a date of the rule
    ['FREQ=WEEKLY;UNTIL=20270101T000000Z', 'INVALID_RRULE'],
    ['FREQ=WEEKLY', 'TOO_MANY_OCCURRENCES'],
    ['FREQ=DAILY;COUNT=501', 'TOO_MANY_OCCURRENCES'],
    ['FREQ=MONTHLY;COUNT=30', 'TOO_MANY_OCCURRENCES'],
    ['FREQ=WEEKLY;UNTIL=20300101T000000Z', 'TOO_MANY_OCCURRENCES'],
  ])('refuses %s with %s', (rrule, code) => {
    const r = expand('2027-09-07T18:00', '2027-09-07T20:00', rrule);
    expect(Array.isArray(r) ? 'accepted' : r.code).toBe(code);
  });

  it('accepts exactly 500 occurrences', () => {
    expect(starts(expand('2027-09-07T18:00', '2027-09-07T19:00', 'FREQ=DAILY;COUNT=500'))).toHaveLength(500);
  });

  it('refuses an exdate it cannot read', () => {
    const r = expand('2027-09-07T18:00', '2027-09-07T20:00', 'FREQ=WEEKLY;COUNT=2', ['next week']);
    expect(Array.isArray(r) ? 'accepted' : r.code).toBe('INVALID_RRULE');
  });
});
