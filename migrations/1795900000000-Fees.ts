import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Price lists and versioned exemption rules. Written by hand (not generated) so that it holds only the
 * fees tables; it matches the entities in src/fees exactly, constraint names included.
 */
export class Fees1795900000000 implements MigrationInterface {
  name = 'Fees1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "room_prices" (
        "room_id" uuid NOT NULL,
        "hourly_nonprofit_ore" integer NOT NULL,
        "hourly_public_ore" integer NOT NULL,
        "hourly_commercial_ore" integer NOT NULL,
        "hourly_private_ore" integer NOT NULL,
        "fixed_per_booking_ore" jsonb,
        "fixed_per_series_ore" jsonb,
        "extras" jsonb NOT NULL DEFAULT '[]',
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "room_prices_hourly_check" CHECK (
          hourly_nonprofit_ore >= 0 AND hourly_public_ore >= 0 AND hourly_commercial_ore >= 0 AND hourly_private_ore >= 0
        ),
        CONSTRAINT "PK_675129d0b35c24f00b89aeb1efc" PRIMARY KEY ("room_id")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "exemption_rule_versions" (
        "rule_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "name" text NOT NULL,
        "priority" integer NOT NULL,
        "valid_from" date NOT NULL,
        "valid_to" date,
        "conditions" jsonb NOT NULL,
        "effect" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "created_by" uuid,
        CONSTRAINT "exemption_rule_versions_validity_check" CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CONSTRAINT "exemption_rule_versions_version_check" CHECK (version >= 1),
        CONSTRAINT "PK_cecdc514741bf471cdb6a25fc85" PRIMARY KEY ("rule_id", "version")
      )
    `);
    await queryRunner.query(`
      ALTER TABLE "room_prices"
      ADD CONSTRAINT "FK_675129d0b35c24f00b89aeb1efc" FOREIGN KEY ("room_id") REFERENCES "rooms"("id")
      ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "exemption_rule_versions"
      ADD CONSTRAINT "FK_310ab89fe5b1dde949b08158905" FOREIGN KEY ("created_by") REFERENCES "users"("id")
      ON DELETE SET NULL ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "exemption_rule_versions" DROP CONSTRAINT "FK_310ab89fe5b1dde949b08158905"`,
    );
    await queryRunner.query(`ALTER TABLE "room_prices" DROP CONSTRAINT "FK_675129d0b35c24f00b89aeb1efc"`);
    await queryRunner.query(`DROP TABLE "exemption_rule_versions"`);
    await queryRunner.query(`DROP TABLE "room_prices"`);
  }
}
