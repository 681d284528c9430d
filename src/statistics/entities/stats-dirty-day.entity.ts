import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A past local date whose rollup is out of date: a trigger (see the migration) marks it when an
 * occurrence or closure touching it changes; the nightly rollup recomputes and clears it.
 */
@Entity('stats_dirty_days')
export class StatsDirtyDay {
  @PrimaryColumn('date')
  date!: string;

  @Column('timestamptz', { default: () => 'now()' })
  markedAt!: Date;
}
