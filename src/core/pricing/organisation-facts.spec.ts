import { fieldChanges, PRICED_ORGANISATION_FACTS, touchesPricedFacts } from './organisation-facts';
import { priceOccurrence } from './price-occurrence';
import { compileRules } from './rules';
import type { PricingSubject } from './types';

const before: Record<string, string | boolean | null> = {
  kind: 'commercial',
  inFrivillighetsregisteret: false,
  municipalityNumber: null,
  website: null,
};

describe('the organisation facts fees depend on', () => {
  it('names only the fields whose value changes, old → new', () => {
    expect(
      fieldChanges(before, { kind: 'commercial', website: 'https://x.no', municipalityNumber: null }),
    ).toEqual({ website: { from: null, to: 'https://x.no' } });
    expect(touchesPricedFacts(fieldChanges(before, { website: 'https://x.no' }))).toBe(false);
    expect(touchesPricedFacts(fieldChanges(before, { municipalityNumber: '3218' }))).toBe(true);
  });

  it('lists every fact whose change can change a fee', () => {
    // Each listed fact, changed alone, changes the fee of some occurrence under some rule.
    const subject: PricingSubject = {
      startsAt: new Date('2027-09-07T16:00:00Z'),
      endsAt: new Date('2027-09-07T17:00:00Z'),
      series: { repeating: false, first: true },
      organisation: { kind: 'voluntary', inFrivillighetsregisteret: true, municipalityNumber: '3218' },
      ageGroup: 'children',
      chargesEntranceFee: false,
      building: { kind: 'school' },
      room: { kind: 'gym' },
      priceList: { hourlyOre: { nonprofit: 10000, public: 10000, commercial: 90000, private: 10000 } },
    };
    const rules = compileRules([
      {
        id: 'r',
        version: 1,
        name: 'Lokal frivillighet',
        priority: 1,
        validFrom: '2027-01-01',
        conditions: {
          organisationKinds: ['voluntary'],
          requireFrivillighetsregisteret: true,
          requireLocal: true,
        },
        effect: { waivePercent: 100 },
      },
    ]);
    const charged = (organisation: PricingSubject['organisation']) =>
      priceOccurrence({ ...subject, organisation }, rules, { homeMunicipalityNumber: '3218' }).chargedOre;
    const base = charged(subject.organisation);
    const changed = { kind: 'sports', inFrivillighetsregisteret: false, municipalityNumber: '0301' } as const;
    for (const fact of PRICED_ORGANISATION_FACTS) {
      expect({ fact, differs: charged({ ...subject.organisation, [fact]: changed[fact] }) !== base }).toEqual(
        {
          fact,
          differs: true,
        },
      );
    }
  });
});
