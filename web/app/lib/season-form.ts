/*
 * The season application form's state: who applies, for what, and the wish's alternatives in order (1st
 * choice first). Adding, removing and moving an alternative are form posts (intent `add`, `remove:1`,
 * `up:1`, `down:1`) that the page's action answers with the changed draft, so they work without
 * JavaScript and nobody types anything but a title and a number.
 */

export const MAX_ALTERNATIVES = 10;

export interface Alternative {
  /** Stable while the alternative lives, so React keeps each one's fields when the order changes. */
  key: number;
  roomId: string;
  weekday: string;
  from: string;
  to: string;
}

export interface SeasonDraft {
  organisationId: string;
  title: string;
  ageGroup: string;
  expectedParticipants: string;
  sessionsPerWeek: string;
  alternatives: Alternative[];
}

type Source = Pick<FormData, 'get'>;

const text = (source: Source, name: string): string => {
  const value = source.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** The name (and id) of one field of the i-th alternative (0-based). */
export const altField = (i: number, part: 'room' | 'weekday' | 'from' | 'to' | 'key'): string =>
  `alt-${i}-${part}`;

const blank = (key: number, like?: Alternative): Alternative => ({
  key,
  roomId: '',
  weekday: like?.weekday ?? '',
  from: like?.from ?? '',
  to: like?.to ?? '',
});

export function emptyDraft(organisationId = ''): SeasonDraft {
  return {
    organisationId,
    title: '',
    ageGroup: 'children',
    expectedParticipants: '',
    sessionsPerWeek: '1',
    alternatives: [blank(1)],
  };
}

/** The draft a form sent (`alternatives` says how many it holds). */
export function draftOf(form: Source): SeasonDraft {
  const count = Math.min(MAX_ALTERNATIVES, Math.max(0, Number(text(form, 'alternatives')) || 0));
  const alternatives: Alternative[] = [];
  for (let i = 0; i < count; i++) {
    alternatives.push({
      key: Number(text(form, altField(i, 'key'))) || i + 1,
      roomId: text(form, altField(i, 'room')),
      weekday: text(form, altField(i, 'weekday')),
      from: text(form, altField(i, 'from')),
      to: text(form, altField(i, 'to')),
    });
  }
  return {
    organisationId: text(form, 'organisationId'),
    title: text(form, 'title'),
    ageGroup: text(form, 'ageGroup'),
    expectedParticipants: text(form, 'expectedParticipants'),
    sessionsPerWeek: text(form, 'sessionsPerWeek') || '1',
    alternatives: alternatives.length > 0 ? alternatives : [blank(1)],
  };
}

/**
 * The draft after an editing intent, or null when the intent edits nothing (e.g. `send`). A new
 * alternative takes the last one's weekday and time, since the next choice is often another room then.
 */
export function edited(draft: SeasonDraft, intent: string): SeasonDraft | null {
  const list = [...draft.alternatives];
  const [verb, at] = intent.split(':');
  const i = Number(at);
  if (verb === 'add') {
    if (list.length >= MAX_ALTERNATIVES) return draft;
    const key = Math.max(0, ...list.map((a) => a.key)) + 1;
    return { ...draft, alternatives: [...list, blank(key, list[list.length - 1])] };
  }
  if (verb !== 'remove' && verb !== 'up' && verb !== 'down') return null;
  if (!Number.isInteger(i) || i < 0 || i >= list.length) return draft;
  if (verb === 'remove') {
    list.splice(i, 1);
    return { ...draft, alternatives: list.length > 0 ? list : [blank(1)] };
  }
  const j = verb === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= list.length) return draft;
  [list[i], list[j]] = [list[j], list[i]];
  return { ...draft, alternatives: list };
}

/** The indexes of alternatives whose end is not after their start (both given). */
export const backwards = (draft: SeasonDraft): number[] =>
  draft.alternatives.flatMap((a, i) => (a.from && a.to && a.to <= a.from ? [i] : []));

/** POST /booking-requests's body for the draft: a season application. */
export function applicationBody(draft: SeasonDraft, seasonId: string) {
  return {
    seasonId,
    organisationId: draft.organisationId,
    title: draft.title,
    ageGroup: draft.ageGroup as 'children',
    expectedParticipants: Number(draft.expectedParticipants) || 0,
    sessionsPerWeek: Number(draft.sessionsPerWeek) || 1,
    preferences: draft.alternatives.map((a) => ({
      roomId: a.roomId,
      weekday: Number(a.weekday) || 0,
      startTime: a.from,
      endTime: a.to,
    })),
  };
}

/** Where the API's field names land in the form, for its VALIDATION_FAILED details. */
export const API_FIELDS: Record<string, string> = {
  organisationId: 'organisationId',
  title: 'title',
  ageGroup: 'ageGroup',
  expectedParticipants: 'expectedParticipants',
  sessionsPerWeek: 'sessionsPerWeek',
  ...Object.fromEntries(
    Array.from({ length: MAX_ALTERNATIVES }, (_, i): [string, string][] => [
      [`preferences.${i}.roomId`, altField(i, 'room')],
      [`preferences.${i}.weekday`, altField(i, 'weekday')],
      [`preferences.${i}.startTime`, altField(i, 'from')],
      [`preferences.${i}.endTime`, altField(i, 'to')],
    ]).flat(),
  ),
};
