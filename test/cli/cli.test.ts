/**
 * The ingest, k8s sync and incidents commands, run as a person would run
 * them: `node bin/aurora-db.js …` against this file's test database.
 */

import { spawn } from "node:child_process";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  alertFixturesDir,
  k8sFixturesDir,
  openHarness,
  projectRoot,
  type Harness,
  type Organization,
} from "../ingest-store/helpers.ts";

let harness: Harness;
let org: Organization;

test.before(async () => {
  harness = await openHarness();
  org = await harness.newOrg();
});

test.after(async () => {
  await harness.close();
});

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Environment that points the CLI at this file's database and nothing else. */
function cliEnvironment(): NodeJS.ProcessEnv {
  const { settings } = harness.database;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      !/^(PG|DATABASE_URL|ROOT_DATABASE_URL|SHADOW_DATABASE_URL|AURORA_)/.test(
        key,
      )
    ) {
      env[key] = value;
    }
  }
  return {
    ...env,
    DATABASE_URL: settings.ownerUrl,
    APP_DATABASE_URL: settings.appUrl,
    MAINTENANCE_DATABASE_URL: settings.maintenanceUrl,
    AURORA_APP: settings.roles.app,
    AURORA_MAINTENANCE: settings.roles.maintenance,
  };
}

function runCli(args: string[], stdin?: Buffer): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(projectRoot, "bin", "aurora-db.js"), ...args],
      { cwd: projectRoot, env: cliEnvironment() },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

const fixture = (...parts: string[]) => path.join(alertFixturesDir, ...parts);

test("ingest prints the summary", async () => {
  const run = await runCli([
    "ingest",
    "--org",
    org.slug,
    "--source",
    "datadog",
    fixture("datadog", "checkout-error-rate-triggered-p1.json"),
    fixture("datadog", "checkout-error-rate-recovered.json"),
  ]);
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stdout, /^files\s+2$/m);
  assert.match(run.stdout, /^alerts stored\s+2 \(1 new, 1 changed\)$/m);
  assert.match(run.stdout, /^duplicates skipped\s+0$/m);
  assert.match(run.stdout, /^incidents opened\s+1$/m);
  assert.match(run.stdout, /^incidents resolved\s+1$/m);
  assert.is(run.stderr, "", "no progress lines when stderr is not a terminal");
});

test("ingest --json repeats as duplicates", async () => {
  const run = await runCli([
    "ingest",
    "--json",
    "--org",
    org.id,
    "--source",
    "datadog",
    fixture("datadog", "checkout-error-rate-triggered-p1.json"),
    fixture("datadog", "checkout-error-rate-recovered.json"),
  ]);
  assert.is(run.code, 0, run.stderr);
  const summary = JSON.parse(run.stdout);
  assert.is(summary.files, 2);
  assert.is(summary.alerts, 2);
  assert.is(summary.stored, 0);
  assert.is(summary.duplicates, 2);
  assert.is(summary.organization.id, org.id);
  assert.is(summary.bodies.length, 2);
  assert.is(await harness.count("datadog_events", org.id), 1);
});

test("ingest reads stdin", async () => {
  const body = Buffer.from(
    JSON.stringify({
      version: "4",
      status: "firing",
      receiver: "aurora",
      alerts: [
        {
          status: "firing",
          labels: { alertname: "FromStdin", service: "stdin" },
          startsAt: "2026-11-30T09:00:00Z",
        },
      ],
    }),
  );
  const run = await runCli(
    ["ingest", "--json", "--org", org.slug, "--source", "alertmanager", "-"],
    body,
  );
  assert.is(run.code, 0, run.stderr);
  assert.is(JSON.parse(run.stdout).bodies[0].name, "-");
});

test("ingest names each bad file and writes nothing", async () => {
  const before = await harness.count("grafana_alerts", org.id);
  const run = await runCli(
    [
      "ingest",
      "--org",
      org.slug,
      "--source",
      "alertmanager",
      fixture("alertmanager", "checkout-crashlooping-firing.json"),
      "-",
      fixture("grafana", "missing.json"),
    ],
    Buffer.from('{"alerts": ['),
  );
  assert.is(run.code, 1);
  assert.is(run.stdout, "");
  assert.match(run.stderr, /cannot read: no such file/);
  assert.is(await harness.count("grafana_alerts", org.id), before);

  const bad = await runCli(
    ["ingest", "--org", org.slug, "--source", "alertmanager", "-"],
    Buffer.from('{"alerts": ['),
  );
  assert.is(bad.code, 1);
  assert.match(bad.stderr, /^aurora-db ingest: -: truncated JSON/);
  assert.not.match(bad.stderr, /at .*\.ts:\d+/, "no stack trace");
  assert.is(await harness.count("grafana_alerts", org.id), before);
});

test("ingest rejects a bad command line", async () => {
  const missing = await runCli(["ingest", "--source", "grafana", "x.json"]);
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /^Missing --org\./);
  const source = await runCli([
    "ingest",
    "--org",
    org.slug,
    "--source",
    "zabbix",
    "x.json",
  ]);
  assert.is(source.code, 2);
  assert.match(
    source.stderr,
    /Unknown --source "zabbix"; expected one of grafana, alertmanager/,
  );
});

test("k8s sync prints counts per kind", async () => {
  const run = await runCli([
    "k8s",
    "sync",
    "--org",
    org.slug,
    "--cluster",
    "demo-prod",
    path.join(k8sFixturesDir, "demo-prod-pods.json"),
    path.join(k8sFixturesDir, "demo-prod-nodes.json"),
  ]);
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stdout, /^cluster demo-prod of /);
  assert.match(run.stdout, /^pods\s+\d+\s+\d+\s+0\s+0\s+0$/m);
  assert.match(run.stdout, /^services\s+not in the input, kept as stored$/m);

  const json = await runCli([
    "k8s",
    "sync",
    "--json",
    "--org",
    org.id,
    "--cluster",
    "Bad_Name",
    path.join(k8sFixturesDir, "demo-prod-pods.json"),
  ]);
  assert.is(json.code, 1);
  assert.match(json.stderr, /Invalid cluster name "Bad_Name"/);
});

test("incidents list and merge", async () => {
  await runCli([
    "ingest",
    "--org",
    org.slug,
    "--source",
    "netdata",
    fixture("netdata", "payments-db-disk-critical.json"),
    fixture("netdata", "payments-db-unreachable.json"),
  ]);
  const listed = await runCli([
    "incidents",
    "list",
    "--json",
    "--open",
    "--org",
    org.slug,
  ]);
  assert.is(listed.code, 0, listed.stderr);
  const incidents = JSON.parse(listed.stdout) as Array<{
    incident: { id: string; title: string };
    alerts: Array<{ isSourceAlert: boolean }>;
  }>;
  const disk = incidents.find(
    (item) => item.incident.title === "disk_space_usage",
  )!;
  const replica = incidents.find((item) =>
    item.incident.title.includes("unreachable"),
  )!;
  assert.ok(disk, "disk incident listed");
  assert.ok(replica, "replica incident listed");
  assert.ok(disk.alerts[0]!.isSourceAlert);

  const merged = await runCli([
    "incidents",
    "merge",
    replica.incident.id,
    disk.incident.id,
    "--org",
    org.slug,
  ]);
  assert.is(merged.code, 0, merged.stderr);
  assert.match(merged.stdout, /^merged incident .* into .*: 1 alert moved$/m);

  const text = await runCli(["incidents", "list", "--org", org.slug]);
  assert.match(
    text.stdout,
    /payments-db-replica is unreachable\s+firing\s+manual 1\.00/,
  );

  const again = await runCli([
    "incidents",
    "merge",
    replica.incident.id,
    disk.incident.id,
    "--org",
    org.slug,
  ]);
  assert.is(again.code, 1);
  assert.match(again.stderr, /is already merged into/);
});

test.run();
