import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../auth/user.entity';
import { Organisation } from './organisation.entity';

/** A user who acts for an organisation (its contact): applies, sees its requests, gets its mail. */
@Entity('organisation_members')
@Index('organisation_members_user_id_idx', ['userId'])
export class OrganisationMember {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @PrimaryColumn('uuid')
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  addedAt!: Date;
}
