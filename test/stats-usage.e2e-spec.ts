import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { parseInstant } from '../src/common/time';
import { JobName } from '../src/jobs/job-registry';
import { JobsService } from '../src/jobs/jobs.service';
import { eventually, startApp, startWorker, TestApp, TestUser } from './support/test-app';
import { orgNumber } from './support/world';

/**
 * A small world where every hour and øre is known by hand, in the past (so days are past days).
 *
 * Testskole (school, closed on holidays), Gymsal: Mon–Fri 17–22, Sat–Sun 09–21.
 *   Week Mon 2 – Sun 8 February 2026: open 5×5 + 2×12 = 49 h, minus a room closure Wed 17–19 (2 h)
 *   and a building closure Fri 18:00–24:00 (4 h of the gym's evening) = 43 h.
 * Testhus (culture, open on holidays), Døgnrom: every day 00–24: 168 h that week.
 *
 *  O1 Sjakklubb (voluntary) children, gym Tue 3 Feb 18–20, used, 12 participants, 300 kr waived whole (rule Gratis)
 *  O2 Sjakklubb children, gym Thu 5 Feb 18–20, no-show, 300 kr waived whole (Gratis)
 *  O3 Ås IL (sports) youth, gym Mon 2 Feb 17:00–18:30, no attendance recorded, 225 kr charged (no rule)
 *  O4 Ås IL youth, gym Sat 7 Feb 10–13, cancelled late; O5 Ås IL, gym Sun 8 Feb 10–11, cancelled in time
 *  O6 Eventbyrå AS (commercial) adults, gym Sat 7 Feb 14–16, used, 80 participants, 1200 kr charged (rule Full pris)
 *  O7 pending, O8 rejected: never counted
 *  O9 Eventbyrå AS adults, Døgnrom Fri 6 Feb 22:00 – Sat 7 Feb 02:00, used, 40 participants, 400 kr (Full pris)
 *  Clock changes: Døgnrom Sun 29 Mar 2026 01–04 (2 real hours, the day has 23) and Sun 26 Oct 2025 01–04 (4, of 25).
 */
describe('the usage rollup and GET /stats/usage', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let staff: TestUser;
  let analyst: TestUser;
  const ids: Record<string, string> = {};
  const FREE = randomUUID();
  const FULL = randomUUID();
  let firstRun: any;

  const at = (text: string): Date => parseInstant(text)!;
  const usage = async (query: Record<string, string>, as: TestUser = analyst) =>
    as.http.get('/stats/usage', { query: { from: '2026-02-02', to: '2026-02-08', ...query } });
  const rowOf = (body: any, key: string) => body.items.find((r: any) => r.key === key);
  const runJob = async (jobId: string, as: TestUser) =>
    eventually(
      async () => {
        const res = await as.http.get(`/jobs/${jobId}`);
        if (res.body.state === 'failed') throw new Error(`job failed: ${res.body.failedReason}`);
        return res.body.state === 'completed' ? res.body : undefined;
      },
      { timeout: 60_000 },
    );
  const rollup = async (from: string, to: string) => {
    const res = await analyst.http.post('/stats/rollup', { from, to });
    expect(res.status).toBe(202);
    return runJob(res.body.jobId, analyst);
  };
  const snapshot = async () => ({
    daily: await t.dataSource.query(`
      SELECT date::text, room_id, organisation_id, age_group, rule_id, occurrences, booked_seconds, used_seconds,
             no_show_seconds, cancelled_late_seconds, cancelled_in_time_seconds, booked_leaf_seconds, participants,
             list_ore, waived_ore, charged_ore
        FROM stats_daily_usage ORDER BY 1, 2, 3, 4, 5 NULLS FIRST`),
    monthly: await t.dataSource.query(`
      SELECT month::text, weekday, room_id, organisation_id, age_group, rule_id, occurrences, booked_seconds
        FROM stats_monthly_usage ORDER BY 1, 2, 3, 4, 5, 6 NULLS FIRST`),
    rooms: await t.dataSource.query(
      `SELECT date::text, room_id, open_seconds FROM stats_room_days ORDER BY 1, 2`,
    ),
  });

  beforeAll(async () => {
    t = await startApp();
    worker = await startWorker(t.config);
    [staff, analyst] = await Promise.all([t.as('staff'), t.as('analyst')]);
    const building = async (name: string, kind: string, closedOnPublicHolidays: boolean) =>
      (await staff.http.post('/buildings', { name, kind, closedOnPublicHolidays })).body.id;
    ids.school = await building('Testskole', 'school', true);
    ids.house = await building('Testhus', 'culture', false);
    const room = async (buildingId: string, name: string, kind: string, hours: unknown[]) => {
      const id = (await staff.http.post('/rooms', { buildingId, name, kind, capacity: 50 })).body.id;
      expect((await staff.http.put(`/rooms/${id}/opening-hours`, { hours })).status).toBe(200);
      return id;
    };
    ids.gym = await room(ids.school, 'Gymsal', 'gym', [
      ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '17:00', closes: '22:00' })),
      ...[6, 7].map((weekday) => ({ weekday, opens: '09:00', closes: '21:00' })),
    ]);
    ids.allDay = await room(
      ids.house,
      'Døgnrom',
      'meeting_room',
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })),
    );
    for (const closure of [
      { roomId: ids.gym, startsAt: '2026-02-04T17:00', endsAt: '2026-02-04T19:00', reason: 'Foreldremøte' },
      {
        buildingId: ids.school,
        startsAt: '2026-02-06T18:00',
        endsAt: '2026-02-07T00:00',
        reason: 'Skolefest',
      },
    ])
      expect((await staff.http.post('/closures', closure)).status).toBe(201);

    for (const [rule, name] of [
      [FREE, 'Gratis for barn og unge'],
      [FULL, 'Full pris for næringsdrivende'],
    ])
      await t.dataSource.query(
        `INSERT INTO exemption_rule_versions (rule_id, version, name, priority, valid_from, conditions, effect)
         VALUES ($1, 1, $2, 10, '2025-01-01', '{}', '{"waivePercent": 0}')`,
        [rule, name],
      );
    const org = async (name: string, kind: string) =>
      (
        await t.dataSource.query(
          `INSERT INTO organisations (org_number, name, kind, in_frivillighetsregisteret, email, status)
           VALUES ($1, $2, $3, true, 'post@example.no', 'verified') RETURNING id`,
          [orgNumber(), name, kind],
        )
      )[0].id;
    ids.chess = await org('Ås Sjakklubb', 'voluntary');
    ids.club = await org('Ås IL', 'sports');
    ids.events = await org('Eventbyrå AS', 'commercial');

    const occurrence = async (
      name: string,
      o: { org: string; room: string; age: string; from: string; to: string; status?: string } & Partial<{
        late: boolean;
        attendance: string;
        participants: number;
        list: number;
        waived: number;
        rule: string;
      }>,
    ) => {
      const [request] = await t.dataSource.query(
        `INSERT INTO booking_requests (organisation_id, room_id, title, age_group, expected_participants)
         VALUES ($1, $2, 'Test', $3, 10) RETURNING id`,
        [o.org, o.room, o.age],
      );
      const list = o.list ?? 0;
      const waived = o.waived ?? 0;
      const [row] = await t.dataSource.query(
        `INSERT INTO booking_occurrences (request_id, room_id, starts_at, ends_at, status, cancelled_late, attendance,
                                          participants, list_ore, waived_ore, charged_ore, rule_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          request.id,
          o.room,
          at(o.from),
          at(o.to),
          o.status ?? 'approved',
          o.late ?? null,
          o.attendance ?? null,
          o.participants ?? null,
          list,
          waived,
          list - waived,
          o.rule ?? null,
        ],
      );
      ids[name] = row.id;
    };
    const gym = ids.gym;
    await occurrence('o1', {
      org: ids.chess,
      room: gym,
      age: 'children',
      from: '2026-02-03T18:00',
      to: '2026-02-03T20:00',
      attendance: 'used',
      participants: 12,
      list: 30000,
      waived: 30000,
      rule: FREE,
    });
    await occurrence('o2', {
      org: ids.chess,
      room: gym,
      age: 'children',
      from: '2026-02-05T18:00',
      to: '2026-02-05T20:00',
      attendance: 'no_show',
      list: 30000,
      waived: 30000,
      rule: FREE,
    });
    await occurrence('o3', {
      org: ids.club,
      room: gym,
      age: 'youth',
      from: '2026-02-02T17:00',
      to: '2026-02-02T18:30',
      list: 22500,
    });
    await occurrence('o4', {
      org: ids.club,
      room: gym,
      age: 'youth',
      from: '2026-02-07T10:00',
      to: '2026-02-07T13:00',
      status: 'cancelled',
      late: true,
      list: 45000,
    });
    await occurrence('o5', {
      org: ids.club,
      room: gym,
      age: 'youth',
      from: '2026-02-08T10:00',
      to: '2026-02-08T11:00',
      status: 'cancelled',
      late: false,
      list: 15000,
    });
    await occurrence('o6', {
      org: ids.events,
      room: gym,
      age: 'adults',
      from: '2026-02-07T14:00',
      to: '2026-02-07T16:00',
      attendance: 'used',
      participants: 80,
      list: 120000,
      rule: FULL,
    });
    await occurrence('o7', {
      org: ids.club,
      room: gym,
      age: 'youth',
      from: '2026-02-04T19:00',
      to: '2026-02-04T20:00',
      status: 'pending',
      list: 15000,
    });
    await occurrence('o8', {
      org: ids.club,
      room: gym,
      age: 'youth',
      from: '2026-02-05T17:00',
      to: '2026-02-05T18:00',
      status: 'rejected',
      list: 15000,
    });
    await occurrence('o9', {
      org: ids.events,
      room: ids.allDay,
      age: 'adults',
      from: '2026-02-06T22:00',
      to: '2026-02-07T02:00',
      attendance: 'used',
      participants: 40,
      list: 40000,
      rule: FULL,
    });
    await occurrence('spring', {
      org: ids.events,
      room: ids.allDay,
      age: 'adults',
      from: '2026-03-29T01:00',
      to: '2026-03-29T04:00',
    });
    await occurrence('autumn', {
      org: ids.events,
      room: ids.allDay,
      age: 'adults',
      from: '2025-10-26T01:00',
      to: '2025-10-26T04:00',
    });

    firstRun = await rollup('2025-10-01', '2026-03-31');
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('recomputes a period in the worker: 202 with a job, progress to 100, a result saying what was done', () => {
    expect(firstRun).toMatchObject({
      name: JobName.StatsRollup,
      state: 'completed',
      progress: 100,
      result: { days: 182, from: '2025-10-01', to: '2026-03-31', usageRows: expect.any(Number) },
    });
  });

  it('gives each building its hours, open hours, utilisation, organisations, participants and money', async () => {
    const res = await usage({ groupBy: 'building' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-02-02', to: '2026-02-08', groupBy: 'building', total: 2 });
    expect(res.body.items.map((r: any) => r.label)).toEqual(['Testhus', 'Testskole']);
    expect(rowOf(res.body, ids.school)).toEqual({
      key: ids.school,
      label: 'Testskole',
      occurrences: 4,
      bookedHours: 7.5,
      usedHours: 4,
      noShowHours: 2,
      cancelledLateHours: 3,
      cancelledInTimeHours: 1,
      openHours: 43,
      utilisation: 0.1744,
      organisations: 3,
      participants: 92,
      listOre: 202_500,
      waivedOre: 60_000,
      chargedOre: 142_500,
    });
    expect(rowOf(res.body, ids.house)).toMatchObject({
      occurrences: 1,
      bookedHours: 4,
      usedHours: 4,
      openHours: 168,
      utilisation: 0.0238,
      organisations: 1,
      participants: 40,
      chargedOre: 40_000,
    });
    expect(res.body.overall).toMatchObject({
      key: 'all',
      occurrences: 5,
      bookedHours: 11.5,
      usedHours: 8,
      noShowHours: 2,
      openHours: 211,
      utilisation: 0.0545,
      organisations: 3,
      participants: 132,
      listOre: 242_500,
      waivedOre: 60_000,
      chargedOre: 182_500,
    });
    expect(res.body.coverage).toEqual({ days: 7, computedDays: 7, staleDays: 0 });
  });

  it('groups by organisation kind, rule, organisation and room, against all open hours in scope', async () => {
    const kinds = (await usage({ groupBy: 'organisationKind' })).body;
    expect(
      kinds.items.map((r: any) => [r.key, r.label, r.occurrences, r.bookedHours, r.utilisation]),
    ).toEqual([
      ['voluntary', 'Frivillig lag', 2, 4, 0.019],
      ['sports', 'Idrettslag', 1, 1.5, 0.0071],
      ['commercial', 'Næringsdrivende', 2, 6, 0.0284],
    ]);
    expect(rowOf(kinds, 'sports')).toMatchObject({
      cancelledLateHours: 3,
      cancelledInTimeHours: 1,
      chargedOre: 22_500,
    });

    const rules = (await usage({ groupBy: 'exemptionRule', locale: 'en' })).body;
    expect(
      rules.items.map((r: any) => [r.key, r.label, r.occurrences, r.bookedHours, r.waivedOre, r.chargedOre]),
    ).toEqual([
      [FULL, 'Full pris for næringsdrivende', 2, 6, 0, 160_000],
      [FREE, 'Gratis for barn og unge', 2, 4, 60_000, 0],
      ['none', 'No exemption rule', 1, 1.5, 0, 22_500],
    ]);

    const orgs = (await usage({ groupBy: 'organisation' })).body;
    expect(orgs.items.map((r: any) => [r.label, r.organisations, r.participants])).toEqual([
      ['Eventbyrå AS', 1, 120],
      ['Ås IL', 1, 0],
      ['Ås Sjakklubb', 1, 12],
    ]);

    const rooms = (await usage({ groupBy: 'room', roomKind: 'gym' })).body;
    expect(rooms.items).toHaveLength(1);
    expect(rooms.items[0]).toMatchObject({ label: 'Testskole – Gymsal', bookedHours: 7.5, openHours: 43 });
  });

  it('filters by building and organisation kind, leaving open hours to the rooms', async () => {
    const commercial = (await usage({ groupBy: 'building', organisationKind: 'commercial' })).body;
    expect(rowOf(commercial, ids.school)).toMatchObject({ bookedHours: 2, openHours: 43, organisations: 1 });
    expect(rowOf(commercial, ids.house)).toMatchObject({ bookedHours: 4, openHours: 168 });
    const oneBuilding = (await usage({ groupBy: 'month', buildingId: ids.house })).body;
    expect(oneBuilding.items).toEqual([
      expect.objectContaining({ key: '2026-02', label: 'februar 2026', bookedHours: 4, openHours: 168 }),
    ]);
  });

  it('reads whole months from the monthly rollup and the days at the edges from the daily one', async () => {
    const february = (await usage({ from: '2026-02-01', to: '2026-02-28', groupBy: 'building' })).body;
    expect(rowOf(february, ids.school)).toMatchObject({ occurrences: 4, bookedHours: 7.5, openHours: 190 });
    expect(rowOf(february, ids.house)).toMatchObject({ occurrences: 1, bookedHours: 4, openHours: 672 });
    expect(february.overall).toMatchObject({ organisations: 3, listOre: 242_500, utilisation: 0.0133 });
    // 20–31 January by day; February and March (with its 23-hour Sunday) by month.
    const mixed = (await usage({ from: '2026-01-20', to: '2026-03-31', groupBy: 'building' })).body;
    expect(rowOf(mixed, ids.school)).toMatchObject({ bookedHours: 7.5, openHours: 81 + 190 + 218 });
    expect(rowOf(mixed, ids.house)).toMatchObject({
      occurrences: 2,
      bookedHours: 6,
      openHours: 288 + 672 + 743,
    });
    const weekdays = (await usage({ from: '2026-01-20', to: '2026-03-31', groupBy: 'weekday' })).body;
    // Sundays: 8 February cancelled in time, 29 March two real hours.
    expect(rowOf(weekdays, '7')).toMatchObject({ occurrences: 1, bookedHours: 2, cancelledInTimeHours: 1 });
  });

  it('splits an occurrence across midnight between the two days, counting it on the first', async () => {
    const days = (await usage({ groupBy: 'weekday' })).body;
    expect(rowOf(days, '5')).toMatchObject({
      label: 'fredag',
      occurrences: 1,
      bookedHours: 2,
      openHours: 25,
    });
    expect(rowOf(days, '6')).toMatchObject({ label: 'lørdag', occurrences: 1, bookedHours: 4, usedHours: 4 });
    expect(rowOf(days, '1')).toMatchObject({
      occurrences: 1,
      bookedHours: 1.5,
      usedHours: 0,
      noShowHours: 0,
    });
  });

  it('counts real hours on the days the clocks change: 23 and 25 open hours, 2 and 4 booked', async () => {
    const spring = (await usage({ from: '2026-03-29', to: '2026-03-29', groupBy: 'room' })).body;
    expect(rowOf(spring, ids.allDay)).toMatchObject({ openHours: 23, bookedHours: 2, utilisation: 0.087 });
    const autumn = (await usage({ from: '2025-10-26', to: '2025-10-26', groupBy: 'room' })).body;
    expect(rowOf(autumn, ids.allDay)).toMatchObject({ openHours: 25, bookedHours: 4, utilisation: 0.16 });
  });

  it('writes CSV as Norwegian Excel expects, and with commas and points for locale=en', async () => {
    const nb = await fetch(`${t.baseUrl}/stats/usage?from=2026-02-02&to=2026-02-08&groupBy=building`, {
      headers: { authorization: `Bearer ${analyst.token}`, accept: 'text/csv' },
    });
    expect(nb.status).toBe(200);
    expect(nb.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await nb.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'nøkkel;navn;bookinger;timer booket;timer brukt;timer ikke møtt;timer avbestilt sent;' +
        'timer avbestilt i tide;åpne timer;utnyttelse (%);organisasjoner;deltakere;listepris (kr);fritak (kr);fakturert (kr)',
    );
    expect(lines).toContain(
      `${ids.school};Testskole;4;7,50;4,00;2,00;3,00;1,00;43,00;17,44;3;92;2025,00;600,00;1425,00`,
    );
    expect(lines).toContain(
      'all;Totalt;5;11,50;8,00;2,00;3,00;1,00;211,00;5,45;3;132;2425,00;600,00;1825,00',
    );

    const en = await analyst.http.get('/stats/usage', {
      query: { from: '2026-02-02', to: '2026-02-08', groupBy: 'building', format: 'csv', locale: 'en' },
    });
    expect(en.text.split('\r\n')).toContain(
      `${ids.school},Testskole,4,7.50,4.00,2.00,3.00,1.00,43.00,17.44,3,92,2025.00,600.00,1425.00`,
    );
  });

  it('recomputes idempotently: a second run gives the same rows', async () => {
    const before = await snapshot();
    const answer = (await usage({ groupBy: 'building' })).body;
    expect(before.daily.length).toBeGreaterThan(5);
    expect(before.monthly.length).toBeGreaterThan(5);
    await rollup('2026-02-01', '2026-02-10');
    expect(await snapshot()).toEqual(before);
    expect((await usage({ groupBy: 'building' })).body).toEqual(answer);
  });

  it('marks the day of a changed past occurrence, and the nightly run recomputes it', async () => {
    await t.dataSource.query(
      `UPDATE booking_occurrences SET attendance = 'used', participants = 9 WHERE id = $1`,
      [ids.o2],
    );
    await t.dataSource.query(`UPDATE booking_occurrences SET conflicts = '[]' WHERE id = $1`, [ids.o1]);
    const dirty = await t.dataSource.query(`SELECT date::text FROM stats_dirty_days ORDER BY 1`);
    expect(dirty).toEqual([{ date: '2026-02-05' }]);
    expect((await usage({ groupBy: 'building' })).body.coverage.staleDays).toBe(1);

    const jobId = await t.app.get(JobsService).enqueue(JobName.StatsRollup, { mode: 'nightly' });
    await runJob(jobId, staff);
    expect(await t.dataSource.query(`SELECT date FROM stats_dirty_days`)).toEqual([]);
    const school = rowOf((await usage({ groupBy: 'building' })).body, ids.school);
    expect(school).toMatchObject({ usedHours: 6, noShowHours: 0, participants: 101 });

    // A closure added afterwards for a past day changes its open hours: the day is marked too.
    const closure = {
      roomId: ids.gym,
      startsAt: '2026-01-10T10:00',
      endsAt: '2026-01-10T12:00',
      reason: 'Vannlekkasje',
    };
    expect((await staff.http.post('/closures', closure)).status).toBe(201);
    expect(await t.dataSource.query(`SELECT date::text FROM stats_dirty_days`)).toEqual([
      { date: '2026-01-10' },
    ]);
  });

  it('lets analysts and staff read and recompute, refuses applicants (403) and anonymous callers (401)', async () => {
    const applicant = await t.as('applicant');
    expect((await usage({ groupBy: 'building' }, staff)).status).toBe(200);
    expect((await usage({ groupBy: 'building' }, applicant)).status).toBe(403);
    expect(
      (await applicant.http.post('/stats/rollup', { from: '2026-02-01', to: '2026-02-02' })).status,
    ).toBe(403);
    expect(
      (await t.http.get('/stats/usage', { query: { from: '2026-02-02', to: '2026-02-08', groupBy: 'room' } }))
        .status,
    ).toBe(401);
    expect((await t.http.post('/stats/rollup', { from: '2026-02-01', to: '2026-02-02' })).status).toBe(401);
  });

  it('refuses bad periods and groupings with a code', async () => {
    expect((await usage({ groupBy: 'colour' })).body.code).toBe('VALIDATION_FAILED');
    // a reversed range is refused at the edge
    expect((await usage({ groupBy: 'room', from: '2026-02-08', to: '2026-02-01' })).body.code).toBe(
      'VALIDATION_FAILED',
    );
    const long = await analyst.http.post('/stats/rollup', { from: '2020-01-01', to: '2023-01-01' });
    expect(long.status).toBe(400);
    expect(long.body.code).toBe('INVALID_TIME_RANGE');
    expect((await analyst.http.post('/stats/rollup', { from: '2026-02-30', to: '2026-03-01' })).status).toBe(
      400,
    );
  });
});
