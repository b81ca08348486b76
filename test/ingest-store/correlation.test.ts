/**
 * Correlation of stored alerts into incidents (correlate_alerts) and manual
 * merges (merge_incidents), through ingestBodies and mergeIncidents.
 */

import { test } from "uvu";
import * as assert from "uvu/assert";
import { mergeIncidents } from "../../src/correlation/merge.ts";
import {
  ConflictError,
  NotFoundError,
  ValidationError,
} from "../../src/errors.ts";
import { ingestBodies, type IngestSummary } from "../../src/ingest/ingest.ts";
import type { IngestSource } from "../../src/ingest/index.ts";
import { rejection } from "../helpers/database.ts";
import {
  alertmanagerBody,
  jsonBytes,
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

function ingest(
  org: Organization,
  body: Buffer,
  source: IngestSource = "alertmanager",
  correlation = {},
): Promise<IngestSummary> {
  return ingestBodies(harness.db, {
    org: org.id,
    source,
    inputs: [{ name: "body.json", bytes: body }],
    correlation,
    env: {},
  });
}

interface IncidentRow {
  id: string;
  title: string;
  status: string;
  service: string | null;
  severity: string | null;
  affected_services: string[];
  started_at: Date;
  resolved_at: Date | null;
  merged_into_id: string | null;
  source_alert_id: string | null;
}

async function incidents(org: Organization): Promise<IncidentRow[]> {
  const { rows } = await harness.database.root.query<IncidentRow>(
    `select id, title, status, service, severity, affected_services, started_at, resolved_at,
       merged_into_id, source_alert_id
     from incidents where org_id = $1 order by started_at, title`,
    [org.id],
  );
  return rows;
}

interface AttachmentRow {
  incident_id: string;
  title: string;
  strategy: string;
  score: string;
  details: Record<string, any>;
}

async function attachments(org: Organization): Promise<AttachmentRow[]> {
  const { rows } = await harness.database.root.query<AttachmentRow>(
    `select attached.incident_id, alert.title, attached.strategy, attached.score,
       attached.details
     from incident_alerts as attached
     join monitoring_alerts as alert
       on alert.org_id = attached.org_id and alert.source = attached.alert_source
       and alert.id = attached.alert_id
     where attached.org_id = $1
     order by coalesce(alert.starts_at, alert.received_at), attached.id`,
    [org.id],
  );
  return rows;
}

test("firing then resolved resolves the incident", async () => {
  const org = await harness.newOrg();
  const firing = await ingest(
    org,
    alertmanagerBody([
      {
        name: "HighLatency",
        service: "checkout",
        startsAt: "2026-11-30T09:00:00Z",
      },
    ]),
  );
  assert.is(firing.incidentsOpened, 1);
  let [incident] = await incidents(org);
  assert.is(incident!.status, "investigating");
  assert.is(incident!.title, "HighLatency");
  assert.is(incident!.service, "checkout");
  assert.is(incident!.severity, "critical");
  assert.is(incident!.started_at.toISOString(), "2026-11-30T09:00:00.000Z");

  const resolved = await ingest(
    org,
    alertmanagerBody([
      {
        name: "HighLatency",
        service: "checkout",
        status: "resolved",
        startsAt: "2026-11-30T09:00:00Z",
        endsAt: "2026-11-30T09:40:00Z",
      },
    ]),
  );
  assert.is(resolved.updated, 1);
  assert.is(resolved.incidentsResolved, 1);
  [incident] = await incidents(org);
  assert.is(incident!.status, "resolved");
  assert.is(incident!.resolved_at!.toISOString(), "2026-11-30T09:40:00.000Z");
});

test("resolved alert never seen firing opens nothing", async () => {
  const org = await harness.newOrg();
  const summary = await ingest(
    org,
    alertmanagerBody([
      {
        name: "DiskFull",
        service: "db",
        status: "resolved",
        startsAt: "2026-11-30T09:00:00Z",
        endsAt: "2026-11-30T09:05:00Z",
      },
    ]),
  );
  assert.is(summary.stored, 1);
  assert.is(summary.incidentsOpened, 0);
  assert.is(await harness.count("incidents", org.id), 0);
});

test("groups one service inside the window", async () => {
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
        startsAt: "2026-11-30T09:03:30Z",
      },
    ]),
  );

  const rows = await incidents(org);
  assert.is(rows.length, 1, "one incident for the three alerts");
  const attached = await attachments(org);
  assert.equal(
    attached.map((row) => row.strategy),
    ["service_match", "service_match"],
  );

  const errorRate = attached[0]!;
  assert.is(errorRate.title, "ErrorRate");
  assert.is(errorRate.details.rule, "score");
  assert.is(errorRate.details.timeDeltaSeconds, 60);
  assert.is(errorRate.details.matchedService, "checkout");
  assert.equal(errorRate.details.weights, {
    service: 0.5,
    time: 0.3,
    similarity: 0.2,
  });
  assert.is(errorRate.details.scores.service, 1);
  assert.is(errorRate.details.scores.time, 0.8);
  assert.ok(Number(errorRate.score) >= 0.6, `score ${errorRate.score}`);
  assert.is(Number(errorRate.score), errorRate.details.weightedScore);

  // PodRestarts is 150 s from ErrorRate, its nearest alert.
  assert.is(attached[1]!.details.timeDeltaSeconds, 150);
});

test("opens another incident outside the window", async () => {
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
        startsAt: "2026-11-30T09:06:00Z",
      },
    ]),
  );
  assert.is((await incidents(org)).length, 2);
  assert.is((await attachments(org)).length, 0);
});

test("window comes from the settings", async () => {
  const org = await harness.newOrg();
  const summary = await ingest(
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
        startsAt: "2026-11-30T09:06:00Z",
      },
    ]),
    "alertmanager",
    { windowSeconds: 900 },
  );
  assert.is(summary.incidentsOpened, 1);
  assert.is(summary.incidentsJoined, 1);
  const [attached] = await attachments(org);
  assert.is(attached!.details.windowSeconds, 900);
});

test("joins by time when neither names a service", async () => {
  const org = await harness.newOrg();
  await ingest(
    org,
    alertmanagerBody([
      { name: "NodeDown", startsAt: "2026-11-30T09:00:00Z" },
      {
        name: "Unreachable",
        startsAt: "2026-11-30T09:00:20Z",
        instance: "node-2",
      },
    ]),
  );
  const attached = await attachments(org);
  assert.is(attached.length, 1);
  assert.is(attached[0]!.strategy, "time_window");
  assert.ok(
    attached[0]!.details.reasons.includes(
      "neither the alert nor the incident names a service",
    ),
  );
});

test("joins by similar title across services", async () => {
  const org = await harness.newOrg();
  await ingest(
    org,
    alertmanagerBody([
      {
        name: "PostgresReplicationLag",
        service: "orders-db",
        startsAt: "2026-11-30T09:00:00Z",
      },
      {
        name: "PostgresReplicationLagHigh",
        service: "billing-db",
        startsAt: "2026-11-30T09:20:00Z",
      },
    ]),
  );
  const attached = await attachments(org);
  assert.is(attached.length, 1);
  assert.is(attached[0]!.strategy, "semantic");
  assert.is(attached[0]!.details.rule, "semantic");
  assert.ok(
    Number(attached[0]!.score) >= 0.5,
    `similarity ${attached[0]!.score}`,
  );
  const [incident] = await incidents(org);
  assert.equal(incident!.affected_services, ["orders-db", "billing-db"]);
});

test("caps alerts per incident", async () => {
  const org = await harness.newOrg();
  const alerts = Array.from({ length: 5 }, (_, index) => ({
    name: `Check${index}`,
    service: "checkout",
    startsAt: `2026-11-30T09:00:0${index}Z`,
  }));
  const summary = await ingest(org, alertmanagerBody(alerts), "alertmanager", {
    maxAlertsPerIncident: 3,
  });
  assert.is(summary.incidentsOpened, 2);
  assert.is(summary.incidentsJoined, 3);
  const sizes = (await attachments(org)).reduce<Record<string, number>>(
    (count, row) => ({
      ...count,
      [row.incident_id]: (count[row.incident_id] ?? 0) + 1,
    }),
    {},
  );
  assert.equal(Object.values(sizes).sort(), [1, 2]);
});

test("same fingerprint joins its open incident", async () => {
  const org = await harness.newOrg();
  await ingest(
    org,
    alertmanagerBody([
      {
        name: "HighLatency",
        service: "checkout",
        startsAt: "2026-11-30T09:00:00Z",
      },
    ]),
  );
  // The same alert fires again two hours later: a new occurrence, same label set.
  const again = await ingest(
    org,
    alertmanagerBody([
      {
        name: "HighLatency",
        service: "checkout",
        startsAt: "2026-11-30T11:00:00Z",
      },
    ]),
  );
  assert.is(again.incidentsJoined, 1);
  const [attached] = await attachments(org);
  assert.is(attached!.details.rule, "fingerprint");
  assert.is(Number(attached!.score), 1);
});

/** Builds a Netdata alert body for host payments-db at `date`. */
function netdataBody(severity: "critical" | "clear", date: string): Buffer {
  return jsonBytes({
    message: "disk space usage",
    alert: "disk_space_usage",
    chart: "disk_space._",
    context: "disk.space",
    space: "Example",
    family: "/",
    class: "Utilization",
    severity,
    date,
    host: "payments-db",
  });
}

test("alert firing again reopens its incident", async () => {
  const org = await harness.newOrg();
  await ingest(org, netdataBody("critical", "2026-11-30T09:00:00Z"), "netdata");
  const cleared = await ingest(
    org,
    netdataBody("clear", "2026-11-30T09:30:00Z"),
    "netdata",
  );
  assert.is(cleared.incidentsResolved, 1);
  const again = await ingest(
    org,
    netdataBody("critical", "2026-11-30T10:00:00Z"),
    "netdata",
  );
  assert.is(again.incidentsReopened, 1);
  const [incident] = await incidents(org);
  assert.is(incident!.status, "investigating");
  assert.is(incident!.resolved_at, null);
  assert.is(await harness.count("netdata_alerts", org.id), 1);
});

test("late firing delivery keeps the resolution", async () => {
  const org = await harness.newOrg();
  await ingest(org, netdataBody("critical", "2026-11-30T09:00:00Z"), "netdata");
  await ingest(org, netdataBody("clear", "2026-11-30T09:30:00Z"), "netdata");
  const late = await ingest(
    org,
    netdataBody("critical", "2026-11-30T09:00:00Z"),
    "netdata",
  );
  assert.is(late.stored, 0);
  assert.is(late.duplicates, 1);
  const [incident] = await incidents(org);
  assert.is(incident!.status, "resolved");
});

test("body with firing then resolved keeps the order", async () => {
  const org = await harness.newOrg();
  const body = alertmanagerBody([
    { name: "Flap", service: "checkout", startsAt: "2026-11-30T09:00:00Z" },
    {
      name: "Flap",
      service: "checkout",
      status: "resolved",
      startsAt: "2026-11-30T09:00:00Z",
      endsAt: "2026-11-30T09:02:00Z",
    },
  ]);
  const summary = await ingest(org, body);
  assert.is(summary.inserted, 1);
  assert.is(summary.updated, 1);
  assert.is(summary.incidentsOpened, 1);
  assert.is(summary.incidentsResolved, 1);
});

test("does not correlate across organizations", async () => {
  const first = await harness.newOrg();
  const second = await harness.newOrg();
  const body = alertmanagerBody([
    {
      name: "HighLatency",
      service: "checkout",
      startsAt: "2026-11-30T09:00:00Z",
    },
  ]);
  await ingest(first, body);
  const summary = await ingest(second, body);
  assert.is(
    summary.inserted,
    1,
    "the same alert is new in the other organization",
  );
  assert.is(summary.incidentsOpened, 1);
  assert.is(await harness.count("incidents", first.id), 1);
  assert.is(await harness.count("incidents", second.id), 1);
});

test("merges incidents by hand", async () => {
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
  const [deploy, latency] = await incidents(org);
  assert.is(deploy!.title, "DeployFailed");
  const merged = await mergeIncidents(harness.db, {
    org: org.slug,
    from: latency!.id,
    into: deploy!.id,
  });
  assert.is(merged.movedAlerts, 2, "the opening alert and the correlated one");

  const after = await incidents(org);
  const from = after.find((row) => row.id === latency!.id)!;
  const into = after.find((row) => row.id === deploy!.id)!;
  assert.is(from.status, "merged");
  assert.is(from.merged_into_id, deploy!.id);
  assert.equal(into.affected_services.sort(), ["checkout", "deployer"]);
  const attached = await attachments(org);
  assert.is(attached.length, 2);
  for (const row of attached) {
    assert.is(row.incident_id, deploy!.id);
    assert.is(row.strategy, "manual");
    assert.is(Number(row.score), 1);
    assert.is(row.details.mergedFrom, latency!.id);
  }

  const again = await rejection(
    mergeIncidents(harness.db, {
      org: org.id,
      from: latency!.id,
      into: deploy!.id,
    }),
  );
  assert.instance(again, ConflictError);
  assert.match(again.message, /already merged/);
  const intoMerged = await rejection(
    mergeIncidents(harness.db, {
      org: org.id,
      from: deploy!.id,
      into: latency!.id,
    }),
  );
  assert.instance(intoMerged, ConflictError);
});

test("merge rejects unknown and invalid ids", async () => {
  const org = await harness.newOrg();
  const missing = await rejection(
    mergeIncidents(harness.db, {
      org: org.id,
      from: "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d",
      into: "4f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d",
    }),
  );
  assert.instance(missing, NotFoundError);
  assert.match(
    missing.message,
    /incident 3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d not found/,
  );
  const invalid = await rejection(
    mergeIncidents(harness.db, { org: org.id, from: "42", into: "43" }),
  );
  assert.instance(invalid, ValidationError);
  const same = await rejection(
    mergeIncidents(harness.db, {
      org: org.id,
      from: "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d",
      into: "3F2B8C1E-9A4D-4E7B-8C21-5D6F7A8B9C0D",
    }),
  );
  assert.instance(same, ValidationError);
});

test.run();
