/**
 * The demo behind `npm start`: it loads the demo organization, prints its
 * contents, and a second run changes no row.
 */

import { test } from "uvu";
import * as assert from "uvu/assert";
import { runDemoOn, type DemoResult } from "../../src/demo/index.ts";
import { formatDemo } from "../../src/demo/report.ts";
import { openHarness, type Harness } from "../ingest-store/helpers.ts";

let harness: Harness;

test.before(async () => {
  harness = await openHarness();
});

test.after(async () => {
  await harness.close();
});

/** Row count of every table in schema public, read past row-level security. */
async function rowCounts(): Promise<Record<string, number>> {
  const root = harness.database.root;
  const { rows } = await root.query<{ table_name: string }>(
    `select table_name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name: table } of rows) {
    const result = await root.query<{ count: string }>(
      `select count(*) from "${table.replaceAll('"', '""')}"`,
    );
    counts[table] = Number(result.rows[0]!.count);
  }
  return counts;
}

let first: DemoResult;

test("demo loads the organization", async () => {
  first = await runDemoOn(harness.db, harness.database.settings);
  const { load, report, audit } = first;
  assert.ok(load.isOrgCreated);
  assert.ok(load.alerts.files >= 20, `${load.alerts.files} fixture files`);
  assert.is(load.alerts.duplicates, 0);
  assert.ok(load.alerts.incidentsOpened > 0);
  assert.ok(load.alerts.incidentsJoined > 0);
  assert.ok(load.merge, "the deploy incident was merged");
  assert.equal(load.added, { rca: true, chat: true, usage: true });

  const rca = report.rca!;
  assert.is(rca.title, "Checkout p99 latency above 2s");
  assert.is(rca.status, "analyzed");
  assert.is(rca.analysisStatus, "complete");
  assert.is(rca.thoughts.length, 4);
  assert.equal(rca.thoughts[0]!.citationKeys, [1]);
  assert.equal(rca.thoughts[2]!.citationKeys, [2, 3]);
  const fix = rca.suggestions.find((suggestion) => suggestion.type === "fix")!;
  assert.match(fix.prUrl!, /^https:\/\/github\.com\/.*\/pull\/\d+$/);
  assert.is(report.chat.length, 4);
  assert.equal(
    report.costByModel.map((cost) => cost.model),
    ["claude-sonnet-4", "gemini-2.5-flash", "gpt-4o-mini"],
  );
  assert.is(report.costByModel[0]!.requests, 3);
  assert.is(report.costByModel[0]!.cost, "0.429510");
  assert.equal(audit.gaps, []);

  const analysed = report.incidents.find(
    (item) => item.incident.id === load.analysedIncidentId,
  )!;
  const strategies = analysed.alerts.map((alert) => alert.strategy);
  assert.ok(strategies.includes("service_match"));
  assert.ok(strategies.includes("manual"));
  assert.ok(analysed.alerts[0]!.isSourceAlert);
});

test("demo prints incidents, RCA, cost and audit", () => {
  const text = formatDemo(first.load, first.report, "RLS audit: no gap");
  assert.match(text, /^organization  Demo Org \(demo, /);
  assert.match(text, /password aurora-demo-password/);
  assert.match(text, /service_match 0\.\d\d, \d+ s apart/);
  assert.match(text, /\[1\] kubectl: kubectl get pods/);
  assert.match(text, /pull request https:\/\/github\.com\//);
  assert.match(text, /claude-sonnet-4\s+anthropic\s+3/);
  assert.match(text, /RLS audit: no gap$/);
});

test("second run changes no row", async () => {
  const before = await rowCounts();
  const second = await runDemoOn(harness.db, harness.database.settings);
  assert.not.ok(second.load.isOrgCreated);
  assert.is(second.load.alerts.stored, 0);
  assert.is(second.load.alerts.duplicates, first.load.alerts.alerts);
  assert.is(second.load.merge, null);
  assert.equal(second.load.added, { rca: false, chat: false, usage: false });
  for (const kind of Object.values(second.load.kubernetes.kinds)) {
    assert.is(kind.upserted, 0);
    assert.is(kind.deleted, 0);
  }
  assert.equal(await rowCounts(), before);
  assert.is(second.report.rca!.thoughts.length, 4);
});

test.run();
