import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Readers' search finds, counts and ranks its matches in `search_vectors`, a narrow table of one
 * row per indexed locale version (its key, its date, its weighted vector and `head`, the lexemes
 * of weights A and B), and reads `search_documents`' texts for the page's rows only
 * (src/search/query.ts). With the texts beside the vectors, a row took most of a page: finding
 * a common word's first thousand matches read a page per match. The vectors move over as they
 * are (no rebuild); a row of `search_vectors` goes with its document's row (ON DELETE CASCADE),
 * so the indexer's deletes stay as they were. The indexes follow the columns: one GIN index per
 * locale on each vector, and (locale, recency) for reading a locale newest first.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "search_vectors" (
  	"collection" varchar NOT NULL,
  	"doc_id" integer NOT NULL,
  	"locale" varchar NOT NULL,
  	"recency" timestamp(3) with time zone NOT NULL,
  	"tsv" tsvector NOT NULL,
  	"head" tsvector GENERATED ALWAYS AS (ts_filter("tsv", '{a,b}')) STORED,
  	PRIMARY KEY ("collection", "doc_id", "locale"),
  	FOREIGN KEY ("collection", "doc_id", "locale") REFERENCES "search_documents" ("collection", "doc_id", "locale") ON DELETE CASCADE
  );
  INSERT INTO "search_vectors" ("collection", "doc_id", "locale", "recency", "tsv")
  	SELECT "collection", "doc_id", "locale", "recency", "tsv" FROM "search_documents";
  CREATE INDEX "search_vectors_zh_idx" ON "search_vectors" USING gin ("tsv") WHERE "locale" = 'zh';
  CREATE INDEX "search_vectors_en_idx" ON "search_vectors" USING gin ("tsv") WHERE "locale" = 'en';
  CREATE INDEX "search_vectors_fr_idx" ON "search_vectors" USING gin ("tsv") WHERE "locale" = 'fr';
  CREATE INDEX "search_vectors_zh_hant_idx" ON "search_vectors" USING gin ("tsv") WHERE "locale" = 'zh-Hant';
  CREATE INDEX "search_vectors_zh_head_idx" ON "search_vectors" USING gin ("head") WHERE "locale" = 'zh';
  CREATE INDEX "search_vectors_en_head_idx" ON "search_vectors" USING gin ("head") WHERE "locale" = 'en';
  CREATE INDEX "search_vectors_fr_head_idx" ON "search_vectors" USING gin ("head") WHERE "locale" = 'fr';
  CREATE INDEX "search_vectors_zh_hant_head_idx" ON "search_vectors" USING gin ("head") WHERE "locale" = 'zh-Hant';
  CREATE INDEX "search_vectors_recency_idx" ON "search_vectors" ("locale", "recency" DESC);
  DROP INDEX "search_documents_recency_idx";
  ALTER TABLE "search_documents" DROP COLUMN "head";
  ALTER TABLE "search_documents" DROP COLUMN "tsv";
  ANALYZE "search_vectors";`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "search_documents" ADD COLUMN "tsv" tsvector;
  UPDATE "search_documents" d SET "tsv" = v."tsv" FROM "search_vectors" v
  	WHERE v."collection" = d."collection" AND v."doc_id" = d."doc_id" AND v."locale" = d."locale";
  DELETE FROM "search_documents" WHERE "tsv" IS NULL;
  ALTER TABLE "search_documents" ALTER COLUMN "tsv" SET NOT NULL;
  ALTER TABLE "search_documents" ADD COLUMN "head" tsvector GENERATED ALWAYS AS (ts_filter("tsv", '{a,b}')) STORED;
  CREATE INDEX "search_documents_zh_idx" ON "search_documents" USING gin ("tsv") WHERE "locale" = 'zh';
  CREATE INDEX "search_documents_en_idx" ON "search_documents" USING gin ("tsv") WHERE "locale" = 'en';
  CREATE INDEX "search_documents_fr_idx" ON "search_documents" USING gin ("tsv") WHERE "locale" = 'fr';
  CREATE INDEX "search_documents_zh_head_idx" ON "search_documents" USING gin ("head") WHERE "locale" = 'zh';
  CREATE INDEX "search_documents_en_head_idx" ON "search_documents" USING gin ("head") WHERE "locale" = 'en';
  CREATE INDEX "search_documents_fr_head_idx" ON "search_documents" USING gin ("head") WHERE "locale" = 'fr';
  CREATE INDEX "search_documents_recency_idx" ON "search_documents" ("locale", "recency" DESC);
  DROP TABLE "search_vectors";
  ANALYZE "search_documents";`)
}
