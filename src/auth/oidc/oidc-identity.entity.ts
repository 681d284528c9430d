import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../user.entity';

/**
 * A user's account at an OpenID provider: the provider's `sub` is the link, never an e-mail or a national
 * identity number (ID-porten's `pid` is not stored at all).
 */
@Entity('oidc_identities')
@Index('oidc_identities_provider_subject_key', ['provider', 'subject'], { unique: true })
@Index('oidc_identities_user_id_idx', ['userId'])
export class OidcIdentity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The provider's name in OIDC_PROVIDERS (idporten, entra, …). */
  @Column('text')
  provider!: string;

  /** The ID token's `sub`: stable for the person at that provider (and, at ID-porten, per client). */
  @Column('text')
  subject!: string;

  @Column('uuid')
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  lastSignInAt!: Date;
}
