import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../common/auth/roles';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Always stored lower-case; unique. */
  @Index('users_email_key', { unique: true })
  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  phone!: string | null;

  /** Null for an account made at an OpenID sign-in: no password works until one is set by a reset. */
  @Column('text', { nullable: true })
  passwordHash!: string | null;

  @Column('text', { array: true })
  roles!: Role[];

  @Column('text', { default: 'nb' })
  locale!: 'nb' | 'en';

  /** When the user followed the confirmation link mailed to `email`; unconfirmed accounts still work. */
  @Column('timestamptz', { nullable: true })
  emailConfirmedAt!: Date | null;
  /** A deactivated user cannot sign in; deactivating ends every session at once. */
  @Column('boolean', { default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
