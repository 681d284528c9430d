import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Page } from '../../common/http/pagination';
import { formatInstant } from '../../common/time';
import { AuditAction } from './audit-event.entity';

export interface AuditEntry {
  action: AuditAction;
  userId?: string | null;
  actorUserId?: string | null;
  address?: string | null;
  /** Only facts that are safe to show an admin: never a password, token or hash. */
  details?: Record<string, unknown>;
}

export interface AuditEventView {
  id: string;
  at: string;
  action: AuditAction;
  userId: string | null;
  actorUserId: string | null;
  address: string | null;
  details: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes an entry, in the caller's transaction when given one, so it exists exactly when the change does. */
  async record(entry: AuditEntry, m: EntityManager = this.dataSource.manager): Promise<void> {
    await m.query(
      `INSERT INTO audit_events (action, user_id, actor_user_id, address, details) VALUES ($1, $2, $3, $4, $5)`,
      [
        entry.action,
        entry.userId ?? null,
        entry.actorUserId ?? null,
        entry.address ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  /** Newest first; with a user, the events about them and those they did. */
  async list(query: { userId?: string; limit: number; offset: number }): Promise<Page<AuditEventView>> {
    const where = query.userId ? 'WHERE user_id = $3 OR actor_user_id = $3' : '';
    const params: unknown[] = [query.limit, query.offset, ...(query.userId ? [query.userId] : [])];
    const rows = await this.dataSource.query<
      {
        id: string;
        at: Date;
        action: AuditAction;
        user_id: string | null;
        actor_user_id: string | null;
        address: string | null;
        details: Record<string, unknown>;
        total: number;
      }[]
    >(
      `SELECT id, at, action, user_id, actor_user_id, address, details, count(*) OVER ()::int AS total
         FROM audit_events ${where} ORDER BY at DESC, id DESC LIMIT $1 OFFSET $2`,
      params,
    );
    const total =
      rows[0]?.total ??
      (
        await this.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM audit_events ${where.replace(/\$3/g, '$1')}`,
          query.userId ? [query.userId] : [],
        )
      )[0].n;
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        at: formatInstant(r.at),
        action: r.action,
        userId: r.user_id,
        actorUserId: r.actor_user_id,
        address: r.address,
        details: r.details,
      })),
      total,
    };
  }
}
