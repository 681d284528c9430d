import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The free-room search asks which leaves are busy in a window from `booking_claims_period_idx` alone
 * (an index-only scan), which reads the table only for pages not yet marked all-visible. Approvals add
 * claims and cancellations and moves remove them, so vacuum the table after 1 % of its rows changed or
 * were added instead of the default 20 %, and refresh its statistics after 2 % (default 10 %).
 */
export class ClaimsAutovacuum1796200000000 implements MigrationInterface {
  name = 'ClaimsAutovacuum1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE booking_claims SET (
        autovacuum_vacuum_scale_factor = 0.01,
        autovacuum_vacuum_insert_scale_factor = 0.01,
        autovacuum_analyze_scale_factor = 0.02
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE booking_claims RESET (
        autovacuum_vacuum_scale_factor,
        autovacuum_vacuum_insert_scale_factor,
        autovacuum_analyze_scale_factor
      )`);
  }
}
