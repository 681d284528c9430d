import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '../common/errors/domain-error';
import { addDays, formatInstant, osloDayBounds, osloToday } from '../common/time';
import { currentRuleRows } from '../fees/pricing-queries';
import { PortalService } from './portal.service';
import { PUBLIC_OCCURRENCE, sumCells, supportCells } from './support-records';
import {
  ActivitiesAnswer,
  ActivitiesQuery,
  BusyTimesAnswer,
  DayRangeQuery,
  PublicOrganisationDetail,
  PublicRulesAnswer,
} from './dto/public-pages.dto';

/** The portal's pages' data: activities, a room's busy times, an organisation's page, the rules. No person. */
@Injectable()
export class PublicPagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly portal: PortalService,
  ) {}

  async activities(q: ActivitiesQuery): Promise<ActivitiesAnswer> {
    const { start, end } = window(q, 62);
    const rows = await this.dataSource.query<ActivityRow[]>(
      `SELECT o.id, o.starts_at, o.ends_at, q.title, org.id AS organisation_id, org.name AS organisation_name,
              r.id AS room_id, r.name AS room_name, b.id AS building_id, b.name AS building_name
         FROM booking_occurrences o
         JOIN booking_requests q ON q.id = o.request_id
         JOIN organisations org ON org.id = q.organisation_id AND org.status = 'verified'
         JOIN rooms r ON r.id = o.room_id
         JOIN buildings b ON b.id = r.building_id
        WHERE ${PUBLIC_OCCURRENCE} AND o.period && tstzrange($1, $2)
          AND ($3::uuid IS NULL OR r.building_id = $3) AND ($4::uuid IS NULL OR org.id = $4)
        ORDER BY o.starts_at, b.name, r.name, o.id
        LIMIT 2000`,
      [start, end, q.buildingId ?? null, q.organisationId ?? null],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
        roomId: r.room_id,
        roomName: r.room_name,
        buildingId: r.building_id,
        buildingName: r.building_name,
        startsAt: formatInstant(r.starts_at),
        endsAt: formatInstant(r.ends_at),
      })),
    };
  }

  /**
   * When a room cannot be had: booked time on any room sharing a leaf with it (a booked court blocks
   * its hall, a booked hall its courts) and closures of those rooms or of its building.
   */
  async busyTimes(roomId: string, q: DayRangeQuery): Promise<BusyTimesAnswer> {
    const { start, end } = window(q, 31);
    const room = await this.dataSource.query<{ building_id: string }[]>(
      'SELECT building_id FROM rooms WHERE id = $1',
      [roomId],
    );
    if (room.length === 0) throw notFound('Room');
    const rows = await this.dataSource.query<
      { starts_at: Date; ends_at: Date; reason: 'booked' | 'closed' }[]
    >(
      `WITH leaves AS (SELECT leaf_id FROM room_leaves WHERE room_id = $1),
            sharing AS (SELECT DISTINCT rl.room_id FROM room_leaves rl JOIN leaves USING (leaf_id))
       SELECT DISTINCT lower(c.period) AS starts_at, upper(c.period) AS ends_at, 'booked' AS reason
         FROM booking_claims c JOIN leaves l ON l.leaf_id = c.leaf_room_id
        WHERE c.period && tstzrange($2, $3)
       UNION
       SELECT starts_at, ends_at, 'closed' FROM closures
        WHERE (room_id IN (SELECT room_id FROM sharing) OR building_id = $4)
          AND tstzrange(starts_at, ends_at) && tstzrange($2, $3)
       ORDER BY starts_at, ends_at`,
      [roomId, start, end, room[0].building_id],
    );
    return {
      items: rows.map((r) => ({
        startsAt: formatInstant(r.starts_at),
        endsAt: formatInstant(r.ends_at),
        reason: r.reason,
      })),
    };
  }

  /** A verified organisation's public fields, and this year's waived rent: the municipality's support. */
  async organisation(id: string): Promise<PublicOrganisationDetail> {
    const org = await this.portal.publicOrganisation(id);
    if (!org) throw notFound('Organisation');
    const year = Number(osloToday().slice(0, 4));
    const { bookings, hours, listOre, waivedOre } = sumCells(
      await supportCells(this.dataSource.manager, id, year),
    );
    return { ...org, support: { year, bookings, hours, listOre, waivedOre } };
  }

  /** The rules valid today in rank order, what makes a room cheaper or free, in the words staff gave them. */
  async rules(): Promise<PublicRulesAnswer> {
    const today = osloToday();
    const rows = (await currentRuleRows(this.dataSource.manager))
      .filter((r) => r.valid_from <= today && (r.valid_to === null || r.valid_to >= today))
      .sort(
        (a, b) =>
          b.priority - a.priority ||
          b.effect.waivePercent - a.effect.waivePercent ||
          (a.rule_id < b.rule_id ? -1 : 1),
      );
    return {
      items: rows.map((r) => ({
        id: r.rule_id,
        name: r.name,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        conditions: r.conditions,
        effect: { waivePercent: r.effect.waivePercent, waives: r.effect.waives ?? ['rent'] },
      })),
    };
  }
}

function window(q: DayRangeQuery, maxDays: number): { start: Date; end: Date } {
  if (q.to < q.from) throw new DomainError('INVALID_TIME_RANGE', '`to` must not be before `from`');
  if (addDays(q.from, maxDays - 1) < q.to)
    throw new DomainError('INVALID_TIME_RANGE', `Ask for at most ${maxDays} days at a time`);
  return { start: osloDayBounds(q.from).start, end: osloDayBounds(q.to).end };
}

interface ActivityRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  title: string;
  organisation_id: string;
  organisation_name: string;
  room_id: string;
  room_name: string;
  building_id: string;
  building_name: string;
}
