import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/roles';
import { DomainError, notFound } from '../common/errors/domain-error';
import { validateAllocationInput } from '../core/allocation';
import { JobName } from '../jobs/job-registry';
import { JobsService } from '../jobs/jobs.service';
import { AllocationInputBuilder, Round } from './allocation-input';
import { allocationView, isStale } from './allocation-view';
import type { AllocationView, MoveAssignmentDto, PinDto } from './dto/allocation.dto';
import { reexplain, StoredProposal } from './proposal';
import { proposedDates } from './proposal-dates';
import type { Pin } from './pin';
import { SeasonAllocation } from './season-allocation.entity';
import { seasonStatus } from '../core/seasons/season-status';
import { Season } from './season.entity';

const ALIVE = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);

/** The allocation as staff drive it: run, read, pin, move. The job computes; commit is its own service. */
@Injectable()
export class AllocationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly builder: AllocationInputBuilder,
  ) {}

  /** Queues a run around the current pins; while one is queued or running, answers its job instead. */
  async allocate(seasonId: string, caller: AuthUser): Promise<{ jobId: string }> {
    const run = await this.dataSource.transaction(async (m) => {
      const season = await this.lockSeason(m, seasonId);
      const status = seasonStatus(season);
      if (status === 'upcoming') throw new DomainError('INVALID_STATE', 'Applications have not opened yet');
      if (season.committedAt) throw new DomainError('INVALID_STATE', 'The allocation is committed already');
      const row = await m.findOneBy(SeasonAllocation, { seasonId });
      if (
        row?.jobId &&
        (row.state === 'queued' || row.state === 'running') &&
        (await this.alive(row.jobId))
      ) {
        return { jobId: row.jobId, queued: true };
      }
      const jobId = randomUUID();
      await m.query(
        `INSERT INTO season_allocations (season_id, state, job_id, requested_by, requested_at)
         VALUES ($1, 'queued', $2, $3, now())
         ON CONFLICT (season_id) DO UPDATE
           SET state = 'queued', job_id = $2, requested_by = $3, requested_at = now(), failure = NULL`,
        [seasonId, jobId, caller.id],
      );
      return { jobId, queued: false };
    });
    // Queued once the row is committed, so the job finds it. Should Redis be down, the row names a job
    // that never ran: the view reports it failed and the next call queues a new one.
    if (!run.queued) {
      await this.jobs.enqueue(
        JobName.SeasonAllocate,
        { seasonId },
        { jobId: run.jobId, requestedBy: caller.id },
      );
    }
    return { jobId: run.jobId };
  }

  async get(seasonId: string): Promise<AllocationView> {
    const season = await this.dataSource.manager.findOneBy(Season, { id: seasonId });
    if (!season) throw notFound('Season');
    const row = await this.dataSource.manager.findOneBy(SeasonAllocation, { seasonId });
    if (!row) throw new DomainError('NOT_FOUND', 'No allocation has been run for this season yet');
    const running = row.state === 'queued' || row.state === 'running';
    const alive = running && row.jobId ? await this.alive(row.jobId) : true;
    return allocationView(row, season.changedAt, season.committedAt !== null, alive);
  }

  /** Replaces the pins, checked against the round as it is now; the proposal is stale until re-run. */
  async setPins(seasonId: string, pins: PinDto[]): Promise<AllocationView> {
    await this.dataSource.transaction(async (m) => {
      const season = await this.openForChanges(m, seasonId);
      const round = await this.builder.build(m, season, pins);
      checkPins(round, pins);
      await m.query(
        `INSERT INTO season_allocations (season_id, state, pins) VALUES ($1, 'done', $2)
         ON CONFLICT (season_id) DO UPDATE SET pins = $2`,
        [seasonId, JSON.stringify(pins)],
      );
      await m.query('UPDATE seasons SET changed_at = clock_timestamp() WHERE id = $1', [seasonId]);
    });
    return this.get(seasonId);
  }

  /**
   * Grants an application another of its alternatives in the proposal, checked against every other
   * assignment (no clash, open, one session a weekday, no more than asked); the rest stays as it is and
   * the moved assignment is pinned, so re-runs keep it.
   */
  async move(seasonId: string, requestId: string, dto: MoveAssignmentDto): Promise<AllocationView> {
    await this.dataSource.transaction(async (m) => {
      const season = await this.openForChanges(m, seasonId);
      const row = await m.findOne(SeasonAllocation, {
        where: { seasonId },
        lock: { mode: 'pessimistic_write' },
      });
      const proposal = row?.state === 'done' ? row.proposal : null;
      if (!row || !proposal)
        throw new DomainError('INVALID_STATE', 'There is no finished proposal to change');
      if (isStale(proposal, season.changedAt)) {
        throw new DomainError('INVALID_STATE', 'The proposal is stale: run the allocation again first');
      }
      const app = proposal.applications.find((a) => a.requestId === requestId);
      if (!app) throw notFound('Application in the proposal');
      const to = dto.preferenceIndex;
      if (to >= app.preferences.length) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `The application has ${app.preferences.length} alternatives`,
        );
      }
      const from = sessionToReplace(app.granted, app.sessionsPerWeek, to, dto.fromPreferenceIndex);
      const chosen = new Map(proposal.applications.map((a) => [a.requestId, [...a.granted]]));
      chosen.set(
        requestId,
        [...app.granted.filter((k) => k !== from), to].sort((x, y) => x - y),
      );
      const pins = [
        ...row.pins.filter((p) => !(p.requestId === requestId && p.preferenceIndex === from)),
        { requestId, preferenceIndex: to },
      ];
      const round = await this.builder.build(m, season, pins);
      // Every assignment pinned: the solver's own checks then say whether this set can hold.
      const everything = [...chosen].flatMap(([id, ks]) =>
        ks.map((k) => ({ requestId: id, preferenceIndex: k })),
      );
      const problems = validateAllocationInput({
        ...round.input,
        pins: everything.map((p) => ({ applicationId: p.requestId, alternativeIndex: p.preferenceIndex })),
      });
      if (problems.length > 0) {
        throw new DomainError('CONFLICT', 'The move does not fit the proposal', {
          problems: readable(problems),
        });
      }
      const edited = reexplain(round, chosen);
      const dates = await proposedDates(m, round, new Map([[requestId, [to]]]));
      const next: StoredProposal = {
        ...proposal,
        objective: edited.objective,
        gap: Math.max(0, proposal.bound - edited.objective) / Math.max(1, Math.abs(edited.objective)),
        hoursByTier: edited.hoursByTier,
        editedAt: new Date().toISOString(),
        pins,
        applications: proposal.applications.map((a) => ({
          ...a,
          granted: chosen.get(a.requestId) ?? a.granted,
          reasons: edited.reasons.get(a.requestId) ?? a.reasons,
          dates:
            a.requestId === requestId
              ? [...a.dates.filter((d) => d.preferenceIndex !== from), ...(dates.get(requestId) ?? [])]
              : a.dates,
        })),
      };
      await m.query('UPDATE season_allocations SET pins = $2, proposal = $3 WHERE season_id = $1', [
        seasonId,
        JSON.stringify(pins),
        JSON.stringify(next),
      ]);
    });
    return this.get(seasonId);
  }

  private async lockSeason(m: EntityManager, seasonId: string): Promise<Season> {
    const season = await m.findOne(Season, { where: { id: seasonId }, lock: { mode: 'pessimistic_write' } });
    if (!season) throw notFound('Season');
    return season;
  }

  private async openForChanges(m: EntityManager, seasonId: string): Promise<Season> {
    const season = await this.lockSeason(m, seasonId);
    if (season.committedAt) throw new DomainError('INVALID_STATE', 'The allocation is committed already');
    return season;
  }

  private async alive(jobId: string): Promise<boolean> {
    const job = await this.jobs.find(jobId);
    return job !== null && ALIVE.has(job.state);
  }
}

/** Pins name applications of the round and alternatives they have, and hold together (409 otherwise). */
function checkPins(round: Round, pins: Pin[]): void {
  const seen = new Set<string>();
  const malformed: string[] = [];
  for (const pin of pins) {
    const app = round.applications.find((a) => a.requestId === pin.requestId);
    const key = `${pin.requestId}#${pin.preferenceIndex}`;
    if (!app) malformed.push(`${pin.requestId} is not an application of this season`);
    else if (pin.preferenceIndex >= app.preferences.length)
      malformed.push(`${key}: the application has ${app.preferences.length} alternatives`);
    else if (seen.has(key)) malformed.push(`${key} is pinned twice`);
    seen.add(key);
  }
  if (malformed.length > 0) throw new DomainError('VALIDATION_FAILED', malformed[0], { problems: malformed });
  const problems = validateAllocationInput(round.input);
  if (problems.length > 0) {
    throw new DomainError('CONFLICT', 'The pins cannot all hold', { problems: readable(problems) });
  }
}

/** Which granted session a move replaces: the one named, the only one, or none while sessions are missing. */
function sessionToReplace(granted: number[], sessions: number, to: number, from?: number): number | null {
  if (granted.includes(to)) throw new DomainError('INVALID_STATE', `Alternative ${to} is granted already`);
  if (from !== undefined) {
    if (!granted.includes(from))
      throw new DomainError('VALIDATION_FAILED', `Alternative ${from} is not granted`);
    return from;
  }
  if (granted.length < sessions) return null;
  if (granted.length === 1) return granted[0];
  throw new DomainError('VALIDATION_FAILED', 'Say which granted alternative to replace: fromPreferenceIndex');
}

/** The solver's word for alternatives the round set aside, in the round's terms. */
const readable = (problems: string[]): string[] =>
  problems.map((p) =>
    p.replace('infeasible: unknown_room', 'infeasible: closed on every date, or not in the season'),
  );
