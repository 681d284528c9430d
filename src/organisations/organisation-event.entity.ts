import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../auth/user.entity';
import type { FieldChanges } from '../core/pricing';
import { Organisation } from './organisation.entity';

export const ORGANISATION_EVENT_KINDS = [
  'updated',
  'verified',
  'contact_joined',
  'contact_left',
  'handed_over',
] as const;
export type OrganisationEventKind = (typeof ORGANISATION_EVENT_KINDS)[number];

/**
 * The organisation's history as staff read it: what changed (old → new), who did it, and whether the change
 * sent it back to pending. Events name users by id only; the staff view looks names up.
 */
@Entity('organisation_events')
@Index('organisation_events_org_at_idx', ['organisationId', 'at'])
@Check(
  'organisation_events_kind_check',
  `kind IN ('updated', 'verified', 'contact_joined', 'contact_left', 'handed_over')`,
)
export class OrganisationEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column('text')
  kind!: OrganisationEventKind;

  /** Who did it; null once their account is deleted. */
  @Column('uuid', { nullable: true })
  actorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @Column('boolean', { default: false })
  byStaff!: boolean;

  /** updated: field → {from, to}; others: empty. */
  @Column('jsonb', { default: () => `'{}'` })
  changes!: FieldChanges;

  /** updated: whether the change put a verified organisation back to pending. */
  @Column('boolean', { default: false })
  unverified!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
