/**
 * Alert ingest: webhook bytes in, validated `NormalizedAlert`s out. No
 * database access happens here; the store writes the result of
 * `parseAlerts` in one transaction, so a rejected body writes nothing.
 */

import { InputError, ValidationError } from "../errors.ts";
import { decodeBody, type DecodeOptions } from "./body.ts";
import type { ColumnTable } from "./columns.ts";
import { parseAlertmanager } from "./sources/alertmanager.ts";
import { BIGPANDA_COLUMNS, parseBigPanda } from "./sources/bigpanda.ts";
import { CLOUDBEES_COLUMNS, parseCloudBees } from "./sources/cloudbees.ts";
import { DATADOG_COLUMNS, parseDatadog } from "./sources/datadog.ts";
import { DYNATRACE_COLUMNS, parseDynatrace } from "./sources/dynatrace.ts";
import { GRAFANA_COLUMNS, parseGrafana } from "./sources/grafana.ts";
import { JENKINS_COLUMNS, parseJenkins } from "./sources/jenkins.ts";
import { NETDATA_COLUMNS, parseNetdata } from "./sources/netdata.ts";
import { PAGERDUTY_COLUMNS, parsePagerDuty } from "./sources/pagerduty.ts";
import { rejectOtherSourceShape } from "./sources/shape.ts";
import { parseSplunk, SPLUNK_COLUMNS } from "./sources/splunk.ts";
import type {
  IngestSource,
  MonitoringSource,
  NormalizedAlert,
  SourceParser,
} from "./types.ts";
import { validateAlerts } from "./validate.ts";

export type { ColumnSpec, ColumnTable, ColumnType } from "./columns.ts";
export { DEFAULT_MAX_BODY_BYTES, decodeBody } from "./body.ts";
export type { DecodedBody, DecodeOptions } from "./body.ts";
export { parseSourceTime } from "./time.ts";
export { TEXT_LIMITS } from "./validate.ts";
export * from "./types.ts";

/** Every accepted webhook sender, in the order of the `monitoring_source` enum. */
export const INGEST_SOURCES: readonly IngestSource[] = [
  "grafana",
  "alertmanager",
  "datadog",
  "netdata",
  "pagerduty",
  "splunk",
  "dynatrace",
  "bigpanda",
  "jenkins",
  "cloudbees",
];

const PARSERS: Readonly<Record<IngestSource, SourceParser>> = {
  grafana: parseGrafana,
  alertmanager: parseAlertmanager,
  datadog: parseDatadog,
  netdata: parseNetdata,
  pagerduty: parsePagerDuty,
  splunk: parseSplunk,
  dynatrace: parseDynatrace,
  bigpanda: parseBigPanda,
  jenkins: parseJenkins,
  cloudbees: parseCloudBees,
};

/**
 * The source-specific columns of each monitoring table, by source.
 * Alertmanager alerts have source 'grafana' and use its table.
 */
export const SOURCE_COLUMNS: Readonly<Record<MonitoringSource, ColumnTable>> = {
  grafana: GRAFANA_COLUMNS,
  datadog: DATADOG_COLUMNS,
  netdata: NETDATA_COLUMNS,
  pagerduty: PAGERDUTY_COLUMNS,
  splunk: SPLUNK_COLUMNS,
  dynatrace: DYNATRACE_COLUMNS,
  bigpanda: BIGPANDA_COLUMNS,
  jenkins: JENKINS_COLUMNS,
  cloudbees: CLOUDBEES_COLUMNS,
};

export type ParseOptions = DecodeOptions;

export interface ParseResult {
  alerts: NormalizedAlert[];
}

/**
 * Decodes one webhook body and returns its alerts. `name` is the file name,
 * or `-` for stdin, and starts every error message (default `body`).
 *
 * Throws `InputError` when the bytes are not one storable JSON object, and
 * `ValidationError` (with JSON-pointer issues) when the object is not a
 * valid body of `source` or one of its alerts is invalid.
 */
export function parseAlerts(
  source: IngestSource,
  bytes: Uint8Array,
  name: string = "body",
  options: ParseOptions = {},
): ParseResult {
  const parser = Object.hasOwn(PARSERS, source) ? PARSERS[source] : undefined;
  if (parser === undefined) {
    throw new InputError(
      `${name}: unknown alert source "${String(source)}"; expected one of ${INGEST_SOURCES.join(", ")}`,
      name,
    );
  }
  const { value, findings } = decodeBody(bytes, name, options);
  let alerts: NormalizedAlert[];
  try {
    rejectOtherSourceShape(value, source);
    alerts = parser(value, { name, findings });
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new ValidationError(`${name}: ${error.message}`, error.issues);
    }
    throw error;
  }
  return { alerts: validateAlerts(alerts, name, SOURCE_COLUMNS) };
}
