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
import type { FeeLine } from '../core/pricing';
import { Room } from '../venues/room.entity';
import { BookingRequest } from './booking-request.entity';

export const OCCURRENCE_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'cancelled'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

export type ConflictKind =
  'booking' | 'request' | 'closure' | 'holiday' | 'outside_opening_hours' | 'self' | 'season';

export interface Conflict {
  kind: ConflictKind;
  occurrenceId?: string;
  requestId?: string;
  closureId?: string;
  date?: string;
  reason?: string;
}

/** An OccurrenceFee as stored; the explanation is kept whole but read as plain data. */
export interface StoredFee {
  lines: FeeLine[];
  explanation: { summary?: string } & object;
}

/** One dated instance of a request: a time range in one room, with its own status, conflicts and fee. */
@Entity('booking_occurrences')
@Index('booking_occurrences_request_id_idx', ['requestId'])
@Index('booking_occurrences_room_id_idx', ['roomId'])
// GiST (room, period), written by hand in the migration (TypeORM leaves it alone), and two partial
// indexes over the pending ones alone: (request, start) and GiST (room, period); see the migration.
@Index('booking_occurrences_room_period_idx', { synchronize: false })
@Index('booking_occurrences_pending_first_idx', { synchronize: false })
@Index('booking_occurrences_pending_period_idx', { synchronize: false })
@Check('booking_occurrences_range_check', 'ends_at > starts_at')
@Check(
  'booking_occurrences_status_check',
  `status IN ('pending', 'approved', 'rejected', 'withdrawn', 'cancelled')`,
)
@Check(
  'booking_occurrences_fee_check',
  'list_ore - waived_ore = charged_ore AND waived_ore BETWEEN 0 AND list_ore',
)
export class Occurrence {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  requestId!: string;

  @ManyToOne(() => BookingRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: BookingRequest;

  @Column('uuid')
  roomId!: string;

  @ManyToOne(() => Room, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'room_id' })
  room?: Room;

  @Column('timestamptz')
  startsAt!: Date;

  @Column('timestamptz')
  endsAt!: Date;

  /**
   * The time range itself, [startsAt, endsAt): what overlap queries and the claims use. Set from
   * startsAt and endsAt by a trigger (see the migration), never written by the app.
   */
  @Column({ type: 'tstzrange', insert: false, update: false, select: false })
  period!: string;

  @Column('text', { default: 'pending' })
  status!: OccurrenceStatus;

  /** The conflicts found when the occurrence was made (or last moved). */
  @Column('jsonb', { default: () => `'[]'` })
  conflicts!: Conflict[];

  /** The fee as priced when made (or re-priced by staff): list − waived = charged, in øre. */
  @Column('integer', { default: 0 })
  listOre!: number;

  @Column('integer', { default: 0 })
  waivedOre!: number;

  @Column('integer', { default: 0 })
  chargedOre!: number;

  @Column('uuid', { nullable: true })
  ruleId!: string | null;

  @Column('integer', { nullable: true })
  ruleVersion!: number | null;

  /** The fee's lines and explanation as priced (the whole OccurrenceFee of src/core/pricing). */
  @Column('jsonb', { nullable: true })
  fee!: StoredFee | null;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;

  @Column('uuid', { nullable: true })
  decidedBy!: string | null;

  /** Why it was rejected or cancelled, or the note of an approval. */
  @Column('text', { nullable: true })
  decisionNote!: string | null;

  /** A cancellation closer than LATE_CANCELLATION_DAYS to the start. */
  @Column('boolean', { nullable: true })
  cancelledLate!: boolean | null;

  /** Whether the booking was used, recorded once it has started: used or no_show. */
  @Column('text', { nullable: true })
  attendance!: 'used' | 'no_show' | null;

  @Column('integer', { nullable: true })
  participants!: number | null;

  @Column('timestamptz', { nullable: true })
  attendanceRecordedAt!: Date | null;

  @Column('uuid', { nullable: true })
  attendanceRecordedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
