import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { parseInstant } from '../src/common/time';
import { eventually, startApp, startWorker, TestApp, TestUser } from './support/test-app';
import { orgNumber } from './support/world';

/** An XML element as the strict parser below reads it. */
interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, as written (entities not decoded). */
  text?: string;
}

/**
 * A strict, small XML reader for the charts: one root, balanced tags, quoted and unique attributes,
 * only the five named entities and numeric references, no stray `<` or `&`. Throws on anything else.
 */
function parseXml(xml: string): XmlElement {
  const NAME = '[A-Za-z_][\\w.:-]*';
  const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const token = new RegExp(
    `<!--[\\s\\S]*?-->|</(${NAME})\\s*>|<(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"<]*")*)\\s*(/?)>|[^<]+`,
    'y',
  );
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pos = 0;
  while (pos < body.length) {
    token.lastIndex = pos;
    const m = token.exec(body);
    if (!m) throw new Error(`not XML at ${pos}: ${body.slice(pos, pos + 40)}`);
    pos = token.lastIndex;
    const [all, close, open, attrText, selfClosing] = m;
    if (all.startsWith('<!--')) continue;
    if (close) {
      if (stack.pop()?.name !== close) throw new Error(`unbalanced </${close}>`);
      continue;
    }
    if (open) {
      const attrs: Record<string, string> = {};
      for (const a of attrText.matchAll(new RegExp(`(${NAME})\\s*=\\s*"([^"]*)"`, 'g'))) {
        if (a[1] in attrs) throw new Error(`attribute ${a[1]} twice`);
        if (ENTITY.test(a[2])) throw new Error(`bad entity in ${a[1]}`);
        attrs[a[1]] = a[2];
      }
      const element: XmlElement = { name: open, attrs, children: [] };
      if (stack.length > 0) stack[stack.length - 1].children.push(element);
      else if (root) throw new Error('two roots');
      else root = element;
      if (!selfClosing) stack.push(element);
      continue;
    }
    if (stack.length === 0 && all.trim() !== '') throw new Error('text outside the root');
    if (ENTITY.test(all)) throw new Error('bad entity in text');
    if (stack.length > 0) stack[stack.length - 1].text = (stack[stack.length - 1].text ?? '') + all;
  }
  if (!root || stack.length > 0) throw new Error('unclosed elements');
  return root;
}

const all = (e: XmlElement, name: string, cls?: string): XmlElement[] => [
  ...(e.name === name && (cls === undefined || e.attrs.class === cls) ? [e] : []),
  ...e.children.flatMap((c) => all(c, name, cls)),
];

/** ECharts marks what it draws from data: bars and cells "chart", legend keys "legend". */
const drawn = (e: XmlElement, type: 'chart' | 'legend'): XmlElement[] => [
  ...(e.attrs.ecmeta_ssr_type === type ? [e] : []),
  ...e.children.flatMap((c) => drawn(c, type)),
];

/** A horizontal bar's length: ECharts draws it as "M x y l <length> 0 …". */
const barLength = (bar: XmlElement): number => Number(/^M[\d.-]+ [\d.-]+l([\d.-]+) 0/.exec(bar.attrs.d)![1]);

const textOf = (e: XmlElement, name: string): string[] => all(e, name).map((t) => t.text ?? '');

/**
 * Two weeks known by hand. Skolen (school): Gymsal open Mon–Fri 08–22 (70 h a week, 30 h of it outside
 * school hours 08–16). Kulturhuset: Sal open every day 10–22 (84 h). 154 open hours a week.
 *
 * Current, Mon 2 – Sun 8 Feb 2026:
 *   A Speiderne (voluntary) children, Gymsal Tue 10–12 (school hours), used, 20 participants, 300 kr all waived
 *   B Idrettslaget (sports) youth, Gymsal Tue 18–20, no-show, 300 kr all waived
 *   C Firma AS (commercial) adults, Sal Sat 12–15, used, 50 participants, 900 kr list, 450 waived, 450 charged
 * Comparison, Mon 26 Jan – Sun 1 Feb 2026:
 *   D Speiderne children, Gymsal Tue 18–20, used, 15 participants, 300 kr all waived
 *   E Firma AS adults, Sal Sat 12–14, used, 40 participants, 600 kr list, 300 waived, 300 charged
 */
describe('the free-use evaluation report', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let analyst: TestUser;
  let report: any;
  const ids: Record<string, string> = {};
  const PERIODS = {
    from: '2026-02-02',
    to: '2026-02-08',
    compareFrom: '2026-01-26',
    compareTo: '2026-02-01',
  };

  beforeAll(async () => {
    t = await startApp();
    const staff = await t.as('staff');
    analyst = await t.as('analyst');
    const place = async (
      name: string,
      kind: string,
      roomName: string,
      roomKind: string,
      hours: unknown[],
    ) => {
      const building = (await staff.http.post('/buildings', { name, kind, closedOnPublicHolidays: false }))
        .body.id;
      const room = (
        await staff.http.post('/rooms', {
          buildingId: building,
          name: roomName,
          kind: roomKind,
          capacity: 80,
        })
      ).body.id;
      await staff.http.put(`/rooms/${room}/opening-hours`, { hours });
      return [building, room];
    };
    [ids.school, ids.gym] = await place(
      'Skolen',
      'school',
      'Gymsal',
      'gym',
      [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '22:00' })),
    );
    [ids.culture, ids.hall] = await place(
      'Kulturhuset',
      'culture',
      'Sal',
      'hall',
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '10:00', closes: '22:00' })),
    );
    const org = async (name: string, kind: string) =>
      (
        await t.dataSource.query(
          `INSERT INTO organisations (org_number, name, kind, in_frivillighetsregisteret, email, status)
           VALUES ($1, $2, $3, true, 'post@example.no', 'verified') RETURNING id`,
          [orgNumber(), name, kind],
        )
      )[0].id;
    const scouts = await org('Speiderne', 'voluntary');
    const club = await org('Idrettslaget', 'sports');
    const firm = await org('Firma AS', 'commercial');
    const rule = randomUUID();
    const add = async (
      orgId: string,
      room: string,
      age: string,
      from: string,
      to: string,
      attendance: string,
      participants: number | null,
      list: number,
      waived: number,
    ) => {
      const [request] = await t.dataSource.query(
        `INSERT INTO booking_requests (organisation_id, room_id, title, age_group, expected_participants)
         VALUES ($1, $2, 'Test', $3, 10) RETURNING id`,
        [orgId, room, age],
      );
      await t.dataSource.query(
        `INSERT INTO booking_occurrences (request_id, room_id, starts_at, ends_at, status, attendance, participants,
                                          list_ore, waived_ore, charged_ore, rule_id)
         VALUES ($1, $2, $3, $4, 'approved', $5, $6, $7, $8, $9, $10)`,
        [
          request.id,
          room,
          parseInstant(from),
          parseInstant(to),
          attendance,
          participants,
          list,
          waived,
          list - waived,
          rule,
        ],
      );
    };
    await add(scouts, ids.gym, 'children', '2026-02-03T10:00', '2026-02-03T12:00', 'used', 20, 30000, 30000);
    await add(club, ids.gym, 'youth', '2026-02-03T18:00', '2026-02-03T20:00', 'no_show', null, 30000, 30000);
    await add(firm, ids.hall, 'adults', '2026-02-07T12:00', '2026-02-07T15:00', 'used', 50, 90000, 45000);
    await add(scouts, ids.gym, 'children', '2026-01-27T18:00', '2026-01-27T20:00', 'used', 15, 30000, 30000);
    await add(firm, ids.hall, 'adults', '2026-01-31T12:00', '2026-01-31T14:00', 'used', 40, 60000, 30000);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('is queued with 202 and waits for the worker; its CSV is not ready yet', async () => {
    const res = await analyst.http.post('/reports/free-use-evaluation', PERIODS);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ id: expect.any(String), jobId: expect.any(String), status: 'queued' });
    report = res.body;
    const queued = await analyst.http.get(`/reports/${report.id}`);
    expect(queued.body).toMatchObject({ status: 'queued', progress: 0, ...PERIODS, locale: 'nb' });
    expect(queued.body.result).toBeUndefined();
    const early = await analyst.http.get(`/reports/${report.id}.csv`);
    expect([early.status, early.body.code]).toEqual([409, 'REPORT_NOT_READY']);
  });

  it('is built by the worker, computing the rollup it needs, with figures per period and their change', async () => {
    worker = await startWorker(t.config);
    const done = await eventually(
      async () => {
        const res = await analyst.http.get(`/reports/${report.id}`);
        if (res.body.status === 'failed') throw new Error(res.body.error);
        return res.body.status === 'completed' ? res.body : undefined;
      },
      { timeout: 60_000 },
    );
    expect(done.progress).toBe(100);
    const job = await analyst.http.get(`/jobs/${report.jobId}`);
    expect(job.body).toMatchObject({
      state: 'completed',
      result: { reportId: report.id, status: 'completed' },
    });

    const { current, comparison, changes } = done.result;
    expect(current).toEqual({
      from: '2026-02-02',
      to: '2026-02-08',
      headline: {
        days: 7,
        usedHours: 5,
        bookedHours: 7,
        noShowHours: 2,
        unrecordedHours: 0,
        cancelledLateHours: 0,
        cancelledInTimeHours: 0,
        occurrences: 3,
        organisationsReached: 3,
        participants: 70,
        childrenAndYouthShare: 0.5714,
        listOre: 150_000,
        waivedOre: 105_000,
        chargedOre: 45_000,
        noShowRate: 0.2857,
        attendanceRecordedShare: 1,
        utilisation: 0.0455,
        schoolUtilisationOutsideSchoolHours: 0.0667,
      },
    });
    expect(comparison.headline).toMatchObject({
      usedHours: 4,
      bookedHours: 4,
      organisationsReached: 2,
      childrenAndYouthShare: 0.5,
      waivedOre: 60_000,
      chargedOre: 30_000,
      noShowRate: 0,
      utilisation: 0.026,
      schoolUtilisationOutsideSchoolHours: 0.0667,
    });
    expect(changes.usedHours).toEqual({ current: 5, comparison: 4, difference: 1, relative: 0.25 });
    expect(changes.waivedOre).toEqual({
      current: 105_000,
      comparison: 60_000,
      difference: 45_000,
      relative: 0.75,
    });
    expect(changes.organisationsReached).toMatchObject({ difference: 1, relative: 0.5 });
    expect(changes.noShowRate).toMatchObject({ comparison: 0, difference: 0.2857, relative: null });
  });

  it('breaks the figures down per building and organisation kind, and states its method', async () => {
    const { result } = (await analyst.http.get(`/reports/${report.id}`)).body;
    expect(
      result.byBuilding.map((b: any) => [
        b.label,
        b.current.bookedHours,
        b.current.waivedOre,
        b.comparison.bookedHours,
      ]),
    ).toEqual([
      ['Skolen', 4, 60_000, 2],
      ['Kulturhuset', 3, 45_000, 2],
    ]);
    expect(
      result.byOrganisationKind.map((k: any) => [k.key, k.current.usedHours, k.comparison.usedHours]),
    ).toEqual([
      ['commercial', 3, 2],
      ['voluntary', 2, 2],
      ['sports', 0, 0],
    ]);
    const topics = result.method.map((n: any) => n.topic);
    expect(topics).toEqual(expect.arrayContaining(['used', 'waivedValue', 'utilisation', 'schoolHours']));
    expect(result.method.find((n: any) => n.topic === 'used').text).toMatch(/uregistrerte timer/);
    expect(result.charts.map((c: any) => c.url)).toEqual([
      `/reports/${report.id}/charts/hours-by-month.svg`,
      `/reports/${report.id}/charts/waived-by-building.svg`,
      `/reports/${report.id}/charts/utilisation-by-hour.svg`,
    ]);
  });

  it('gives each chart the figures it draws as a table, its text alternative', async () => {
    const { result } = (await analyst.http.get(`/reports/${report.id}`)).body;
    const table = (name: string) => result.charts.find((c: any) => c.name === name).table;
    expect(table('hours-by-month')).toEqual({
      unit: 'hours',
      rowHeading: 'Måned',
      columns: ['Frivillig lag', 'Idrettslag', 'Næringsdrivende'],
      rows: [{ label: 'februar 2026', values: [2, 2, 3] }],
    });
    expect(table('waived-by-building')).toEqual({
      unit: 'ore',
      rowHeading: 'Bygg',
      columns: ['Verdi av fritak'],
      rows: [
        { label: 'Skolen', values: [60_000] },
        { label: 'Kulturhuset', values: [45_000] },
      ],
    });
    // A row per hour, a column per weekday: the school's gym is open 08–22 on weekdays, the hall 10–22 daily.
    const heat = table('utilisation-by-hour');
    expect(heat).toMatchObject({ unit: 'share', rowHeading: 'Time' });
    expect(heat.columns).toEqual(['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag']);
    expect(heat.rows.map((r: any) => r.label).slice(17, 19)).toEqual(['17:00–18:00', '18:00–19:00']);
    const at = (hour: number, weekday: number) => heat.rows[hour].values[weekday - 1];
    expect([at(7, 1), at(8, 1), at(10, 2), at(18, 2), at(12, 6), at(9, 6)]).toEqual([
      null,
      0,
      0.5,
      0.5,
      1,
      null,
    ]);

    // The charts draw those same figures (their descriptions list what they draw).
    const desc = async (name: string) =>
      textOf(parseXml((await analyst.http.get(`/reports/${report.id}/charts/${name}.svg`)).text), 'desc')[0];
    expect(await desc('waived-by-building')).toBe('kroner. Skolen: 600; Kulturhuset: 450');
    // (ICU writes February short as "feb" or "feb.")
    expect(await desc('hours-by-month')).toMatch(
      /^timer\. feb\.? 26: Frivillig lag 2, Idrettslag 2, Næringsdrivende 3$/,
    );
    expect(await desc('utilisation-by-hour')).toContain('tir: 10 50 %, 11 50 %, 18 50 %, 19 50 %; ons: –');
    expect(await desc('utilisation-by-hour')).toContain('lør: 12 100 %, 13 100 %, 14 100 %');
  });

  it('draws its charts as SVG that parses as XML, with a bar per building and per kind of the month', async () => {
    const get = (name: string) => analyst.http.get(`/reports/${report.id}/charts/${name}.svg`);
    const waived = await get('waived-by-building');
    expect(waived.status).toBe(200);
    expect(waived.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = parseXml(waived.text);
    expect(svg.name).toBe('svg');
    expect(svg.attrs.role).toBe('img');
    // Its text alternative: a title naming the period, a description giving the figures.
    expect(textOf(svg, 'title')).toEqual(['Verdi av fritak per bygg (kr), 2026-02-02 – 2026-02-08']);
    expect(textOf(svg, 'desc')[0]).toMatch(/Skolen: 600; Kulturhuset: 450/);
    const bars = drawn(svg, 'chart');
    expect(bars).toHaveLength(2);
    expect(bars.map(barLength)).toEqual([expect.any(Number), expect.any(Number)]);
    expect(barLength(bars[0])).toBeGreaterThan(barLength(bars[1])); // 600 kr before 450 kr
    expect(waived.text).toContain('Skolen');

    const months = parseXml((await get('hours-by-month')).text);
    expect(drawn(months, 'chart')).toHaveLength(3); // February: voluntary, sports, commercial
    expect(new Set(drawn(months, 'legend').map((k) => k.attrs.ecmeta_series_index)).size).toBe(3);
    expect(textOf(months, 'title')[0]).toContain('2026-02-02 – 2026-02-08');
    const heat = parseXml((await get('utilisation-by-hour')).text);
    expect(drawn(heat, 'chart')).toHaveLength(7 * 24);
    expect((await get('pie-chart')).status).toBe(404);
  });

  it('gives its CSV with BOM, semicolons and decimal commas, or commas and points for locale=en', async () => {
    const res = await fetch(`${t.baseUrl}/reports/${report.id}.csv`, {
      headers: { authorization: `Bearer ${analyst.token}` },
    });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'nøkkeltall;felt;2026-02-02 – 2026-02-08;2026-01-26 – 2026-02-01;endring;endring (%)',
    );
    expect(lines).toContain('timer brukt;usedHours;5,00;4,00;1,00;25,0');
    expect(lines).toContain('verdi av fritak (kr);waivedOre;1050,00;600,00;450,00;75,0');
    expect(lines).toContain('andel barn og unge (%);childrenAndYouthShare;57,1;50,0;7,1;14,3');
    const en = await analyst.http.get(`/reports/${report.id}.csv`, { query: { locale: 'en' } });
    expect(en.text.split('\r\n')).toContain('hours used,usedHours,5.00,4.00,1.00,25.0');
  });

  it('is for analysts and staff only, and refuses malformed periods', async () => {
    const applicant = await t.as('applicant');
    expect((await applicant.http.post('/reports/free-use-evaluation', PERIODS)).status).toBe(403);
    expect((await applicant.http.get(`/reports/${report.id}`)).status).toBe(403);
    expect((await applicant.http.get(`/reports/${report.id}.csv`)).status).toBe(403);
    expect((await t.http.get(`/reports/${report.id}`)).status).toBe(401);
    expect((await (await t.as('staff')).http.get(`/reports/${report.id}`)).status).toBe(200);
    const list = await analyst.http.get('/reports');
    expect(list.body).toMatchObject({ total: 1, items: [{ id: report.id, status: 'completed' }] });
    expect(list.body.items[0].result).toBeUndefined();

    const half = await analyst.http.post('/reports/free-use-evaluation', {
      from: '2026-02-02',
      to: '2026-02-08',
      compareFrom: '2026-01-01',
    });
    expect([half.status, half.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const backwards = await analyst.http.post('/reports/free-use-evaluation', {
      from: '2026-02-08',
      to: '2026-02-02',
    });
    expect([backwards.status, backwards.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const nullCompare = await analyst.http.post('/reports/free-use-evaluation', {
      ...PERIODS,
      compareTo: null,
    });
    expect(nullCompare.status).toBe(400);
    expect((await analyst.http.get(`/reports/${randomUUID()}`)).status).toBe(404);
    expect((await analyst.http.get('/reports/not-a-uuid.csv')).body.code).toBe('INVALID_ID');
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM evaluation_reports');
    expect(n).toBe(1);
  });
});
