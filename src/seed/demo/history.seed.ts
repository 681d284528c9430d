import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  insertPastOccurrences,
  insertRequest,
  PastOccurrence,
  recordEvent,
} from '../../booking-records/request-queries';
import { addDays, osloDayBounds, osloToday, parseInstant, weekdayOf } from '../../common/time';
import { requestStatus } from '../../core/bookings/request-status';
import { AgeGroup, OrganisationKind } from '../../core/domain';
import { OccurrenceFee } from '../../core/pricing';
import { availability } from '../../core/venues/availability';
import { FeesService } from '../../fees/fees.service';
import { RollupService } from '../../statistics/rollup.service';
import { RoomCalendarService } from '../../venues/room-calendar.service';
import { SeedPart } from '../seed-part';

/**
 * A year of history up to yesterday, so the statistics and the free-use evaluation show something real
 * on first start: weekly activities of the demo organisations, approved and priced under the rules of
 * their day, mostly used, some no-shows and cancellations, the last week partly unrecorded; schools
 * closed in the Christmas and summer holidays. Written through the booking records' owner, past times
 * and all (the API refuses the past); then the usage rollup runs at once, for the year behind and the one ahead.
 */
interface Series {
  org: string;
  building: string;
  room: string;
  title: string;
  ageGroup: AgeGroup;
  participants: number;
  weekday: number;
  from: string;
  to: string;
  chargesEntranceFee?: boolean;
  /** Every n-th week only (default 1). */
  every?: number;
}

type Row = [
  org: string,
  building: string,
  room: string,
  title: string,
  ageGroup: AgeGroup,
  participants: number,
  weekday: number,
  from: string,
  to: string,
  options?: Pick<Series, 'chargesEntranceFee' | 'every'>,
];

// prettier-ignore
const ROWS: Row[] = [
  ['Ås IL', 'Åshallen', 'Bane A', 'Håndball J10', 'children', 18, 1, '17:00', '18:30'],
  ['Ås IL', 'Åshallen', 'Bane B', 'Håndball G12', 'children', 16, 1, '17:00', '18:30'],
  ['Ås Håndballklubb', 'Åshallen', 'Bane C', 'Håndball J14', 'youth', 14, 2, '18:30', '20:00'],
  ['Follo Basket', 'Åshallen', 'Hallflate', 'Basket senior', 'adults', 20, 4, '20:00', '21:30'],
  ['Nordby IL', 'Nordbytun ungdomsskole', 'Gymsal', 'Innebandy U16', 'youth', 22, 3, '18:00', '19:30'],
  ['Ås Skolekorps', 'Rustad skole', 'Musikkrom', 'Korpsøvelse', 'children', 25, 3, '18:00', '20:00'],
  ['Ås Sjakklubb', 'Åsgård skole', 'Klasserom 7C', 'Sjakk for alle', 'all_ages', 20, 2, '18:00', '20:30'],
  ['1. Ås speidergruppe', 'Brønnerud skole', 'Gymsal', 'Speidermøte', 'children', 30, 4, '18:00', '19:30'],
  ['Nordby IL', 'Solberg skole', 'Gymsal', 'Barneidrett', 'children', 20, 5, '17:30', '19:00'],
  ['Ås IL', 'Sjøskogen skole', 'Gymsal', 'Trim for voksne', 'adults', 15, 7, '10:00', '11:30'],
  ['Ås Håndballklubb', 'Kroer skole', 'Gymsal', 'Håndball minitreff', 'children', 12, 6, '10:00', '11:00'],
  ['Studieforbundet Folkeuniversitetet Follo', 'Nordbytun ungdomsskole', 'Klasserom 9A', 'Norskkurs', 'adults', 15, 1, '18:00', '20:00'],
  ['Ås kulturskole', 'Ås kulturhus', 'Store sal', 'Teaterverksted', 'youth', 30, 3, '17:00', '19:00'],
  ['Follo Dansestudio AS', 'Ås kulturhus', 'Lille sal', 'Dansekurs', 'adults', 24, 6, '10:00', '12:00', { chargesEntranceFee: true }],
  ['Follo Dansestudio AS', 'Ås kulturhus', 'Store sal', 'Danseoppvisning', 'all_ages', 150, 6, '18:00', '21:00', { chargesEntranceFee: true, every: 4 }],
];

const HISTORY: Series[] = ROWS.map(
  ([org, building, room, title, ageGroup, participants, weekday, from, to, options]) => ({
    org,
    building,
    room,
    title,
    ageGroup,
    participants,
    weekday,
    from,
    to,
    ...options,
  }),
);

/** School holidays the demo's schools were closed in, and the activities paused for (month-day). */
const BREAKS: [string, string, string][] = [
  ['Juleferie', '12-21', '01-03'],
  ['Sommerferie', '06-20', '08-16'],
];

/** A small deterministic generator, so every demo start tells the same history. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The holiday periods [first, last] that touch the history window and are over by today. */
function breaks(first: string, today: string): { name: string; from: string; to: string }[] {
  const out: { name: string; from: string; to: string }[] = [];
  for (let year = Number(first.slice(0, 4)) - 1; year <= Number(today.slice(0, 4)); year++) {
    for (const [name, start, end] of BREAKS) {
      const from = `${year}-${start}`;
      const to = end < start ? `${year + 1}-${end}` : `${year}-${end}`;
      if (to >= first && to < today) out.push({ name, from, to });
    }
  }
  return out;
}

export const historySeed: SeedPart = {
  name: 'history',
  async run({ manager, users, get }) {
    const staff = await users.findByEmail('staff@demo.frirom.no');
    const today = osloToday();
    const first = addDays(today, -364);
    const holidays = breaks(first, today);
    await closeSchools(manager, holidays);
    const rand = random(3218);
    const fees = get(FeesService);
    const calendars = get(RoomCalendarService);
    for (const s of HISTORY) {
      const [ids] = await manager.query<
        { org: string; room: string; kind: OrganisationKind; fr: boolean; municipality: string | null }[]
      >(
        `SELECT o.id AS org, r.id AS room, o.kind, o.in_frivillighetsregisteret AS fr, o.municipality_number AS municipality
           FROM organisations o, rooms r JOIN buildings b ON b.id = r.building_id
          WHERE o.name = $1 AND b.name = $2 AND r.name = $3`,
        [s.org, s.building, s.room],
      );
      if (!ids) throw new Error(`Demo history: ${s.org} / ${s.building} / ${s.room} not found`);
      let date = first;
      while (weekdayOf(date) !== s.weekday) date = addDays(date, 1);
      const calendar = await calendars.calendar(
        ids.room,
        osloDayBounds(first).start,
        osloDayBounds(today).start,
        manager,
      );
      const dates: { startsAt: Date; endsAt: Date }[] = [];
      for (let week = 0; date < today; date = addDays(date, 7), week++) {
        if (week % (s.every ?? 1) !== 0) continue;
        if (holidays.some((h) => date >= h.from && date <= h.to)) continue;
        const startsAt = parseInstant(`${date}T${s.from}`)!;
        const endsAt = parseInstant(`${date}T${s.to}`)!;
        if (availability(calendar, startsAt, endsAt).open) dates.push({ startsAt, endsAt });
      }
      if (dates.length === 0) continue;
      const priced = await fees.priceRequest(
        {
          organisation: {
            kind: ids.kind,
            inFrivillighetsregisteret: ids.fr,
            municipalityNumber: ids.municipality,
          },
          ageGroup: s.ageGroup,
          chargesEntranceFee: s.chargesEntranceFee ?? false,
          repeating: true,
          occurrences: dates.map((d) => ({ roomId: ids.room, ...d })),
        },
        manager,
      );
      const occurrences = dates.map((d, i) => outcome(d, priced[i], s.participants, today, rand));
      await insertSeries(manager, { ...s, orgId: ids.org, roomId: ids.room }, occurrences, staff?.id ?? null);
    }
    // At once, not by the queue: /stats/usage answers on first start. The year ahead shows planned use.
    await get(RollupService).recompute(first, addDays(today, 366), { manager });
  },
};

interface Outcome {
  startsAt: Date;
  endsAt: Date;
  fee: OccurrenceFee;
  status: 'approved' | 'cancelled';
  cancelledLate: boolean | null;
  attendance: 'used' | 'no_show' | null;
  participants: number | null;
}

/** About 4 % cancelled (a third of them late), 8 % no-show, the rest used; the last week half unrecorded. */
function outcome(
  d: { startsAt: Date; endsAt: Date },
  fee: OccurrenceFee,
  expected: number,
  today: string,
  rand: () => number,
): Outcome {
  const roll = rand();
  const base = { ...d, fee, cancelledLate: null, attendance: null, participants: null };
  if (roll < 0.04) return { ...base, status: 'cancelled', cancelledLate: roll < 0.0133 };
  const recent = d.startsAt >= osloDayBounds(addDays(today, -7)).start;
  if (recent && rand() < 0.5) return { ...base, status: 'approved' };
  if (rand() < 0.08) return { ...base, status: 'approved', attendance: 'no_show' };
  const participants = Math.max(1, Math.round(expected * (0.75 + 0.4 * rand())));
  return { ...base, status: 'approved', attendance: 'used', participants };
}

async function closeSchools(
  m: EntityManager,
  holidays: { name: string; from: string; to: string }[],
): Promise<void> {
  for (const h of holidays) {
    await m.query(
      `INSERT INTO closures (building_id, starts_at, ends_at, reason)
       SELECT id, $1, $2, $3 FROM buildings WHERE kind = 'school'`,
      [osloDayBounds(h.from).start, osloDayBounds(h.to).end, h.name],
    );
  }
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One series as staff would have left it: the request, its past occurrences, created and approved. */
async function insertSeries(
  m: EntityManager,
  s: Series & { orgId: string; roomId: string },
  outcomes: Outcome[],
  staffId: string | null,
): Promise<void> {
  const requestId = randomUUID();
  const createdAt = new Date(outcomes[0].startsAt.getTime() - 21 * DAY);
  const approvedAt = new Date(createdAt.getTime() + DAY);
  await insertRequest(m, {
    id: requestId,
    organisationId: s.orgId,
    roomId: s.roomId,
    title: s.title,
    purpose: null,
    ageGroup: s.ageGroup,
    expectedParticipants: s.participants,
    chargesEntranceFee: s.chargesEntranceFee ?? false,
    startsAt: outcomes[0].startsAt,
    endsAt: outcomes[0].endsAt,
    rrule: `FREQ=WEEKLY;INTERVAL=${s.every ?? 1}`,
    exdates: [],
    seasonId: null,
    preferences: null,
    sessionsPerWeek: null,
    status: requestStatus(outcomes.map((o) => o.status)),
    createdBy: staffId,
    createdAt,
  });
  const occurrences: PastOccurrence[] = outcomes.map((o) => ({
    id: randomUUID(),
    roomId: s.roomId,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    fee: o.fee,
    status: o.status,
    // Cancelled two days (late) or two weeks before; the others approved with the request, a day after it.
    decidedAt:
      o.status === 'cancelled'
        ? new Date(o.startsAt.getTime() - (o.cancelledLate ? 2 : 14) * DAY)
        : approvedAt,
    decidedBy: staffId,
    cancelledLate: o.cancelledLate,
    attendance: o.attendance
      ? {
          kind: o.attendance,
          participants: o.participants,
          recordedAt: new Date(o.endsAt.getTime() + HOUR),
          recordedBy: staffId,
        }
      : null,
  }));
  await insertPastOccurrences(m, requestId, occurrences, createdAt);
  await recordEvent(m, { requestId, action: 'created', actorId: staffId, at: createdAt });
  await recordEvent(m, {
    requestId,
    action: 'approved',
    actorId: staffId,
    reason: 'Tildelt for sesongen',
    at: approvedAt,
  });
}
