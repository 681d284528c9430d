import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UsageColumns } from './usage-columns';

/**
 * stats_daily_usage summed per month and weekday (a weekly series is one row a month instead of four or
 * five): what GET /stats/usage reads for whole months, with daily rows for the days at the edges.
 * Rebuilt from the daily rows of a month whenever any of its days is recomputed.
 */
@Entity('stats_monthly_usage')
@Index('stats_monthly_usage_month_idx', ['month'])
export class StatsMonthlyUsage extends UsageColumns {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** The first day of the month. */
  @Column('date')
  month!: string;

  /** ISO weekday, Monday 1. */
  @Column('smallint')
  weekday!: number;
}
