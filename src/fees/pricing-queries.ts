import { EntityManager } from 'typeorm';
import type { BuildingKind, RenterCategory, RoomKind } from '../core/domain';
import type { ExemptionRule, PriceExtra, PriceList, RuleConditions, RuleEffect } from '../core/pricing';

/** What pricing needs to know about a room. */
export interface RoomFacts {
  roomKind: RoomKind;
  buildingId: string;
  buildingName: string;
  buildingKind: BuildingKind;
  priceList: PriceList | null;
}

/** A room_prices row as SQL answers it. */
export interface PriceRow {
  hourly_nonprofit_ore: number;
  hourly_public_ore: number;
  hourly_commercial_ore: number;
  hourly_private_ore: number;
  fixed_per_booking_ore: Partial<Record<RenterCategory, number>> | null;
  fixed_per_series_ore: Partial<Record<RenterCategory, number>> | null;
  extras: PriceExtra[];
}

export interface RoomFactsRow extends PriceRow {
  id: string;
  kind: RoomKind;
  building_id: string;
  building_name: string;
  building_kind: BuildingKind;
  has_prices: boolean;
}

/** Every room with its building and price list; a caller adds its WHERE on `r` (loadRoomFacts, the booking plan). */
export const ROOM_FACTS_SQL = `SELECT r.id, r.kind, r.building_id, b.name AS building_name, b.kind AS building_kind,
            p.hourly_nonprofit_ore, p.hourly_public_ore, p.hourly_commercial_ore, p.hourly_private_ore,
            p.fixed_per_booking_ore, p.fixed_per_series_ore, p.extras, p.room_id IS NOT NULL AS has_prices
       FROM rooms r
       JOIN buildings b ON b.id = r.building_id
       LEFT JOIN room_prices p ON p.room_id = r.id`;

/** The rooms (all of them when no ids are given) with their building and price list, in one query. */
export async function loadRoomFacts(m: EntityManager, roomIds?: string[]): Promise<Map<string, RoomFacts>> {
  // Two shapes rather than "$1 IS NULL OR …", so that a few rooms are looked up by their key.
  const rows = await m.query<RoomFactsRow[]>(
    `${ROOM_FACTS_SQL} ${roomIds ? 'WHERE r.id = ANY($1::uuid[])' : ''}`,
    roomIds ? [roomIds] : [],
  );
  return toRoomFacts(rows);
}

/** ROOM_FACTS_SQL's rows as pricing takes them, by room id (rows as `pg` or as json_agg answers them). */
export function toRoomFacts(rows: RoomFactsRow[]): Map<string, RoomFacts> {
  return new Map(
    rows.map((row) => [
      row.id,
      {
        roomKind: row.kind,
        buildingId: row.building_id,
        buildingName: row.building_name,
        buildingKind: row.building_kind,
        priceList: row.has_prices ? toPriceList(row) : null,
      },
    ]),
  );
}

/** A stored price list in the pricing core's shape (absent fixed fees and extras left out). */
export function toPriceList(row: PriceRow): PriceList {
  return {
    hourlyOre: {
      nonprofit: row.hourly_nonprofit_ore,
      public: row.hourly_public_ore,
      commercial: row.hourly_commercial_ore,
      private: row.hourly_private_ore,
    },
    ...(row.fixed_per_booking_ore ? { fixedPerBookingOre: row.fixed_per_booking_ore } : {}),
    ...(row.fixed_per_series_ore ? { fixedPerSeriesOre: row.fixed_per_series_ore } : {}),
    ...(row.extras.length > 0 ? { extras: row.extras } : {}),
  };
}

export interface RuleRow {
  rule_id: string;
  version: number;
  name: string;
  priority: number;
  valid_from: string;
  valid_to: string | null;
  conditions: RuleConditions;
  effect: RuleEffect;
  created_at: Date;
  created_by: string | null;
}

const RULE_COLUMNS = `rule_id, version, name, priority, valid_from::text AS valid_from,
  valid_to::text AS valid_to, conditions, effect, created_at, created_by`;

/** The current (highest) version of each rule matching `where` (all of them by default). */
export const currentRulesSql = (where = 'true'): string =>
  `SELECT DISTINCT ON (rule_id) ${RULE_COLUMNS}
     FROM exemption_rule_versions
    WHERE ${where}
    ORDER BY rule_id, version DESC`;

/** The current (highest) version of every rule, or of one rule. */
export async function currentRuleRows(m: EntityManager, ruleId?: string): Promise<RuleRow[]> {
  return m.query<RuleRow[]>(currentRulesSql('$1::uuid IS NULL OR rule_id = $1::uuid'), [ruleId ?? null]);
}

/** Every version of one rule, oldest first. */
export async function ruleVersionRows(m: EntityManager, ruleId: string): Promise<RuleRow[]> {
  return m.query<RuleRow[]>(
    `SELECT ${RULE_COLUMNS} FROM exemption_rule_versions WHERE rule_id = $1 ORDER BY version`,
    [ruleId],
  );
}

export const toExemptionRule = (row: RuleRow): ExemptionRule => ({
  id: row.rule_id,
  version: row.version,
  name: row.name,
  priority: row.priority,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  conditions: row.conditions,
  effect: row.effect,
});

/** Today's rules: the current version of each, as the pricing core takes them. */
export async function loadCurrentRules(m: EntityManager): Promise<ExemptionRule[]> {
  return (await currentRuleRows(m)).map(toExemptionRule);
}
