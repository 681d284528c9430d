import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MessageKind } from './message-kinds';
import { caretakersJson, contactsJson } from './recipient-queries';

export interface Recipient {
  userId: string | null;
  email: string;
  locale: 'nb' | 'en';
}

export interface NewMessage {
  kind: MessageKind;
  to: Recipient;
  /** What the template needs, as it is now: instants already formatted, names already looked up. */
  data: object;
  /** A message with a key is written once; writing it again does nothing. */
  dedupeKey?: string;
}

/**
 * The messages' INSERT with its parameters from `$first` on (6 of them), for Outbox.add or for a
 * statement that writes a change and its messages at once (then select OUTBOX_WAKE with it).
 */
export function outboxInsert(messages: NewMessage[], first: number): { sql: string; params: unknown[] } {
  const p = (i: number) => `$${first + i}`;
  return {
    sql: `INSERT INTO outbox_messages (kind, recipient_user_id, to_email, locale, data, dedupe_key)
          SELECT * FROM unnest(${p(0)}::text[], ${p(1)}::uuid[], ${p(2)}::text[], ${p(3)}::text[],
                               ${p(4)}::jsonb[], ${p(5)}::text[])
          ON CONFLICT (dedupe_key) DO NOTHING`,
    params: [
      messages.map((x) => x.kind),
      messages.map((x) => x.to.userId),
      messages.map((x) => x.to.email),
      messages.map((x) => x.to.locale),
      messages.map((x) => JSON.stringify(x.data)),
      messages.map((x) => x.dedupeKey ?? null),
    ],
  };
}

/** Wakes the dispatcher at commit (NOTIFY is transactional); it also polls, so this is only speed. */
export const OUTBOX_WAKE = `pg_notify('outbox', '')`;

/**
 * The transactional outbox: a change that should notify someone writes its messages here, in the
 * same transaction. Nothing is sent unless the change commits; the worker sends what was committed.
 */
@Injectable()
export class Outbox {
  async add(m: EntityManager, messages: NewMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const { sql, params } = outboxInsert(messages, 1);
    await m.query(`WITH written AS (${sql}) SELECT ${OUTBOX_WAKE}`, params);
  }

  /** An organisation's contacts (the users who act for it). */
  async organisationContacts(m: EntityManager, organisationId: string): Promise<Recipient[]> {
    const [row] = await m.query<{ to: Recipient[] }[]>(`SELECT ${contactsJson('$1')} AS "to"`, [
      organisationId,
    ]);
    return row.to;
  }

  /** The caretakers of a building. */
  async buildingCaretakers(m: EntityManager, buildingId: string): Promise<Recipient[]> {
    const [row] = await m.query<{ to: Recipient[] }[]>(`SELECT ${caretakersJson('$1')} AS "to"`, [
      buildingId,
    ]);
    return row.to;
  }

  /** Every staff user (saksbehandler). */
  async staff(m: EntityManager): Promise<Recipient[]> {
    return m.query<Recipient[]>(
      `SELECT id AS "userId", email, locale FROM users WHERE 'staff' = ANY(roles) ORDER BY email`,
    );
  }
}
