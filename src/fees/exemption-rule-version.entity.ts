import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../auth/user.entity';
import type { RuleConditions, RuleEffect } from '../core/pricing';

/**
 * One version of an exemption rule. Versions are never changed or deleted: an edit adds the next one,
 * so an occurrence's (ruleId, ruleVersion) keeps naming the rule exactly as it priced it. The current
 * version of a rule is its highest.
 */
@Entity('exemption_rule_versions')
@Check('exemption_rule_versions_version_check', 'version >= 1')
@Check('exemption_rule_versions_validity_check', 'valid_to IS NULL OR valid_to >= valid_from')
export class ExemptionRuleVersion {
  @PrimaryColumn('uuid')
  ruleId!: string;

  @PrimaryColumn('integer')
  version!: number;

  @Column('text')
  name!: string;

  @Column('integer')
  priority!: number;

  /** 'YYYY-MM-DD', inclusive. */
  @Column('date')
  validFrom!: string;

  /** 'YYYY-MM-DD', inclusive; null: open-ended. */
  @Column('date', { nullable: true })
  validTo!: string | null;

  @Column('jsonb')
  conditions!: RuleConditions;

  @Column('jsonb')
  effect!: RuleEffect;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: User;
}
