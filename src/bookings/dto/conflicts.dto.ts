import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { InstantField, NotBefore } from '../../common/http/field-types';
import { PageQuery } from '../../common/http/pagination';

export class OpenConflictsQuery extends PageQuery {
  @InstantField({ optional: true, plainDate: true, description: 'Default now' })
  from?: Date;

  @InstantField({ optional: true, plainDate: true, description: 'Default a year after from' })
  @NotBefore('from')
  to?: Date;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;
}

export class CompetingOccurrenceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty() roomName!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ description: "The request's version, to send as expectedVersion when deciding" })
  requestVersion!: number;
}

export class BlockerView {
  @ApiProperty({ enum: ['booking', 'closure', 'holiday', 'outside_opening_hours', 'season'] }) kind!: string;
  @ApiProperty({ type: [String], description: 'The pending occurrences of the group that meet it' })
  occurrenceIds!: string[];
  @ApiPropertyOptional({ format: 'uuid', description: 'The approved occurrence in the way' })
  occurrenceId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) closureId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The season holding the time' }) seasonId?: string;
  @ApiPropertyOptional({ format: 'date' }) date?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'The approved booking or the closure: its start' })
  startsAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) endsAt?: string;
  @ApiPropertyOptional({ format: 'uuid', description: "The approved booking's room" }) roomId?: string;
  @ApiPropertyOptional() roomName?: string;
  @ApiPropertyOptional({ description: 'The organisation holding the approved booking' })
  organisationName?: string;
}

export class TimelineRoomView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentRoomId!: string | null;
}

export class ConflictGroupView {
  @ApiProperty({
    type: [CompetingOccurrenceView],
    description: 'Pending occurrences competing for the same time',
  })
  occurrences!: CompetingOccurrenceView[];
  @ApiProperty({ type: [BlockerView], description: 'Approved bookings and venue rules they meet' })
  blockedBy!: BlockerView[];
  @ApiProperty({
    type: [TimelineRoomView],
    description: "The group's timeline: the room of each occurrence and booking, its parent and its sections",
  })
  rooms!: TimelineRoomView[];
}

export class ConflictGroupPage {
  @ApiProperty({ type: [ConflictGroupView] }) items!: ConflictGroupView[];
  @ApiProperty() total!: number;
}
