import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { BookingRequest } from '../booking-records/booking-request.entity';
import { User } from '../auth/user.entity';

/** The key log: a key handed to someone for a booking, and when it came back. */
@Entity('booking_keys')
@Index('booking_keys_request_id_idx', ['requestId'])
export class BookingKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  requestId!: string;

  @ManyToOne(() => BookingRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: BookingRequest;

  /** Who holds the key (a person's name: never shown publicly). */
  @Column('text')
  handedTo!: string;

  @Column('timestamptz')
  handedAt!: Date;

  @Column('timestamptz', { nullable: true })
  returnedAt!: Date | null;

  @Column('uuid', { nullable: true })
  recordedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by' })
  recorder?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
