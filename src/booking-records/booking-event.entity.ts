import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../auth/user.entity';
import { BookingRequest } from './booking-request.entity';

/** The audit log: every change of state of a request or one of its occurrences, with who, when and why. */
@Entity('booking_events')
@Index('booking_events_request_id_idx', ['requestId', 'at'])
export class BookingEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  requestId!: string;

  @ManyToOne(() => BookingRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: BookingRequest;

  /** The occurrences the event concerns; empty when it concerns the request as a whole. */
  @Column('uuid', { array: true, default: () => `'{}'` })
  occurrenceIds!: string[];

  /** created, approved, rejected, withdrawn, cancelled, moved, repriced, ... */
  @Column('text')
  action!: string;

  @Column('uuid', { nullable: true })
  actorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('jsonb', { nullable: true })
  details!: object | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
