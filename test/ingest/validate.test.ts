/** Checks and truncations applied to every parsed alert. */

import { test } from "uvu";
import * as assert from "uvu/assert";
import { thrownBy } from "./helpers.ts";
import { ValidationError } from "../../src/errors.ts";
import {
  SOURCE_COLUMNS,
  type NormalizedAlert,
} from "../../src/ingest/index.ts";
import { truncate, validateAlerts } from "../../src/ingest/validate.ts";

function validAlert(overrides: Partial<NormalizedAlert> = {}): NormalizedAlert {
  return {
    source: "splunk",
    format: "webhook",
    dedupKey: "sid:1",
    fingerprint: "f",
    title: "Search",
    state: "firing",
    sourceState: "triggered",
    severity: null,
    service: null,
    environment: null,
    description: null,
    startsAt: "2026-11-30T09:00:00Z",
    endsAt: null,
    labels: {},
    payload: { sid: "1" },
    payloadTransforms: [],
    columns: { sid: "1" },
    ...overrides,
  };
}

function issuesOf(alerts: NormalizedAlert[]): ValidationError {
  return thrownBy(
    () => validateAlerts(alerts, "batch.json", SOURCE_COLUMNS),
    ValidationError,
  );
}

test("passes a valid alert through", () => {
  const [alert] = validateAlerts([validAlert()], "batch.json", SOURCE_COLUMNS);
  assert.equal(alert, validAlert());
});

test("names every invalid field with its index", () => {
  const error = issuesOf([
    validAlert(),
    validAlert({
      title: " ",
      state: "open" as NormalizedAlert["state"],
      severity: "urgent" as NormalizedAlert["severity"],
      startsAt: "2026-11-30 09:00",
      dedupKey: "",
      payload: [],
    }),
  ]);
  assert.equal(
    error.issues.map((issue) => issue.path),
    [
      "/alerts/1/dedupKey",
      "/alerts/1/title",
      "/alerts/1/state",
      "/alerts/1/severity",
      "/alerts/1/startsAt",
      "/alerts/1/payload",
    ],
  );
  assert.match(
    error.message,
    /^batch\.json: invalid alert: \/alerts\/1\/dedupKey: missing \(and 5 more\)$/,
  );
});

test("checks column names and types", () => {
  const error = issuesOf([
    validAlert({ columns: { sid: 7, unknown_column: "x" } }),
  ]);
  assert.equal(error.issues, [
    { path: "/alerts/0/columns/sid", message: "expected a string" },
    {
      path: "/alerts/0/columns/unknown_column",
      message: "not a column of the source",
    },
  ]);
});

test("checks integer column range", () => {
  const error = issuesOf([
    validAlert({
      source: "jenkins",
      columns: { build_number: 2 ** 31, duration_ms: 1.5 },
    }),
  ]);
  assert.equal(
    error.issues.map((issue) => issue.path),
    ["/alerts/0/columns/build_number", "/alerts/0/columns/duration_ms"],
  );
});

test("rejects over-long identities", () => {
  const error = issuesOf([validAlert({ fingerprint: "f".repeat(513) })]);
  assert.equal(error.issues, [
    { path: "/alerts/0/fingerprint", message: "longer than 512 characters" },
  ]);
});

test("truncates long text fields with flags", () => {
  const [alert] = validateAlerts(
    [
      validAlert({
        title: "t".repeat(1001),
        description: "d".repeat(70000),
        service: "s".repeat(300),
        environment: "e".repeat(256),
        sourceState: "x".repeat(101),
        payloadTransforms: ["nul_replaced"],
      }),
    ],
    "batch.json",
    SOURCE_COLUMNS,
  );
  assert.is(alert?.title.length, 1000);
  assert.is(alert?.description?.length, 65536);
  assert.is(alert?.service?.length, 255);
  assert.is(alert?.environment?.length, 255);
  assert.is(alert?.sourceState.length, 100);
  assert.equal(alert?.payloadTransforms, [
    "nul_replaced",
    "title_truncated",
    "description_truncated",
    "service_truncated",
    "environment_truncated",
    "source_state_truncated",
  ]);
});

test("keeps text at the limit whole", () => {
  const title = "t".repeat(1000);
  const [alert] = validateAlerts(
    [validAlert({ title })],
    "batch.json",
    SOURCE_COLUMNS,
  );
  assert.is(alert?.title, title);
  assert.equal(alert?.payloadTransforms, []);
});

test("never splits a surrogate pair", () => {
  const value = `${"a".repeat(8)}\u{1F600}${"b".repeat(10)}`;
  const cut = truncate(value, 10);
  assert.is(cut, `${"a".repeat(8)}\u2026`);
});

test.run();
