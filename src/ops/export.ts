import fs from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import type { ConfiguredSettings } from "../config/settings.ts";
import { ConflictError, DatabaseError, NotFoundError } from "../errors.ts";
import { connectClient, withClient } from "../server/connect.ts";
import type { TenantCatalog, TenantTable } from "./tenant-catalog.ts";
import {
  TENANT_ROOT,
  columnsReferencing,
  parentsFirst,
  readTenantCatalog,
} from "./tenant-catalog.ts";
import {
  PRIVATE_FILE_MODE,
  PRIVATE_FOLDER_MODE,
  requireOutputPath,
} from "./paths.ts";
import type { ExportManifest, ExportedFile } from "./tenant-files.ts";
import { EXPORT_FORMAT, NdjsonWriter, USERS_FILE } from "./tenant-files.ts";

/**
 * `aurora-db export`: one organization's rows, read as the app role inside
 * that organization's context, so row-level security guarantees that no row
 * of another tenant leaves. Rows private to a user are read once per member,
 * as that member. Everything is read in one repeatable-read transaction, and
 * the maintenance role then counts the organization's rows in the same
 * snapshot to prove that nothing was missed.
 */

export interface OrganizationRef {
  id: string;
  slug: string;
}

export interface ExportResult {
  dir: string;
  organization: OrganizationRef;
  files: ExportedFile[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user columns exported; password_hash never leaves the database. */
const USER_COLUMNS = ["id", "email", "display_name", "created_at"];

/** Finds an organization by id or slug, as the maintenance role. */
export async function findOrganization(
  settings: ConfiguredSettings,
  reference: string,
): Promise<OrganizationRef> {
  const found = await withClient(
    settings.maintenanceUrl,
    "MAINTENANCE_DATABASE_URL",
    async (client) => {
      const { rows } = await client.query<OrganizationRef>(
        UUID.test(reference)
          ? "select id, slug from public.organizations where id = $1::uuid"
          : "select id, slug from public.organizations where slug = $1",
        [reference],
      );
      return rows[0];
    },
  );
  if (!found) {
    throw new NotFoundError(
      `No organization has the id or slug "${reference}" in database ${settings.database}.`,
    );
  }
  return found;
}

/** Returns the last committed migration the database recorded, read as the owner. */
export async function schemaVersion(
  client: pg.ClientBase,
): Promise<ExportManifest["schema"]> {
  const present = await client.query<{ present: boolean }>(
    "select to_regclass('graphile_migrate.migrations') is not null as present",
  );
  const { rows } = present.rows[0]?.present
    ? await client.query<{ migration: string; hash: string }>(
        `select filename as migration, hash from graphile_migrate.migrations
          order by filename desc limit 1`,
      )
    : { rows: [] };
  if (!rows[0]) {
    throw new DatabaseError(
      "The database records no committed migration, so its schema version is unknown: run aurora-db migrate.",
      {},
    );
  }
  return rows[0];
}

/** Builds the select that yields one JSON line per row of `table`, optionally of one user's rows. */
function tableQuery(table: TenantTable, byUser: boolean): string {
  const order = table.primaryKey.map((column) => `t.${quote(column)}`);
  return (
    `select row_to_json(t)::text as line from public.${quote(table.name)} as t` +
    (byUser ? " where t.user_id = $1" : "") +
    (order.length ? ` order by ${order.join(", ")}` : "")
  );
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

async function setUser(client: pg.ClientBase, userId: string): Promise<void> {
  await client.query("select set_config('aurora.user_id', $1, true)", [userId]);
}

/** Writes one table's file: all its rows, or each member's rows as that member. */
async function exportTable(
  client: pg.ClientBase,
  table: TenantTable,
  dir: string,
  members: string[],
): Promise<ExportedFile> {
  const file = `${table.name}.ndjson`;
  const writer = new NdjsonWriter(path.join(dir, file));
  if (table.userPrivate) {
    for (const member of members) {
      await setUser(client, member);
      await writer.writeQuery(client, tableQuery(table, true), [member]);
    }
    await setUser(client, "");
  } else {
    await writer.writeQuery(client, tableQuery(table, false));
  }
  return {
    table: table.name,
    file,
    columns: table.columns.map((column) => column.name),
    rows: writer.rows,
    sha256: await writer.close(),
  };
}

/** Ids of the members and of every user that an exported row points at (creators, attachers). */
async function referencedUsers(
  client: pg.ClientBase,
  catalog: TenantCatalog,
  members: string[],
): Promise<string[]> {
  const ids = new Set(members);
  const userColumns = columnsReferencing(catalog.foreignKeys, "users", "id");
  for (const table of catalog.tables) {
    if (table.userPrivate) continue;
    for (const column of userColumns.get(table.name) ?? []) {
      const { rows } = await client.query<{ id: string }>(
        `select distinct ${quote(column)}::text as id from public.${quote(table.name)} where ${quote(column)} is not null`,
      );
      for (const row of rows) ids.add(row.id);
    }
  }
  return [...ids].sort();
}

async function exportUsers(
  client: pg.ClientBase,
  dir: string,
  userIds: string[],
): Promise<ExportedFile> {
  const writer = new NdjsonWriter(path.join(dir, USERS_FILE));
  await writer.writeQuery(
    client,
    `select row_to_json(u)::text as line
       from (select ${USER_COLUMNS.join(", ")} from public.users
              where id = any($1::uuid[]) order by id) as u`,
    [userIds],
  );
  return {
    table: "users",
    file: USERS_FILE,
    columns: USER_COLUMNS,
    rows: writer.rows,
    sha256: await writer.close(),
  };
}

/** Reads every file of the export in one transaction of the app role, in the organization's context. */
async function writeTenantFiles(
  client: pg.ClientBase,
  settings: ConfiguredSettings,
  organization: OrganizationRef,
  dir: string,
): Promise<{ files: ExportedFile[]; snapshot: string }> {
  await client.query("begin isolation level repeatable read read only");
  await client.query("set local timezone = 'UTC'");
  await client.query(
    "select set_config('aurora.org_id', $1, true), set_config('aurora.user_id', '', true)",
    [organization.id],
  );
  const snapshot = (
    await client.query<{ id: string }>("select pg_export_snapshot() as id")
  ).rows[0]!.id;
  const catalog = await readTenantCatalog(client, settings.roles.app);
  const members = (
    await client.query<{ user_id: string }>(
      "select user_id from public.org_members order by user_id",
    )
  ).rows.map((row) => row.user_id);
  const tables = new Map(catalog.tables.map((table) => [table.name, table]));
  const files: ExportedFile[] = [];
  for (const name of parentsFirst(catalog)) {
    files.push(await exportTable(client, tables.get(name)!, dir, members));
  }
  const userIds = await referencedUsers(client, catalog, members);
  files.push(await exportUsers(client, dir, userIds));
  return { files, snapshot };
}

/**
 * Counts the organization's rows per table as the maintenance role (which
 * bypasses row-level security) in the export's snapshot, and throws when a
 * file contains fewer, because a policy hid rows that the export did not know how to read.
 */
async function checkComplete(
  settings: ConfiguredSettings,
  organization: OrganizationRef,
  snapshot: string,
  files: ExportedFile[],
): Promise<void> {
  await withClient(
    settings.maintenanceUrl,
    "MAINTENANCE_DATABASE_URL",
    async (client) => {
      await client.query("begin isolation level repeatable read read only");
      await client.query(
        `set transaction snapshot ${client.escapeLiteral(snapshot)}`,
      );
      for (const file of files) {
        if (file.table === "users") continue;
        const key = file.table === TENANT_ROOT ? "id" : "org_id";
        const { rows } = await client.query<{ count: string }>(
          `select count(*) as count from public.${quote(file.table)} where ${key} = $1`,
          [organization.id],
        );
        const expected = Number(rows[0]!.count);
        if (expected !== file.rows) {
          throw new DatabaseError(
            `The export read ${file.rows} rows of ${file.table} as the app role, but organization ` +
              `${organization.slug} has ${expected}: a row-level security policy hides rows the export cannot read.`,
            { table: file.table },
          );
        }
      }
      await client.query("commit");
    },
  );
}

/** Throws when `dir` cannot be created, or exists and is not an empty folder. */
async function requireEmptyTarget(dir: string): Promise<void> {
  await requireOutputPath(dir, "folder", "the export folder");
  const entries = await fs
    .readdir(dir)
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
  if (entries.length > 0) {
    throw new ConflictError(
      `${dir} already exists and is not empty: export into a new folder, or delete it first.`,
    );
  }
}

/**
 * Exports one organization into `dir`. Files are written to `<dir>.partial`
 * and the folder is renamed when the export is complete.
 */
export async function exportOrganization(
  settings: ConfiguredSettings,
  reference: string,
  dir: string,
): Promise<ExportResult> {
  const target = path.resolve(dir);
  await requireEmptyTarget(target);
  const organization = await findOrganization(settings, reference);
  const schema = await withClient(
    settings.ownerUrl,
    "DATABASE_URL",
    schemaVersion,
  );
  const partial = `${target}.partial`;
  await fs.rm(partial, { recursive: true, force: true });
  // Not recursive: requireEmptyTarget checked that the parent folder exists.
  await fs.mkdir(partial, { mode: PRIVATE_FOLDER_MODE });
  try {
    const app = await connectClient(settings.appUrl, "APP_DATABASE_URL");
    let written: { files: ExportedFile[]; snapshot: string };
    try {
      written = await writeTenantFiles(app, settings, organization, partial);
      await checkComplete(
        settings,
        organization,
        written.snapshot,
        written.files,
      );
      await app.query("commit");
    } finally {
      await app.end().catch(() => {});
    }
    const manifest: ExportManifest = {
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: new Date().toISOString(),
      organization,
      schema,
      files: written.files,
    };
    await fs.writeFile(
      path.join(partial, "manifest.json"),
      `${JSON.stringify(manifest, null, 2)}\n`,
      { mode: PRIVATE_FILE_MODE, flag: "wx" },
    );
    // Only an empty folder can be in the way here, and rmdir removes nothing else.
    await fs.rmdir(target).catch(() => {});
    await fs.rename(partial, target);
    return { dir: target, organization, files: written.files };
  } catch (error) {
    await fs.rm(partial, { recursive: true, force: true });
    throw error;
  }
}
