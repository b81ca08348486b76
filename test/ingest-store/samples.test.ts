/**
 * Every public alert sample goes through ingestBodies into its own
 * organization, and each stored row must carry the normalised fields that
 * the parser produced. Ingesting the same file again must add nothing.
 */

import fs from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ingestBodies } from "../../src/ingest/ingest.ts";
import {
  parseAlerts,
  type IngestSource,
  type NormalizedAlert,
} from "../../src/ingest/index.ts";
import {
  openHarness,
  samplesDir,
  samplesPresent,
  type Harness,
} from "./helpers.ts";

const TABLES: Record<string, string> = {
  grafana: "grafana_alerts",
  datadog: "datadog_events",
  pagerduty: "pagerduty_events",
  netdata: "netdata_alerts",
  splunk: "splunk_alerts",
  dynatrace: "dynatrace_problems",
  bigpanda: "bigpanda_events",
  jenkins: "jenkins_events",
  cloudbees: "cloudbees_events",
};

const ALERT_SOURCES = new Set(["alertmanager", ...Object.keys(TABLES)]);

interface SampleFile {
  source: IngestSource;
  relative: string;
  bytes: Buffer;
}

function listSamples(): SampleFile[] {
  const files: SampleFile[] = [];
  for (const folder of fs.readdirSync(samplesDir).sort()) {
    if (!ALERT_SOURCES.has(folder)) continue;
    for (const file of fs.readdirSync(path.join(samplesDir, folder)).sort()) {
      if (!file.endsWith(".json")) continue;
      const relative = `${folder}/${file}`;
      files.push({
        source: folder as IngestSource,
        relative,
        bytes: fs.readFileSync(path.join(samplesDir, relative)),
      });
    }
  }
  return files;
}

interface StoredRow {
  dedup_key: string;
  fingerprint: string;
  title: string;
  state: string;
  source_state: string;
  severity: string | null;
  service: string | null;
  environment: string | null;
  description: string | null;
  starts_at: string | null;
  ends_at: string | null;
  labels: Record<string, string>;
  payload: unknown;
  payload_transforms: string[];
}

async function storedRows(
  harness: Harness,
  table: string,
  orgId: string,
): Promise<Map<string, StoredRow>> {
  const { rows } = await harness.database.root.query<StoredRow>(
    `select dedup_key, fingerprint, title, state, source_state, severity, service, environment,
       description, labels, payload, payload_transforms,
       to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as starts_at,
       to_char(ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as ends_at
     from ${table} where org_id = $1`,
    [orgId],
  );
  return new Map(rows.map((row) => [row.dedup_key, row]));
}

/** Pads an ISO time to the microseconds that PostgreSQL prints. */
function micros(value: string | null): string | null {
  if (value === null) return null;
  const match = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?Z$/.exec(value);
  assert.ok(match, `unexpected time ${value}`);
  return `${match[1]}.${(match[2] ?? "").padEnd(6, "0")}Z`;
}

function assertStored(row: StoredRow | undefined, alert: NormalizedAlert) {
  const where = `${alert.dedupKey}`;
  assert.ok(row, `no row stored for ${where}`);
  assert.is(row.fingerprint, alert.fingerprint, `fingerprint of ${where}`);
  assert.is(row.title, alert.title, `title of ${where}`);
  assert.is(row.state, alert.state, `state of ${where}`);
  assert.is(row.source_state, alert.sourceState, `source_state of ${where}`);
  assert.is(row.severity, alert.severity, `severity of ${where}`);
  assert.is(row.service, alert.service, `service of ${where}`);
  assert.is(row.environment, alert.environment, `environment of ${where}`);
  assert.is(row.description, alert.description, `description of ${where}`);
  assert.is(row.starts_at, micros(alert.startsAt), `starts_at of ${where}`);
  assert.is(row.ends_at, micros(alert.endsAt), `ends_at of ${where}`);
  assert.equal(row.labels, alert.labels, `labels of ${where}`);
  assert.equal(row.payload, alert.payload, `payload of ${where}`);
  assert.equal(row.payload_transforms, alert.payloadTransforms);
}

let harness: Harness;

test.before(async () => {
  harness = await openHarness();
});

test.after(async () => {
  await harness.close();
});

test("stores every sample with its normalised fields", async () => {
  if (!samplesPresent("ingest-store samples")) return;
  const samples = listSamples();
  assert.ok(samples.length >= 30, `only ${samples.length} samples found`);
  for (const sample of samples) {
    const { alerts } = parseAlerts(
      sample.source,
      sample.bytes,
      sample.relative,
    );
    const org = await harness.newOrg();
    const summary = await ingestBodies(harness.db, {
      org: org.slug,
      source: sample.source,
      inputs: [{ name: sample.relative, bytes: sample.bytes }],
    });
    const keys = new Set(alerts.map((alert) => alert.dedupKey));
    assert.is(summary.files, 1, sample.relative);
    assert.is(summary.alerts, alerts.length, sample.relative);
    assert.is(
      summary.inserted,
      keys.size,
      `rows inserted for ${sample.relative}`,
    );
    assert.is(summary.duplicates, 0, `duplicates in ${sample.relative}`);

    const table = TABLES[alerts[0]!.source]!;
    const rows = await storedRows(harness, table, org.id);
    assert.is(rows.size, keys.size, `rows of ${sample.relative}`);
    for (const alert of alerts) assertStored(rows.get(alert.dedupKey), alert);

    const again = await ingestBodies(harness.db, {
      org: org.id,
      source: sample.source,
      inputs: [{ name: sample.relative, bytes: sample.bytes }],
    });
    assert.is(
      again.stored,
      0,
      `second ingest of ${sample.relative} stored rows`,
    );
    assert.is(again.duplicates, alerts.length, sample.relative);
    assert.is(await harness.count(table, org.id), keys.size, sample.relative);
    assert.is(again.incidentsOpened, 0, sample.relative);
  }
});

test("stores source-specific columns of samples", async () => {
  if (!samplesPresent("ingest-store samples")) return;
  const org = await harness.newOrg();
  const ingest = (source: IngestSource, relative: string) =>
    ingestBodies(harness.db, {
      org: org.id,
      source,
      inputs: [
        {
          name: relative,
          bytes: fs.readFileSync(path.join(samplesDir, relative)),
        },
      ],
    });
  await ingest("datadog", "datadog/log-alert-recovered.json");
  await ingest("pagerduty", "pagerduty/v3-incident-triggered.json");
  await ingest("grafana", "grafana/legacy-evalmatches-test-notification.json");
  const root = harness.database.root;

  const datadog = await root.query(
    `select monitor_id, event_id, alert_query, scopes, tags, datadog_org_id, last_updated_at
     from datadog_events where org_id = $1`,
    [org.id],
  );
  assert.is(datadog.rows[0].monitor_id, "160076582");
  assert.is(datadog.rows[0].event_id, "7879702138782271851");
  assert.match(datadog.rows[0].alert_query, /^logs\("status:error"\)/);
  assert.equal(datadog.rows[0].scopes, ["service:keep-api-feature-unique-id"]);
  assert.is(datadog.rows[0].datadog_org_id, "100000");
  assert.is(
    datadog.rows[0].last_updated_at.toISOString(),
    "2024-12-11T15:08:32.000Z",
  );

  const pagerduty = await root.query(
    "select format, incident_id, pd_service_id, html_url from pagerduty_events where org_id = $1",
    [org.id],
  );
  assert.is(pagerduty.rows[0].format, "v3");
  assert.is(pagerduty.rows[0].incident_id, "PFQZPSY");
  assert.ok(pagerduty.rows[0].pd_service_id, "pd_service_id is empty");
  assert.match(pagerduty.rows[0].html_url, /^https:\/\//);

  const grafana = await root.query(
    "select format, grafana_org_id, metric_values, generator_url from grafana_alerts where org_id = $1",
    [org.id],
  );
  assert.is(grafana.rows[0].format, "legacy");
  assert.is(grafana.rows[0].grafana_org_id, "0");
  assert.ok(Array.isArray(grafana.rows[0].metric_values), "evalMatches kept");
  assert.ok(grafana.rows[0].generator_url, "ruleUrl kept as generator_url");
});

test.run();
