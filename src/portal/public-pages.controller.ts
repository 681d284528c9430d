import { ApiErrors } from '../common/errors/api-errors';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/decorators';
import { IdParam } from '../common/http/id-param';
import { PublicCache } from '../common/http/public-cache';
import {
  ActivitiesAnswer,
  ActivitiesQuery,
  BusyTimesAnswer,
  DayRangeQuery,
  PublicOrganisationDetail,
  PublicRulesAnswer,
} from './dto/public-pages.dto';
import { PublicPagesService } from './public-pages.service';

/** What the web portal's public pages show, for anyone: no names, e-mails or phones of people. */
@ApiTags('public')
@Controller('public')
@Public()
export class PublicPagesController {
  constructor(private readonly pages: PublicPagesService) {}

  @Get('activities')
  @PublicCache()
  @ApiErrors('INVALID_TIME_RANGE')
  @ApiOperation({
    summary: 'Approved bookings of verified organisations as activities, by day range (at most 62 days)',
  })
  @ApiOkResponse({ type: ActivitiesAnswer })
  activities(@Query() q: ActivitiesQuery): Promise<ActivitiesAnswer> {
    return this.pages.activities(q);
  }

  @Get('rooms/:id/busy')
  @ApiErrors('INVALID_TIME_RANGE')
  @ApiOperation({
    summary: "A room's busy times (booked or closed, nobody named), by day range (at most 31 days)",
  })
  @ApiOkResponse({ type: BusyTimesAnswer })
  @ApiNotFoundResponse({ description: 'No such room' })
  busy(@IdParam() id: string, @Query() q: DayRangeQuery): Promise<BusyTimesAnswer> {
    return this.pages.busyTimes(id, q);
  }

  @Get('organisations/:id')
  @ApiOperation({ summary: "A verified organisation's public page, with this year's value of free use" })
  @ApiOkResponse({ type: PublicOrganisationDetail })
  @ApiNotFoundResponse({ description: 'No such verified organisation' })
  organisation(@IdParam() id: string): Promise<PublicOrganisationDetail> {
    return this.pages.organisation(id);
  }

  @Get('exemption-rules')
  @PublicCache()
  @ApiOperation({
    summary: 'The exemption rules valid today, in rank order: what makes a room cheaper or free',
  })
  @ApiOkResponse({ type: PublicRulesAnswer })
  rules(): Promise<PublicRulesAnswer> {
    return this.pages.rules();
  }
}
