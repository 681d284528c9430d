import { parseInstant } from '../src/common/time';
import type { OccurrenceFee } from '../src/core/pricing';
import { FeesService, RequestForPricing } from '../src/fees/fees.service';
import { SeedService } from '../src/seed/seed.service';
import { startApp, TestApp, TestUser } from './support/test-app';

describe('FeesService.priceRequest: what bookings are charged under the current rules', () => {
  let t: TestApp;
  let staff: TestUser;
  let fees: FeesService;
  let gym: any;
  let hall: any;

  beforeAll(async () => {
    t = await startApp();
    staff = await t.as('staff');
    fees = t.app.get(FeesService);
    const school = (await staff.http.post('/buildings', { name: 'Kroer skole', kind: 'school' })).body;
    const sports = (await staff.http.post('/buildings', { name: 'Åshallen', kind: 'sports' })).body;
    const room = async (buildingId: string, name: string, kind: string) =>
      (await staff.http.post('/rooms', { buildingId, name, kind, capacity: 50 })).body;
    gym = await room(school.id, 'Gymsal', 'gym');
    hall = await room(sports.id, 'Hallflate', 'hall');
    await staff.http.put(`/rooms/${gym.id}/prices`, {
      hourlyOre: { nonprofit: 10000, public: 12000, commercial: 40000, private: 30000 },
      fixedPerBookingOre: { nonprofit: 2000 },
      fixedPerSeriesOre: { nonprofit: 5000 },
    });
  });
  afterAll(() => t.close());

  const at = (text: string): Date => parseInstant(text)!;
  const ask = (
    dates: string[],
    extra: Partial<RequestForPricing> = {},
    roomId: string = gym.id,
  ): Promise<OccurrenceFee[]> =>
    fees.priceRequest({
      organisation: { kind: 'voluntary', inFrivillighetsregisteret: true, municipalityNumber: '3218' },
      ageGroup: 'children',
      chargesEntranceFee: false,
      repeating: false,
      occurrences: dates.map((d) => ({ roomId, startsAt: at(`${d}T18:00`), endsAt: at(`${d}T20:00`) })),
      ...extra,
    });

  it('applies a rule from its first to its last day, by the Oslo start date', async () => {
    const rule = (
      await staff.http.post('/exemption-rules', {
        name: 'Mars gratis',
        priority: 10,
        validFrom: '2027-03-01',
        validTo: '2027-03-31',
        conditions: { organisationKinds: ['voluntary'] },
        effect: { waivePercent: 100, waives: ['rent', 'fixed'] },
      })
    ).body;
    const priced = await ask(['2027-02-28', '2027-03-01', '2027-03-31', '2027-04-01']);
    expect(priced.map((f) => [f.listOre, f.waivedOre, f.chargedOre, f.ruleId, f.ruleVersion])).toEqual([
      [22000, 0, 22000, null, null],
      [22000, 22000, 0, rule.id, 1],
      [22000, 22000, 0, rule.id, 1],
      [22000, 0, 22000, null, null],
    ]);
    // The day is Oslo's: 00:30 on 1 March in Oslo is still 28 February in UTC.
    const [justIn] = await fees.priceRequest({
      organisation: { kind: 'voluntary', inFrivillighetsregisteret: true, municipalityNumber: '3218' },
      ageGroup: 'adults',
      chargesEntranceFee: false,
      repeating: false,
      occurrences: [{ roomId: gym.id, startsAt: at('2027-03-01T00:30'), endsAt: at('2027-03-01T01:30') }],
    });
    expect([justIn.ruleId, justIn.chargedOre]).toEqual([rule.id, 0]);

    // An edit moves the rule to its next version: from then on, that version prices.
    await staff.http.patch(`/exemption-rules/${rule.id}`, {
      validTo: '2027-03-15',
      effect: { waivePercent: 50 },
    });
    const again = await ask(['2027-03-15', '2027-03-16']);
    expect(again.map((f) => [f.waivedOre, f.ruleVersion])).toEqual([
      [10000, 2],
      [0, null],
    ]);
  });

  it('puts the per-series fee on the first occurrence of a repeating request, the per-booking fee on each single one', async () => {
    const dates = ['2027-05-11', '2027-05-04', '2027-05-18']; // not in order: the earliest opens the series
    const series = await ask(dates, { repeating: true });
    expect(series.map((f) => f.listOre)).toEqual([20000, 25000, 20000]);
    expect(series[1].lines).toContainEqual(
      expect.objectContaining({ kind: 'fixed', per: 'series', listOre: 5000 }),
    );
    const later = await ask(dates, { repeating: true, seriesStartsHere: false });
    expect(later.map((f) => f.listOre)).toEqual([20000, 20000, 20000]);
    const single = await ask(dates, { repeating: false });
    expect(single.map((f) => f.listOre)).toEqual([22000, 22000, 22000]);
    expect(await ask([])).toEqual([]);
  });

  it('charges nothing in a room without a price list, and explains which rule would apply', async () => {
    const [fee] = await ask(['2027-03-10'], {}, hall.id);
    expect(fee).toMatchObject({ listOre: 0, waivedOre: 0, chargedOre: 0, ruleId: null, lines: [] });
    expect(fee.explanation.noPriceList).toBe(true);
  });

  it('refuses an unknown room and an occurrence that does not end after it starts', async () => {
    await expect(ask(['2027-03-10'], {}, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      fees.priceRequest({
        organisation: { kind: 'voluntary', inFrivillighetsregisteret: true, municipalityNumber: '3218' },
        ageGroup: 'children',
        chargesEntranceFee: false,
        repeating: false,
        occurrences: [{ roomId: gym.id, startsAt: at('2027-03-10T18:00'), endsAt: at('2027-03-10T18:00') }],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_TIME_RANGE' });
  });

  it('runs inside the caller’s transaction, seeing what it wrote', async () => {
    const priced = await t.dataSource.transaction(async (m) => {
      await m.query('UPDATE room_prices SET hourly_nonprofit_ore = 20000 WHERE room_id = $1', [gym.id]);
      const inside = await fees.priceRequest(
        {
          organisation: { kind: 'sports', inFrivillighetsregisteret: false, municipalityNumber: null },
          ageGroup: 'adults',
          chargesEntranceFee: true,
          repeating: false,
          occurrences: [{ roomId: gym.id, startsAt: at('2027-06-01T18:00'), endsAt: at('2027-06-01T19:00') }],
        },
        m,
      );
      await m.query('UPDATE room_prices SET hourly_nonprofit_ore = 10000 WHERE room_id = $1', [gym.id]);
      return inside;
    });
    expect(priced[0].listOre).toBe(22000);
  });
});

describe('the fees part of the Ås demo', () => {
  it('gives every demo room a price list and loads Ås’s rules', async () => {
    const t = await startApp({ env: { SEED_DEMO: 'true' } });
    try {
      const { DEMO_PARTS } = await import('../src/seed/demo');
      const { feesSeed } = await import('../src/seed/demo/fees.seed');
      const parts = DEMO_PARTS.some((p) => p.name === 'fees') ? DEMO_PARTS : [...DEMO_PARTS, feesSeed];
      expect(await t.app.get(SeedService).run(parts)).toContain('fees');

      const [{ rooms, priced }] = await t.dataSource.query(
        'SELECT (SELECT count(*)::int FROM rooms) AS rooms, (SELECT count(*)::int FROM room_prices) AS priced',
      );
      expect(priced).toBe(rooms);
      const gyms = (await t.http.get('/rooms', { query: { kind: 'gym', limit: 100 } })).body.items;
      const small = gyms.find((r: any) => r.areaSqm <= 400 && r.areaSqm > 100);
      expect((await t.http.get(`/rooms/${small.id}/prices`)).body.hourlyOre.nonprofit).toBe(15500);
      const analyst = await t.as('analyst');
      const rules = (await analyst.http.get('/exemption-rules', { query: { validOn: '2026-09-01' } })).body;
      expect(rules.items.map((r: any) => [r.priority, r.effect.waivePercent])).toEqual([
        [100, 100],
        [50, 50],
        [10, 0],
      ]);
    } finally {
      await t.close();
    }
  });
});
