import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One failed sign-in, kept a short while so repeated failures can be slowed down. */
@Entity('login_failures')
@Index('login_failures_email_at_idx', ['email', 'at'])
@Index('login_failures_address_at_idx', ['address', 'at'])
export class LoginFailure {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  address!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
