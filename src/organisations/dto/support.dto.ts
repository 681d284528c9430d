import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class SupportQuery {
  @ApiPropertyOptional({
    minimum: 2000,
    maximum: 2100,
    example: 2027,
    description: 'Default: this year in Oslo',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

/** Approved bookings and what they were worth: the list price, what the municipality waived, what was charged. */
export class SupportFiguresView {
  @ApiProperty({ description: 'Approved bookings starting in the period' }) bookings!: number;
  @ApiProperty({ description: 'Hours booked, to one decimal' }) hours!: number;
  @ApiProperty({ description: 'The list price of those hours, øre' }) listOre!: number;
  @ApiProperty({ description: 'What the municipality waived (its support), øre' }) waivedOre!: number;
  @ApiProperty({ description: 'What the organisation was charged, øre' }) chargedOre!: number;
}

export class SupportBuildingView extends SupportFiguresView {
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty() buildingName!: string;
}

export class SupportMonthView extends SupportFiguresView {
  @ApiProperty({ minimum: 1, maximum: 12, description: 'The Oslo month the bookings start in' })
  month!: number;
}

export class SupportCellView extends SupportMonthView {
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
}

export class OrganisationSupportView {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: SupportFiguresView, description: 'The year: the same figures as its public page' })
  total!: SupportFiguresView;
  @ApiProperty({ type: [SupportBuildingView], description: 'Buildings with bookings, by name' })
  byBuilding!: SupportBuildingView[];
  @ApiProperty({ type: [SupportMonthView], description: 'All twelve months, January first' })
  byMonth!: SupportMonthView[];
  @ApiProperty({ type: [SupportCellView], description: 'Building × month, only where there were bookings' })
  cells!: SupportCellView[];
}
