import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Readers' search tests the newest documents' vectors one by one until enough match
 * (src/search/query.ts). Tested on `tsv`, the vector with its positions, a test cost about
 * 1.7 µs; on the same vector without positions (`strip`), about 0.1: `lexemes`, a column
 * PostgreSQL derives from `tsv` (the indexer writes nothing more). `tsv` stays for ranking, which
 * counts positions and weights.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "search_vectors" ADD COLUMN "lexemes" tsvector GENERATED ALWAYS AS (strip("tsv")) STORED;
  ANALYZE "search_vectors";`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "search_vectors" DROP COLUMN "lexemes";`)
}
