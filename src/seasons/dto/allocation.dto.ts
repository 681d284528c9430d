import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Optional } from '../../common/http/transforms';

export class PinDto {
  @ApiProperty({ format: 'uuid', description: 'The application (booking request)' })
  @IsUUID()
  requestId!: string;

  @ApiProperty({ minimum: 0, maximum: 9, description: 'Which alternative, 0-based (0 = most wanted)' })
  @IsInt()
  @Min(0)
  @Max(9)
  preferenceIndex!: number;
}

export class PinsDto {
  @ApiProperty({ type: [PinDto], description: 'Replaces every pin; [] removes them all' })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => PinDto)
  pins!: PinDto[];
}

export class MoveAssignmentDto {
  @ApiProperty({ minimum: 0, maximum: 9, description: 'The alternative to grant instead, 0-based' })
  @IsInt()
  @Min(0)
  @Max(9)
  preferenceIndex!: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 9,
    description:
      'The granted alternative it replaces; needed only when the application has several sessions granted',
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(9)
  fromPreferenceIndex?: number;
}

export class CommitDto {
  @ApiPropertyOptional({
    default: false,
    description:
      'Dates an approved booking outside the season already holds are skipped and recorded, instead of ' +
      'refusing the commit with 409 BOOKING_CONFLICT',
  })
  @Optional()
  @IsBoolean()
  skipBookedDates?: boolean;
}

export class SkippedDateView {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: ['closure', 'holiday', 'outside_opening_hours', 'past', 'no_such_time', 'booked'] })
  reason!: string;
  @ApiPropertyOptional({ description: "The closure's reason or the holiday's name" }) detail?: string;
}

export class AssignmentView {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ description: '0-based index of the granted alternative' }) preferenceIndex!: number;
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty({ minimum: 1, maximum: 7 }) weekday!: number;
  @ApiProperty({ example: '18:00' }) startTime!: string;
  @ApiProperty({ example: '19:30' }) endTime!: string;
  @ApiProperty() explanation!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() tier!: number;
  @ApiProperty() roomName!: string;
  @ApiProperty() buildingName!: string;
  @ApiProperty({ description: 'Staff fixed it: re-runs keep it' }) pinned!: boolean;
  @ApiProperty({ description: 'Dates it gives over the season' }) occurrences!: number;
  @ApiProperty({ type: [SkippedDateView] }) skippedDates!: SkippedDateView[];
}

export class UnassignedView {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty() explanation!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() tier!: number;
}

export class TierHoursView {
  @ApiProperty() tier!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Weekly hours granted' }) hours!: number;
  @ApiProperty({ description: "Upper bound on the tier's weekly hours, given the higher tiers'" })
  boundHours!: number;
  @ApiProperty({ description: 'What the greedy fallback would grant: the floor the solver beats' })
  greedyHours!: number;
}

export class AllocationView {
  @ApiProperty({ format: 'uuid' }) seasonId!: string;
  @ApiProperty({
    enum: ['none', 'queued', 'running', 'failed', 'optimal', 'time_limit', 'greedy'],
    description: 'The run in hand, or how the proposal was solved (none: pins set, never run)',
  })
  status!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The weighted score within the tiers' })
  objective!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'An upper bound on the objective' })
  bound!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Relative gap; 0 when proven optimal' })
  gap!: number | null;
  @ApiProperty({ type: [AssignmentView] }) assignments!: AssignmentView[];
  @ApiProperty({ type: [UnassignedView] }) unassigned!: UnassignedView[];
  @ApiProperty({ nullable: true, type: String }) jobId!: string | null;
  @ApiProperty({ type: [PinDto] }) pins!: PinDto[];
  @ApiProperty({ description: 'The season, its applications or the pins changed since: run it again' })
  stale!: boolean;
  @ApiProperty({ description: 'Committed: the occurrences exist' }) committed!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) computedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) editedAt!: string | null;
  @ApiProperty({ type: [TierHoursView] }) tiers!: TierHoursView[];
  @ApiPropertyOptional() components?: number;
  @ApiPropertyOptional() componentsOptimal?: number;
  @ApiPropertyOptional() solveMs?: number;
  @ApiPropertyOptional() solverError?: string;
  @ApiPropertyOptional({ description: 'Why the last run failed' }) failure?: unknown;
}

export class CommitRequestView {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ enum: ['approved', 'rejected'] }) status!: string;
  @ApiProperty() occurrences!: number;
  @ApiProperty({ type: [SkippedDateView] }) skippedDates!: SkippedDateView[];
}

export class CommitView {
  @ApiProperty({ format: 'uuid' }) seasonId!: string;
  @ApiProperty({ format: 'date-time' }) committedAt!: string;
  @ApiProperty() requestsApproved!: number;
  @ApiProperty() requestsRejected!: number;
  @ApiProperty() occurrencesCreated!: number;
  @ApiProperty() datesSkipped!: number;
  @ApiProperty({ description: 'season_result messages written to the outbox' }) messages!: number;
  @ApiProperty({ type: [CommitRequestView] }) requests!: CommitRequestView[];
}
