import { addDays, osloToday } from '../src/common/time';
import { DEMO_PARTS } from '../src/seed/demo';
import { historySeed } from '../src/seed/demo/history.seed';
import { SeedService } from '../src/seed/seed.service';
import { startApp, TestApp, TestUser } from './support/test-app';

/** The Ås demo with a year of history: the statistics answer at once on first start. */
describe('the demo history', () => {
  let t: TestApp;
  let analyst: TestUser;
  const today = osloToday();
  const year = { from: addDays(today, -364), to: addDays(today, -1) };

  beforeAll(async () => {
    t = await startApp({ env: { SEED_DEMO: 'true' } });
    const parts = DEMO_PARTS.some((p) => p.name === historySeed.name)
      ? DEMO_PARTS
      : [...DEMO_PARTS, historySeed];
    expect(await t.app.get(SeedService).run(parts)).toContain('history');
    analyst = await t.as('analyst');
  }, 120_000);
  afterAll(() => t.close());

  it('shows a year of use, with attendance, some no-shows and cancellations, waived and charged value', async () => {
    const res = await analyst.http.get('/stats/usage', { query: { ...year, groupBy: 'month' } });
    expect(res.status).toBe(200);
    const { overall, items, coverage } = res.body;
    expect(coverage).toEqual({ days: 364, computedDays: 364, staleDays: 0 });
    expect(items.length).toBeGreaterThanOrEqual(11);
    expect(overall.bookedHours).toBeGreaterThan(500);
    expect(overall.usedHours / overall.bookedHours).toBeGreaterThan(0.8);
    const noShowRate = overall.noShowHours / (overall.usedHours + overall.noShowHours);
    expect(noShowRate).toBeGreaterThan(0.03);
    expect(noShowRate).toBeLessThan(0.15);
    expect(overall.cancelledLateHours).toBeGreaterThan(0);
    expect(overall.cancelledInTimeHours).toBeGreaterThan(0);
    expect(overall.participants).toBeGreaterThan(1000);
    expect(overall.waivedOre).toBeGreaterThan(0);
    expect(overall.chargedOre).toBeGreaterThan(0);
    expect(overall.organisations).toBeGreaterThanOrEqual(10);
    expect(overall.utilisation).toBeGreaterThan(0);
  });

  it('keeps holidays: schools are closed in the summer holiday and on public holidays', async () => {
    const closed = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM booking_occurrences o JOIN rooms r ON r.id = o.room_id
         JOIN buildings b ON b.id = r.building_id
        WHERE b.kind = 'school' AND o.status = 'approved'
          AND (to_char(o.starts_at AT TIME ZONE 'Europe/Oslo', 'MM-DD') BETWEEN '07-01' AND '08-10'
               OR to_char(o.starts_at AT TIME ZONE 'Europe/Oslo', 'MM-DD') IN ('05-17', '12-25', '01-01'))`,
    );
    expect(closed).toEqual([{ n: 0 }]);
  });

  it('shows planned use ahead: booked, not yet used', async () => {
    const ahead = await analyst.http.get('/stats/usage', {
      query: { from: today, to: addDays(today, 150), groupBy: 'building' },
    });
    expect(ahead.body.overall.bookedHours).toBeGreaterThan(50);
    expect(ahead.body.overall.usedHours).toBe(0);
  });
});
