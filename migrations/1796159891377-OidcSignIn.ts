import { MigrationInterface, QueryRunner } from 'typeorm';

export class OidcSignIn1796159891377 implements MigrationInterface {
  name = 'OidcSignIn1796159891377';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "oidc_identities" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "provider" text NOT NULL,
                "subject" text NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_sign_in_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5f2ee4d63e1d0ca3bc5c924dcf4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "oidc_identities_user_id_idx" ON "oidc_identities" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "oidc_identities_provider_subject_key" ON "oidc_identities" ("provider", "subject")
        `);
    await queryRunner.query(`
            CREATE TABLE "oidc_logins" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "key_hash" text NOT NULL,
                "provider" text NOT NULL,
                "phase" text NOT NULL DEFAULT 'authorizing',
                "state" text,
                "nonce" text,
                "code_verifier" text,
                "next_path" text NOT NULL,
                "subject" text,
                "name" text,
                "id_token_sealed" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "oidc_logins_phase_check" CHECK (phase IN ('authorizing', 'needs_email')),
                CONSTRAINT "PK_27f2bad66363345736ca34c2803" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "oidc_logins_expires_at_idx" ON "oidc_logins" ("expires_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "oidc_logins_key_hash_key" ON "oidc_logins" ("key_hash")
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD "oidc_provider" text
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD "oidc_id_token_sealed" text
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ALTER COLUMN "password_hash" DROP NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "oidc_identities"
            ADD CONSTRAINT "FK_9fe6252422ff84d3a961b11b930" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // Written by hand: TypeORM does not see a changed CHECK. The audit log learns OpenID links.
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_action_check"`);
    await queryRunner.query(`
            ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_action_check" CHECK (action IN ('sign_in', 'sign_in_failed', 'sign_out', 'password_changed', 'password_reset_requested', 'password_reset', 'user_created', 'roles_changed', 'user_deactivated', 'user_reactivated', 'oidc_linked'))
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "audit_events" WHERE action = 'oidc_linked'`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_action_check"`);
    await queryRunner.query(`
            ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_action_check" CHECK (action IN ('sign_in', 'sign_in_failed', 'sign_out', 'password_changed', 'password_reset_requested', 'password_reset', 'user_created', 'roles_changed', 'user_deactivated', 'user_reactivated'))
        `);
    await queryRunner.query(`
            ALTER TABLE "oidc_identities" DROP CONSTRAINT "FK_9fe6252422ff84d3a961b11b930"
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ALTER COLUMN "password_hash"
            SET NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP COLUMN "oidc_id_token_sealed"
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP COLUMN "oidc_provider"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."oidc_logins_key_hash_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."oidc_logins_expires_at_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "oidc_logins"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."oidc_identities_provider_subject_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."oidc_identities_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "oidc_identities"
        `);
  }
}
