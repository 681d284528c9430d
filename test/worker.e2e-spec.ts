import { INestApplicationContext, Injectable } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { JobHandler } from '../src/jobs/job-handler.decorator';
import { JobName } from '../src/jobs/job-registry';
import { JobsService } from '../src/jobs/jobs.service';
import { collectHandlers } from '../src/jobs/worker-host';
import { eventually, startApp, startWorker, TestApp, testEnv } from './support/test-app';

describe('the worker', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  beforeAll(async () => {
    t = await startApp();
    worker = await startWorker(t.config);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('completes a job sent from the API side, and GET /jobs/:id shows it to whoever may see it', async () => {
    await t.dataSource.query(
      `INSERT INTO login_failures (email, address, at) VALUES
         ('old@x.no', '10.0.0.1', now() - interval '3 days'), ('new@x.no', '10.0.0.1', now())`,
    );
    const staff = await t.as('staff');
    const jobId = await t.app
      .get(JobsService)
      .enqueue(JobName.PruneLoginFailures, { olderThanMinutes: 24 * 60 }, { requestedBy: staff.user.id });

    const done = await eventually(async () => {
      const res = await staff.http.get(`/jobs/${jobId}`);
      return res.body.state === 'completed' ? res.body : undefined;
    });
    expect(done).toMatchObject({ id: jobId, name: JobName.PruneLoginFailures, result: { deleted: 1 } });
    const left = await t.dataSource.query('SELECT email FROM login_failures');
    expect(left).toEqual([{ email: 'new@x.no' }]);

    const applicant = await t.as('applicant');
    expect((await applicant.http.get(`/jobs/${jobId}`)).status).toBe(404);
    expect((await staff.http.get('/jobs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('the job registry', () => {
  async function handlersOf(...providers: (new () => object)[]): Promise<unknown> {
    const moduleRef = await Test.createTestingModule({ imports: [DiscoveryModule], providers }).compile();
    return collectHandlers(moduleRef.get(DiscoveryService), moduleRef.get(MetadataScanner));
  }

  /** A provider with one handler method for each of the given jobs. */
  function handling(names: JobName[]): new () => object {
    class Handlers {}
    names.forEach((name, i) => {
      const method = async (): Promise<void> => undefined;
      Object.defineProperty(Handlers.prototype, `handle${i}`, { value: method, writable: true });
      JobHandler(name)(Handlers.prototype, `handle${i}`, { value: method });
    });
    Injectable()(Handlers);
    return Handlers;
  }

  const all = Object.values(JobName);

  it('accepts exactly one handler per job', async () => {
    await expect(handlersOf(handling(all))).resolves.toBeInstanceOf(Map);
  });

  it('refuses to start when a job has no handler', async () => {
    await expect(handlersOf(handling(all.filter((n) => n !== JobName.PruneLoginFailures)))).rejects.toThrow(
      `job ${JobName.PruneLoginFailures} has no handler`,
    );
  });

  it('refuses to start when a job has two handlers', async () => {
    const Twice = handling([JobName.PruneLoginFailures]);
    await expect(handlersOf(handling(all), Twice)).rejects.toThrow(
      `job ${JobName.PruneLoginFailures} has 2 handlers`,
    );
  });
});

describe('the worker process', () => {
  it('stops cleanly on SIGTERM', async () => {
    const t = await startApp();
    try {
      const child = spawn(process.execPath, [join(__dirname, '..', 'dist', 'src', 'worker.js')], {
        env: {
          ...process.env,
          ...testEnv(t.dbName, { LOG_LEVEL: 'info', REDIS_PREFIX: t.config.redisPrefix }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await eventually(async () => (output.includes('Worker started') ? true : undefined), {
        timeout: 20_000,
      });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      await t.close();
    }
  });
});
