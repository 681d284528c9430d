import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { IdParam } from '../common/http/id-param';
import { Page, PageOf } from '../common/http/pagination';
import {
  ApplicationQuery,
  SeasonApplicationView,
  UpdateApplicationDto,
  WithdrawApplicationDto,
} from './dto/application.dto';
import { SeasonApplicationsService } from './season-applications.service';

/** Applications are made with POST /booking-requests (seasonId + preferences); read and changed here. */
@ApiTags('seasons')
@Controller('seasons/:id/applications')
export class SeasonApplicationsController {
  constructor(private readonly applications: SeasonApplicationsService) {}

  @Get()
  @Roles('applicant', 'staff')
  @ApiOperation({ summary: "A season's applications: staff see all, applicants their organisations'" })
  @ApiOkResponse({ type: PageOf(SeasonApplicationView) })
  list(
    @IdParam() id: string,
    @Query() q: ApplicationQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<SeasonApplicationView>> {
    return this.applications.list(id, q, user);
  }

  @Patch(':requestId')
  @Roles('applicant', 'staff')
  @ApiOperation({ summary: 'Change an application until the deadline (409 SEASON_CLOSED after)' })
  @ApiOkResponse({ type: SeasonApplicationView })
  @ApiErrors('SEASON_CLOSED', 'INVALID_STATE', 'INVALID_TIME_RANGE', 'OVER_CAPACITY')
  update(
    @IdParam() id: string,
    @IdParam('requestId') requestId: string,
    @Body() dto: UpdateApplicationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SeasonApplicationView> {
    return this.applications.update(id, requestId, dto, user);
  }

  @Post(':requestId/withdraw')
  @Roles('applicant', 'staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw an application: applicants until the deadline, staff until committed' })
  @ApiOkResponse({ type: SeasonApplicationView })
  @ApiErrors('SEASON_CLOSED', 'INVALID_STATE')
  withdraw(
    @IdParam() id: string,
    @IdParam('requestId') requestId: string,
    @Body() dto: WithdrawApplicationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SeasonApplicationView> {
    return this.applications.withdraw(id, requestId, dto.reason, user);
  }
}
