/**
 * Netdata Cloud webhook bodies, one alert each, in two formats:
 * - 'alert': `alert` (or the older `alarm`), `severity`, `chart`,
 *   `context`, `space`, `Rooms`, `info`, `message`, `date`, `duration`,
 *   `alert_url`. Netdata documents no host field for these; `host`,
 *   `hostname` or `node.hostname` are read when a sender adds one.
 * - 'reachability': `host`, `severity` and `status: { reachable, text }`.
 *
 * - state: severity critical and warning are firing, clear is resolved;
 *   reachability follows `status.reachable`.
 * - severity: critical critical, warning medium, clear null, info info.
 * - fingerprint: SHA-256 of space, host, chart and alert name (Netdata names
 *   an alert instance by node, alert and chart).
 * - dedupKey: `alert:<fingerprint>` (or `reachability:<fingerprint>`). The
 *   body has no occurrence id, so a later occurrence of the same alert
 *   updates the same row.
 * - startsAt is `date` of a firing notification and endsAt `date` of a clear
 *   one. `duration` is kept as sent, since its text format is not specified.
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
  recordOrNull,
  requireRecord,
  text,
  type JsonObject,
} from "../fields.ts";
import { sha256Hex } from "../identity.ts";
import { severityFromWord } from "../severity.ts";
import { parseSourceTime } from "../time.ts";
import type { NormalizedAlert, ParseContext, SourceParser } from "../types.ts";

export const NETDATA_COLUMNS: ColumnTable = {
  host: { type: "text", description: "Host name, when the body has one" },
  chart: { type: "text", description: "Chart the alert watches" },
  context: {
    type: "text",
    description: "Chart context, for example disk.space",
  },
  space: { type: "text", description: "Netdata Cloud space" },
  rooms: { type: "text[]", description: "Names of the rooms of the node" },
  family: { type: "text", description: "Context family" },
  alert_class: { type: "text", description: "class, for example Utilization" },
  alert_url: {
    type: "text",
    description:
      "alert_url (alarm_url), or the node url of a reachability notification",
  },
  duration: {
    type: "text",
    description: "How long the alert has been raised, as sent",
  },
  additional_critical: {
    type: "integer",
    description:
      "Other critical alerts on the node (additional_active_critical_alerts)",
  },
  additional_warning: {
    type: "integer",
    description:
      "Other warning alerts on the node (additional_active_warning_alerts)",
  },
};

/** Parses one Netdata Cloud notification. */
export const parseNetdata: SourceParser = (body, context) => {
  const record = requireRecord(body, "", "a JSON object");
  const status = recordOrNull(record.status);
  if (status !== null && typeof status.reachable === "boolean") {
    return [parseReachability(record, status, context)];
  }
  return [parseAlertNotification(record, context)];
};

function parseAlertNotification(
  body: JsonObject,
  context: ParseContext,
): NormalizedAlert {
  const name = firstText(body.alert, body.alarm);
  if (name === null) {
    throw invalidField("/alert", "missing: the notification names no alert");
  }
  const sourceState = text(body.severity);
  if (sourceState === null) {
    throw invalidField(
      "/severity",
      "missing: expected critical, warning or clear",
    );
  }
  const isClear = sourceState.toLowerCase() === "clear";
  const host = netdataHost(body);
  const space = text(body.space);
  const chart = text(body.chart);
  // NOTE: the body has no occurrence id, so a later occurrence of this alert
  // reuses the row of the earlier one.
  const fingerprint = sha256Hex(["netdata", space, host, chart, name]);
  const date = parseSourceTime(body.date, "/date");
  return {
    source: "netdata",
    format: "alert",
    dedupKey: `alert:${fingerprint}`,
    fingerprint,
    title: name,
    state: isClear ? "resolved" : "firing",
    sourceState,
    severity: severityFromWord(sourceState),
    service: host,
    environment: null,
    description: firstText(body.info, body.message),
    startsAt: isClear ? null : date,
    endsAt: isClear ? date : null,
    labels: {},
    payload: body,
    payloadTransforms: allTransforms(context),
    columns: buildColumns(NETDATA_COLUMNS, {
      host,
      chart,
      context: text(body.context),
      space,
      rooms: roomNames(body.Rooms ?? body.rooms),
      family: text(body.family),
      alert_class: text(body.class),
      alert_url: firstText(body.alert_url, body.alarm_url),
      duration: text(body.duration),
      additional_critical: integer(
        body.additional_active_critical_alerts ?? body.critical_count,
      ),
      additional_warning: integer(
        body.additional_active_warning_alerts ?? body.warning_count,
      ),
    }),
  };
}

function parseReachability(
  body: JsonObject,
  status: JsonObject,
  context: ParseContext,
): NormalizedAlert {
  const host = netdataHost(body);
  if (host === null) {
    throw invalidField(
      "/host",
      "missing: a reachability notification needs a host",
    );
  }
  const reachable = booleanOrNull(status.reachable) === true;
  const sourceState =
    text(status.text) ?? (reachable ? "reachable" : "unreachable");
  const fingerprint = sha256Hex(["netdata-reachability", host]);
  return {
    source: "netdata",
    format: "reachability",
    dedupKey: `reachability:${fingerprint}`,
    fingerprint,
    title: `${host} is ${sourceState}`,
    state: reachable ? "resolved" : "firing",
    sourceState,
    severity: severityFromWord(text(body.severity)),
    service: host,
    environment: null,
    description: text(body.message),
    startsAt: null,
    endsAt: null,
    labels: {},
    payload: body,
    payloadTransforms: allTransforms(context),
    columns: buildColumns(NETDATA_COLUMNS, { host, alert_url: text(body.url) }),
  };
}

function netdataHost(body: JsonObject): string | null {
  return firstText(body.host, body.hostname, recordOrNull(body.node)?.hostname);
}

/** Reads `Rooms` as a list of `{ name, url }` or as an object keyed by name. */
function roomNames(rooms: unknown): string[] | null {
  if (Array.isArray(rooms)) {
    const names = arrayOrEmpty(rooms)
      .map((room) => (isRecord(room) ? text(room.name) : text(room)))
      .filter((name): name is string => name !== null);
    return names;
  }
  if (isRecord(rooms)) return Object.keys(rooms);
  return null;
}
