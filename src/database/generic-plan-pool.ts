import { OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSourceTuning } from './data-source-options';

/**
 * A few connections of their own for a named statement that runs outside a transaction and whose
 * generic plan is as good as a custom one: on them PostgreSQL plans it once per connection
 * (plan_cache_mode force_generic_plan for the session), where the main pool's `auto` planned it again on
 * every call. Today that is the free-room search (`frirom_free_rooms_taken`: 0.6 ms of planning saved
 * per search, bench/README.md); a statement belongs here only when its generic plan has been measured.
 */
export class GenericPlanPool implements OnApplicationShutdown {
  private readonly pool: Pool;

  constructor(databaseUrl: string, tuning: DataSourceTuning = {}) {
    this.pool = new Pool({
      connectionString: databaseUrl,
      max: 4,
      application_name: `${tuning.applicationName ?? 'frirom'}-generic-plans`,
      options: ['-c plan_cache_mode=force_generic_plan', tuning.pgOptions].filter(Boolean).join(' '),
    });
  }

  /** A named statement (prepared once per connection), or without a name a plain one. */
  async query<T>(text: string, values: unknown[] = [], name?: string): Promise<T[]> {
    const result = await this.pool.query({ text, values, ...(name ? { name } : {}) });
    return result.rows as T[];
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
