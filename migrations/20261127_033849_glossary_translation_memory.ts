import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_translation_memory_source_locale" AS ENUM('zh', 'en', 'fr');
  CREATE TYPE "public"."enum_translation_memory_target_locale" AS ENUM('zh', 'en', 'fr');
  CREATE TABLE "glossary" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"zh" varchar,
  	"en" varchar,
  	"fr" varchar,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "translation_memory" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"source_locale" "enum_translation_memory_source_locale" NOT NULL,
  	"target_locale" "enum_translation_memory_target_locale" NOT NULL,
  	"source_hash" varchar NOT NULL,
  	"source" jsonb NOT NULL,
  	"target" jsonb NOT NULL,
  	"origin" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "glossary_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "translation_memory_id" integer;
  CREATE INDEX "glossary_updated_at_idx" ON "glossary" USING btree ("updated_at");
  CREATE INDEX "glossary_created_at_idx" ON "glossary" USING btree ("created_at");
  CREATE INDEX "translation_memory_updated_at_idx" ON "translation_memory" USING btree ("updated_at");
  CREATE INDEX "translation_memory_created_at_idx" ON "translation_memory" USING btree ("created_at");
  CREATE UNIQUE INDEX "sourceLocale_targetLocale_sourceHash_idx" ON "translation_memory" USING btree ("source_locale","target_locale","source_hash");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_glossary_fk" FOREIGN KEY ("glossary_id") REFERENCES "public"."glossary"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_translation_memory_fk" FOREIGN KEY ("translation_memory_id") REFERENCES "public"."translation_memory"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_glossary_id_idx" ON "payload_locked_documents_rels" USING btree ("glossary_id");
  CREATE INDEX "payload_locked_documents_rels_translation_memory_id_idx" ON "payload_locked_documents_rels" USING btree ("translation_memory_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "glossary" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "translation_memory" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "glossary" CASCADE;
  DROP TABLE "translation_memory" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_glossary_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_translation_memory_fk";
  
  DROP INDEX "payload_locked_documents_rels_glossary_id_idx";
  DROP INDEX "payload_locked_documents_rels_translation_memory_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "glossary_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "translation_memory_id";
  DROP TYPE "public"."enum_translation_memory_source_locale";
  DROP TYPE "public"."enum_translation_memory_target_locale";`)
}
