import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { recordEvent } from '../booking-records/request-queries';
import { AuthUser } from '../common/auth/roles';
import { updateReturning } from '../database/transaction';
import { DomainError, notFound } from '../common/errors/domain-error';
import { formatInstant } from '../common/time';
import { accessLabel } from '../notifications/human';
import { Outbox } from '../notifications/outbox.service';
import { checkBuilding } from './caretaker-check';
import { AccessDto, KeyHandoverDto, KeyPage, KeyView } from './dto/caretaking.dto';

interface RequestRow {
  id: string;
  title: string;
  organisation_id: string;
  organisation_name: string;
  building_id: string;
  building_name: string;
}

/**
 * Access to a building for a request, as the caretaker arranges it: confirmed (the organisation is
 * told how) or declined (staff are told why), and the key log.
 */
@Injectable()
export class CaretakerAccessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

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
    await checkBuilding(m, request.building_id, caller);
    return request;
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
