import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { DateField, NotBefore } from '../../common/http/field-types';
import { Optional } from '../../common/http/transforms';
import { ORGANISATION_KINDS, OrganisationKind, ROOM_KINDS, RoomKind } from '../../core/domain';
import { Locale, LOCALES } from '../csv';
import { GROUP_BYS, GroupBy } from '../usage-queries';

export class RollupDto {
  @DateField({ example: '2026-01-01', description: 'First local date recomputed' })
  from!: string;

  @DateField({ example: '2026-12-31', description: 'Last local date recomputed; at most 3 years after from' })
  @NotBefore('from')
  to!: string;
}

export class UsageQuery {
  @DateField({ example: '2026-01-01', description: 'First local date counted' })
  from!: string;

  @DateField({ example: '2026-12-31', description: 'Last local date counted; at most 3 years after from' })
  @NotBefore('from')
  to!: string;

  @ApiProperty({ enum: GROUP_BYS })
  @IsIn(GROUP_BYS)
  groupBy!: GroupBy;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only rooms of this building' })
  @Optional()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional({ enum: ROOM_KINDS, description: 'Only rooms of this kind' })
  @Optional()
  @IsIn(ROOM_KINDS)
  roomKind?: RoomKind;

  @ApiPropertyOptional({
    enum: ORGANISATION_KINDS,
    description: 'Only bookings of organisations of this kind (open hours are not filtered)',
  })
  @Optional()
  @IsIn(ORGANISATION_KINDS)
  organisationKind?: OrganisationKind;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv, or send Accept: text/csv' })
  @Optional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({
    enum: LOCALES,
    default: 'nb',
    description: 'Labels and CSV: nb (semicolons, decimal comma) or en (commas, decimal point)',
  })
  @Optional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ minimum: 1, maximum: 10_000, description: 'Rows to answer (default all)' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

export class UsageRowView {
  @ApiProperty({
    description:
      'Building, room, organisation or rule id ("none": no rule); organisation kind; age group; ' +
      'month YYYY-MM; ISO weekday 1–7 (Monday 1); "all" for the overall row',
  })
  key!: string;
  @ApiProperty({ description: 'A readable name for the key, in the locale asked for' }) label!: string;
  @ApiProperty({ description: 'Approved occurrences starting in the period' }) occurrences!: number;
  @ApiProperty({ description: 'Hours of approved occurrences (real elapsed hours)' }) bookedHours!: number;
  @ApiProperty({ description: 'Booked hours recorded as used' }) usedHours!: number;
  @ApiProperty({ description: 'Booked hours recorded as no-show' }) noShowHours!: number;
  @ApiProperty() cancelledLateHours!: number;
  @ApiProperty() cancelledInTimeHours!: number;
  @ApiProperty({ description: 'Open hours: opening hours minus closures and holidays (see utilisation)' })
  openHours!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Booked ÷ open hours, 0–1 (null without open hours). Rooms split into sections count in ' +
      'sections; groupings that are not places (organisation kind, age group, rule, organisation) ' +
      'are measured against all open hours in scope',
  })
  utilisation!: number | null;
  @ApiProperty({ description: 'Organisations with booked hours' }) organisations!: number;
  @ApiProperty({ description: 'Participants reported on used occurrences' }) participants!: number;
  @ApiProperty() listOre!: number;
  @ApiProperty() waivedOre!: number;
  @ApiProperty() chargedOre!: number;
}

export class CoverageView {
  @ApiProperty({ description: 'Days in the period' }) days!: number;
  @ApiProperty({ description: 'Days the rollup has computed' }) computedDays!: number;
  @ApiProperty({ description: 'Past days changed since, waiting for the nightly recompute' })
  staleDays!: number;
}

export class UsageAnswer {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ enum: GROUP_BYS }) groupBy!: GroupBy;
  @ApiProperty({ type: [UsageRowView] }) items!: UsageRowView[];
  @ApiProperty({ description: 'Groups in all (before limit and offset)' }) total!: number;
  @ApiProperty({ type: UsageRowView, description: 'The whole period in scope, key "all"' })
  overall!: UsageRowView;
  @ApiProperty({ type: CoverageView }) coverage!: CoverageView;
}
