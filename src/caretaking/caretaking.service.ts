import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { recordEvent } from '../booking-records/request-queries';
import { AuthUser, isStaff } from '../common/auth/roles';
import { updateReturning } from '../database/transaction';
import { DomainError, forbidden, notFound } from '../common/errors/domain-error';
import { formatInstant } from '../common/time';
import { accessLabel } from '../notifications/human';
import { Outbox } from '../notifications/outbox.service';
import {
  AccessDto,
  AttendanceDto,
  AttendanceView,
  CaretakerOccurrencePage,
  CaretakerOccurrencesQuery,
  KeyHandoverDto,
  KeyPage,
  KeyView,
} from './dto/caretaking.dto';

const MAX_WINDOW_MS = 62 * 86_400_000;

interface RequestRow {
  id: string;
  title: string;
  organisation_id: string;
  organisation_name: string;
  building_id: string;
  building_name: string;
}

/**
 * The caretaker's part: what is booked in their buildings (with whom to call), access to a building
 * for a request, the key log, and whether a booking was used. A caretaker acts on their own buildings
 * only (403 otherwise); staff on any.
 */
@Injectable()
export class CaretakingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async occurrences(q: CaretakerOccurrencesQuery, caller: AuthUser): Promise<CaretakerOccurrencePage> {
    if (q.to <= q.from) throw new DomainError('INVALID_TIME_RANGE', '`to` must be after `from`');
    if (q.to.getTime() - q.from.getTime() > MAX_WINDOW_MS) {
      throw new DomainError('INVALID_TIME_RANGE', 'Ask for at most 62 days at a time');
    }
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT o.id, o.request_id, o.starts_at, o.ends_at, o.room_id, r.name AS room_name, b.id AS building_id,
              b.name AS building_name, q.title, q.organisation_id, org.name AS organisation_name,
              contact.name AS contact_name, contact.phone AS contact_phone, q.expected_participants,
              q.access_status, q.access_method, q.access_note, q.access_valid_from::text, q.access_valid_to::text,
              o.attendance, o.participants
         FROM booking_occurrences o
         JOIN rooms r ON r.id = o.room_id
         JOIN buildings b ON b.id = r.building_id
         JOIN booking_requests q ON q.id = o.request_id
         JOIN organisations org ON org.id = q.organisation_id
         LEFT JOIN LATERAL (SELECT cu.name, cu.phone FROM organisation_members om JOIN users cu ON cu.id = om.user_id
                             WHERE om.organisation_id = org.id ORDER BY om.added_at LIMIT 1) contact ON true
        WHERE o.status = 'approved' AND o.period && tstzrange($1, $2)
          AND ($3::boolean OR b.id IN (SELECT building_id FROM building_caretakers WHERE user_id = $4))
          AND ($5::uuid IS NULL OR b.id = $5)
        ORDER BY o.starts_at, b.name, r.name`,
      [q.from, q.to, isStaff(caller), caller.id, q.buildingId ?? null],
    );
    const items = rows.map((r) => ({
      id: r.id as string,
      requestId: r.request_id as string,
      startsAt: formatInstant(r.starts_at as Date),
      endsAt: formatInstant(r.ends_at as Date),
      roomId: r.room_id as string,
      roomName: r.room_name as string,
      buildingId: r.building_id as string,
      buildingName: r.building_name as string,
      title: r.title as string,
      organisationId: r.organisation_id as string,
      organisationName: r.organisation_name as string,
      contact: { name: (r.contact_name as string) ?? null, phone: (r.contact_phone as string) ?? null },
      expectedParticipants: r.expected_participants as number,
      access: {
        status: r.access_status as string,
        method: (r.access_method as string) ?? null,
        note: (r.access_note as string) ?? null,
        validFrom: (r.access_valid_from as string) ?? null,
        validTo: (r.access_valid_to as string) ?? null,
      },
      attendance: (r.attendance as string) ?? null,
      participants: (r.participants as number) ?? null,
    }));
    return { items, total: items.length };
  }

  /** Confirms access (the organisation is told how) or declines it (staff are told why). */
  async access(requestId: string, dto: AccessDto, caller: AuthUser): Promise<{ status: string }> {
    if (dto.validFrom && dto.validTo && dto.validTo < dto.validFrom) {
      throw new DomainError('INVALID_TIME_RANGE', 'validTo must not be before validFrom');
    }
    return this.dataSource.transaction(async (m) => {
      const request = await this.requestForCaretaker(m, requestId, caller);
      const declined = dto.declined === true;
      await m.query(
        `UPDATE booking_requests SET access_status = $2, access_method = $3, access_note = $4,
                access_valid_from = $5, access_valid_to = $6 WHERE id = $1`,
        [
          requestId,
          declined ? 'declined' : 'confirmed',
          declined ? null : dto.method,
          declined ? dto.reason : (dto.instructions ?? null),
          declined ? null : (dto.validFrom ?? null),
          declined ? null : (dto.validTo ?? null),
        ],
      );
      await recordEvent(m, {
        requestId,
        action: declined ? 'access_declined' : 'access_confirmed',
        actorId: caller.id,
        reason: declined ? dto.reason : null,
        details: declined ? null : { method: dto.method },
      });
      const names = {
        title: request.title,
        organisationName: request.organisation_name,
        buildingName: request.building_name,
      };
      if (declined) {
        const staff = await this.outbox.staff(m);
        await this.outbox.add(
          m,
          staff.map((to) => ({
            kind: 'access_declined' as const,
            to,
            data: { ...names, reason: dto.reason, requestId },
          })),
        );
      } else {
        const contacts = await this.outbox.organisationContacts(m, request.organisation_id);
        await this.outbox.add(
          m,
          contacts.map((to) => ({
            kind: 'access_confirmed' as const,
            to,
            data: {
              ...names,
              methodLabel: accessLabel(dto.method ?? null, to.locale),
              instructions: dto.instructions ?? null,
              validFrom: dto.validFrom ?? null,
              validTo: dto.validTo ?? null,
            },
          })),
        );
      }
      return { status: declined ? 'declined' : 'confirmed' };
    });
  }

  async handOverKey(requestId: string, dto: KeyHandoverDto, caller: AuthUser): Promise<KeyView> {
    return this.dataSource.transaction(async (m) => {
      await this.requestForCaretaker(m, requestId, caller);
      const [key] = await m.query<KeyRow[]>(
        `INSERT INTO booking_keys (request_id, handed_to, handed_at, recorded_by) VALUES ($1, $2, $3, $4)
         RETURNING id, request_id, handed_to, handed_at, returned_at`,
        [requestId, dto.handedTo, dto.handedAt ?? new Date(), caller.id],
      );
      await recordEvent(m, {
        requestId,
        action: 'key_handed_over',
        actorId: caller.id,
        details: { keyId: key.id },
      });
      return toKeyView(key);
    });
  }

  async returnKey(
    requestId: string,
    keyId: string,
    returnedAt: Date | undefined,
    caller: AuthUser,
  ): Promise<KeyView> {
    return this.dataSource.transaction(async (m) => {
      await this.requestForCaretaker(m, requestId, caller);
      const [key] = await m.query<KeyRow[]>(
        `SELECT id, request_id, handed_to, handed_at, returned_at FROM booking_keys WHERE id = $1 AND request_id = $2`,
        [keyId, requestId],
      );
      if (!key) throw notFound('Key');
      if (key.returned_at) throw new DomainError('INVALID_STATE', 'The key is returned already');
      const when = returnedAt ?? new Date();
      if (when < key.handed_at)
        throw new DomainError('INVALID_TIME_RANGE', 'A key cannot come back before it was handed over');
      const [updated] = await updateReturning<KeyRow>(
        m,
        `UPDATE booking_keys SET returned_at = $2 WHERE id = $1 RETURNING id, request_id, handed_to, handed_at, returned_at`,
        [keyId, when],
      );
      await recordEvent(m, { requestId, action: 'key_returned', actorId: caller.id, details: { keyId } });
      return toKeyView(updated);
    });
  }

  async keys(requestId: string, caller: AuthUser): Promise<KeyPage> {
    await this.requestForCaretaker(this.dataSource.manager, requestId, caller);
    const rows = await this.dataSource.query<KeyRow[]>(
      `SELECT id, request_id, handed_to, handed_at, returned_at FROM booking_keys WHERE request_id = $1 ORDER BY handed_at`,
      [requestId],
    );
    return { items: rows.map(toKeyView), total: rows.length };
  }

  /** Used or no-show, once the occurrence has started; correcting it needs a reason, and is audited. */
  async attendance(occurrenceId: string, dto: AttendanceDto, caller: AuthUser): Promise<AttendanceView> {
    return this.dataSource.transaction(async (m) => {
      const [o] = await m.query<
        {
          id: string;
          request_id: string;
          starts_at: Date;
          status: string;
          attendance: string | null;
          building_id: string;
        }[]
      >(
        `SELECT o.id, o.request_id, o.starts_at, o.status, o.attendance, r.building_id
           FROM booking_occurrences o JOIN rooms r ON r.id = o.room_id WHERE o.id = $1 FOR UPDATE OF o`,
        [occurrenceId],
      );
      if (!o) throw notFound('Occurrence');
      await this.checkBuilding(m, o.building_id, caller);
      if (o.status !== 'approved')
        throw new DomainError('INVALID_STATE', 'Only approved occurrences have attendance');
      if (o.starts_at > new Date())
        throw new DomainError('INVALID_STATE', 'The occurrence has not started yet');
      if (o.attendance && !dto.reason) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'Attendance is recorded already: give a reason to correct it',
        );
      }
      const [row] = await updateReturning<{
        attendance: string;
        participants: number | null;
        attendance_recorded_at: Date;
      }>(
        m,
        `UPDATE booking_occurrences SET attendance = $2, participants = $3, attendance_recorded_at = now(),
                attendance_recorded_by = $4 WHERE id = $1 RETURNING attendance, participants, attendance_recorded_at`,
        [occurrenceId, dto.status, dto.participants ?? null, caller.id],
      );
      await recordEvent(m, {
        requestId: o.request_id,
        action: o.attendance ? 'attendance_corrected' : 'attendance_recorded',
        actorId: caller.id,
        occurrenceIds: [occurrenceId],
        reason: dto.reason ?? null,
        details: { from: o.attendance, to: dto.status, participants: dto.participants ?? null },
      });
      return {
        id: occurrenceId,
        attendance: row.attendance,
        participants: row.participants,
        recordedAt: formatInstant(row.attendance_recorded_at),
      };
    });
  }

  /** The request with its building, when the caller is staff or a caretaker of that building. */
  private async requestForCaretaker(
    m: EntityManager,
    requestId: string,
    caller: AuthUser,
  ): Promise<RequestRow> {
    const [request] = await m.query<RequestRow[]>(
      `SELECT q.id, q.title, q.organisation_id, org.name AS organisation_name, b.id AS building_id, b.name AS building_name
         FROM booking_requests q
         JOIN organisations org ON org.id = q.organisation_id
         LEFT JOIN LATERAL (SELECT room_id FROM booking_occurrences WHERE request_id = q.id ORDER BY starts_at LIMIT 1) f ON true
         JOIN rooms r ON r.id = COALESCE(q.room_id, f.room_id)
         JOIN buildings b ON b.id = r.building_id
        WHERE q.id = $1`,
      [requestId],
    );
    if (!request) throw notFound('Booking request');
    await this.checkBuilding(m, request.building_id, caller);
    return request;
  }

  private async checkBuilding(m: EntityManager, buildingId: string, caller: AuthUser): Promise<void> {
    if (isStaff(caller)) return;
    const [row] = await m.query<unknown[]>(
      'SELECT 1 FROM building_caretakers WHERE building_id = $1 AND user_id = $2',
      [buildingId, caller.id],
    );
    if (!row) throw forbidden('Only a caretaker of this building may do this');
  }
}

interface KeyRow {
  id: string;
  request_id: string;
  handed_to: string;
  handed_at: Date;
  returned_at: Date | null;
}

const toKeyView = (k: KeyRow): KeyView => ({
  id: k.id,
  requestId: k.request_id,
  handedTo: k.handed_to,
  handedAt: formatInstant(k.handed_at),
  returnedAt: k.returned_at ? formatInstant(k.returned_at) : null,
});
