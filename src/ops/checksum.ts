import type pg from "pg";

/**
 * Row counts and content checksums of tables, used by the backup manifest,
 * by restore to check what it loaded, and by the catalog snapshot.
 *
 * The checksum sums the md5 of every row's text form, in two 64-bit halves,
 * so it needs no sort and constant memory however large the table is, and
 * does not depend on row order. Text forms depend on session settings, so
 * `useCanonicalTextForms` fixes them first.
 */

export interface TableChecksum {
  /** Qualified name, such as `public.incidents`. */
  table: string;
  rows: number;
  checksum: string;
}

/** Session settings that make every row's text form the same on any server and client. */
const CANONICAL_SETTINGS: Array<[string, string]> = [
  ["timezone", "UTC"],
  ["datestyle", "ISO, YMD"],
  ["intervalstyle", "postgres"],
  ["extra_float_digits", "3"],
  ["bytea_output", "hex"],
];

/** Sets the session settings that row text forms depend on. */
export async function useCanonicalTextForms(
  client: pg.ClientBase,
): Promise<void> {
  for (const [name, value] of CANONICAL_SETTINGS) {
    await client.query("select set_config($1, $2, false)", [name, value]);
  }
}

/**
 * Lists the ordinary tables (partitions included, partitioned parents not)
 * outside the system schemas, as qualified names, sorted.
 */
export async function userTables(
  client: pg.ClientBase | pg.Pool,
  options: { schemas?: string[] } = {},
): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r'
        and n.nspname not in ('pg_catalog', 'information_schema')
        and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
        and ($1::text[] is null or n.nspname = any($1))
        and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                          and d.objid = c.oid and d.deptype = 'e')
      order by n.nspname, c.relname`,
    [options.schemas ?? null],
  );
  return rows.map((row) => row.name);
}

/** Counts and checksums each of `tables` (qualified, already quoted names) on `client`. */
export async function tableChecksums(
  client: pg.ClientBase,
  tables: string[],
): Promise<TableChecksum[]> {
  await useCanonicalTextForms(client);
  const results: TableChecksum[] = [];
  for (const table of tables) {
    const { rows } = await client.query<{ rows: string; checksum: string }>(
      `select count(*) as rows,
              coalesce(sum(('x' || substr(h, 1, 16))::bit(64)::bigint::numeric), 0) || '/' ||
              coalesce(sum(('x' || substr(h, 17, 16))::bit(64)::bigint::numeric), 0) as checksum
         from (select md5(t::text) as h from ${table} as t) as hashed`,
    );
    results.push({
      table,
      rows: Number(rows[0]!.rows),
      checksum: rows[0]!.checksum,
    });
  }
  return results;
}
