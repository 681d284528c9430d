import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatInstant } from '../../common/time';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { EvaluationResultView, PeriodFiguresView } from '../dto/report.dto';
import { EvaluationReport } from '../entities/evaluation-report.entity';
import { RollupService } from '../rollup.service';
import { methodNotes } from './method';
import { CHART_NAMES, chartTitle, renderCharts } from './report-charts';
import {
  breakdown,
  changes,
  headline,
  hoursByMonthAndKind,
  Period,
  utilisationByHour,
} from './report-figures';

/**
 * Builds a stored free-use evaluation (the worker's job): refreshes the rollup where days in the
 * periods are stale or missing, reads every figure from one snapshot of the rollup, renders the charts
 * and stores it all. Safe to run again: a retry overwrites the same report.
 */
@Injectable()
export class ReportBuilder {
  private readonly logger = new Logger('Reports');

  constructor(
    private readonly dataSource: DataSource,
    private readonly rollup: RollupService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(reportId: string, onProgress: (percent: number) => Promise<void>): Promise<{ status: string }> {
    const repo = this.dataSource.getRepository(EvaluationReport);
    const report = await repo.findOneBy({ id: reportId });
    // The job is queued inside the transaction that stores the report: it may run before that commits.
    if (!report) throw new Error(`Report ${reportId} is not stored (yet)`);
    const progress = async (percent: number) => {
      await repo.update(reportId, { progress: percent });
      await onProgress(percent);
    };
    await repo.update(reportId, { status: 'running', progress: 1, error: null });

    const current: Period = { from: report.periodFrom, to: report.periodTo };
    const comparison: Period | null =
      report.compareFrom && report.compareTo ? { from: report.compareFrom, to: report.compareTo } : null;
    const stale = [
      ...(await this.rollup.staleDates(current.from, current.to)),
      ...(comparison ? await this.rollup.staleDates(comparison.from, comparison.to) : []),
    ];
    await this.rollup.recomputeDates(stale, { onProgress: (f) => progress(Math.round(5 + 55 * f)) });
    await progress(60);

    const locale = report.locale;
    // One snapshot: the nightly rollup may write while the report reads.
    const { result, charts } = await this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const figures = async (p: Period): Promise<PeriodFiguresView> => ({
        ...p,
        headline: await headline(m, p),
      });
      const now = await figures(current);
      const before = comparison ? await figures(comparison) : null;
      await progress(70);
      const byBuilding = await breakdown(m, 'building', current, comparison, locale);
      const byOrganisationKind = await breakdown(m, 'organisationKind', current, comparison, locale);
      await progress(80);
      const months = await hoursByMonthAndKind(m, current);
      const { svg: charts, tables } = renderCharts({
        locale,
        period: `${current.from} – ${current.to}`,
        months: months.months,
        hoursByKind: months.byKind,
        byBuilding,
        utilisation: await utilisationByHour(m, current),
      });
      const result: EvaluationResultView = {
        generatedAt: formatInstant(new Date()),
        current: now,
        comparison: before,
        changes: before ? changes(now.headline, before.headline) : null,
        byBuilding,
        byOrganisationKind,
        charts: CHART_NAMES.map((name) => ({
          name,
          title: chartTitle(name, locale),
          url: `/reports/${reportId}/charts/${name}.svg`,
          table: tables[name],
        })),
        method: methodNotes(locale, this.config.lateCancellationDays),
      };
      return { result, charts };
    });
    await progress(90);
    await repo.update(reportId, {
      status: 'completed',
      progress: 100,
      result,
      charts,
      completedAt: new Date(),
    });
    this.logger.log({ reportId, staleDays: stale.length }, 'evaluation report built');
    return { status: 'completed' };
  }

  /** After the last attempt failed: the report says so, with the reason. */
  async fail(reportId: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.dataSource
      .getRepository(EvaluationReport)
      .update(reportId, { status: 'failed', error: message.slice(0, 1000) });
  }
}
