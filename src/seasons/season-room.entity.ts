import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Room } from '../venues/room.entity';
import { Season } from './season.entity';

/** A room given out in a season's round. */
@Entity('season_rooms')
@Index('season_rooms_room_id_idx', ['roomId'])
export class SeasonRoom {
  @PrimaryColumn('uuid')
  seasonId!: string;

  @ManyToOne(() => Season, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'season_id' })
  season?: Season;

  @PrimaryColumn('uuid')
  roomId!: string;

  @ManyToOne(() => Room, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'room_id' })
  room?: Room;
}
