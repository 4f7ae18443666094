import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Readers' search (src/search/): one row per published locale of a published article, carrier or
 * tip, with its text and a tsvector made by Lagon (not a generated column: Chinese is segmented by
 * jieba in Node before it reaches PostgreSQL). English and French go through copies of the stock
 * configurations with `unaccent` in front of the stemmer, so that "telephone" finds "téléphone"
 * and ts_headline highlights the accented words. One GIN index per locale: a query always names
 * its locale. `search_words` is the vocabulary of the Latin-script locales, with a trigram index,
 * for "did you mean". Neither table is one of Payload's collections: its schema snapshots leave
 * them alone. unaccent and pg_trgm are trusted extensions: a database owner may create them.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE EXTENSION IF NOT EXISTS unaccent;
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE TEXT SEARCH CONFIGURATION lagon_en (COPY = pg_catalog.english);
  ALTER TEXT SEARCH CONFIGURATION lagon_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
  CREATE TEXT SEARCH CONFIGURATION lagon_fr (COPY = pg_catalog.french);
  ALTER TEXT SEARCH CONFIGURATION lagon_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  CREATE TABLE "search_documents" (
  	"collection" varchar NOT NULL,
  	"doc_id" integer NOT NULL,
  	"locale" varchar NOT NULL,
  	"slug" varchar,
  	"title" text NOT NULL,
  	"summary" text NOT NULL DEFAULT '',
  	"body" text NOT NULL DEFAULT '',
  	"recency" timestamp(3) with time zone NOT NULL,
  	"indexed_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
  	"tsv" tsvector NOT NULL,
  	PRIMARY KEY ("collection", "doc_id", "locale")
  );
  CREATE INDEX "search_documents_zh_idx" ON "search_documents" USING gin ("tsv") WHERE "locale" = 'zh';
  CREATE INDEX "search_documents_en_idx" ON "search_documents" USING gin ("tsv") WHERE "locale" = 'en';
  CREATE INDEX "search_documents_fr_idx" ON "search_documents" USING gin ("tsv") WHERE "locale" = 'fr';
  CREATE TABLE "search_words" (
  	"locale" varchar NOT NULL,
  	"plain" text NOT NULL,
  	"word" text NOT NULL,
  	PRIMARY KEY ("locale", "plain")
  );
  CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("plain" gin_trgm_ops);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TABLE "search_words";
  DROP TABLE "search_documents";
  DROP TEXT SEARCH CONFIGURATION lagon_fr;
  DROP TEXT SEARCH CONFIGURATION lagon_en;`)
}
