import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_source_locale" AS ENUM('zh', 'en', 'fr');
  CREATE TYPE "public"."enum_articles_translation_status" AS ENUM('in-progress', 'needs-review', 'done');
  CREATE TYPE "public"."enum__articles_v_version_source_locale" AS ENUM('zh', 'en', 'fr');
  CREATE TYPE "public"."enum__articles_v_version_translation_status" AS ENUM('in-progress', 'needs-review', 'done');
  CREATE TYPE "public"."enum_carriers_source_locale" AS ENUM('zh', 'en', 'fr');
  CREATE TYPE "public"."enum_carriers_translation_status" AS ENUM('in-progress', 'needs-review', 'done');
  CREATE TYPE "public"."enum__carriers_v_version_source_locale" AS ENUM('zh', 'en', 'fr');
  CREATE TYPE "public"."enum__carriers_v_version_translation_status" AS ENUM('in-progress', 'needs-review', 'done');
  CREATE TYPE "public"."enum_tips_source_locale" AS ENUM('zh', 'en', 'fr');
  CREATE TYPE "public"."enum_tips_translation_status" AS ENUM('in-progress', 'needs-review', 'done');
  CREATE TYPE "public"."enum__tips_v_version_source_locale" AS ENUM('zh', 'en', 'fr');
  CREATE TYPE "public"."enum__tips_v_version_translation_status" AS ENUM('in-progress', 'needs-review', 'done');
  ALTER TABLE "articles" ADD COLUMN "source_locale" "enum_articles_source_locale" DEFAULT 'zh';
  ALTER TABLE "articles" ADD COLUMN "source_fingerprint" varchar;
  ALTER TABLE "articles_locales" ADD COLUMN "translation_status" "enum_articles_translation_status";
  ALTER TABLE "articles_locales" ADD COLUMN "translation_assignee_id" integer;
  ALTER TABLE "articles_locales" ADD COLUMN "translation_source_fingerprint" varchar;
  ALTER TABLE "articles_locales" ADD COLUMN "translation_source_snapshot" jsonb;
  ALTER TABLE "articles_locales" ADD COLUMN "translation_machine" jsonb;
  ALTER TABLE "articles_locales" ADD COLUMN "translation_translated_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_source_locale" "enum__articles_v_version_source_locale" DEFAULT 'zh';
  ALTER TABLE "_articles_v" ADD COLUMN "version_source_fingerprint" varchar;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_translation_status" "enum__articles_v_version_translation_status";
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_translation_assignee_id" integer;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_translation_source_fingerprint" varchar;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_translation_source_snapshot" jsonb;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_translation_machine" jsonb;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_translation_translated_at" timestamp(3) with time zone;
  ALTER TABLE "carriers" ADD COLUMN "source_locale" "enum_carriers_source_locale" DEFAULT 'zh';
  ALTER TABLE "carriers" ADD COLUMN "source_fingerprint" varchar;
  ALTER TABLE "carriers_locales" ADD COLUMN "translation_status" "enum_carriers_translation_status";
  ALTER TABLE "carriers_locales" ADD COLUMN "translation_assignee_id" integer;
  ALTER TABLE "carriers_locales" ADD COLUMN "translation_source_fingerprint" varchar;
  ALTER TABLE "carriers_locales" ADD COLUMN "translation_source_snapshot" jsonb;
  ALTER TABLE "carriers_locales" ADD COLUMN "translation_machine" jsonb;
  ALTER TABLE "carriers_locales" ADD COLUMN "translation_translated_at" timestamp(3) with time zone;
  ALTER TABLE "_carriers_v" ADD COLUMN "version_source_locale" "enum__carriers_v_version_source_locale" DEFAULT 'zh';
  ALTER TABLE "_carriers_v" ADD COLUMN "version_source_fingerprint" varchar;
  ALTER TABLE "_carriers_v_locales" ADD COLUMN "version_translation_status" "enum__carriers_v_version_translation_status";
  ALTER TABLE "_carriers_v_locales" ADD COLUMN "version_translation_assignee_id" integer;
  ALTER TABLE "_carriers_v_locales" ADD COLUMN "version_translation_source_fingerprint" varchar;
  ALTER TABLE "_carriers_v_locales" ADD COLUMN "version_translation_source_snapshot" jsonb;
  ALTER TABLE "_carriers_v_locales" ADD COLUMN "version_translation_machine" jsonb;
  ALTER TABLE "_carriers_v_locales" ADD COLUMN "version_translation_translated_at" timestamp(3) with time zone;
  ALTER TABLE "tips" ADD COLUMN "source_locale" "enum_tips_source_locale" DEFAULT 'zh';
  ALTER TABLE "tips" ADD COLUMN "source_fingerprint" varchar;
  ALTER TABLE "tips_locales" ADD COLUMN "translation_status" "enum_tips_translation_status";
  ALTER TABLE "tips_locales" ADD COLUMN "translation_assignee_id" integer;
  ALTER TABLE "tips_locales" ADD COLUMN "translation_source_fingerprint" varchar;
  ALTER TABLE "tips_locales" ADD COLUMN "translation_source_snapshot" jsonb;
  ALTER TABLE "tips_locales" ADD COLUMN "translation_machine" jsonb;
  ALTER TABLE "tips_locales" ADD COLUMN "translation_translated_at" timestamp(3) with time zone;
  ALTER TABLE "_tips_v" ADD COLUMN "version_source_locale" "enum__tips_v_version_source_locale" DEFAULT 'zh';
  ALTER TABLE "_tips_v" ADD COLUMN "version_source_fingerprint" varchar;
  ALTER TABLE "_tips_v_locales" ADD COLUMN "version_translation_status" "enum__tips_v_version_translation_status";
  ALTER TABLE "_tips_v_locales" ADD COLUMN "version_translation_assignee_id" integer;
  ALTER TABLE "_tips_v_locales" ADD COLUMN "version_translation_source_fingerprint" varchar;
  ALTER TABLE "_tips_v_locales" ADD COLUMN "version_translation_source_snapshot" jsonb;
  ALTER TABLE "_tips_v_locales" ADD COLUMN "version_translation_machine" jsonb;
  ALTER TABLE "_tips_v_locales" ADD COLUMN "version_translation_translated_at" timestamp(3) with time zone;
  ALTER TABLE "articles_locales" ADD CONSTRAINT "articles_locales_translation_assignee_id_users_id_fk" FOREIGN KEY ("translation_assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_locales" ADD CONSTRAINT "_articles_v_locales_version_translation_assignee_id_users_id_fk" FOREIGN KEY ("version_translation_assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "carriers_locales" ADD CONSTRAINT "carriers_locales_translation_assignee_id_users_id_fk" FOREIGN KEY ("translation_assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_carriers_v_locales" ADD CONSTRAINT "_carriers_v_locales_version_translation_assignee_id_users_id_fk" FOREIGN KEY ("version_translation_assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tips_locales" ADD CONSTRAINT "tips_locales_translation_assignee_id_users_id_fk" FOREIGN KEY ("translation_assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_tips_v_locales" ADD CONSTRAINT "_tips_v_locales_version_translation_assignee_id_users_id_fk" FOREIGN KEY ("version_translation_assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "articles_translation_translation_assignee_idx" ON "articles_locales" USING btree ("translation_assignee_id");
  CREATE INDEX "_articles_v_version_translation_version_translation_assi_idx" ON "_articles_v_locales" USING btree ("version_translation_assignee_id");
  CREATE INDEX "carriers_translation_translation_assignee_idx" ON "carriers_locales" USING btree ("translation_assignee_id");
  CREATE INDEX "_carriers_v_version_translation_version_translation_assi_idx" ON "_carriers_v_locales" USING btree ("version_translation_assignee_id");
  CREATE INDEX "tips_translation_translation_assignee_idx" ON "tips_locales" USING btree ("translation_assignee_id");
  CREATE INDEX "_tips_v_version_translation_version_translation_assignee_idx" ON "_tips_v_locales" USING btree ("version_translation_assignee_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles_locales" DROP CONSTRAINT "articles_locales_translation_assignee_id_users_id_fk";
  
  ALTER TABLE "_articles_v_locales" DROP CONSTRAINT "_articles_v_locales_version_translation_assignee_id_users_id_fk";
  
  ALTER TABLE "carriers_locales" DROP CONSTRAINT "carriers_locales_translation_assignee_id_users_id_fk";
  
  ALTER TABLE "_carriers_v_locales" DROP CONSTRAINT "_carriers_v_locales_version_translation_assignee_id_users_id_fk";
  
  ALTER TABLE "tips_locales" DROP CONSTRAINT "tips_locales_translation_assignee_id_users_id_fk";
  
  ALTER TABLE "_tips_v_locales" DROP CONSTRAINT "_tips_v_locales_version_translation_assignee_id_users_id_fk";
  
  DROP INDEX "articles_translation_translation_assignee_idx";
  DROP INDEX "_articles_v_version_translation_version_translation_assi_idx";
  DROP INDEX "carriers_translation_translation_assignee_idx";
  DROP INDEX "_carriers_v_version_translation_version_translation_assi_idx";
  DROP INDEX "tips_translation_translation_assignee_idx";
  DROP INDEX "_tips_v_version_translation_version_translation_assignee_idx";
  ALTER TABLE "articles" DROP COLUMN "source_locale";
  ALTER TABLE "articles" DROP COLUMN "source_fingerprint";
  ALTER TABLE "articles_locales" DROP COLUMN "translation_status";
  ALTER TABLE "articles_locales" DROP COLUMN "translation_assignee_id";
  ALTER TABLE "articles_locales" DROP COLUMN "translation_source_fingerprint";
  ALTER TABLE "articles_locales" DROP COLUMN "translation_source_snapshot";
  ALTER TABLE "articles_locales" DROP COLUMN "translation_machine";
  ALTER TABLE "articles_locales" DROP COLUMN "translation_translated_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_source_locale";
  ALTER TABLE "_articles_v" DROP COLUMN "version_source_fingerprint";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_translation_status";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_translation_assignee_id";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_translation_source_fingerprint";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_translation_source_snapshot";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_translation_machine";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_translation_translated_at";
  ALTER TABLE "carriers" DROP COLUMN "source_locale";
  ALTER TABLE "carriers" DROP COLUMN "source_fingerprint";
  ALTER TABLE "carriers_locales" DROP COLUMN "translation_status";
  ALTER TABLE "carriers_locales" DROP COLUMN "translation_assignee_id";
  ALTER TABLE "carriers_locales" DROP COLUMN "translation_source_fingerprint";
  ALTER TABLE "carriers_locales" DROP COLUMN "translation_source_snapshot";
  ALTER TABLE "carriers_locales" DROP COLUMN "translation_machine";
  ALTER TABLE "carriers_locales" DROP COLUMN "translation_translated_at";
  ALTER TABLE "_carriers_v" DROP COLUMN "version_source_locale";
  ALTER TABLE "_carriers_v" DROP COLUMN "version_source_fingerprint";
  ALTER TABLE "_carriers_v_locales" DROP COLUMN "version_translation_status";
  ALTER TABLE "_carriers_v_locales" DROP COLUMN "version_translation_assignee_id";
  ALTER TABLE "_carriers_v_locales" DROP COLUMN "version_translation_source_fingerprint";
  ALTER TABLE "_carriers_v_locales" DROP COLUMN "version_translation_source_snapshot";
  ALTER TABLE "_carriers_v_locales" DROP COLUMN "version_translation_machine";
  ALTER TABLE "_carriers_v_locales" DROP COLUMN "version_translation_translated_at";
  ALTER TABLE "tips" DROP COLUMN "source_locale";
  ALTER TABLE "tips" DROP COLUMN "source_fingerprint";
  ALTER TABLE "tips_locales" DROP COLUMN "translation_status";
  ALTER TABLE "tips_locales" DROP COLUMN "translation_assignee_id";
  ALTER TABLE "tips_locales" DROP COLUMN "translation_source_fingerprint";
  ALTER TABLE "tips_locales" DROP COLUMN "translation_source_snapshot";
  ALTER TABLE "tips_locales" DROP COLUMN "translation_machine";
  ALTER TABLE "tips_locales" DROP COLUMN "translation_translated_at";
  ALTER TABLE "_tips_v" DROP COLUMN "version_source_locale";
  ALTER TABLE "_tips_v" DROP COLUMN "version_source_fingerprint";
  ALTER TABLE "_tips_v_locales" DROP COLUMN "version_translation_status";
  ALTER TABLE "_tips_v_locales" DROP COLUMN "version_translation_assignee_id";
  ALTER TABLE "_tips_v_locales" DROP COLUMN "version_translation_source_fingerprint";
  ALTER TABLE "_tips_v_locales" DROP COLUMN "version_translation_source_snapshot";
  ALTER TABLE "_tips_v_locales" DROP COLUMN "version_translation_machine";
  ALTER TABLE "_tips_v_locales" DROP COLUMN "version_translation_translated_at";
  DROP TYPE "public"."enum_articles_source_locale";
  DROP TYPE "public"."enum_articles_translation_status";
  DROP TYPE "public"."enum__articles_v_version_source_locale";
  DROP TYPE "public"."enum__articles_v_version_translation_status";
  DROP TYPE "public"."enum_carriers_source_locale";
  DROP TYPE "public"."enum_carriers_translation_status";
  DROP TYPE "public"."enum__carriers_v_version_source_locale";
  DROP TYPE "public"."enum__carriers_v_version_translation_status";
  DROP TYPE "public"."enum_tips_source_locale";
  DROP TYPE "public"."enum_tips_translation_status";
  DROP TYPE "public"."enum__tips_v_version_source_locale";
  DROP TYPE "public"."enum__tips_v_version_translation_status";`)
}
