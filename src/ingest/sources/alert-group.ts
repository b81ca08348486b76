/**
 * The Alertmanager webhook shape (version "4"), which Grafana unified
 * alerting extends (version "1"): an envelope with group fields and an
 * `alerts` array. Each alert becomes one `NormalizedAlert`.
 *
 * - state: the alert's `status` ('firing' or 'resolved'), or the group
 *   `status` when the alert has none (older Alertmanager). Another word is
 *   kept as sourceState and stored as firing, so it stays visible.
 * - fingerprint: the alert's `fingerprint`, or else the Alertmanager label
 *   set fingerprint computed from its labels.
 * - dedupKey: `<fingerprint>@<startsAt>`. Alertmanager and Grafana keep
 *   `startsAt` while an occurrence lasts, so the firing and the resolved
 *   notification share the key, and a new occurrence gets a new one. A zero
 *   `startsAt` gives `<fingerprint>@unset`.
 * - endsAt: only for resolved alerts. Alertmanager sends the zero time for
 *   firing alerts, and a resolved alert can still carry the zero time
 *   (endsAt is then null).
 * - severity: the `severity` label, else `priority`, through severity.ts
 *   (critical and page critical, major and error high, warning medium, ...).
 * - title: the `alertname` label, else the `summary` annotation, else the
 *   body's `title`. description: the `description` annotation, else
 *   `message`, else `summary` when it is not the title.
 * - service: the first of the labels service, service_name, app,
 *   application and job. environment: environment, env or namespace.
 */

import { buildColumns } from "../columns.ts";
import {
  belongsToItem,
  firstText,
  integer,
  invalidField,
  isRecord,
  requireArray,
  requireRecord,
  stringMap,
  text,
  transformsWhere,
  type JsonObject,
} from "../fields.ts";
import { boundedIdentity, labelSetFingerprint } from "../identity.ts";
import { severityFromWord } from "../severity.ts";
import { parseSourceTime } from "../time.ts";
import type { AlertState, NormalizedAlert, ParseContext } from "../types.ts";
import { GRAFANA_COLUMNS } from "./grafana-columns.ts";

export type AlertGroupFormat = "unified" | "alertmanager";

const SERVICE_LABELS = ["service", "service_name", "app", "application", "job"];
const ENVIRONMENT_LABELS = ["environment", "env", "namespace"];

/** Parses every alert of an Alertmanager-shaped body. */
export function parseAlertGroup(
  body: JsonObject,
  context: ParseContext,
  format: AlertGroupFormat,
): NormalizedAlert[] {
  const alerts = requireArray(body.alerts, "/alerts", "an array of alerts");
  if (alerts.length === 0) {
    throw invalidField("/alerts", "the body contains no alerts");
  }
  return alerts.map((alert, index) =>
    parseGroupedAlert(body, alert, index, context, format),
  );
}

function parseGroupedAlert(
  envelope: JsonObject,
  rawAlert: unknown,
  index: number,
  context: ParseContext,
  format: AlertGroupFormat,
): NormalizedAlert {
  const path = `/alerts/${index}`;
  const alert = requireRecord(rawAlert, path, "an alert object");
  const labels = stringMap(alert.labels, `${path}/labels`);
  const annotations = stringMap(alert.annotations, `${path}/annotations`);
  const sourceState = firstText(alert.status, envelope.status);
  if (sourceState === null) {
    throw invalidField(
      `${path}/status`,
      "missing: neither the alert nor the body has a status",
    );
  }

  const state = groupAlertState(sourceState);
  const startsAt = parseSourceTime(alert.startsAt, `${path}/startsAt`);
  const endsAt =
    state === "resolved"
      ? parseSourceTime(alert.endsAt, `${path}/endsAt`)
      : null;
  const fingerprint = boundedIdentity(
    text(alert.fingerprint) ?? labelSetFingerprint(labels),
  );
  const title = groupAlertTitle(labels, annotations, envelope, format);

  return {
    source: "grafana",
    format,
    dedupKey: boundedIdentity(`${fingerprint}@${startsAt ?? "unset"}`),
    fingerprint,
    title,
    state,
    sourceState,
    severity: severityFromWord(firstText(labels.severity, labels.priority)),
    service: firstLabel(labels, SERVICE_LABELS),
    environment: firstLabel(labels, ENVIRONMENT_LABELS),
    description: groupAlertDescription(annotations, title),
    startsAt,
    endsAt,
    labels,
    payload: { ...envelope, alerts: [alert] },
    payloadTransforms: transformsWhere(
      context,
      belongsToItem("/alerts", index),
    ),
    columns: groupAlertColumns(envelope, alert, annotations, format),
  };
}

function groupAlertState(sourceState: string): AlertState {
  return sourceState.toLowerCase() === "resolved" ? "resolved" : "firing";
}

function groupAlertTitle(
  labels: Record<string, string>,
  annotations: Record<string, string>,
  envelope: JsonObject,
  format: AlertGroupFormat,
): string {
  const fallback =
    format === "unified" ? "Grafana alert" : "Alertmanager alert";
  return (
    firstText(labels.alertname, annotations.summary, envelope.title) ?? fallback
  );
}

function groupAlertDescription(
  annotations: Record<string, string>,
  title: string,
): string | null {
  const summary = text(annotations.summary);
  return firstText(
    annotations.description,
    annotations.message,
    summary === title ? null : summary,
  );
}

function firstLabel(
  labels: Record<string, string>,
  names: readonly string[],
): string | null {
  return firstText(...names.map((name) => labels[name]));
}

function groupAlertColumns(
  envelope: JsonObject,
  alert: JsonObject,
  annotations: Record<string, string>,
  format: AlertGroupFormat,
): Record<string, unknown> {
  return buildColumns(GRAFANA_COLUMNS, {
    format,
    receiver: text(envelope.receiver),
    group_key: text(envelope.groupKey),
    generator_url: text(alert.generatorURL),
    external_url: text(envelope.externalURL),
    silence_url: text(alert.silenceURL),
    dashboard_url: text(alert.dashboardURL),
    panel_url: text(alert.panelURL),
    image_url: text(alert.imageURL),
    value_string: text(alert.valueString),
    metric_values: isRecord(alert.values) ? alert.values : null,
    annotations,
    truncated_alerts: integer(envelope.truncatedAlerts),
    grafana_org_id: integer(alert.orgId) ?? integer(envelope.orgId),
  });
}
