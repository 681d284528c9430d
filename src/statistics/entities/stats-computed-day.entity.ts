import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A local date the rollup has computed, and when: how far the statistics cover a period. */
@Entity('stats_computed_days')
export class StatsComputedDay {
  @PrimaryColumn('date')
  date!: string;

  @Column('timestamptz')
  computedAt!: Date;
}
