import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { IdParam } from '../common/http/id-param';
import { BookingsService } from './bookings.service';
import { DecisionsService } from './decisions.service';
import { ApproveDto, OptionalReasonDto, RejectDto, RepriceDto } from './dto/booking-request.dto';
import { BookingRequestQuery } from './dto/booking-request-query.dto';
import { BookingRequestPage, BookingRequestView, HistoryView } from './dto/views';

@ApiTags('bookings')
@Controller('booking-requests')
export class BookingsController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly decisions: DecisionsService,
  ) {}

  @Get()
  @Roles('applicant', 'staff')
  @ApiOperation({
    summary: "Requests: staff see all, others their organisations'",
    description:
      "Staff's inbox: pending=true&sort=firstDate, filtered by building, room, season or organisation; " +
      'counts per state under the same filters; hasConflict on each request as things stand now',
  })
  @ApiOkResponse({ type: BookingRequestPage })
  list(@Query() q: BookingRequestQuery, @CurrentUser() user: AuthUser): Promise<BookingRequestPage> {
    return this.bookings.list(q, user);
  }

  @Get(':id')
  @Roles('applicant', 'staff')
  @ApiOperation({ summary: 'One request with its occurrences, conflicts and fees' })
  @ApiOkResponse({ type: BookingRequestView })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<BookingRequestView> {
    return this.bookings.get(id, user);
  }

  @Get(':id/history')
  @Roles('applicant', 'staff')
  @ApiOperation({ summary: 'Every change of state: who, when and why' })
  @ApiOkResponse({ type: HistoryView })
  history(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<HistoryView> {
    return this.bookings.history(id, user);
  }

  @Post(':id/withdraw')
  @Roles('applicant', 'staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw what is still pending' })
  @ApiOkResponse({ type: BookingRequestView })
  @ApiErrors('INVALID_STATE')
  withdraw(
    @IdParam() id: string,
    @Body() dto: OptionalReasonDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BookingRequestView> {
    return this.decisions.withdraw(id, dto.reason, user);
  }

  @Post(':id/approve')
  @Roles('staff')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve the given pending occurrences, by default all without a blocking conflict; all or none (409)',
  })
  @ApiOkResponse({ type: BookingRequestView })
  @ApiErrors('INVALID_STATE', 'BOOKING_CONFLICT', 'STALE_VIEW')
  approve(
    @IdParam() id: string,
    @Body() dto: ApproveDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BookingRequestView> {
    return this.decisions.approve(id, dto, user);
  }

  @Post(':id/reject')
  @Roles('staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject the given pending occurrences (default all), with a reason' })
  @ApiOkResponse({ type: BookingRequestView })
  @ApiErrors('INVALID_STATE', 'STALE_VIEW')
  reject(
    @IdParam() id: string,
    @Body() dto: RejectDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BookingRequestView> {
    return this.decisions.reject(id, dto, user);
  }

  @Post(':id/reprice')
  @Roles('staff')
  @HttpCode(200)
  @ApiOperation({
    summary: "Re-price pending and approved occurrences under today's rules, with a reason (audited)",
  })
  @ApiOkResponse({ type: BookingRequestView })
  @ApiErrors('INVALID_STATE', 'STALE_VIEW')
  reprice(
    @IdParam() id: string,
    @Body() dto: RepriceDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BookingRequestView> {
    return this.decisions.reprice(id, dto, user);
  }
}
