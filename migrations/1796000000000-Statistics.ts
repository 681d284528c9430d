import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Usage statistics rollups and the free-use evaluation reports. Written by hand (not generated) so that
 * it holds only the statistics tables; it matches the entities in src/statistics exactly, constraint
 * names included. The triggers that mark days for recomputation are below the tables.
 */
export class Statistics1796000000000 implements MigrationInterface {
  name = 'Statistics1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "stats_daily_usage" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "date" date NOT NULL,
        "room_id" uuid NOT NULL,
        "building_id" uuid NOT NULL,
        "room_kind" text NOT NULL,
        "organisation_id" uuid NOT NULL,
        "organisation_kind" text NOT NULL,
        "age_group" text NOT NULL,
        "rule_id" uuid,
        "occurrences" integer NOT NULL,
        "booked_seconds" integer NOT NULL,
        "used_seconds" integer NOT NULL,
        "no_show_seconds" integer NOT NULL,
        "cancelled_late_seconds" integer NOT NULL,
        "cancelled_in_time_seconds" integer NOT NULL,
        "booked_leaf_seconds" integer NOT NULL,
        "participants" integer NOT NULL,
        "list_ore" integer NOT NULL,
        "waived_ore" integer NOT NULL,
        "charged_ore" integer NOT NULL,
        CONSTRAINT "PK_b74e6096617f73d859f27954acb" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "stats_daily_usage_date_idx" ON "stats_daily_usage" ("date")`);
    await queryRunner.query(`
      CREATE TABLE "stats_monthly_usage" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "month" date NOT NULL,
        "weekday" smallint NOT NULL,
        "room_id" uuid NOT NULL,
        "building_id" uuid NOT NULL,
        "room_kind" text NOT NULL,
        "organisation_id" uuid NOT NULL,
        "organisation_kind" text NOT NULL,
        "age_group" text NOT NULL,
        "rule_id" uuid,
        "occurrences" integer NOT NULL,
        "booked_seconds" integer NOT NULL,
        "used_seconds" integer NOT NULL,
        "no_show_seconds" integer NOT NULL,
        "cancelled_late_seconds" integer NOT NULL,
        "cancelled_in_time_seconds" integer NOT NULL,
        "booked_leaf_seconds" integer NOT NULL,
        "participants" integer NOT NULL,
        "list_ore" integer NOT NULL,
        "waived_ore" integer NOT NULL,
        "charged_ore" integer NOT NULL,
        CONSTRAINT "PK_32da9204974ba126a53c373f246" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "stats_monthly_usage_month_idx" ON "stats_monthly_usage" ("month")`,
    );
    await queryRunner.query(`
      CREATE TABLE "stats_room_months" (
        "month" date NOT NULL,
        "weekday" smallint NOT NULL,
        "room_id" uuid NOT NULL,
        "building_id" uuid NOT NULL,
        "room_kind" text NOT NULL,
        "leaves" smallint NOT NULL,
        "is_leaf" boolean NOT NULL,
        "open_seconds" integer NOT NULL,
        CONSTRAINT "PK_014db72b971c8b47588e3de9c99" PRIMARY KEY ("month", "weekday", "room_id")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "stats_room_days" (
        "date" date NOT NULL,
        "room_id" uuid NOT NULL,
        "building_id" uuid NOT NULL,
        "room_kind" text NOT NULL,
        "leaves" smallint NOT NULL,
        "is_leaf" boolean NOT NULL,
        "open_seconds" integer NOT NULL,
        CONSTRAINT "PK_5ff30ee5695295d665ae42f5631" PRIMARY KEY ("date", "room_id")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "stats_building_hours" (
        "date" date NOT NULL,
        "building_id" uuid NOT NULL,
        "building_kind" text NOT NULL,
        "open_leaf_seconds" integer array NOT NULL,
        "booked_leaf_seconds" integer array NOT NULL,
        CONSTRAINT "PK_3b6caf24d861dc25e5ea9165eb3" PRIMARY KEY ("date", "building_id")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "stats_dirty_days" (
        "date" date NOT NULL,
        "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_2fce1d233a084231cf1bab4ca8a" PRIMARY KEY ("date")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "stats_computed_days" (
        "date" date NOT NULL,
        "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_dc127d21c80cf81fd441201303a" PRIMARY KEY ("date")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "evaluation_reports" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" text NOT NULL DEFAULT 'free-use-evaluation',
        "status" text NOT NULL DEFAULT 'queued',
        "progress" integer NOT NULL DEFAULT '0',
        "locale" text NOT NULL DEFAULT 'nb',
        "period_from" date NOT NULL,
        "period_to" date NOT NULL,
        "compare_from" date,
        "compare_to" date,
        "requested_by" uuid,
        "job_id" uuid,
        "result" json,
        "charts" json,
        "error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "completed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "evaluation_reports_progress_check" CHECK (progress BETWEEN 0 AND 100),
        CONSTRAINT "evaluation_reports_compare_check" CHECK (
          (compare_from IS NULL AND compare_to IS NULL) OR (compare_from IS NOT NULL AND compare_to >= compare_from)
        ),
        CONSTRAINT "evaluation_reports_period_check" CHECK (period_to >= period_from),
        CONSTRAINT "evaluation_reports_locale_check" CHECK (locale IN ('nb', 'en')),
        CONSTRAINT "evaluation_reports_status_check" CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        CONSTRAINT "PK_587302423d9ba7823c49654ecaf" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      ALTER TABLE "evaluation_reports"
      ADD CONSTRAINT "FK_c2ed17551e8a8813924ba3020d3" FOREIGN KEY ("requested_by") REFERENCES "users"("id")
      ON DELETE SET NULL ON UPDATE NO ACTION
    `);

    // Marks the past Oslo dates (up to today) a set of ranges touches; future days are recomputed by
    // the nightly rollup anyway. Statement-level, so a bulk change marks each day once.
    await queryRunner.query(`
      CREATE FUNCTION stats_mark_days(ranges tstzrange[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO stats_dirty_days (date)
        SELECT DISTINCT d.first + i
          FROM (SELECT (lower(r) AT TIME ZONE 'Europe/Oslo')::date AS first,
                       least(((upper(r) - interval '1 microsecond') AT TIME ZONE 'Europe/Oslo')::date,
                             (now() AT TIME ZONE 'Europe/Oslo')::date) AS last
                  FROM unnest(ranges) AS r) d,
               generate_series(0, d.last - d.first) AS i
         WHERE d.first <= d.last
        ON CONFLICT (date) DO NOTHING
      $$`);
    // Occurrences: any inserted or deleted one, and updated ones where a counted field changed.
    await queryRunner.query(`
      CREATE FUNCTION stats_occurrences_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM stats_mark_days(ARRAY(SELECT tstzrange(starts_at, ends_at) FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM stats_mark_days(ARRAY(SELECT tstzrange(starts_at, ends_at) FROM old_rows));
        ELSE
          PERFORM stats_mark_days(ARRAY(
            SELECT tstzrange(r.starts_at, r.ends_at)
              FROM old_rows o JOIN new_rows n ON n.id = o.id,
                   LATERAL (VALUES (o.starts_at, o.ends_at), (n.starts_at, n.ends_at)) AS r(starts_at, ends_at)
             WHERE (o.request_id, o.room_id, o.starts_at, o.ends_at, o.status, o.cancelled_late, o.attendance,
                    o.participants, o.list_ore, o.waived_ore, o.charged_ore, o.rule_id)
                   IS DISTINCT FROM
                   (n.request_id, n.room_id, n.starts_at, n.ends_at, n.status, n.cancelled_late, n.attendance,
                    n.participants, n.list_ore, n.waived_ore, n.charged_ore, n.rule_id)));
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER stats_occurrences_inserted AFTER INSERT ON booking_occurrences
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_occurrences_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER stats_occurrences_updated AFTER UPDATE ON booking_occurrences
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION stats_occurrences_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER stats_occurrences_deleted AFTER DELETE ON booking_occurrences
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_occurrences_changed()`);
    // Closures change a day's open hours.
    await queryRunner.query(`
      CREATE FUNCTION stats_closures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM stats_mark_days(ARRAY(SELECT tstzrange(starts_at, ends_at) FROM new_rows));
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM stats_mark_days(ARRAY(SELECT tstzrange(starts_at, ends_at) FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER stats_closures_inserted AFTER INSERT ON closures
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_closures_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER stats_closures_updated AFTER UPDATE ON closures
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION stats_closures_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER stats_closures_deleted AFTER DELETE ON closures
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_closures_changed()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of ['inserted', 'updated', 'deleted']) {
      await queryRunner.query(`DROP TRIGGER stats_closures_${t} ON closures`);
      await queryRunner.query(`DROP TRIGGER stats_occurrences_${t} ON booking_occurrences`);
    }
    await queryRunner.query(`DROP FUNCTION stats_closures_changed()`);
    await queryRunner.query(`DROP FUNCTION stats_occurrences_changed()`);
    await queryRunner.query(`DROP FUNCTION stats_mark_days(tstzrange[])`);
    await queryRunner.query(
      `ALTER TABLE "evaluation_reports" DROP CONSTRAINT "FK_c2ed17551e8a8813924ba3020d3"`,
    );
    await queryRunner.query(`DROP TABLE "evaluation_reports"`);
    await queryRunner.query(`DROP TABLE "stats_computed_days"`);
    await queryRunner.query(`DROP TABLE "stats_dirty_days"`);
    await queryRunner.query(`DROP TABLE "stats_building_hours"`);
    await queryRunner.query(`DROP TABLE "stats_room_months"`);
    await queryRunner.query(`DROP TABLE "stats_room_days"`);
    await queryRunner.query(`DROP INDEX "public"."stats_monthly_usage_month_idx"`);
    await queryRunner.query(`DROP TABLE "stats_monthly_usage"`);
    await queryRunner.query(`DROP INDEX "public"."stats_daily_usage_date_idx"`);
    await queryRunner.query(`DROP TABLE "stats_daily_usage"`);
  }
}
