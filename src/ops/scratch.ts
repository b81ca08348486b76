import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
// graphile-migrate 1.4.1 keeps each pool open for 200 ms after use and exits
// the process when one of its idle connections is terminated, which
// `drop database ... with (force)` does; clearAllPools closes them first.
import { clearAllPools } from "graphile-migrate/dist/pgReal.js";
import { ConfigurationError } from "../errors.ts";
import type { ConfiguredSettings } from "../config/settings.ts";
import { withConnection } from "../config/settings.ts";
import { EXTENSIONS } from "../server/bootstrap.ts";
import { withClient } from "../server/connect.ts";
import {
  applyWorkingMigration,
  findWorkingMigration,
  migrateFolder,
} from "./migration-files.ts";

/**
 * Throwaway databases on the configured server, created and dropped by the
 * root role. Commands that build a schema from the migrations (verify, schema
 * dump) run in them so that the configured database is never touched.
 */

let created = 0;

/** Returns a database name unique to this process: `<prefix>_<pid>_<n>`. */
export function scratchDatabaseName(prefix: string): string {
  created += 1;
  return `${prefix}_${process.pid}_${created}`;
}

/** Returns the root URL, or throws naming the command that needs it. */
export function requireRootUrl(
  settings: ConfiguredSettings,
  purpose: string,
): string {
  if (!settings.rootUrl) {
    throw new ConfigurationError(
      `ROOT_DATABASE_URL is missing, but ${purpose} needs a superuser connection: ` +
        "set it, for example to postgres://postgres@127.0.0.1:5432/postgres.",
      "ROOT_DATABASE_URL",
    );
  }
  return settings.rootUrl;
}

/** Runs `work` as the root role connected to `database`. */
export function withRootClient<T>(
  settings: ConfiguredSettings,
  database: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const rootUrl = requireRootUrl(settings, "this command");
  return withClient(
    withConnection(rootUrl, { database }),
    "ROOT_DATABASE_URL",
    work,
  );
}

/**
 * Creates `name`, which must not exist, the way `aurora-db up` creates the
 * main database: owned by the owner role and connectable by the app and
 * maintenance roles. With `extensions`, it also creates the extensions the
 * schema needs. Without them the database stays empty for pg_restore, whose
 * dump recreates them.
 */
export async function createOwnedDatabase(
  settings: ConfiguredSettings,
  name: string,
  options: { extensions: boolean },
): Promise<void> {
  const rootUrl = requireRootUrl(settings, "creating a database");
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
  if (!options.extensions) return;
  try {
    await withRootClient(settings, name, async (client) => {
      for (const extension of EXTENSIONS) {
        await client.query(
          `create extension if not exists ${client.escapeIdentifier(extension)}`,
        );
      }
    });
  } catch (error) {
    await dropDatabase(settings, name);
    throw error;
  }
}

/** Drops `name` if it exists, then creates it with {@link createOwnedDatabase} and the extensions. */
export async function createDatabase(
  settings: ConfiguredSettings,
  name: string,
): Promise<void> {
  await dropDatabase(settings, name);
  await createOwnedDatabase(settings, name, { extensions: true });
}

/** Drops `name` if it exists, closing its connections. */
export async function dropDatabase(
  settings: ConfiguredSettings,
  name: string,
): Promise<void> {
  const rootUrl = requireRootUrl(settings, "dropping a database");
  await withClient(rootUrl, "ROOT_DATABASE_URL", (root) =>
    dropWithRoot(root, name),
  );
}

/**
 * Closes graphile-migrate's idle pools, waits up to two seconds for their
 * sessions on `name` to end, then drops the database, terminating any session left.
 */
async function dropWithRoot(root: pg.Client, name: string): Promise<void> {
  clearAllPools();
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { rows } = await root.query<{ sessions: string }>(
      "select count(*) as sessions from pg_stat_activity where datname = $1",
      [name],
    );
    if (Number(rows[0]!.sessions) === 0) break;
    await sleep(20);
  }
  await root.query(
    `drop database if exists ${root.escapeIdentifier(name)} with (force)`,
  );
}

/** Returns whether a database named `name` exists on the server. */
export async function databaseExists(
  settings: ConfiguredSettings,
  name: string,
): Promise<boolean> {
  const rootUrl = requireRootUrl(settings, "looking up a database");
  return withClient(rootUrl, "ROOT_DATABASE_URL", async (root) => {
    const { rowCount } = await root.query(
      "select 1 from pg_database where datname = $1",
      [name],
    );
    return rowCount === 1;
  });
}

/** Creates a scratch database, runs `work` with its name, then drops it. */
export async function withScratchDatabase<T>(
  settings: ConfiguredSettings,
  prefix: string,
  work: (name: string) => Promise<T>,
): Promise<T> {
  const name = scratchDatabaseName(prefix);
  await createDatabase(settings, name);
  try {
    return await work(name);
  } finally {
    await dropDatabase(settings, name);
  }
}

/**
 * Runs `work` on a scratch database built from `projectDir`'s committed
 * migrations and working migration, with its name and owner URL.
 */
export async function withMigratedScratchDatabase<T>(
  settings: ConfiguredSettings,
  projectDir: string,
  work: (database: { name: string; ownerUrl: string }) => Promise<T>,
): Promise<T> {
  const migrationsFolder = path.join(projectDir, "migrations");
  return withScratchDatabase(settings, "aurora_scratch", async (name) => {
    await migrateFolder(settings, name, migrationsFolder);
    if ((await findWorkingMigration(migrationsFolder)).kind !== "none") {
      await applyWorkingMigration(settings, name, migrationsFolder);
    }
    const ownerUrl = withConnection(settings.ownerUrl, { database: name });
    return work({ name, ownerUrl });
  });
}
