import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RoomKind } from '../../core/domain';

/** A room's open time on a local date (opening hours minus closures and holidays); only days it is open. */
@Entity('stats_room_days')
export class StatsRoomDay {
  @PrimaryColumn('date')
  date!: string;

  @PrimaryColumn('uuid')
  roomId!: string;

  @Column('uuid')
  buildingId!: string;

  @Column('text')
  roomKind!: RoomKind;

  /** Leaf rooms the room occupies (1 without sections). */
  @Column('smallint')
  leaves!: number;

  /** A room without sections: its open time is the capacity counted for buildings and totals. */
  @Column('boolean')
  isLeaf!: boolean;

  @Column('integer')
  openSeconds!: number;
}
