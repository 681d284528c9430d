import { LOGIN_LIMITS } from '../src/auth/login-throttle.service';
import { Http } from './support/http';
import { startApp, TestApp } from './support/test-app';

const PASSWORD = 'riktig-passord-her';

/** Shifts recorded failures back in time, instead of waiting in the test. */
const age = (t: TestApp, seconds: number) =>
  t.dataSource.query(`UPDATE login_failures SET at = at - make_interval(secs => $1)`, [seconds]);

const from = (http: Http, address: string) => ({
  login: (email: string, password: string) =>
    http.post('/auth/login', { email, password }, { headers: { 'x-forwarded-for': address } }),
});

describe('sign-in throttling, behind no proxy (TRUST_PROXY unset)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());
  beforeEach(() => t.dataSource.query('DELETE FROM login_failures'));

  const register = (email: string) =>
    t.http.post('/auth/register', { email, name: 'Prøver', password: PASSWORD });
  const login = (email: string, password: string) => t.http.post('/auth/login', { email, password });

  it('answers growing delays for one account and address: 429 with Retry-After, then the right password works', async () => {
    await register('pair@x.no');
    for (let i = 0; i < LOGIN_LIMITS.pairFree; i++)
      expect((await login('pair@x.no', `gjett-${i}`)).status).toBe(401);
    const waiting = await login('pair@x.no', PASSWORD);
    expect([waiting.status, waiting.body.code]).toEqual([429, 'LOGIN_THROTTLED']);
    expect(Number(waiting.headers.get('retry-after'))).toBe(1);

    await age(t, 1.1);
    expect((await login('pair@x.no', 'gjett-igjen')).status).toBe(401); // the sixth failure: 2 s now
    const longer = await login('pair@x.no', PASSWORD);
    expect(Number(longer.headers.get('retry-after'))).toBe(2);

    await age(t, 2.1);
    expect((await login('pair@x.no', PASSWORD)).status).toBe(200);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM login_failures WHERE email = 'pair@x.no'`,
    );
    expect(n).toBe(0);
  });

  it('caps the delay at 15 minutes', async () => {
    await register('capped@x.no');
    await t.dataSource.query(
      `INSERT INTO login_failures (email, address, at) SELECT 'capped@x.no', '127.0.0.1', now() FROM generate_series(1, 40)`,
    );
    const res = await login('capped@x.no', PASSWORD);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBe(15 * 60);
  });

  it('does not stop another account’s correct sign-in after 22 failures for other accounts from one address', async () => {
    await register('innocent@x.no');
    for (let i = 0; i < 22; i++) {
      expect((await login(`spray-${i}@x.no`, 'gjett')).status).toBe(401);
    }
    expect((await login('innocent@x.no', PASSWORD)).status).toBe(200);
  });

  it('keeps a per-address ceiling for everyone behind an address that fails very often', async () => {
    await register('shared@x.no');
    await t.dataSource.query(
      `INSERT INTO login_failures (email, address, at)
       SELECT 'spray-' || i || '@x.no', '127.0.0.1', now() FROM generate_series(1, $1) i`,
      [LOGIN_LIMITS.perAddress],
    );
    const res = await login('shared@x.no', PASSWORD);
    expect(res.status).toBe(429);
    await age(t, LOGIN_LIMITS.windowMinutes * 60 + 1);
    expect((await login('shared@x.no', PASSWORD)).status).toBe(200);
  });

  it('reads X-Forwarded-For only with TRUST_PROXY: here every attempt counts for the socket’s address', async () => {
    await register('spoof@x.no');
    for (let i = 0; i < LOGIN_LIMITS.pairFree; i++) {
      await from(t.http, `10.0.0.${i + 1}`).login('spoof@x.no', 'gjett');
    }
    expect((await from(t.http, '10.0.0.99').login('spoof@x.no', PASSWORD)).status).toBe(429);
    const [{ addresses }] = await t.dataSource.query(
      `SELECT array_agg(DISTINCT address) AS addresses FROM login_failures WHERE email = 'spoof@x.no'`,
    );
    expect(addresses).toEqual(['127.0.0.1']);
  });
});

describe('sign-in throttling behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ env: { TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => t.close());

  const register = (email: string) =>
    t.http.post('/auth/register', { email, name: 'Prøver', password: PASSWORD });

  it('counts the forwarded client address: the right password from another address works after failures', async () => {
    await register('owner@x.no');
    const attacker = from(t.http, '203.0.113.7');
    for (let i = 0; i < LOGIN_LIMITS.pairFree + 2; i++) await attacker.login('owner@x.no', `gjett-${i}`);
    expect((await attacker.login('owner@x.no', PASSWORD)).status).toBe(429);
    expect((await from(t.http, '198.51.100.20').login('owner@x.no', PASSWORD)).status).toBe(200);
    const rows = await t.dataSource.query(`SELECT DISTINCT address FROM login_failures`);
    expect(rows).toEqual([]); // the owner's sign-in cleared the account's failures
  });

  it('slows an account guessed at from many addresses, without shutting its owner out', async () => {
    await register('spread@x.no');
    await t.dataSource.query(
      `INSERT INTO login_failures (email, address, at)
       SELECT 'spread@x.no', '192.0.2.' || i, now() FROM generate_series(1, $1) i`,
      [LOGIN_LIMITS.perAccount + 10],
    );
    const slowed = await from(t.http, '198.51.100.30').login('spread@x.no', PASSWORD);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(
      LOGIN_LIMITS.accountMaxDelaySeconds,
    );
    await age(t, LOGIN_LIMITS.accountMaxDelaySeconds + 1);
    expect((await from(t.http, '198.51.100.30').login('spread@x.no', PASSWORD)).status).toBe(200);
  });
});
