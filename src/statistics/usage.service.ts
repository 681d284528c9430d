import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AGE_GROUPS, ORGANISATION_KINDS } from '../core/domain';
import { csvFile, csvTable, Locale } from './csv';
import { UsageAnswer, UsageQuery, UsageRowView } from './dto/usage.dto';
import { ageGroupLabel, monthLabel, noRuleLabel, organisationKindLabel, weekdayLabel } from './labels';
import { daysBetween, checkPeriod } from './period';
import { coverage, Figures, GroupBy, hours, ratio, usageFigures } from './usage-queries';

/** GET /stats/usage: the rollup of a period grouped one way, as JSON or as a spreadsheet. */
@Injectable()
export class UsageService {
  constructor(private readonly dataSource: DataSource) {}

  async usage(q: UsageQuery): Promise<UsageAnswer> {
    checkPeriod(q.from, q.to);
    const locale = q.locale ?? 'nb';
    const m = this.dataSource.manager;
    const { groups, overall } = await usageFigures(m, q, q.groupBy);
    const labels = await groupLabels(m, q.groupBy, [...groups.keys()], locale);
    const rows = [...groups].map(([key, figures]) => toRowView(key, labels.get(key) ?? key, figures));
    sortRows(rows, q.groupBy);
    const offset = q.offset ?? 0;
    return {
      from: q.from,
      to: q.to,
      groupBy: q.groupBy,
      items: rows.slice(offset, q.limit === undefined ? undefined : offset + q.limit),
      total: rows.length,
      overall: toRowView('all', locale === 'nb' ? 'Totalt' : 'Total', overall),
      coverage: { days: daysBetween(q.from, q.to), ...(await coverage(m, q.from, q.to)) },
    };
  }

  /** The answer as a spreadsheet: its rows, then the overall row. Money in kroner, utilisation in per cent. */
  csv(answer: UsageAnswer, locale: Locale): string {
    const nb = locale === 'nb';
    const columns = [
      { header: nb ? 'nøkkel' : 'key' },
      { header: nb ? 'navn' : 'label' },
      { header: nb ? 'bookinger' : 'occurrences' },
      { header: nb ? 'timer booket' : 'booked hours', decimals: 2 },
      { header: nb ? 'timer brukt' : 'used hours', decimals: 2 },
      { header: nb ? 'timer ikke møtt' : 'no-show hours', decimals: 2 },
      { header: nb ? 'timer avbestilt sent' : 'hours cancelled late', decimals: 2 },
      { header: nb ? 'timer avbestilt i tide' : 'hours cancelled in time', decimals: 2 },
      { header: nb ? 'åpne timer' : 'open hours', decimals: 2 },
      { header: nb ? 'utnyttelse (%)' : 'utilisation (%)', decimals: 2 },
      { header: nb ? 'organisasjoner' : 'organisations' },
      { header: nb ? 'deltakere' : 'participants' },
      { header: nb ? 'listepris (kr)' : 'list value (NOK)', decimals: 2 },
      { header: nb ? 'fritak (kr)' : 'waived (NOK)', decimals: 2 },
      { header: nb ? 'fakturert (kr)' : 'charged (NOK)', decimals: 2 },
    ];
    const line = (r: UsageRowView) => [
      r.key,
      r.label,
      r.occurrences,
      r.bookedHours,
      r.usedHours,
      r.noShowHours,
      r.cancelledLateHours,
      r.cancelledInTimeHours,
      r.openHours,
      r.utilisation === null ? null : r.utilisation * 100,
      r.organisations,
      r.participants,
      r.listOre / 100,
      r.waivedOre / 100,
      r.chargedOre / 100,
    ];
    return csvFile(csvTable(columns, [...answer.items.map(line), line(answer.overall)], locale));
  }
}

export function toRowView(key: string, label: string, f: Figures): UsageRowView {
  return {
    key,
    label,
    occurrences: f.occurrences,
    bookedHours: hours(f.bookedSeconds),
    usedHours: hours(f.usedSeconds),
    noShowHours: hours(f.noShowSeconds),
    cancelledLateHours: hours(f.cancelledLateSeconds),
    cancelledInTimeHours: hours(f.cancelledInTimeSeconds),
    openHours: hours(f.openSeconds),
    utilisation: ratio(f.bookedLeafSeconds, f.capacitySeconds),
    organisations: f.organisations,
    participants: f.participants,
    listOre: f.listOre,
    waivedOre: f.waivedOre,
    chargedOre: f.chargedOre,
  };
}

/** Names for the keys of a grouping: places and organisations from their tables, the rest from labels. */
export async function groupLabels(
  m: EntityManager,
  groupBy: GroupBy,
  keys: string[],
  locale: Locale,
): Promise<Map<string, string>> {
  const fromTable = async (sql: string, ids: string[]) =>
    new Map(
      (await m.query<{ id: string; label: string }[]>(sql, [ids])).map((r) => [r.id, r.label] as const),
    );
  switch (groupBy) {
    case 'building':
      return fromTable(`SELECT id::text, name AS label FROM buildings WHERE id = ANY($1::uuid[])`, keys);
    case 'room':
      return fromTable(
        `SELECT r.id::text, b.name || ' – ' || r.name AS label
           FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE r.id = ANY($1::uuid[])`,
        keys,
      );
    case 'organisation':
      return fromTable(`SELECT id::text, name AS label FROM organisations WHERE id = ANY($1::uuid[])`, keys);
    case 'exemptionRule': {
      const names = await fromTable(
        `SELECT DISTINCT ON (rule_id) rule_id::text AS id, name AS label FROM exemption_rule_versions
          WHERE rule_id = ANY($1::uuid[]) ORDER BY rule_id, version DESC`,
        keys.filter((k) => k !== 'none'),
      );
      names.set('none', noRuleLabel(locale));
      return names;
    }
    case 'organisationKind':
      return new Map(keys.map((k) => [k, organisationKindLabel(k, locale)]));
    case 'ageGroup':
      return new Map(keys.map((k) => [k, ageGroupLabel(k, locale)]));
    case 'month':
      return new Map(keys.map((k) => [k, monthLabel(k, locale)]));
    case 'weekday':
      return new Map(keys.map((k) => [k, weekdayLabel(Number(k), locale)]));
  }
}

/** Time in order; vocabularies in their own order; names alphabetically, "no rule" last. */
function sortRows(rows: UsageRowView[], groupBy: GroupBy): void {
  const order = (list: readonly string[]) => (r: UsageRowView) => list.indexOf(r.key);
  const byIndex = (rank: (r: UsageRowView) => number) => rows.sort((a, b) => rank(a) - rank(b));
  if (groupBy === 'organisationKind') byIndex(order(ORGANISATION_KINDS));
  else if (groupBy === 'ageGroup') byIndex(order(AGE_GROUPS));
  else if (groupBy === 'month' || groupBy === 'weekday') rows.sort((a, b) => a.key.localeCompare(b.key));
  else
    rows.sort(
      (a, b) =>
        Number(a.key === 'none') - Number(b.key === 'none') ||
        a.label.localeCompare(b.label, 'nb') ||
        a.key.localeCompare(b.key),
    );
}
