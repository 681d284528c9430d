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
import { User } from './user.entity';

export const SESSION_KINDS = ['token', 'browser'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/**
 * One sign-in: a bearer token (POST /auth/login) or a browser session (POST /auth/session). The JWT
 * carries the id as `sid`; a token is good only while its row is neither revoked nor expired, so one
 * token (logout), all others (password change) or all of a user's (deactivation) end at once.
 */
@Entity('sessions')
@Index('sessions_user_id_idx', ['userId'])
@Check('sessions_kind_check', `kind IN ('token', 'browser')`)
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('text')
  kind!: SessionKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  /** The OpenID provider the browser signed in with, for ending its session there too at sign-out. */
  @Column('text', { nullable: true })
  oidcProvider!: string | null;

  /**
   * The provider's ID token (id_token_hint for its sign-out), sealed with AES-GCM under a key derived from
   * the JWT secret: it may carry personal data (ID-porten's pid). Wiped when the session ends.
   */
  @Column('text', { nullable: true })
  oidcIdTokenSealed!: string | null;

  /** Refreshed at most every few minutes, so a request costs no write. */
  @Column('timestamptz', { default: () => 'now()' })
  lastSeenAt!: Date;
}
