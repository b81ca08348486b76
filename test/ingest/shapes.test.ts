/** Bodies with none of a source's identifying fields, sent to every source. */

import fs from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ValidationError } from "../../src/errors.ts";
import {
  INGEST_SOURCES,
  parseAlerts,
  type IngestSource,
} from "../../src/ingest/index.ts";
import { fixturesDir, thrownBy } from "./helpers.ts";

/** Sources that parse each other's bodies on purpose. */
const SAME_SHAPE: ReadonlyArray<readonly IngestSource[]> = [
  ["grafana", "alertmanager"],
  ["jenkins", "cloudbees"],
];

function sameShape(a: IngestSource, b: IngestSource): boolean {
  return (
    a === b ||
    SAME_SHAPE.some((group) => group.includes(a) && group.includes(b))
  );
}

function firstFixture(source: IngestSource): Buffer {
  const folder = path.join(fixturesDir, source);
  const file = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".json"))[0];
  assert.ok(file, `no fixture for ${source}`);
  return fs.readFileSync(path.join(folder, file as string));
}

function rejection(source: IngestSource, bytes: Uint8Array): ValidationError {
  return thrownBy(
    () => parseAlerts(source, bytes, "body.json"),
    ValidationError,
  );
}

for (const source of INGEST_SOURCES) {
  test(`${source} rejects {} and {"foo":1}`, () => {
    for (const body of ["{}", '{"foo":1}']) {
      const error = rejection(source, Buffer.from(body));
      assert.ok(error.issues.length > 0, `${source} ${body}: no issue`);
      assert.match(error.message, /^body\.json: \/\w*: /);
      assert.match(error.message, /missing/);
    }
  });

  test(`${source} rejects other sources' fixtures`, () => {
    for (const other of INGEST_SOURCES) {
      if (sameShape(source, other)) continue;
      const error = rejection(source, firstFixture(other));
      assert.ok(error.issues.length > 0, `${source} <- ${other}: no issue`);
    }
  });
}

test("datadog names the likely source", () => {
  const cases: Array<[IngestSource, string]> = [
    ["grafana", "grafana"],
    ["alertmanager", "alertmanager"],
    ["pagerduty", "pagerduty"],
    ["bigpanda", "bigpanda"],
    ["jenkins", "jenkins"],
    ["dynatrace", "dynatrace"],
    ["splunk", "splunk"],
    ["netdata", "netdata"],
  ];
  for (const [other, suggested] of cases) {
    const error = rejection("datadog", firstFixture(other));
    assert.match(error.message, `--source ${suggested}`);
  }
});

test("datadog rejects a body with only a title", () => {
  const error = rejection(
    "datadog",
    Buffer.from(JSON.stringify({ title: "[Triggered] CPU high" })),
  );
  assert.match(error.message, "/id: missing");
  assert.match(error.message, "`monitor_id`");
});

test("legacy grafana body names grafana", () => {
  const legacy = fs.readFileSync(
    path.join(fixturesDir, "grafana", "legacy-payments-queue-ok.json"),
  );
  const error = rejection("datadog", legacy);
  assert.match(error.message, "--source grafana");
});

test("datadog requires title", () => {
  const error = rejection(
    "datadog",
    Buffer.from(JSON.stringify({ id: "1", event_type: "log_alert" })),
  );
  assert.is(error.issues[0]?.path, "/title");
});

test("datadog names messages as pagerduty", () => {
  const body = {
    title: "x",
    id: "1",
    messages: [{ event: "incident.trigger" }],
  };
  const error = rejection("datadog", Buffer.from(JSON.stringify(body)));
  assert.match(error.message, "--source pagerduty");
});

test("datadog accepts title with event id", () => {
  const body = { title: "[Triggered] CPU high", id: "42" };
  const { alerts } = parseAlerts(
    "datadog",
    Buffer.from(JSON.stringify(body)),
    "x",
  );
  assert.is(alerts.length, 1);
  assert.is(alerts[0]?.title, "CPU high");
});

test.run();
