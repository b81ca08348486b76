/**
 * The benchmark's own database, `aurora_bench`, on the configured server or
 * the embedded default: created and migrated like the test template
 * (committed migrations, then the working migration), and dropped at the end
 * unless `--keep` is given.
 */
import os from "node:os";

import pg from "pg";

import type { ConfiguredSettings } from "../src/config/settings.ts";
import { withConnection } from "../src/config/settings.ts";
import { applyCurrent, migrate } from "../src/migrations/index.ts";
import { EXTENSIONS } from "../src/server/bootstrap.ts";
import { withClient } from "../src/server/connect.ts";
import { bootstrap, resolveServer } from "../src/server/index.ts";

export const BENCH_DATABASE = "aurora_bench";

export interface BenchDatabase {
  /** Settings whose owner, app and maintenance URLs point at `aurora_bench`. */
  settings: ConfiguredSettings;
  /** `embedded` or `configured`. */
  serverKind: string;
  /** Superuser connections to `aurora_bench`, for loading data and reading plans. */
  root: pg.Pool;
  /** Connections of the maintenance role (BYPASSRLS): the bare baseline. */
  maintenance: pg.Pool;
  serverVersion: string;
  /** Closes the pools and drops the database unless `keep` was set. */
  close(): Promise<void>;
}

/** Resolves the server, bootstraps it and creates (or reuses) the bench database. */
export async function openBenchDatabase(
  keep: boolean,
  log: (message: string) => void,
): Promise<BenchDatabase> {
  const { settings: server, kind } = await resolveServer(process.env, log);
  await bootstrap(server);
  const rootUrl = server.rootUrl!;
  const exists = await withClient(rootUrl, "ROOT_DATABASE_URL", (root) =>
    createDatabase(root, server, keep),
  );

  const settings = pointAt(server, BENCH_DATABASE);
  const benchRootUrl = withConnection(rootUrl, { database: BENCH_DATABASE });
  if (!exists) {
    await withClient(benchRootUrl, "ROOT_DATABASE_URL", async (client) => {
      for (const extension of EXTENSIONS) {
        await client.query(`create extension if not exists ${extension}`);
      }
    });
  }
  log(exists ? "reusing aurora_bench (--keep)" : "created aurora_bench");
  await migrate(settings, { database: BENCH_DATABASE });
  await applyCurrent(settings, { database: BENCH_DATABASE });

  const root = new pg.Pool({ connectionString: benchRootUrl, max: 4 });
  const maintenance = new pg.Pool({
    connectionString: settings.maintenanceUrl,
    max: 10,
  });
  root.on("error", () => {});
  maintenance.on("error", () => {});
  const version = await root.query<{ server_version: string }>(
    "show server_version",
  );
  return {
    settings,
    serverKind: kind,
    root,
    maintenance,
    serverVersion: version.rows[0]!.server_version,
    async close() {
      await root.end();
      await maintenance.end();
      if (!keep) {
        await withClient(rootUrl, "ROOT_DATABASE_URL", (client) =>
          client.query(
            `drop database if exists ${BENCH_DATABASE} with (force)`,
          ),
        );
      }
    },
  };
}

/** Creates the bench database; returns whether it already existed and is kept. */
async function createDatabase(
  root: pg.Client,
  server: ConfiguredSettings,
  keep: boolean,
): Promise<boolean> {
  const found = await root.query(
    "select 1 from pg_database where datname = $1",
    [BENCH_DATABASE],
  );
  if (found.rowCount === 1) {
    if (keep) {
      return true;
    }
    await root.query(`drop database ${BENCH_DATABASE} with (force)`);
  }
  const { owner, app, maintenance } = server.roles;
  await root.query(
    `create database ${BENCH_DATABASE} owner ${root.escapeIdentifier(owner)}`,
  );
  await root.query(
    `grant connect on database ${BENCH_DATABASE} to ${root.escapeIdentifier(app)}, ` +
      root.escapeIdentifier(maintenance),
  );
  return false;
}

function pointAt(
  settings: ConfiguredSettings,
  database: string,
): ConfiguredSettings {
  return {
    ...settings,
    database,
    ownerUrl: withConnection(settings.ownerUrl, { database }),
    appUrl: withConnection(settings.appUrl, { database }),
    maintenanceUrl: withConnection(settings.maintenanceUrl, { database }),
  };
}

/** The machine the figures were measured on. */
export interface MachineInfo {
  cores: number;
  memory: string;
  cpuModel: string;
  node: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    node: process.version,
  };
}
