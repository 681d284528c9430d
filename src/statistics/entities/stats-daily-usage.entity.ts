import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UsageColumns } from './usage-columns';

/**
 * The usage rollup: per local date × room × organisation × age group × exemption rule, from the
 * occurrences (see core/statistics/rollup.ts). Recomputed whole per day; GET /stats/usage reads only
 * this and stats_room_days. Building, room kind and organisation kind are copied in as they were at the
 * last recompute, so grouping needs no joins.
 */
@Entity('stats_daily_usage')
@Index('stats_daily_usage_date_idx', ['date'])
export class StatsDailyUsage extends UsageColumns {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column('date')
  date!: string;
}
