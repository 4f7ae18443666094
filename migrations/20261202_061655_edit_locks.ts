import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Locks per part of a document in the admin (src/editLocks/): Payload's whole-document locks are
 * off for articles, carriers and tips (their open locks go with them), and `edit_locks` holds who
 * edits which part (a locale, or `shared`) until when. Not one of Payload's collections: only the
 * edit view's claims and the saves read it, and Payload's schema snapshots leave it alone.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  DELETE FROM "payload_locked_documents" WHERE "id" IN (
    SELECT "parent_id" FROM "payload_locked_documents_rels"
    WHERE "articles_id" IS NOT NULL OR "carriers_id" IS NOT NULL OR "tips_id" IS NOT NULL);
   ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_articles_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_carriers_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_tips_fk";
  
  DROP INDEX "payload_locked_documents_rels_articles_id_idx";
  DROP INDEX "payload_locked_documents_rels_carriers_id_idx";
  DROP INDEX "payload_locked_documents_rels_tips_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "articles_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "carriers_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "tips_id";
  CREATE TABLE "edit_locks" (
  	"collection" varchar NOT NULL,
  	"document_id" integer NOT NULL,
  	"part" varchar NOT NULL,
  	"holder_id" integer NOT NULL REFERENCES "users"("id") ON DELETE cascade,
  	"holder_name" varchar NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	PRIMARY KEY ("collection", "document_id", "part")
  );`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "edit_locks";
   ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "articles_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "carriers_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "tips_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_carriers_fk" FOREIGN KEY ("carriers_id") REFERENCES "public"."carriers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tips_fk" FOREIGN KEY ("tips_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_articles_id_idx" ON "payload_locked_documents_rels" USING btree ("articles_id");
  CREATE INDEX "payload_locked_documents_rels_carriers_id_idx" ON "payload_locked_documents_rels" USING btree ("carriers_id");
  CREATE INDEX "payload_locked_documents_rels_tips_id_idx" ON "payload_locked_documents_rels" USING btree ("tips_id");`)
}
