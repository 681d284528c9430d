import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DateField, NotBefore } from '../../common/http/field-types';
import { PageQuery } from '../../common/http/pagination';
import { Optional, Trim } from '../../common/http/transforms';
import {
  AGE_GROUPS,
  AgeGroup,
  BUILDING_KINDS,
  BuildingKind,
  ORGANISATION_KINDS,
  OrganisationKind,
  ROOM_KINDS,
  RoomKind,
  Weekday,
} from '../../core/domain';
import { CHARGE_KINDS, ChargeKind } from '../../core/pricing';

/*
 * The DTOs check shapes and vocabularies; what makes a rule meaningful (ranges, empty or repeated list
 * items, end before start) is validateRule's in the pricing core, answered as 400 INVALID_RULE.
 */

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** An optional list of values from a vocabulary (left out: any). */
const ListOf = (values: readonly (string | number)[], description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ enum: values, isArray: true, description }),
    Optional(),
    IsArray(),
    ArrayMaxSize(20),
    IsIn(values, { each: true }),
  );

const ClockCondition = (description: string, example: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: String, pattern: CLOCK.source, example, description }),
    Optional(),
    IsString(),
    Matches(CLOCK, { message: '$property must be a time HH:MM' }),
  );

const Flag = (description: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ type: Boolean, description }), Optional(), IsBoolean());

/** Every condition given must hold for the rule to apply; a condition left out holds always. */
export class RuleConditionsDto {
  @ListOf(ORGANISATION_KINDS, 'The organisation is of one of these kinds')
  organisationKinds?: OrganisationKind[];

  @Flag('The organisation is registered in Frivillighetsregisteret')
  requireFrivillighetsregisteret?: boolean;

  @Flag("The organisation's municipality is the home municipality")
  requireLocal?: boolean;

  @ListOf(AGE_GROUPS, 'The activity is for one of these age groups')
  ageGroups?: AgeGroup[];

  @ListOf(BUILDING_KINDS, 'The room is in a building of one of these kinds')
  buildingKinds?: BuildingKind[];

  @ListOf(ROOM_KINDS, 'The room is of one of these kinds')
  roomKinds?: RoomKind[];

  @ListOf([1, 2, 3, 4, 5, 6, 7], 'The booking starts on one of these ISO weekdays (Monday 1), Oslo time')
  weekdays?: Weekday[];

  @ClockCondition('The booking starts at or after this Oslo time', '08:00')
  startsNotBefore?: string;

  @ClockCondition(
    "The booking ends at or before this Oslo time on its start date ('24:00': midnight)",
    '22:00',
  )
  endsNotAfter?: string;

  @Flag('The rule does not apply to activities that charge entrance')
  excludeEntranceFee?: boolean;
}

export class RuleEffectDto {
  @ApiProperty({ type: Number, minimum: 0, maximum: 100, example: 100, description: 'Whole percent waived' })
  @IsInt()
  waivePercent!: number;

  @ApiPropertyOptional({
    enum: CHARGE_KINDS,
    isArray: true,
    default: ['rent'],
    description: 'Which fee lines the waiver applies to',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(CHARGE_KINDS, { each: true })
  waives?: ChargeKind[];
}

const PRIORITY_DOC =
  'Higher wins. Rules may share a priority: among matching rules of equal priority the larger ' +
  'waivePercent wins (the most favourable to the organisation), then the smaller rule id, so the ' +
  'outcome never depends on the order rules were made in.';

export class CreateRuleDto {
  @ApiProperty({ example: 'Gratis for lokale barne- og ungdomslag i skolelokaler' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    type: Number,
    minimum: -1_000_000,
    maximum: 1_000_000,
    example: 100,
    description: PRIORITY_DOC,
  })
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  priority!: number;

  @DateField({
    example: '2026-01-01',
    description: 'First day the rule applies (by the booking’s Oslo start date)',
  })
  validFrom!: string;

  @DateField({ optional: true, nullable: true })
  @NotBefore('validFrom')
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Last day the rule applies; null or left out: open-ended',
  })
  validTo?: string | null;

  @ApiProperty({ type: RuleConditionsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RuleConditionsDto)
  conditions!: RuleConditionsDto;

  @ApiProperty({ type: RuleEffectDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RuleEffectDto)
  effect!: RuleEffectDto;
}

/** Any of the fields; conditions and effect, when given, replace the current ones as a whole. */
export class UpdateRuleDto {
  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: Number, minimum: -1_000_000, maximum: 1_000_000, description: PRIORITY_DOC })
  @Optional()
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  priority?: number;

  // null reaches the rule check, which refuses it as INVALID_RULE like any unusable rule.
  @DateField({ optional: true, nullable: true })
  validFrom?: string;

  @DateField({ optional: true, nullable: true })
  @NotBefore('validFrom')
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'null makes the rule open-ended',
  })
  validTo?: string | null;

  @ApiPropertyOptional({ type: RuleConditionsDto, description: 'Replaces all conditions' })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => RuleConditionsDto)
  conditions?: RuleConditionsDto;

  @ApiPropertyOptional({ type: RuleEffectDto, description: 'Replaces the effect' })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => RuleEffectDto)
  effect?: RuleEffectDto;
}

export class RuleQuery extends PageQuery {
  @DateField({ optional: true, description: 'Only rules valid on this date' })
  validOn?: string;
}

export class RuleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Starts at 1; each edit adds one' }) version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: PRIORITY_DOC }) priority!: number;
  @ApiProperty({ format: 'date' }) validFrom!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) validTo!: string | null;
  @ApiProperty({ type: RuleConditionsDto }) conditions!: RuleConditionsDto;
  @ApiProperty({ type: RuleEffectDto }) effect!: RuleEffectDto;
  @ApiProperty({ format: 'date-time', description: 'When this version was made' }) createdAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Who made this version' })
  createdBy!: string | null;
}

export class RuleDetailView extends RuleView {
  @ApiProperty({ type: [RuleView], description: 'Every version, oldest first; the last is this one' })
  versions!: RuleView[];
}
