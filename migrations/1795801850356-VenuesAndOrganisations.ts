import { MigrationInterface, QueryRunner } from 'typeorm';

export class VenuesAndOrganisations1795801850356 implements MigrationInterface {
  name = 'VenuesAndOrganisations1795801850356';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "organisations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "org_number" text NOT NULL,
                "name" text NOT NULL,
                "kind" text NOT NULL,
                "in_frivillighetsregisteret" boolean NOT NULL,
                "municipality_number" text,
                "email" text NOT NULL,
                "phone" text,
                "website" text,
                "description" text,
                "members_total" integer,
                "members_under25" integer,
                "status" text NOT NULL DEFAULT 'pending',
                "verified_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "organisations_kind_check" CHECK (
                    kind IN (
                        'voluntary',
                        'sports',
                        'study_association',
                        'public',
                        'commercial',
                        'private'
                    )
                ),
                CONSTRAINT "organisations_status_check" CHECK (status IN ('pending', 'verified')),
                CONSTRAINT "organisations_members_check" CHECK (
                    members_under25 IS NULL
                    OR members_total IS NULL
                    OR members_under25 <= members_total
                ),
                CONSTRAINT "organisations_municipality_check" CHECK (
                    municipality_number IS NULL
                    OR municipality_number ~ '^[0-9]{4}$'
                ),
                CONSTRAINT "organisations_org_number_check" CHECK (org_number ~ '^[0-9]{9}$'),
                CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "organisations_org_number_key" ON "organisations" ("org_number")
        `);
    await queryRunner.query(`
            CREATE TABLE "organisation_members" (
                "organisation_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3cc6551a3f80b7aca61439ac6a5" PRIMARY KEY ("organisation_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "organisation_members_user_id_idx" ON "organisation_members" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "buildings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "kind" text NOT NULL,
                "address" text,
                "closed_on_public_holidays" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "buildings_kind_check" CHECK (kind IN ('school', 'culture', 'sports', 'other')),
                CONSTRAINT "PK_bc65c1acce268c383e41a69003a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "building_caretakers" (
                "building_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                CONSTRAINT "PK_7d4a2b1613b4066728df6e6587d" PRIMARY KEY ("building_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "rooms" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "building_id" uuid NOT NULL,
                "name" text NOT NULL,
                "kind" text NOT NULL,
                "capacity" integer NOT NULL,
                "area_sqm" integer,
                "accessible" boolean NOT NULL DEFAULT false,
                "facilities" text array NOT NULL DEFAULT '{}',
                "parent_room_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "rooms_kind_check" CHECK (
                    kind IN (
                        'gym',
                        'hall',
                        'classroom',
                        'meeting_room',
                        'auditorium',
                        'kitchen',
                        'music_room',
                        'other'
                    )
                ),
                CONSTRAINT "rooms_not_own_parent" CHECK (
                    parent_room_id IS NULL
                    OR parent_room_id <> id
                ),
                CONSTRAINT "rooms_area_check" CHECK (
                    area_sqm IS NULL
                    OR area_sqm > 0
                ),
                CONSTRAINT "rooms_capacity_check" CHECK (capacity > 0),
                CONSTRAINT "PK_0368a2d7c215f2d0458a54933f2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "rooms_building_id_idx" ON "rooms" ("building_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "rooms_parent_room_id_idx" ON "rooms" ("parent_room_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "rooms_building_name_key" ON "rooms" ("building_id", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "closures" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "room_id" uuid,
                "building_id" uuid,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "reason" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "closures_period_check" CHECK (ends_at > starts_at),
                CONSTRAINT "closures_target_check" CHECK (num_nonnulls(room_id, building_id) = 1),
                CONSTRAINT "PK_46899be9fc60da350bc4d55a2de" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "closures_building_id_idx" ON "closures" ("building_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "closures_room_id_idx" ON "closures" ("room_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "opening_hours" (
                "room_id" uuid NOT NULL,
                "weekday" smallint NOT NULL,
                "opens" smallint NOT NULL,
                "closes" smallint NOT NULL,
                CONSTRAINT "opening_hours_window_check" CHECK (
                    opens >= 0
                    AND opens < closes
                    AND closes <= 1440
                ),
                CONSTRAINT "opening_hours_weekday_check" CHECK (
                    weekday BETWEEN 1 AND 7
                ),
                CONSTRAINT "PK_2b5638de5f15d107f9caa7c1aec" PRIMARY KEY ("room_id", "weekday", "opens")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "room_leaves" (
                "room_id" uuid NOT NULL,
                "leaf_id" uuid NOT NULL,
                CONSTRAINT "PK_8c7dbbc7dd8173814f3cccff95f" PRIMARY KEY ("room_id", "leaf_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "room_leaves_leaf_id_idx" ON "room_leaves" ("leaf_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "organisation_members"
            ADD CONSTRAINT "FK_588fd3930af62ea399879e1d7ab" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "organisation_members"
            ADD CONSTRAINT "FK_6d808506119822a1e47422b512a" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "building_caretakers"
            ADD CONSTRAINT "FK_fb6f6a3def0730ddd7ce991e7ab" FOREIGN KEY ("building_id") REFERENCES "buildings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "building_caretakers"
            ADD CONSTRAINT "FK_133188db943486f98e50934bbdc" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "rooms"
            ADD CONSTRAINT "FK_0bc4b2db31e5f4a2f03c88f19d5" FOREIGN KEY ("building_id") REFERENCES "buildings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "rooms"
            ADD CONSTRAINT "FK_15b1ba7a0a00b8bd6d807ac1765" FOREIGN KEY ("parent_room_id") REFERENCES "rooms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "closures"
            ADD CONSTRAINT "FK_1f7b04c7168a89bdf78e84ff44b" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "closures"
            ADD CONSTRAINT "FK_ef4cc8510c05a13d4fb00b84ee8" FOREIGN KEY ("building_id") REFERENCES "buildings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "opening_hours"
            ADD CONSTRAINT "FK_32c4eaf9777c83699afe7f5d6e7" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "room_leaves"
            ADD CONSTRAINT "FK_71e69014918a576d57504eb86e0" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "room_leaves"
            ADD CONSTRAINT "FK_d45092192a8ef4ca967de44fcbe" FOREIGN KEY ("leaf_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // Written by hand: closures are looked up by period overlap.
    await queryRunner.query(
      `CREATE INDEX "closures_period_idx" ON "closures" USING gist (tstzrange(starts_at, ends_at))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "closures_period_idx"`);
    await queryRunner.query(`
            ALTER TABLE "room_leaves" DROP CONSTRAINT "FK_d45092192a8ef4ca967de44fcbe"
        `);
    await queryRunner.query(`
            ALTER TABLE "room_leaves" DROP CONSTRAINT "FK_71e69014918a576d57504eb86e0"
        `);
    await queryRunner.query(`
            ALTER TABLE "opening_hours" DROP CONSTRAINT "FK_32c4eaf9777c83699afe7f5d6e7"
        `);
    await queryRunner.query(`
            ALTER TABLE "closures" DROP CONSTRAINT "FK_ef4cc8510c05a13d4fb00b84ee8"
        `);
    await queryRunner.query(`
            ALTER TABLE "closures" DROP CONSTRAINT "FK_1f7b04c7168a89bdf78e84ff44b"
        `);
    await queryRunner.query(`
            ALTER TABLE "rooms" DROP CONSTRAINT "FK_15b1ba7a0a00b8bd6d807ac1765"
        `);
    await queryRunner.query(`
            ALTER TABLE "rooms" DROP CONSTRAINT "FK_0bc4b2db31e5f4a2f03c88f19d5"
        `);
    await queryRunner.query(`
            ALTER TABLE "building_caretakers" DROP CONSTRAINT "FK_133188db943486f98e50934bbdc"
        `);
    await queryRunner.query(`
            ALTER TABLE "building_caretakers" DROP CONSTRAINT "FK_fb6f6a3def0730ddd7ce991e7ab"
        `);
    await queryRunner.query(`
            ALTER TABLE "organisation_members" DROP CONSTRAINT "FK_6d808506119822a1e47422b512a"
        `);
    await queryRunner.query(`
            ALTER TABLE "organisation_members" DROP CONSTRAINT "FK_588fd3930af62ea399879e1d7ab"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."room_leaves_leaf_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "room_leaves"
        `);
    await queryRunner.query(`
            DROP TABLE "opening_hours"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."closures_room_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."closures_building_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "closures"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."rooms_building_name_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."rooms_parent_room_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."rooms_building_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "rooms"
        `);
    await queryRunner.query(`
            DROP TABLE "building_caretakers"
        `);
    await queryRunner.query(`
            DROP TABLE "buildings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."organisation_members_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "organisation_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."organisations_org_number_key"
        `);
    await queryRunner.query(`
            DROP TABLE "organisations"
        `);
  }
}
