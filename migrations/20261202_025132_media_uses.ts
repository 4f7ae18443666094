import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/** The media ids a rich-text column's upload nodes name (`value` is an id, or a populated medium). */
const richTextMedia = (column: string) => `
  select case jsonb_typeof(v) when 'object' then v->>'id' else v #>> '{}' end as media
  from jsonb_path_query(${column}, '$.** ? (@.type == "upload" && @.relationTo == "media").value') v`

/** Whether any locale of a document (its main table row `d`) is published. */
const anyPublished = (locales: string) => `exists (select 1 from "${locales}" l where l._parent_id = d.id and l._status = 'published')`

/**
 * Readers' access to media becomes one indexed condition (src/access/publishedMedia.ts): each
 * medium says whether a published locale of some document uses it (`used_by_published`), from
 * `media_uses`, the uses of published content, kept by every write of content
 * (src/freshness/mediaUses.ts). Not one of Payload's collections: no one edits it, and Payload's
 * schema snapshots leave it alone. Both are filled here from the content as it is, by the rule
 * readers are held to: shared upload fields count when any locale is published, localized ones
 * and rich text when their own locale is.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" ADD COLUMN "used_by_published" boolean DEFAULT false;
  CREATE INDEX "media_used_by_published_idx" ON "media" USING btree ("used_by_published");
  CREATE TABLE "media_uses" (
  	"media_id" integer NOT NULL REFERENCES "media"("id") ON DELETE cascade,
  	"document" varchar NOT NULL,
  	PRIMARY KEY ("document", "media_id")
  );
  CREATE INDEX "media_uses_media_id_idx" ON "media_uses" USING btree ("media_id");`)
  await db.execute(
    sql.raw(`
  insert into media_uses (media_id, document)
  select distinct m.id, u.document from (
    select d.hero_image_id::text as media, 'articles:' || d.id as document from articles d where ${anyPublished('articles_locales')}
    union all select l.seo_image_id::text, 'articles:' || l._parent_id from articles_locales l where l._status = 'published'
    union all select r.media, 'articles:' || l._parent_id from articles_locales l, lateral (${richTextMedia('l.body')}) r where l._status = 'published'
    union all select d.logo_id::text, 'carriers:' || d.id from carriers d where ${anyPublished('carriers_locales')}
    union all select r.media, 'carriers:' || l._parent_id from carriers_locales l, lateral (${richTextMedia('l.description')}) r where l._status = 'published'
    union all select r.media, 'tips:' || l._parent_id from tips_locales l, lateral (${richTextMedia('l.body')}) r where l._status = 'published'
  ) u join media m on m.id = case when u.media ~ '^[0-9]{1,9}$' then u.media::integer end;
  update media set used_by_published = exists (select 1 from media_uses u where u.media_id = media.id);`),
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "media_uses";
  DROP INDEX "media_used_by_published_idx";
  ALTER TABLE "media" DROP COLUMN "used_by_published";`)
}
