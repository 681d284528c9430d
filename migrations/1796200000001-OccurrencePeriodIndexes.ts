import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The GiST index on (room_id, period) held every occurrence, so a weekly request's 40 pending rows
 * landed on about 40 leaf pages of a 65 MB index (Oslo scale: 42 pages dirtied and ~40 read from disk
 * per insert; 3 dirtied and ~1 read with the partial indexes below). The queries that use it ask for
 * one status at a time: pending ones (a request's competitors in conflicts.service.ts, the inbox's
 * conflict marks in request-list.ts, open conflicts in a window) or decided ones (the public calendar
 * and the caretakers' list: approved, or cancelled and still shown). So two partial indexes, each serving
 * those queries; rejected and withdrawn rows are in neither, as no query asks for them by time.
 */
export class OccurrencePeriodIndexes1796200000001 implements MigrationInterface {
  name = 'OccurrencePeriodIndexes1796200000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX booking_occurrences_room_period_idx`);
    await queryRunner.query(
      `CREATE INDEX booking_occurrences_pending_period_idx ON booking_occurrences
         USING gist (room_id, period) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX booking_occurrences_decided_period_idx ON booking_occurrences
         USING gist (room_id, period) WHERE status IN ('approved', 'cancelled')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX booking_occurrences_decided_period_idx`);
    await queryRunner.query(`DROP INDEX booking_occurrences_pending_period_idx`);
    await queryRunner.query(
      `CREATE INDEX booking_occurrences_room_period_idx ON booking_occurrences USING gist (room_id, period)`,
    );
  }
}
