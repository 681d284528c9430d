import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RoomKind } from '../../core/domain';

/** stats_room_days summed per month and weekday: a room's open time, for whole months. */
@Entity('stats_room_months')
export class StatsRoomMonth {
  /** The first day of the month. */
  @PrimaryColumn('date')
  month!: string;

  /** ISO weekday, Monday 1. */
  @PrimaryColumn('smallint')
  weekday!: number;

  @PrimaryColumn('uuid')
  roomId!: string;

  @Column('uuid')
  buildingId!: string;

  @Column('text')
  roomKind!: RoomKind;

  @Column('smallint')
  leaves!: number;

  @Column('boolean')
  isLeaf!: boolean;

  @Column('integer')
  openSeconds!: number;
}
