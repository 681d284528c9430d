import { ConfigError, loadConfig } from './config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('configuration', () => {
  it('has defaults that run frirom on one machine', () => {
    expect(loadConfig({})).toMatchObject({
      databaseUrl: 'postgres://root@127.0.0.1:5432/frirom',
      redisUrl: 'redis://127.0.0.1:6379',
      port: 3000,
      homeMunicipalityNumber: '3218',
      seedDemo: true,
      smtpUrl: undefined,
      lateCancellationDays: 7,
      bookingHorizonMonths: 24,
    });
  });

  it.each([
    ['PORT', 'eighty', /^PORT /],
    ['BOOKING_HORIZON_MONTHS', '0', /^BOOKING_HORIZON_MONTHS /],
    ['PORT', '70000', /^PORT /],
    ['DATABASE_URL', 'mysql://x/y', /^DATABASE_URL /],
    ['REDIS_URL', 'localhost:6379', /^REDIS_URL /],
    ['SMTP_URL', 'mail.example.no', /^SMTP_URL /],
    ['HOME_MUNICIPALITY_NUMBER', '321', /^HOME_MUNICIPALITY_NUMBER /],
    ['SEED_DEMO', 'maybe', /^SEED_DEMO /],
    ['JWT_SECRET', 'short', /^JWT_SECRET /],
    ['ADMIN_EMAIL', 'not-an-email', /ADMIN_EMAIL/],
  ])('stops on a bad %s (%s) with a message naming it', (name, value, message) => {
    const problems = problemsOf({ [name]: value });
    expect(problems.some((p) => message.test(p))).toBe(true);
  });

  it('requires JWT_SECRET in production, where no secret may be made up', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toContain(
      'JWT_SECRET must be set in production (at least 32 characters)',
    );
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toEqual([]);
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'admin@as.kommune.no' })).toContain(
      'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
    );
  });

  it('names every bad variable at once', () => {
    const message = (() => {
      try {
        loadConfig({ PORT: 'x', REDIS_URL: 'y' });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/REDIS_URL/);
  });

  it('reads TRUST_PROXY as false, a hop count or a list of addresses and subnets, and refuses true', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback,::1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      'loopback',
      '::1',
    ]);
    for (const bad of ['true', '10.0.0.0/33', 'proxy.example.no']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
    }
  });

  it('takes PUBLIC_URL as an origin without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://frirom.as.kommune.no/' }).publicUrl).toBe(
      'https://frirom.as.kommune.no',
    );
    expect(() => loadConfig({ PUBLIC_URL: 'frirom.no' })).toThrow(/PUBLIC_URL/);
  });
});
