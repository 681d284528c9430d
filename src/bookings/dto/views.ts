import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGE_GROUPS, AgeGroup } from '../../core/domain';
import { REQUEST_STATUSES, RequestStatus } from '../../booking-records/booking-request.entity';
import { OCCURRENCE_STATUSES, OccurrenceStatus } from '../../booking-records/occurrence.entity';

export class ConflictView {
  @ApiProperty({
    enum: ['booking', 'request', 'closure', 'holiday', 'outside_opening_hours', 'self', 'season'],
  })
  kind!: string;
  @ApiPropertyOptional({ format: 'uuid' }) occurrenceId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) requestId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) closureId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) seasonId?: string;
  @ApiPropertyOptional({ format: 'date' }) date?: string;
  @ApiPropertyOptional() reason?: string;
}

export class FeeLineView {
  @ApiProperty({ enum: ['rent', 'fixed', 'caretaker', 'cleaning'] }) kind!: string;
  @ApiProperty() listOre!: number;
  @ApiProperty() waivedOre!: number;
  @ApiProperty() chargedOre!: number;
}

export class FeeView {
  @ApiProperty() listOre!: number;
  @ApiProperty() waivedOre!: number;
  @ApiProperty() chargedOre!: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) ruleId!: string | null;
  @ApiProperty({ nullable: true, type: Number }) ruleVersion!: number | null;
  @ApiProperty({ type: [FeeLineView] }) lines!: FeeLineView[];
  @ApiPropertyOptional({
    description:
      'In brief: a summary, the rule that applied, and the best-ranked rule that nearly did with the condition that failed',
  })
  explanation?: unknown;
}

export class MoneyView {
  @ApiProperty() listOre!: number;
  @ApiProperty() waivedOre!: number;
  @ApiProperty() chargedOre!: number;
}

export class OccurrenceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ enum: OCCURRENCE_STATUSES }) status!: OccurrenceStatus;
  @ApiProperty({
    type: [ConflictView],
    description:
      'For a pending occurrence, what it meets as things stand now (as GET /conflicts); a decided one shows none',
  })
  conflicts!: ConflictView[];
  @ApiProperty({ type: FeeView }) fee!: FeeView;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) cancelledLate!: boolean | null;
}

export class RecurrenceView {
  @ApiProperty() rrule!: string;
  @ApiProperty({ type: [String] }) exdates!: string[];
}

export class BookingRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) roomId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) purpose!: string | null;
  @ApiProperty({ enum: AGE_GROUPS }) ageGroup!: AgeGroup;
  @ApiProperty() expectedParticipants!: number;
  @ApiProperty() chargesEntranceFee!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startsAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endsAt!: string | null;
  @ApiProperty({ type: RecurrenceView, nullable: true }) recurrence!: RecurrenceView | null;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: RequestStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: MoneyView, description: 'Sum over occurrences that are pending or approved' })
  total!: MoneyView;
  @ApiProperty() occurrenceCount!: number;
  @ApiProperty({ description: 'Dates still pending' }) pendingCount!: number;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'The first date still pending, else the first date',
  })
  firstStartsAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) roomName!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) buildingId!: string | null;
  @ApiProperty({ nullable: true, type: String }) buildingName!: string | null;
  @ApiProperty({
    description:
      'The number of changes so far (entries in its history). Send it as expectedVersion when deciding: ' +
      'if the request has changed since, the decision is refused with 409 STALE_VIEW',
  })
  version!: number;
  @ApiPropertyOptional({
    description:
      'In GET /booking-requests: a pending date competes with another request, meets an approved booking, ' +
      'or meets a closure, holiday or opening hours, as things stand now',
  })
  hasConflict?: boolean;
  @ApiPropertyOptional({
    type: [OccurrenceView],
    description: 'In GET /booking-requests/:id and on creation',
  })
  occurrences?: OccurrenceView[];
}

export class RequestStateCounts {
  @ApiProperty() submitted!: number;
  @ApiProperty() in_review!: number;
  @ApiProperty() approved!: number;
  @ApiProperty() partially_approved!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty() withdrawn!: number;
  @ApiProperty() cancelled!: number;
}

export class BookingRequestPage {
  @ApiProperty({ type: [BookingRequestView] }) items!: BookingRequestView[];
  @ApiProperty() total!: number;
  @ApiProperty({
    type: RequestStateCounts,
    description: 'Requests per state under the same filters, status and pending left out',
  })
  counts!: RequestStateCounts;
}

export class HistoryEntryView {
  @ApiProperty() action!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty({ type: [String] }) occurrenceIds!: string[];
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiPropertyOptional() details?: unknown;
}

export class HistoryView {
  @ApiProperty({ type: [HistoryEntryView] }) items!: HistoryEntryView[];
  @ApiProperty() total!: number;
}

export class QuoteOccurrenceView {
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() listOre!: number;
  @ApiProperty() waivedOre!: number;
  @ApiProperty() chargedOre!: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) ruleId!: string | null;
  @ApiProperty({ nullable: true, type: Number }) ruleVersion!: number | null;
  @ApiProperty({ type: [FeeLineView] }) lines!: FeeLineView[];
  @ApiProperty({
    type: [ConflictView],
    description:
      'For a pending occurrence, what it meets as things stand now (as GET /conflicts); a decided one shows none',
  })
  conflicts!: ConflictView[];
  @ApiProperty() explanation!: string;
}

export class QuoteView {
  @ApiProperty({ type: [QuoteOccurrenceView] }) occurrences!: QuoteOccurrenceView[];
  @ApiProperty({ type: MoneyView }) total!: MoneyView;
}
