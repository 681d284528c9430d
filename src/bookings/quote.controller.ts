import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { BookingsService } from './bookings.service';
import { CreateBookingRequestDto } from './dto/booking-request.dto';
import { QuoteView } from './dto/views';

@ApiTags('fees')
@Controller('fees/quote')
export class QuoteController {
  constructor(private readonly bookings: BookingsService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'What a booking request would cost, per occurrence and in total, and what it meets',
  })
  @ApiOkResponse({ type: QuoteView })
  @ApiErrors(
    'INVALID_TIME_RANGE',
    'TOO_LONG',
    'IN_THE_PAST',
    'OVER_CAPACITY',
    'INVALID_RRULE',
    'TOO_MANY_OCCURRENCES',
    'NOT_FOUND',
    'ORGANISATION_NOT_VERIFIED',
    'BEYOND_BOOKING_HORIZON',
  )
  quote(@Body() dto: CreateBookingRequestDto, @CurrentUser() user: AuthUser): Promise<QuoteView> {
    return this.bookings.quote(dto, user);
  }
}
