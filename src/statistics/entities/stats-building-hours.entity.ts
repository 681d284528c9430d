import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BuildingKind } from '../../core/domain';

/** Per building and local date, by wall-clock hour 0–23: open and booked leaf-room seconds (24 each). */
@Entity('stats_building_hours')
export class StatsBuildingHours {
  @PrimaryColumn('date')
  date!: string;

  @PrimaryColumn('uuid')
  buildingId!: string;

  @Column('text')
  buildingKind!: BuildingKind;

  @Column('integer', { array: true })
  openLeafSeconds!: number[];

  @Column('integer', { array: true })
  bookedLeafSeconds!: number[];
}
