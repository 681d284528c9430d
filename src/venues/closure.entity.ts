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
import { Building } from './building.entity';
import { Room } from './room.entity';

/** A dated period a room, or a whole building, is not available. */
@Entity('closures')
@Check('closures_target_check', 'num_nonnulls(room_id, building_id) = 1')
@Check('closures_period_check', 'ends_at > starts_at')
@Index('closures_room_id_idx', ['roomId'])
@Index('closures_building_id_idx', ['buildingId'])
export class Closure {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { nullable: true })
  roomId!: string | null;

  @ManyToOne(() => Room, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: Room;

  @Column('uuid', { nullable: true })
  buildingId!: string | null;

  @ManyToOne(() => Building, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'building_id' })
  building?: Building;

  @Column('timestamptz')
  startsAt!: Date;

  @Column('timestamptz')
  endsAt!: Date;

  @Column('text')
  reason!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
