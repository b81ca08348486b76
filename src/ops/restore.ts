import path from "node:path";
import type pg from "pg";
import type { ConfiguredSettings } from "../config/settings.ts";
import { withConnection } from "../config/settings.ts";
import { ConflictError } from "../errors.ts";
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
import {
  createOwnedDatabase,
  requireRootUrl,
  withRootClient,
} from "./scratch.ts";
import {
  databaseContents,
  requireUserDatabase,
  validateDatabaseName,
  withTargetDatabase,
} from "./target-database.ts";

/**
 * `aurora-db restore`: pg_restore of a backup whose manifest checks out,
 * into an empty database (or any, with `force`, except system and template
 * databases), in one transaction. A database that restore created is
 * dropped again when the restore fails. It
 * runs as the root role, because the dump recreates objects owned by the
 * owner role and loads rows into tables with forced row-level security.
 * Afterwards every table's row count and checksum is compared with the manifest.
 */

export interface RestoreOptions {
  /** Database to restore into, created on the same server when missing; the configured one by default. */
  database?: string;
  /** Restore into a database that is not empty, dropping the objects the dump recreates. */
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

/** Throws a ConflictError when `database` contains objects and `force` is not set. */
async function requireEmptyDatabase(
  settings: ConfiguredSettings,
  database: string,
  force: boolean | undefined,
): Promise<void> {
  if (force) return;
  const contents = await withRootClient(settings, database, databaseContents);
  if (contents.count === 0) return;
  throw new ConflictError(
    `Database ${database} is not empty (it contains ${contents.count} objects, such as ${contents.example}): ` +
      "restore only into an empty database (name a new one with --database), " +
      "or pass --force to replace the objects the backup contains.",
  );
}

/** Restores `file` into the configured database or `options.database`, then checks every table. */
export async function restoreDatabase(
  settings: ConfiguredSettings,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const source = path.resolve(file);
  const database = validateDatabaseName(options.database ?? settings.database);
  await requireUserDatabase(settings, database, "restore");
  const manifest = await readVerifiedManifest(source);
  const create = async () => {
    await createOwnedDatabase(settings, database, { extensions: false });
    options.log?.(`created database ${database}`);
  };
  return withTargetDatabase(settings, database, create, async (created) => {
    if (!created) await requireEmptyDatabase(settings, database, options.force);
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
  });
}
