import SwaggerParser from '@apidevtools/swagger-parser';
import { ROLES } from '../src/common/auth/roles';
import { Answer } from './support/http';
import {
  BAD_PATH_VALUES,
  BAD_QUERY_VALUES,
  badBodies,
  fillPath,
  Operation,
  operations,
} from './support/openapi-walk';
import { startApp, TestApp, TestUser } from './support/test-app';

/**
 * The statistics and report routes as the OpenAPI document describes them, walked the way the
 * whole-API robustness test walks every route: who may call them, and what malformed input does.
 */
describe('the statistics routes under malformed input', () => {
  let t: TestApp;
  let document: any;
  let ops: Operation[];
  const users = new Map<string, TestUser>();

  beforeAll(async () => {
    t = await startApp();
    document = (await t.http.get('/docs-json')).body;
    ops = operations(document).filter((o) => /^\/(stats|reports)\b/.test(o.path));
    for (const role of ROLES) users.set(role, await t.as(role));
  });
  afterAll(() => t.close());

  const counts = async (): Promise<number> =>
    Number(
      (
        await t.dataSource.query(
          `SELECT (SELECT count(*) FROM evaluation_reports) + (SELECT count(*) FROM stats_daily_usage) AS n`,
        )
      )[0].n,
    );

  it('documents every route, each for analysts and staff only', () => {
    expect(ops.map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      'GET /reports',
      'GET /reports/{id}',
      'GET /reports/{id}.csv',
      'GET /reports/{id}/charts/{name}.svg',
      'GET /stats/usage',
      'POST /reports/free-use-evaluation',
      'POST /stats/rollup',
    ]);
    for (const o of ops) expect(o.roles?.sort()).toEqual(['admin', 'analyst', 'staff']);
  });

  it('leaves the OpenAPI document valid', async () => {
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
  });

  it('answers anonymous callers 401 and other roles 403', async () => {
    const wrong: string[] = [];
    for (const o of ops) {
      const body = o.bodySchema ? {} : undefined;
      const anonymous = await t.http.call(o.method, fillPath(o.path), { body });
      if (anonymous.status !== 401) wrong.push(`${o.method} ${o.path} anonymous → ${anonymous.status}`);
      for (const role of ROLES) {
        const res = await users.get(role)!.http.call(o.method, fillPath(o.path), { body });
        const allowed = o.roles!.includes(role);
        if ((allowed ? [401, 403].includes(res.status) : res.status !== 403) || res.status >= 500)
          wrong.push(`${o.method} ${o.path} as ${role} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('never answers 5xx to malformed paths, queries and bodies, and stores nothing it refuses', async () => {
    const analyst = users.get('analyst')!;
    const problems: string[] = [];
    const attempt = async (o: Operation, label: string, call: () => Promise<Answer>) => {
      const before = await counts();
      const res = await call();
      if (res.status >= 500) problems.push(`${o.method} ${o.path} [${label}] → ${res.status} ${res.text}`);
      if (res.status >= 400 && (await counts()) !== before)
        problems.push(`${o.method} ${o.path} [${label}] wrote`);
      if (res.status >= 400 && res.body?.code === undefined)
        problems.push(`${o.method} ${o.path} [${label}] → ${res.status} without a code`);
    };
    for (const o of ops) {
      const body = o.bodySchema ? {} : undefined;
      for (const name of o.pathParams)
        for (const bad of BAD_PATH_VALUES)
          await attempt(o, `${name}=${bad.slice(0, 20)}`, () =>
            analyst.http.call(o.method, fillPath(o.path, { [name]: bad }), { body }),
          );
      for (const param of o.queryParams)
        for (const bad of BAD_QUERY_VALUES)
          await attempt(o, `?${param.name}=${bad.slice(0, 20)}`, () =>
            analyst.http.call(o.method, fillPath(o.path), { query: { [param.name]: bad }, body }),
          );
      if (o.bodySchema)
        for (const variant of badBodies(document, o.bodySchema))
          await attempt(o, variant.label, () =>
            analyst.http.call(o.method, fillPath(o.path), { body: variant.body, raw: variant.raw }),
          );
    }
    expect(problems).toEqual([]);
  });
});
