import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/roles';
import { DomainError, notFound } from '../common/errors/domain-error';
import { formatInstant } from '../common/time';
import { AccountExport } from './dto/account.dto';

type Row = Record<string, unknown>;

/** Instants in the answer's Oslo format, everything else as stored. */
const plain = (rows: Row[]): Row[] =>
  rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? formatInstant(v) : v])),
  );

/** What a person can see and do about their own data: download it, delete the account. */
@Injectable()
export class AccountService {
  constructor(private readonly dataSource: DataSource) {}

  async export(caller: AuthUser): Promise<AccountExport> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const q = (sql: string, params: unknown[] = [caller.id]) => m.query<Row[]>(sql, params).then(plain);
      const [profile] = await q(
        `SELECT id, email, name, phone, roles, locale, created_at AS "createdAt",
                email_confirmed_at AS "emailConfirmedAt" FROM users WHERE id = $1`,
      );
      if (!profile) throw notFound('User');
      const email = profile.email as string;
      return {
        exportedAt: formatInstant(new Date()),
        profile,
        organisations: await q(
          `SELECT o.id, o.org_number AS "orgNumber", o.name, o.kind, o.status, om.added_at AS "contactSince"
             FROM organisation_members om JOIN organisations o ON o.id = om.organisation_id
            WHERE om.user_id = $1 ORDER BY o.name`,
        ),
        buildings: await q(
          `SELECT b.id, b.name FROM building_caretakers bc JOIN buildings b ON b.id = bc.building_id
            WHERE bc.user_id = $1 ORDER BY b.name`,
        ),
        bookingRequests: await this.requests(m, caller.id),
        invitations: {
          sent: await q(
            `SELECT organisation_id AS "organisationId", email, created_at AS "invitedAt",
                    expires_at AS "expiresAt", accepted_at AS "acceptedAt"
               FROM organisation_invitations WHERE invited_by = $1 ORDER BY created_at`,
          ),
          received: await q(
            `SELECT organisation_id AS "organisationId", created_at AS "invitedAt", expires_at AS "expiresAt",
                    accepted_at AS "acceptedAt", accepted_by = $1 AS "acceptedByYou"
               FROM organisation_invitations WHERE email = $2 OR accepted_by = $1 ORDER BY created_at`,
            [caller.id, email],
          ),
        },
        organisationChanges: await q(
          `SELECT organisation_id AS "organisationId", kind, at, changes FROM organisation_events
            WHERE actor_id = $1 ORDER BY id`,
        ),
        mails: await q(
          `SELECT kind, to_email AS "to", status, created_at AS "createdAt", sent_at AS "sentAt"
             FROM outbox_messages WHERE recipient_user_id = $1 OR to_email = $2 ORDER BY created_at`,
          [caller.id, email],
        ),
        failedSignIns: await q(`SELECT at, address FROM login_failures WHERE email = $1 ORDER BY at`, [
          email,
        ]),
      };
    });
  }

  /**
   * Deletes the account: the user row and what names the person (memberships, caretaking, confirmations,
   * invitations to their address, their mail log, failed sign-ins). Bookings stay for the statistics with
   * no person attached (created_by and the like become null). The last contact of an organisation must
   * hand it over first, so no organisation is left without anyone to reach.
   */
  async delete(caller: AuthUser, confirmEmail: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [user] = await m.query<{ email: string }[]>('SELECT email FROM users WHERE id = $1 FOR UPDATE', [
        caller.id,
      ]);
      if (!user) throw notFound('User');
      if (user.email !== confirmEmail.toLowerCase()) {
        throw new DomainError('VALIDATION_FAILED', 'email must be your own address, to confirm the deletion');
      }
      // Locks the organisations, so two last contacts deleting themselves at once cannot both go.
      const sole = await m.query<{ id: string }[]>(
        `SELECT o.id FROM organisations o JOIN organisation_members om ON om.organisation_id = o.id
          WHERE om.user_id = $1 ORDER BY o.id FOR UPDATE OF o`,
        [caller.id],
      );
      const alone = [];
      for (const { id } of sole) {
        const [{ n }] = await m.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM organisation_members WHERE organisation_id = $1',
          [id],
        );
        if (n === 1) alone.push(id);
      }
      if (alone.length > 0) {
        throw new DomainError(
          'LAST_CONTACT',
          'You are the last contact of an organisation: invite someone to take it over (or ask staff to), then delete your account',
          { organisationIds: alone },
        );
      }
      await m.query('DELETE FROM outbox_messages WHERE recipient_user_id = $1 OR to_email = $2', [
        caller.id,
        user.email,
      ]);
      await m.query('DELETE FROM login_failures WHERE email = $1', [user.email]);
      await m.query('DELETE FROM organisation_invitations WHERE email = $1', [user.email]);
      // Columns that name a user without a foreign key.
      for (const [table, column] of [
        ['booking_occurrences', 'decided_by'],
        ['booking_occurrences', 'attendance_recorded_by'],
        ['seasons', 'committed_by'],
        ['season_allocations', 'requested_by'],
      ]) {
        await m.query(`UPDATE ${table} SET ${column} = NULL WHERE ${column} = $1`, [caller.id]);
      }
      await m.query('DELETE FROM users WHERE id = $1', [caller.id]);
    });
  }

  private async requests(m: EntityManager, userId: string): Promise<Row[]> {
    const requests = plain(
      await m.query<Row[]>(
        `SELECT id, organisation_id AS "organisationId", room_id AS "roomId", title, purpose,
                age_group AS "ageGroup", expected_participants AS "expectedParticipants", status,
                created_at AS "createdAt"
           FROM booking_requests WHERE created_by = $1 ORDER BY created_at`,
        [userId],
      ),
    );
    const occurrences = plain(
      await m.query<Row[]>(
        `SELECT o.request_id AS "requestId", o.starts_at AS "startsAt", o.ends_at AS "endsAt", o.status,
                o.charged_ore AS "chargedOre"
           FROM booking_occurrences o JOIN booking_requests r ON r.id = o.request_id
          WHERE r.created_by = $1 ORDER BY o.starts_at`,
        [userId],
      ),
    );
    return requests.map((r) => ({
      ...r,
      occurrences: occurrences.filter((o) => o.requestId === r.id).map(({ requestId: _, ...o }) => o),
    }));
  }
}
