import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { migrate as gmMigrate, watch as gmWatch } from "graphile-migrate";
import type { Settings as GmSettings } from "graphile-migrate";
import type { ConfiguredSettings, RoleNames } from "../config/settings.ts";
import { withConnection } from "../config/settings.ts";
import { gmSettings } from "../migrations/index.ts";
import { withClient } from "../server/connect.ts";

/**
 * The migration files of a project folder, read the way graphile-migrate
 * reads them, and graphile-migrate driven against any folder and database.
 * `aurora-db verify` and `aurora-db lint` use these so that tests can point
 * them at a copy of the migrations.
 */

/** graphile-migrate's file name rule for committed and working migrations. */
const MIGRATION_FILE = /^([0-9]+)(-[-_a-zA-Z0-9]*)?\.sql$/;

export interface CommittedMigration {
  /** File name, such as `000003-monitoring.sql`. */
  file: string;
  fullPath: string;
  /** The `--! Hash:` header. */
  hash: string;
  /** The `--! Previous:` header; `-` for the first migration. */
  previous: string;
  /** The text after the headers, as graphile-migrate hashes and runs it. */
  body: string;
}

export interface WorkingMigration {
  /** `folder` for migrations/current/, `file` for migrations/current.sql. */
  kind: "folder" | "file" | "none";
  /** SQL files in the order graphile-migrate applies them. */
  files: string[];
}

/** Splits a migration into its `--! Key: value` headers and its body. */
export function parseMigration(text: string): {
  headers: Record<string, string>;
  body: string;
} {
  const lines = text.split("\n");
  const headers: Record<string, string> = {};
  let count = 0;
  for (const line of lines) {
    const match = /^--! ([A-Z][a-zA-Z0-9_]*)(?::(.*))?$/.exec(line);
    if (!match) break;
    headers[match[1]!] = (match[2] ?? "").trim();
    count += 1;
  }
  return { headers, body: `${lines.slice(count).join("\n").trim()}\n` };
}

/** Computes the hash graphile-migrate records for a committed migration: sha1 over the previous hash and the body. */
export function migrationHash(body: string, previous: string | null): string {
  const text = `${`${previous ?? ""}\n${body.trim()}`.trim()}\n`;
  return `sha1:${createHash("sha1").update(text).digest("hex")}`;
}

/** Reads migrations/committed/ of `migrationsFolder`, oldest first. */
export async function readCommittedMigrations(
  migrationsFolder: string,
): Promise<CommittedMigration[]> {
  const folder = path.join(migrationsFolder, "committed");
  const names = (await fs.readdir(folder).catch(() => [] as string[]))
    .filter((name) => MIGRATION_FILE.test(name))
    .sort();
  const migrations: CommittedMigration[] = [];
  for (const file of names) {
    const fullPath = path.join(folder, file);
    const { headers, body } = parseMigration(
      await fs.readFile(fullPath, "utf8"),
    );
    migrations.push({
      file,
      fullPath,
      hash: headers.Hash ?? "",
      previous: headers.Previous ?? "",
      body,
    });
  }
  return migrations;
}

/**
 * Returns one sentence per committed migration whose body no longer matches
 * the hash in its header, which means someone edited it after it was committed.
 */
export function editedMigrations(migrations: CommittedMigration[]): string[] {
  const problems: string[] = [];
  for (const migration of migrations) {
    const previous = migration.previous === "-" ? null : migration.previous;
    const actual = migrationHash(migration.body, previous);
    if (actual !== migration.hash) {
      problems.push(
        `migrations/committed/${migration.file} was edited after it was committed ` +
          `(its body hashes to ${actual}, but its header records ${migration.hash || "no hash"}): ` +
          "revert the edit and put the change in the working migration",
      );
    }
  }
  return problems;
}

/** Finds the working migration: migrations/current/*.sql, or migrations/current.sql. */
export async function findWorkingMigration(
  migrationsFolder: string,
): Promise<WorkingMigration> {
  const folder = path.join(migrationsFolder, "current");
  const file = path.join(migrationsFolder, "current.sql");
  const folderStat = await fs.stat(folder).catch(() => undefined);
  if (folderStat?.isDirectory()) {
    const names = (await fs.readdir(folder))
      .filter((name) => !name.startsWith(".") && name.endsWith(".sql"))
      .sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
    return {
      kind: "folder",
      files: names.map((name) => path.join(folder, name)),
    };
  }
  const fileStat = await fs.stat(file).catch(() => undefined);
  if (fileStat?.isFile()) return { kind: "file", files: [file] };
  return { kind: "none", files: [] };
}

/** Replaces the role placeholders (`:AURORA_OWNER` and the others) with the role names. */
export function substitutePlaceholders(sql: string, roles: RoleNames): string {
  const values: Array<[string, string]> = [
    [":AURORA_MAINTENANCE", roles.maintenance],
    [":AURORA_OWNER", roles.owner],
    [":AURORA_APP", roles.app],
  ];
  let result = sql;
  for (const [placeholder, value] of values) {
    result = result.split(placeholder).join(value);
  }
  return result;
}

/** Returns whether a migration body opts out of graphile-migrate's transaction. */
export function isNoTransaction(body: string): boolean {
  return /^--!\s*no-transaction\b/.test(body.split("\n", 1)[0] ?? "");
}

/** graphile-migrate's settings for `database`, reading migrations from `migrationsFolder`. */
export async function folderSettings(
  settings: ConfiguredSettings,
  database: string,
  migrationsFolder: string,
): Promise<GmSettings> {
  return { ...(await gmSettings(settings, { database })), migrationsFolder };
}

/** Applies the committed migrations of `migrationsFolder` that `database` lacks. */
export async function migrateFolder(
  settings: ConfiguredSettings,
  database: string,
  migrationsFolder: string,
): Promise<void> {
  await gmMigrate(await folderSettings(settings, database, migrationsFolder));
}

/**
 * Applies the working migration once, even when graphile-migrate recorded the
 * same text as applied already: the record is deleted first, because
 * graphile-migrate skips a working migration it has run before.
 */
export async function applyWorkingMigration(
  settings: ConfiguredSettings,
  database: string,
  migrationsFolder: string,
): Promise<void> {
  const url = withConnection(settings.ownerUrl, { database });
  await withClient(url, "DATABASE_URL", async (client) => {
    const { rows } = await client.query<{ present: boolean }>(
      "select to_regclass('graphile_migrate.current') is not null as present",
    );
    if (rows[0]?.present)
      await client.query("delete from graphile_migrate.current");
  });
  await gmWatch(
    await folderSettings(settings, database, migrationsFolder),
    true,
  );
}
