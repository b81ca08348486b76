import type pg from "pg";
import type { RoleNames } from "../config/settings.ts";

/**
 * Reads the catalog and reports, for every table in the `public` schema, how
 * row-level security protects it, and for the roles, the attributes that
 * could bypass it. A gap is anything that would let one tenant reach
 * another's rows.
 */

/** Tables without `org_id` that are global by design; every other table must be a tenant table. */
export const GLOBAL_TABLES: Record<string, string> = {
  users: "login looks users up before any tenant context exists",
};

/** The tenant root: its own `id` is the tenant, so its policies test `id` instead of `org_id`. */
export const TENANT_ROOT = "organizations";

const COMMANDS = ["select", "insert", "update", "delete"] as const;
type CommandName = (typeof COMMANDS)[number];

/** Privileges the app role must never hold on any table. */
const FORBIDDEN_PRIVILEGES = ["truncate", "references", "trigger"] as const;

export interface TableAudit {
  table: string;
  kind: "tenant" | "tenant root" | "global";
  hasOrgId: boolean;
  rlsEnabled: boolean;
  rlsForced: boolean;
  owner: string;
  /** Policy names per command; a policy `for all` counts for every command. */
  policies: Record<CommandName, string[]>;
  /** Table privileges the app role holds. */
  appPrivileges: string[];
}

export interface RoleAudit {
  role: keyof RoleNames;
  name: string;
  exists: boolean;
  superuser: boolean;
  bypassRls: boolean;
  /** Number of tables, views, sequences, functions and types the role owns in this database. */
  ownedObjects: number;
}

export interface AuditReport {
  tables: TableAudit[];
  roles: RoleAudit[];
  gaps: string[];
}

/** Audits the database `client` is connected to. */
export async function auditDatabase(
  client: pg.ClientBase,
  roles: RoleNames,
): Promise<AuditReport> {
  const tables = await readTables(client, roles.app);
  const roleAudits = await readRoles(client, roles);
  const gaps = [
    ...tables.flatMap(tableGaps),
    ...roleAudits.flatMap((role) => roleGaps(role, roles)),
  ];
  return { tables, roles: roleAudits, gaps };
}

async function readTables(
  client: pg.ClientBase,
  appRole: string,
): Promise<TableAudit[]> {
  const { rows } = await client.query<{
    table: string;
    has_org_id: boolean;
    rls_enabled: boolean;
    rls_forced: boolean;
    owner: string;
    policies: Array<{ name: string; cmd: string }> | null;
    privileges: string[];
  }>(
    `select c.relname as table,
            exists (select 1 from pg_attribute a
                     where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped) as has_org_id,
            c.relrowsecurity as rls_enabled,
            c.relforcerowsecurity as rls_forced,
            pg_get_userbyid(c.relowner) as owner,
            (select json_agg(json_build_object('name', p.polname, 'cmd', p.polcmd::text) order by p.polname)
               from pg_policy p where p.polrelid = c.oid) as policies,
            array(select privilege from unnest(array['select', 'insert', 'update', 'delete',
                                                     'truncate', 'references', 'trigger']) as privilege
                   where has_table_privilege($1, c.oid, privilege)) as privileges
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      order by c.relname`,
    [appRole],
  );
  const commandOf: Record<string, CommandName[]> = {
    r: ["select"],
    a: ["insert"],
    w: ["update"],
    d: ["delete"],
    "*": [...COMMANDS],
  };
  return rows.map((row) => {
    const policies: Record<CommandName, string[]> = {
      select: [],
      insert: [],
      update: [],
      delete: [],
    };
    for (const policy of row.policies ?? []) {
      for (const command of commandOf[policy.cmd] ?? [])
        policies[command].push(policy.name);
    }
    const kind =
      row.table === TENANT_ROOT
        ? "tenant root"
        : row.has_org_id
          ? "tenant"
          : "global";
    return {
      table: row.table,
      kind,
      hasOrgId: row.has_org_id,
      rlsEnabled: row.rls_enabled,
      rlsForced: row.rls_forced,
      owner: row.owner,
      policies,
      appPrivileges: row.privileges,
    };
  });
}

async function readRoles(
  client: pg.ClientBase,
  roles: RoleNames,
): Promise<RoleAudit[]> {
  const audits: RoleAudit[] = [];
  for (const key of ["owner", "app", "maintenance"] as const) {
    const { rows } = await client.query<{
      rolsuper: boolean;
      rolbypassrls: boolean;
      owned: string;
    }>(
      `select r.rolsuper, r.rolbypassrls,
              (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relowner = r.oid and n.nspname not in ('pg_catalog', 'information_schema'))
            + (select count(*) from pg_proc p where p.proowner = r.oid)
            + (select count(*) from pg_type t where t.typowner = r.oid) as owned
         from pg_roles r where r.rolname = $1`,
      [roles[key]],
    );
    const row = rows[0];
    audits.push({
      role: key,
      name: roles[key],
      exists: Boolean(row),
      superuser: row?.rolsuper ?? false,
      bypassRls: row?.rolbypassrls ?? false,
      ownedObjects: Number(row?.owned ?? 0),
    });
  }
  return audits;
}

function tableGaps(table: TableAudit): string[] {
  const gaps: string[] = [];
  const name = table.table;
  if (table.kind === "global") {
    if (!(name in GLOBAL_TABLES)) {
      gaps.push(`${name} has no org_id column and is not a known global table`);
    }
  } else {
    if (!table.rlsEnabled)
      gaps.push(`${name} does not enable row-level security`);
    if (!table.rlsForced)
      gaps.push(`${name} does not force row-level security`);
    for (const command of COMMANDS) {
      if (table.policies[command].length === 0)
        gaps.push(`${name} has no ${command} policy`);
    }
  }
  for (const privilege of FORBIDDEN_PRIVILEGES) {
    if (table.appPrivileges.includes(privilege))
      gaps.push(`the app role holds ${privilege} on ${name}`);
  }
  return gaps;
}

function roleGaps(role: RoleAudit, roles: RoleNames): string[] {
  if (!role.exists)
    return [`the ${role.role} role ${role.name} does not exist`];
  const gaps: string[] = [];
  if (role.role !== "maintenance" && role.bypassRls)
    gaps.push(`the ${role.role} role ${role.name} has BYPASSRLS`);
  if (role.superuser)
    gaps.push(`the ${role.role} role ${role.name} is a superuser`);
  if (role.role === "app" && role.ownedObjects > 0) {
    gaps.push(`the app role ${roles.app} owns ${role.ownedObjects} objects`);
  }
  if (role.role === "maintenance" && !role.bypassRls) {
    gaps.push(`the maintenance role ${role.name} lacks BYPASSRLS`);
  }
  return gaps;
}

/** Formats the report as one line per table and role, then the gaps. */
export function formatAudit(report: AuditReport): string {
  const lines = [
    "table                       kind         rls     sel ins upd del  app privileges",
  ];
  for (const table of report.tables) {
    const rls =
      table.kind === "global"
        ? "off"
        : `${table.rlsEnabled ? "on" : "OFF"}${table.rlsForced ? "+f" : ""}`;
    const counts = COMMANDS.map((command) =>
      String(table.policies[command].length).padStart(3),
    ).join(" ");
    lines.push(
      `${table.table.padEnd(28)}${table.kind.padEnd(13)}${rls.padEnd(8)}${counts}  ${table.appPrivileges.join(",") || "-"}`,
    );
  }
  lines.push("");
  for (const role of report.roles) {
    lines.push(
      `role ${role.role.padEnd(12)}${role.name.padEnd(24)}superuser=${role.superuser} bypassrls=${role.bypassRls} owns=${role.ownedObjects}`,
    );
  }
  lines.push("");
  lines.push(
    report.gaps.length === 0
      ? `rls audit: no gap in ${report.tables.length} tables`
      : `rls audit: ${report.gaps.length} gaps\n${report.gaps.map((gap) => `  - ${gap}`).join("\n")}`,
  );
  return lines.join("\n");
}
