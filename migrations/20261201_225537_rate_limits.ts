import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * The API's rate-limit counters, shared by every instance (src/api/rateLimit.ts). UNLOGGED: a
 * counter is worth less than the write-ahead log it would cost on every request, and a crash that
 * empties the table only gives each client a fresh window. Not one of Payload's collections: no
 * one edits it, and Payload's schema snapshots leave it alone.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE UNLOGGED TABLE "rate_limits" (
  	"client" text PRIMARY KEY NOT NULL,
  	"window_started_at" timestamp(3) with time zone NOT NULL,
  	"count" integer NOT NULL
  );
  CREATE INDEX "rate_limits_window_started_at_idx" ON "rate_limits" USING btree ("window_started_at");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TABLE "rate_limits";`)
}
