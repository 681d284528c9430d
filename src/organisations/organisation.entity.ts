import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganisationKind } from '../core/domain';
import type { RegisterFacts } from '../core/register';

export type OrganisationStatus = 'pending' | 'verified';
/** Whether the facts were checked against Enhetsregisteret, or stored as claimed while it was down. */
export type RegisterStatus = 'unchecked' | 'checked';

@Entity('organisations')
@Check('organisations_org_number_check', `org_number ~ '^[0-9]{9}$'`)
@Check(
  'organisations_municipality_check',
  `municipality_number IS NULL OR municipality_number ~ '^[0-9]{4}$'`,
)
@Check(
  'organisations_members_check',
  'members_under25 IS NULL OR members_total IS NULL OR members_under25 <= members_total',
)
@Check('organisations_status_check', `status IN ('pending', 'verified')`)
@Check('organisations_register_status_check', `register_status IN ('unchecked', 'checked')`)
@Check(
  'organisations_kind_check',
  `kind IN ('voluntary', 'sports', 'study_association', 'public', 'commercial', 'private')`,
)
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('organisations_org_number_key', { unique: true })
  @Column('text')
  orgNumber!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: OrganisationKind;

  @Column('boolean')
  inFrivillighetsregisteret!: boolean;

  @Column('text', { nullable: true })
  municipalityNumber!: string | null;

  /** The organisation's own address for mail; never shown publicly. */
  @Column('text')
  email!: string;

  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('text', { nullable: true })
  website!: string | null;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('integer', { nullable: true })
  membersTotal!: number | null;

  @Column('integer', { nullable: true, name: 'members_under25' })
  membersUnder25!: number | null;

  @Column('text', { default: 'pending' })
  status!: OrganisationStatus;

  @Column('timestamptz', { nullable: true })
  verifiedAt!: Date | null;

  @Index('organisations_unchecked_idx', { where: `register_status = 'unchecked'` })
  @Column('text', { default: 'unchecked' })
  registerStatus!: RegisterStatus;

  @Column('timestamptz', { nullable: true })
  registerCheckedAt!: Date | null;

  /** Enhetsregisteret's facts at the last check (null: unchecked, or the register did not know it). */
  @Column('jsonb', { nullable: true })
  registerFacts!: RegisterFacts | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
