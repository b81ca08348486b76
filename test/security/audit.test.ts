import { execFile } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { auditDatabase, type AuditReport } from "../../src/audit/index.ts";
import { projectRoot } from "../../src/config/project.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

/**
 * The RLS audit on a fresh clone of the migrated template, and on the same
 * clone broken on purpose. Each fault is made by the superuser inside a
 * transaction, audited on that transaction's connection and rolled back, so
 * no fault outlives its test. That includes the role fault: roles belong to
 * the whole server, and the rollback undoes ALTER ROLE before any other
 * session can see it.
 */

let database: TestDatabase;

test.before(async () => {
  database = await createTestDatabase();
});

test.after(async () => {
  await database?.drop();
});

/**
 * Runs `fault`, if any, as the superuser, audits the database on the same
 * connection, and rolls both back.
 */
async function auditAfter(fault?: string): Promise<AuditReport> {
  const client = await database.root.connect();
  try {
    await client.query("begin");
    if (fault) await client.query(fault);
    return await auditDatabase(client, database.settings.roles);
  } finally {
    await client.query("rollback").catch(() => {});
    client.release();
  }
}

const app = () => pg.escapeIdentifier(database.settings.roles.app);

test("reports no gap on a fresh database", async () => {
  const report = await auditAfter();
  assert.equal(report.gaps, []);
  assert.ok(
    report.tables.some((table) => table.table === "incidents"),
    "the report lists the tenant tables",
  );
});

test("reports a table without forced RLS", async () => {
  const report = await auditAfter(
    "alter table incidents no force row level security",
  );
  assert.equal(report.gaps, ["incidents does not force row-level security"]);
});

test("reports a table with RLS disabled", async () => {
  const report = await auditAfter(
    "alter table k8s_pods disable row level security",
  );
  assert.equal(report.gaps, ["k8s_pods does not enable row-level security"]);
});

test("reports a dropped policy", async () => {
  const report = await auditAfter(
    "drop policy select_own_user on chat_messages",
  );
  assert.equal(report.gaps, ["chat_messages has no select policy"]);
});

test("reports an app role bypassing RLS", async () => {
  const report = await auditAfter(`alter role ${app()} bypassrls`);
  assert.equal(report.gaps, [
    `the app role ${database.settings.roles.app} has BYPASSRLS`,
  ]);
  const { rows } = await database.root.query<{ rolbypassrls: boolean }>(
    "select rolbypassrls from pg_roles where rolname = $1",
    [database.settings.roles.app],
  );
  assert.is(rows[0]?.rolbypassrls, false, "the rollback restored NOBYPASSRLS");
});

test("reports truncate granted to the app", async () => {
  const report = await auditAfter(`grant truncate on incidents to ${app()}`);
  assert.equal(report.gaps, ["the app role holds truncate on incidents"]);
});

test("reports a table without org_id", async () => {
  const report = await auditAfter(
    "create table webhook_secrets (id bigint primary key, secret_ref text not null)",
  );
  assert.equal(report.gaps, [
    "webhook_secrets has no org_id column and is not a known global table",
  ]);
});

test("reports a tenant table without RLS", async () => {
  const report = await auditAfter(
    `create table runbooks (
       org_id uuid not null references organizations,
       id bigint generated always as identity,
       title text not null,
       primary key (org_id, id))`,
  );
  assert.equal(report.gaps, [
    "runbooks does not enable row-level security",
    "runbooks does not force row-level security",
    "runbooks has no select policy",
    "runbooks has no insert policy",
    "runbooks has no update policy",
    "runbooks has no delete policy",
  ]);
});

interface CliRun {
  code: number;
  report: AuditReport | undefined;
  stderr: string;
}

/** Runs `aurora-db audit --json` against the test database and parses its report. */
function runAuditCli(): Promise<CliRun> {
  const { settings } = database;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: settings.ownerUrl,
    APP_DATABASE_URL: settings.appUrl,
    MAINTENANCE_DATABASE_URL: settings.maintenanceUrl,
    AURORA_APP: settings.roles.app,
    AURORA_MAINTENANCE: settings.roles.maintenance,
  };
  if (settings.rootUrl) env.ROOT_DATABASE_URL = settings.rootUrl;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(projectRoot, "bin", "aurora-db.js"), "audit", "--json"],
      { cwd: projectRoot, env, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? Number(error.code ?? 1) : 0;
        let report: AuditReport | undefined;
        try {
          report = JSON.parse(stdout) as AuditReport;
        } catch {
          report = undefined;
        }
        resolve({ code, report, stderr });
      },
    );
  });
}

test("audit command exits 1 on a gap", async () => {
  const clean = await runAuditCli();
  assert.is(
    clean.code,
    0,
    `aurora-db audit on a fresh database: ${clean.stderr}`,
  );
  assert.equal(clean.report?.gaps, []);

  // The CLI runs in another process, so this fault has to be committed.
  await database.root.query(
    "alter table incidents no force row level security",
  );
  try {
    const broken = await runAuditCli();
    assert.is(
      broken.code,
      1,
      `aurora-db audit after the fault: ${broken.stderr}`,
    );
    assert.equal(broken.report?.gaps, [
      "incidents does not force row-level security",
    ]);
  } finally {
    await database.root.query("alter table incidents force row level security");
  }
});

test.run();
