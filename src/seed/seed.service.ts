import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { UsersService } from '../auth/users.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { withStartupLock } from '../database/prepare-database';
import { DEMO_PARTS } from './demo';
import { SeedPart } from './seed-part';

@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * At start: the demo (when SEED_DEMO is on) on a database that was empty, or that holds only demo
   * data; then the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when there is no admin. Safe to run by
   * several processes at once and any number of times.
   */
  async run(parts: SeedPart[] = DEMO_PARTS): Promise<string[]> {
    return withStartupLock(this.dataSource, async () => {
      const applied: string[] = [];
      const [{ users }] = await this.dataSource.query<{ users: number }[]>(
        'SELECT count(*)::int AS users FROM users',
      );
      const done = new Set(
        (await this.dataSource.query<{ part: string }[]>('SELECT part FROM demo_seed')).map((r) => r.part),
      );
      if (this.config.seedDemo && (users === 0 || done.size > 0)) {
        for (const part of parts.filter((p) => !done.has(p.name))) {
          await this.dataSource.transaction(async (manager) => {
            await part.run({
              manager,
              config: this.config,
              users: this.users,
              get: (type) => this.moduleRef.get(type, { strict: false }),
            });
            await manager.query('INSERT INTO demo_seed (part) VALUES ($1)', [part.name]);
          });
          applied.push(part.name);
        }
        if (applied.length > 0) {
          // Statistics for the planner and the visibility map for index-only scans (the busy-leaves
          // lookup of free rooms), before autovacuum gets there. Not inside a transaction. The booking
          // tables only: vacuuming all 41 tables and the catalogues cost about a second under load.
          await this.dataSource.query(
            'VACUUM (ANALYZE) booking_claims, booking_occurrences, booking_requests, booking_events',
          );
          this.logger.log(`Demo data loaded: ${applied.join(', ')}`);
        }
      }
      await this.ensureAdmin();
      return applied;
    });
  }

  private async ensureAdmin(): Promise<void> {
    const [{ admins }] = await this.dataSource.query<{ admins: number }[]>(
      `SELECT count(*)::int AS admins FROM users WHERE 'admin' = ANY(roles)`,
    );
    if (admins > 0) return;
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) {
      this.logger.warn('No admin exists and ADMIN_EMAIL/ADMIN_PASSWORD are not set');
      return;
    }
    const existing = await this.users.findByEmail(adminEmail);
    if (existing) {
      await this.dataSource.query(`UPDATE users SET roles = array_append(roles, 'admin') WHERE id = $1`, [
        existing.id,
      ]);
    } else {
      await this.users.create({
        email: adminEmail,
        name: 'Administrator',
        password: adminPassword,
        roles: ['admin'],
      });
    }
    this.logger.log('The first admin was created from ADMIN_EMAIL');
  }
}
