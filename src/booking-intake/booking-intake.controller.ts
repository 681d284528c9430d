import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BookingsService } from '../bookings/bookings.service';
import { CreateBookingRequestDto } from '../bookings/dto/booking-request.dto';
import { BookingRequestView } from '../bookings/dto/views';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { ApiErrors } from '../common/errors/api-errors';
import { SeasonApplicationInput } from '../seasons/dto/application.dto';
import { SeasonApplicationsService } from '../seasons/season-applications.service';
import { CreateBookingRequestOrApplicationDto } from './dto/booking-request-or-application.dto';

/**
 * POST /booking-requests takes both forms, a booking of a time and a season application, so it lives
 * above both modules: bookings and seasons then depend on the booking records, not on each other.
 */
@ApiTags('bookings')
@Controller('booking-requests')
export class BookingIntakeController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly seasonApplications: SeasonApplicationsService,
  ) {}

  @Post()
  @Roles('applicant', 'staff')
  @ApiOperation({
    // The contract's name from when this route lived in BookingsController (the web client uses it).
    operationId: 'BookingsController_create',
    summary: 'Ask for a room once or repeating, for a verified organisation you act for (or as staff)',
    description:
      'With seasonId, a season application instead: preferences (ordered alternatives) and sessionsPerWeek ' +
      'in place of roomId, startsAt, endsAt and recurrence; taken while the round is open (409 SEASON_CLOSED).',
  })
  @ApiCreatedResponse({ type: BookingRequestView })
  @ApiErrors(
    'INVALID_TIME_RANGE',
    'TOO_LONG',
    'IN_THE_PAST',
    'OVER_CAPACITY',
    'INVALID_RRULE',
    'TOO_MANY_OCCURRENCES',
    'NOT_FOUND',
    'ORGANISATION_NOT_VERIFIED',
    'SEASON_CLOSED',
    'INVALID_STATE',
    'BEYOND_BOOKING_HORIZON',
  )
  create(
    @Body() dto: CreateBookingRequestOrApplicationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BookingRequestView> {
    // Validation has made sure each form carries its own fields and none of the other's.
    if (dto.seasonId !== undefined) {
      return this.seasonApplications.apply(dto as SeasonApplicationInput, user);
    }
    return this.bookings.create(dto as CreateBookingRequestDto, user);
  }
}
