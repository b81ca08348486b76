import type pg from "pg";
import type { ConfiguredSettings } from "../config/settings.ts";
import { InputError } from "../errors.ts";
import { databaseExists, dropDatabase, requireRootUrl } from "./scratch.ts";
import { withClient } from "../server/connect.ts";

/**
 * The database that `aurora-db restore` and `aurora-db import` write into:
 * its name is checked, system and template databases are rejected, and a
 * database the command created is dropped again when the command fails.
 */

const DATABASE_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,62}$/;

/** Databases that every PostgreSQL cluster has. Tenant data does not belong in them. */
const SYSTEM_DATABASES = ["postgres", "template0", "template1"];

/** Throws an InputError unless `name` is a plain database name. */
export function validateDatabaseName(name: string): string {
  if (!DATABASE_NAME.test(name)) {
    throw new InputError(
      `--database is "${name}", which is not a database name: use letters, digits, _ and -, ` +
        "starting with a letter or _, at most 63 characters.",
    );
  }
  return name;
}

/**
 * Throws an InputError when `name` is postgres, template0, template1 or any
 * database marked as a template (`pg_database.datistemplate`), even with
 * `--force`. `verb` names the command in the message, such as "restore".
 */
export async function requireUserDatabase(
  settings: ConfiguredSettings,
  name: string,
  verb: string,
): Promise<void> {
  let isTemplate = SYSTEM_DATABASES.includes(name.toLowerCase());
  if (!isTemplate) {
    const rootUrl = requireRootUrl(settings, verb);
    isTemplate = await withClient(
      rootUrl,
      "ROOT_DATABASE_URL",
      async (root) => {
        const { rows } = await root.query<{ datistemplate: boolean }>(
          "select datistemplate from pg_database where datname = $1",
          [name],
        );
        return rows[0]?.datistemplate ?? false;
      },
    );
  }
  if (isTemplate) {
    throw new InputError(
      `Database ${name} is a PostgreSQL system or template database, so aurora-db ${verb} does not write ` +
        "into it: name another database with --database, such as aurora_restored.",
    );
  }
}

export interface DatabaseContents {
  /** Number of user objects: schemas, tables, views, sequences, functions and types. */
  count: number;
  /** The first of them in name order, such as `table public.users`. */
  example: string | undefined;
}

/**
 * Lists what the connected database contains besides the PostgreSQL
 * catalogs, the empty `public` schema and objects that belong to extensions.
 * A database created from template0 contains nothing.
 */
export async function databaseContents(
  client: pg.ClientBase,
): Promise<DatabaseContents> {
  const { rows } = await client.query<{ object: string }>(
    `with user_schema as (
       select n.oid, n.nspname from pg_namespace n
        where n.nspname not in ('pg_catalog', 'information_schema')
          and n.nspname not like 'pg\\_toast%'
          and n.nspname not like 'pg\\_temp\\_%'
     ), extension_member as (
       select classid, objid from pg_depend where deptype = 'e'
     )
     select format('schema %I', s.nspname) as object
       from user_schema s
      where s.nspname <> 'public'
        and (('pg_namespace'::regclass, s.oid)) not in (select * from extension_member)
     union all
     select format('%s %I.%I',
                   case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                  when 'S' then 'sequence' when 'f' then 'foreign table'
                                  else 'table' end,
                   s.nspname, c.relname)
       from pg_class c join user_schema s on s.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
        and (('pg_class'::regclass, c.oid)) not in (select * from extension_member)
     union all
     select format('function %I.%I', s.nspname, p.proname)
       from pg_proc p join user_schema s on s.oid = p.pronamespace
      where (('pg_proc'::regclass, p.oid)) not in (select * from extension_member)
     union all
     select format('type %I.%I', s.nspname, t.typname)
       from pg_type t join user_schema s on s.oid = t.typnamespace
      where t.typtype in ('e', 'd', 'r', 'm')
        and (('pg_type'::regclass, t.oid)) not in (select * from extension_member)
     order by 1`,
  );
  return { count: rows.length, example: rows[0]?.object };
}

/**
 * Runs `work` on `name`. When `name` does not exist, `create` makes it
 * first, and a failure of `create` or `work` drops it again, so a failed
 * command leaves no half-filled database behind. Returns whether `name` was created.
 */
export async function withTargetDatabase<T>(
  settings: ConfiguredSettings,
  name: string,
  create: () => Promise<void>,
  work: (created: boolean) => Promise<T>,
): Promise<T> {
  if (await databaseExists(settings, name)) return work(false);
  let created = false;
  try {
    await create();
    created = true;
    return await work(true);
  } catch (error) {
    // A failed create may mean that another session created `name` meanwhile, so only drop what this call created.
    if (created) await dropDatabase(settings, name);
    throw error;
  }
}
