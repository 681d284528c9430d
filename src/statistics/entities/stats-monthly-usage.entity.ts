import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AgeGroup, OrganisationKind, RoomKind } from '../../core/domain';

/**
 * stats_daily_usage summed per month and weekday (a weekly series is one row a month instead of four or
 * five): what GET /stats/usage reads for whole months, with daily rows for the days at the edges.
 * Rebuilt from the daily rows of a month whenever any of its days is recomputed.
 */
@Entity('stats_monthly_usage')
@Index('stats_monthly_usage_month_idx', ['month'])
export class StatsMonthlyUsage {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** The first day of the month. */
  @Column('date')
  month!: string;

  /** ISO weekday, Monday 1. */
  @Column('smallint')
  weekday!: number;

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

  @Column('uuid', { nullable: true })
  ruleId!: string | null;

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
