import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { projectRoot } from "../../src/config/project.ts";
import type { ConfiguredSettings } from "../../src/config/settings.ts";
import { withConnection } from "../../src/config/settings.ts";
import { findPgTool, serverMajor } from "../../src/ops/pg-tools.ts";

/** Helpers shared by the tests of the operational commands. */

/**
 * Copies the committed migrations, .squawk.toml and pgtyped.config.json of
 * the repository into a new temporary project folder, with an empty
 * working-migration folder and no queries. A test can then break the copy
 * without touching the real tree or depending on work in progress.
 */
export async function copyProject(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "aurora-ops-"));
  await fs.cp(
    path.join(projectRoot, "migrations", "committed"),
    path.join(dir, "migrations", "committed"),
    { recursive: true },
  );
  await fs.mkdir(path.join(dir, "migrations", "current"));
  await fs.mkdir(path.join(dir, "queries"));
  await fs.mkdir(path.join(dir, "generated"));
  for (const file of [".squawk.toml", "pgtyped.config.json"]) {
    await fs.copyFile(path.join(projectRoot, file), path.join(dir, file));
  }
  return dir;
}

export async function writeProjectFile(
  dir: string,
  file: string,
  text: string,
): Promise<void> {
  await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await fs.writeFile(path.join(dir, file), text);
}

export async function removeDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/**
 * Returns why pg_dump cannot serve this server (printed as the reason a test
 * skips), or undefined when a fitting one is installed.
 */
export async function pgDumpProblem(
  settings: ConfiguredSettings,
): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: settings.rootUrl });
  await client.connect();
  try {
    findPgTool("pg_dump", await serverMajor(client));
    findPgTool("pg_restore", await serverMajor(client));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end();
  }
}

/** Prints why a test does not run here. */
export function skipNote(test: string, reason: string): void {
  process.stdout.write(`\n  note: skipped "${test}": ${reason}\n`);
}

/**
 * Returns `md5(string_agg(row text, ',' order by row text))` per table of
 * `database`, read as the root role, for rows matching `where` (with $1).
 */
export async function tableDigests(
  rootUrl: string,
  database: string,
  tables: string[],
  where: (table: string) => string = () => "true",
  values: unknown[] = [],
): Promise<Record<string, string>> {
  const client = new pg.Client({
    connectionString: withConnection(rootUrl, { database }),
  });
  await client.connect();
  try {
    await client.query("set timezone = 'UTC'");
    const digests: Record<string, string> = {};
    for (const table of tables) {
      const { rows } = await client.query<{ digest: string }>(
        `select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as digest
           from ${table} as t where ${where(table)}`,
        values,
      );
      digests[table] = rows[0]!.digest;
    }
    return digests;
  } finally {
    await client.end();
  }
}
