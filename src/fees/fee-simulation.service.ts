import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import {
  CompiledRules,
  compileRules,
  ExemptionRule,
  priceOccurrence,
  PricingContext,
  PricingSubject,
} from '../core/pricing';
import { ProposedRuleDto, SimulateDto, SimulationView } from './dto/simulation.dto';
import { loadCurrentRules, loadRoomFacts, RoomFacts } from './pricing-queries';
import { ruleFields, ruleProblems } from './rule-input';
import { SIMULATION_SQL, simulationParams, SimulationRow } from './simulation-queries';
import { difference, SimulationTally } from './simulation-tally';

const BATCH = 10_000;

/**
 * What a proposed set of exemption rules would have done to a period's bookings, against today's rules:
 * every approved (and, if asked, pending) occurrence whose Oslo start date is in the period, priced
 * under both, in total and by organisation kind, building and age group. Reads one consistent snapshot.
 */
@Injectable()
export class FeeSimulationService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async simulate(dto: SimulateDto): Promise<SimulationView> {
    checkPeriod(dto.from, dto.to);
    const proposedRules = proposedSet(dto.rules);
    const statuses = dto.includePending ? ['approved', 'pending'] : ['approved'];
    const tally = new SimulationTally();

    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      // The grouping hashes a year of occurrences: give it the memory to do so without spilling to disk.
      // Every row of the cursor is fetched, so plan for all of them rather than for a fast first batch.
      await runner.query(`SET LOCAL work_mem = '64MB'`);
      await runner.query('SET LOCAL cursor_tuple_fraction = 1');
      const m = runner.manager;
      const currentRules = await loadCurrentRules(m);
      const pricing: Pricing = {
        rooms: await loadRoomFacts(m),
        current: compileRules(currentRules),
        proposed: compileRules(proposedRules),
        context: { homeMunicipalityNumber: this.config.homeMunicipalityNumber },
      };
      const p = simulationParams(dto.from, dto.to, [currentRules, proposedRules]);
      await m.query(`DECLARE fee_simulation NO SCROLL CURSOR FOR ${SIMULATION_SQL}`, [
        p.start,
        p.end,
        statuses,
        p.thresholds,
        p.offsetChanges,
      ]);
      for (;;) {
        const rows = await m.query<SimulationRow[]>(`FETCH ${BATCH} FROM fee_simulation`);
        for (const row of rows) {
          if (row.first) count(tally, pricing, row, -1, false);
          count(tally, pricing, row, row.first ? 1 : row.n, row.first);
        }
        if (rows.length < BATCH) break;
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }

    const { total } = tally;
    return {
      period: { from: dto.from, to: dto.to },
      occurrences: total.occurrences,
      current: total.current,
      proposed: total.proposed,
      difference: difference(total.current, total.proposed),
      ...tally.breakdowns(),
    };
  }
}

interface Pricing {
  rooms: Map<string, RoomFacts>;
  current: CompiledRules;
  proposed: CompiledRules;
  context: PricingContext;
}

/** Adds n occurrences like this row's (n < 0 takes them away), priced under both rule sets. */
function count(
  tally: SimulationTally,
  pricing: Pricing,
  row: SimulationRow,
  n: number,
  first: boolean,
): void {
  const room = pricing.rooms.get(row.room_id)!;
  const subject: PricingSubject = {
    startsAt: new Date(row.starts_ms),
    endsAt: new Date(row.starts_ms + row.duration_ms),
    series: { repeating: row.repeating, first },
    organisation: {
      kind: row.kind,
      inFrivillighetsregisteret: row.in_frivillighetsregisteret,
      municipalityNumber: row.municipality_number,
    },
    ageGroup: row.age_group,
    chargesEntranceFee: row.charges_entrance_fee,
    building: { kind: room.buildingKind },
    room: { kind: room.roomKind },
    priceList: room.priceList,
  };
  tally.add(
    {
      organisationKind: row.kind,
      buildingId: room.buildingId,
      buildingName: room.buildingName,
      ageGroup: row.age_group,
    },
    n,
    priceOccurrence(subject, pricing.current, pricing.context),
    priceOccurrence(subject, pricing.proposed, pricing.context),
  );
}

/** At most two years, counted by dates: 2026-01-01 to 2027-12-31 is the longest period from 2026-01-01. */
function checkPeriod(from: string, to: string): void {
  if (to < from) throw new DomainError('INVALID_TIME_RANGE', '`to` must not be before `from`');
  const last = DateTime.fromISO(from, { zone: 'utc' }).plus({ years: 2 }).minus({ days: 1 }).toISODate()!;
  if (to > last)
    throw new DomainError(
      'INVALID_TIME_RANGE',
      `Simulate at most 2 years at a time: from ${from} to ${last} at most`,
    );
}

/** The proposed rules as the core takes them; a rule without an id gets one of its own for the comparison. */
function proposedSet(rules: ProposedRuleDto[]): ExemptionRule[] {
  const problems: { index: number; problems: string[] }[] = [];
  const seen = new Set<string>();
  const set = rules.map((dto, index) => {
    const fields = ruleFields(dto);
    const own = ruleProblems(fields);
    if (dto.id !== undefined && seen.has(dto.id)) own.push(`id ${dto.id} is given twice`);
    if (dto.id !== undefined) seen.add(dto.id);
    if (own.length > 0) problems.push({ index, problems: own });
    return { id: dto.id ?? `proposed-${index}`, version: 1, ...fields };
  });
  if (problems.length > 0) {
    const message = problems
      .slice(0, 3)
      .map((p) => `rules[${p.index}]: ${p.problems.join('; ')}`)
      .join('; ');
    throw new DomainError('INVALID_RULE', message, { rules: problems });
  }
  return set;
}
