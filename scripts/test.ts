/**
 * Runs the test suite: resolves the server (configured or embedded),
 * bootstraps it, migrates a template database once (committed migrations,
 * then the working migration), then runs every
 * `test/**\/*.test.ts` file with uvu. Each test file clones its own database
 * from the template (see test/helpers/database.ts). Ends with the line
 * `N passed, N failed`.
 *
 * Usage: npm test [-- <pattern>]   (a regular expression on test file paths)
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../src/config/project.ts";
import { withConnection } from "../src/config/settings.ts";
import { bootstrap, resolveServer } from "../src/server/index.ts";
import { applyCurrent, migrate } from "../src/migrations/index.ts";
import { withClient } from "../src/server/connect.ts";
import { EXTENSIONS } from "../src/server/bootstrap.ts";
import { AuroraError } from "../src/errors.ts";

const TEMPLATE_PREFIX = "aurora_test_template_";

async function prepareTemplate(): Promise<{
  template: string;
  settingsJson: string;
  drop: () => Promise<void>;
}> {
  const { settings, kind } = await resolveServer(process.env, (message) =>
    process.stderr.write(`${message}\n`),
  );
  await bootstrap(settings);
  const rootUrl = settings.rootUrl!;
  const template = `${TEMPLATE_PREFIX}${process.pid}`;
  await withClient(rootUrl, "ROOT_DATABASE_URL", async (root) => {
    await dropStaleDatabases(root);
    await root.query(
      `create database ${template} owner ${root.escapeIdentifier(settings.roles.owner)}`,
    );
    await root.query(
      `grant connect on database ${template} to ${settings.roles.app}, ${settings.roles.maintenance}`,
    );
  });
  await withClient(
    withConnection(rootUrl, { database: template }),
    "ROOT_DATABASE_URL",
    async (client) => {
      for (const extension of EXTENSIONS)
        await client.query(`create extension if not exists ${extension}`);
    },
  );
  const applied = await migrate(settings, { database: template });
  await applyCurrent(settings, { database: template });
  const version = await withClient(
    rootUrl,
    "ROOT_DATABASE_URL",
    async (root) => {
      const { rows } = await root.query<{ server_version: string }>(
        "show server_version",
      );
      return rows[0]!.server_version;
    },
  );
  process.stderr.write(
    `testing on PostgreSQL ${version} (${kind}), template ${template} with ${applied.total} migrations\n`,
  );
  return {
    template,
    settingsJson: JSON.stringify(settings),
    drop: () =>
      withClient(rootUrl, "ROOT_DATABASE_URL", async (root) => {
        await root.query(`drop database if exists ${template} with (force)`);
      }),
  };
}

/**
 * Drops databases that runs killed before their cleanup left behind: older than an hour and
 * with no session, so a run that is still going keeps its databases.
 */
async function dropStaleDatabases(root: import("pg").Client): Promise<void> {
  const { rows } = await root.query<{ datname: string }>(
    `select datname from pg_database
      where (datname like 'aurora\\_test\\_%')
        and (pg_stat_file('base/' || oid || '/PG_VERSION', true)).modification < now() - interval '1 hour'
        and not exists (select 1 from pg_stat_activity a where a.datname = pg_database.datname)`,
  );
  for (const { datname } of rows) {
    // A session that connected since the check keeps the database; the next run retries.
    await root
      .query(`drop database if exists ${root.escapeIdentifier(datname)}`)
      .catch((error: Error) =>
        process.stderr.write(`kept ${datname}: ${error.message}\n`),
      );
  }
}

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

function runUvu(
  pattern: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; totals: Totals | undefined }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(projectRoot, "node_modules", "uvu", "bin.js"),
        "test",
        pattern,
        "-i",
        "helpers",
        "-i",
        "fixtures",
      ],
      { cwd: projectRoot, env, stdio: ["ignore", "pipe", "inherit"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on("close", (code) =>
      resolve({ code: code ?? 1, totals: parseTotals(output) }),
    );
  });
}

/** Reads uvu's closing summary (Total / Passed / Skipped), ignoring colours. */
function parseTotals(output: string): Totals | undefined {
  const plain = output.replace(/\u001b\[[0-9;]*m/g, "");
  const total = /Total:\s+(\d+)/.exec(plain);
  const passed = /Passed:\s+(\d+)/.exec(plain);
  const skipped = /Skipped:\s+(\d+)/.exec(plain);
  if (!total || !passed) return undefined;
  const skippedCount = skipped ? Number(skipped[1]) : 0;
  return {
    passed: Number(passed[1]),
    failed: Number(total[1]) - Number(passed[1]) - skippedCount,
    skipped: skippedCount,
  };
}

async function main(): Promise<number> {
  // uvu takes one regular expression: the optional filter, and always a test file name.
  const filter = process.argv[2];
  const pattern = filter
    ? `^(?=.*(?:${filter})).*\\.test\\.ts$`
    : "\\.test\\.ts$";
  let prepared;
  try {
    prepared = await prepareTemplate();
  } catch (error) {
    const message =
      error instanceof AuroraError ? error.message : (error as Error).stack;
    process.stderr.write(`cannot prepare the test database: ${message}\n`);
    process.stdout.write("0 passed, 1 failed\n");
    return 1;
  }
  try {
    const env = {
      ...process.env,
      AURORA_TEST_TEMPLATE: prepared.template,
      AURORA_TEST_SETTINGS: prepared.settingsJson,
    };
    const { code, totals } = await runUvu(pattern, env);
    if (!totals) {
      process.stderr.write(
        "uvu ended without a summary: a test file failed to load.\n",
      );
      process.stdout.write("0 passed, 1 failed\n");
      return 1;
    }
    // A file that throws outside a test makes uvu exit non-zero without counting a failure.
    const failed = totals.failed + (code !== 0 && totals.failed === 0 ? 1 : 0);
    process.stdout.write(
      `${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped\n`,
    );
    return failed > 0 || totals.passed === 0 ? 1 : 0;
  } finally {
    await prepared.drop();
  }
}

process.exitCode = await main();
