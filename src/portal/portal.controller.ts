import { ApiErrors } from '../common/errors/api-errors';
import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/decorators';
import { Page, PageOf } from '../common/http/pagination';
import { PublicCache } from '../common/http/public-cache';
import {
  CalendarQuery,
  FreeRoomsAnswer,
  FreeRoomsQuery,
  PublicOrganisationQuery,
  PublicOrganisationView,
} from './dto/portal.dto';
import { PortalService } from './portal.service';
import { CANCELLED_KEPT_DAYS, PublicCalendarService } from './public-calendar.service';

@ApiTags('public')
@Controller('public')
@Public()
export class PortalController {
  constructor(
    private readonly portal: PortalService,
    private readonly calendars: PublicCalendarService,
  ) {}

  @Get('organisations')
  @PublicCache()
  @ApiOperation({ summary: 'Verified organisations, public fields only' })
  @ApiOkResponse({ type: PageOf(PublicOrganisationView) })
  organisations(@Query() q: PublicOrganisationQuery): Promise<Page<PublicOrganisationView>> {
    return this.portal.organisations(q);
  }

  @Get('calendar.ics')
  @ApiOperation({
    summary: 'Approved occurrences as RFC 5545 (ICS): give one of roomId, buildingId, organisationId',
    description:
      'The feed is named after its room (with the building), building or organisation (NAME and ' +
      'X-WR-CALNAME). An unknown id answers 404. A cancelled occurrence stays in the feed as ' +
      `STATUS:CANCELLED until it would have ended, and at least ${CANCELLED_KEPT_DAYS} days after ` +
      'the cancellation, so calendar apps drop it. Only the feed itself may be cached (5 minutes).',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'An iCalendar file', schema: { type: 'string' } })
  @ApiErrors('INVALID_QUERY', 'INVALID_TIME_RANGE', 'NOT_FOUND')
  async calendar(@Query() q: CalendarQuery, @Res({ passthrough: true }) res: Response): Promise<string> {
    const ics = await this.calendars.calendar(q);
    // set only once the feed is made, so no error answer is ever cached as public
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=300');
    return ics;
  }

  @Get('free-rooms')
  @ApiOperation({ summary: 'Rooms open and free for the whole window (date, from, to in Oslo time)' })
  @ApiOkResponse({ type: FreeRoomsAnswer })
  @ApiErrors('INVALID_QUERY', 'INVALID_TIME_RANGE')
  freeRooms(@Query() q: FreeRoomsQuery): Promise<FreeRoomsAnswer> {
    return this.portal.freeRooms(q);
  }
}
