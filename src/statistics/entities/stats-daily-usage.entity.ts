import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AgeGroup, OrganisationKind, RoomKind } from '../../core/domain';

/**
 * The usage rollup: per local date × room × organisation × age group × exemption rule, from the
 * occurrences (see core/statistics/rollup.ts). Recomputed whole per day; GET /stats/usage reads only
 * this and stats_room_days. Building, room kind and organisation kind are copied in as they were at the
 * last recompute, so grouping needs no joins.
 */
@Entity('stats_daily_usage')
@Index('stats_daily_usage_date_idx', ['date'])
export class StatsDailyUsage {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column('date')
  date!: string;

  @Column('uuid')
  roomId!: string;

  @Column('uuid')
  buildingId!: string;

  @Column('text')
  roomKind!: RoomKind;

  @Column('uuid')
  organisationId!: string;

  @Column('text')
  organisationKind!: OrganisationKind;

  @Column('text')
  ageGroup!: AgeGroup;

  /** The exemption rule that priced the occurrences; null when none applied. */
  @Column('uuid', { nullable: true })
  ruleId!: string | null;

  /** Approved occurrences starting this day. */
  @Column('integer')
  occurrences!: number;

  @Column('integer')
  bookedSeconds!: number;

  @Column('integer')
  usedSeconds!: number;

  @Column('integer')
  noShowSeconds!: number;

  @Column('integer')
  cancelledLateSeconds!: number;

  @Column('integer')
  cancelledInTimeSeconds!: number;

  /** Booked seconds times the leaf rooms the room occupies: the numerator of utilisation. */
  @Column('integer')
  bookedLeafSeconds!: number;

  @Column('integer')
  participants!: number;

  @Column('integer')
  listOre!: number;

  @Column('integer')
  waivedOre!: number;

  @Column('integer')
  chargedOre!: number;
}
