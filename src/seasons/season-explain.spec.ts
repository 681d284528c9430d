import type { ProposedApplication, StoredProposal } from './proposal';
import { explainApplication } from './season-explain';

const pref = (weekday: number, startTime: string) => ({
  roomId: 'gym',
  weekday,
  startTime,
  endTime: '19:30',
});
const app = (more: Partial<ProposedApplication>): ProposedApplication => ({
  requestId: 'a',
  organisationId: 'o1',
  organisationName: 'Testklubben',
  title: 'Håndball J10',
  tier: 2,
  sessionsPerWeek: 1,
  preferences: [pref(1, '18:00'), pref(2, '18:00'), pref(3, '18:00')],
  granted: [],
  reasons: [],
  dates: [],
  ...more,
});
const holder = app({ requestId: 'b', organisationName: 'Naboklubben', title: 'Basket G11', tier: 1 });
const proposal = (apps: ProposedApplication[]): StoredProposal =>
  ({
    rooms: { gym: { name: 'Gymsal', buildingName: 'Testskolen' } },
    applications: apps,
  }) as unknown as StoredProposal;

describe('explaining an application', () => {
  it('names who holds the better alternatives of a granted one, and says nothing of the worse', () => {
    const a = app({
      granted: [1],
      reasons: [
        { kind: 'held_by', alternativeIndex: 0, applicationId: 'b', tier: 1 },
        { kind: 'granted', alternativeIndex: 1 },
        { kind: 'outside_opening_hours', alternativeIndex: 2 },
      ],
      dates: [{ preferenceIndex: 1, occurrences: 9, skipped: [{ date: '2027-05-17', reason: 'holiday' }] }],
    });
    expect(explainApplication(a, proposal([a, holder]), 'en')).toBe(
      'Granted alternative 2 (Gymsal, Testskolen, Tue 18:00–19:30); 1 of 10 dates get no booking (public holiday): ' +
        'alternative 1 (Gymsal, Testskolen, Mon 18:00–19:30) is held by Naboklubben «Basket G11» (priority tier 1).',
    );
  });

  it('gives every reason for one not granted, in Norwegian too', () => {
    const a = app({
      reasons: [
        { kind: 'held_by', alternativeIndex: 0, applicationId: 'b', tier: 1 },
        { kind: 'closed', alternativeIndex: 1 },
        { kind: 'outside_opening_hours', alternativeIndex: 2 },
      ],
    });
    expect(explainApplication(a, proposal([a, holder]), 'nb')).toBe(
      'Ikke tildelt: alternativ 1 (Gymsal, Testskolen, mandag 18:00–19:30) er tildelt Naboklubben «Basket G11» ' +
        '(prioritetsgruppe 1); alternativ 2 (Gymsal, Testskolen, tirsdag 18:00–19:30) er stengt (stengning, ' +
        'helligdager) alle datoer i sesongen; alternativ 3 (Gymsal, Testskolen, onsdag 18:00–19:30) er utenfor ' +
        'lokalets åpningstid.',
    );
  });
});
