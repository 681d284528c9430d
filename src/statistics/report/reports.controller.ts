import { ApiErrors } from '../../common/errors/api-errors';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { AuthUser } from '../../common/auth/roles';
import { IdParam } from '../../common/http/id-param';
import { Page, PageOf } from '../../common/http/pagination';
import { Optional } from '../../common/http/transforms';
import { Locale, LOCALES } from '../csv';
import {
  ChangeView,
  CreateEvaluationDto,
  ReportAcceptedView,
  ReportListQuery,
  ReportView,
} from '../dto/report.dto';
import { CHART_NAMES } from './report-charts';
import { ReportsService } from './reports.service';

class ReportCsvQuery {
  @ApiPropertyOptional({ enum: LOCALES, description: "Number format and headings; default the report's own" })
  @Optional()
  @IsIn(LOCALES)
  locale?: Locale;
}

// Routes ending in .csv and .svg come before GET :id, which would otherwise take them.
@ApiTags('statistics')
@ApiExtraModels(ChangeView)
@Controller('reports')
@Roles('analyst', 'staff')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('free-use-evaluation')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Queue a free-use evaluation of a period, optionally against another (analyst, staff)',
    description:
      'The worker builds and stores it: headline figures per period, the change between them, per building ' +
      'and organisation kind, SVG charts (each with its figures as a table) and a statement of method. ' +
      'Follow it at GET /reports/{id}.',
  })
  @ApiAcceptedResponse({ type: ReportAcceptedView })
  @ApiErrors('INVALID_TIME_RANGE')
  create(@Body() dto: CreateEvaluationDto, @CurrentUser() user: AuthUser): Promise<ReportAcceptedView> {
    return this.reports.create(dto, user);
  }

  @Get()
  @ApiOperation({ summary: 'Evaluation reports, newest first, without their figures (analyst, staff)' })
  @ApiOkResponse({ type: PageOf(ReportView) })
  list(@Query() q: ReportListQuery): Promise<Page<ReportView>> {
    return this.reports.list(q);
  }

  @Get(':id.csv')
  @ApiOperation({
    summary: 'A completed report as CSV (analyst, staff): UTF-8 with BOM; nb semicolons and decimal commas',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV', schema: { type: 'string' } })
  @ApiErrors('REPORT_NOT_READY')
  async csv(
    @IdParam() id: string,
    @Query() q: ReportCsvQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { csv, filename } = await this.reports.csv(id, q.locale);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return csv;
  }

  @Get(':id/charts/:name.svg')
  @ApiOperation({ summary: `A chart of a completed report (analyst, staff): ${CHART_NAMES.join(', ')}` })
  @ApiParam({ name: 'name', enum: CHART_NAMES })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'An SVG image', schema: { type: 'string' } })
  @ApiErrors('REPORT_NOT_READY')
  async chart(
    @IdParam() id: string,
    @Param('name') name: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const svg = await this.reports.chart(id, name);
    res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
    // Opened directly, an SVG is a document: it may run nothing and load nothing.
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return svg;
  }

  @Get(':id')
  @ApiOperation({ summary: 'A report: status, progress and, once completed, its figures (analyst, staff)' })
  @ApiOkResponse({ type: ReportView })
  get(@IdParam() id: string): Promise<ReportView> {
    return this.reports.get(id);
  }
}
