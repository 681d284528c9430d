import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { JobName } from '../jobs/job-registry';
import { JobsService } from '../jobs/jobs.service';
import { JobAcceptedView } from '../jobs/dto/job-accepted.dto';
import { RollupDto, UsageAnswer, UsageQuery } from './dto/usage.dto';
import { checkPeriod } from './period';
import { UsageService } from './usage.service';

@ApiTags('statistics')
@Controller('stats')
export class StatsController {
  constructor(
    private readonly usageService: UsageService,
    private readonly jobs: JobsService,
  ) {}

  @Post('rollup')
  @Roles('analyst', 'staff')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Queue a recompute of the usage rollup for a period (analyst, staff); follow it at GET /jobs/{jobId}',
    description:
      'Idempotent: each day is recomputed whole from the occurrences. The worker also recomputes every night ' +
      'at 02:30 the days changed since, the last week and the coming year.',
  })
  @ApiAcceptedResponse({ type: JobAcceptedView })
  @ApiErrors('INVALID_TIME_RANGE')
  async rollup(@Body() dto: RollupDto, @CurrentUser() user: AuthUser): Promise<JobAcceptedView> {
    checkPeriod(dto.from, dto.to);
    const jobId = await this.jobs.enqueue(
      JobName.StatsRollup,
      { from: dto.from, to: dto.to },
      { requestedBy: user.id },
    );
    return { jobId };
  }

  @Get('usage')
  @Roles('analyst', 'staff')
  @ApiOperation({
    summary: 'Usage of rooms in a period, grouped one way (analyst, staff); JSON or CSV',
    description:
      'Reads the daily rollup only. Booked: approved occurrences (future ones too); used and no-show: their ' +
      'recorded attendance. Hours are real elapsed hours, split at Oslo midnight; counts, participants and ' +
      'money go to the day an occurrence starts. CSV (Accept: text/csv or format=csv): UTF-8 with BOM; ' +
      'locale nb gives semicolons and decimal commas, en commas and points; money in kroner, utilisation in per cent.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: UsageAnswer })
  @ApiErrors('INVALID_TIME_RANGE')
  async usage(
    @Query() q: UsageQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UsageAnswer | string> {
    const answer = await this.usageService.usage(q);
    const csv =
      q.format === 'csv' ||
      (q.format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv');
    if (!csv) return answer;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="frirom-usage-${q.groupBy}-${q.from}-${q.to}.csv"`,
    );
    return this.usageService.csv(answer, q.locale ?? 'nb');
  }
}
