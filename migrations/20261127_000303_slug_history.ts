import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "articles_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar,
  	"locale" "_locales"
  );
  
  CREATE TABLE "_articles_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar,
  	"locale" "_locales"
  );
  
  CREATE TABLE "tips_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar,
  	"locale" "_locales"
  );
  
  CREATE TABLE "_tips_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar,
  	"locale" "_locales"
  );
  
  ALTER TABLE "carriers_texts" ADD COLUMN "locale" "_locales";
  ALTER TABLE "_carriers_v_texts" ADD COLUMN "locale" "_locales";
  ALTER TABLE "articles_texts" ADD CONSTRAINT "articles_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_texts" ADD CONSTRAINT "_articles_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tips_texts" ADD CONSTRAINT "tips_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_tips_v_texts" ADD CONSTRAINT "_tips_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_tips_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_texts_order_parent" ON "articles_texts" USING btree ("order","parent_id");
  CREATE INDEX "articles_texts_locale_parent" ON "articles_texts" USING btree ("locale","parent_id");
  CREATE INDEX "_articles_v_texts_order_parent" ON "_articles_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "_articles_v_texts_locale_parent" ON "_articles_v_texts" USING btree ("locale","parent_id");
  CREATE INDEX "tips_texts_order_parent" ON "tips_texts" USING btree ("order","parent_id");
  CREATE INDEX "tips_texts_locale_parent" ON "tips_texts" USING btree ("locale","parent_id");
  CREATE INDEX "_tips_v_texts_order_parent" ON "_tips_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "_tips_v_texts_locale_parent" ON "_tips_v_texts" USING btree ("locale","parent_id");
  CREATE INDEX "carriers_texts_locale_parent" ON "carriers_texts" USING btree ("locale","parent_id");
  CREATE INDEX "_carriers_v_texts_locale_parent" ON "_carriers_v_texts" USING btree ("locale","parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "tips_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_tips_v_texts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "articles_texts" CASCADE;
  DROP TABLE "_articles_v_texts" CASCADE;
  DROP TABLE "tips_texts" CASCADE;
  DROP TABLE "_tips_v_texts" CASCADE;
  DROP INDEX "carriers_texts_locale_parent";
  DROP INDEX "_carriers_v_texts_locale_parent";
  ALTER TABLE "carriers_texts" DROP COLUMN "locale";
  ALTER TABLE "_carriers_v_texts" DROP COLUMN "locale";`)
}
