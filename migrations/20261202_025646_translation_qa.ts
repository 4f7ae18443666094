import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles_locales" ADD COLUMN "translation_qa_errors" numeric;
  ALTER TABLE "articles_locales" ADD COLUMN "translation_qa_warnings" numeric;
  ALTER TABLE "articles_locales" ADD COLUMN "translation_qa_findings" jsonb;
  ALTER TABLE "articles_locales" ADD COLUMN "translation_qa_override_reason" varchar;
  ALTER TABLE "articles_locales" ADD COLUMN "translation_qa_override" jsonb;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_translation_qa_errors" numeric;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_translation_qa_warnings" numeric;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_translation_qa_findings" jsonb;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_translation_qa_override_reason" varchar;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_translation_qa_override" jsonb;
  ALTER TABLE "carriers_locales" ADD COLUMN "translation_qa_errors" numeric;
  ALTER TABLE "carriers_locales" ADD COLUMN "translation_qa_warnings" numeric;
  ALTER TABLE "carriers_locales" ADD COLUMN "translation_qa_findings" jsonb;
  ALTER TABLE "carriers_locales" ADD COLUMN "translation_qa_override_reason" varchar;
  ALTER TABLE "carriers_locales" ADD COLUMN "translation_qa_override" jsonb;
  ALTER TABLE "_carriers_v_locales" ADD COLUMN "version_translation_qa_errors" numeric;
  ALTER TABLE "_carriers_v_locales" ADD COLUMN "version_translation_qa_warnings" numeric;
  ALTER TABLE "_carriers_v_locales" ADD COLUMN "version_translation_qa_findings" jsonb;
  ALTER TABLE "_carriers_v_locales" ADD COLUMN "version_translation_qa_override_reason" varchar;
  ALTER TABLE "_carriers_v_locales" ADD COLUMN "version_translation_qa_override" jsonb;
  ALTER TABLE "tips_locales" ADD COLUMN "translation_qa_errors" numeric;
  ALTER TABLE "tips_locales" ADD COLUMN "translation_qa_warnings" numeric;
  ALTER TABLE "tips_locales" ADD COLUMN "translation_qa_findings" jsonb;
  ALTER TABLE "tips_locales" ADD COLUMN "translation_qa_override_reason" varchar;
  ALTER TABLE "tips_locales" ADD COLUMN "translation_qa_override" jsonb;
  ALTER TABLE "_tips_v_locales" ADD COLUMN "version_translation_qa_errors" numeric;
  ALTER TABLE "_tips_v_locales" ADD COLUMN "version_translation_qa_warnings" numeric;
  ALTER TABLE "_tips_v_locales" ADD COLUMN "version_translation_qa_findings" jsonb;
  ALTER TABLE "_tips_v_locales" ADD COLUMN "version_translation_qa_override_reason" varchar;
  ALTER TABLE "_tips_v_locales" ADD COLUMN "version_translation_qa_override" jsonb;
  ALTER TABLE "glossary" ADD COLUMN "do_not_translate" boolean DEFAULT false;
  CREATE INDEX "articles_translation_translation_qa_errors_idx" ON "articles_locales" USING btree ("translation_qa_errors");
  CREATE INDEX "_articles_v_version_translation_version_translation_qa_e_idx" ON "_articles_v_locales" USING btree ("version_translation_qa_errors");
  CREATE INDEX "carriers_translation_translation_qa_errors_idx" ON "carriers_locales" USING btree ("translation_qa_errors");
  CREATE INDEX "_carriers_v_version_translation_version_translation_qa_e_idx" ON "_carriers_v_locales" USING btree ("version_translation_qa_errors");
  CREATE INDEX "tips_translation_translation_qa_errors_idx" ON "tips_locales" USING btree ("translation_qa_errors");
  CREATE INDEX "_tips_v_version_translation_version_translation_qa_error_idx" ON "_tips_v_locales" USING btree ("version_translation_qa_errors");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_translation_translation_qa_errors_idx";
  DROP INDEX "_articles_v_version_translation_version_translation_qa_e_idx";
  DROP INDEX "carriers_translation_translation_qa_errors_idx";
  DROP INDEX "_carriers_v_version_translation_version_translation_qa_e_idx";
  DROP INDEX "tips_translation_translation_qa_errors_idx";
  DROP INDEX "_tips_v_version_translation_version_translation_qa_error_idx";
  ALTER TABLE "articles_locales" DROP COLUMN "translation_qa_errors";
  ALTER TABLE "articles_locales" DROP COLUMN "translation_qa_warnings";
  ALTER TABLE "articles_locales" DROP COLUMN "translation_qa_findings";
  ALTER TABLE "articles_locales" DROP COLUMN "translation_qa_override_reason";
  ALTER TABLE "articles_locales" DROP COLUMN "translation_qa_override";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_translation_qa_errors";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_translation_qa_warnings";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_translation_qa_findings";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_translation_qa_override_reason";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_translation_qa_override";
  ALTER TABLE "carriers_locales" DROP COLUMN "translation_qa_errors";
  ALTER TABLE "carriers_locales" DROP COLUMN "translation_qa_warnings";
  ALTER TABLE "carriers_locales" DROP COLUMN "translation_qa_findings";
  ALTER TABLE "carriers_locales" DROP COLUMN "translation_qa_override_reason";
  ALTER TABLE "carriers_locales" DROP COLUMN "translation_qa_override";
  ALTER TABLE "_carriers_v_locales" DROP COLUMN "version_translation_qa_errors";
  ALTER TABLE "_carriers_v_locales" DROP COLUMN "version_translation_qa_warnings";
  ALTER TABLE "_carriers_v_locales" DROP COLUMN "version_translation_qa_findings";
  ALTER TABLE "_carriers_v_locales" DROP COLUMN "version_translation_qa_override_reason";
  ALTER TABLE "_carriers_v_locales" DROP COLUMN "version_translation_qa_override";
  ALTER TABLE "tips_locales" DROP COLUMN "translation_qa_errors";
  ALTER TABLE "tips_locales" DROP COLUMN "translation_qa_warnings";
  ALTER TABLE "tips_locales" DROP COLUMN "translation_qa_findings";
  ALTER TABLE "tips_locales" DROP COLUMN "translation_qa_override_reason";
  ALTER TABLE "tips_locales" DROP COLUMN "translation_qa_override";
  ALTER TABLE "_tips_v_locales" DROP COLUMN "version_translation_qa_errors";
  ALTER TABLE "_tips_v_locales" DROP COLUMN "version_translation_qa_warnings";
  ALTER TABLE "_tips_v_locales" DROP COLUMN "version_translation_qa_findings";
  ALTER TABLE "_tips_v_locales" DROP COLUMN "version_translation_qa_override_reason";
  ALTER TABLE "_tips_v_locales" DROP COLUMN "version_translation_qa_override";
  ALTER TABLE "glossary" DROP COLUMN "do_not_translate";`)
}
