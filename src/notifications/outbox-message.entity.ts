import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../auth/user.entity';

export const OUTBOX_STATUSES = ['pending', 'queued', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * One mail to one recipient, written in the same transaction as the change that causes it; the worker
 * hands it to the queue, sends it and marks it sent. Message-ID <id@frirom> is stable across retries.
 */
@Entity('outbox_messages')
@Index('outbox_messages_status_created_idx', ['status', 'createdAt'])
@Check('outbox_messages_status_check', `status IN ('pending', 'queued', 'sent', 'failed')`)
@Check('outbox_messages_locale_check', `locale IN ('nb', 'en')`)
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Which template: request_received, request_decided, … */
  @Column('text')
  kind!: string;

  @Column('uuid', { nullable: true })
  recipientUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recipient_user_id' })
  recipient?: User;

  @Column('text')
  toEmail!: string;

  @Column('text', { default: 'nb' })
  locale!: 'nb' | 'en';

  /** Set for messages that must exist once per key (a caretaker's digest for a day), whoever asks twice. */
  @Index('outbox_messages_dedupe_key_key', { unique: true })
  @Column('text', { nullable: true })
  dedupeKey!: string | null;

  /** What the template needs, fixed when the change happened. */
  @Column('jsonb')
  data!: object;

  @Column('text', { default: 'pending' })
  status!: OutboxStatus;

  @Column('integer', { default: 0 })
  attempts!: number;

  /** Bumped when staff retry a failed message, so its job gets a fresh id. */
  @Column('integer', { default: 0 })
  generation!: number;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  queuedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;
}
