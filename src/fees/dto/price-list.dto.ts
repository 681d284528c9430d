import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ClockField } from '../../common/http/field-types';
import { Optional } from '../../common/http/transforms';
import { EXTRA_KINDS, ExtraKind } from '../../core/pricing';

/** 1,000,000 kr: far above any real rate, and well inside PostgreSQL's integer. */
export const MAX_ORE = 100_000_000;

/** An amount in øre: a whole number from 0 to MAX_ORE. */
const OreField = (description: string, optional = false): PropertyDecorator => {
  const doc = { minimum: 0, maximum: MAX_ORE, description, type: Number };
  return applyDecorators(
    optional ? ApiPropertyOptional(doc) : ApiProperty(doc),
    ...(optional ? [Optional()] : []),
    IsInt(),
    Min(0),
    Max(MAX_ORE),
  );
};

export class HourlyRatesDto {
  @OreField('Voluntary, sports and study associations, per hour')
  nonprofit!: number;

  @OreField('Public bodies, per hour')
  public!: number;

  @OreField('Businesses, per hour')
  commercial!: number;

  @OreField('Private persons, per hour')
  private!: number;
}

/** A fixed fee by renter category; a category left out pays none. */
export class FixedFeesDto {
  @OreField('Nonprofits', true)
  nonprofit?: number;

  @OreField('Public bodies', true)
  public?: number;

  @OreField('Businesses', true)
  commercial?: number;

  @OreField('Private persons', true)
  private?: number;
}

export class ChargeWindowDto {
  @ApiProperty({ type: [Number], example: [6, 7], description: 'ISO weekdays, Monday 1 … Sunday 7' })
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  weekdays!: number[];

  @ClockField({ example: '08:00', description: 'Europe/Oslo wall time' })
  from!: string;

  @ClockField({ example: '22:00', description: "Europe/Oslo wall time; '24:00' for midnight" })
  to!: string;
}

export class PriceExtraDto {
  @ApiProperty({ enum: EXTRA_KINDS })
  @IsIn(EXTRA_KINDS)
  kind!: ExtraKind;

  @OreField('Per hour of the booking inside the windows')
  hourlyOre!: number;

  @ApiProperty({ type: [ChargeWindowDto], description: 'Weekly windows in which the charge applies' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChargeWindowDto)
  windows!: ChargeWindowDto[];
}

export class PriceListDto {
  @ApiProperty({ type: HourlyRatesDto, description: 'Hourly rent per renter category' })
  @IsObject()
  @ValidateNested()
  @Type(() => HourlyRatesDto)
  hourlyOre!: HourlyRatesDto;

  @ApiPropertyOptional({
    type: FixedFeesDto,
    nullable: true,
    description: 'Charged once on each booking that does not repeat',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FixedFeesDto)
  fixedPerBookingOre?: FixedFeesDto | null;

  @ApiPropertyOptional({
    type: FixedFeesDto,
    nullable: true,
    description: 'Charged once per repeating booking, on its first occurrence',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FixedFeesDto)
  fixedPerSeriesOre?: FixedFeesDto | null;

  @ApiPropertyOptional({
    type: [PriceExtraDto],
    description: 'Caretaker or cleaning charged per hour inside weekly windows',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PriceExtraDto)
  extras?: PriceExtraDto[];
}

export class PriceListView {
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty({ type: HourlyRatesDto }) hourlyOre!: HourlyRatesDto;
  @ApiProperty({ type: FixedFeesDto, nullable: true }) fixedPerBookingOre!: FixedFeesDto | null;
  @ApiProperty({ type: FixedFeesDto, nullable: true }) fixedPerSeriesOre!: FixedFeesDto | null;
  @ApiProperty({ type: [PriceExtraDto] }) extras!: PriceExtraDto[];
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
