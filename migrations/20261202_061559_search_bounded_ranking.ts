import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Readers' search reads a bounded part of the matches, however many there are (src/search/query.ts):
 * the newest matches, through an index on (locale, recency) read newest first, and the newest
 * title or summary matches, through `head`, the lexemes of weights A and B of `tsv` (a column
 * PostgreSQL derives, so that the indexer and the rows already indexed need nothing more), with a
 * GIN index per locale as `tsv` has. Analyzed at once: the planner chooses between the indexes by
 * how common a word is.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "search_documents" ADD COLUMN "head" tsvector GENERATED ALWAYS AS (ts_filter("tsv", '{a,b}')) STORED;
  CREATE INDEX "search_documents_zh_head_idx" ON "search_documents" USING gin ("head") WHERE "locale" = 'zh';
  CREATE INDEX "search_documents_en_head_idx" ON "search_documents" USING gin ("head") WHERE "locale" = 'en';
  CREATE INDEX "search_documents_fr_head_idx" ON "search_documents" USING gin ("head") WHERE "locale" = 'fr';
  CREATE INDEX "search_documents_recency_idx" ON "search_documents" ("locale", "recency" DESC);
  ANALYZE "search_documents";`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX "search_documents_recency_idx";
  DROP INDEX "search_documents_fr_head_idx";
  DROP INDEX "search_documents_en_head_idx";
  DROP INDEX "search_documents_zh_head_idx";
  ALTER TABLE "search_documents" DROP COLUMN "head";`)
}
