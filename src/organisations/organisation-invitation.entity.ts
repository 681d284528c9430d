import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../auth/user.entity';
import { Organisation } from './organisation.entity';

/**
 * An invitation to become a contact of an organisation, mailed as a single-use link. Only a hash of the
 * link's token is stored, so the table cannot be used to accept an invitation.
 */
@Entity('organisation_invitations')
@Index('organisation_invitations_org_idx', ['organisationId'])
export class OrganisationInvitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  /** The address as typed (lower-cased): the only thing the organisation's view shows of it. */
  @Column('text')
  email!: string;

  /** SHA-256 of the token, hex. */
  @Index('organisation_invitations_token_hash_key', { unique: true })
  @Column('text')
  tokenHash!: string;

  @Column('uuid', { nullable: true })
  invitedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by' })
  inviter?: User;

  /** Staff handing the organisation over: on acceptance the other contacts are removed. */
  @Column('boolean', { default: false })
  handOver!: boolean;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  acceptedAt!: Date | null;

  @Column('uuid', { nullable: true })
  acceptedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_by' })
  acceptor?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
