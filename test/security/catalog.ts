import pg from "pg";
import {
  asApp,
  type TenantContext,
  type TestDatabase,
} from "../helpers/database.ts";
import { orgColumnOf } from "../helpers/seed.ts";
import { TENANT_ROOT } from "../../src/audit/index.ts";

/**
 * Catalog reads and statement runners shared by the security tests. Every
 * statement names its tables and columns through pg.escapeIdentifier with
 * names that come from the catalog; values always travel as parameters.
 */

export const COMMANDS = ["select", "insert", "update", "delete"] as const;
export type Command = (typeof COMMANDS)[number];

export interface TenantTable {
  name: string;
  /** Column that contains the organization id: org_id, or id for organizations. */
  orgColumn: string;
  /** True when every policy of the table also checks current_user_id(). */
  isUserPrivate: boolean;
  /** Columns an insert may name: all but the generated ones. */
  insertColumns: string[];
  /** A column outside every key and constraint, assigned to itself by no-op updates. */
  updateColumn: string;
  /**
   * A column with a default outside every constraint and unique index, or null.
   * `set column = default` reads no column, so PostgreSQL applies only the
   * update policy, not the select policy as well.
   */
  defaultColumn: string | null;
  /** Commands for which the app role has a table privilege. */
  appPrivileges: Command[];
}

/** Reads the tenant tables (tables in `public` with org_id, and organizations). */
export async function readTenantTables(
  client: pg.ClientBase | pg.Pool,
  appRole: string,
): Promise<TenantTable[]> {
  const { rows } = await client.query<{
    name: string;
    is_user_private: boolean | null;
    insert_columns: string[];
    update_column: string | null;
    default_column: string | null;
    app_privileges: Command[];
  }>(
    `select c.relname as name,
            (select bool_and(concat(pg_get_expr(p.polqual, p.polrelid), ' ',
                                    pg_get_expr(p.polwithcheck, p.polrelid))
                             like '%current_user_id()%')
               from pg_policy p where p.polrelid = c.oid) as is_user_private,
            array(select a.attname::text from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                     and a.attgenerated = ''
                   order by a.attnum) as insert_columns,
            (select a.attname::text from pg_attribute a
              where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                and a.attgenerated = '' and a.attidentity = ''
                and not exists (select from pg_index i
                                 where i.indrelid = c.oid and a.attnum = any (i.indkey))
                and not exists (select from pg_constraint k
                                 where k.conrelid = c.oid and a.attnum = any (k.conkey))
              order by a.atthasdef desc, a.attnum limit 1) as update_column,
            (select a.attname::text from pg_attribute a
              where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                and a.attgenerated = '' and a.attidentity = '' and a.atthasdef
                and not exists (select from pg_index i
                                 where i.indrelid = c.oid and i.indisunique
                                   and a.attnum = any (i.indkey))
                and not exists (select from pg_constraint k
                                 where k.conrelid = c.oid and a.attnum = any (k.conkey))
              order by a.attnum limit 1) as default_column,
            array(select command from unnest(array['select', 'insert', 'update', 'delete'])
                    as command
                   where has_table_privilege($1, c.oid, command)) as app_privileges
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public'
        and c.relkind in ('r', 'p')
        and (c.relname = $2
             or exists (select from pg_attribute a
                         where a.attrelid = c.oid and a.attname = 'org_id'
                           and not a.attisdropped))
      order by c.relname`,
    [appRole, TENANT_ROOT],
  );
  return rows.map((row) => ({
    name: row.name,
    orgColumn: orgColumnOf(row.name),
    isUserPrivate: row.is_user_private ?? false,
    insertColumns: row.insert_columns,
    updateColumn: row.update_column ?? orgColumnOf(row.name),
    defaultColumn: row.default_column,
    appPrivileges: row.app_privileges,
  }));
}

export const identifier = (name: string): string => pg.escapeIdentifier(name);

/**
 * Builds an insert of one row, given as a jsonb parameter ($1), into `columns`.
 * Columns left out take their defaults, so new ids are generated for them.
 */
export function insertRowSql(table: TenantTable, columns: string[]): string {
  const target = identifier(table.name);
  const list = columns.map(identifier).join(", ");
  return `insert into ${target} (${list})
          select ${list} from jsonb_populate_record(null::${target}, $1)`;
}

/**
 * Builds an insert of a whole row given as a jsonb parameter ($1). It names every
 * non-generated column and overrides identity columns, so the copy keeps the
 * ids of the row it was read from.
 */
export function insertCopySql(table: TenantTable): string {
  const target = identifier(table.name);
  const list = table.insertColumns.map(identifier).join(", ");
  return `insert into ${target} (${list}) overriding system value
          select ${list} from jsonb_populate_record(null::${target}, $1)`;
}

/** Reads one row of `table` as jsonb through the superuser pool, filtered by column values. */
export async function readRow(
  root: pg.Pool | pg.ClientBase,
  table: TenantTable,
  filter: Record<string, string>,
): Promise<Record<string, unknown>> {
  const { text, values } = whereClause(filter);
  const { rows } = await root.query<{ row: Record<string, unknown> }>(
    `select to_jsonb(t) as row from ${identifier(table.name)} as t ${text} limit 1`,
    values,
  );
  const row = rows[0]?.row;
  if (!row) {
    throw new Error(`${table.name} has no row where ${JSON.stringify(filter)}`);
  }
  return row;
}

/**
 * Returns every row of `table` matching `filter`, with its xmin, as the
 * superuser reads them. Any committed update gives a row a new xmin, so two equal
 * snapshots mean that nothing was updated, deleted or inserted in between.
 */
export async function snapshotRows(
  root: pg.Pool | pg.ClientBase,
  table: string,
  filter: Record<string, string> = {},
  options: { exclude?: boolean } = {},
): Promise<string> {
  const { text, values } = whereClause(filter, options.exclude);
  const { rows } = await root.query<{ rows: unknown }>(
    `select coalesce(jsonb_agg(jsonb_build_array(t.xmin::text, to_jsonb(t))
                               order by to_jsonb(t)::text), '[]') as rows
       from ${identifier(table)} as t ${text}`,
    values,
  );
  return JSON.stringify(rows[0]!.rows);
}

/** Counts rows of `table` matching `filter` through the superuser pool. */
export async function countRows(
  root: pg.Pool | pg.ClientBase,
  table: string,
  filter: Record<string, string>,
): Promise<number> {
  const { text, values } = whereClause(filter);
  const { rows } = await root.query<{ count: number }>(
    `select count(*)::int as count from ${identifier(table)} as t ${text}`,
    values,
  );
  return rows[0]!.count;
}

/** Builds a where clause that matches `filter`, or everything else with `exclude`. */
function whereClause(
  filter: Record<string, string>,
  exclude = false,
): {
  text: string;
  values: string[];
} {
  const entries = Object.entries(filter);
  if (entries.length === 0) return { text: "", values: [] };
  const conditions = entries.map(
    ([column], index) => `t.${identifier(column)}::text = $${index + 1}`,
  );
  const condition = conditions.join(" and ");
  return {
    text: exclude ? `where not (${condition})` : `where ${condition}`,
    values: entries.map(([, value]) => value),
  };
}

export type Outcome =
  | { ok: true; rowCount: number; rows: Record<string, unknown>[] }
  | { ok: false; error: pg.DatabaseError };

/**
 * Runs one statement as the app role in a transaction with `context`, and
 * returns its row count or the PostgreSQL error instead of throwing. Rolls
 * back unless `commit` is set.
 */
export async function runAsApp(
  database: TestDatabase,
  context: TenantContext,
  text: string,
  values: unknown[] = [],
  options: { commit?: boolean } = {},
): Promise<Outcome> {
  try {
    const result = await asApp(
      database,
      context,
      (client) => client.query(text, values),
      options,
    );
    return { ok: true, rowCount: result.rowCount ?? 0, rows: result.rows };
  } catch (error) {
    if (error instanceof pg.DatabaseError) return { ok: false, error };
    throw error;
  }
}

/**
 * Runs `work` on a superuser connection inside one transaction that is
 * always rolled back. `work` switches to the app role with `becomeApp()`,
 * which sets the tenant context too, and back with `becomeRoot()`, so it can
 * act as the app role and then inspect, as the superuser, what that did
 * before the rollback. `set local role` makes the app role the current
 * user, the role that privileges and policies are checked against.
 */
export async function inRolledBackTransaction<T>(
  database: TestDatabase,
  context: TenantContext,
  work: (session: {
    client: pg.PoolClient;
    becomeApp(): Promise<void>;
    becomeRoot(): Promise<void>;
    /** Runs one statement as the current role, returning errors instead of throwing. */
    attempt(text: string, values?: unknown[]): Promise<Outcome>;
  }) => Promise<T>,
): Promise<T> {
  const client = await database.root.connect();
  try {
    await client.query("begin");
    return await work({
      client,
      async becomeApp() {
        await client.query(
          `set local role ${identifier(database.settings.roles.app)}`,
        );
        await client.query(
          `select set_config('aurora.org_id', $1, true), set_config('aurora.user_id', $2, true)`,
          [context.orgId ?? "", context.userId ?? ""],
        );
      },
      async becomeRoot() {
        await client.query("reset role");
      },
      async attempt(text, values = []) {
        await client.query("savepoint attempt");
        try {
          const result = await client.query(text, values);
          await client.query("release savepoint attempt");
          return {
            ok: true,
            rowCount: result.rowCount ?? 0,
            rows: result.rows,
          };
        } catch (error) {
          await client.query("rollback to savepoint attempt");
          if (error instanceof pg.DatabaseError) return { ok: false, error };
          throw error;
        }
      },
    });
  } finally {
    await client.query("rollback").catch(() => {});
    client.release();
  }
}

export type Denial = "policy" | "privilege" | "other";

/**
 * Names why PostgreSQL rejected a statement: a row-level security policy
 * (42501, "new row violates row-level security policy"), a missing
 * privilege (42501, "permission denied"), or anything else.
 */
export function denialOf(outcome: Outcome): Denial | undefined {
  if (outcome.ok) return undefined;
  const { code, message } = outcome.error;
  if (
    code === "42501" &&
    message.startsWith("new row violates row-level security policy")
  )
    return "policy";
  if (code === "42501" && message.startsWith("permission denied"))
    return "privilege";
  return "other";
}

/** Describes an outcome for assertion messages. */
export function describe(outcome: Outcome): string {
  return outcome.ok
    ? `succeeded on ${outcome.rowCount} rows`
    : `failed with ${outcome.error.code}: ${outcome.error.message}`;
}
