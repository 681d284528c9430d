import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Room } from './room.entity';

/** A weekly window in which outsiders may book a room, in Oslo wall-clock minutes since midnight. */
@Entity('opening_hours')
@Check('opening_hours_weekday_check', 'weekday BETWEEN 1 AND 7')
@Check('opening_hours_window_check', 'opens >= 0 AND opens < closes AND closes <= 1440')
export class OpeningHours {
  @PrimaryColumn('uuid')
  roomId!: string;

  @ManyToOne(() => Room, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: Room;

  @PrimaryColumn('smallint')
  weekday!: number;

  @PrimaryColumn('smallint')
  opens!: number;

  @Column('smallint')
  closes!: number;
}
