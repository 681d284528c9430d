import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/roles';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { Page } from '../../common/http/pagination';
import { formatInstant } from '../../common/time';
import { JobName } from '../../jobs/job-registry';
import { JobsService } from '../../jobs/jobs.service';
import { Locale } from '../csv';
import {
  CreateEvaluationDto,
  EvaluationResultView,
  ReportAcceptedView,
  ReportListQuery,
  ReportView,
} from '../dto/report.dto';
import { EvaluationReport } from '../entities/evaluation-report.entity';
import { checkPeriod } from '../period';
import { CHART_NAMES, ChartName } from './report-charts';
import { reportCsv } from './report-csv';

/** The evaluation reports as the API serves them: queued here, built by the worker (ReportBuilder). */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  /**
   * Stores the report as queued and queues its job in one transaction: if the queue is unreachable the
   * report is not kept (503), and a job whose report never committed finds nothing to build.
   */
  async create(dto: CreateEvaluationDto, caller: AuthUser): Promise<ReportAcceptedView> {
    checkPeriod(dto.from, dto.to);
    if ((dto.compareFrom === undefined) !== (dto.compareTo === undefined))
      throw new DomainError('VALIDATION_FAILED', 'Give both compareFrom and compareTo, or neither');
    if (dto.compareFrom !== undefined && dto.compareTo !== undefined)
      checkPeriod(dto.compareFrom, dto.compareTo, 'the comparison period');
    const id = randomUUID();
    const jobId = randomUUID();
    await this.dataSource.transaction(async (m) => {
      await m.insert(EvaluationReport, {
        id,
        status: 'queued',
        locale: dto.locale ?? 'nb',
        periodFrom: dto.from,
        periodTo: dto.to,
        compareFrom: dto.compareFrom ?? null,
        compareTo: dto.compareTo ?? null,
        requestedBy: caller.id,
        jobId,
      });
      await this.jobs.enqueue(JobName.FreeUseReport, { reportId: id }, { jobId, requestedBy: caller.id });
    });
    return { id, jobId, status: 'queued' };
  }

  async get(id: string): Promise<ReportView> {
    return toView(await this.find(id), true);
  }

  async list(q: ReportListQuery): Promise<Page<ReportView>> {
    const [reports, total] = await this.dataSource.getRepository(EvaluationReport).findAndCount({
      select: {
        id: true,
        kind: true,
        status: true,
        progress: true,
        locale: true,
        periodFrom: true,
        periodTo: true,
        compareFrom: true,
        compareTo: true,
        createdAt: true,
        completedAt: true,
        error: true,
      },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: q.limit,
      skip: q.offset,
    });
    return { items: reports.map((r) => toView(r, false)), total };
  }

  async csv(id: string, locale?: Locale): Promise<{ csv: string; filename: string }> {
    const report = await this.completed(id);
    return {
      csv: reportCsv(report.result as EvaluationResultView, locale ?? report.locale),
      filename: `frirom-free-use-evaluation-${report.periodFrom}-${report.periodTo}.csv`,
    };
  }

  async chart(id: string, name: string): Promise<string> {
    if (!(CHART_NAMES as readonly string[]).includes(name)) throw notFound('Chart');
    const report = await this.completed(id);
    const svg = report.charts?.[name as ChartName];
    if (!svg) throw notFound('Chart');
    return svg;
  }

  private async find(id: string): Promise<EvaluationReport> {
    const report = await this.dataSource.getRepository(EvaluationReport).findOneBy({ id });
    if (!report) throw notFound('Report');
    return report;
  }

  private async completed(id: string): Promise<EvaluationReport> {
    const report = await this.find(id);
    if (report.status !== 'completed')
      throw new DomainError(
        'REPORT_NOT_READY',
        `The report is ${report.status}; try again when it is completed`,
      );
    return report;
  }
}

function toView(r: EvaluationReport, withResult: boolean): ReportView {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    progress: r.progress,
    from: r.periodFrom,
    to: r.periodTo,
    compareFrom: r.compareFrom,
    compareTo: r.compareTo,
    locale: r.locale,
    createdAt: formatInstant(r.createdAt),
    completedAt: r.completedAt ? formatInstant(r.completedAt) : null,
    ...(r.error ? { error: r.error } : {}),
    ...(withResult && r.result ? { result: withTables(r.result as EvaluationResultView) } : {}),
  };
}

/** Reports built before the charts' tables were kept say so: table null. */
function withTables(result: EvaluationResultView): EvaluationResultView {
  return { ...result, charts: result.charts.map((c) => ({ ...c, table: c.table ?? null })) };
}
