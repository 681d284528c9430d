import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['rooms', 'buildings', 'opening_hours', 'room_leaves'];

/**
 * A version of the venue data the free-room search keeps in memory (src/portal/room-list.ts): a
 * transaction that writes rooms, buildings, opening hours or room leaves bumps the one counter once, at
 * its commit, so the new number is seen exactly when the change is. The bump is a deferred constraint
 * trigger so that the counter's row lock is the last lock a transaction takes: two venue edits that
 * write the same rows in different orders wait for each other as they would without the counter, and
 * cannot deadlock on it (a bump at each statement took the lock first and could). Once per transaction:
 * a transaction-local setting remembers that it has bumped.
 */
export class VenueVersion1796210000000 implements MigrationInterface {
  name = 'VenueVersion1796210000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE venue_version (
        one boolean PRIMARY KEY DEFAULT true CHECK (one),
        n bigint NOT NULL
      )`);
    await queryRunner.query(`INSERT INTO venue_version (one, n) VALUES (true, 1)`);
    await queryRunner.query(`
      CREATE FUNCTION bump_venue_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('frirom.venue_version_bumped', true) IS DISTINCT FROM 'yes' THEN
          PERFORM set_config('frirom.venue_version_bumped', 'yes', true);
          UPDATE venue_version SET n = n + 1;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of TABLES) {
      await queryRunner.query(`
        CREATE CONSTRAINT TRIGGER ${table}_venue_version AFTER INSERT OR UPDATE OR DELETE ON ${table}
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_venue_version()`);
      // TRUNCATE has no row to defer on (tests and resets); it bumps at once.
      await queryRunner.query(`
        CREATE TRIGGER ${table}_venue_version_truncate AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION bump_venue_version()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`DROP TRIGGER ${table}_venue_version_truncate ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_venue_version ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION bump_venue_version()`);
    await queryRunner.query(`DROP TABLE venue_version`);
  }
}
