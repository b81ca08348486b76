/**
 * Types shared by the alert-ingest parsers. `NormalizedAlert` is the shape that
 * every source module returns and that the store writes into the monitoring
 * tables (grafana_alerts, datadog_events, ...).
 */

export const MONITORING_SOURCES = [
  "grafana",
  "datadog",
  "netdata",
  "pagerduty",
  "splunk",
  "dynatrace",
  "bigpanda",
  "jenkins",
  "cloudbees",
] as const;

/** A value of the `monitoring_source` enum: one monitoring table each. */
export type MonitoringSource = (typeof MONITORING_SOURCES)[number];

/** A webhook sender. Alertmanager bodies are stored in grafana_alerts. */
export type IngestSource = MonitoringSource | "alertmanager";

export const SEVERITIES = [
  "critical",
  "high",
  "medium",
  "low",
  "info",
] as const;

/** A value of the `severity` enum. */
export type Severity = (typeof SEVERITIES)[number];

export const ALERT_STATES = ["firing", "resolved"] as const;

/** A value of the `alert_state` enum. */
export type AlertState = (typeof ALERT_STATES)[number];

/**
 * Names of the changes made to a value so that it can be stored, recorded in
 * `payload_transforms`:
 * - `nul_replaced`: a U+0000 in a string or key became U+FFFD (jsonb and
 *   text columns reject U+0000).
 * - `lone_surrogate_replaced`: an unpaired UTF-16 surrogate (for example the
 *   escape `\ud800`) became U+FFFD (jsonb rejects it).
 * - `imprecise_number`: a number literal would not come back unchanged from
 *   a JavaScript double, so the payload keeps the nearest double instead of
 *   the digits that were sent.
 * - `<field>_truncated`: a normalized text field was cut to its maximum
 *   length. The payload itself is never truncated.
 */
export type PayloadTransform =
  | "nul_replaced"
  | "lone_surrogate_replaced"
  | "imprecise_number"
  | "title_truncated"
  | "description_truncated"
  | "service_truncated"
  | "environment_truncated"
  | "source_state_truncated"
  | "label_truncated";

/** One alert in the common shape of the monitoring tables. */
export interface NormalizedAlert {
  source: MonitoringSource;
  /** Body format, for example 'unified', 'legacy', 'alertmanager', 'v3', 'v2'. */
  format: string;
  /** Identity of one occurrence: redeliveries and state changes share it. */
  dedupKey: string;
  /** Identity of the alert rule and label set, shared by its occurrences. */
  fingerprint: string;
  title: string;
  state: AlertState;
  /** The source's own word for the state, for example 'alerting' or 'Warn'. */
  sourceState: string;
  severity: Severity | null;
  service: string | null;
  environment: string | null;
  description: string | null;
  /** ISO-8601 UTC with at most microsecond precision; null when unknown. */
  startsAt: string | null;
  /** ISO-8601 UTC with at most microsecond precision; null when not ended. */
  endsAt: string | null;
  labels: Record<string, string>;
  /** A one-alert body in the source's own format. */
  payload: unknown;
  payloadTransforms: PayloadTransform[];
  /** Source-specific column values keyed by snake_case column name. */
  columns: Record<string, unknown>;
}

/** A change made while decoding a body, at a JSON pointer into that body. */
export interface BodyFinding {
  transform: "nul_replaced" | "lone_surrogate_replaced" | "imprecise_number";
  /** JSON pointer (RFC 6901) of the changed value, or of the object whose key changed. */
  path: string;
}

/** Facts about one body that a source parser needs besides its value. */
export interface ParseContext {
  /** File name, or `-` for stdin, used in error messages. */
  name: string;
  findings: BodyFinding[];
}

/** A source module's entry point: one body in, its alerts out. */
export type SourceParser = (
  body: unknown,
  context: ParseContext,
) => NormalizedAlert[];
