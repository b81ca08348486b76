/**
 * Loose JSON Schemas of the `payload` column of the monitoring tables: the
 * one-alert body that the ingest parsers (src/ingest) store, by source and
 * format. They check only the top-level keys that make a body recognisable as
 * that format, the same keys the parsers require, so a store can assert
 * that a payload was not swapped or truncated on its way to SQL. The parsers
 * remain the full validation of webhook bodies.
 *
 * A body that Grafana, Alertmanager or PagerDuty v1/v2 sent with several
 * alerts is stored once per alert, with the envelope and a one-item `alerts`
 * or `messages` array.
 */
import type { ValidateFunction } from "ajv";

import type { ValidationIssue } from "../errors.ts";
import { ajv, collectIssues, throwIfIssues } from "./ajv.ts";
import type { MonitoringSource } from "./enums.ts";

const OBJECT = { type: "object" };

function oneItemArray(key: string): object {
  return {
    type: "object",
    properties: {
      [key]: { type: "array", minItems: 1, maxItems: 1, items: OBJECT },
    },
    required: [key],
  };
}

function someOf(...keys: string[]): object {
  return { type: "object", anyOf: keys.map((key) => ({ required: [key] })) };
}

const ALERT_GROUP = oneItemArray("alerts");

const JENKINS_FORMATS = {
  notification: {
    type: "object",
    properties: { build: OBJECT },
    required: ["build"],
    anyOf: [{ required: ["name"] }, { required: ["display_name"] }],
  },
  deployment: someOf("result", "build_number"),
};

/** Envelope schema by source, then by the format the parser reported. */
export const alertPayloadSchemas: Readonly<
  Record<MonitoringSource, Readonly<Record<string, object>>>
> = {
  grafana: {
    unified: ALERT_GROUP,
    alertmanager: ALERT_GROUP,
    legacy: {
      type: "object",
      properties: { state: { type: "string", minLength: 1 } },
      required: ["state"],
      anyOf: [
        { required: ["evalMatches"] },
        { required: ["ruleId"] },
        { required: ["ruleName"] },
      ],
    },
  },
  datadog: { webhook: OBJECT },
  netdata: {
    alert: someOf("alert", "alarm"),
    reachability: {
      type: "object",
      properties: { status: OBJECT },
      required: ["host", "status"],
    },
  },
  pagerduty: {
    v3: {
      type: "object",
      properties: {
        event: {
          type: "object",
          properties: { event_type: { type: "string" }, data: OBJECT },
          required: ["event_type", "data"],
        },
      },
      required: ["event"],
    },
    v2: oneItemArray("messages"),
    v1: oneItemArray("messages"),
  },
  splunk: { webhook: someOf("sid", "search_name") },
  dynatrace: {
    custom: OBJECT,
    cloudevent: {
      type: "object",
      properties: { specversion: { type: "string" }, data: OBJECT },
      required: ["specversion", "data"],
    },
  },
  bigpanda: {
    notification: {
      type: "object",
      anyOf: [
        { required: ["id"] },
        {
          properties: { incident: { type: "object", required: ["id"] } },
          required: ["incident"],
        },
      ],
    },
  },
  jenkins: JENKINS_FORMATS,
  cloudbees: JENKINS_FORMATS,
};

const validators = new Map<string, ValidateFunction>();
for (const [source, formats] of Object.entries(alertPayloadSchemas)) {
  for (const [format, schema] of Object.entries(formats)) {
    validators.set(`${source}/${format}`, ajv.compile(schema));
  }
}

/**
 * Returns the issues of a stored alert payload of `source` in `format`, with
 * paths under `basePath`. An unknown format is an issue at `/format`.
 */
export function alertPayloadIssues(
  source: MonitoringSource,
  format: string,
  payload: unknown,
  basePath = "/payload",
): ValidationIssue[] {
  const validate = validators.get(`${source}/${format}`);
  if (validate === undefined) {
    const known = Object.keys(alertPayloadSchemas[source] ?? {});
    return [
      {
        path: "/format",
        message: `must be a format of ${source}: ${known.join(", ")}`,
      },
    ];
  }
  return collectIssues(validate, payload, basePath);
}

/** Throws a ValidationError unless `payload` fits the envelope of `source` and `format`. */
export function validateAlertPayload(
  source: MonitoringSource,
  format: string,
  payload: unknown,
): void {
  throwIfIssues(
    `${source} ${format} alert payload`,
    alertPayloadIssues(source, format, payload),
  );
}
