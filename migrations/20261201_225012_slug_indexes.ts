import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "articles_texts_text_idx" ON "articles_texts" USING btree ("text");
  CREATE INDEX "carriers_texts_text_idx" ON "carriers_texts" USING btree ("text");
  CREATE INDEX "tips_texts_text_idx" ON "tips_texts" USING btree ("text");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_texts_text_idx";
  DROP INDEX "carriers_texts_text_idx";
  DROP INDEX "tips_texts_text_idx";`)
}
