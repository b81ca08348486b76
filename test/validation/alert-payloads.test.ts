/**
 * The payload envelopes must accept every payload the ingest parsers
 * produce from the project's fixtures and from the shared real samples, and
 * reject bodies of the wrong shape.
 */
import fs from "node:fs";
import path from "node:path";

import { test } from "uvu";
import * as assert from "uvu/assert";

import { projectRoot } from "../../src/config/project.ts";
import { ValidationError } from "../../src/errors.ts";
import { parseAlerts, type IngestSource } from "../../src/ingest/index.ts";
import {
  alertPayloadIssues,
  alertPayloadSchemas,
  validateAlertPayload,
} from "../../src/validation/index.ts";

const FIXTURES = path.join(projectRoot, "test", "fixtures", "alerts");
const SAMPLES = path.resolve(projectRoot, "..", "shared", "samples");

/** Parses every body under `root`/<source>/ and returns the envelope problems. */
function envelopeProblems(root: string): { files: number; problems: string[] } {
  let files = 0;
  const problems: string[] = [];
  for (const source of fs.readdirSync(root)) {
    const folder = path.join(root, source);
    if (!fs.statSync(folder).isDirectory() || source === "kubernetes") continue;
    for (const file of fs
      .readdirSync(folder)
      .filter((name) => name.endsWith(".json"))) {
      files += 1;
      const { alerts } = parseAlerts(
        source as IngestSource,
        fs.readFileSync(path.join(folder, file)),
        file,
      );
      for (const alert of alerts) {
        const issues = alertPayloadIssues(
          alert.source,
          alert.format,
          alert.payload,
        );
        if (issues.length > 0) {
          problems.push(
            `${source}/${file} (${alert.format}): ${JSON.stringify(issues)}`,
          );
        }
      }
    }
  }
  return { files, problems };
}

test("fixture payloads fit their envelopes", () => {
  const { files, problems } = envelopeProblems(FIXTURES);
  assert.ok(files > 10);
  assert.equal(problems, []);
});

test("shared sample payloads fit their envelopes", () => {
  if (!fs.existsSync(SAMPLES)) {
    console.log(`note: ${SAMPLES} is absent; sample payloads not checked`);
    return;
  }
  const { files, problems } = envelopeProblems(SAMPLES);
  assert.ok(files > 10);
  assert.equal(problems, []);
});

test("wrong shapes are rejected with paths", () => {
  const cases: [string, string, unknown, string][] = [
    ["grafana", "unified", { alerts: [] }, "/payload/alerts"],
    ["grafana", "alertmanager", { alerts: [{}, {}] }, "/payload/alerts"],
    ["grafana", "legacy", { evalMatches: [] }, "/payload/state"],
    [
      "pagerduty",
      "v3",
      { event: { event_type: "incident.triggered" } },
      "/payload/event/data",
    ],
    ["pagerduty", "v2", { messages: "x" }, "/payload/messages"],
    ["dynatrace", "cloudevent", { specversion: "1.0" }, "/payload/data"],
    ["splunk", "webhook", { result: {} }, "/payload"],
    ["jenkins", "notification", { build: {} }, "/payload"],
    ["bigpanda", "notification", { incident: {} }, "/payload"],
    ["datadog", "webhook", ["not", "an", "object"], "/payload"],
  ];
  for (const [source, format, payload, where] of cases) {
    const issues = alertPayloadIssues(source as never, format, payload);
    assert.ok(
      issues.length > 0,
      `${source}/${format} accepted ${JSON.stringify(payload)}`,
    );
    assert.is(issues[0]!.path, where, `${source}/${format}`);
  }
});

test("unknown formats are rejected", () => {
  assert.equal(alertPayloadIssues("netdata", "v9", {}), [
    {
      path: "/format",
      message: "must be a format of netdata: alert, reachability",
    },
  ]);
  assert.throws(
    () => validateAlertPayload("datadog", "email", {}),
    (error: unknown) => error instanceof ValidationError,
  );
  assert.equal(Object.keys(alertPayloadSchemas).length, 9);
});

test.run();
