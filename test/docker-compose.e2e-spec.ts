import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../src/config/config';

// No Docker engine runs where the tests run: the compose file is checked by reading it.
const root = join(__dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });

/** Resolves ${NAME:-default} the way compose does when NAME is unset. */
const interpolate = (value: unknown): string =>
  String(value)
    .replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')
    .replace(/\$\{[A-Z_]+\}/g, '');

describe('docker-compose.yml', () => {
  it('brings PostgreSQL 16, Redis 7, Mailpit, the API and the worker, each with a health check', () => {
    const s = compose.services;
    expect(Object.keys(s).sort()).toEqual(['api', 'mailpit', 'postgres', 'redis', 'worker']);
    expect(s.postgres.image).toMatch(/^postgres:16/);
    expect(s.redis.image).toMatch(/^redis:7/);
    expect(s.mailpit.image).toMatch(/^axllent\/mailpit/);
    for (const name of ['postgres', 'redis', 'mailpit', 'api'])
      expect(s[name].healthcheck.test).toBeDefined();
    expect(s.api.command).toEqual(['node', 'dist/src/main.js']);
    expect(s.worker.command).toEqual(['node', 'dist/src/worker.js']);
    expect(s.api.depends_on.postgres.condition).toBe('service_healthy');
    expect(s.api.depends_on.redis.condition).toBe('service_healthy');
  });

  it.each(['api', 'worker'])(
    'gives the %s a configuration the app accepts, pointing at the other services',
    (name) => {
      const env = Object.fromEntries(
        Object.entries<unknown>(compose.services[name].environment).map(([k, v]) => [k, interpolate(v)]),
      );
      const config = loadConfig(env);
      expect(new URL(config.databaseUrl).hostname).toBe('postgres');
      expect(new URL(config.redisUrl).hostname).toBe('redis');
      expect(new URL(config.smtpUrl ?? '').hostname).toBe('mailpit');
      const pg = compose.services.postgres.environment;
      expect(config.databaseUrl).toBe(
        `postgres://${pg.POSTGRES_USER}:${pg.POSTGRES_PASSWORD}@postgres:5432/${pg.POSTGRES_DB}`,
      );
    },
  );

  it('builds the app with a multi-stage Dockerfile on Node 20', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const stages = dockerfile.match(/^FROM .+$/gm) ?? [];
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage).toMatch(/node:20/);
    expect(dockerfile).toMatch(/COPY --from=build/);
    expect(compose.services.api.build).toBe('.');
  });
});
