import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../../auth/user.entity';

export const REPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A free-use evaluation, built by the worker from the rollup and stored whole: figures, method, charts. */
@Entity('evaluation_reports')
@Check('evaluation_reports_status_check', `status IN ('queued', 'running', 'completed', 'failed')`)
@Check('evaluation_reports_locale_check', `locale IN ('nb', 'en')`)
@Check('evaluation_reports_period_check', 'period_to >= period_from')
@Check(
  'evaluation_reports_compare_check',
  '(compare_from IS NULL AND compare_to IS NULL) OR (compare_from IS NOT NULL AND compare_to >= compare_from)',
)
@Check('evaluation_reports_progress_check', 'progress BETWEEN 0 AND 100')
export class EvaluationReport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { default: 'free-use-evaluation' })
  kind!: string;

  @Column('text', { default: 'queued' })
  status!: ReportStatus;

  @Column('integer', { default: 0 })
  progress!: number;

  /** Language of the method text, chart labels and CSV headings. */
  @Column('text', { default: 'nb' })
  locale!: 'nb' | 'en';

  @Column('date')
  periodFrom!: string;

  @Column('date')
  periodTo!: string;

  @Column('date', { nullable: true })
  compareFrom!: string | null;

  @Column('date', { nullable: true })
  compareTo!: string | null;

  @Column('uuid', { nullable: true })
  requestedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by' })
  requester?: User;

  @Column('uuid', { nullable: true })
  jobId!: string | null;

  /**
   * Figures per period, changes, breakdowns and the method (EvaluationResultView). json, not jsonb: a
   * document kept whole and never queried into, answered with its fields in the order they were written.
   */
  @Column('json', { nullable: true })
  result!: object | null;

  /** SVG text by chart name. */
  @Column('json', { nullable: true })
  charts!: Record<string, string> | null;

  @Column('text', { nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;
}
