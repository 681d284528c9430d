import type { AgeGroup, BuildingKind, OrganisationKind, RenterCategory, RoomKind, Weekday } from '../domain';

/** What a fee line charges for. */
export const CHARGE_KINDS = ['rent', 'fixed', 'caretaker', 'cleaning'] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];

export const EXTRA_KINDS = ['caretaker', 'cleaning'] as const;
export type ExtraKind = (typeof EXTRA_KINDS)[number];

/** Weekly wall-clock window in Europe/Oslo; `from` < `to`, '24:00' allowed as `to`. */
export interface ChargeWindow {
  weekdays: Weekday[];
  from: string;
  to: string;
}

export interface PriceExtra {
  kind: ExtraKind;
  hourlyOre: number;
  /** Charged for the minutes of the occurrence inside any of the windows (their union). */
  windows: ChargeWindow[];
}

export interface PriceList {
  hourlyOre: Record<RenterCategory, number>;
  /** Once on each occurrence of a request that does not repeat. */
  fixedPerBookingOre?: Partial<Record<RenterCategory, number>>;
  /** Once per repeating request, on its first occurrence. */
  fixedPerSeriesOre?: Partial<Record<RenterCategory, number>>;
  extras?: PriceExtra[];
}

export interface RuleConditions {
  organisationKinds?: OrganisationKind[];
  requireFrivillighetsregisteret?: boolean;
  /** The organisation's municipalityNumber equals the home municipality's. */
  requireLocal?: boolean;
  ageGroups?: AgeGroup[];
  buildingKinds?: BuildingKind[];
  roomKinds?: RoomKind[];
  /** ISO weekday of the local start. */
  weekdays?: Weekday[];
  /** 'HH:MM': local start ≥ this. */
  startsNotBefore?: string;
  /** 'HH:MM' ('24:00' allowed): local end ≤ this, on the start's date (an end past midnight counts 24:00+). */
  endsNotAfter?: string;
  /** true: the rule does not apply to activities that charge entrance. */
  excludeEntranceFee?: boolean;
}

/** The order conditions are checked in; the first that fails is the one reported. */
export const CONDITION_ORDER = [
  'organisationKinds',
  'requireFrivillighetsregisteret',
  'requireLocal',
  'ageGroups',
  'buildingKinds',
  'roomKinds',
  'weekdays',
  'startsNotBefore',
  'endsNotAfter',
  'excludeEntranceFee',
] as const satisfies readonly (keyof RuleConditions)[];

export interface RuleEffect {
  /** Integer 0..100. */
  waivePercent: number;
  /** Default ['rent']. */
  waives?: ChargeKind[];
}

export interface ExemptionRule {
  id: string;
  version: number;
  name: string;
  priority: number;
  /** YYYY-MM-DD, inclusive. */
  validFrom: string;
  /** YYYY-MM-DD, inclusive; null or absent: open-ended. */
  validTo?: string | null;
  conditions: RuleConditions;
  effect: RuleEffect;
}

export interface PricingSubject {
  startsAt: Date;
  endsAt: Date;
  /** Part of a repeating request, and whether this is its first occurrence. */
  series: { repeating: boolean; first: boolean };
  organisation: {
    kind: OrganisationKind;
    inFrivillighetsregisteret: boolean;
    municipalityNumber: string | null;
  };
  ageGroup: AgeGroup;
  chargesEntranceFee: boolean;
  building: { kind: BuildingKind };
  room: { kind: RoomKind };
  priceList: PriceList | null;
}

export interface FeeLine {
  kind: ChargeKind;
  listOre: number;
  waivedOre: number;
  chargedOre: number;
  /** Hourly lines: the hourly rate; fixed lines: the fixed amount. */
  rateOre?: number;
  /** Hourly lines: the minutes charged (from the instants; fractional when seconds are involved). */
  minutes?: number;
  /** Fixed lines: per single booking or per series. */
  per?: 'booking' | 'series';
}

export type FailedCondition = keyof RuleConditions | 'validity';

export interface RuleEvaluation {
  ruleId: string;
  ruleVersion: number;
  name: string;
  priority: number;
  matched: boolean;
  failed?: { condition: FailedCondition; expected: unknown; actual: unknown };
}

export interface OccurrenceExplanation {
  noPriceList: boolean;
  renterCategory: RenterCategory;
  /** The winning rule (also given when the room has no price list: it would have applied). */
  applied: RuleEvaluation | null;
  /** Every rule valid on the occurrence's local start date, in rank order. */
  considered: RuleEvaluation[];
  /** The best-ranked rule that failed and would have outranked the applied one (or any, if none applied). */
  nearMiss: RuleEvaluation | null;
  summary: string;
}

export interface OccurrenceFee {
  lines: FeeLine[];
  listOre: number;
  waivedOre: number;
  chargedOre: number;
  /** The rule that priced the occurrence; null when none applied or the room has no price list. */
  ruleId: string | null;
  ruleVersion: number | null;
  explanation: OccurrenceExplanation;
}

export interface PricingContext {
  homeMunicipalityNumber: string;
}
