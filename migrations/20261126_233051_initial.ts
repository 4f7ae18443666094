import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('zh', 'en', 'fr');
  CREATE TYPE "public"."enum_articles_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__articles_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__articles_v_published_locale" AS ENUM('zh', 'en', 'fr');
  CREATE TYPE "public"."enum_carriers_technologies" AS ENUM('2G', '3G', '4G', '5G');
  CREATE TYPE "public"."enum_carriers_offers_type" AS ENUM('physical-sim', 'esim', 'tourist-sim');
  CREATE TYPE "public"."enum_carriers_kind" AS ENUM('network-operator', 'esim-reseller', 'mvno');
  CREATE TYPE "public"."enum_carriers_verification" AS ENUM('verified', 'unverified', 'disputed');
  CREATE TYPE "public"."enum_carriers_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__carriers_v_version_technologies" AS ENUM('2G', '3G', '4G', '5G');
  CREATE TYPE "public"."enum__carriers_v_version_offers_type" AS ENUM('physical-sim', 'esim', 'tourist-sim');
  CREATE TYPE "public"."enum__carriers_v_version_kind" AS ENUM('network-operator', 'esim-reseller', 'mvno');
  CREATE TYPE "public"."enum__carriers_v_version_verification" AS ENUM('verified', 'unverified', 'disputed');
  CREATE TYPE "public"."enum__carriers_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__carriers_v_published_locale" AS ENUM('zh', 'en', 'fr');
  CREATE TYPE "public"."enum_tips_category" AS ENUM('connectivity', 'payment', 'cash', 'apps', 'safety', 'other');
  CREATE TYPE "public"."enum_tips_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__tips_v_version_category" AS ENUM('connectivity', 'payment', 'cash', 'apps', 'safety', 'other');
  CREATE TYPE "public"."enum__tips_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__tips_v_published_locale" AS ENUM('zh', 'en', 'fr');
  CREATE TYPE "public"."enum_users_working_locales" AS ENUM('zh', 'en', 'fr');
  CREATE TYPE "public"."enum_users_role" AS ENUM('admin', 'editor', 'translator');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TABLE "articles_sources" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"publisher" varchar,
  	"url" varchar,
  	"date" varchar
  );
  
  CREATE TABLE "articles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"hero_image_id" integer,
  	"destination" varchar,
  	"last_verified" timestamp(3) with time zone,
  	"published_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_articles_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "articles_locales" (
  	"title" varchar,
  	"summary" varchar,
  	"body" jsonb,
  	"seo_title" varchar,
  	"seo_description" varchar,
  	"seo_image_id" integer,
  	"slug" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "articles_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"carriers_id" integer,
  	"tips_id" integer
  );
  
  CREATE TABLE "_articles_v_version_sources" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"publisher" varchar,
  	"url" varchar,
  	"date" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_articles_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_hero_image_id" integer,
  	"version_destination" varchar,
  	"version_last_verified" timestamp(3) with time zone,
  	"version_published_at" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__articles_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__articles_v_published_locale",
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_articles_v_locales" (
  	"version_title" varchar,
  	"version_summary" varchar,
  	"version_body" jsonb,
  	"version_seo_title" varchar,
  	"version_seo_description" varchar,
  	"version_seo_image_id" integer,
  	"version_slug" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_articles_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"carriers_id" integer,
  	"tips_id" integer
  );
  
  CREATE TABLE "carriers_technologies" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_carriers_technologies",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "carriers_offers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"type" "enum_carriers_offers_type",
  	"data_allowance_g_b" numeric,
  	"unlimited_data" boolean DEFAULT false,
  	"validity_days" numeric,
  	"price_amount" numeric,
  	"price_currency" varchar,
  	"includes_phone_number" boolean DEFAULT false,
  	"receives_sms" boolean DEFAULT false
  );
  
  CREATE TABLE "carriers_offers_locales" (
  	"name" varchar,
  	"notes" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "carriers_sources" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"publisher" varchar,
  	"url" varchar,
  	"date" varchar
  );
  
  CREATE TABLE "carriers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_carriers_kind",
  	"website" varchar,
  	"logo_id" integer,
  	"mcc_mnc" varchar,
  	"destination" varchar,
  	"verification" "enum_carriers_verification" DEFAULT 'unverified',
  	"last_verified" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_carriers_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "carriers_locales" (
  	"name" varchar,
  	"description" jsonb,
  	"slug" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "carriers_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_carriers_v_version_technologies" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__carriers_v_version_technologies",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_carriers_v_version_offers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"type" "enum__carriers_v_version_offers_type",
  	"data_allowance_g_b" numeric,
  	"unlimited_data" boolean DEFAULT false,
  	"validity_days" numeric,
  	"price_amount" numeric,
  	"price_currency" varchar,
  	"includes_phone_number" boolean DEFAULT false,
  	"receives_sms" boolean DEFAULT false,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_carriers_v_version_offers_locales" (
  	"name" varchar,
  	"notes" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_carriers_v_version_sources" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"publisher" varchar,
  	"url" varchar,
  	"date" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_carriers_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_kind" "enum__carriers_v_version_kind",
  	"version_website" varchar,
  	"version_logo_id" integer,
  	"version_mcc_mnc" varchar,
  	"version_destination" varchar,
  	"version_verification" "enum__carriers_v_version_verification" DEFAULT 'unverified',
  	"version_last_verified" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__carriers_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__carriers_v_published_locale",
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_carriers_v_locales" (
  	"version_name" varchar,
  	"version_description" jsonb,
  	"version_slug" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_carriers_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "tips_sources" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"publisher" varchar,
  	"url" varchar,
  	"date" varchar
  );
  
  CREATE TABLE "tips" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"category" "enum_tips_category" DEFAULT 'other',
  	"order" numeric DEFAULT 0,
  	"destination" varchar,
  	"last_verified" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_tips_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "tips_locales" (
  	"title" varchar,
  	"body" jsonb,
  	"slug" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_tips_v_version_sources" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"publisher" varchar,
  	"url" varchar,
  	"date" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_tips_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_category" "enum__tips_v_version_category" DEFAULT 'other',
  	"version_order" numeric DEFAULT 0,
  	"version_destination" varchar,
  	"version_last_verified" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__tips_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__tips_v_published_locale",
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_tips_v_locales" (
  	"version_title" varchar,
  	"version_body" jsonb,
  	"version_slug" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar,
  	"sizes_hero_url" varchar,
  	"sizes_hero_width" numeric,
  	"sizes_hero_height" numeric,
  	"sizes_hero_mime_type" varchar,
  	"sizes_hero_filesize" numeric,
  	"sizes_hero_filename" varchar,
  	"sizes_social_url" varchar,
  	"sizes_social_width" numeric,
  	"sizes_social_height" numeric,
  	"sizes_social_mime_type" varchar,
  	"sizes_social_filesize" numeric,
  	"sizes_social_filename" varchar
  );
  
  CREATE TABLE "media_locales" (
  	"alt" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "users_working_locales" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_working_locales",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"role" "enum_users_role" DEFAULT 'editor' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"articles_id" integer,
  	"carriers_id" integer,
  	"tips_id" integer,
  	"media_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles_sources" ADD CONSTRAINT "articles_sources_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_hero_image_id_media_id_fk" FOREIGN KEY ("hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_locales" ADD CONSTRAINT "articles_locales_seo_image_id_media_id_fk" FOREIGN KEY ("seo_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_locales" ADD CONSTRAINT "articles_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_carriers_fk" FOREIGN KEY ("carriers_id") REFERENCES "public"."carriers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_tips_fk" FOREIGN KEY ("tips_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_sources" ADD CONSTRAINT "_articles_v_version_sources_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_parent_id_articles_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_hero_image_id_media_id_fk" FOREIGN KEY ("version_hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_locales" ADD CONSTRAINT "_articles_v_locales_version_seo_image_id_media_id_fk" FOREIGN KEY ("version_seo_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_locales" ADD CONSTRAINT "_articles_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_carriers_fk" FOREIGN KEY ("carriers_id") REFERENCES "public"."carriers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_tips_fk" FOREIGN KEY ("tips_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "carriers_technologies" ADD CONSTRAINT "carriers_technologies_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."carriers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "carriers_offers" ADD CONSTRAINT "carriers_offers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."carriers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "carriers_offers_locales" ADD CONSTRAINT "carriers_offers_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."carriers_offers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "carriers_sources" ADD CONSTRAINT "carriers_sources_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."carriers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "carriers" ADD CONSTRAINT "carriers_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "carriers_locales" ADD CONSTRAINT "carriers_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."carriers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "carriers_texts" ADD CONSTRAINT "carriers_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."carriers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_carriers_v_version_technologies" ADD CONSTRAINT "_carriers_v_version_technologies_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_carriers_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_carriers_v_version_offers" ADD CONSTRAINT "_carriers_v_version_offers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_carriers_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_carriers_v_version_offers_locales" ADD CONSTRAINT "_carriers_v_version_offers_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_carriers_v_version_offers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_carriers_v_version_sources" ADD CONSTRAINT "_carriers_v_version_sources_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_carriers_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_carriers_v" ADD CONSTRAINT "_carriers_v_parent_id_carriers_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."carriers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_carriers_v" ADD CONSTRAINT "_carriers_v_version_logo_id_media_id_fk" FOREIGN KEY ("version_logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_carriers_v_locales" ADD CONSTRAINT "_carriers_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_carriers_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_carriers_v_texts" ADD CONSTRAINT "_carriers_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_carriers_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tips_sources" ADD CONSTRAINT "tips_sources_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tips_locales" ADD CONSTRAINT "tips_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_tips_v_version_sources" ADD CONSTRAINT "_tips_v_version_sources_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_tips_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_tips_v" ADD CONSTRAINT "_tips_v_parent_id_tips_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tips"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_tips_v_locales" ADD CONSTRAINT "_tips_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_tips_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_locales" ADD CONSTRAINT "media_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_working_locales" ADD CONSTRAINT "users_working_locales_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_carriers_fk" FOREIGN KEY ("carriers_id") REFERENCES "public"."carriers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tips_fk" FOREIGN KEY ("tips_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_sources_order_idx" ON "articles_sources" USING btree ("_order");
  CREATE INDEX "articles_sources_parent_id_idx" ON "articles_sources" USING btree ("_parent_id");
  CREATE INDEX "articles_hero_image_idx" ON "articles" USING btree ("hero_image_id");
  CREATE INDEX "articles_destination_idx" ON "articles" USING btree ("destination");
  CREATE INDEX "articles_published_at_idx" ON "articles" USING btree ("published_at");
  CREATE INDEX "articles_updated_at_idx" ON "articles" USING btree ("updated_at");
  CREATE INDEX "articles_created_at_idx" ON "articles" USING btree ("created_at");
  CREATE INDEX "articles__status_idx" ON "articles" USING btree ("_status");
  CREATE INDEX "articles_seo_seo_image_idx" ON "articles_locales" USING btree ("seo_image_id","_locale");
  CREATE UNIQUE INDEX "articles_slug_idx" ON "articles_locales" USING btree ("slug","_locale");
  CREATE UNIQUE INDEX "articles_locales_locale_parent_id_unique" ON "articles_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "articles_rels_order_idx" ON "articles_rels" USING btree ("order");
  CREATE INDEX "articles_rels_parent_idx" ON "articles_rels" USING btree ("parent_id");
  CREATE INDEX "articles_rels_path_idx" ON "articles_rels" USING btree ("path");
  CREATE INDEX "articles_rels_carriers_id_idx" ON "articles_rels" USING btree ("carriers_id");
  CREATE INDEX "articles_rels_tips_id_idx" ON "articles_rels" USING btree ("tips_id");
  CREATE INDEX "_articles_v_version_sources_order_idx" ON "_articles_v_version_sources" USING btree ("_order");
  CREATE INDEX "_articles_v_version_sources_parent_id_idx" ON "_articles_v_version_sources" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_parent_idx" ON "_articles_v" USING btree ("parent_id");
  CREATE INDEX "_articles_v_version_version_hero_image_idx" ON "_articles_v" USING btree ("version_hero_image_id");
  CREATE INDEX "_articles_v_version_version_destination_idx" ON "_articles_v" USING btree ("version_destination");
  CREATE INDEX "_articles_v_version_version_published_at_idx" ON "_articles_v" USING btree ("version_published_at");
  CREATE INDEX "_articles_v_version_version_updated_at_idx" ON "_articles_v" USING btree ("version_updated_at");
  CREATE INDEX "_articles_v_version_version_created_at_idx" ON "_articles_v" USING btree ("version_created_at");
  CREATE INDEX "_articles_v_version_version__status_idx" ON "_articles_v" USING btree ("version__status");
  CREATE INDEX "_articles_v_created_at_idx" ON "_articles_v" USING btree ("created_at");
  CREATE INDEX "_articles_v_updated_at_idx" ON "_articles_v" USING btree ("updated_at");
  CREATE INDEX "_articles_v_snapshot_idx" ON "_articles_v" USING btree ("snapshot");
  CREATE INDEX "_articles_v_published_locale_idx" ON "_articles_v" USING btree ("published_locale");
  CREATE INDEX "_articles_v_latest_idx" ON "_articles_v" USING btree ("latest");
  CREATE INDEX "_articles_v_autosave_idx" ON "_articles_v" USING btree ("autosave");
  CREATE INDEX "_articles_v_version_seo_version_seo_image_idx" ON "_articles_v_locales" USING btree ("version_seo_image_id","_locale");
  CREATE INDEX "_articles_v_version_version_slug_idx" ON "_articles_v_locales" USING btree ("version_slug","_locale");
  CREATE UNIQUE INDEX "_articles_v_locales_locale_parent_id_unique" ON "_articles_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_articles_v_rels_order_idx" ON "_articles_v_rels" USING btree ("order");
  CREATE INDEX "_articles_v_rels_parent_idx" ON "_articles_v_rels" USING btree ("parent_id");
  CREATE INDEX "_articles_v_rels_path_idx" ON "_articles_v_rels" USING btree ("path");
  CREATE INDEX "_articles_v_rels_carriers_id_idx" ON "_articles_v_rels" USING btree ("carriers_id");
  CREATE INDEX "_articles_v_rels_tips_id_idx" ON "_articles_v_rels" USING btree ("tips_id");
  CREATE INDEX "carriers_technologies_order_idx" ON "carriers_technologies" USING btree ("order");
  CREATE INDEX "carriers_technologies_parent_idx" ON "carriers_technologies" USING btree ("parent_id");
  CREATE INDEX "carriers_offers_order_idx" ON "carriers_offers" USING btree ("_order");
  CREATE INDEX "carriers_offers_parent_id_idx" ON "carriers_offers" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "carriers_offers_locales_locale_parent_id_unique" ON "carriers_offers_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "carriers_sources_order_idx" ON "carriers_sources" USING btree ("_order");
  CREATE INDEX "carriers_sources_parent_id_idx" ON "carriers_sources" USING btree ("_parent_id");
  CREATE INDEX "carriers_logo_idx" ON "carriers" USING btree ("logo_id");
  CREATE INDEX "carriers_destination_idx" ON "carriers" USING btree ("destination");
  CREATE INDEX "carriers_updated_at_idx" ON "carriers" USING btree ("updated_at");
  CREATE INDEX "carriers_created_at_idx" ON "carriers" USING btree ("created_at");
  CREATE INDEX "carriers__status_idx" ON "carriers" USING btree ("_status");
  CREATE UNIQUE INDEX "carriers_slug_idx" ON "carriers_locales" USING btree ("slug","_locale");
  CREATE UNIQUE INDEX "carriers_locales_locale_parent_id_unique" ON "carriers_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "carriers_texts_order_parent" ON "carriers_texts" USING btree ("order","parent_id");
  CREATE INDEX "_carriers_v_version_technologies_order_idx" ON "_carriers_v_version_technologies" USING btree ("order");
  CREATE INDEX "_carriers_v_version_technologies_parent_idx" ON "_carriers_v_version_technologies" USING btree ("parent_id");
  CREATE INDEX "_carriers_v_version_offers_order_idx" ON "_carriers_v_version_offers" USING btree ("_order");
  CREATE INDEX "_carriers_v_version_offers_parent_id_idx" ON "_carriers_v_version_offers" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_carriers_v_version_offers_locales_locale_parent_id_unique" ON "_carriers_v_version_offers_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_carriers_v_version_sources_order_idx" ON "_carriers_v_version_sources" USING btree ("_order");
  CREATE INDEX "_carriers_v_version_sources_parent_id_idx" ON "_carriers_v_version_sources" USING btree ("_parent_id");
  CREATE INDEX "_carriers_v_parent_idx" ON "_carriers_v" USING btree ("parent_id");
  CREATE INDEX "_carriers_v_version_version_logo_idx" ON "_carriers_v" USING btree ("version_logo_id");
  CREATE INDEX "_carriers_v_version_version_destination_idx" ON "_carriers_v" USING btree ("version_destination");
  CREATE INDEX "_carriers_v_version_version_updated_at_idx" ON "_carriers_v" USING btree ("version_updated_at");
  CREATE INDEX "_carriers_v_version_version_created_at_idx" ON "_carriers_v" USING btree ("version_created_at");
  CREATE INDEX "_carriers_v_version_version__status_idx" ON "_carriers_v" USING btree ("version__status");
  CREATE INDEX "_carriers_v_created_at_idx" ON "_carriers_v" USING btree ("created_at");
  CREATE INDEX "_carriers_v_updated_at_idx" ON "_carriers_v" USING btree ("updated_at");
  CREATE INDEX "_carriers_v_snapshot_idx" ON "_carriers_v" USING btree ("snapshot");
  CREATE INDEX "_carriers_v_published_locale_idx" ON "_carriers_v" USING btree ("published_locale");
  CREATE INDEX "_carriers_v_latest_idx" ON "_carriers_v" USING btree ("latest");
  CREATE INDEX "_carriers_v_autosave_idx" ON "_carriers_v" USING btree ("autosave");
  CREATE INDEX "_carriers_v_version_version_slug_idx" ON "_carriers_v_locales" USING btree ("version_slug","_locale");
  CREATE UNIQUE INDEX "_carriers_v_locales_locale_parent_id_unique" ON "_carriers_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_carriers_v_texts_order_parent" ON "_carriers_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "tips_sources_order_idx" ON "tips_sources" USING btree ("_order");
  CREATE INDEX "tips_sources_parent_id_idx" ON "tips_sources" USING btree ("_parent_id");
  CREATE INDEX "tips_destination_idx" ON "tips" USING btree ("destination");
  CREATE INDEX "tips_updated_at_idx" ON "tips" USING btree ("updated_at");
  CREATE INDEX "tips_created_at_idx" ON "tips" USING btree ("created_at");
  CREATE INDEX "tips__status_idx" ON "tips" USING btree ("_status");
  CREATE UNIQUE INDEX "tips_slug_idx" ON "tips_locales" USING btree ("slug","_locale");
  CREATE UNIQUE INDEX "tips_locales_locale_parent_id_unique" ON "tips_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_tips_v_version_sources_order_idx" ON "_tips_v_version_sources" USING btree ("_order");
  CREATE INDEX "_tips_v_version_sources_parent_id_idx" ON "_tips_v_version_sources" USING btree ("_parent_id");
  CREATE INDEX "_tips_v_parent_idx" ON "_tips_v" USING btree ("parent_id");
  CREATE INDEX "_tips_v_version_version_destination_idx" ON "_tips_v" USING btree ("version_destination");
  CREATE INDEX "_tips_v_version_version_updated_at_idx" ON "_tips_v" USING btree ("version_updated_at");
  CREATE INDEX "_tips_v_version_version_created_at_idx" ON "_tips_v" USING btree ("version_created_at");
  CREATE INDEX "_tips_v_version_version__status_idx" ON "_tips_v" USING btree ("version__status");
  CREATE INDEX "_tips_v_created_at_idx" ON "_tips_v" USING btree ("created_at");
  CREATE INDEX "_tips_v_updated_at_idx" ON "_tips_v" USING btree ("updated_at");
  CREATE INDEX "_tips_v_snapshot_idx" ON "_tips_v" USING btree ("snapshot");
  CREATE INDEX "_tips_v_published_locale_idx" ON "_tips_v" USING btree ("published_locale");
  CREATE INDEX "_tips_v_latest_idx" ON "_tips_v" USING btree ("latest");
  CREATE INDEX "_tips_v_autosave_idx" ON "_tips_v" USING btree ("autosave");
  CREATE INDEX "_tips_v_version_version_slug_idx" ON "_tips_v_locales" USING btree ("version_slug","_locale");
  CREATE UNIQUE INDEX "_tips_v_locales_locale_parent_id_unique" ON "_tips_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "media_sizes_hero_sizes_hero_filename_idx" ON "media" USING btree ("sizes_hero_filename");
  CREATE INDEX "media_sizes_social_sizes_social_filename_idx" ON "media" USING btree ("sizes_social_filename");
  CREATE UNIQUE INDEX "media_locales_locale_parent_id_unique" ON "media_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "users_working_locales_order_idx" ON "users_working_locales" USING btree ("order");
  CREATE INDEX "users_working_locales_parent_idx" ON "users_working_locales" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_articles_id_idx" ON "payload_locked_documents_rels" USING btree ("articles_id");
  CREATE INDEX "payload_locked_documents_rels_carriers_id_idx" ON "payload_locked_documents_rels" USING btree ("carriers_id");
  CREATE INDEX "payload_locked_documents_rels_tips_id_idx" ON "payload_locked_documents_rels" USING btree ("tips_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "articles_sources" CASCADE;
  DROP TABLE "articles" CASCADE;
  DROP TABLE "articles_locales" CASCADE;
  DROP TABLE "articles_rels" CASCADE;
  DROP TABLE "_articles_v_version_sources" CASCADE;
  DROP TABLE "_articles_v" CASCADE;
  DROP TABLE "_articles_v_locales" CASCADE;
  DROP TABLE "_articles_v_rels" CASCADE;
  DROP TABLE "carriers_technologies" CASCADE;
  DROP TABLE "carriers_offers" CASCADE;
  DROP TABLE "carriers_offers_locales" CASCADE;
  DROP TABLE "carriers_sources" CASCADE;
  DROP TABLE "carriers" CASCADE;
  DROP TABLE "carriers_locales" CASCADE;
  DROP TABLE "carriers_texts" CASCADE;
  DROP TABLE "_carriers_v_version_technologies" CASCADE;
  DROP TABLE "_carriers_v_version_offers" CASCADE;
  DROP TABLE "_carriers_v_version_offers_locales" CASCADE;
  DROP TABLE "_carriers_v_version_sources" CASCADE;
  DROP TABLE "_carriers_v" CASCADE;
  DROP TABLE "_carriers_v_locales" CASCADE;
  DROP TABLE "_carriers_v_texts" CASCADE;
  DROP TABLE "tips_sources" CASCADE;
  DROP TABLE "tips" CASCADE;
  DROP TABLE "tips_locales" CASCADE;
  DROP TABLE "_tips_v_version_sources" CASCADE;
  DROP TABLE "_tips_v" CASCADE;
  DROP TABLE "_tips_v_locales" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "media_locales" CASCADE;
  DROP TABLE "users_working_locales" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum_articles_status";
  DROP TYPE "public"."enum__articles_v_version_status";
  DROP TYPE "public"."enum__articles_v_published_locale";
  DROP TYPE "public"."enum_carriers_technologies";
  DROP TYPE "public"."enum_carriers_offers_type";
  DROP TYPE "public"."enum_carriers_kind";
  DROP TYPE "public"."enum_carriers_verification";
  DROP TYPE "public"."enum_carriers_status";
  DROP TYPE "public"."enum__carriers_v_version_technologies";
  DROP TYPE "public"."enum__carriers_v_version_offers_type";
  DROP TYPE "public"."enum__carriers_v_version_kind";
  DROP TYPE "public"."enum__carriers_v_version_verification";
  DROP TYPE "public"."enum__carriers_v_version_status";
  DROP TYPE "public"."enum__carriers_v_published_locale";
  DROP TYPE "public"."enum_tips_category";
  DROP TYPE "public"."enum_tips_status";
  DROP TYPE "public"."enum__tips_v_version_category";
  DROP TYPE "public"."enum__tips_v_version_status";
  DROP TYPE "public"."enum__tips_v_published_locale";
  DROP TYPE "public"."enum_users_working_locales";
  DROP TYPE "public"."enum_users_role";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
