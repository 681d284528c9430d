import type { NewMessage, Recipient } from '../notifications/outbox.service';
import { describePreference, explainApplication, Locale, skippedReason } from './season-explain';
import type { ProposedApplication, StoredProposal } from './proposal';
import type { SkippedDate } from './season-dates';
import type { Season } from './season.entity';

/** What one granted session became at commit. */
export interface CommittedSession {
  preferenceIndex: number;
  occurrences: number;
  firstDate: string | null;
  lastDate: string | null;
  skipped: SkippedDate[];
}

export interface CommittedApplication {
  app: ProposedApplication;
  sessions: CommittedSession[];
  chargedOre: number;
}

/**
 * The season_result mail to each contact of an organisation, in the contact's language: every
 * application of the organisation, what it got (place, weekday, time, dates, dates skipped and why) or
 * why not. Organisation names of other applicants appear only where they hold a slot asked for.
 */
export function seasonResultMessages(
  season: Season,
  proposal: StoredProposal,
  organisationName: string,
  applications: CommittedApplication[],
  contacts: Recipient[],
): NewMessage[] {
  return contacts.map((to) => ({
    kind: 'season_result',
    to,
    data: seasonResultData(season, proposal, organisationName, applications, to.locale),
  }));
}

function seasonResultData(
  season: Season,
  proposal: StoredProposal,
  organisationName: string,
  applications: CommittedApplication[],
  locale: Locale,
): object {
  return {
    seasonName: season.name,
    startsOn: season.startsOn,
    endsOn: season.endsOn,
    organisationName,
    granted: applications.filter((a) => a.sessions.some((s) => s.occurrences > 0)).length,
    applications: applications.map(({ app, sessions, chargedOre }) => ({
      requestId: app.requestId,
      title: app.title,
      granted: sessions.some((s) => s.occurrences > 0),
      explanation: explainApplication(app, proposal, locale),
      chargedKr: (chargedOre / 100).toFixed(2),
      sessions: sessions.map((s) => ({
        place: describePreference(app.preferences[s.preferenceIndex], proposal.rooms, locale),
        occurrences: s.occurrences,
        firstDate: s.firstDate,
        lastDate: s.lastDate,
        skipped: s.skipped.map((d) => ({ date: d.date, reason: skippedReason(d, locale) })),
      })),
    })),
  };
}
