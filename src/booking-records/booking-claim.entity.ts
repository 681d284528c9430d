import { Column, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Room } from '../venues/room.entity';
import { Occurrence } from './occurrence.entity';

/**
 * No double booking, enforced by PostgreSQL: an approved occurrence claims every leaf room it occupies
 * (a hall claims its courts; a court itself), and no two claims on one leaf may overlap in time. The
 * rows are kept by triggers on booking_occurrences and room_leaves (see the migration), never by hand.
 */
@Entity('booking_claims')
@Index('booking_claims_period_idx', { synchronize: false }) // GiST on period alone, in the migration
@Exclusion('booking_claims_no_overlap', 'USING gist ("leaf_room_id" WITH =, "period" WITH &&)')
export class BookingClaim {
  @PrimaryColumn('uuid')
  occurrenceId!: string;

  @ManyToOne(() => Occurrence, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'occurrence_id' })
  occurrence?: Occurrence;

  @PrimaryColumn('uuid')
  leafRoomId!: string;

  @ManyToOne(() => Room, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'leaf_room_id' })
  leafRoom?: Room;

  @Column('tstzrange')
  period!: string;
}
