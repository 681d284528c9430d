import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Optional, Trim } from '../../common/http/transforms';
import { AGE_GROUPS, AgeGroup, ORGANISATION_KINDS, OrganisationKind } from '../../core/domain';
import type { SeasonPolicy } from '../season-policy';

const ListOf = (values: readonly string[], description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ enum: values, isArray: true, description }),
    Optional(),
    IsArray(),
    ArrayMaxSize(10),
    IsIn(values, { each: true }),
  );

const Flag = (description: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ type: Boolean, description }), Optional(), IsBoolean());

/** Every condition given must hold for an application to fall in the tier. */
export class TierConditionsDto {
  @ListOf(ORGANISATION_KINDS, 'The organisation is of one of these kinds')
  organisationKinds?: OrganisationKind[];

  @Flag("The organisation's municipality is the home municipality")
  requireLocal?: boolean;

  @Flag('The organisation is registered in Frivillighetsregisteret')
  requireFrivillighetsregisteret?: boolean;

  @ListOf(AGE_GROUPS, 'The activity is for one of these age groups')
  ageGroups?: AgeGroup[];
}

export class PolicyTierDto {
  @ApiProperty({ example: 'Barn og unge i lokale frivillige organisasjoner' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ type: TierConditionsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TierConditionsDto)
  conditions!: TierConditionsDto;
}

const Weight = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ type: Number, minimum: 0, maximum: 1000, description }),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(0),
    Max(1000),
  );

export class PolicyWeightsDto {
  @Weight('Score for granting the slot the organisation held last season')
  keepPrevious!: number;

  @Weight('Score lost per step down the preference list')
  preferenceRank!: number;

  @Weight('Score lost per weekly hour the organisation already holds in the period')
  fairness!: number;
}

export class PolicyDto implements SeasonPolicy {
  @ApiProperty({
    type: [PolicyTierDto],
    description: 'Highest priority first; an application falls in the first tier whose conditions hold',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => PolicyTierDto)
  tiers!: PolicyTierDto[];

  @ApiProperty({ type: PolicyWeightsDto, description: 'Within a tier, once its hours are maximised' })
  @IsObject()
  @ValidateNested()
  @Type(() => PolicyWeightsDto)
  weights!: PolicyWeightsDto;

  @ApiProperty({ minimum: 1, maximum: 300, example: 30, description: 'Time limit of one allocation run' })
  @IsInt()
  @Min(1)
  @Max(300)
  timeLimitSeconds!: number;
}

export class PolicyView extends PolicyDto {}
