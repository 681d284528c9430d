import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DateField, NotBefore } from '../../common/http/field-types';
import { PageQuery } from '../../common/http/pagination';
import { Optional } from '../../common/http/transforms';
import { Locale, LOCALES } from '../csv';
import { REPORT_STATUSES, ReportStatus } from '../entities/evaluation-report.entity';
import { UsageRowView } from './usage.dto';

export class CreateEvaluationDto {
  @DateField({ example: '2026-01-01', description: 'First local date of the period evaluated' })
  from!: string;

  @DateField({ example: '2026-12-31', description: 'Last local date; at most 3 years after from' })
  @NotBefore('from')
  to!: string;

  @DateField({
    optional: true,
    example: '2025-01-01',
    description: 'First date of a period to compare with (give compareTo too)',
  })
  compareFrom?: string;

  @DateField({ optional: true, example: '2025-12-31', description: 'Last date of the comparison period' })
  @NotBefore('compareFrom')
  compareTo?: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'nb', description: 'Language of method, charts and CSV' })
  @Optional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class ReportAcceptedView {
  @ApiProperty({ format: 'uuid', description: 'Follow it at GET /reports/{id}' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The job building it, at GET /jobs/{jobId}' }) jobId!: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
}

export class HeadlineView {
  @ApiProperty() days!: number;
  @ApiProperty({ description: 'Booked hours recorded as used' }) usedHours!: number;
  @ApiProperty() bookedHours!: number;
  @ApiProperty() noShowHours!: number;
  @ApiProperty({ description: 'Booked hours without attendance recorded (future ones included)' })
  unrecordedHours!: number;
  @ApiProperty() cancelledLateHours!: number;
  @ApiProperty() cancelledInTimeHours!: number;
  @ApiProperty() occurrences!: number;
  @ApiProperty({ description: 'Organisations with at least one approved occurrence' })
  organisationsReached!: number;
  @ApiProperty() participants!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Of booked hours, 0–1' })
  childrenAndYouthShare!: number | null;
  @ApiProperty() listOre!: number;
  @ApiProperty({ description: 'Value of waived rent and fees' }) waivedOre!: number;
  @ApiProperty({ description: 'Income charged' }) chargedOre!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'No-show ÷ (used + no-show) hours' })
  noShowRate!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '(used + no-show) ÷ booked hours' })
  attendanceRecordedShare!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Booked ÷ open hours, all rooms' })
  utilisation!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Booked ÷ open hours of rooms in school buildings, outside weekdays 08–16',
  })
  schoolUtilisationOutsideSchoolHours!: number | null;
}

export class PeriodFiguresView {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: HeadlineView }) headline!: HeadlineView;
}

export class ChangeView {
  @ApiProperty({ nullable: true, type: Number }) current!: number | null;
  @ApiProperty({ nullable: true, type: Number }) comparison!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'current − comparison' })
  difference!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'difference ÷ comparison (null from 0)' })
  relative!: number | null;
}

export class BreakdownView {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: UsageRowView }) current!: UsageRowView;
  @ApiProperty({ type: UsageRowView, nullable: true }) comparison!: UsageRowView | null;
}

export const CHART_UNITS = ['hours', 'ore', 'share'] as const;
export type ChartUnit = (typeof CHART_UNITS)[number];

export class ChartTableRowView {
  @ApiProperty({ example: 'februar 2026' }) label!: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'number', nullable: true },
    description: 'One per column; null where there is nothing to measure (a closed hour)',
  })
  values!: (number | null)[];
}

/** The figures a chart draws, as a table: the chart's text alternative. */
export class ChartTableView {
  @ApiProperty({
    enum: CHART_UNITS,
    description: 'Of every value: hours; ore (integer øre, drawn as kroner); share (0–1)',
  })
  unit!: ChartUnit;
  @ApiProperty({ example: 'Måned', description: 'What each row is (in the report’s language)' })
  rowHeading!: string;
  @ApiProperty({
    type: [String],
    example: ['Frivillig lag', 'Idrettslag'],
    description: 'What each column is',
  })
  columns!: string[];
  @ApiProperty({ type: [ChartTableRowView] }) rows!: ChartTableRowView[];
}

export class ChartRefView {
  @ApiProperty({ example: 'hours-by-month' }) name!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: '/reports/…/charts/hours-by-month.svg' }) url!: string;
  @ApiProperty({
    type: ChartTableView,
    nullable: true,
    description: 'The figures the chart draws, as a table; null in reports built before tables were kept',
  })
  table!: ChartTableView | null;
}

export class MethodNoteView {
  @ApiProperty({ example: 'used' }) topic!: string;
  @ApiProperty() text!: string;
}

export class EvaluationResultView {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: PeriodFiguresView }) current!: PeriodFiguresView;
  @ApiProperty({ type: PeriodFiguresView, nullable: true }) comparison!: PeriodFiguresView | null;
  @ApiProperty({
    nullable: true,
    description: 'Per headline figure (days excepted): ChangeView; null without a comparison period',
    additionalProperties: { $ref: '#/components/schemas/ChangeView' },
  })
  changes!: Record<string, ChangeView> | null;
  @ApiProperty({ type: [BreakdownView] }) byBuilding!: BreakdownView[];
  @ApiProperty({ type: [BreakdownView] }) byOrganisationKind!: BreakdownView[];
  @ApiProperty({ type: [ChartRefView] }) charts!: ChartRefView[];
  @ApiProperty({ type: [MethodNoteView], description: 'What counts as what, and how values are computed' })
  method!: MethodNoteView[];
}

export class ReportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'free-use-evaluation' }) kind!: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({ description: '0–100' }) progress!: number;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) compareFrom!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) compareTo!: string | null;
  @ApiProperty({ enum: LOCALES }) locale!: Locale;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt!: string | null;
  @ApiPropertyOptional({ description: 'Why it failed' }) error?: string;
  @ApiPropertyOptional({ type: EvaluationResultView, description: 'Once completed' })
  result?: EvaluationResultView;
}

export class ReportListQuery extends PageQuery {}
