import { Module } from '@nestjs/common';
import { ReportBuilder } from './report/report-builder.service';
import { ReportsController } from './report/reports.controller';
import { ReportsService } from './report/reports.service';
import { RollupService } from './rollup.service';
import { StatisticsJobs } from './statistics.jobs';
import { StatsController } from './stats.controller';
import { UsageService } from './usage.service';

/**
 * Usage statistics: the daily rollup (worker), GET /stats/usage over it, and the free-use evaluation
 * reports. RollupService is exported for the demo seed, which rolls up its history at once.
 */
@Module({
  controllers: [StatsController, ReportsController],
  providers: [RollupService, UsageService, ReportsService, ReportBuilder, StatisticsJobs],
  exports: [RollupService],
})
export class StatisticsModule {}
