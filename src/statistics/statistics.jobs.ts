import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobHandler } from '../jobs/job-handler.decorator';
import { JobEnvelope, JobName, JobPayloads } from '../jobs/job-registry';
import { ReportBuilder } from './report/report-builder.service';
import { RollupService, RollupSummary } from './rollup.service';

/** The statistics jobs the worker runs: the usage rollup (nightly and on demand) and evaluation reports. */
@Injectable()
export class StatisticsJobs {
  constructor(
    private readonly rollup: RollupService,
    private readonly reports: ReportBuilder,
  ) {}

  @JobHandler(JobName.StatsRollup)
  async runRollup(payload: JobPayloads[JobName.StatsRollup], job: Job<JobEnvelope>): Promise<RollupSummary> {
    const onProgress = (fraction: number) => job.updateProgress(Math.round(fraction * 100));
    return 'mode' in payload
      ? this.rollup.nightly({ onProgress })
      : this.rollup.recompute(payload.from, payload.to, { onProgress });
  }

  @JobHandler(JobName.FreeUseReport)
  async buildReport(
    payload: JobPayloads[JobName.FreeUseReport],
    job: Job<JobEnvelope>,
  ): Promise<{ reportId: string; status: string }> {
    try {
      const { status } = await this.reports.build(payload.reportId, (percent) => job.updateProgress(percent));
      return { reportId: payload.reportId, status };
    } catch (error) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.reports.fail(payload.reportId, error);
      throw error;
    }
  }
}
