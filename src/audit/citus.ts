import type pg from "pg";
import { GLOBAL_TABLES, TENANT_ROOT } from "./index.ts";

/**
 * Checks from the catalog that the schema in `public` can be distributed
 * with Citus by org_id: tenant tables become distributed tables colocated on
 * org_id, and the few tables without org_id become reference tables (a full
 * copy on every node). docs/citus.md contains the distribution plan.
 *
 * The rules follow what Citus rejects when a table is distributed. The key
 * rule is Citus's error "Distributed relations cannot have UNIQUE, EXCLUDE,
 * or PRIMARY KEY constraints that do not include the partition column"; the
 * foreign key and policy rules come from the Citus sources
 * (src/backend/distributed/commands/foreign_constraint.c and policy.c):
 *  - every primary key, unique constraint, unique index and exclusion
 *    constraint of a distributed table includes the distribution column;
 *  - a foreign key between distributed tables includes the distribution
 *    column at the same position on both sides;
 *  - a foreign key that includes the distribution column has no ON DELETE
 *    SET NULL or SET DEFAULT and no ON UPDATE action other than NO ACTION or
 *    RESTRICT, because Citus never changes a distribution column through a
 *    foreign key;
 *  - a reference table has no foreign key to a distributed table;
 *  - a policy has no subquery. Subqueries that only call current_org_id()
 *    or current_user_id() are not reported: CITUS_POLICY_REWRITE_SQL turns
 *    them into plain calls. A policy that reads another table is reported.
 */

/** The column every tenant table is distributed by. */
export const DISTRIBUTION_COLUMN = "org_id";

/** Tables without org_id that Citus keeps as reference tables. */
export const REFERENCE_TABLES: readonly string[] = [
  TENANT_ROOT,
  ...Object.keys(GLOBAL_TABLES),
];

export type CitusRule =
  | "global-table"
  | "primary-key"
  | "unique"
  | "foreign-key"
  | "foreign-key-action"
  | "reference-foreign-key"
  | "policy-reads-table";

export interface CitusProblem {
  rule: CitusRule;
  table: string;
  /** The constraint, index or policy at fault; null for a table-wide problem. */
  object: string | null;
  message: string;
}

interface TableRow {
  oid: number;
  name: string;
  /** Attribute number of org_id, or null when the table has none. */
  org_attnum: number | null;
}

interface KeyRow {
  table_oid: number;
  name: string;
  kind:
    | "primary key"
    | "unique constraint"
    | "unique index"
    | "exclusion constraint";
  /** Key columns by attribute number; 0 for an expression. */
  columns: number[];
}

interface ForeignKeyRow {
  table_oid: number;
  referenced_oid: number;
  name: string;
  columns: number[];
  referenced_columns: number[];
  /** pg_constraint action codes: a no action, r restrict, c cascade, n set null, d set default. */
  on_delete: string;
  on_update: string;
}

interface PolicyRow {
  table_oid: number;
  name: string;
  read_tables: string[];
}

/** Returns every problem that would stop Citus from distributing the schema by org_id. */
export async function checkCitusReadiness(
  client: pg.ClientBase | pg.Pool,
): Promise<CitusProblem[]> {
  const tables = await readTables(client);
  const byOid = new Map(tables.map((table) => [table.oid, table]));
  return [
    ...tables.flatMap(globalTableProblems),
    ...(await readKeys(client)).flatMap((key) => keyProblems(key, byOid)),
    ...(await readForeignKeys(client)).flatMap((foreignKey) =>
      foreignKeyProblems(foreignKey, byOid),
    ),
    ...(await readPolicies(client)).flatMap((policy) =>
      policyProblems(policy, byOid),
    ),
  ];
}

async function readTables(
  client: pg.ClientBase | pg.Pool,
): Promise<TableRow[]> {
  const { rows } = await client.query<TableRow>(
    `select c.oid::int as oid, c.relname as name,
            (select a.attnum::int from pg_attribute a
              where a.attrelid = c.oid and a.attname = $1 and not a.attisdropped) as org_attnum
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`,
    [DISTRIBUTION_COLUMN],
  );
  return rows;
}

async function readKeys(client: pg.ClientBase | pg.Pool): Promise<KeyRow[]> {
  const { rows } = await client.query<KeyRow>(
    `select i.indrelid::int as table_oid,
            coalesce(k.conname, ic.relname) as name,
            case when i.indisprimary then 'primary key'
                 when k.contype = 'x' then 'exclusion constraint'
                 when k.contype = 'u' then 'unique constraint'
                 else 'unique index' end as kind,
            (i.indkey::int2[])[0:i.indnkeyatts - 1]::int[] as columns
       from pg_index i
       join pg_class ic on ic.oid = i.indexrelid
       join pg_namespace n on n.oid = ic.relnamespace
       left join pg_constraint k on k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x')
      where n.nspname = 'public' and (i.indisunique or i.indisexclusion)
      order by 2`,
  );
  return rows;
}

async function readForeignKeys(
  client: pg.ClientBase | pg.Pool,
): Promise<ForeignKeyRow[]> {
  const { rows } = await client.query<ForeignKeyRow>(
    `select k.conrelid::int as table_oid, k.confrelid::int as referenced_oid,
            k.conname as name, k.conkey::int[] as columns,
            k.confkey::int[] as referenced_columns,
            k.confdeltype::text as on_delete, k.confupdtype::text as on_update
       from pg_constraint k
       join pg_namespace n on n.oid = k.connamespace
      where n.nspname = 'public' and k.contype = 'f'
      order by k.conname`,
  );
  return rows;
}

async function readPolicies(
  client: pg.ClientBase | pg.Pool,
): Promise<PolicyRow[]> {
  // A policy depends on every relation its expressions read; its own table
  // is among them, so only the others count.
  const { rows } = await client.query<PolicyRow>(
    `select p.polrelid::int as table_oid, p.polname as name,
            array(select distinct d.refobjid::regclass::text
                    from pg_depend d
                   where d.classid = 'pg_policy'::regclass and d.objid = p.oid
                     and d.refclassid = 'pg_class'::regclass and d.refobjid <> p.polrelid
                   order by 1) as read_tables
       from pg_policy p
       join pg_class c on c.oid = p.polrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public'
      order by c.relname, p.polname`,
  );
  return rows;
}

const isReference = (table: TableRow) => REFERENCE_TABLES.includes(table.name);
const isDistributed = (table: TableRow) =>
  table.org_attnum !== null && !isReference(table);

function globalTableProblems(table: TableRow): CitusProblem[] {
  if (table.org_attnum !== null || isReference(table)) return [];
  return [
    {
      rule: "global-table",
      table: table.name,
      object: null,
      message:
        `${table.name} has no ${DISTRIBUTION_COLUMN} column and is not a reference table ` +
        `(${REFERENCE_TABLES.join(", ")}): add ${DISTRIBUTION_COLUMN}, or declare it global ` +
        "in GLOBAL_TABLES of src/audit/index.ts if it is small and holds no tenant data",
    },
  ];
}

function keyProblems(
  key: KeyRow,
  tables: Map<number, TableRow>,
): CitusProblem[] {
  const table = tables.get(key.table_oid);
  if (!table || !isDistributed(table)) return [];
  if (key.columns.includes(table.org_attnum!)) return [];
  return [
    {
      rule: key.kind === "primary key" ? "primary-key" : "unique",
      table: table.name,
      object: key.name,
      message:
        `${key.kind} ${key.name} on ${table.name} does not include ${DISTRIBUTION_COLUMN}, ` +
        "so Citus cannot enforce it per shard: add org_id as its first column",
    },
  ];
}

function foreignKeyProblems(
  foreignKey: ForeignKeyRow,
  tables: Map<number, TableRow>,
): CitusProblem[] {
  const table = tables.get(foreignKey.table_oid);
  const referenced = tables.get(foreignKey.referenced_oid);
  if (!table || !referenced) return [];
  const problems: CitusProblem[] = [];
  const problem = (rule: CitusRule, message: string) =>
    problems.push({
      rule,
      table: table.name,
      object: foreignKey.name,
      message,
    });

  if (isReference(table) && isDistributed(referenced)) {
    problem(
      "reference-foreign-key",
      `foreign key ${foreignKey.name} points from the reference table ${table.name} to ` +
        `the distributed table ${referenced.name}, which Citus does not support`,
    );
  }
  if (isDistributed(table) && isDistributed(referenced)) {
    const position = foreignKey.columns.indexOf(table.org_attnum!);
    if (
      position === -1 ||
      foreignKey.referenced_columns[position] !== referenced.org_attnum
    ) {
      problem(
        "foreign-key",
        `foreign key ${foreignKey.name} from ${table.name} to ${referenced.name} does not ` +
          `pair ${DISTRIBUTION_COLUMN} with ${DISTRIBUTION_COLUMN} at the same position, ` +
          "so the two rows could sit on different shards: reference (org_id, parent_id)",
      );
    }
  }
  const includesOrgId =
    isDistributed(table) && foreignKey.columns.includes(table.org_attnum!);
  const deleteChangesKey = ["n", "d"].includes(foreignKey.on_delete);
  const updateChangesKey = ["n", "d", "c"].includes(foreignKey.on_update);
  if (includesOrgId && (deleteChangesKey || updateChangesKey)) {
    problem(
      "foreign-key-action",
      `foreign key ${foreignKey.name} on ${table.name} includes ${DISTRIBUTION_COLUMN} and ` +
        `${deleteChangesKey ? "sets columns on delete" : "changes columns on update"}, ` +
        "which Citus rejects even when only other columns are set: use NO ACTION and " +
        "clear the referencing column in the statement that deletes the parent",
    );
  }
  return problems;
}

function policyProblems(
  policy: PolicyRow,
  tables: Map<number, TableRow>,
): CitusProblem[] {
  const table = tables.get(policy.table_oid);
  if (!table || policy.read_tables.length === 0) return [];
  return [
    {
      rule: "policy-reads-table",
      table: table.name,
      object: policy.name,
      message:
        `policy ${policy.name} on ${table.name} reads ${policy.read_tables.join(", ")} in a ` +
        "subquery, and Citus accepts no subquery in a policy of a distributed or reference " +
        "table: compare columns with current_org_id() and current_user_id() only",
    },
  ];
}

/**
 * Rewrites every policy in `public` so that `(select current_org_id())` and
 * `(select current_user_id())` become plain calls, which Citus accepts in a
 * policy where it accepts no subquery. Run it before distributing the
 * tables. The plain calls are evaluated per row instead of once per query.
 * Both functions are stable and cheap, and an index scan on org_id still
 * evaluates the call once. docs/citus.md quotes this statement verbatim.
 */
export const CITUS_POLICY_REWRITE_SQL = `do $$
declare
  target record;
  using_expression text;
  check_expression text;
begin
  for target in
    select c.relname as table_name, p.polname as policy_name,
           pg_get_expr(p.polqual, p.polrelid) as using_expression,
           pg_get_expr(p.polwithcheck, p.polrelid) as check_expression
      from pg_policy p
      join pg_class c on c.oid = p.polrelid
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public'
  loop
    using_expression := replace(replace(target.using_expression,
      '( SELECT current_org_id() AS current_org_id)', 'current_org_id()'),
      '( SELECT current_user_id() AS current_user_id)', 'current_user_id()');
    check_expression := replace(replace(target.check_expression,
      '( SELECT current_org_id() AS current_org_id)', 'current_org_id()'),
      '( SELECT current_user_id() AS current_user_id)', 'current_user_id()');
    if using_expression is distinct from target.using_expression then
      execute format('alter policy %I on public.%I using (%s)',
        target.policy_name, target.table_name, using_expression);
    end if;
    if check_expression is distinct from target.check_expression then
      execute format('alter policy %I on public.%I with check (%s)',
        target.policy_name, target.table_name, check_expression);
    end if;
  end loop;
end
$$;`;
