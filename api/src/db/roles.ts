import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { DB_ROLES } from './rls.js';

/** The passwords the app's own roles log in with (kept in DATA_DIR, or fixed in tests). */
export interface RolePasswords {
  app: string;
  counting: string;
}

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * Run once per start on the administrator's connection (DATABASE_URL: a superuser, or a role
 * with CREATEROLE that owns the database): creates the owner, app and counting roles when
 * missing, gives the app's roles their passwords, lets the owner create in the database and
 * hands it every table, sequence, view and function of the app's schemas (a database the app
 * used to own as the administrator). Without passwords (the command-line scripts, which use the
 * administrator's connection) the roles' passwords are left as they are. Concurrent starts on
 * one server (tests) are harmless.
 */
export async function prepareRoles(client: pg.ClientBase, passwords: RolePasswords | null) {
  const { owner, app, counting } = DB_ROLES;
  const me = (
    await client.query<{ super: boolean; createrole: boolean; db: string }>(
      `select rolsuper as super, rolcreaterole as createrole, current_database() as db
       from pg_roles where rolname = current_user`,
    )
  ).rows[0]!;
  if (!me.super && !me.createrole) {
    throw new Error(
      'DATABASE_URL must name a superuser or a role with CREATEROLE: the app creates its own roles (smes_owner, smes_app, smes_count)',
    );
  }
  const create = (role: string, options: string) => `
    begin
      if not exists (select 1 from pg_roles where rolname = ${literal(role)}) then
        create role ${role} ${options};
      end if;
    exception when duplicate_object or unique_violation then null;
    end;`;
  const password = (role: string, value: string) => `
    begin
      alter role ${role} with login password ${literal(value)};
    exception when others then
      -- Two starts at once on one server: the other one set it.
      if sqlerrm not like '%concurrently%' then raise; end if;
    end;`;
  await client.query(`do $$ begin
    ${create(owner, 'nologin noinherit')}
    ${create(app, 'login noinherit nocreatedb nocreaterole')}
    ${create(counting, 'login noinherit nocreatedb nocreaterole')}
    ${passwords ? password(app, passwords.app) : ''}
    ${passwords ? password(counting, passwords.counting) : ''}
  end $$`);
  if (!me.super) await client.query(`grant ${owner} to current_user`).catch(() => undefined);
  const db = `"${me.db.replaceAll('"', '""')}"`;
  await client.query(`grant connect, create on database ${db} to ${owner}`);
  await client.query(`grant connect on database ${db} to ${app}, ${counting}`);
  await client.query(`grant usage, create on schema public to ${owner}`);
  await client.query(`revoke create on schema public from public`);
  await client.query(`do $$ declare r record; begin
    for r in
      select c.oid::regclass as name, c.relkind from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
         and c.relowner <> (select oid from pg_roles where rolname = '${owner}')
         and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                           and d.deptype in ('e', 'a', 'i'))
    loop
      execute format('alter %s %s owner to ${owner}',
        case r.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence'
          when 'f' then 'foreign table' else 'table' end, r.name);
    end loop;
    for r in
      select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'drizzle')
         and p.proowner <> (select oid from pg_roles where rolname = '${owner}')
         and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid
                           and d.deptype = 'e')
    loop
      execute format('alter function %s owner to ${owner}', r.name);
    end loop;
    if exists (select 1 from pg_namespace where nspname = 'drizzle') then
      alter schema drizzle owner to ${owner};
    end if;
  end $$`);
}

/** The same server and database as `url`, logged in as `role`. */
export function urlAs(url: string, role: string, password: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = password;
  return u.toString();
}

/**
 * The app's roles' passwords, generated on the first start against a server and kept beside the
 * data (`DATA_DIR/database-roles.json`, readable by the app's user only), like the signing
 * secret; each start sets them again on the server.
 */
export function rolePasswords(dataDir: string): RolePasswords {
  const file = path.join(dataDir, 'database-roles.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<RolePasswords>;
    if (stored.app && stored.counting) return { app: stored.app, counting: stored.counting };
  }
  mkdirSync(dataDir, { recursive: true });
  const passwords = {
    app: randomBytes(24).toString('base64url'),
    counting: randomBytes(24).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(passwords), { mode: 0o600 });
  return passwords;
}
