import { randomUUID } from 'node:crypto';
import { RenterCategory } from '../../core/domain';
import { PriceList, validatePriceList, validateRule } from '../../core/pricing';
import { ExemptionRuleVersion } from '../../fees/exemption-rule-version.entity';
import { RoomPrice } from '../../fees/room-price.entity';
import { RuleFields } from '../../fees/rule-input';
import { Building } from '../../venues/building.entity';
import { Room } from '../../venues/room.entity';
import { SeedPart } from '../seed-part';

/**
 * Hourly rent for nonprofits by room size, as Norwegian municipalities publish it (roughly 41 kr up to
 * 100 m², 155 kr up to 400 m², 458 kr above). Public bodies pay a little more, private persons three and
 * businesses four times the nonprofit rate.
 */
export function hourlyRates(areaSqm: number | null): Record<RenterCategory, number> {
  const area = areaSqm ?? 0;
  const nonprofit = area <= 100 ? 4_100 : area <= 400 ? 15_500 : 45_800;
  return {
    nonprofit,
    public: Math.round((nonprofit * 1.1) / 100) * 100,
    commercial: nonprofit * 4,
    private: nonprofit * 3,
  };
}

/** A caretaker is on duty at weekends in the sports hall and the culture house's halls. */
const WEEKEND_CARETAKER = {
  kind: 'caretaker' as const,
  hourlyOre: 35_000,
  windows: [{ weekdays: [6 as const, 7 as const], from: '08:00', to: '22:00' }],
};

/** The school kitchen is cleaned after each single booking. */
const KITCHEN_CLEANING = { nonprofit: 25_000, public: 25_000, commercial: 45_000, private: 45_000 };

function priceList(room: Room, building: Building): PriceList {
  const weekendCaretaker =
    building.kind === 'sports' || (building.kind === 'culture' && room.kind === 'auditorium');
  return {
    hourlyOre: hourlyRates(room.areaSqm),
    ...(room.kind === 'kitchen' ? { fixedPerBookingOre: KITCHEN_CLEANING } : {}),
    ...(weekendCaretaker ? { extras: [WEEKEND_CARETAKER] } : {}),
  };
}

/** Ås's policy on free use (frivilligmelding): free school rooms for children and youth, half price for other local nonprofits. */
export const AS_RULES: RuleFields[] = [
  {
    name: 'Gratis skolelokaler for lokale barne- og ungdomslag',
    priority: 100,
    validFrom: '2026-01-01',
    validTo: null,
    conditions: {
      organisationKinds: ['voluntary', 'sports'],
      requireFrivillighetsregisteret: true,
      requireLocal: true,
      ageGroups: ['children', 'youth'],
      buildingKinds: ['school'],
      weekdays: [1, 2, 3, 4, 5],
      excludeEntranceFee: true,
    },
    effect: { waivePercent: 100, waives: ['rent', 'fixed', 'caretaker', 'cleaning'] },
  },
  {
    name: 'Halv leie for lokale frivillige lag',
    priority: 50,
    validFrom: '2026-01-01',
    validTo: null,
    conditions: {
      organisationKinds: ['voluntary', 'sports', 'study_association'],
      requireLocal: true,
      excludeEntranceFee: true,
    },
    effect: { waivePercent: 50, waives: ['rent'] },
  },
  {
    // Waives nothing: it is there so a business's fee says which rule priced it.
    name: 'Næringsdrivende betaler full leie',
    priority: 10,
    validFrom: '2026-01-01',
    validTo: null,
    conditions: { organisationKinds: ['commercial'] },
    effect: { waivePercent: 0, waives: ['rent'] },
  },
];

export const feesSeed: SeedPart = {
  name: 'fees',
  async run({ manager, users }) {
    const buildings = new Map((await manager.find(Building)).map((b) => [b.id, b]));
    const rooms = await manager.find(Room);
    const prices = rooms.map((room) => {
      const list = priceList(room, buildings.get(room.buildingId)!);
      const problems = validatePriceList(list);
      if (problems.length > 0) throw new Error(`Demo price list of ${room.name}: ${problems.join('; ')}`);
      return {
        roomId: room.id,
        hourlyNonprofitOre: list.hourlyOre.nonprofit,
        hourlyPublicOre: list.hourlyOre.public,
        hourlyCommercialOre: list.hourlyOre.commercial,
        hourlyPrivateOre: list.hourlyOre.private,
        fixedPerBookingOre: list.fixedPerBookingOre ?? null,
        fixedPerSeriesOre: null,
        extras: list.extras ?? [],
      };
    });
    if (prices.length > 0) await manager.insert(RoomPrice, prices);

    const staff = await users.findByEmail('staff@demo.frirom.no');
    for (const rule of AS_RULES) {
      const problems = validateRule(rule);
      if (problems.length > 0) throw new Error(`Demo rule ${rule.name}: ${problems.join('; ')}`);
      await manager.insert(ExemptionRuleVersion, {
        ruleId: randomUUID(),
        version: 1,
        ...rule,
        createdBy: staff?.id ?? null,
      });
    }
  },
};
