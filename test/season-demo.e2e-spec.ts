import { INestApplicationContext } from '@nestjs/common';
import { DEMO_PARTS } from '../src/seed/demo';
import { seasonsSeed } from '../src/seed/demo/seasons.seed';
import { SeedService } from '../src/seed/seed.service';
import { eventually, startApp, startWorker, TestApp } from './support/test-app';

describe('the demo season', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  beforeAll(async () => {
    t = await startApp({ env: { SEED_DEMO: 'true' } });
    worker = await startWorker(t.config);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('opens next autumn with competing applications that staff can allocate on first start', async () => {
    const parts = [...DEMO_PARTS.filter((p) => p.name !== seasonsSeed.name), seasonsSeed];
    expect(await t.app.get(SeedService).run(parts)).toContain('seasons');
    const login = await t.http.post('/auth/login', { email: 'staff@demo.frirom.no', password: 'demo-staff' });
    const staff = t.http.as(login.body.accessToken);

    const seasons = (await t.http.get('/seasons')).body.items;
    expect(seasons).toHaveLength(1);
    const [season] = seasons;
    expect(season.status).toBe('open');
    expect(season.rooms.map((r: any) => r.name)).toEqual(
      expect.arrayContaining(['Hallflate', 'Bane A', 'Gymsal']),
    );
    const applications = await staff.get(`/seasons/${season.id}/applications`, { query: { limit: 100 } });
    expect(applications.body.total).toBeGreaterThanOrEqual(24);

    const queued = await staff.post(`/seasons/${season.id}/allocate`);
    expect(queued.status).toBe(202);
    await eventually(
      async () => {
        const job = await staff.get(`/jobs/${queued.body.jobId}`);
        // GET /jobs/:id may read the state just after the job completed but its result from just before.
        return job.body.state === 'completed' && job.body.result ? job.body : undefined;
      },
      { timeout: 60_000 },
    );
    const proposal = (await staff.get(`/seasons/${season.id}/allocation`)).body;
    expect(['optimal', 'time_limit']).toContain(proposal.status);
    expect(proposal.assignments.length).toBeGreaterThan(20);
    expect(proposal.unassigned.length).toBeGreaterThan(0); // some lose out, and say to whom
    expect(proposal.unassigned.map((u: any) => u.explanation).join(' ')).toMatch(/is held by .+ «.+»/);
    const all = [...proposal.assignments, ...proposal.unassigned].map((x: any) => x.explanation).join(' ');
    expect(all).toMatch(/outside the room's opening hours/);
  }, 120_000);
});
