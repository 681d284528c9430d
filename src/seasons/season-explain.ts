import type { Preference } from './dto/preference.dto';
import type { ProposedApplication, SeasonReason, StoredProposal } from './proposal';
import type { SkippedDate } from './season-dates';

export type Locale = 'en' | 'nb';

const DAYS: Record<Locale, string[]> = {
  en: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  nb: ['', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
};

const WORDS = {
  en: {
    granted: 'Granted',
    of: (got: number, wanted: number) => `${got} of ${wanted} sessions`,
    notGranted: 'Not granted',
    alternative: 'alternative',
    and: 'and',
    heldBy: (who: string, tier: number) => `is held by ${who} (priority tier ${tier})`,
    heldByUnknown: (tier: number) => `is held by another application (priority tier ${tier})`,
    outside: "is outside the room's opening hours",
    closed: 'is closed (closures, public holidays) on every date of the season',
    notInRound: 'is in a room that is not part of the season',
    sameDay: 'is on the same weekday as a granted session',
    free: 'is free (not assigned when the proposal was edited by hand; run the allocation again to fill it)',
    skipped: (n: number, total: number) => `${n} of ${total} dates get no booking`,
    reasons: {
      closure: 'closure',
      holiday: 'public holiday',
      outside_opening_hours: 'outside opening hours',
      past: 'past',
      no_such_time: 'clock change',
      booked: 'already booked',
    },
  },
  nb: {
    granted: 'Tildelt',
    of: (got: number, wanted: number) => `${got} av ${wanted} økter`,
    notGranted: 'Ikke tildelt',
    alternative: 'alternativ',
    and: 'og',
    heldBy: (who: string, tier: number) => `er tildelt ${who} (prioritetsgruppe ${tier})`,
    heldByUnknown: (tier: number) => `er tildelt en annen søknad (prioritetsgruppe ${tier})`,
    outside: 'er utenfor lokalets åpningstid',
    closed: 'er stengt (stengning, helligdager) alle datoer i sesongen',
    notInRound: 'er i et lokale som ikke er med i sesongen',
    sameDay: 'er samme ukedag som en annen tildelt økt',
    free: 'er ledig (ikke tildelt etter en manuell endring; kjør fordelingen på nytt for å fylle det)',
    skipped: (n: number, total: number) => `${n} av ${total} datoer blir ikke booket`,
    reasons: {
      closure: 'stengt',
      holiday: 'helligdag',
      outside_opening_hours: 'utenfor åpningstid',
      past: 'passert',
      no_such_time: 'sommertid',
      booked: 'allerede booket',
    },
  },
};

/** "Bane A, Åshallen, Tue 18:00–19:30": an alternative as people say it. */
export function describePreference(p: Preference, rooms: StoredProposal['rooms'], locale: Locale): string {
  const room = rooms[p.roomId];
  const where = room ? `${room.name}, ${room.buildingName}` : p.roomId;
  return `${where}, ${DAYS[locale][p.weekday]} ${p.startTime}–${p.endTime}`;
}

export function skippedReason(s: SkippedDate, locale: Locale): string {
  const label = WORDS[locale].reasons[s.reason];
  return s.detail ? `${label}: ${s.detail}` : label;
}

const list = (items: string[], and: string): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

/**
 * One sentence for an application: what it was granted, and for each alternative it did not get, why
 * (the application that holds the slot, by organisation and title; closed; outside opening hours).
 */
export function explainApplication(
  app: ProposedApplication,
  proposal: StoredProposal,
  locale: Locale,
): string {
  const w = WORDS[locale];
  const which = (k: number): string =>
    `${w.alternative} ${k + 1} (${describePreference(app.preferences[k], proposal.rooms, locale)})`;
  const holders = new Map(proposal.applications.map((a) => [a.requestId, a]));
  const note = (r: SeasonReason): string | null => {
    switch (r.kind) {
      case 'held_by': {
        const holder = holders.get(r.applicationId);
        return holder
          ? w.heldBy(`${holder.organisationName} «${holder.title}»`, r.tier)
          : w.heldByUnknown(r.tier);
      }
      case 'outside_opening_hours':
        return w.outside;
      case 'closed':
        return w.closed;
      case 'not_in_round':
      case 'unknown_room':
        return w.notInRound;
      case 'same_weekday_as_own_session':
        return w.sameDay;
      case 'not_needed':
        // Free but not taken while sessions are missing: only after a hand edit.
        return app.granted.length < app.sessionsPerWeek ? w.free : null;
      case 'granted':
        return null;
    }
  };
  // With every session granted, only the alternatives ranked above a granted one need a reason.
  const complete = app.granted.length >= app.sessionsPerWeek;
  const lastGranted = Math.max(-1, ...app.granted);
  const notes = app.reasons.flatMap((r) => {
    if (complete && (r.alternativeIndex > lastGranted || r.kind === 'same_weekday_as_own_session')) return [];
    const text = note(r);
    return text ? [`${which(r.alternativeIndex)} ${text}`] : [];
  });
  let head: string = w.notGranted;
  if (app.granted.length > 0) {
    head = `${w.granted} ${list(app.granted.map(which), w.and)}`;
    if (app.granted.length < app.sessionsPerWeek)
      head += ` (${w.of(app.granted.length, app.sessionsPerWeek)})`;
    const skipped = app.dates.flatMap((d) => d.skipped);
    const total = app.dates.reduce((s, d) => s + d.occurrences + d.skipped.length, 0);
    if (skipped.length > 0) {
      const why = [...new Set(skipped.map((s) => w.reasons[s.reason]))];
      head += `; ${w.skipped(skipped.length, total)} (${why.join(', ')})`;
    }
  }
  return notes.length > 0 ? `${head}: ${notes.join('; ')}.` : `${head}.`;
}
