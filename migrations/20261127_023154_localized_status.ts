import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * `_status` becomes per locale. A document published before keeps each locale that has its own
 * title (or name) published; a locale with none was only ever a fallback, and starts as a draft.
 * Going down, a document is published when any of its locales was.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles__status_idx";
  DROP INDEX "_articles_v_version_version__status_idx";
  DROP INDEX "carriers__status_idx";
  DROP INDEX "_carriers_v_version_version__status_idx";
  DROP INDEX "tips__status_idx";
  DROP INDEX "_tips_v_version_version__status_idx";
  ALTER TABLE "articles_locales" ADD COLUMN "_status" "enum_articles_status" DEFAULT 'draft';
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version__status" "enum__articles_v_version_status" DEFAULT 'draft';
  ALTER TABLE "carriers_locales" ADD COLUMN "_status" "enum_carriers_status" DEFAULT 'draft';
  ALTER TABLE "_carriers_v_locales" ADD COLUMN "version__status" "enum__carriers_v_version_status" DEFAULT 'draft';
  ALTER TABLE "tips_locales" ADD COLUMN "_status" "enum_tips_status" DEFAULT 'draft';
  ALTER TABLE "_tips_v_locales" ADD COLUMN "version__status" "enum__tips_v_version_status" DEFAULT 'draft';
  UPDATE "articles_locales" l SET "_status" = CASE WHEN l."title" IS NULL THEN 'draft' ELSE d."_status" END FROM "articles" d WHERE l."_parent_id" = d."id";
  UPDATE "_articles_v_locales" l SET "version__status" = CASE WHEN l."version_title" IS NULL THEN 'draft' ELSE v."version__status" END FROM "_articles_v" v WHERE l."_parent_id" = v."id";
  UPDATE "carriers_locales" l SET "_status" = CASE WHEN l."name" IS NULL THEN 'draft' ELSE d."_status" END FROM "carriers" d WHERE l."_parent_id" = d."id";
  UPDATE "_carriers_v_locales" l SET "version__status" = CASE WHEN l."version_name" IS NULL THEN 'draft' ELSE v."version__status" END FROM "_carriers_v" v WHERE l."_parent_id" = v."id";
  UPDATE "tips_locales" l SET "_status" = CASE WHEN l."title" IS NULL THEN 'draft' ELSE d."_status" END FROM "tips" d WHERE l."_parent_id" = d."id";
  UPDATE "_tips_v_locales" l SET "version__status" = CASE WHEN l."version_title" IS NULL THEN 'draft' ELSE v."version__status" END FROM "_tips_v" v WHERE l."_parent_id" = v."id";
  CREATE INDEX "articles__status_idx" ON "articles_locales" USING btree ("_status","_locale");
  CREATE INDEX "_articles_v_version_version__status_idx" ON "_articles_v_locales" USING btree ("version__status","_locale");
  CREATE INDEX "carriers__status_idx" ON "carriers_locales" USING btree ("_status","_locale");
  CREATE INDEX "_carriers_v_version_version__status_idx" ON "_carriers_v_locales" USING btree ("version__status","_locale");
  CREATE INDEX "tips__status_idx" ON "tips_locales" USING btree ("_status","_locale");
  CREATE INDEX "_tips_v_version_version__status_idx" ON "_tips_v_locales" USING btree ("version__status","_locale");
  ALTER TABLE "articles" DROP COLUMN "_status";
  ALTER TABLE "_articles_v" DROP COLUMN "version__status";
  ALTER TABLE "carriers" DROP COLUMN "_status";
  ALTER TABLE "_carriers_v" DROP COLUMN "version__status";
  ALTER TABLE "tips" DROP COLUMN "_status";
  ALTER TABLE "_tips_v" DROP COLUMN "version__status";`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles__status_idx";
  DROP INDEX "_articles_v_version_version__status_idx";
  DROP INDEX "carriers__status_idx";
  DROP INDEX "_carriers_v_version_version__status_idx";
  DROP INDEX "tips__status_idx";
  DROP INDEX "_tips_v_version_version__status_idx";
  ALTER TABLE "articles" ADD COLUMN "_status" "enum_articles_status" DEFAULT 'draft';
  ALTER TABLE "_articles_v" ADD COLUMN "version__status" "enum__articles_v_version_status" DEFAULT 'draft';
  ALTER TABLE "carriers" ADD COLUMN "_status" "enum_carriers_status" DEFAULT 'draft';
  ALTER TABLE "_carriers_v" ADD COLUMN "version__status" "enum__carriers_v_version_status" DEFAULT 'draft';
  ALTER TABLE "tips" ADD COLUMN "_status" "enum_tips_status" DEFAULT 'draft';
  ALTER TABLE "_tips_v" ADD COLUMN "version__status" "enum__tips_v_version_status" DEFAULT 'draft';
  UPDATE "articles" d SET "_status" = 'published' WHERE EXISTS (SELECT 1 FROM "articles_locales" l WHERE l."_parent_id" = d."id" AND l."_status" = 'published');
  UPDATE "_articles_v" v SET "version__status" = 'published' WHERE EXISTS (SELECT 1 FROM "_articles_v_locales" l WHERE l."_parent_id" = v."id" AND l."version__status" = 'published');
  UPDATE "carriers" d SET "_status" = 'published' WHERE EXISTS (SELECT 1 FROM "carriers_locales" l WHERE l."_parent_id" = d."id" AND l."_status" = 'published');
  UPDATE "_carriers_v" v SET "version__status" = 'published' WHERE EXISTS (SELECT 1 FROM "_carriers_v_locales" l WHERE l."_parent_id" = v."id" AND l."version__status" = 'published');
  UPDATE "tips" d SET "_status" = 'published' WHERE EXISTS (SELECT 1 FROM "tips_locales" l WHERE l."_parent_id" = d."id" AND l."_status" = 'published');
  UPDATE "_tips_v" v SET "version__status" = 'published' WHERE EXISTS (SELECT 1 FROM "_tips_v_locales" l WHERE l."_parent_id" = v."id" AND l."version__status" = 'published');
  CREATE INDEX "articles__status_idx" ON "articles" USING btree ("_status");
  CREATE INDEX "_articles_v_version_version__status_idx" ON "_articles_v" USING btree ("version__status");
  CREATE INDEX "carriers__status_idx" ON "carriers" USING btree ("_status");
  CREATE INDEX "_carriers_v_version_version__status_idx" ON "_carriers_v" USING btree ("version__status");
  CREATE INDEX "tips__status_idx" ON "tips" USING btree ("_status");
  CREATE INDEX "_tips_v_version_version__status_idx" ON "_tips_v" USING btree ("version__status");
  ALTER TABLE "articles_locales" DROP COLUMN "_status";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version__status";
  ALTER TABLE "carriers_locales" DROP COLUMN "_status";
  ALTER TABLE "_carriers_v_locales" DROP COLUMN "version__status";
  ALTER TABLE "tips_locales" DROP COLUMN "_status";
  ALTER TABLE "_tips_v_locales" DROP COLUMN "version__status";`)
}
