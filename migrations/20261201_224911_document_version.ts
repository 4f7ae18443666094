import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "revision" numeric DEFAULT 1;
  ALTER TABLE "_articles_v" ADD COLUMN "version_revision" numeric DEFAULT 1;
  ALTER TABLE "carriers" ADD COLUMN "revision" numeric DEFAULT 1;
  ALTER TABLE "_carriers_v" ADD COLUMN "version_revision" numeric DEFAULT 1;
  ALTER TABLE "tips" ADD COLUMN "revision" numeric DEFAULT 1;
  ALTER TABLE "_tips_v" ADD COLUMN "version_revision" numeric DEFAULT 1;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP COLUMN "revision";
  ALTER TABLE "_articles_v" DROP COLUMN "version_revision";
  ALTER TABLE "carriers" DROP COLUMN "revision";
  ALTER TABLE "_carriers_v" DROP COLUMN "version_revision";
  ALTER TABLE "tips" DROP COLUMN "revision";
  ALTER TABLE "_tips_v" DROP COLUMN "version_revision";`)
}
