import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/roles';
import { DomainError, notFound } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import { CreateRuleDto, RuleDetailView, RuleQuery, RuleView, UpdateRuleDto } from './dto/exemption-rule.dto';
import { ExemptionRuleVersion } from './exemption-rule-version.entity';
import { currentRuleRows, RuleRow, ruleVersionRows } from './pricing-queries';
import { plainConditions, plainEffect, RuleFields, ruleFields, ruleProblems, toRuleView } from './rule-input';

/**
 * Exemption rules, versioned: creating a rule writes version 1, every edit the next version. Versions
 * are never changed, so the (rule, version) an occurrence was priced by keeps its meaning.
 */
@Injectable()
export class ExemptionRulesService {
  constructor(private readonly dataSource: DataSource) {}

  async create(dto: CreateRuleDto, caller: AuthUser): Promise<RuleView> {
    const fields = ruleFields(dto);
    checkRule(fields);
    const ruleId = randomUUID();
    return this.dataSource.transaction(async (m) => {
      await m.insert(ExemptionRuleVersion, { ruleId, version: 1, ...fields, createdBy: caller.id });
      return toRuleView(await this.current(m, ruleId));
    });
  }

  /** Current versions in rank order (priority, then waivePercent, high first; then id). Rules are few. */
  async list(q: RuleQuery): Promise<Page<RuleView>> {
    const rows = (await currentRuleRows(this.dataSource.manager))
      .filter(
        (r) => !q.validOn || (r.valid_from <= q.validOn && (r.valid_to === null || r.valid_to >= q.validOn)),
      )
      .sort(
        (a, b) =>
          b.priority - a.priority ||
          b.effect.waivePercent - a.effect.waivePercent ||
          (a.rule_id < b.rule_id ? -1 : a.rule_id > b.rule_id ? 1 : 0),
      );
    return { items: rows.slice(q.offset, q.offset + q.limit).map(toRuleView), total: rows.length };
  }

  async get(id: string): Promise<RuleDetailView> {
    const versions = await ruleVersionRows(this.dataSource.manager, id);
    if (versions.length === 0) throw notFound('Exemption rule');
    return { ...toRuleView(versions[versions.length - 1]), versions: versions.map(toRuleView) };
  }

  /** Writes the next version with the change merged in; an edit that changes nothing writes nothing. */
  async update(id: string, dto: UpdateRuleDto, caller: AuthUser): Promise<RuleView> {
    if (Object.values(dto).every((v) => v === undefined))
      throw new DomainError('VALIDATION_FAILED', 'Give at least one field to change');
    return this.dataSource.transaction(async (m) => {
      // Locks the versions there are; the next statement then sees any version committed meanwhile,
      // so two edits at once make versions n+1 and n+2 rather than clash.
      const locked = await m.query<{ version: number }[]>(
        'SELECT version FROM exemption_rule_versions WHERE rule_id = $1 FOR UPDATE',
        [id],
      );
      if (locked.length === 0) throw notFound('Exemption rule');
      const current = await this.current(m, id);
      const before = fieldsOf(current);
      const after: RuleFields = {
        name: dto.name ?? before.name,
        priority: dto.priority ?? before.priority,
        validFrom: dto.validFrom === undefined ? before.validFrom : dto.validFrom,
        validTo: dto.validTo === undefined ? before.validTo : dto.validTo,
        conditions: dto.conditions ? plainConditions(dto.conditions) : before.conditions,
        effect: dto.effect ? plainEffect(dto.effect) : before.effect,
      };
      checkRule(after);
      if (isDeepStrictEqual(after, before)) return toRuleView(current);
      await m.insert(ExemptionRuleVersion, {
        ruleId: id,
        version: current.version + 1,
        ...after,
        createdBy: caller.id,
      });
      return toRuleView(await this.current(m, id));
    });
  }

  private async current(m: EntityManager, id: string): Promise<RuleRow> {
    const [row] = await currentRuleRows(m, id);
    if (!row) throw notFound('Exemption rule');
    return row;
  }
}

const fieldsOf = (r: RuleRow): RuleFields => ({
  name: r.name,
  priority: r.priority,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  conditions: r.conditions,
  effect: { waivePercent: r.effect.waivePercent, waives: r.effect.waives ?? ['rent'] },
});

function checkRule(fields: RuleFields): void {
  const problems = ruleProblems(fields);
  if (problems.length > 0)
    throw new DomainError('INVALID_RULE', problems.slice(0, 5).join('; '), { problems });
}
