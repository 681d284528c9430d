import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seasons, their rooms and allocations, and the season application's columns on booking_requests.
 * Written by hand (not generated) so that it holds only the seasons tables; it matches the entities in
 * src/seasons and the two columns of src/bookings/booking-request.entity.ts, constraint names included.
 */
export class Seasons1796100000000 implements MigrationInterface {
  name = 'Seasons1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "seasons" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "starts_on" date NOT NULL,
        "ends_on" date NOT NULL,
        "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "application_opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "application_deadline" TIMESTAMP WITH TIME ZONE NOT NULL,
        "policy" jsonb NOT NULL,
        "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "committed_at" TIMESTAMP WITH TIME ZONE,
        "committed_by" uuid,
        "commit_result" jsonb,
        "published_at" TIMESTAMP WITH TIME ZONE,
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "seasons_published_check" CHECK (published_at IS NULL OR committed_at IS NOT NULL),
        CONSTRAINT "seasons_application_check" CHECK (application_deadline > application_opens_at),
        CONSTRAINT "seasons_period_check" CHECK (ends_on >= starts_on AND ends_at > starts_at),
        CONSTRAINT "PK_cb8ed53b5fe109dcd4a4449ec9d" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "season_allocations" (
        "season_id" uuid NOT NULL,
        "state" text NOT NULL DEFAULT 'queued',
        "job_id" text,
        "pins" jsonb NOT NULL DEFAULT '[]',
        "proposal" jsonb,
        "failure" jsonb,
        "requested_by" uuid,
        "requested_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "season_allocations_state_check" CHECK (state IN ('queued', 'running', 'done', 'failed')),
        CONSTRAINT "PK_7f8746d2f53f04896c760810fe3" PRIMARY KEY ("season_id")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "season_rooms" (
        "season_id" uuid NOT NULL,
        "room_id" uuid NOT NULL,
        CONSTRAINT "PK_4f0a70f6db6ea5d3c018f3e2316" PRIMARY KEY ("season_id", "room_id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "season_rooms_room_id_idx" ON "season_rooms" ("room_id")`);
    await queryRunner.query(`ALTER TABLE "booking_requests" ADD "preferences" jsonb`);
    await queryRunner.query(`ALTER TABLE "booking_requests" ADD "sessions_per_week" integer`);
    await queryRunner.query(`
      ALTER TABLE "season_allocations" ADD CONSTRAINT "FK_7f8746d2f53f04896c760810fe3"
        FOREIGN KEY ("season_id") REFERENCES "seasons"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "season_rooms" ADD CONSTRAINT "FK_17de57aec7a6ec9c9127d4b8f6f"
        FOREIGN KEY ("season_id") REFERENCES "seasons"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "season_rooms" ADD CONSTRAINT "FK_6434b3119fc3ca2df3fa976ec27"
        FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "season_rooms" DROP CONSTRAINT "FK_6434b3119fc3ca2df3fa976ec27"`);
    await queryRunner.query(`ALTER TABLE "season_rooms" DROP CONSTRAINT "FK_17de57aec7a6ec9c9127d4b8f6f"`);
    await queryRunner.query(
      `ALTER TABLE "season_allocations" DROP CONSTRAINT "FK_7f8746d2f53f04896c760810fe3"`,
    );
    await queryRunner.query(`ALTER TABLE "booking_requests" DROP COLUMN "sessions_per_week"`);
    await queryRunner.query(`ALTER TABLE "booking_requests" DROP COLUMN "preferences"`);
    await queryRunner.query(`DROP INDEX "public"."season_rooms_room_id_idx"`);
    await queryRunner.query(`DROP TABLE "season_rooms"`);
    await queryRunner.query(`DROP TABLE "season_allocations"`);
    await queryRunner.query(`DROP TABLE "seasons"`);
  }
}
