import path from "node:path";
import type pg from "pg";
import type { ConfiguredSettings } from "../config/settings.ts";
import { withConnection } from "../config/settings.ts";
import { ConflictError, InputError } from "../errors.ts";
import { withClient } from "../server/connect.ts";
import type { BackupManifest } from "./backup-manifest.ts";
import { readVerifiedManifest } from "./backup-manifest.ts";
import type { BackupProgress } from "./backup.ts";
import type { TableChecksum } from "./checksum.ts";
import { tableChecksums } from "./checksum.ts";
import {
  connectionArguments,
  findPgTool,
  runPgTool,
  serverMajor,
} from "./pg-tools.ts";
import { databaseExists, requireRootUrl, withRootClient } from "./scratch.ts";

/**
 * `aurora-db restore`: pg_restore of a backup whose manifest checks out,
 * into an empty database (or any, with `force`), in one transaction. It
 * runs as the root role, because the dump recreates objects owned by the
 * owner role and loads rows into tables with forced row-level security.
 * Afterwards every table's row count and checksum is compared with the manifest.
 */

export interface RestoreOptions {
  /** Database to restore into, created on the same server when missing; the configured one by default. */
  database?: string;
  /** Restore into a database that already has tables, dropping the objects the dump recreates. */
  force?: boolean;
  onProgress?: (progress: BackupProgress) => void;
  log?: (message: string) => void;
}

export interface TableMismatch {
  table: string;
  expected: { rows: number; checksum: string } | null;
  actual: { rows: number; checksum: string } | null;
}

export interface RestoreResult {
  database: string;
  created: boolean;
  tables: number;
  rows: number;
  mismatches: TableMismatch[];
}

const DATABASE_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,62}$/;

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

async function createEmptyDatabase(
  settings: ConfiguredSettings,
  name: string,
): Promise<void> {
  const rootUrl = requireRootUrl(settings, "restoring into a new database");
  await withClient(rootUrl, "ROOT_DATABASE_URL", async (root) => {
    const quoted = root.escapeIdentifier(name);
    await root.query(
      `create database ${quoted} owner ${root.escapeIdentifier(settings.roles.owner)} ` +
        "encoding 'UTF8' template template0",
    );
    await root.query(
      `grant connect on database ${quoted} to ` +
        `${root.escapeIdentifier(settings.roles.app)}, ${root.escapeIdentifier(settings.roles.maintenance)}`,
    );
  });
}

async function countPublicTables(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ count: string }>(
    `select count(*) as count from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`,
  );
  return Number(rows[0]!.count);
}

/** Returns those of `tables` (qualified names) that exist in the connected database. */
async function existingTables(
  client: pg.Client,
  tables: string[],
): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    "select name from unnest($1::text[]) as name where to_regclass(name) is not null",
    [tables],
  );
  return rows.map((row) => row.name);
}

/** Compares the manifest's tables with what the restored database contains. */
export function compareTables(
  expected: TableChecksum[],
  actual: TableChecksum[],
): TableMismatch[] {
  const found = new Map(actual.map((table) => [table.table, table]));
  const mismatches: TableMismatch[] = [];
  for (const table of expected) {
    const restored = found.get(table.table);
    if (
      !restored ||
      restored.rows !== table.rows ||
      restored.checksum !== table.checksum
    ) {
      mismatches.push({
        table: table.table,
        expected: { rows: table.rows, checksum: table.checksum },
        actual: restored
          ? { rows: restored.rows, checksum: restored.checksum }
          : null,
      });
    }
  }
  return mismatches;
}

/** Runs pg_restore in one transaction, reporting each table as its rows load. */
async function runPgRestore(
  settings: ConfiguredSettings,
  database: string,
  file: string,
  manifest: BackupManifest,
  options: RestoreOptions,
): Promise<void> {
  const major = await withRootClient(settings, database, serverMajor);
  const tool = findPgTool("pg_restore", Math.max(major, manifest.pgDumpMajor));
  const { dbname, env } = connectionArguments(
    withConnection(requireRootUrl(settings, "restore"), { database }),
  );
  const args = [
    "--exit-on-error",
    "--single-transaction",
    "--verbose",
    `--dbname=${dbname}`,
  ];
  if (options.force) args.push("--clean", "--if-exists");
  let index = 0;
  await runPgTool(tool, [...args, file], {
    env,
    onStderrLine: (line) => {
      const match = /processing data for table "(.+)"/.exec(line);
      if (!match) return;
      index += 1;
      options.onProgress?.({
        table: match[1]!,
        index,
        total: manifest.tables.length,
      });
    },
  });
}

/** Restores `file` into the configured database or `options.database`, then checks every table. */
export async function restoreDatabase(
  settings: ConfiguredSettings,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const source = path.resolve(file);
  const manifest = await readVerifiedManifest(source);
  const database = validateDatabaseName(options.database ?? settings.database);
  let created = false;
  if (!(await databaseExists(settings, database))) {
    await createEmptyDatabase(settings, database);
    created = true;
    options.log?.(`created database ${database}`);
  }
  const tables = await withRootClient(settings, database, countPublicTables);
  if (tables > 0 && !options.force) {
    throw new ConflictError(
      `Database ${database} already has ${tables} tables in schema public: restore only into an empty ` +
        "database (name a new one with --database), or pass --force to replace the objects the backup contains.",
    );
  }
  await runPgRestore(settings, database, source, manifest, options);
  const restored = await withRootClient(settings, database, async (client) =>
    tableChecksums(
      client,
      await existingTables(
        client,
        manifest.tables.map((table) => table.table),
      ),
    ),
  );
  return {
    database,
    created,
    tables: manifest.tables.length,
    rows: restored.reduce((sum, table) => sum + table.rows, 0),
    mismatches: compareTables(manifest.tables, restored),
  };
}
