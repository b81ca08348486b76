/**
 * Listing recent alerts of a source: keyset pages that cover every row once,
 * read through the source table's (org_id, received_at, id) index.
 */

import { test } from "uvu";
import * as assert from "uvu/assert";
import { listRecentAlerts } from "../../generated/monitoring.queries.ts";
import { ingestBodies } from "../../src/ingest/ingest.ts";
import type { TenantTransaction } from "../../src/pool/index.ts";
import {
  alertmanagerBody,
  openHarness,
  type Harness,
  type Organization,
} from "./helpers.ts";

let harness: Harness;
let org: Organization;

test.before(async () => {
  harness = await openHarness();
  org = await harness.newOrg();
  const alerts = Array.from({ length: 25 }, (_, index) => ({
    name: `Check${index}`,
    service: `service-${index}`,
    startsAt: `2026-11-30T09:${String(index).padStart(2, "0")}:00Z`,
  }));
  await ingestBodies(harness.db, {
    org: org.id,
    source: "alertmanager",
    inputs: [{ name: "many.json", bytes: alertmanagerBody(alerts) }],
  });
});

test.after(async () => {
  await harness.close();
});

test("pages through every alert once", async () => {
  const seen: string[] = [];
  let after: { time: string; id: string } | null = null;
  await harness.db.withTenant({ orgId: org.id }, async (tx) => {
    for (let page = 0; page < 10; page += 1) {
      const rows = await listRecentAlerts.run(
        {
          source: "grafana",
          afterTime: after?.time ?? null,
          afterId: after?.id ?? null,
          limit: 10,
        },
        tx,
      );
      seen.push(...rows.map((row) => row.id));
      if (rows.length < 10) break;
      const last = rows.at(-1)!;
      after = { time: last.cursorTime, id: last.id };
    }
  });
  assert.is(seen.length, 25);
  assert.is(new Set(seen).size, 25);
  const ids = seen.map(Number);
  assert.equal(
    ids,
    [...ids].sort((left, right) => right - left),
  );
});

/** Returns the JSON plan of the statement that `run` sends. */
async function planOf(
  tx: TenantTransaction,
  run: (connection: { query: TenantTransaction["query"] }) => Promise<unknown>,
): Promise<string> {
  let plan = "";
  await run({
    query: (async (text: string, values?: readonly unknown[]) => {
      const result = await tx.query(`explain (format json) ${text}`, values);
      plan = JSON.stringify(result.rows[0]);
      return { rows: [], rowCount: 0, fields: [], command: "EXPLAIN" };
    }) as TenantTransaction["query"],
  });
  return plan;
}

test("list reads one table through its index", async () => {
  const plan = await harness.db.withTenant({ orgId: org.id }, (tx) =>
    planOf(tx, (connection) =>
      listRecentAlerts.run(
        { source: "grafana", afterTime: null, afterId: null, limit: 10 },
        connection,
      ),
    ),
  );
  assert.ok(
    plan.includes("grafana_alerts_org_id_received_at_id_idx"),
    `plan does not use the received_at index: ${plan}`,
  );
  for (const other of [
    "datadog_events",
    "pagerduty_events",
    "netdata_alerts",
  ]) {
    assert.not.ok(plan.includes(`"${other}"`), `plan reads ${other}`);
  }
});

test.run();
