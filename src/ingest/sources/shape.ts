/**
 * Recognises a webhook body sent to the wrong `--source`. Each signature
 * lists keys that only that sender's bodies carry, so a body that matches
 * another sender's signature and not its own is rejected before parsing.
 */

import { ValidationError } from "../../errors.ts";
import { isRecord, type JsonObject } from "../fields.ts";
import type { IngestSource } from "../types.ts";

interface Signature {
  /** The `--source` value to suggest. */
  source: IngestSource;
  /** Sources that parse this shape too. */
  family: readonly IngestSource[];
  /** Returns the key that identifies the shape, or null. */
  match(record: JsonObject): string | null;
}

const ALERT_GROUP: readonly IngestSource[] = ["grafana", "alertmanager"];
const BUILD_EVENTS: readonly IngestSource[] = ["jenkins", "cloudbees"];

function firstKey(record: JsonObject, keys: readonly string[]) {
  return keys.find((key) => Object.hasOwn(record, key)) ?? null;
}

const SIGNATURES: readonly Signature[] = [
  {
    // Legacy alerting bodies, and unified alerting ones, which add `orgId`
    // to the Alertmanager envelope.
    source: "grafana",
    family: ALERT_GROUP,
    match: (record) => {
      if (!Array.isArray(record.alerts)) {
        return firstKey(record, ["evalMatches", "ruleId"]);
      }
      return firstKey(record, ["receiver"]) && firstKey(record, ["orgId"]);
    },
  },
  {
    source: "alertmanager",
    family: ALERT_GROUP,
    match: (record) =>
      Array.isArray(record.alerts)
        ? firstKey(record, ["receiver", "groupKey", "commonLabels"])
        : null,
  },
  {
    source: "bigpanda",
    family: ["bigpanda"],
    match: (record) =>
      isRecord(record.incident)
        ? "incident"
        : firstKey(record, ["incident_tags"]),
  },
  {
    source: "pagerduty",
    family: ["pagerduty"],
    match: (record) => {
      if (isRecord(record.event)) return "event";
      return Array.isArray(record.messages) ? "messages" : null;
    },
  },
  {
    source: "datadog",
    family: ["datadog"],
    match: (record) =>
      firstKey(record, ["alert_transition", "alert_cycle_key", "alert_query"]),
  },
  {
    source: "splunk",
    family: ["splunk"],
    match: (record) => firstKey(record, ["search_name", "results_link"]),
  },
  {
    source: "dynatrace",
    family: ["dynatrace"],
    match: (record) => firstKey(record, ["ProblemID", "PID", "ProblemTitle"]),
  },
  {
    source: "jenkins",
    family: BUILD_EVENTS,
    match: (record) => (isRecord(record.build) ? "build" : null),
  },
  {
    source: "netdata",
    family: ["netdata"],
    match: (record) =>
      typeof record.alert === "string" && Object.hasOwn(record, "chart")
        ? "chart"
        : null,
  },
];

/**
 * Throws a `ValidationError` when `body` has another sender's identifying
 * key and none of `source`'s own, naming the `--source` it probably is.
 */
export function rejectOtherSourceShape(
  body: unknown,
  source: IngestSource,
): void {
  if (!isRecord(body)) return;
  const matches = SIGNATURES.map((signature) => ({
    signature,
    key: signature.match(body),
  })).filter((entry) => entry.key !== null);
  if (matches.some((entry) => entry.signature.family.includes(source))) {
    return;
  }
  const other = matches[0];
  if (other === undefined) return;
  const suggested = other.signature.source;
  const message =
    `invalid ${source} body: it has \`${other.key}\`, as ${suggested} ` +
    `webhooks do. Ingest it with --source ${suggested}`;
  throw new ValidationError(`/: ${message}`, [{ path: "", message }]);
}
