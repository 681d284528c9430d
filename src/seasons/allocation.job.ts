import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AllocationInputError } from '../core/allocation';
import { JobHandler } from '../jobs/job-handler.decorator';
import { JobEnvelope, JobName, JobPayloads } from '../jobs/job-registry';
import { AllocationInputBuilder } from './allocation-input';
import { solve } from './allocation-runner';
import { proposalFrom } from './proposal';
import { proposedDates } from './proposal-dates';
import type { Pin } from './pin';
import { Season } from './season.entity';

export interface AllocationSummary {
  seasonId: string;
  state: 'done' | 'failed' | 'superseded';
  status?: string;
  objective?: number;
  bound?: number;
  gap?: number;
  assigned?: number;
  unassigned?: number;
  solveMs?: number;
  problems?: string[];
}

/** The worker's side of POST /seasons/:id/allocate: reads the round, solves it, stores the proposal. */
@Injectable()
export class SeasonAllocationJob {
  private readonly logger = new Logger('SeasonAllocation');

  constructor(
    private readonly dataSource: DataSource,
    private readonly builder: AllocationInputBuilder,
  ) {}

  @JobHandler(JobName.SeasonAllocate)
  async run(
    { seasonId }: JobPayloads[JobName.SeasonAllocate],
    job: Job<JobEnvelope>,
  ): Promise<AllocationSummary> {
    try {
      return await this.allocate(seasonId, job);
    } catch (error) {
      // On the last attempt the run is marked failed, so the proposal does not wait for it forever.
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await this.fail(seasonId, job.id!, { message: 'The allocation run failed; run it again' });
      }
      throw error;
    }
  }

  private async allocate(seasonId: string, job: Job<JobEnvelope>): Promise<AllocationSummary> {
    const m = this.dataSource.manager;
    const claimed = await m.query<[{ pins: Pin[] }[], number]>(
      `UPDATE season_allocations a SET state = 'running'
         FROM seasons s
        WHERE a.season_id = $1 AND a.job_id = $2 AND a.state IN ('queued', 'running')
          AND s.id = a.season_id AND s.committed_at IS NULL
        RETURNING a.pins`,
      [seasonId, job.id],
    );
    const pins = claimed[0][0]?.pins;
    // A later run replaced this one, or the season was committed meanwhile.
    if (!pins) return { seasonId, state: 'superseded' };
    await job.updateProgress(10);
    const season = await m.findOneByOrFail(Season, { id: seasonId });
    const round = await this.builder.build(m, season, pins);
    await job.updateProgress(25);
    let result;
    try {
      result = await solve(round.input);
    } catch (error) {
      if (!(error instanceof AllocationInputError)) throw error;
      await this.fail(seasonId, job.id!, { message: 'The pins cannot all hold', problems: error.problems });
      return { seasonId, state: 'failed', problems: error.problems };
    }
    await job.updateProgress(80);
    const granted = new Map(result.results.map((r) => [r.applicationId, r.granted]));
    const orgs = await m.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM organisations WHERE id = ANY($1)',
      [[...new Set(round.applications.map((a) => a.organisationId))]],
    );
    const proposal = proposalFrom(
      round,
      result,
      new Map(orgs.map((o) => [o.id, o.name])),
      await proposedDates(m, round, granted),
      round.input.pins!.map((p) => ({ requestId: p.applicationId, preferenceIndex: p.alternativeIndex })),
    );
    await m.query(
      `UPDATE season_allocations SET state = 'done', proposal = $3, failure = NULL
        WHERE season_id = $1 AND job_id = $2`,
      [seasonId, job.id, JSON.stringify(proposal)],
    );
    await job.updateProgress(100);
    const assigned = result.results.filter((r) => r.granted.length > 0).length;
    this.logger.log({ seasonId, status: result.status, solveMs: proposal.solveMs }, 'allocation proposed');
    return {
      seasonId,
      state: 'done',
      status: result.status,
      objective: result.objective,
      bound: result.bound,
      gap: result.gap,
      assigned,
      unassigned: result.results.length - assigned,
      solveMs: proposal.solveMs,
    };
  }

  private async fail(seasonId: string, jobId: string, failure: object): Promise<void> {
    await this.dataSource.query(
      `UPDATE season_allocations SET state = 'failed', failure = $3 WHERE season_id = $1 AND job_id = $2`,
      [seasonId, jobId, JSON.stringify(failure)],
    );
  }
}
