import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from './user.entity';

/** A mailed link that confirms a user's address; only a hash of its token is stored. */
@Entity('email_confirmations')
@Index('email_confirmations_user_idx', ['userId'])
export class EmailConfirmation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The address the link was sent to: a link for an old address does not confirm a new one. */
  @Column('text')
  email!: string;

  @Index('email_confirmations_token_hash_key', { unique: true })
  @Column('text')
  tokenHash!: string;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
