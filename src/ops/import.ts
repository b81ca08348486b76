import { randomUUID } from "node:crypto";
import path from "node:path";
import type pg from "pg";
import type { ConfiguredSettings } from "../config/settings.ts";
import { ConflictError, DatabaseError, InputError } from "../errors.ts";
import { schemaVersion } from "./export.ts";
import type { OrganizationRef } from "./export.ts";
import { migrate } from "../migrations/index.ts";
import { createOwnedDatabase, withRootClient } from "./scratch.ts";
import {
  requireUserDatabase,
  validateDatabaseName,
  withTargetDatabase,
} from "./target-database.ts";
import type { TenantCatalog, TenantTable } from "./tenant-catalog.ts";
import {
  TENANT_ROOT,
  columnsReferencing,
  isSelfReferencing,
  parentsFirst,
  readTenantCatalog,
} from "./tenant-catalog.ts";
import type { ExportManifest, ExportedFile } from "./tenant-files.ts";
import {
  USERS_FILE,
  readExportManifest,
  readNdjsonBatches,
  verifyExportFiles,
} from "./tenant-files.ts";

/**
 * `aurora-db import`: loads an export into a database, parents first, in
 * one transaction. The session connects as the root role only to switch
 * roles inside the transaction. Users are written as the owner role,
 * because users has no row-level security and the app role may not insert
 * into it. Every tenant row is written as the app role inside the target
 * organization's context, so row-level security checks each row on the way in.
 *
 * Ids are kept. Every primary and unique key of a tenant table starts with
 * org_id, so the rows of an organization imported under a new id (`intoOrg`)
 * cannot collide with existing rows. Identity sequences are then moved past
 * the imported ids. A user whose email exists in the target is matched to
 * that user, and their id is rewritten in every row that refers to it.
 */

export interface ImportOptions {
  /**
   * Database on the same server to import into; the configured one by
   * default. A missing one is created and migrated to the committed
   * migrations of this repository, and dropped again when the import fails.
   */
  database?: string;
  /** Import under this organization instead: a new uuid (keeping the slug) or a new slug (with a new id). */
  intoOrg?: string;
  log?: (message: string) => void;
}

export interface ImportResult {
  database: string;
  /** Whether the import created the database. */
  created: boolean;
  organization: OrganizationRef;
  users: { created: number; matched: number };
  tables: Array<{ table: string; rows: number }>;
}

/** Rows per insert statement. */
const INSERT_BATCH = 500;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

interface ImportContext {
  client: pg.ClientBase;
  settings: ConfiguredSettings;
  dir: string;
  catalog: TenantCatalog;
  organization: OrganizationRef;
  /** Exported user id to the id in the target, where they differ. */
  userIds: Map<string, string>;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Returns the organization to import into: the exported one, or the one `intoOrg` names. */
export function targetOrganization(
  exported: OrganizationRef,
  intoOrg: string | undefined,
): OrganizationRef {
  if (intoOrg === undefined) return exported;
  if (UUID.test(intoOrg))
    return { id: intoOrg.toLowerCase(), slug: exported.slug };
  if (SLUG.test(intoOrg)) return { id: randomUUID(), slug: intoOrg };
  throw new InputError(
    `--into-org is "${intoOrg}", which is neither a uuid nor a slug ` +
      "(lowercase letters, digits and inner hyphens, 1 to 63 characters).",
  );
}

async function requireSameSchema(
  client: pg.ClientBase,
  manifest: ExportManifest,
  database: string,
): Promise<void> {
  const current = await schemaVersion(client);
  if (
    current.migration !== manifest.schema.migration ||
    current.hash !== manifest.schema.hash
  ) {
    throw new InputError(
      `The export was taken at schema ${manifest.schema.migration} (${manifest.schema.hash}), but database ` +
        `${database} is at ${current.migration} (${current.hash}): migrate both to the same version first.`,
    );
  }
}

async function requireNewOrganization(
  client: pg.ClientBase,
  organization: OrganizationRef,
  database: string,
): Promise<void> {
  const { rows } = await client.query<OrganizationRef>(
    "select id, slug from public.organizations where id = $1 or slug = $2",
    [organization.id, organization.slug],
  );
  if (rows[0]) {
    throw new ConflictError(
      `Database ${database} already has organization ${rows[0].slug} (${rows[0].id}): ` +
        "import into another database, or under a new organization with --into-org <new-slug>.",
    );
  }
}

/** Throws when the export has a table or column that the target lacks. */
function requireKnownTables(
  catalog: TenantCatalog,
  manifest: ExportManifest,
): void {
  const tables = new Map(catalog.tables.map((table) => [table.name, table]));
  for (const file of manifest.files) {
    if (file.table === "users") continue;
    const table = tables.get(file.table);
    if (!table) {
      throw new InputError(
        `The export has a file for table ${file.table}, which the target database does not have.`,
      );
    }
    const missing = file.columns.find(
      (column) => !table.columns.some((known) => known.name === column),
    );
    if (missing) {
      throw new InputError(
        `The export has column ${file.table}.${missing}, which the target database does not have.`,
      );
    }
  }
}

/** Matches exported users to existing ones by email and creates the rest without a password. */
async function importUsers(
  context: ImportContext,
  file: ExportedFile | undefined,
): Promise<ImportResult["users"]> {
  const counts = { created: 0, matched: 0 };
  if (!file) return counts;
  const { client } = context;
  for await (const batch of readNdjsonBatches(
    path.join(context.dir, file.file),
    INSERT_BATCH,
  )) {
    for (const line of batch) {
      const user = JSON.parse(line) as {
        id: string;
        email: string;
        display_name: string | null;
        created_at: string;
      };
      const existing = await client.query<{ id: string }>(
        "select id from public.users where lower(email) = lower($1)",
        [user.email],
      );
      let id = existing.rows[0]?.id;
      if (id) {
        counts.matched += 1;
      } else {
        const inserted = await client.query<{ id: string }>(
          `insert into public.users (id, email, display_name, created_at)
           values (case when exists (select 1 from public.users where id = $1::uuid)
                        then gen_random_uuid() else $1::uuid end, $2, $3, $4)
           returning id`,
          [user.id, user.email, user.display_name, user.created_at],
        );
        id = inserted.rows[0]!.id;
        counts.created += 1;
      }
      if (id !== user.id) context.userIds.set(user.id, id);
    }
  }
  return counts;
}

/**
 * Builds the insert for one table. Rows arrive as a JSON array ($1). Org
 * columns are set to the target organization ($2), user columns are mapped
 * through the JSON object $3 (exported id to target id), and the
 * organization's slug is set to $4.
 */
function insertStatement(
  context: ImportContext,
  table: TenantTable,
  file: ExportedFile,
): string {
  const orgColumns =
    columnsReferencing(context.catalog.foreignKeys, TENANT_ROOT, "id").get(
      table.name,
    ) ?? new Set();
  const userColumns =
    columnsReferencing(context.catalog.foreignKeys, "users", "id").get(
      table.name,
    ) ?? new Set();
  const pairs: string[] = [];
  for (const column of orgColumns) {
    const key = literal(column);
    pairs.push(
      `${key}, case when r -> ${key} = 'null' then r -> ${key} else to_jsonb(p.org_id) end`,
    );
  }
  for (const column of userColumns) {
    const key = literal(column);
    pairs.push(`${key}, coalesce(p.user_ids -> (r ->> ${key}), r -> ${key})`);
  }
  if (table.name === TENANT_ROOT) pairs.push(`'slug', to_jsonb(p.slug)`);
  const columns = table.columns.filter(
    (column) => !column.generated && file.columns.includes(column.name),
  );
  const list = columns.map((column) => quote(column.name)).join(", ");
  const overriding = columns.some((column) => column.identityAlways)
    ? " overriding system value"
    : "";
  const rows = pairs.length
    ? `r || jsonb_build_object(${pairs.join(", ")})`
    : "r";
  return `insert into public.${quote(table.name)} (${list})${overriding}
    select ${list} from jsonb_populate_recordset(null::public.${quote(table.name)},
      (select coalesce(jsonb_agg(${rows}), '[]'::jsonb)
         from jsonb_array_elements($1::jsonb) as e (r),
              (select $2::text as org_id, $3::jsonb as user_ids, $4::text as slug) as p))`;
}

/** Groups lines by the (mapped) user_id of their row, for tables private to a user. */
function groupByUser(
  lines: string[],
  userIds: Map<string, string>,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const line of lines) {
    const exported = (JSON.parse(line) as { user_id: string }).user_id;
    const user = userIds.get(exported) ?? exported;
    groups.set(user, [...(groups.get(user) ?? []), line]);
  }
  return groups;
}

/** Runs one insert; a PostgreSQL error becomes a DatabaseError naming the file. */
async function insertLines(
  context: ImportContext,
  sql: string,
  lines: string[],
  file: ExportedFile,
): Promise<number> {
  try {
    const result = await context.client.query(sql, [
      `[${lines.join(",")}]`,
      context.organization.id,
      JSON.stringify(Object.fromEntries(context.userIds)),
      context.organization.slug,
    ]);
    return result.rowCount ?? 0;
  } catch (error) {
    const cause = error as pg.DatabaseError;
    throw new DatabaseError(
      `Loading ${file.file} into ${file.table} failed, so nothing was imported: ${cause.message}.`,
      {
        sqlState: cause.code,
        constraint: cause.constraint,
        detail: cause.detail,
        table: file.table,
        column: cause.column,
      },
      { cause },
    );
  }
}

/**
 * Loads one table's file as the app role. A table with a foreign key to
 * itself (incidents merged into incidents) is loaded in one statement,
 * because PostgreSQL checks such keys at the end of each statement.
 */
async function importTable(
  context: ImportContext,
  table: TenantTable,
  file: ExportedFile,
): Promise<number> {
  const sql = insertStatement(context, table, file);
  // NOTE: a self-referencing table is held in memory whole; only incidents is one today.
  const size = isSelfReferencing(context.catalog.foreignKeys, table.name)
    ? Number.MAX_SAFE_INTEGER
    : INSERT_BATCH;
  let inserted = 0;
  for await (const batch of readNdjsonBatches(
    path.join(context.dir, file.file),
    size,
  )) {
    if (!table.userPrivate) {
      inserted += await insertLines(context, sql, batch, file);
      continue;
    }
    for (const [user, lines] of groupByUser(batch, context.userIds)) {
      await context.client.query(
        "select set_config('aurora.user_id', $1, true)",
        [user],
      );
      inserted += await insertLines(context, sql, lines, file);
    }
    await context.client.query("select set_config('aurora.user_id', '', true)");
  }
  return inserted;
}

/** Returns the largest imported value of each identity column, read as the app role. */
async function importedIdentityMaxima(
  context: ImportContext,
  table: TenantTable,
): Promise<Array<{ column: string; max: string }>> {
  const maxima: Array<{ column: string; max: string }> = [];
  for (const column of table.columns.filter((each) => each.identityAlways)) {
    const { rows } = await context.client.query<{ max: string | null }>(
      `select max(${quote(column.name)})::text as max from public.${quote(table.name)}`,
    );
    if (rows[0]?.max) maxima.push({ column: column.name, max: rows[0].max });
  }
  return maxima;
}

/** Moves an identity sequence past `max` unless it is past it already; runs as the owner role. */
async function advanceSequence(
  client: pg.ClientBase,
  table: string,
  column: string,
  max: string,
): Promise<void> {
  await client.query(
    `with s as (select pg_get_serial_sequence($1, $2)::regclass as seq)
     select setval(s.seq, $3::bigint) from s
      where coalesce((select q.last_value from pg_sequences q
                       where format('%I.%I', q.schemaname, q.sequencename)::regclass = s.seq), 0)
            < $3::bigint`,
    [`public.${quote(table)}`, column, max],
  );
}

async function setRole(client: pg.ClientBase, role: string): Promise<void> {
  await client.query(`set local role ${quote(role)}`);
}

/** Loads the tenant tables as the app role and returns the rows per table and the identity maxima. */
async function importTenantTables(
  context: ImportContext,
  manifest: ExportManifest,
): Promise<{
  tables: ImportResult["tables"];
  maxima: Array<{ table: string; column: string; max: string }>;
}> {
  const { client, settings, organization } = context;
  await setRole(client, settings.roles.app);
  await client.query(
    "select set_config('aurora.org_id', $1, true), set_config('aurora.user_id', '', true)",
    [organization.id],
  );
  const files = new Map(manifest.files.map((file) => [file.table, file]));
  const tables = new Map(
    context.catalog.tables.map((table) => [table.name, table]),
  );
  const result: ImportResult["tables"] = [];
  const maxima: Array<{ table: string; column: string; max: string }> = [];
  for (const name of parentsFirst(context.catalog)) {
    const file = files.get(name);
    if (!file) continue;
    const table = tables.get(name)!;
    result.push({ table: name, rows: await importTable(context, table, file) });
    for (const found of await importedIdentityMaxima(context, table))
      maxima.push({ table: name, ...found });
  }
  return { tables: result, maxima };
}

/** Imports the export in `dir` into the configured database or `options.database`, in one transaction. */
export async function importOrganization(
  settings: ConfiguredSettings,
  dir: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const source = path.resolve(dir);
  const manifest = await readExportManifest(source);
  await verifyExportFiles(source, manifest);
  const database = validateDatabaseName(options.database ?? settings.database);
  const organization = targetOrganization(
    manifest.organization,
    options.intoOrg,
  );
  await requireUserDatabase(settings, database, "import");
  const create = () =>
    createOwnedDatabase(settings, database, { extensions: true });
  return withTargetDatabase(settings, database, create, async (created) => {
    if (created) {
      const { total } = await migrate(settings, { database });
      options.log?.(
        `created database ${database} and applied ${total} committed migrations`,
      );
    }
    const loaded = await loadOrganization(
      settings,
      database,
      source,
      manifest,
      organization,
    );
    return { ...loaded, created };
  });
}

/** Loads the verified export in `source` into `database` in one transaction. */
function loadOrganization(
  settings: ConfiguredSettings,
  database: string,
  source: string,
  manifest: ExportManifest,
  organization: OrganizationRef,
): Promise<Omit<ImportResult, "created">> {
  return withRootClient(settings, database, async (client) => {
    await client.query("begin");
    try {
      await requireSameSchema(client, manifest, database);
      await requireNewOrganization(client, organization, database);
      const catalog = await readTenantCatalog(client, settings.roles.app);
      requireKnownTables(catalog, manifest);
      const context: ImportContext = {
        client,
        settings,
        dir: source,
        catalog,
        organization,
        userIds: new Map(),
      };
      await setRole(client, settings.roles.owner);
      const users = await importUsers(
        context,
        manifest.files.find((file) => file.file === USERS_FILE),
      );
      const { tables, maxima } = await importTenantTables(context, manifest);
      await setRole(client, settings.roles.owner);
      for (const { table, column, max } of maxima)
        await advanceSequence(client, table, column, max);
      await client.query("commit");
      return { database, organization, users, tables };
    } catch (error) {
      await client.query("rollback").catch(() => {});
      throw error;
    }
  });
}
