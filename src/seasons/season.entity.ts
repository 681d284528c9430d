import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SeasonPolicy } from './season-policy';

/** An application round: rooms given out for a period, by priority, answered and published at once. */
@Entity('seasons')
@Check('seasons_period_check', 'ends_on >= starts_on AND ends_at > starts_at')
@Check('seasons_application_check', 'application_deadline > application_opens_at')
@Check('seasons_published_check', 'published_at IS NULL OR committed_at IS NOT NULL')
export class Season {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** The first and last local dates of the season (Europe/Oslo). */
  @Column('date')
  startsOn!: string;

  @Column('date')
  endsOn!: string;

  /**
   * The season's period as instants, from startsOn 00:00 to the day after endsOn 00:00 in Oslo:
   * computed by the service (common/time), so queries compare instants and never convert zones.
   */
  @Column('timestamptz')
  startsAt!: Date;

  @Column('timestamptz')
  endsAt!: Date;

  @Column('timestamptz')
  applicationOpensAt!: Date;

  @Column('timestamptz')
  applicationDeadline!: Date;

  /** Tiers, weights and time limit of the allocation (season-policy.ts). */
  @Column('jsonb')
  policy!: SeasonPolicy;

  /**
   * The last change of anything the allocation reads (applications, rooms, dates, policy, pins): a
   * proposal computed before it is stale.
   */
  @Column('timestamptz', { default: () => 'now()' })
  changedAt!: Date;

  @Column('timestamptz', { nullable: true })
  committedAt!: Date | null;

  @Column('uuid', { nullable: true })
  committedBy!: string | null;

  /** What the commit answered; a second commit answers it again and changes nothing. */
  @Column('jsonb', { nullable: true })
  commitResult!: object | null;

  @Column('timestamptz', { nullable: true })
  publishedAt!: Date | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
