import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { QueryBoolean } from '../../common/http/transforms';
import { REQUEST_STATUSES, RequestStatus } from '../../booking-records/booking-request.entity';

export const REQUEST_SORTS = ['created', 'firstDate'] as const;

export class BookingRequestQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;

  @ApiPropertyOptional({
    description: 'Only requests with dates still to decide (submitted or in_review); the inbox',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  pending?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Requests for a room in this building' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  seasonId?: string;

  @ApiPropertyOptional({
    enum: REQUEST_SORTS,
    default: 'created',
    description: 'created: newest first; firstDate: by the first date still pending (else the first date)',
  })
  @IsOptional()
  @IsIn(REQUEST_SORTS)
  sort?: (typeof REQUEST_SORTS)[number];
}
