import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { StoredProposal } from './proposal';
import type { Pin } from './pin';
import { Season } from './season.entity';

export const ALLOCATION_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type AllocationState = (typeof ALLOCATION_STATES)[number];

/** A season's current allocation proposal, the pins staff set, and the job that computes it. */
@Entity('season_allocations')
@Check('season_allocations_state_check', `state IN ('queued', 'running', 'done', 'failed')`)
export class SeasonAllocation {
  @PrimaryColumn('uuid')
  seasonId!: string;

  @OneToOne(() => Season, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'season_id' })
  season?: Season;

  @Column('text', { default: 'queued' })
  state!: AllocationState;

  /** The BullMQ job of the latest run; a run that is not the latest does not store its result. */
  @Column('text', { nullable: true })
  jobId!: string | null;

  /** Assignments staff fixed: every run keeps them. */
  @Column('jsonb', { default: () => `'[]'` })
  pins!: Pin[];

  /** The latest proposal (null until a run finishes). */
  @Column('jsonb', { nullable: true })
  proposal!: StoredProposal | null;

  /** Why the latest run failed, e.g. pins the rooms no longer allow. */
  @Column('jsonb', { nullable: true })
  failure!: { message: string; problems?: string[] } | null;

  @Column('uuid', { nullable: true })
  requestedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  requestedAt!: Date | null;
}
