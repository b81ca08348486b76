/**
 * Rows for the monitoring tables, built from parsed alerts. Each row is an
 * object keyed by the table's column names, the shape that the upserts in
 * queries/monitoring.sql read with jsonb_to_recordset.
 *
 * The parsers name some source-specific values differently from the table
 * columns: Datadog's `query` is the column alert_query, PagerDuty's
 * `service_id` is pd_service_id, and so on. Each table therefore lists where
 * its columns come from. A value the parser gives under the column's own
 * name wins, then the listed aliases, then a value read from the stored
 * payload. Parser values without a column stay in the payload only.
 */

import { ValidationError } from "../errors.ts";
import { isRecord, text } from "./fields.ts";
import { parseSourceTime } from "./time.ts";
import type { MonitoringSource, NormalizedAlert } from "./types.ts";

/** Reads one column value from an alert; returns null when it has none. */
type ColumnReader = (alert: NormalizedAlert) => unknown;

type TableColumns = Readonly<Record<string, ColumnReader>>;

/** Returns the first parser column among `names` that is set. */
function parserColumn(...names: string[]): ColumnReader {
  return (alert) => {
    for (const name of names) {
      const value = Object.hasOwn(alert.columns, name)
        ? alert.columns[name]
        : undefined;
      if (value !== undefined && value !== null) return value;
    }
    return null;
  };
}

/** Returns the first reader's value that is not null. */
function firstOf(...readers: ColumnReader[]): ColumnReader {
  return (alert) => {
    for (const read of readers) {
      const value = read(alert);
      if (value !== null && value !== undefined) return value;
    }
    return null;
  };
}

/** Reads a string at `path` inside the payload. */
function payloadText(...path: string[]): ColumnReader {
  return (alert) => {
    let value: unknown = alert.payload;
    for (const key of path) {
      if (!isRecord(value) || !Object.hasOwn(value, key)) return null;
      value = value[key];
    }
    return text(value);
  };
}

const format: ColumnReader = (alert) => alert.format;

const GRAFANA: TableColumns = {
  format,
  receiver: parserColumn("receiver"),
  group_key: parserColumn("group_key"),
  external_url: parserColumn("external_url"),
  generator_url: parserColumn("generator_url", "rule_url"),
  silence_url: parserColumn("silence_url"),
  dashboard_url: parserColumn("dashboard_url"),
  panel_url: parserColumn("panel_url"),
  image_url: parserColumn("image_url"),
  runbook_url: firstOf(parserColumn("runbook_url"), (alert) =>
    annotationText(alert, "runbook_url"),
  ),
  rule_uid: firstOf(
    parserColumn("rule_uid"),
    (alert) => alert.labels["__alert_rule_uid__"] ?? null,
  ),
  grafana_org_id: parserColumn("grafana_org_id"),
  annotations: (alert) => parserColumn("annotations")(alert) ?? {},
  metric_values: parserColumn("metric_values", "eval_matches"),
  value_string: parserColumn("value_string"),
};

function annotationText(alert: NormalizedAlert, key: string): string | null {
  const annotations = alert.columns["annotations"];
  if (!isRecord(annotations)) return null;
  return text(annotations[key]);
}

const DATADOG: TableColumns = {
  event_id: parserColumn("event_id"),
  monitor_id: (alert) => bigintText(parserColumn("monitor_id")(alert)),
  event_type: parserColumn("event_type"),
  alert_type: parserColumn("alert_type"),
  alert_transition: parserColumn("alert_transition"),
  priority: parserColumn("priority"),
  alert_query: parserColumn("alert_query", "query"),
  scopes: firstOf(parserColumn("scopes"), (alert) =>
    splitList(parserColumn("scope")(alert)),
  ),
  tags: parserColumn("tags"),
  event_url: parserColumn("event_url"),
  datadog_org_id: firstOf(
    parserColumn("datadog_org_id"),
    payloadText("org", "id"),
    payloadText("org_id"),
  ),
  last_updated_at: firstOf(parserColumn("last_updated_at"), (alert) =>
    epochOrNull(text(payloadText("last_updated")(alert))),
  ),
};

const PAGERDUTY: TableColumns = {
  format,
  event_id: parserColumn("event_id"),
  event_type: parserColumn("event_type"),
  incident_id: parserColumn("incident_id"),
  incident_number: parserColumn("incident_number"),
  incident_key: parserColumn("incident_key"),
  urgency: parserColumn("urgency"),
  priority: parserColumn("priority"),
  html_url: parserColumn("html_url"),
  pd_service_id: parserColumn("pd_service_id", "service_id"),
  occurred_at: parserColumn("occurred_at"),
};

const NETDATA: TableColumns = {
  alert_name: firstOf(parserColumn("alert_name"), payloadText("alert")),
  host: parserColumn("host"),
  chart: parserColumn("chart"),
  context: parserColumn("context"),
  family: parserColumn("family"),
  alert_class: parserColumn("alert_class"),
  space: parserColumn("space"),
  rooms: parserColumn("rooms"),
  node_url: firstOf(parserColumn("node_url"), payloadText("node_url")),
  alert_url: parserColumn("alert_url"),
  duration: parserColumn("duration"),
  additional_active_critical_alerts: parserColumn(
    "additional_active_critical_alerts",
    "additional_critical",
  ),
  additional_active_warning_alerts: parserColumn(
    "additional_active_warning_alerts",
    "additional_warning",
  ),
};

const SPLUNK: TableColumns = {
  search_name: parserColumn("search_name"),
  sid: parserColumn("sid"),
  results_link: parserColumn("results_link"),
  app: parserColumn("app"),
  owner: parserColumn("owner"),
};

const DYNATRACE: TableColumns = {
  problem_id: parserColumn("problem_id"),
  pid: parserColumn("pid"),
  impacted_entity: parserColumn("impacted_entity"),
  problem_impact: parserColumn("problem_impact"),
  problem_url: parserColumn("problem_url"),
  tags: parserColumn("tags"),
};

const BIGPANDA: TableColumns = {
  incident_id: parserColumn("incident_id"),
  primary_property: parserColumn("primary_property"),
  secondary_property: parserColumn("secondary_property"),
  bigpanda_status: parserColumn("bigpanda_status", "incident_status"),
  source_system: parserColumn("source_system"),
  child_alert_count: parserColumn("child_alert_count"),
};

const BUILD_COLUMNS: TableColumns = {
  job_name: parserColumn("job_name"),
  build_number: parserColumn("build_number"),
  phase: parserColumn("phase"),
  build_status: parserColumn("build_status"),
  build_url: parserColumn("build_url"),
  scm_url: parserColumn("scm_url"),
  branch: parserColumn("branch"),
  commit: parserColumn("commit"),
};

const CLOUDBEES: TableColumns = {
  controller: parserColumn("controller", "controller_name", "controller_url"),
  ...BUILD_COLUMNS,
};

/** The source-specific columns of each monitoring table, in table order. */
export const TABLE_COLUMNS: Readonly<Record<MonitoringSource, TableColumns>> = {
  grafana: GRAFANA,
  datadog: DATADOG,
  pagerduty: PAGERDUTY,
  netdata: NETDATA,
  splunk: SPLUNK,
  dynatrace: DYNATRACE,
  bigpanda: BIGPANDA,
  jenkins: BUILD_COLUMNS,
  cloudbees: CLOUDBEES,
};

const BIGINT_TEXT = /^-?\d{1,18}$/;

/** Keeps integers that fit bigint, as decimal text so that no digit is lost. */
function bigintText(value: unknown): string | null {
  const digits = typeof value === "number" ? String(value) : text(value);
  return digits !== null && BIGINT_TEXT.test(digits) ? digits : null;
}

function splitList(value: unknown): string[] | null {
  const joined = text(value);
  if (joined === null) return null;
  const items = joined
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return items.length > 0 ? items : null;
}

/** Converts an epoch string to the canonical time; null when it is not one. */
function epochOrNull(value: string | null): string | null {
  if (value === null || !/^\d{9,14}$/.test(value)) return null;
  try {
    return parseSourceTime(value, "/last_updated");
  } catch (error) {
    if (error instanceof ValidationError) return null;
    throw error;
  }
}

/** One row of a monitoring table, keyed by column name. */
export type AlertRow = Record<string, unknown>;

/** Builds the row of `alert` for its source's table. */
export function alertRow(alert: NormalizedAlert): AlertRow {
  const row: AlertRow = {
    dedup_key: alert.dedupKey,
    fingerprint: alert.fingerprint,
    title: alert.title,
    state: alert.state,
    source_state: alert.sourceState,
    severity: alert.severity,
    service: alert.service,
    environment: alert.environment,
    starts_at: alert.startsAt,
    ends_at: alert.endsAt,
    description: alert.description,
    labels: alert.labels,
    payload: alert.payload,
    payload_transforms: alert.payloadTransforms,
  };
  for (const [column, read] of Object.entries(TABLE_COLUMNS[alert.source])) {
    row[column] = read(alert) ?? null;
  }
  return row;
}
