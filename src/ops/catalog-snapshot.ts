import type pg from "pg";
import { tableChecksums, userTables } from "./checksum.ts";

/**
 * A catalog snapshot: one self-describing line per schema object (its
 * definition, owner, privileges and comment) in the schemas the migrations
 * build, sorted, so that two snapshots compare line by line. graphile-migrate's
 * own schema and objects that belong to extensions are left out. With
 * `withRows`, it also contains each table's row count and checksum, which
 * catches a migration that inserts a row every time it runs.
 */

/** Schemas that migrations never own. */
const SYSTEM_SCHEMAS = `n.nspname not in ('pg_catalog', 'information_schema', 'graphile_migrate')
  and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`;

/** Excludes objects created by an extension (their rows in pg_depend have deptype 'e'). */
const notExtensionMember = (classTable: string, alias: string) =>
  `not exists (select 1 from pg_depend d where d.classid = '${classTable}'::regclass
     and d.objid = ${alias}.oid and d.deptype = 'e')`;

const QUERIES: Record<string, string> = {
  schemas: `
    select format('schema %s owner %s acl %s comment %s', n.nspname,
             pg_get_userbyid(n.nspowner), n.nspacl::text, obj_description(n.oid, 'pg_namespace'))
      from pg_namespace n where ${SYSTEM_SCHEMAS}`,
  extensions: `
    select format('extension %s version %s schema %s', e.extname, e.extversion, n.nspname)
      from pg_extension e join pg_namespace n on n.oid = e.extnamespace`,
  relations: `
    select format('relation %s.%s kind %s owner %s acl %s rls %s forced %s options %s comment %s',
             n.nspname, c.relname, c.relkind, pg_get_userbyid(c.relowner), c.relacl::text,
             c.relrowsecurity, c.relforcerowsecurity, c.reloptions::text,
             obj_description(c.oid, 'pg_class'))
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where ${SYSTEM_SCHEMAS} and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f', 'c')
       and ${notExtensionMember("pg_class", "c")}`,
  columns: `
    select format('column %s.%s #%s %s %s notnull %s default %s identity %s generated %s collation %s acl %s comment %s',
             n.nspname, c.relname,
             row_number() over (partition by c.oid order by a.attnum), a.attname,
             format_type(a.atttypid, a.atttypmod), a.attnotnull,
             pg_get_expr(ad.adbin, ad.adrelid), nullif(a.attidentity, ''),
             nullif(a.attgenerated, ''), co.collname, a.attacl::text,
             col_description(c.oid, a.attnum))
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
      left join pg_collation co on co.oid = a.attcollation and a.attcollation <> 100
     where ${SYSTEM_SCHEMAS} and a.attnum > 0 and not a.attisdropped
       and c.relkind in ('r', 'p', 'v', 'm', 'f', 'c') and ${notExtensionMember("pg_class", "c")}`,
  constraints: `
    select format('constraint %s.%s.%s %s deferrable %s comment %s', n.nspname,
             coalesce(c.relname, t.typname), k.conname, pg_get_constraintdef(k.oid),
             k.condeferrable, obj_description(k.oid, 'pg_constraint'))
      from pg_constraint k
      join pg_namespace n on n.oid = k.connamespace
      left join pg_class c on c.oid = k.conrelid
      left join pg_type t on t.oid = k.contypid
     where ${SYSTEM_SCHEMAS}`,
  indexes: `
    select format('index %s.%s %s comment %s', n.nspname, c.relname,
             pg_get_indexdef(c.oid), obj_description(c.oid, 'pg_class'))
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where ${SYSTEM_SCHEMAS} and c.relkind in ('i', 'I') and ${notExtensionMember("pg_class", "c")}`,
  views: `
    select format('view %s.%s %s', n.nspname, c.relname,
             regexp_replace(pg_get_viewdef(c.oid), '\\s+', ' ', 'g'))
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where ${SYSTEM_SCHEMAS} and c.relkind in ('v', 'm')`,
  triggers: `
    select format('trigger %s.%s.%s %s enabled %s comment %s', n.nspname, c.relname, t.tgname,
             pg_get_triggerdef(t.oid), t.tgenabled, obj_description(t.oid, 'pg_trigger'))
      from pg_trigger t
      join pg_class c on c.oid = t.tgrelid
      join pg_namespace n on n.oid = c.relnamespace
     where ${SYSTEM_SCHEMAS} and not t.tgisinternal`,
  policies: `
    select format('policy %s.%s.%s for %s permissive %s to %s using %s check %s', n.nspname,
             c.relname, p.polname, p.polcmd, p.polpermissive,
             array(select case when r = 0 then 'public' else pg_get_userbyid(r) end
                     from unnest(p.polroles) r order by 1)::text,
             pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid))
      from pg_policy p
      join pg_class c on c.oid = p.polrelid
      join pg_namespace n on n.oid = c.relnamespace
     where ${SYSTEM_SCHEMAS}`,
  functions: `
    select format('function %s.%s(%s) owner %s acl %s comment %s definition %s', n.nspname,
             p.proname, pg_get_function_identity_arguments(p.oid), pg_get_userbyid(p.proowner),
             p.proacl::text, obj_description(p.oid, 'pg_proc'),
             case when p.prokind in ('f', 'p')
               then regexp_replace(pg_get_functiondef(p.oid), '\\s+', ' ', 'g')
               else p.prokind::text end)
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where ${SYSTEM_SCHEMAS} and ${notExtensionMember("pg_proc", "p")}`,
  types: `
    select format('type %s.%s kind %s owner %s acl %s labels %s base %s notnull %s default %s comment %s',
             n.nspname, t.typname, t.typtype, pg_get_userbyid(t.typowner), t.typacl::text,
             array(select e.enumlabel from pg_enum e where e.enumtypid = t.oid
                    order by e.enumsortorder)::text,
             format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
             obj_description(t.oid, 'pg_type'))
      from pg_type t join pg_namespace n on n.oid = t.typnamespace
     where ${SYSTEM_SCHEMAS} and t.typtype in ('e', 'd', 'r', 'm')
       and ${notExtensionMember("pg_type", "t")}`,
  sequences: `
    select format('sequence %s.%s type %s start %s increment %s min %s max %s cycle %s',
             n.nspname, c.relname, format_type(s.seqtypid, null), s.seqstart, s.seqincrement,
             s.seqmin, s.seqmax, s.seqcycle)
      from pg_sequence s
      join pg_class c on c.oid = s.seqrelid
      join pg_namespace n on n.oid = c.relnamespace
     where ${SYSTEM_SCHEMAS}`,
  defaultPrivileges: `
    select format('default privileges for %s in %s on %s: %s', pg_get_userbyid(d.defaclrole),
             coalesce(n.nspname, '(all schemas)'), d.defaclobjtype, d.defaclacl::text)
      from pg_default_acl d left join pg_namespace n on n.oid = d.defaclnamespace`,
};

/** Reads the catalog snapshot of the database `client` is connected to. */
export async function catalogSnapshot(
  client: pg.ClientBase,
  options: { withRows?: boolean } = {},
): Promise<string[]> {
  const lines: string[] = [];
  for (const sql of Object.values(QUERIES)) {
    const { rows } = await client.query<{ line: string }>(
      `select line from (${sql}) as snapshot (line)`,
    );
    lines.push(...rows.map((row) => row.line));
  }
  if (options.withRows) {
    const tables = (await userTables(client)).filter(
      (table) => !table.startsWith("graphile_migrate."),
    );
    const checksums = await tableChecksums(client, tables);
    for (const table of checksums) {
      lines.push(
        `rows ${table.table} count ${table.rows} checksum ${table.checksum}`,
      );
    }
  }
  return lines.sort();
}

export interface SnapshotDifference {
  /** Lines present before and missing after. */
  removed: string[];
  /** Lines missing before and present after. */
  added: string[];
}

/** Compares two sorted snapshots; both lists are empty when they are equal. */
export function compareSnapshots(
  before: string[],
  after: string[],
): SnapshotDifference {
  const beforeSet = new Set(before);
  const afterSet = new Set(after);
  return {
    removed: before.filter((line) => !afterSet.has(line)),
    added: after.filter((line) => !beforeSet.has(line)),
  };
}

/** Returns the kind and name that start a snapshot line, such as `index public.incidents_pkey`. */
function objectOf(line: string): string {
  return line.split(" ", 2).join(" ");
}

/**
 * Describes the first difference in one sentence: a line that changed when
 * the first removed and added lines name the same object, else the first
 * added or removed line. Returns undefined when there is no difference.
 */
export function describeFirstDifference(
  difference: SnapshotDifference,
): string | undefined {
  const removed = difference.removed[0];
  const added = difference.added[0];
  if (removed && added && objectOf(removed) === objectOf(added))
    return `"${clip(removed)}" became "${clip(added)}"`;
  if (added && (!removed || added < removed)) return `added "${clip(added)}"`;
  if (removed) return `removed "${clip(removed)}"`;
  return undefined;
}

/** Shortens a line for a message, keeping its start, which names the object. */
export function clip(line: string, max = 240): string {
  return line.length <= max ? line : `${line.slice(0, max - 3)}...`;
}
