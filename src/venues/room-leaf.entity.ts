import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Room } from './room.entity';

/**
 * Derived from the room tree (core/venues/room-tree.ts) whenever rooms change: the leaf rooms each room
 * occupies. Two rooms clash when their leaves intersect; closures, free-room search and the bookings'
 * exclusion constraint all work on leaves.
 */
@Entity('room_leaves')
@Index('room_leaves_leaf_id_idx', ['leafId'])
export class RoomLeaf {
  @PrimaryColumn('uuid')
  roomId!: string;

  @ManyToOne(() => Room, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: Room;

  @PrimaryColumn('uuid')
  leafId!: string;

  @ManyToOne(() => Room, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'leaf_id' })
  leaf?: Room;
}
