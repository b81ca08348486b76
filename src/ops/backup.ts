import fs from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import type { ConfiguredSettings } from "../config/settings.ts";
import { ConfigurationError, ConflictError } from "../errors.ts";
import { connectClient } from "../server/connect.ts";
import type { BackupManifest } from "./backup-manifest.ts";
import {
  BACKUP_FORMAT,
  manifestPath,
  sha256File,
  writeFileAtomically,
} from "./backup-manifest.ts";
import { tableChecksums, userTables } from "./checksum.ts";
import { PRIVATE_FILE_MODE, requireOutputPath } from "./paths.ts";
import type { PgTool } from "./pg-tools.ts";
import {
  connectionArguments,
  findPgTool,
  runPgTool,
  serverMajor,
} from "./pg-tools.ts";

/**
 * `aurora-db backup`: pg_dump in custom format, plus a sidecar manifest
 * with per-table row counts and checksums. The dump and the counts read the
 * same snapshot: a repeatable-read transaction exports it, pg_dump imports it
 * with --snapshot, and the counts run inside that transaction.
 */

export interface BackupProgress {
  table: string;
  /** 1-based number of this table among `total`. */
  index: number;
  total: number;
}

export interface BackupOptions {
  /** Called when pg_dump starts dumping a table's rows. */
  onProgress?: (progress: BackupProgress) => void;
  /** Diagnostics, such as which role the dump runs as. */
  log?: (message: string) => void;
  /** Stops pg_dump; the partial file is removed. */
  signal?: AbortSignal;
}

export interface BackupResult {
  file: string;
  manifest: string;
  role: string;
  bytes: number;
  tables: number;
  rows: number;
}

interface Reader {
  url: string;
  role: string;
  /** Name of the setting the URL came from, for messages. */
  setting: string;
}

/** Returns the first object pg_dump would need to read but the connected role cannot, or undefined. */
async function firstUnreadableObject(
  client: pg.Client,
): Promise<string | undefined> {
  const { rows } = await client.query<{ object: string }>(
    `select object from (
       select format('schema %I', n.nspname) as object, 1 as rank
         from pg_namespace n
        where not has_schema_privilege(n.oid, 'usage')
          and n.nspname not in ('pg_catalog', 'information_schema')
          and n.nspname not like 'pg\\_%'
       union all
       select format('%s %I.%I', case c.relkind when 'S' then 'sequence' else 'table' end,
                     n.nspname, c.relname), 2
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p', 'S', 'm')
          and n.nspname not in ('pg_catalog', 'information_schema')
          and n.nspname not like 'pg\\_%'
          and not has_table_privilege(c.oid, 'select')
       union all
       select 'row-level security (the role lacks BYPASSRLS)', 3
         from pg_roles where rolname = current_user and not rolbypassrls and not rolsuper
     ) as unreadable
     order by rank, object
     limit 1`,
  );
  return rows[0]?.object;
}

/**
 * Picks the maintenance role when it can read everything pg_dump reads,
 * else the root role, and logs which one it picked and why.
 */
async function chooseReader(
  settings: ConfiguredSettings,
  log: (message: string) => void,
): Promise<Reader> {
  const maintenance = settings.maintenanceUrl;
  const client = await connectClient(maintenance, "MAINTENANCE_DATABASE_URL");
  let unreadable: string | undefined;
  try {
    unreadable = await firstUnreadableObject(client);
  } finally {
    await client.end().catch(() => {});
  }
  if (!unreadable) {
    log(`backing up as the maintenance role ${settings.roles.maintenance}`);
    return {
      url: maintenance,
      role: settings.roles.maintenance,
      setting: "MAINTENANCE_DATABASE_URL",
    };
  }
  if (!settings.rootUrl) {
    throw new ConfigurationError(
      `The maintenance role ${settings.roles.maintenance} cannot read ${unreadable}, so pg_dump would fail, ` +
        "and no ROOT_DATABASE_URL is set to fall back on: grant it access or set ROOT_DATABASE_URL.",
      "ROOT_DATABASE_URL",
    );
  }
  const rootUrl = new URL(settings.rootUrl);
  rootUrl.pathname = `/${encodeURIComponent(settings.database)}`;
  const role = decodeURIComponent(rootUrl.username);
  log(
    `backing up as the root role ${role}, because the maintenance role ${settings.roles.maintenance} cannot read ${unreadable}`,
  );
  return { url: rootUrl.toString(), role, setting: "ROOT_DATABASE_URL" };
}

/** Throws a ConflictError when the backup or its manifest already exists. */
async function requireNewFile(file: string): Promise<void> {
  for (const existing of [file, manifestPath(file)]) {
    if (await fs.stat(existing).catch(() => undefined)) {
      throw new ConflictError(
        `${existing} already exists: choose another file name, or move the old backup away first.`,
      );
    }
  }
}

async function readLastMigration(
  client: pg.Client,
): Promise<BackupManifest["lastMigration"]> {
  const present = await client.query<{ present: boolean }>(
    "select to_regclass('graphile_migrate.migrations') is not null as present",
  );
  if (!present.rows[0]?.present) return null;
  const { rows } = await client.query<{ file: string; hash: string }>(
    `select filename as file, hash from graphile_migrate.migrations
      order by filename desc limit 1`,
  );
  return rows[0] ?? null;
}

/** Runs pg_dump with the exported snapshot, reporting each table as it starts. */
function runPgDump(
  tool: PgTool,
  reader: Reader,
  snapshot: string,
  partial: string,
  tables: string[],
  options: BackupOptions,
): Promise<string> {
  const { dbname, env } = connectionArguments(reader.url);
  let index = 0;
  return runPgTool(
    tool,
    [
      "--format=custom",
      "--verbose",
      `--snapshot=${snapshot}`,
      `--file=${partial}`,
      `--dbname=${dbname}`,
    ],
    {
      env,
      signal: options.signal,
      onStderrLine: (line) => {
        const match = /dumping contents of table "(.+)"/.exec(line);
        if (!match) return;
        index += 1;
        options.onProgress?.({
          table: match[1]!,
          index,
          total: tables.length,
        });
      },
    },
  );
}

/**
 * Dumps the snapshot of the open repeatable-read transaction on `client` to
 * `partial` while counting and checksumming every table in that same
 * snapshot, and returns the manifest.
 */
async function dumpWithManifest(
  client: pg.Client,
  settings: ConfiguredSettings,
  reader: Reader,
  target: string,
  options: BackupOptions,
): Promise<BackupManifest> {
  const partial = `${target}.partial`;
  const snapshot = (
    await client.query<{ id: string }>("select pg_export_snapshot() as id")
  ).rows[0]!.id;
  const major = await serverMajor(client);
  const tool = findPgTool("pg_dump", major);
  const tables = await userTables(client);
  // pg_dump opens an existing file without changing its mode, so creating it
  // first keeps the dump, which contains password hashes, owner-only.
  await fs.rm(partial, { force: true });
  await (await fs.open(partial, "wx", PRIVATE_FILE_MODE)).close();
  const dumping = runPgDump(tool, reader, snapshot, partial, tables, options);
  const [checksums] = await Promise.all([
    tableChecksums(client, tables),
    dumping,
  ]);
  return {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    database: settings.database,
    role: reader.role,
    server: await serverVersion(client, major),
    pgDump: tool.version,
    pgDumpMajor: tool.major,
    dump: {
      file: path.basename(target),
      bytes: (await fs.stat(partial)).size,
      sha256: await sha256File(partial),
    },
    lastMigration: await readLastMigration(client),
    tables: checksums,
  };
}

/**
 * Dumps the configured database to `file` and writes `<file>.manifest.json`
 * beside it. The dump is renamed into place only when pg_dump succeeded, and
 * the manifest is written after it; on any failure the partial file is removed.
 */
export async function backupDatabase(
  settings: ConfiguredSettings,
  file: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const target = path.resolve(file);
  await requireOutputPath(target, "file", "the backup");
  await requireNewFile(target);
  const reader = await chooseReader(settings, options.log ?? (() => {}));
  const client = await connectClient(reader.url, reader.setting);
  try {
    await client.query("begin isolation level repeatable read read only");
    const manifest = await dumpWithManifest(
      client,
      settings,
      reader,
      target,
      options,
    );
    await client.query("commit");
    await fs.rename(`${target}.partial`, target);
    await writeFileAtomically(
      manifestPath(target),
      `${JSON.stringify(manifest, null, 2)}\n`,
    );
    return {
      file: target,
      manifest: manifestPath(target),
      role: reader.role,
      bytes: manifest.dump.bytes,
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
    };
  } catch (error) {
    await fs.rm(`${target}.partial`, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

async function serverVersion(
  client: pg.Client,
  major: number,
): Promise<BackupManifest["server"]> {
  const { rows } = await client.query<{ server_version: string }>(
    "show server_version",
  );
  return { version: rows[0]!.server_version, major };
}
