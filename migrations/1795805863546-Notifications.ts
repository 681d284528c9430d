import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795805863546 implements MigrationInterface {
  name = 'Notifications1795805863546';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "booking_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "request_id" uuid NOT NULL,
                "handed_to" text NOT NULL,
                "handed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "returned_at" TIMESTAMP WITH TIME ZONE,
                "recorded_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_aa8789511bbaf419ea84cc18baf" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "booking_keys_request_id_idx" ON "booking_keys" ("request_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" text NOT NULL,
                "recipient_user_id" uuid,
                "to_email" text NOT NULL,
                "locale" text NOT NULL DEFAULT 'nb',
                "dedupe_key" text,
                "data" jsonb NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "generation" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "queued_at" TIMESTAMP WITH TIME ZONE,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "outbox_messages_locale_check" CHECK (locale IN ('nb', 'en')),
                CONSTRAINT "outbox_messages_status_check" CHECK (
                    status IN ('pending', 'queued', 'sent', 'failed')
                ),
                CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "outbox_messages_dedupe_key_key" ON "outbox_messages" ("dedupe_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "outbox_messages_status_created_idx" ON "outbox_messages" ("status", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD "access_status" text NOT NULL DEFAULT 'pending'
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD "access_method" text
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD "access_note" text
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD "access_valid_from" date
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD "access_valid_to" date
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_occurrences"
            ADD "attendance" text
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_occurrences"
            ADD "participants" integer
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_occurrences"
            ADD "attendance_recorded_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_occurrences"
            ADD "attendance_recorded_by" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests"
            ADD CONSTRAINT "booking_requests_access_status_check" CHECK (
                    access_status IN ('pending', 'confirmed', 'declined')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_keys"
            ADD CONSTRAINT "FK_db51443afd1ee8720c2d2bf3cdf" FOREIGN KEY ("request_id") REFERENCES "booking_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_keys"
            ADD CONSTRAINT "FK_17ec0bae90dfc7dc9aa3b2e3604" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outbox_messages"
            ADD CONSTRAINT "FK_938f45c5a02cc8f440c3c49cb58" FOREIGN KEY ("recipient_user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "outbox_messages" DROP CONSTRAINT "FK_938f45c5a02cc8f440c3c49cb58"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_keys" DROP CONSTRAINT "FK_17ec0bae90dfc7dc9aa3b2e3604"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_keys" DROP CONSTRAINT "FK_db51443afd1ee8720c2d2bf3cdf"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP CONSTRAINT "booking_requests_access_status_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_occurrences" DROP COLUMN "attendance_recorded_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_occurrences" DROP COLUMN "attendance_recorded_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_occurrences" DROP COLUMN "participants"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_occurrences" DROP COLUMN "attendance"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP COLUMN "access_valid_to"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP COLUMN "access_valid_from"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP COLUMN "access_note"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP COLUMN "access_method"
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_requests" DROP COLUMN "access_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."outbox_messages_status_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."outbox_messages_dedupe_key_key"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_messages"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."booking_keys_request_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "booking_keys"
        `);
  }
}
