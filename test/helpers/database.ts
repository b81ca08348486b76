import { randomBytes } from "node:crypto";
import pg from "pg";
import type { ConfiguredSettings } from "../../src/config/settings.ts";
import { withConnection } from "../../src/config/settings.ts";

/**
 * Per-file test databases. `npm test` migrates one template database and
 * passes its name and the server settings in the environment; each test file
 * clones the template (`create database … template …`), so files never share
 * rows, and drops its clone afterwards.
 */

export interface TestDatabase {
  name: string;
  /** Settings whose owner, app and maintenance URLs point at this database. */
  settings: ConfiguredSettings;
  /** A pool connected as the owner role (RLS is forced, so the owner sees no rows without context). */
  owner: pg.Pool;
  /** A pool connected as the superuser, for catalog checks and faults. */
  root: pg.Pool;
  drop(): Promise<void>;
}

/** The server settings that `npm test` resolved, pointing at its main database. */
export function serverSettings(): ConfiguredSettings {
  const json = process.env.AURORA_TEST_SETTINGS;
  if (!json) {
    throw new Error(
      'AURORA_TEST_SETTINGS is not set: run the tests through "npm test".',
    );
  }
  return JSON.parse(json) as ConfiguredSettings;
}

export function templateName(): string {
  const name = process.env.AURORA_TEST_TEMPLATE;
  if (!name)
    throw new Error(
      'AURORA_TEST_TEMPLATE is not set: run the tests through "npm test".',
    );
  return name;
}

/**
 * Points every URL of `settings` at `database`. With `AURORA_TEST_PROXY`
 * (host:port, such as a PgBouncer in transaction pooling mode) set, the app
 * and maintenance roles connect through it, as services would in production.
 */
export function settingsFor(
  settings: ConfiguredSettings,
  database: string,
): ConfiguredSettings {
  const proxy = process.env.AURORA_TEST_PROXY;
  const throughProxy = (url: string) => {
    const next = new URL(withConnection(url, { database }));
    if (proxy) {
      const [host, port] = proxy.split(":");
      next.hostname = host!;
      next.port = port ?? "6432";
    }
    return next.toString();
  };
  return {
    ...settings,
    database,
    ownerUrl: withConnection(settings.ownerUrl, { database }),
    appUrl: throughProxy(settings.appUrl),
    maintenanceUrl: throughProxy(settings.maintenanceUrl),
  };
}

/** Clones the migrated template into a new database for one test file. */
export async function createTestDatabase(
  prefix = "aurora_test_",
): Promise<TestDatabase> {
  const base = serverSettings();
  const name = `${prefix}${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base.rootUrl });
  await admin.connect();
  try {
    await admin.query(
      `create database ${name} template ${templateName()} owner ${admin.escapeIdentifier(base.roles.owner)}`,
    );
    await admin.query(
      `grant connect on database ${name} to ${base.roles.app}, ${base.roles.maintenance}`,
    );
  } finally {
    await admin.end();
  }
  const settings = settingsFor(base, name);
  const owner = new pg.Pool({ connectionString: settings.ownerUrl, max: 4 });
  const root = new pg.Pool({
    connectionString: withConnection(base.rootUrl!, { database: name }),
    max: 2,
  });
  owner.on("error", () => {});
  root.on("error", () => {});
  return {
    name,
    settings,
    owner,
    root,
    async drop() {
      await owner.end();
      await root.end();
      const client = new pg.Client({ connectionString: base.rootUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface TenantContext {
  orgId?: string | null;
  userId?: string | null;
}

/**
 * Runs `work` on a connection of the app role inside one transaction with
 * the given tenant context (no context when `orgId` is null), then rolls back
 * unless `commit` is set. This is the plain-SQL twin of the library's pool,
 * for tests that check policies directly.
 */
export async function asApp<T>(
  database: TestDatabase,
  context: TenantContext,
  work: (client: pg.PoolClient) => Promise<T>,
  options: { commit?: boolean } = {},
): Promise<T> {
  const pool = appPool(database);
  const client = await pool.connect();
  try {
    await client.query("begin");
    await client.query(
      `select set_config('aurora.org_id', $1, true), set_config('aurora.user_id', $2, true)`,
      [context.orgId ?? "", context.userId ?? ""],
    );
    const result = await work(client);
    await client.query(options.commit ? "commit" : "rollback");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const appPools = new WeakMap<TestDatabase, pg.Pool>();

function appPool(database: TestDatabase): pg.Pool {
  let pool = appPools.get(database);
  if (!pool) {
    pool = new pg.Pool({ connectionString: database.settings.appUrl, max: 4 });
    pool.on("error", () => {});
    appPools.set(database, pool);
    const drop = database.drop.bind(database);
    database.drop = async () => {
      await pool!.end();
      await drop();
    };
  }
  return pool;
}

/** Returns the error that `promise` rejects with; throws when it resolves instead. */
export async function rejection(
  promise: Promise<unknown>,
): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("expected the operation to fail, but it succeeded");
}
