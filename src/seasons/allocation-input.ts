import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { osloParts, parseClock } from '../common/time';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { AllocationInput, AllocationRoom, Slot } from '../core/allocation';
import { APPLICATION_WAITING } from '../core/bookings/application-status';
import type { AgeGroup, OrganisationKind, Weekday } from '../core/domain';
import type { RoomCalendar } from '../core/venues/availability';
import { RoomCalendarService } from '../venues/room-calendar.service';
import type { Preference } from './dto/preference.dto';
import type { Pin } from './pin';
import { planDates } from './season-dates';
import { tierOf } from './season-policy';
import type { Season } from './season.entity';

/** An application as the round knows it. */
export interface RoundApplication {
  requestId: string;
  organisationId: string;
  title: string;
  ageGroup: AgeGroup;
  tier: number;
  sessionsPerWeek: number;
  preferences: Preference[];
}

export interface RoundRoom {
  id: string;
  name: string;
  buildingName: string;
}

/** Everything one allocation run reads, and what it needs to explain the answer in the round's terms. */
export interface Round {
  season: Season;
  input: AllocationInput;
  applications: RoundApplication[];
  rooms: Map<string, RoundRoom>;
  /** Alternatives whose room is closed on every date of the season: request id → indices. */
  closed: Map<string, Set<number>>;
  calendars: Map<string, RoomCalendar>;
}

interface ApplicationRow {
  id: string;
  organisation_id: string;
  title: string;
  age_group: AgeGroup;
  preferences: Preference[];
  sessions_per_week: number;
  kind: OrganisationKind;
  in_frivillighetsregisteret: boolean;
  municipality_number: string | null;
}

interface RoomRow {
  id: string;
  name: string;
  building_id: string;
  building_name: string;
  leaves: string[];
  hours: { weekday: Weekday; opens: number; closes: number }[];
}

/** Stands in for the room of an alternative that is closed on every date, so the solver leaves it out. */
export const CLOSED_ROOM = 'closed-on-every-date';

const toSlot = (p: Preference, roomId = p.roomId): Slot => ({
  roomId,
  weekday: p.weekday as Weekday,
  start: parseClock(p.startTime)!,
  end: parseClock(p.endTime)!,
});

/** Builds a season's AllocationInput from the database: rooms with leaves and hours, applications, pins. */
@Injectable()
export class AllocationInputBuilder {
  constructor(
    private readonly calendars: RoomCalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(m: EntityManager, season: Season, pins: Pin[]): Promise<Round> {
    const roomRows = await m.query<RoomRow[]>(
      `SELECT r.id, r.name, r.building_id, b.name AS building_name,
              COALESCE((SELECT array_agg(leaf_id ORDER BY leaf_id) FROM room_leaves WHERE room_id = r.id), '{}') AS leaves,
              COALESCE((SELECT json_agg(json_build_object('weekday', weekday, 'opens', opens, 'closes', closes))
                          FROM opening_hours WHERE room_id = r.id), '[]') AS hours
         FROM season_rooms sr JOIN rooms r ON r.id = sr.room_id JOIN buildings b ON b.id = r.building_id
        WHERE sr.season_id = $1 ORDER BY r.id`,
      [season.id],
    );
    const rows = await m.query<ApplicationRow[]>(
      `SELECT q.id, q.organisation_id, q.title, q.age_group, q.preferences, q.sessions_per_week,
              o.kind, o.in_frivillighetsregisteret, o.municipality_number
         FROM booking_requests q JOIN organisations o ON o.id = q.organisation_id
        WHERE q.season_id = $1 AND q.preferences IS NOT NULL AND q.status = $2
        ORDER BY q.id`,
      [season.id, APPLICATION_WAITING],
    );
    const calendars = new Map<string, RoomCalendar>();
    for (const room of roomRows) {
      calendars.set(room.id, await this.calendars.calendar(room.id, season.startsAt, season.endsAt, m));
    }
    const orgIds = [...new Set(rows.map((r) => r.organisation_id))];
    const granted = await this.weeklyHoursElsewhere(m, season, orgIds);
    const previous = await this.previousSlots(m, season, orgIds);

    const closed = new Map<string, Set<number>>();
    const applications: RoundApplication[] = rows.map((r) => ({
      requestId: r.id,
      organisationId: r.organisation_id,
      title: r.title,
      ageGroup: r.age_group,
      tier: tierOf(
        season.policy,
        {
          kind: r.kind,
          inFrivillighetsregisteret: r.in_frivillighetsregisteret,
          municipalityNumber: r.municipality_number,
          ageGroup: r.age_group,
        },
        this.config.homeMunicipalityNumber,
      ),
      sessionsPerWeek: r.sessions_per_week,
      preferences: r.preferences,
    }));
    const input: AllocationInput = {
      rooms: roomRows.map((r): AllocationRoom => ({
        id: r.id,
        buildingId: r.building_id,
        leaves: r.leaves.length > 0 ? r.leaves : [r.id],
        openingHours: r.hours,
      })),
      applications: applications.map((a) => {
        const slots = a.preferences.map((p, k) => {
          const calendar = calendars.get(p.roomId);
          const plan = calendar && planDates(season, p, calendar);
          // Outside the opening hours is the solver's to explain; closed is every date shut or past.
          const shut =
            plan &&
            plan.dates.length === 0 &&
            !plan.skipped.some((x) => x.reason === 'outside_opening_hours');
          if (!shut) return toSlot(p);
          closed.set(a.requestId, (closed.get(a.requestId) ?? new Set()).add(k));
          return toSlot(p, CLOSED_ROOM);
        });
        const held = previous.get(a.organisationId) ?? new Set<string>();
        return {
          id: a.requestId,
          organisationId: a.organisationId,
          tier: a.tier,
          sessionsPerWeek: a.sessionsPerWeek,
          alternatives: slots,
          previous: slots.filter((s, k) => held.has(slotKey(a.preferences[k].roomId, s.weekday, s.start))),
          hoursAlreadyGranted: granted.get(a.organisationId) ?? 0,
        };
      }),
      pins: pins
        .filter((p) => applications.some((a) => a.requestId === p.requestId))
        .map((p) => ({ applicationId: p.requestId, alternativeIndex: p.preferenceIndex })),
      weights: season.policy.weights,
      timeLimitSeconds: season.policy.timeLimitSeconds,
    };
    const rooms = new Map(
      roomRows.map((r) => [r.id, { id: r.id, name: r.name, buildingName: r.building_name }]),
    );
    return { season, input, applications, rooms, closed, calendars };
  }

  /** Weekly hours of approved occurrences each organisation holds in the season's period, outside it. */
  private async weeklyHoursElsewhere(
    m: EntityManager,
    season: Season,
    orgIds: string[],
  ): Promise<Map<string, number>> {
    if (orgIds.length === 0) return new Map();
    const rows = await m.query<{ organisation_id: string; hours: number }[]>(
      `SELECT q.organisation_id,
              sum(extract(epoch FROM least(o.ends_at, $3) - greatest(o.starts_at, $2)))::float8 / 3600 AS hours
         FROM booking_occurrences o JOIN booking_requests q ON q.id = o.request_id
        WHERE o.status = 'approved' AND o.period && tstzrange($2, $3)
          AND q.organisation_id = ANY($4) AND q.season_id IS DISTINCT FROM $1
        GROUP BY q.organisation_id`,
      [season.id, season.startsAt, season.endsAt, orgIds],
    );
    const weeks = Math.max(1, (season.endsAt.getTime() - season.startsAt.getTime()) / (7 * 86_400_000));
    return new Map(rows.map((r) => [r.organisation_id, Math.round((r.hours / weeks) * 100) / 100]));
  }

  /**
   * The weekly slots (room, weekday, start) each organisation held with an approved occurrence in the
   * previous season: the one that ended most recently before this one starts.
   */
  private async previousSlots(
    m: EntityManager,
    season: Season,
    orgIds: string[],
  ): Promise<Map<string, Set<string>>> {
    const held = new Map<string, Set<string>>();
    const [previous] = await m.query<{ starts_at: Date; ends_at: Date }[]>(
      `SELECT starts_at, ends_at FROM seasons WHERE ends_on < $1 AND id <> $2 ORDER BY ends_on DESC, id LIMIT 1`,
      [season.startsOn, season.id],
    );
    if (!previous || orgIds.length === 0) return held;
    const rows = await m.query<{ organisation_id: string; room_id: string; starts_at: Date }[]>(
      `SELECT DISTINCT q.organisation_id, o.room_id, o.starts_at
         FROM booking_occurrences o JOIN booking_requests q ON q.id = o.request_id
        WHERE o.status = 'approved' AND o.period && tstzrange($1, $2) AND q.organisation_id = ANY($3)`,
      [previous.starts_at, previous.ends_at, orgIds],
    );
    for (const row of rows) {
      const local = osloParts(row.starts_at);
      const set = held.get(row.organisation_id) ?? new Set<string>();
      held.set(row.organisation_id, set.add(slotKey(row.room_id, local.weekday, local.minute)));
    }
    return held;
  }
}

const slotKey = (roomId: string, weekday: number, start: number): string => `${roomId}/${weekday}/${start}`;
