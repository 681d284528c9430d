import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { BookingRequestView } from '../../bookings/dto/views';
import { PageQuery } from '../../common/http/pagination';
import { Optional, Trim } from '../../common/http/transforms';
import { AGE_GROUPS, AgeGroup } from '../../core/domain';
import { Preference, SeasonPreferenceDto } from './preference.dto';

/** A season application as POST /booking-requests takes it (the season form of the body). */
export interface SeasonApplicationInput {
  organisationId: string;
  title: string;
  purpose?: string | null;
  ageGroup: AgeGroup;
  expectedParticipants: number;
  chargesEntranceFee?: boolean;
  seasonId: string;
  preferences: Preference[];
  sessionsPerWeek?: number;
}

export class UpdateApplicationDto {
  @ApiPropertyOptional({ example: 'Håndballtrening J12' })
  @Optional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  purpose?: string | null;

  @ApiPropertyOptional({ enum: AGE_GROUPS })
  @Optional()
  @IsIn(AGE_GROUPS)
  ageGroup?: AgeGroup;

  @ApiPropertyOptional({ minimum: 1, example: 20 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  expectedParticipants?: number;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  chargesEntranceFee?: boolean;

  @ApiPropertyOptional({
    type: [SeasonPreferenceDto],
    description: 'Replaces the alternatives; first = most wanted',
  })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => SeasonPreferenceDto)
  preferences?: SeasonPreferenceDto[];

  @ApiPropertyOptional({ minimum: 1, maximum: 7 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(7)
  sessionsPerWeek?: number;
}

export class WithdrawApplicationDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ApplicationQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class SeasonApplicationView extends BookingRequestView {
  @ApiProperty({ format: 'uuid' }) seasonId!: string;
  @ApiProperty({ type: [SeasonPreferenceDto] }) preferences!: Preference[];
  @ApiProperty() sessionsPerWeek!: number;
}
