/**
 * Grafana webhook bodies, in three formats:
 * - 'unified' (Grafana 8 and later, version "1"): the Alertmanager shape plus
 *   Grafana fields; see alert-group.ts for the rules.
 * - 'alertmanager': the plain Alertmanager shape (version "4") without any
 *   Grafana field, as legacy Grafana alerting sends it to Alertmanager-style
 *   receivers.
 * - 'legacy' (Grafana 7 and earlier): one rule per body with `evalMatches`
 *   and no `alerts` array.
 *
 * Legacy rules:
 * - state: `state` alerting, no_data and pending are firing; ok and paused
 *   are resolved; another word is firing, so it stays visible.
 * - fingerprint: SHA-256 of org, dashboard, panel and rule ids.
 * - dedupKey: `legacy-rule:<fingerprint>`. A legacy body carries no start
 *   time, so every occurrence of the rule maps to the same row.
 * - startsAt and endsAt: null, since the body has no times.
 */

import { buildColumns } from "../columns.ts";
import {
  allTransforms,
  arrayOrEmpty,
  firstText,
  integer,
  invalidField,
  isRecord,
  pickFromMap,
  requireRecord,
  stringMap,
  text,
  type JsonObject,
} from "../fields.ts";
import { sha256Hex } from "../identity.ts";
import { severityFromWord } from "../severity.ts";
import type {
  AlertState,
  NormalizedAlert,
  ParseContext,
  SourceParser,
} from "../types.ts";
import { parseAlertGroup, type AlertGroupFormat } from "./alert-group.ts";
import { GRAFANA_COLUMNS } from "./grafana-columns.ts";

export { GRAFANA_COLUMNS };

const LEGACY_RESOLVED_STATES = new Set(["ok", "paused"]);
const UNIFIED_BODY_FIELDS = [
  "orgId",
  "title",
  "state",
  "message",
  "appVersion",
];
const UNIFIED_ALERT_FIELDS = [
  "silenceURL",
  "dashboardURL",
  "panelURL",
  "values",
  "valueString",
  "imageURL",
  "orgId",
];

/** Parses a Grafana webhook body of any of the three formats. */
export const parseGrafana: SourceParser = (body, context) => {
  const record = requireRecord(body, "", "a JSON object");
  if (Array.isArray(record.alerts)) {
    return parseAlertGroup(record, context, detectGroupFormat(record));
  }
  if ("evalMatches" in record || "ruleId" in record || "ruleName" in record) {
    return [parseLegacyBody(record, context)];
  }
  throw invalidField(
    "/alerts",
    "missing: expected an `alerts` array (unified alerting or Alertmanager) or `evalMatches` (legacy alerting)",
  );
};

/**
 * Tells Grafana unified bodies from plain Alertmanager ones: Grafana sends
 * version "1" and fields that Alertmanager never sends.
 */
export function detectGroupFormat(body: JsonObject): AlertGroupFormat {
  if (body.version === "1") return "unified";
  if (UNIFIED_BODY_FIELDS.some((field) => field in body)) return "unified";
  const alerts = Array.isArray(body.alerts) ? body.alerts : [];
  const hasGrafanaField = alerts.some(
    (alert) =>
      isRecord(alert) && UNIFIED_ALERT_FIELDS.some((field) => field in alert),
  );
  return hasGrafanaField ? "unified" : "alertmanager";
}

function parseLegacyBody(
  body: JsonObject,
  context: ParseContext,
): NormalizedAlert {
  const tags = stringMap(body.tags, "/tags");
  const sourceState = text(body.state);
  if (sourceState === null) {
    throw invalidField(
      "/state",
      "missing: a legacy Grafana body needs a state",
    );
  }
  const fingerprint = sha256Hex([
    "grafana-legacy",
    integer(body.orgId),
    integer(body.dashboardId),
    integer(body.panelId),
    integer(body.ruleId),
  ]);
  return {
    source: "grafana",
    format: "legacy",
    dedupKey: `legacy-rule:${fingerprint}`,
    fingerprint,
    title: legacyTitle(body),
    state: legacyState(sourceState),
    sourceState,
    severity: severityFromWord(pickFromMap(tags, ["severity", "priority"])),
    service: pickFromMap(tags, ["service", "app", "job"]),
    environment: pickFromMap(tags, ["environment", "env"]),
    description: text(body.message),
    startsAt: null,
    endsAt: null,
    labels: tags,
    payload: body,
    payloadTransforms: allTransforms(context),
    columns: legacyColumns(body),
  };
}

function legacyState(sourceState: string): AlertState {
  return LEGACY_RESOLVED_STATES.has(sourceState.toLowerCase())
    ? "resolved"
    : "firing";
}

/** Uses ruleName, else the title without its `[Alerting]` style prefix. */
function legacyTitle(body: JsonObject): string {
  const title = text(body.title)?.replace(/^\[[^\]]*\]\s*/, "");
  return firstText(body.ruleName, title) ?? "Grafana alert";
}

function legacyColumns(body: JsonObject): Record<string, unknown> {
  return buildColumns(GRAFANA_COLUMNS, {
    format: "legacy",
    image_url: text(body.imageUrl),
    grafana_org_id: integer(body.orgId),
    rule_id: integer(body.ruleId),
    rule_name: text(body.ruleName),
    rule_url: text(body.ruleUrl),
    dashboard_id: integer(body.dashboardId),
    panel_id: integer(body.panelId),
    eval_matches: arrayOrEmpty(body.evalMatches),
  });
}
