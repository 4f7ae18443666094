import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// includes_phone_number and receives_sms turn from checkboxes into yes/usually/usually-not/no/unknown.
// The generated cast (boolean::enum) does not exist in PostgreSQL, so each column is converted with
// its values kept: true → 'yes', false → 'no' (what the site showed for them), NULL → 'unknown'.
const columns = [
  ['carriers_offers', 'includes_phone_number', 'enum_carriers_offers_includes_phone_number'],
  ['carriers_offers', 'receives_sms', 'enum_carriers_offers_receives_sms'],
  ['_carriers_v_version_offers', 'includes_phone_number', 'enum__carriers_v_version_offers_includes_phone_number'],
  ['_carriers_v_version_offers', 'receives_sms', 'enum__carriers_v_version_offers_receives_sms'],
] as const

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const [table, column, type] of columns) {
    await db.execute(
      sql.raw(`
  CREATE TYPE "public"."${type}" AS ENUM('yes', 'usually', 'usually-not', 'no', 'unknown');
  ALTER TABLE "${table}" ALTER COLUMN "${column}" DROP DEFAULT;
  ALTER TABLE "${table}" ALTER COLUMN "${column}" SET DATA TYPE "public"."${type}"
    USING (CASE WHEN "${column}" THEN 'yes' WHEN NOT "${column}" THEN 'no' ELSE 'unknown' END)::"public"."${type}";
  ALTER TABLE "${table}" ALTER COLUMN "${column}" SET DEFAULT 'unknown'::"public"."${type}";`),
    )
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const [table, column, type] of columns) {
    await db.execute(
      sql.raw(`
  ALTER TABLE "${table}" ALTER COLUMN "${column}" DROP DEFAULT;
  ALTER TABLE "${table}" ALTER COLUMN "${column}" SET DATA TYPE boolean USING ("${column}" IN ('yes', 'usually'));
  ALTER TABLE "${table}" ALTER COLUMN "${column}" SET DEFAULT false;
  DROP TYPE "public"."${type}";`),
    )
  }
}
