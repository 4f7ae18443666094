import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Every instance keeps the accounts tokens named (src/accounts/signedInUsers.ts). Any committed
 * write to an account, its sessions or its working locales, by Lagon or by anyone with SQL,
 * announces the `users` tag on Lagon's change channel (src/freshness/changeBus.ts, channel
 * `lagon_changes`), so that every instance forgets them: a logout, a revoked session, a new role
 * or password, a deleted account hold everywhere. NOTIFY is sent at commit (never for a rollback),
 * and one per transaction (PostgreSQL folds identical ones).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE FUNCTION "lagon_announce_users_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_notify('lagon_changes', '{"origin":"database","tags":["users"]}');
    RETURN NULL;
  END
  $$;
  CREATE TRIGGER "users_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users"
    FOR EACH STATEMENT EXECUTE FUNCTION "lagon_announce_users_changed"();
  CREATE TRIGGER "users_sessions_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users_sessions"
    FOR EACH STATEMENT EXECUTE FUNCTION "lagon_announce_users_changed"();
  CREATE TRIGGER "users_working_locales_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users_working_locales"
    FOR EACH STATEMENT EXECUTE FUNCTION "lagon_announce_users_changed"();`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER "users_working_locales_changed" ON "users_working_locales";
  DROP TRIGGER "users_sessions_changed" ON "users_sessions";
  DROP TRIGGER "users_changed" ON "users";
  DROP FUNCTION "lagon_announce_users_changed"();`)
}
