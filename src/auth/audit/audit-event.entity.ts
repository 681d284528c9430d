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
import { User } from '../user.entity';

export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'password_changed',
  'password_reset_requested',
  'password_reset',
  'user_created',
  'roles_changed',
  'user_deactivated',
  'user_reactivated',
  'oidc_linked',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * What happened to an account: sign-ins (and failed ones), password changes and resets, role changes,
 * deactivations. Never a password, a token or a hash of either; admins read it at GET /admin/audit.
 */
@Entity('audit_events')
@Index('audit_events_user_id_at_idx', ['userId', 'at'])
@Index('audit_events_actor_user_id_at_idx', ['actorUserId', 'at'])
@Index('audit_events_at_idx', ['at'])
@Check('audit_events_action_check', `action IN (${AUDIT_ACTIONS.map((a) => `'${a}'`).join(', ')})`)
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column('text')
  action!: AuditAction;

  /** Whose account it concerns; null for a failed sign-in to an address nobody has. */
  @Column('uuid', { nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** Who did it, when not the user themself (an admin changing roles). */
  @Column('uuid', { nullable: true })
  actorUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_user_id' })
  actor?: User;

  /** The client's address (proxy-aware, see TRUST_PROXY), when the event came over HTTP. */
  @Column('text', { nullable: true })
  address!: string | null;

  /** Small facts: the session kind, why a sign-in failed, the roles before and after. */
  @Column('jsonb', { default: () => `'{}'` })
  details!: Record<string, unknown>;
}
