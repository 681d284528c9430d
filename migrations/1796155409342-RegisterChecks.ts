import { MigrationInterface, QueryRunner } from 'typeorm';

export class RegisterChecks1796155409342 implements MigrationInterface {
  name = 'RegisterChecks1796155409342';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "register_lookups" (
                "org_number" text NOT NULL,
                "http_status" smallint NOT NULL,
                "body" jsonb,
                "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "register_lookups_status_check" CHECK (http_status IN (200, 404, 410)),
                CONSTRAINT "PK_fdfaf3f4ab6853bcf40b59fe262" PRIMARY KEY ("org_number")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "organisations"
            ADD "register_status" text NOT NULL DEFAULT 'unchecked'
        `);
    await queryRunner.query(`
            ALTER TABLE "organisations"
            ADD "register_checked_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "organisations"
            ADD "register_facts" jsonb
        `);
    await queryRunner.query(`
            CREATE INDEX "organisations_unchecked_idx" ON "organisations" ("register_status")
            WHERE register_status = 'unchecked'
        `);
    await queryRunner.query(`
            ALTER TABLE "organisations"
            ADD CONSTRAINT "organisations_register_status_check" CHECK (register_status IN ('unchecked', 'checked'))
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "organisations" DROP CONSTRAINT "organisations_register_status_check"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."organisations_unchecked_idx"
        `);
    await queryRunner.query(`
            ALTER TABLE "organisations" DROP COLUMN "register_facts"
        `);
    await queryRunner.query(`
            ALTER TABLE "organisations" DROP COLUMN "register_checked_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "organisations" DROP COLUMN "register_status"
        `);
    await queryRunner.query(`
            DROP TABLE "register_lookups"
        `);
  }
}
