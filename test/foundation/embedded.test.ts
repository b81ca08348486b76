import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, chmodSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { projectRoot } from "../../src/config/project.ts";
import { createDb } from "../../src/pool/index.ts";

const cli = path.join(projectRoot, "bin", "aurora-db.js");
const stateDir = mkdtempSync(path.join(os.tmpdir(), "aurora-embedded-test-"));
chmodSync(stateDir, 0o711);

/** Runs the CLI with only the embedded settings, so a configured server in the environment is ignored. */
function runCli(args: string[], extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
  };
  return spawnSync(process.execPath, [cli, ...args], {
    env: { ...env, AURORA_STATE_DIR: stateDir, ...extra },
    encoding: "utf8",
    timeout: 120_000,
  });
}

function listen(port = 0): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

test.after(() => {
  runCli(["stop"]);
  rmSync(stateDir, { recursive: true, force: true });
});

test("embedded up rejects a taken port", async () => {
  const blocker = await listen();
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    const result = runCli(["up"], { AURORA_EMBEDDED_PORT: String(port) });
    assert.is(result.status, 1);
    const lines = result.stderr.trim().split("\n");
    const last = lines[lines.length - 1]!;
    assert.match(last, /AURORA_EMBEDDED_PORT/);
    assert.match(last, new RegExp(`Port ${port}`));
    assert.not.match(result.stderr, /\n\s+at /, "no stack trace");
  } finally {
    blocker.close();
  }
});

test("embedded server keeps data across restarts", async () => {
  const up = runCli(["up", "--json"]);
  assert.is(up.status, 0, up.stderr);
  const url = runCli(["url"]).stdout.trim();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("create table if not exists restart_probe (value text)");
  await client.query("insert into restart_probe values ('kept')");
  await client.end();

  assert.is(runCli(["stop"]).status, 0);
  const again = runCli(["up", "--json"]);
  assert.is(again.status, 0, again.stderr);
  const summary = JSON.parse(again.stdout);
  assert.is(summary.migrations.applied.length, 0, "second up applies nothing");

  const reopened = new pg.Client({ connectionString: url });
  await reopened.connect();
  const { rows } = await reopened.query("select value from restart_probe");
  await reopened.end();
  assert.equal(rows, [{ value: "kept" }]);
});

test("cli rejects bad settings in one sentence", () => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [
      { DATABASE_URL: "postgres://aurora_owner@127.0.0.1:1/aurora" },
      /DATABASE_URL .* no PostgreSQL accepts connections/,
    ],
    [{ DATABASE_URL: "mysql://u@h/db" }, /DATABASE_URL uses the scheme/],
    [{ DATABASE_URL: "not a url" }, /DATABASE_URL is not a valid URL/],
  ];
  for (const [env, pattern] of cases) {
    const result = runCli(["migrate"], env);
    assert.is(result.status, 1, JSON.stringify(env));
    assert.match(result.stderr, pattern);
    assert.is(
      result.stderr.trim().split("\n").length,
      1,
      `one line for ${JSON.stringify(env)}`,
    );
  }
});

test("running server keeps its port", async () => {
  const up = runCli(["up", "--json"]);
  assert.is(up.status, 0, up.stderr);
  const port = Number(new URL(runCli(["url"]).stdout.trim()).port);
  const blocker = await listen();
  const other = (blocker.address() as net.AddressInfo).port;
  try {
    const moved = runCli(["status"], { AURORA_EMBEDDED_PORT: String(other) });
    assert.is(moved.status, 1);
    assert.match(moved.stderr, /already runs on port/);
    assert.match(moved.stderr, /aurora-db stop/);
  } finally {
    blocker.close();
  }
  const after = Number(new URL(runCli(["url"]).stdout.trim()).port);
  assert.is(after, port, "the state file still names the running port");
});

test("pool survives a server restart", async () => {
  assert.is(runCli(["up"]).status, 0);
  const appUrl = runCli(["url", "--role", "app"]).stdout.trim();
  const errors: unknown[] = [];
  const db = createDb({
    url: appUrl,
    max: 2,
    logger: {
      warn: () => {},
      error: (_message, fields) => errors.push(fields),
    },
  });
  const orgId = "5d0c8a4e-2f7b-4c1e-9a3d-7b6e1f2a9c40";
  try {
    const before = await db.withTenant({ orgId }, (tx) =>
      tx.query("select 1 as one", []),
    );
    assert.equal(before.rows, [{ one: 1 }]);
    assert.is(runCli(["stop"]).status, 0);
    // spawnSync blocks the event loop. A real restart takes long enough for the pool to
    // receive the error of its idle connection, and this wait stands in for that time.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.is(runCli(["up"]).status, 0);
    const after = await db.withTenant({ orgId }, (tx) =>
      tx.query("select 2 as two", []),
    );
    assert.equal(after.rows, [{ two: 2 }]);
  } finally {
    await db.close();
  }
});

test.run();
