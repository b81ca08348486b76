/**
 * Prometheus Alertmanager webhook bodies (version "4"). They are stored in
 * grafana_alerts with format 'alertmanager'; a Grafana unified body sent to
 * this source is recognised and keeps format 'unified'. The rules for state,
 * fingerprint and dedupKey are in alert-group.ts.
 */

import { invalidField, requireRecord } from "../fields.ts";
import type { SourceParser } from "../types.ts";
import { parseAlertGroup } from "./alert-group.ts";
import { detectGroupFormat, GRAFANA_COLUMNS } from "./grafana.ts";

/** Alertmanager fills the columns of grafana_alerts. */
export const ALERTMANAGER_COLUMNS = GRAFANA_COLUMNS;

/** Parses an Alertmanager webhook body: one alert per item of `alerts`. */
export const parseAlertmanager: SourceParser = (body, context) => {
  const record = requireRecord(body, "", "a JSON object");
  if (!Array.isArray(record.alerts)) {
    throw invalidField(
      "/alerts",
      "missing: an Alertmanager body needs an `alerts` array",
    );
  }
  return parseAlertGroup(record, context, detectGroupFormat(record));
};
