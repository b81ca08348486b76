/**
 * Final checks on parsed alerts before they reach the store.
 *
 * Text fields that are too long are truncated, not rejected, so that an alert
 * with a very long title is still stored. Each truncation adds
 * `<field>_truncated` to payloadTransforms; the payload itself is never cut.
 * Everything else that is wrong (a missing title, an unknown state, a column
 * value of the wrong type) is collected, and one `ValidationError` lists
 * every issue with its path `/alerts/<index>/<field>`, where index is the
 * alert's position in the parsed list. The caller then writes nothing of the
 * batch.
 */

import { ValidationError, type ValidationIssue } from "../errors.ts";
import {
  CANONICAL_INSTANT,
  columnTypeProblem,
  type ColumnTable,
} from "./columns.ts";
import { isRecord, orderTransforms } from "./fields.ts";
import { MAX_IDENTITY_LENGTH } from "./identity.ts";
import {
  ALERT_STATES,
  MONITORING_SOURCES,
  SEVERITIES,
  type MonitoringSource,
  type NormalizedAlert,
  type PayloadTransform,
} from "./types.ts";

/** Maximum lengths in UTF-16 code units; longer values are truncated. */
export const TEXT_LIMITS = {
  title: 1000,
  description: 65536,
  service: 255,
  environment: 255,
  sourceState: 100,
} as const;

/** Maximum length of a label value; longer values are truncated. */
export const MAX_LABEL_VALUE_LENGTH = 4096;

/** Maximum length of a label name; longer names are rejected. */
export const MAX_LABEL_NAME_LENGTH = 1024;

type LimitedField = keyof typeof TEXT_LIMITS;

const TRUNCATION_FLAGS: Readonly<Record<LimitedField, PayloadTransform>> = {
  title: "title_truncated",
  description: "description_truncated",
  service: "service_truncated",
  environment: "environment_truncated",
  sourceState: "source_state_truncated",
};

const ELLIPSIS = "\u2026";

/**
 * Truncates over-long text and returns the alerts, or throws one
 * `ValidationError` naming every invalid field. `name` is the file name.
 */
export function validateAlerts(
  alerts: NormalizedAlert[],
  name: string,
  columnTables: Readonly<Record<MonitoringSource, ColumnTable>>,
): NormalizedAlert[] {
  const issues: ValidationIssue[] = [];
  const checked = alerts.map((alert, index) => {
    const limited = applyTextLimits(alert);
    const path = `/alerts/${index}`;
    issues.push(...alertIssues(limited, path, columnTables));
    return limited;
  });
  if (issues.length > 0) {
    const first = issues[0] as ValidationIssue;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    throw new ValidationError(
      `${name}: invalid alert: ${first.path}: ${first.message}${more}`,
      issues,
    );
  }
  return checked;
}

function applyTextLimits(alert: NormalizedAlert): NormalizedAlert {
  const transforms = new Set(alert.payloadTransforms);
  const limited = { ...alert };
  for (const field of Object.keys(TEXT_LIMITS) as LimitedField[]) {
    const value = limited[field];
    if (typeof value !== "string" || value.length <= TEXT_LIMITS[field])
      continue;
    limited[field] = truncate(value, TEXT_LIMITS[field]);
    transforms.add(TRUNCATION_FLAGS[field]);
  }
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(alert.labels)) {
    const tooLong =
      typeof value === "string" && value.length > MAX_LABEL_VALUE_LENGTH;
    if (tooLong) transforms.add("label_truncated");
    const labelValue = tooLong
      ? truncate(value, MAX_LABEL_VALUE_LENGTH)
      : value;
    Object.defineProperty(labels, key, {
      value: labelValue,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  limited.labels = labels;
  limited.payloadTransforms = orderTransforms(transforms);
  return limited;
}

/** Cuts to `limit` code units ending in an ellipsis, without splitting a surrogate pair. */
export function truncate(value: string, limit: number): string {
  let end = limit - ELLIPSIS.length;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return value.slice(0, end) + ELLIPSIS;
}

function alertIssues(
  alert: NormalizedAlert,
  path: string,
  columnTables: Readonly<Record<MonitoringSource, ColumnTable>>,
): ValidationIssue[] {
  const issues = fieldIssues(alert).map(([field, message]) => ({
    path: `${path}/${field}`,
    message,
  }));
  issues.push(...labelIssues(alert.labels, `${path}/labels`));
  issues.push(...columnIssues(alert, path, columnTables));
  return issues;
}

/** Lists `[field, message]` for every common field that is invalid. */
function fieldIssues(alert: NormalizedAlert): [string, string][] {
  const issues: [string, string][] = [];
  if (!MONITORING_SOURCES.includes(alert.source)) {
    issues.push(["source", "unknown source"]);
  }

  for (const field of ["dedupKey", "fingerprint"] as const) {
    const value = alert[field];
    if (typeof value !== "string" || value === "") {
      issues.push([field, "missing"]);
    } else if (value.length > MAX_IDENTITY_LENGTH) {
      issues.push([field, `longer than ${MAX_IDENTITY_LENGTH} characters`]);
    }
  }

  for (const field of ["title", "sourceState", "format"] as const) {
    const value = alert[field];
    if (typeof value !== "string" || value.trim() === "") {
      issues.push([field, "missing"]);
    }
  }

  if (!ALERT_STATES.includes(alert.state)) {
    issues.push(["state", "expected firing or resolved"]);
  }
  if (alert.severity !== null && !SEVERITIES.includes(alert.severity)) {
    issues.push([
      "severity",
      `expected one of ${SEVERITIES.join(", ")} or null`,
    ]);
  }

  for (const field of ["service", "environment", "description"] as const) {
    const value = alert[field];
    if (value !== null && typeof value !== "string") {
      issues.push([field, "expected a string or null"]);
    }
  }

  for (const field of ["startsAt", "endsAt"] as const) {
    const value = alert[field];
    const isInstant =
      typeof value === "string" && CANONICAL_INSTANT.test(value);
    if (value !== null && !isInstant) {
      issues.push([field, "expected an ISO-8601 UTC time or null"]);
    }
  }

  if (!isRecord(alert.payload)) {
    issues.push(["payload", "expected a JSON object"]);
  }
  return issues;
}

function labelIssues(
  labels: Record<string, string>,
  path: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [key, value] of Object.entries(labels)) {
    if (key.length > MAX_LABEL_NAME_LENGTH) {
      issues.push({
        path,
        message: `label name longer than ${MAX_LABEL_NAME_LENGTH} characters`,
      });
    }
    if (typeof value !== "string") {
      issues.push({ path: `${path}/${key}`, message: "expected a string" });
    }
  }
  return issues;
}

function columnIssues(
  alert: NormalizedAlert,
  path: string,
  columnTables: Readonly<Record<MonitoringSource, ColumnTable>>,
): ValidationIssue[] {
  const table = columnTables[alert.source];
  if (table === undefined) return [];
  const issues: ValidationIssue[] = [];
  for (const [key, value] of Object.entries(alert.columns)) {
    const spec = table[key];
    if (spec === undefined) {
      issues.push({
        path: `${path}/columns/${key}`,
        message: "not a column of the source",
      });
      continue;
    }
    const problem = columnTypeProblem(spec.type, value);
    if (problem !== null)
      issues.push({ path: `${path}/columns/${key}`, message: problem });
  }
  return issues;
}
