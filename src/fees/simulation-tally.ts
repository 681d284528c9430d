import { AGE_GROUPS, ORGANISATION_KINDS } from '../core/domain';
import type { FeeTotalsView, SimulationGroupView } from './dto/simulation.dto';

export interface Totals {
  listOre: number;
  waivedOre: number;
  chargedOre: number;
}

class Sums {
  occurrences = 0;
  readonly current: Totals = { listOre: 0, waivedOre: 0, chargedOre: 0 };
  readonly proposed: Totals = { listOre: 0, waivedOre: 0, chargedOre: 0 };

  add(n: number, current: Totals, proposed: Totals): void {
    this.occurrences += n;
    addTimes(this.current, current, n);
    addTimes(this.proposed, proposed, n);
  }
}

function addTimes(into: Totals, fee: Totals, n: number): void {
  into.listOre += fee.listOre * n;
  into.waivedOre += fee.waivedOre * n;
  into.chargedOre += fee.chargedOre * n;
}

export const difference = (current: Totals, proposed: Totals): FeeTotalsView => ({
  listOre: proposed.listOre - current.listOre,
  waivedOre: proposed.waivedOre - current.waivedOre,
  chargedOre: proposed.chargedOre - current.chargedOre,
});

export interface GroupKeys {
  organisationKind: string;
  buildingId: string;
  buildingName: string;
  ageGroup: string;
}

/** Sums of n occurrences at a time under the current and the proposed rules, in total and by group. */
export class SimulationTally {
  readonly total = new Sums();
  private readonly byOrganisationKind = new Map<string, Sums>();
  private readonly byAgeGroup = new Map<string, Sums>();
  private readonly byBuilding = new Map<string, Sums>();
  private readonly buildingNames = new Map<string, string>();

  add(keys: GroupKeys, n: number, current: Totals, proposed: Totals): void {
    this.total.add(n, current, proposed);
    sumsOf(this.byOrganisationKind, keys.organisationKind).add(n, current, proposed);
    sumsOf(this.byAgeGroup, keys.ageGroup).add(n, current, proposed);
    sumsOf(this.byBuilding, keys.buildingId).add(n, current, proposed);
    this.buildingNames.set(keys.buildingId, keys.buildingName);
  }

  /** Organisation kinds and age groups in their vocabulary's order, buildings by name. */
  breakdowns(): {
    byOrganisationKind: SimulationGroupView[];
    byBuilding: SimulationGroupView[];
    byAgeGroup: SimulationGroupView[];
  } {
    const byName = (a: string, b: string) =>
      this.buildingNames.get(a)!.localeCompare(this.buildingNames.get(b)!, 'nb') || (a < b ? -1 : 1);
    return {
      byOrganisationKind: ORGANISATION_KINDS.filter((k) => this.byOrganisationKind.has(k)).map((k) =>
        groupView(k, this.byOrganisationKind.get(k)!),
      ),
      byBuilding: [...this.byBuilding.keys()]
        .sort(byName)
        .map((id) => groupView(id, this.byBuilding.get(id)!, this.buildingNames.get(id))),
      byAgeGroup: AGE_GROUPS.filter((k) => this.byAgeGroup.has(k)).map((k) =>
        groupView(k, this.byAgeGroup.get(k)!),
      ),
    };
  }
}

function sumsOf(map: Map<string, Sums>, key: string): Sums {
  let sums = map.get(key);
  if (!sums) map.set(key, (sums = new Sums()));
  return sums;
}

const groupView = (key: string, s: Sums, name?: string): SimulationGroupView => ({
  key,
  ...(name === undefined ? {} : { name }),
  occurrences: s.occurrences,
  current: { ...s.current },
  proposed: { ...s.proposed },
  difference: difference(s.current, s.proposed),
});
