/**
 * Alert bookkeeping on incidents (alert_count, first_alert_at,
 * last_alert_at, alert_titles), which correlation reads instead of the
 * incident's alerts: it must stay right across joins, merges and retention
 * deletes.
 */

import pg from "pg";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mergeIncidents } from "../../src/correlation/merge.ts";
import { ingestBodies } from "../../src/ingest/ingest.ts";
import {
  alertmanagerBody,
  openHarness,
  type Harness,
  type Organization,
} from "./helpers.ts";

let harness: Harness;

test.before(async () => {
  harness = await openHarness();
});

test.after(async () => {
  await harness.close();
});

interface BookkeepingRow {
  id: string;
  title: string;
  alert_count: number;
  counted: number;
  first_alert_at: Date | null;
  last_alert_at: Date | null;
  alert_titles: string[];
}

/** Incidents with their stored bookkeeping and the count recomputed from their alerts. */
async function bookkeeping(org: Organization): Promise<BookkeepingRow[]> {
  const { rows } = await harness.database.root.query<BookkeepingRow>(
    `select incident.id, incident.title, incident.alert_count, incident.first_alert_at,
       incident.last_alert_at, incident.alert_titles,
       (select count(*)::int from incident_alerts as attached
         where attached.org_id = incident.org_id and attached.incident_id = incident.id)
         + (incident.source_alert_id is not null)::int as counted
     from incidents as incident
     where incident.org_id = $1
     order by incident.started_at, incident.title`,
    [org.id],
  );
  return rows;
}

function ingest(org: Organization, body: Buffer) {
  return ingestBodies(harness.db, {
    org: org.id,
    source: "alertmanager",
    inputs: [{ name: "body.json", bytes: body }],
    env: {},
  });
}

test("joins update count, span and titles", async () => {
  const org = await harness.newOrg();
  await ingest(
    org,
    alertmanagerBody([
      {
        name: "HighLatency",
        service: "checkout",
        startsAt: "2026-11-30T09:00:00Z",
      },
      {
        name: "ErrorRate",
        service: "checkout",
        startsAt: "2026-11-30T09:01:00Z",
      },
      {
        name: "ErrorRate",
        service: "checkout",
        instance: "node-2",
        startsAt: "2026-11-30T09:02:00Z",
      },
    ]),
  );
  const [incident] = await bookkeeping(org);
  assert.is(incident!.alert_count, 3);
  assert.is(incident!.counted, 3);
  assert.is(
    incident!.first_alert_at!.toISOString(),
    "2026-11-30T09:00:00.000Z",
  );
  assert.is(incident!.last_alert_at!.toISOString(), "2026-11-30T09:02:00.000Z");
  assert.equal(incident!.alert_titles, ["ErrorRate", "HighLatency"]);
});

test("merge moves the count to the target", async () => {
  const org = await harness.newOrg();
  await ingest(
    org,
    alertmanagerBody([
      {
        name: "DeployFailed",
        service: "deployer",
        startsAt: "2026-11-30T08:00:00Z",
      },
      {
        name: "HighLatency",
        service: "checkout",
        startsAt: "2026-11-30T09:00:00Z",
      },
      {
        name: "ErrorRate",
        service: "checkout",
        startsAt: "2026-11-30T09:01:00Z",
      },
    ]),
  );
  const [deploy, latency] = await bookkeeping(org);
  assert.is(deploy!.alert_count, 1);
  assert.is(latency!.alert_count, 2);

  await mergeIncidents(harness.db, {
    org: org.id,
    from: latency!.id,
    into: deploy!.id,
  });

  const after = await bookkeeping(org);
  const into = after.find((row) => row.id === deploy!.id)!;
  assert.is(into.alert_count, 3);
  assert.is(into.counted, 3);
  assert.is(into.first_alert_at!.toISOString(), "2026-11-30T08:00:00.000Z");
  assert.is(into.last_alert_at!.toISOString(), "2026-11-30T09:01:00.000Z");
  assert.equal(into.alert_titles.sort(), [
    "DeployFailed",
    "ErrorRate",
    "HighLatency",
  ]);
});

test("retention delete lowers the count", async () => {
  const org = await harness.newOrg();
  await ingest(
    org,
    alertmanagerBody([
      {
        name: "HighLatency",
        service: "checkout",
        startsAt: "2026-11-30T09:00:00Z",
      },
      {
        name: "ErrorRate",
        service: "checkout",
        startsAt: "2026-11-30T09:01:00Z",
      },
      {
        name: "PodRestarts",
        service: "checkout",
        startsAt: "2026-11-30T09:02:00Z",
      },
    ]),
  );
  // Retention deletes alerts as the maintenance role, past row-level security.
  const maintenance = new pg.Client({
    connectionString: harness.database.settings.maintenanceUrl,
  });
  await maintenance.connect();
  try {
    const deleted = await maintenance.query(
      `delete from grafana_alerts
       where org_id = $1 and title in ('HighLatency', 'ErrorRate')`,
      [org.id],
    );
    assert.is(deleted.rowCount, 2);
  } finally {
    await maintenance.end();
  }
  const [incident] = await bookkeeping(org);
  assert.is(incident!.counted, 1, "only PodRestarts is left");
  assert.is(incident!.alert_count, 1);
});

test("full incident takes no more alerts", async () => {
  const org = await harness.newOrg();
  const alerts = Array.from({ length: 4 }, (_, index) => ({
    name: `Check${index}`,
    service: "checkout",
    startsAt: `2026-11-30T09:00:0${index}Z`,
  }));
  await ingestBodies(harness.db, {
    org: org.id,
    source: "alertmanager",
    inputs: [{ name: "body.json", bytes: alertmanagerBody(alerts) }],
    correlation: { maxAlertsPerIncident: 2 },
    env: {},
  });
  const rows = await bookkeeping(org);
  assert.equal(
    rows.map((row) => row.alert_count),
    [2, 2],
  );
  for (const row of rows) assert.is(row.alert_count, row.counted);
});

test.run();
