/**
 * Connection failures name the variable to set: DATABASE_URL for the
 * owner, and for a derived app or maintenance URL the role's password
 * variable or its full-URL variable. No stack trace is printed.
 */

import { spawnSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  connectionSetting,
  resolveSettings,
  withConnection,
  type ConfiguredSettings,
} from "../../src/config/settings.ts";
import { ConfigurationError } from "../../src/errors.ts";
import { explainConnectionError } from "../../src/server/connect.ts";
import { projectRoot } from "../ingest/helpers.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

const SASL_ERROR = new Error(
  "SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string",
);

function configured(env: NodeJS.ProcessEnv): ConfiguredSettings {
  const settings = resolveSettings(env);
  if (settings.kind !== "configured") throw new Error("expected configured");
  return settings;
}

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with only `extra` as connection settings. */
function runCli(extra: NodeJS.ProcessEnv, ...args: string[]): CliRun {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(PG|DATABASE_URL|ROOT_DATABASE_URL|AURORA_|APP_|MAINT)/.test(key)) {
      env[key] = value;
    }
  }
  const result = spawnSync(
    process.execPath,
    [path.join(projectRoot, "bin", "aurora-db.js"), ...args],
    { cwd: projectRoot, env: { ...env, ...extra }, encoding: "utf8" },
  );
  return {
    code: result.status ?? 1,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/** Returns a loopback port with no listener, bound once and then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test("settings record where each URL came from", () => {
  const derived = configured({ DATABASE_URL: "postgres://own@h/db" });
  assert.equal(derived.sources, {
    owner: "DATABASE_URL",
    app: "derived",
    maintenance: "derived",
  });
  const given = configured({
    DATABASE_URL: "postgres://own@h/db",
    APP_DATABASE_URL: "postgres://aurora_app:pw@h/db",
    MAINTENANCE_DATABASE_URL: "postgres://aurora_maintenance:pw@h/db",
  });
  assert.equal(given.sources, {
    owner: "DATABASE_URL",
    app: "APP_DATABASE_URL",
    maintenance: "MAINTENANCE_DATABASE_URL",
  });
  const fromPg = configured({ PGHOST: "h" });
  assert.is(fromPg.sources?.owner, "PG*");
});

test("derived app URL without password names both variables", () => {
  const settings = configured({ DATABASE_URL: "postgres://own:pw@h/db" });
  const error = explainConnectionError(
    SASL_ERROR,
    settings.appUrl,
    connectionSetting(settings, "app"),
  );
  assert.instance(error, ConfigurationError);
  assert.match(error.message, "AURORA_APP_PASSWORD");
  assert.match(error.message, "APP_DATABASE_URL");
  assert.match(error.message, "derived from DATABASE_URL");
  assert.not.match(error.message, "SASL");
  assert.not.match(error.message, "add it to the URL");
});

test("derived maintenance URL names its variables", () => {
  const settings = configured({ DATABASE_URL: "postgres://own:pw@h/db" });
  const error = explainConnectionError(
    SASL_ERROR,
    settings.maintenanceUrl,
    connectionSetting(settings, "maintenance"),
  );
  assert.match(error.message, "AURORA_MAINTENANCE_PASSWORD");
  assert.match(error.message, "MAINTENANCE_DATABASE_URL");
});

test("given URL without password names that URL", () => {
  const settings = configured({
    DATABASE_URL: "postgres://own:pw@h/db",
    APP_DATABASE_URL: "postgres://aurora_app@h/db",
  });
  const error = explainConnectionError(
    SASL_ERROR,
    settings.appUrl,
    connectionSetting(settings, "app"),
  );
  assert.match(error.message, "add the role's password to APP_DATABASE_URL");
  assert.not.match(error.message, "AURORA_APP_PASSWORD");
});

test("status on a closed port names DATABASE_URL", async () => {
  const port = await closedPort();
  const run = runCli(
    { DATABASE_URL: `postgres://aurora_owner:x@127.0.0.1:${port}/aurora` },
    "status",
  );
  assert.is(run.code, 1);
  assert.match(
    run.stderr,
    `DATABASE_URL (postgres://aurora_owner:***@127.0.0.1:${port}/aurora)`,
  );
  assert.match(run.stderr, "no PostgreSQL accepts connections");
  assert.not.match(run.stderr, "failed: connect ECONNREFUSED");
  assert.not.match(run.stderr, "    at ");
});

let database: TestDatabase;
let requiresPassword = false;

test.before(async () => {
  database = await createTestDatabase();
  const { settings } = database;
  const client = new pg.Client({
    connectionString: withConnection(settings.appUrl, { password: null }),
  });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch {
    requiresPassword = true;
  } finally {
    await client.end().catch(() => {});
  }
});

test.after(async () => {
  await database.drop();
});

/** DATABASE_URL alone, with the test server's role names. */
function ownerOnly(): NodeJS.ProcessEnv {
  const { settings } = database;
  return {
    DATABASE_URL: settings.ownerUrl,
    AURORA_APP: settings.roles.app,
    AURORA_MAINTENANCE: settings.roles.maintenance,
  };
}

function passwordOf(url: string): string {
  return decodeURIComponent(new URL(url).password);
}

const POOL_COMMANDS: string[][] = [
  ["incidents", "list", "--org", "acme"],
  [
    "ingest",
    "--org",
    "acme",
    "--source",
    "datadog",
    path.join(
      projectRoot,
      "test/fixtures/alerts/datadog/checkout-error-rate-recovered.json",
    ),
  ],
];

test("pool commands name the app password", () => {
  if (!requiresPassword) {
    console.log(
      "  skipped: the test server accepts the app role without a password",
    );
    return;
  }
  for (const args of POOL_COMMANDS) {
    const run = runCli(ownerOnly(), ...args);
    assert.is(run.code, 1, run.stderr);
    assert.match(run.stderr, "AURORA_APP_PASSWORD");
    assert.match(run.stderr, "APP_DATABASE_URL");
    assert.not.match(run.stderr, "SASL");
    assert.not.match(run.stderr, "AURORA_DEBUG");
  }
});

test("maintenance commands name the maintenance password", () => {
  if (!requiresPassword) {
    console.log("  skipped: the test server accepts roles without a password");
    return;
  }
  const appPassword = passwordOf(database.settings.appUrl);
  const runs = [
    runCli(
      { ...ownerOnly(), AURORA_APP_PASSWORD: appPassword },
      "incidents",
      "list",
      "--org",
      "acme",
    ),
    runCli(ownerOnly(), "retention", "--older-than", "30d", "--dry-run"),
  ];
  for (const run of runs) {
    assert.is(run.code, 1, run.stderr);
    assert.match(run.stderr, "AURORA_MAINTENANCE_PASSWORD");
    assert.match(run.stderr, "MAINTENANCE_DATABASE_URL");
    assert.not.match(run.stderr, "SASL");
    assert.not.match(run.stderr, "add it to the URL");
  }
});

test.run();
