import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pending occurrences are a few thousand among hundreds of thousands approved; two partial indexes
 * over them alone (written by hand; the entity names them with synchronize: false):
 * - (request, start) for a request's first pending date, the inbox's sort: an index probe per
 *   request instead of reading all its dates;
 * - GiST (room, period) for "pending near these rooms in this span" (the conflict rule's other side)
 *   and "pending in this window" (GET /conflicts), without passing over the approved ones.
 */
export class PendingOccurrenceIndexes1796170000000 implements MigrationInterface {
  name = 'PendingOccurrenceIndexes1796170000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX booking_occurrences_pending_first_idx ON booking_occurrences (request_id, starts_at)
        WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX booking_occurrences_pending_period_idx ON booking_occurrences USING gist (room_id, period)
        WHERE status = 'pending'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX booking_occurrences_pending_period_idx`);
    await queryRunner.query(`DROP INDEX booking_occurrences_pending_first_idx`);
  }
}
