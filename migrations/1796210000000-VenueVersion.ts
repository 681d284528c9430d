import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['rooms', 'buildings', 'opening_hours', 'room_leaves'];

/**
 * A version of the venue data the free-room search keeps in memory (src/portal/room-list.ts): every
 * statement that writes rooms, buildings, opening hours or room leaves bumps the one counter, in its own
 * transaction, so the new number is seen exactly when the change is. The row lock makes concurrent
 * venue edits commit one after the other; they are a few a day.
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
        UPDATE venue_version SET n = n + 1;
        RETURN NULL;
      END $$`);
    for (const table of TABLES) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_venue_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION bump_venue_version()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`DROP TRIGGER ${table}_venue_version ON ${table}`);
    await queryRunner.query(`DROP FUNCTION bump_venue_version()`);
    await queryRunner.query(`DROP TABLE venue_version`);
  }
}
