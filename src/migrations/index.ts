import fs from 'node:fs/promises';
import path from 'node:path';
import {
  Logger,
  commit as gmCommit,
  migrate as gmMigrate,
  reset as gmReset,
  status as gmStatus,
  watch as gmWatch,
} from 'graphile-migrate';
import type { Settings as GmSettings } from 'graphile-migrate';
import { projectRoot } from '../config/project.ts';
import type { ConfiguredSettings } from '../config/settings.ts';
import { withConnection } from '../config/settings.ts';
import { withClient } from '../server/connect.ts';

/**
 * graphile-migrate, driven with aurora-db's resolved settings. `.gmrc` holds
 * the static part (folder, placeholders, hooks); the connection strings and
 * the role names for the placeholders come from the settings.
 */

type GmLog = (level: string, message: string) => void;

/** graphile-migrate's settings for `settings`, optionally aimed at another database. */
export async function gmSettings(
  settings: ConfiguredSettings,
  options: { database?: string; log?: GmLog } = {},
): Promise<GmSettings> {
  const gmrc = await readGmrc();
  const database = options.database ?? settings.database;
  const log = options.log ?? (() => {});
  return {
    ...gmrc,
    connectionString: withConnection(settings.ownerUrl, { database }),
    shadowConnectionString: settings.shadowUrl,
    rootConnectionString: settings.rootUrl,
    migrationsFolder: path.join(projectRoot, 'migrations'),
    placeholders: placeholders(settings),
    logger: new Logger(() => (level, message) => log(level, message)),
  };
}

/** Placeholder values, also exported to the environment for `.gmrc`'s `!ENV` entries. */
export function placeholders(settings: ConfiguredSettings): Record<string, string> {
  return {
    ':AURORA_OWNER': settings.roles.owner,
    ':AURORA_APP': settings.roles.app,
    ':AURORA_MAINTENANCE': settings.roles.maintenance,
  };
}

async function readGmrc(): Promise<GmSettings> {
  const file = path.join(projectRoot, '.gmrc');
  const text = await fs.readFile(file, 'utf8');
  try {
    const parsed = JSON.parse(text) as GmSettings;
    delete parsed.placeholders;
    return parsed;
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

export interface MigrationSummary {
  /** Names of the committed migrations applied by this call. */
  applied: string[];
  /** All committed migrations now recorded in the database. */
  total: number;
}

/** Applies the committed migrations that the database does not have yet. */
export async function migrate(
  settings: ConfiguredSettings,
  options: { database?: string; log?: GmLog } = {},
): Promise<MigrationSummary> {
  const before = await appliedMigrations(settings, options.database);
  await gmMigrate(await gmSettings(settings, options));
  const after = await appliedMigrations(settings, options.database);
  return { applied: after.filter((name) => !before.includes(name)), total: after.length };
}

/** Drops and recreates the database from the committed migrations. */
export async function reset(settings: ConfiguredSettings, options: { database?: string; log?: GmLog } = {}) {
  // graphile-migrate drops and recreates the database through the root URL.
  if (settings.rootUrl !== undefined) await withClient(settings.rootUrl, 'ROOT_DATABASE_URL', async () => {});
  await gmReset(await gmSettings(settings, options));
}

/** Applies `current.sql` once (graphile-migrate's `watch --once`). */
export async function applyCurrent(settings: ConfiguredSettings, options: { database?: string; log?: GmLog } = {}) {
  await checkOwnerConnection(settings, options.database);
  await gmWatch(await gmSettings(settings, options), true);
}

/**
 * Connects once as the owner, so that a connection failure names
 * DATABASE_URL before graphile-migrate reports it as a bare pg error.
 */
async function checkOwnerConnection(settings: ConfiguredSettings, database?: string): Promise<void> {
  const url = withConnection(settings.ownerUrl, { database: database ?? settings.database });
  await withClient(url, 'DATABASE_URL', async () => {});
}

/** Names of committed migrations recorded in the database, oldest first. */
export async function appliedMigrations(settings: ConfiguredSettings, database?: string): Promise<string[]> {
  const url = withConnection(settings.ownerUrl, { database: database ?? settings.database });
  return withClient(url, 'DATABASE_URL', async (client) => {
    const exists = await client.query(`select to_regclass('graphile_migrate.migrations') is not null as present`);
    if (!exists.rows[0].present) return [];
    const { rows } = await client.query<{ filename: string }>(
      'select filename from graphile_migrate.migrations order by date, filename',
    );
    return rows.map((row) => row.filename);
  });
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** True when `migrations/current.sql` holds statements that are not committed yet. */
  currentHasChanges: boolean;
}

export async function migrationStatus(settings: ConfiguredSettings): Promise<MigrationStatus> {
  // Connecting through withClient first turns a connection failure into a
  // message that names DATABASE_URL; graphile-migrate would throw pg's error.
  const applied = await appliedMigrations(settings);
  const gm = await gmStatus(await gmSettings(settings));
  return {
    applied,
    pending: gm.remainingMigrations ?? [],
    currentHasChanges: gm.hasCurrentMigration,
  };
}

/** Runs graphile-migrate's watch loop on `current.sql` until the process is stopped. */
export async function watchCurrent(settings: ConfiguredSettings, log: GmLog): Promise<void> {
  await checkOwnerConnection(settings);
  await gmWatch(await gmSettings(settings, { log }), false);
}

/** Commits `current.sql` as the next migration in migrations/committed/ (graphile-migrate `commit`). */
export async function commitCurrent(settings: ConfiguredSettings, message?: string): Promise<void> {
  await checkOwnerConnection(settings);
  await gmCommit(await gmSettings(settings), message);
}
