import { osloInstantReplacer } from './instant-json';

describe('the JSON replacer for instants', () => {
  it('writes every Date, however deep, with the Europe/Oslo offset and leaves the rest alone', () => {
    const body = {
      startsAt: new Date('2027-09-07T16:00:00Z'),
      details: [{ at: new Date('2027-01-12T17:00:00Z'), date: '2027-01-12', n: 1 }],
      broken: new Date(Number.NaN),
    };
    expect(JSON.parse(JSON.stringify(body, osloInstantReplacer))).toEqual({
      startsAt: '2027-09-07T18:00:00+02:00',
      details: [{ at: '2027-01-12T18:00:00+01:00', date: '2027-01-12', n: 1 }],
      broken: null,
    });
    expect(JSON.stringify(new Date('2027-09-07T16:00:00Z'), osloInstantReplacer)).toBe(
      '"2027-09-07T18:00:00+02:00"',
    );
  });
});
