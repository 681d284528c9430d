import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { recordEvent } from '../booking-records/request-queries';
import { AuthUser, isStaff } from '../common/auth/roles';
import { updateReturning } from '../database/transaction';
import { DomainError, notFound } from '../common/errors/domain-error';
import { formatInstant } from '../common/time';
import { checkBuilding } from './caretaker-check';
import {
  AttendanceDto,
  AttendanceView,
  CaretakerOccurrencePage,
  CaretakerOccurrencesQuery,
} from './dto/caretaking.dto';

const MAX_WINDOW_MS = 62 * 86_400_000;

/**
 * What is booked in the caretaker's buildings (with whom to call), and whether each booking was used.
 * A caretaker sees and records their own buildings only (403 otherwise); staff any.
 */
@Injectable()
export class AttendanceService {
  constructor(private readonly dataSource: DataSource) {}

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
      await checkBuilding(m, o.building_id, caller);
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
}
