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
import type { RoomKind } from '../core/domain';
import { Building } from './building.entity';

@Entity('rooms')
@Index('rooms_building_name_key', ['buildingId', 'name'], { unique: true })
@Check('rooms_capacity_check', 'capacity > 0')
@Check('rooms_area_check', 'area_sqm IS NULL OR area_sqm > 0')
@Check('rooms_not_own_parent', 'parent_room_id IS NULL OR parent_room_id <> id')
@Check(
  'rooms_kind_check',
  `kind IN ('gym', 'hall', 'classroom', 'meeting_room', 'auditorium', 'kitchen', 'music_room', 'other')`,
)
export class Room {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('rooms_building_id_idx')
  @Column('uuid')
  buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id' })
  building?: Building;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: RoomKind;

  @Column('integer')
  capacity!: number;

  @Column('integer', { nullable: true })
  areaSqm!: number | null;

  @Column('boolean', { default: false })
  accessible!: boolean;

  @Column('text', { array: true, default: () => `'{}'` })
  facilities!: string[];

  /** A section of this room (a court of a hall); booking one blocks the other. */
  @Index('rooms_parent_room_id_idx')
  @Column('uuid', { nullable: true })
  parentRoomId!: string | null;

  @ManyToOne(() => Room, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_room_id' })
  parentRoom?: Room;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
