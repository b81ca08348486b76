/**
 * BigPanda Notifications Webhook bodies: the incident object with its alerts
 * expanded, either as the body itself or under `incident`. A BigPanda
 * incident is already a correlated group, so one body is one alert here
 * (format 'notification'), and the child alerts stay in the payload.
 *
 * - state: `active` when the body has it (true is firing, false resolved),
 *   else `resolved`. Without either, the status words ok, resolved and
 *   closed are resolved and the rest firing. sourceState is `status`.
 * - severity: `severity` (the highest status any alert reached: critical
 *   critical, warning medium, unknown and ok null), else `status`.
 * - title: the description or condition_name of the first alert that is not
 *   ok, else its primary and secondary property values, else
 *   `BigPanda incident <id>`.
 * - service: that alert's `service`, `application` or `app` tag, else the
 *   value of its primary property. BigPanda's `primary_property` names a tag
 *   such as "host", so the value is looked up in the alert's tags and
 *   fields. When neither has it, the name itself is used.
 * - fingerprint: the incident id; dedupKey: `incident:<id>`, so every share
 *   update of one incident updates one row.
 * - startsAt and endsAt: the incident's start and end (epoch seconds), else
 *   the earliest alert start and, once resolved, the latest alert end.
 */

import { buildColumns, type ColumnTable } from "../columns.ts";
import {
  allTransforms,
  arrayOrEmpty,
  booleanOrNull,
  firstText,
  integer,
  invalidField,
  isRecord,
  pickFromMap,
  requireRecord,
  setOwn,
  text,
  type JsonObject,
} from "../fields.ts";
import { boundedIdentity } from "../identity.ts";
import { severityFromWord } from "../severity.ts";
import { parseSourceTime } from "../time.ts";
import type { AlertState, SourceParser } from "../types.ts";

export const BIGPANDA_COLUMNS: ColumnTable = {
  incident_id: { type: "text", description: "BigPanda incident id" },
  incident_status: {
    type: "text",
    description: "status: critical, warning, unknown or ok",
  },
  is_active: { type: "boolean", description: "active: the incident is open" },
  is_flapping: { type: "boolean", description: "flapping" },
  primary_property: {
    type: "text",
    description: "primary_property of the first alert that is not ok",
  },
  secondary_property: {
    type: "text",
    description: "secondary_property of that alert",
  },
  source_system: {
    type: "text",
    description: "source_system of that alert, for example nagios.main",
  },
  child_alert_count: {
    type: "integer",
    description: "Number of alerts in the incident",
  },
  incident_tags: {
    type: "jsonb",
    description: "incident_tags as an object of tag id to value",
  },
};

const RESOLVED_STATUSES = new Set(["ok", "resolved", "closed"]);
const MAX_DESCRIPTION_ALERTS = 20;

/** Parses one BigPanda incident notification. */
export const parseBigPanda: SourceParser = (body, context) => {
  const record = requireRecord(body, "", "a JSON object");
  const incidentPath = isRecord(record.incident) ? "/incident" : "";
  const incident = isRecord(record.incident) ? record.incident : record;
  const incidentId = text(incident.id);
  if (incidentId === null) {
    throw invalidField(`${incidentPath}/id`, "missing: the incident has no id");
  }

  const alerts = arrayOrEmpty(incident.alerts).filter(isRecord);
  const lead =
    alerts.find((alert) => !isOkStatus(alert.status)) ?? alerts[0] ?? {};
  const tags = alertTags(lead);
  const primary = propertyValue(lead, tags, text(lead.primary_property));
  const secondary = propertyValue(lead, tags, text(lead.secondary_property));
  const statusWord = text(incident.status);
  const state = incidentState(incident, statusWord);

  return [
    {
      source: "bigpanda",
      format: "notification",
      dedupKey: boundedIdentity(`incident:${incidentId}`),
      fingerprint: boundedIdentity(incidentId),
      title:
        firstText(lead.description, lead.condition_name) ??
        (primary === null
          ? null
          : [primary, secondary].filter(Boolean).join(": ")) ??
        `BigPanda incident ${incidentId}`,
      state,
      sourceState: statusWord ?? (state === "firing" ? "active" : "resolved"),
      severity: severityFromWord(firstText(incident.severity, statusWord)),
      service: pickFromMap(tags, ["service", "application", "app"]) ?? primary,
      environment: pickFromMap(tags, ["environment", "env"]),
      description: describeAlerts(alerts),
      startsAt: incidentStart(incident, alerts, incidentPath),
      endsAt:
        state === "resolved"
          ? incidentEnd(incident, alerts, incidentPath)
          : null,
      labels: tags,
      payload: record,
      payloadTransforms: allTransforms(context),
      columns: buildColumns(BIGPANDA_COLUMNS, {
        incident_id: incidentId,
        incident_status: statusWord,
        is_active: booleanOrNull(incident.active),
        is_flapping: booleanOrNull(incident.flapping),
        primary_property: text(lead.primary_property),
        secondary_property: text(lead.secondary_property),
        source_system: text(lead.source_system),
        child_alert_count: alerts.length,
        incident_tags: incidentTags(incident.incident_tags),
      }),
    },
  ];
};

function isOkStatus(status: unknown): boolean {
  return RESOLVED_STATUSES.has(text(status)?.toLowerCase() ?? "");
}

function incidentState(
  incident: JsonObject,
  statusWord: string | null,
): AlertState {
  const active = booleanOrNull(incident.active);
  if (active !== null) return active ? "firing" : "resolved";
  const resolved = booleanOrNull(incident.resolved);
  if (resolved !== null) return resolved ? "resolved" : "firing";
  return isOkStatus(statusWord) ? "resolved" : "firing";
}

/** Reads alert tags given as `[{ name, value }]` or as an object. */
function alertTags(alert: JsonObject): Record<string, string> {
  const tags: Record<string, string> = {};
  if (Array.isArray(alert.tags)) {
    for (const tag of alert.tags.filter(isRecord)) {
      const name = text(tag.name);
      const value = text(tag.value);
      if (name !== null && value !== null) setOwn(tags, name, value);
    }
  } else if (isRecord(alert.tags)) {
    for (const [name, value] of Object.entries(alert.tags)) {
      const found = text(value);
      if (found !== null) setOwn(tags, name, found);
    }
  }
  return tags;
}

function propertyValue(
  alert: JsonObject,
  tags: Record<string, string>,
  property: string | null,
): string | null {
  if (property === null) return null;
  return firstText(tags[property], alert[property]) ?? property;
}

function describeAlerts(alerts: JsonObject[]): string | null {
  const lines = alerts.slice(0, MAX_DESCRIPTION_ALERTS).map((alert) => {
    const summary =
      firstText(alert.description, alert.condition_name) ?? "alert";
    const from = text(alert.source_system);
    const status = text(alert.status);
    return `${from === null ? "" : `${from}: `}${summary}${status === null ? "" : ` (${status})`}`;
  });
  if (alerts.length > MAX_DESCRIPTION_ALERTS) {
    lines.push(`and ${alerts.length - MAX_DESCRIPTION_ALERTS} more alerts`);
  }
  return lines.length === 0 ? null : lines.join("\n");
}

function incidentStart(
  incident: JsonObject,
  alerts: JsonObject[],
  incidentPath: string,
): string | null {
  if (text(incident.start) !== null) {
    return epochSeconds(incident.start, `${incidentPath}/start`);
  }
  const starts = alerts.map((alert) => integer(alert.start)).filter(isNumber);
  if (starts.length === 0) return null;
  return epochSeconds(Math.min(...starts), `${incidentPath}/alerts`);
}

function incidentEnd(
  incident: JsonObject,
  alerts: JsonObject[],
  incidentPath: string,
): string | null {
  if (text(incident.end) !== null) {
    return epochSeconds(incident.end, `${incidentPath}/end`);
  }
  const ends = alerts.map((alert) => integer(alert.end)).filter(isNumber);
  if (ends.length === 0) return null;
  return epochSeconds(Math.max(...ends), `${incidentPath}/alerts`);
}

function epochSeconds(value: unknown, field: string): string | null {
  return parseSourceTime(value, field, { epochUnit: "s" });
}

function isNumber(value: number | null): value is number {
  return value !== null;
}

/** Turns `[{ tag_id, value }]` into `{ tag_id: value }`. */
function incidentTags(value: unknown): Record<string, unknown> | null {
  if (!Array.isArray(value)) return isRecord(value) ? value : null;
  const tags: Record<string, unknown> = {};
  for (const tag of value.filter(isRecord)) {
    const id = firstText(tag.tag_id, tag.name);
    if (id !== null) setOwn(tags, id, tag.tag_value ?? tag.value ?? null);
  }
  return tags;
}
