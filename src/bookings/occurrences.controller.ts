import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { IdParam } from '../common/http/id-param';
import { OccurrenceChangesService } from './occurrence-changes.service';
import { MoveDto, ReasonDto } from './dto/booking-request.dto';
import { OccurrenceView } from './dto/views';

@ApiTags('bookings')
@Controller('occurrences')
export class OccurrencesController {
  constructor(private readonly changes: OccurrenceChangesService) {}

  @Post(':id/cancel')
  @Roles('applicant', 'staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel an approved occurrence and free the slot (late when close to the start)' })
  @ApiOkResponse({ type: OccurrenceView })
  @ApiErrors('INVALID_STATE')
  cancel(
    @IdParam() id: string,
    @Body() dto: ReasonDto,
    @CurrentUser() user: AuthUser,
  ): Promise<OccurrenceView> {
    return this.changes.cancel(id, dto.reason, user);
  }

  @Post(':id/move')
  @Roles('staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move an occurrence; checked and priced like a new one' })
  @ApiOkResponse({ type: OccurrenceView })
  @ApiErrors(
    'INVALID_TIME_RANGE',
    'TOO_LONG',
    'IN_THE_PAST',
    'OVER_CAPACITY',
    'INVALID_STATE',
    'BOOKING_CONFLICT',
    'STALE_VIEW',
    'BEYOND_BOOKING_HORIZON',
  )
  move(@IdParam() id: string, @Body() dto: MoveDto, @CurrentUser() user: AuthUser): Promise<OccurrenceView> {
    return this.changes.move(id, dto, user);
  }
}
