import { ApiErrors } from '../common/errors/api-errors';
import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/decorators';
import { Page, PageOf } from '../common/http/pagination';
import {
  CalendarQuery,
  FreeRoomsAnswer,
  FreeRoomsQuery,
  PublicOrganisationQuery,
  PublicOrganisationView,
} from './dto/portal.dto';
import { PortalService } from './portal.service';

@ApiTags('public')
@Controller('public')
@Public()
export class PortalController {
  constructor(private readonly portal: PortalService) {}

  @Get('organisations')
  @ApiOperation({ summary: 'Verified organisations, public fields only' })
  @ApiOkResponse({ type: PageOf(PublicOrganisationView) })
  organisations(@Query() q: PublicOrganisationQuery): Promise<Page<PublicOrganisationView>> {
    return this.portal.organisations(q);
  }

  @Get('calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'Approved occurrences as RFC 5545 (ICS): give one of roomId, buildingId, organisationId',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'An iCalendar file', schema: { type: 'string' } })
  @ApiErrors('INVALID_QUERY', 'INVALID_TIME_RANGE')
  calendar(@Query() q: CalendarQuery): Promise<string> {
    return this.portal.calendar(q);
  }

  @Get('free-rooms')
  @ApiOperation({ summary: 'Rooms open and free for the whole window (date, from, to in Oslo time)' })
  @ApiOkResponse({ type: FreeRoomsAnswer })
  @ApiErrors('INVALID_QUERY', 'INVALID_TIME_RANGE')
  freeRooms(@Query() q: FreeRoomsQuery): Promise<FreeRoomsAnswer> {
    return this.portal.freeRooms(q);
  }
}
