import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseDuration } from "../../src/ops/duration.ts";
import type { RetentionResult } from "../../src/ops/retention.ts";
import { applyRetention, parseBatchSize } from "../../src/ops/retention.ts";
import type { TestDatabase } from "../helpers/database.ts";
import { createTestDatabase } from "../helpers/database.ts";
import type { TwoOrgs } from "../helpers/seed.ts";
import { seedTwoOrgs } from "../helpers/seed.ts";

let database: TestDatabase;
let seed: TwoOrgs;
/** An old alert that opened an incident merged into A's open incident. */
let mergedSourceAlert: string | undefined;

const OLD = "2025-01-01T00:00:00Z";
const MONITORING_TABLES = [
  "bigpanda_events",
  "cloudbees_events",
  "datadog_events",
  "dynatrace_problems",
  "grafana_alerts",
  "jenkins_events",
  "netdata_alerts",
  "pagerduty_events",
  "splunk_alerts",
];

async function insertGrafanaAlerts(
  org: string,
  count: number,
  receivedAt: string | null,
  prefix: string,
): Promise<string[]> {
  const { rows } = await database.root.query<{ id: string }>(
    `insert into grafana_alerts (org_id, dedup_key, fingerprint, title, state, source_state,
                                 payload, format, received_at)
     select $1, $2 || n, 'fp-' || n, 'bulk alert', 'firing', 'alerting', '{}', 'unified',
            coalesce($4::timestamptz, now())
       from generate_series(1, $3::int) as n
     returning id`,
    [org, prefix, count, receivedAt],
  );
  return rows.map((row) => row.id);
}

async function countRows(table: string, org: string): Promise<number> {
  const { rows } = await database.root.query<{ count: number }>(
    `select count(*)::int as count from ${table} where org_id = $1`,
    [org],
  );
  return rows[0]!.count;
}

async function countsOf(org: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of MONITORING_TABLES)
    counts[table] = await countRows(table, org);
  return counts;
}

function tableResult(result: RetentionResult, table: string) {
  const found = result.tables.find((each) => each.table === table);
  assert.ok(found, `no result for ${table}`);
  return found!;
}

test.before(async () => {
  database = await createTestDatabase();
  seed = await seedTwoOrgs(database);
  await insertGrafanaAlerts(seed.orgA, 2500, OLD, "bulk-");
  await insertGrafanaAlerts(seed.orgA, 3, null, "recent-");
  [mergedSourceAlert] = await insertGrafanaAlerts(seed.orgA, 1, OLD, "merged-");
  await database.root.query(
    `insert into incidents (org_id, title, status, merged_into_id, source, source_alert_id)
     values ($1, 'duplicate of the checkout incident', 'merged', $2, 'grafana', $3)`,
    [seed.orgA, seed.incidentA, mergedSourceAlert],
  );
});

test.after(async () => {
  await database.drop();
});

test("dry run deletes nothing", async () => {
  const before = { A: await countsOf(seed.orgA), B: await countsOf(seed.orgB) };
  const result = await applyRetention(database.settings, {
    olderThan: parseDuration("30d", "--older-than"),
    dryRun: true,
  });
  assert.is(result.dryRun, true);
  const grafana = tableResult(result, "grafana_alerts");
  // The 2,500 bulk rows go; the source alerts of A's and B's open incidents and the
  // alert of the incident merged into A's stay.
  assert.is(grafana.deleted, 2500);
  assert.is(grafana.kept, 3);
  assert.is(grafana.batches, 0);
  assert.is(tableResult(result, "datadog_events").kept, 2);
  assert.is(tableResult(result, "netdata_alerts").deleted, 2);
  assert.equal(await countsOf(seed.orgA), before.A);
  assert.equal(await countsOf(seed.orgB), before.B);
});

test("retention deletes in bounded batches", async () => {
  const beforeB = await countsOf(seed.orgB);
  const result = await applyRetention(database.settings, {
    olderThan: parseDuration("30d", "--older-than"),
    org: seed.orgA,
    batchSize: 1000,
  });
  const grafana = tableResult(result, "grafana_alerts");
  assert.is(grafana.deleted, 2500);
  assert.is(grafana.batches, 3);
  assert.is(grafana.kept, 2);
  for (const table of MONITORING_TABLES) {
    if (table === "grafana_alerts" || table === "datadog_events") continue;
    assert.is(tableResult(result, table).deleted, 1, table);
    assert.is(await countRows(table, seed.orgA), 0, table);
  }
  // The source alert of the open incident, the merged incident's alert and the recent ones.
  assert.is(await countRows("grafana_alerts", seed.orgA), 5);
  assert.is(await countRows("datadog_events", seed.orgA), 1);
  assert.equal(await countsOf(seed.orgB), beforeB);
});

test("retention keeps alerts of open incidents only", async () => {
  await database.root.query(
    "update incidents set status = 'resolved', resolved_at = now() where org_id = $1 and id = $2",
    [seed.orgB, seed.incidentB],
  );
  const result = await applyRetention(database.settings, {
    olderThan: parseDuration("12h", "--older-than"),
    org: seed.orgB,
  });
  assert.is(tableResult(result, "grafana_alerts").deleted, 1);
  assert.is(tableResult(result, "datadog_events").deleted, 1);
  assert.equal(
    Object.values(await countsOf(seed.orgB)),
    [0, 0, 0, 0, 0, 0, 0, 0, 0],
  );
  const { rows } = await database.root.query(
    `select i.source_alert_id, (select count(*)::int from incident_alerts a
                                 where a.org_id = i.org_id and a.incident_id = i.id) as attached
       from incidents i where i.org_id = $1 and i.id = $2`,
    [seed.orgB, seed.incidentB],
  );
  assert.equal(rows[0], { source_alert_id: null, attached: 0 });
});

test("retention run twice deletes nothing more", async () => {
  const result = await applyRetention(database.settings, {
    olderThan: parseDuration("30d", "--older-than"),
  });
  assert.is(result.deleted, 0);
  assert.is(await countRows("grafana_alerts", seed.orgA), 5);
});

test("duration accepts whole units", () => {
  assert.is(parseDuration("30d", "--older-than").interval, "30 days");
  assert.is(parseDuration("12h", "--older-than").interval, "12 hours");
  assert.is(parseDuration("90m", "--older-than").seconds, 5400);
  assert.is(parseDuration("2w", "--older-than").interval, "2 weeks");
});

test("duration rejects other forms", () => {
  for (const text of [
    "30",
    "30 days",
    "0d",
    "-1d",
    "1.5h",
    "d",
    "30D",
    "030d",
    "36526d",
    "5218w",
    "99999999w",
    "10000000000d",
    `${"9".repeat(400)}s`,
  ]) {
    assert.throws(
      () => parseDuration(text, "--older-than"),
      (error: Error) =>
        error.message ===
        `--older-than is "${text}", but it must be <n>s, <n>m, <n>h, <n>d or <n>w ` +
          "(seconds, minutes, hours, days or weeks) with a whole number n above 0, " +
          "at most 100 years (36525d), such as 30d or 12h.",
      text,
    );
  }
});

test("duration accepts the maximum", () => {
  assert.is(parseDuration("36525d", "--older-than").interval, "36525 days");
  assert.is(parseDuration("5217w", "--older-than").interval, "5217 weeks");
});

test("batch size must be a positive integer", () => {
  assert.is(parseBatchSize(undefined), 1000);
  assert.is(parseBatchSize("250"), 250);
  for (const text of ["0", "-5", "1e3", "abc", "100001"]) {
    assert.throws(() => parseBatchSize(text), /--batch-size is/, text);
  }
});

test.run();
