import type pg from "pg";
import { TENANT_ROOT } from "../audit/index.ts";

export { TENANT_ROOT };

/**
 * Facts about the tenant tables that export, import and retention need:
 * which tables carry org_id, their columns and keys, their foreign keys,
 * and which are private to a user. They are read from the catalog rather
 * than listed by hand, so a new table is covered without touching this code.
 */

export interface TenantColumn {
  name: string;
  /** True for `generated always as (...) stored` columns, which inserts must leave out. */
  generated: boolean;
  /** True for `generated always as identity` columns, whose values need `overriding system value`. */
  identityAlways: boolean;
}

export interface TenantTable {
  /** Table name in schema public. */
  name: string;
  columns: TenantColumn[];
  primaryKey: string[];
  /**
   * True when the app role's select policy is named select_own_user, which by
   * the schema's naming convention means it also checks current_user_id(): a
   * row is visible only to its user, so export reads it as that user.
   */
  userPrivate: boolean;
}

export interface ForeignKey {
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
}

export interface TenantCatalog {
  /** organizations first, then every public table with an org_id column, by name. */
  tables: TenantTable[];
  foreignKeys: ForeignKey[];
  /** The monitoring tables: those that the monitoring_alerts view reads. */
  monitoringTables: string[];
  /** Tables whose triggers require the referenced alert to exist in a monitoring table. */
  alertReferencingTables: string[];
}

async function readTables(
  client: pg.ClientBase,
  appRole: string,
): Promise<TenantTable[]> {
  const { rows } = await client.query<{
    name: string;
    columns: TenantColumn[];
    primary_key: string[] | null;
    user_private: boolean;
  }>(
    `select c.relname as name,
            (select json_agg(json_build_object('name', a.attname::text,
                      'generated', a.attgenerated <> '',
                      'identityAlways', a.attidentity = 'a') order by a.attnum)
               from pg_attribute a
              where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
            (select array_agg(a.attname::text order by k.ordinality)
               from pg_constraint p
               cross join unnest(p.conkey) with ordinality as k (attnum, ordinality)
               join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
              where p.conrelid = c.oid and p.contype = 'p') as primary_key,
            exists (select 1 from pg_policy p
                     where p.polrelid = c.oid and p.polname = 'select_own_user'
                       and $1::regrole::oid = any(p.polroles)) as user_private
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and (c.relname = $2 or exists (select 1 from pg_attribute a
              where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped))
      order by c.relname <> $2, c.relname`,
    [appRole, TENANT_ROOT],
  );
  return rows.map((row) => ({
    name: row.name,
    columns: row.columns,
    primaryKey: row.primary_key ?? [],
    userPrivate: row.user_private,
  }));
}

async function readForeignKeys(client: pg.ClientBase): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(
    `select c.relname as "table", r.relname as "referencedTable",
            array(select a.attname::text from unnest(k.conkey) with ordinality as x (attnum, i)
                    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = x.attnum
                   order by x.i) as columns,
            array(select a.attname::text from unnest(k.confkey) with ordinality as x (attnum, i)
                    join pg_attribute a on a.attrelid = k.confrelid and a.attnum = x.attnum
                   order by x.i) as "referencedColumns"
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_class r on r.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public'
      order by c.relname, k.conname`,
  );
  return rows;
}

async function readMonitoringTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select distinct c.relname as name
       from pg_rewrite w
       join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = w.oid
       join pg_class c on c.oid = d.refobjid
      where w.ev_class = to_regclass('public.monitoring_alerts')
        and c.relkind = 'r' and c.oid <> w.ev_class
      order by 1`,
  );
  return rows.map((row) => row.name);
}

async function readAlertReferencingTables(
  client: pg.ClientBase,
): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select distinct c.relname as name
       from pg_trigger t
       join pg_class c on c.oid = t.tgrelid
       join pg_proc p on p.oid = t.tgfoid
      where p.proname = 'tg__check_alert_exists' and not t.tgisinternal
      order by 1`,
  );
  return rows.map((row) => row.name);
}

/** Reads the tenant catalog; only policies for `appRole` count for userPrivate. */
export async function readTenantCatalog(
  client: pg.ClientBase,
  appRole: string,
): Promise<TenantCatalog> {
  return {
    tables: await readTables(client, appRole),
    foreignKeys: await readForeignKeys(client),
    monitoringTables: await readMonitoringTables(client),
    alertReferencingTables: await readAlertReferencingTables(client),
  };
}

/**
 * Orders the tenant tables parents first: by foreign keys, and the
 * monitoring tables before the tables whose triggers check that an alert
 * exists (no foreign key can point into nine tables). Ties go by name.
 */
export function parentsFirst(catalog: TenantCatalog): string[] {
  const names = catalog.tables.map((table) => table.name);
  const parents = new Map(names.map((name) => [name, new Set<string>()]));
  for (const key of catalog.foreignKeys) {
    if (key.table !== key.referencedTable && parents.has(key.referencedTable))
      parents.get(key.table)?.add(key.referencedTable);
  }
  for (const table of catalog.alertReferencingTables) {
    for (const source of catalog.monitoringTables)
      parents.get(table)?.add(source);
  }
  const ordered: string[] = [];
  const remaining = new Set(names);
  while (remaining.size > 0) {
    const ready = [...remaining]
      .filter((name) =>
        [...parents.get(name)!].every((parent) => !remaining.has(parent)),
      )
      .sort();
    if (ready.length === 0) {
      throw new Error(
        `The foreign keys of ${[...remaining].join(", ")} form a cycle, so no insert order exists.`,
      );
    }
    for (const name of ready) {
      ordered.push(name);
      remaining.delete(name);
    }
  }
  return ordered;
}

/**
 * Returns, per table, the columns whose values are ids of `table.column`:
 * the column itself, columns with a foreign key to it, and so on through
 * composite foreign keys (chat_messages.user_id references
 * chat_sessions.user_id, which references org_members.user_id, which
 * references users.id).
 */
export function columnsReferencing(
  foreignKeys: ForeignKey[],
  table: string,
  column: string,
): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>([[table, new Set([column])]]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const key of foreignKeys) {
      key.referencedColumns.forEach((referenced, index) => {
        if (!found.get(key.referencedTable)?.has(referenced)) return;
        const columns = found.get(key.table) ?? new Set<string>();
        const local = key.columns[index]!;
        if (columns.has(local)) return;
        columns.add(local);
        found.set(key.table, columns);
        grew = true;
      });
    }
  }
  return found;
}

/** Returns whether `table` has a foreign key to itself. */
export function isSelfReferencing(
  foreignKeys: ForeignKey[],
  table: string,
): boolean {
  return foreignKeys.some(
    (key) => key.table === table && key.referencedTable === table,
  );
}
