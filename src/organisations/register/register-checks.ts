import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { fieldChanges } from '../../core/pricing';
import { contradictions, FeeChange, feeChanges, KnownFacts, RegisterAnswer } from '../../core/register';
import { JobHandler } from '../../jobs/job-handler.decorator';
import { JobName, JobPayloads } from '../../jobs/job-registry';
import { Outbox } from '../../notifications/outbox.service';
import { recordEvent } from '../organisation-history';
import { Organisation } from '../organisation.entity';
import { RegisterClient } from './register.client';

/** A change staff are told of: the fee-affecting ones, and what an unchecked organisation claimed wrongly. */
export type ReportedChange =
  | FeeChange
  | { change: 'renamed'; from: string; to: string }
  | { change: 'kind'; kind: string; form: string | null };

export interface CheckRun {
  checked: number;
  changed: number;
  /** The register stopped answering part way; the rest waits for the next run. */
  unavailable: boolean;
}

/**
 * The worker's checks against Enhetsregisteret. An organisation stored unchecked (the register was
 * down when it registered) gets the register's facts; every night, verified organisations are read
 * afresh. The register's name, municipality and Frivillighetsregisteret flag replace what was stored;
 * staff are mailed about changes that affect fees, since those change what the organisation pays.
 */
@Injectable()
export class RegisterChecks {
  private readonly logger = new Logger('RegisterChecks');

  constructor(
    private readonly dataSource: DataSource,
    private readonly register: RegisterClient,
    private readonly outbox: Outbox,
  ) {}

  @JobHandler(JobName.RegisterCheckUnchecked)
  async checkUnchecked({ limit = 200 }: JobPayloads[JobName.RegisterCheckUnchecked]): Promise<CheckRun> {
    const orgs = await this.dataSource
      .getRepository(Organisation)
      .find({ where: { registerStatus: 'unchecked' }, order: { createdAt: 'ASC' }, take: limit });
    return this.run(orgs, false);
  }

  @JobHandler(JobName.RegisterRecheck)
  async recheckVerified({ limit = 5_000 }: JobPayloads[JobName.RegisterRecheck]): Promise<CheckRun> {
    const orgs = await this.dataSource.getRepository(Organisation).find({
      where: { status: In(['verified']) },
      order: { registerCheckedAt: { direction: 'ASC', nulls: 'FIRST' } },
      take: limit,
    });
    return this.run(orgs, true);
  }

  private async run(orgs: Organisation[], fresh: boolean): Promise<CheckRun> {
    const result: CheckRun = { checked: 0, changed: 0, unavailable: false };
    for (const org of orgs) {
      let answer: RegisterAnswer;
      try {
        answer = await this.register.lookup(org.orgNumber, { fresh });
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'REGISTER_UNAVAILABLE') throw error;
        result.unavailable = true;
        break;
      }
      result.checked += 1;
      if (await this.apply(org, answer)) result.changed += 1;
    }
    if (result.unavailable)
      this.logger.warn(`the register is unavailable; ${result.checked} of ${orgs.length} checked`);
    return result;
  }

  /** Stores one reading; returns whether staff were told of a change. */
  private async apply(org: Organisation, answer: RegisterAnswer): Promise<boolean> {
    const after = answer.found ? answer.facts : null;
    const changes: ReportedChange[] = feeChanges(lastKnown(org), after);
    if (org.registerStatus === 'unchecked' && after && !after.deleted) {
      for (const m of contradictions({ name: org.name, kind: org.kind }, after)) {
        changes.push(
          m.field === 'name'
            ? { change: 'renamed', from: org.name, to: after.name }
            : { change: 'kind', kind: org.kind, form: after.organisationForm },
        );
      }
    }
    const checkedAt = new Date();
    return this.dataSource.transaction(async (m) => {
      const update: Partial<Organisation> = {
        registerStatus: 'checked',
        registerCheckedAt: checkedAt,
        registerFacts: after,
      };
      if (after && !after.deleted) {
        if (changes.some((c) => c.change === 'renamed')) update.name = after.name;
        update.inFrivillighetsregisteret = after.inFrivillighetsregisteret;
        if (after.municipalityNumber) update.municipalityNumber = after.municipalityNumber;
      }
      await m.getRepository(Organisation).update({ id: org.id }, update);
      // The organisation's history holds every change to its facts, the register's too: no actor, not
      // by staff, and it stays verified (the register is what staff would check the claim against).
      const { name, inFrivillighetsregisteret, municipalityNumber } = update;
      const facts = fieldChanges(org, { name, inFrivillighetsregisteret, municipalityNumber });
      if (Object.keys(facts).length > 0) await recordEvent(m, org.id, 'updated', null, { changes: facts });
      if (changes.length === 0) return false;
      const staff = await this.outbox.staff(m);
      await this.outbox.add(
        m,
        staff.map((to) => ({
          kind: 'register_changed' as const,
          to,
          data: {
            organisationId: org.id,
            organisationName: org.name,
            orgNumber: org.orgNumber,
            wasUnchecked: org.registerStatus === 'unchecked',
            changes,
          },
          // One mail per reading and staff member (formatInstant drops the milliseconds).
          dedupeKey: `register_changed:${org.id}:${checkedAt.toISOString()}:${to.email}`,
        })),
      );
      return true;
    });
  }
}

/**
 * What frirom knew before this reading: the stored flag and municipality (what fees follow from), and
 * bankruptcy and deletion from the last reading. Null when the register did not know the number last time.
 */
function lastKnown(org: Organisation): KnownFacts {
  if (org.registerStatus === 'checked' && org.registerFacts === null) return null;
  return {
    inFrivillighetsregisteret: org.inFrivillighetsregisteret,
    municipalityNumber: org.municipalityNumber,
    bankrupt: org.registerFacts?.bankrupt ?? false,
    deleted: org.registerFacts?.deleted ?? false,
  };
}
