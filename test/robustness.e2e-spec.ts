import { ROLES } from '../src/common/auth/roles';
import {
  BAD_PATH_VALUES,
  BAD_QUERY_VALUES,
  badBodies,
  badDateQueries,
  fillPath,
  Operation,
  operations,
} from './support/openapi-walk';
import { Answer } from './support/http';
import { startApp, TestApp, TestUser } from './support/test-app';

/**
 * Walks every route of the OpenAPI document, so routes added later are covered without editing this
 * file: who may call what, and what malformed requests do.
 */
const ENDS_SESSION = new Set(['POST /auth/logout']);

describe('every route in the OpenAPI document', () => {
  let t: TestApp;
  let document: any;
  let ops: Operation[];
  const users = new Map<string, TestUser>();

  beforeAll(async () => {
    t = await startApp();
    document = (await t.http.get('/docs-json')).body;
    ops = operations(document);
    for (const role of ROLES) users.set(role, await t.as(role));
    await installWriteLog(t);
  });
  afterAll(() => t.close());

  const writes = async (): Promise<number> =>
    Number((await t.dataSource.query('SELECT count(*)::int AS n FROM test_write_log'))[0].n);

  it('has routes to walk', () => {
    expect(ops.length).toBeGreaterThanOrEqual(7);
  });

  it('answers anonymous callers 401 unless public, and each role 403 exactly where x-roles leaves it out', async () => {
    const wrong: string[] = [];
    for (const o of ops) {
      const path = fillPath(o.path);
      const body = o.bodySchema ? {} : undefined;
      const anonymous = await t.http.call(o.method, path, { body });
      const anonymousOk = o.isPublic ? ![401, 403].includes(anonymous.status) : anonymous.status === 401;
      if (!anonymousOk) wrong.push(`${o.method} ${o.path} anonymous → ${anonymous.status}`);
      if (o.isPublic) continue;
      for (const role of ROLES) {
        // A route that ends the caller's session gets a caller of its own, so the walk's users stay signed in.
        const caller = ENDS_SESSION.has(`${o.method} ${o.path}`)
          ? await t.createUser([role])
          : users.get(role)!;
        const res = await caller.http.call(o.method, path, { body });
        const allowed = !o.roles || o.roles.includes(role);
        const ok = allowed ? ![401, 403].includes(res.status) : res.status === 403;
        if (!ok || res.status >= 500) wrong.push(`${o.method} ${o.path} as ${role} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  // It sends thousands of requests: give it room on a loaded machine.
  it('never answers 5xx to malformed requests, and writes nothing when it refuses one', async () => {
    const admin = users.get('admin')!;
    const problems: string[] = [];
    let sent = 0;
    // refuse: 'any' — must answer some 4xx; 'validation' — must answer 400 VALIDATION_FAILED.
    const attempt = async (
      o: Operation,
      label: string,
      call: () => Promise<Answer>,
      refuse: false | 'any' | 'validation' = false,
    ) => {
      const before = await writes();
      const res = await call();
      sent += 1;
      const written = (await writes()) - before;
      if (res.status >= 500) problems.push(`${o.method} ${o.path} [${label}] → ${res.status} ${res.text}`);
      if (refuse === 'any' && res.status < 400)
        problems.push(`${o.method} ${o.path} [${label}] → ${res.status}, not refused`);
      if (refuse === 'validation' && (res.status !== 400 || res.body?.code !== 'VALIDATION_FAILED'))
        problems.push(`${o.method} ${o.path} [${label}] → ${res.status}, not 400 VALIDATION_FAILED`);
      if (res.status >= 400 && written > 0)
        problems.push(`${o.method} ${o.path} [${label}] refused but wrote`);
      if (res.status >= 400 && res.body?.code === undefined) {
        problems.push(`${o.method} ${o.path} [${label}] → ${res.status} without an error code`);
      }
    };

    for (const o of ops) {
      for (const name of o.pathParams) {
        for (const bad of BAD_PATH_VALUES) {
          await attempt(o, `${name} = ${bad.slice(0, 20)}`, () =>
            admin.http.call(o.method, fillPath(o.path, { [name]: bad }), {
              body: o.bodySchema ? {} : undefined,
            }),
          );
        }
      }
      for (const param of o.queryParams) {
        for (const bad of BAD_QUERY_VALUES) {
          await attempt(o, `?${param.name}=${bad.slice(0, 20)}`, () =>
            admin.http.call(o.method, fillPath(o.path), {
              query: { [param.name]: bad },
              body: o.bodySchema ? {} : undefined,
            }),
          );
        }
      }
      // The rest of the query is plausible: an unusable date or a reversed range must be refused itself.
      for (const variant of badDateQueries(document, o.queryParams)) {
        await attempt(
          o,
          variant.label,
          () =>
            admin.http.call(o.method, fillPath(o.path), {
              query: variant.query,
              body: o.bodySchema ? {} : undefined,
            }),
          'any',
        );
      }
      if (o.bodySchema) {
        for (const variant of badBodies(document, o.bodySchema)) {
          await attempt(
            o,
            variant.label,
            () => admin.http.call(o.method, fillPath(o.path), { body: variant.body, raw: variant.raw }),
            variant.refused ? 'validation' : false,
          );
        }
      }
    }
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThan(100);
    // Thousands of requests, each with a count before and after: minutes on a loaded machine.
  }, 600_000);
});

/**
 * Counts the rows every statement changes in any table, in a log the test reads. login_failures and
 * audit_events are left out: a well-formed sign-in with a wrong password is recorded there on purpose; so is register_lookups, the
 * cache of Enhetsregisteret's answers (a lookup refused with 404 NOT_IN_REGISTER caches that answer).
 */
async function installWriteLog(t: TestApp): Promise<void> {
  await t.dataSource.query(`
    CREATE TABLE test_write_log (id bigserial PRIMARY KEY, tbl text NOT NULL);
    CREATE FUNCTION test_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO test_write_log (tbl) VALUES (TG_TABLE_NAME); RETURN NULL; END $$;
    DO $$ DECLARE t text; BEGIN
      FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public'
               AND tablename NOT IN ('test_write_log', 'migrations', 'login_failures', 'register_lookups', 'audit_events') LOOP
        EXECUTE format('CREATE TRIGGER test_write_log AFTER INSERT OR UPDATE OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION test_log_write()', t);
      END LOOP; END $$;`);
}
