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
import type { AgeGroup } from '../core/domain';
import { Organisation } from '../organisations/organisation.entity';
import { Room } from '../venues/room.entity';

export const REQUEST_STATUSES = [
  'submitted',
  'in_review',
  'approved',
  'partially_approved',
  'rejected',
  'withdrawn',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** An organisation asks for a room, once or repeating; its occurrences carry the decisions. */
@Entity('booking_requests')
@Index('booking_requests_organisation_id_idx', ['organisationId'])
@Index('booking_requests_room_id_idx', ['roomId'])
@Index('booking_requests_status_idx', ['status'])
@Check('booking_requests_participants_check', 'expected_participants > 0')
@Check('booking_requests_access_status_check', `access_status IN ('pending', 'confirmed', 'declined')`)
@Check(
  'booking_requests_age_group_check',
  `age_group IN ('children', 'youth', 'adults', 'seniors', 'all_ages')`,
)
export class BookingRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  /** The room asked for (a season application names rooms in its preferences instead). */
  @Column('uuid', { nullable: true })
  roomId!: string | null;

  @ManyToOne(() => Room, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'room_id' })
  room?: Room;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  purpose!: string | null;

  @Column('text')
  ageGroup!: AgeGroup;

  @Column('integer')
  expectedParticipants!: number;

  @Column('boolean', { default: false })
  chargesEntranceFee!: boolean;

  /** The first occurrence as asked for; DTSTART of the rule. */
  @Column('timestamptz', { nullable: true })
  startsAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  endsAt!: Date | null;

  @Column('text', { nullable: true })
  rrule!: string | null;

  @Column('text', { array: true, default: () => `'{}'` })
  exdates!: string[];

  /** The season round this request applies in, if any. */
  @Index('booking_requests_season_id_idx')
  @Column('uuid', { nullable: true })
  seasonId!: string | null;

  /** A season application's alternatives, first = most wanted (src/seasons); null for other requests. */
  @Column('jsonb', { nullable: true })
  preferences?: { roomId: string; weekday: number; startTime: string; endTime: string }[] | null;

  /** A season application's sessions a week; null for other requests. */
  @Column('integer', { nullable: true })
  sessionsPerWeek?: number | null;

  /** Derived from the occurrences, kept here for filtering; refreshed in every transaction that changes them. */
  @Column('text', { default: 'submitted' })
  status!: RequestStatus;

  /** Access to the building, as the caretaker arranged it: pending until confirmed or declined. */
  @Column('text', { default: 'pending' })
  accessStatus!: 'pending' | 'confirmed' | 'declined';

  /** key, key_card, door_code, caretaker_present or unlocked. */
  @Column('text', { nullable: true })
  accessMethod!: string | null;

  /** The caretaker's instructions, or why access was declined. */
  @Column('text', { nullable: true })
  accessNote!: string | null;

  @Column('date', { nullable: true })
  accessValidFrom!: string | null;

  @Column('date', { nullable: true })
  accessValidTo!: string | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
