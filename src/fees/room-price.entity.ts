import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RenterCategory } from '../core/domain';
import type { PriceExtra } from '../core/pricing';
import { Room } from '../venues/room.entity';

/**
 * A room's price list: the hourly rent per renter category as columns (so SQL can read and check them),
 * the optional fixed fees and the extras as JSON in the pricing core's own shape. A room without a row
 * costs nothing.
 */
@Entity('room_prices')
@Check(
  'room_prices_hourly_check',
  'hourly_nonprofit_ore >= 0 AND hourly_public_ore >= 0 AND hourly_commercial_ore >= 0 AND hourly_private_ore >= 0',
)
export class RoomPrice {
  @PrimaryColumn('uuid')
  roomId!: string;

  @ManyToOne(() => Room, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: Room;

  @Column('integer')
  hourlyNonprofitOre!: number;

  @Column('integer')
  hourlyPublicOre!: number;

  @Column('integer')
  hourlyCommercialOre!: number;

  @Column('integer')
  hourlyPrivateOre!: number;

  @Column('jsonb', { nullable: true })
  fixedPerBookingOre!: Partial<Record<RenterCategory, number>> | null;

  @Column('jsonb', { nullable: true })
  fixedPerSeriesOre!: Partial<Record<RenterCategory, number>> | null;

  @Column('jsonb', { default: () => `'[]'` })
  extras!: PriceExtra[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
