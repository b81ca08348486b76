/**
 * PagerDuty webhook bodies. Every alert is one PagerDuty incident.
 *
 * Formats:
 * - 'v3': `{ event: { event_type, occurred_at, data } }`, one event per
 *   body. `data` is the incident for incident.* events, or another object
 *   (an incident_note for incident.annotated, a responder, a status update)
 *   with the incident as a reference in `data.incident`.
 * - 'v2': `{ messages: [...] }` with `event` and `incident` in each message
 *   (deprecated, still sent by old accounts); one alert per message.
 * - 'v1': `{ messages: [...] }` with `type` and `data.incident`.
 *
 * - state: the incident `status` when the body has it (triggered and
 *   acknowledged are firing, resolved is resolved). Otherwise the event:
 *   incident.resolved (v2 incident.resolve) is resolved, every other event
 *   is firing. Events that carry no incident status, such as
 *   incident.annotated, leave `incident_status` null; the store should then
 *   keep the state it has.
 * - sourceState: the event type without `incident.`, for example
 *   'triggered', 'annotated', 'priority_updated', or v2 'trigger'.
 * - severity: the priority (P1 critical to P5 info), else the urgency (high
 *   high, low low), else null.
 * - fingerprint: the incident id.
 * - dedupKey: `incident:<incident id>`, the same for every event of one
 *   incident and for v2 and v3 deliveries of it.
 */

import { buildColumns, type ColumnTable } from "../columns.ts";
import {
  allTransforms,
  belongsToItem,
  firstText,
  integer,
  invalidField,
  isRecord,
  recordOrNull,
  requireRecord,
  text,
  transformsWhere,
  type JsonObject,
} from "../fields.ts";
import { boundedIdentity } from "../identity.ts";
import { severityFromWord } from "../severity.ts";
import { parseSourceTime } from "../time.ts";
import type {
  AlertState,
  NormalizedAlert,
  PayloadTransform,
  SourceParser,
} from "../types.ts";

export const PAGERDUTY_COLUMNS: ColumnTable = {
  event_id: {
    type: "text",
    description: "v3 event.id or v2 message id: one delivery",
  },
  event_type: {
    type: "text",
    description: "Full event type, for example incident.triggered",
  },
  incident_id: { type: "text", description: "PagerDuty incident id" },
  incident_number: {
    type: "integer",
    description: "Incident number shown in the PagerDuty UI",
  },
  incident_key: {
    type: "text",
    description: "incident_key: the Events API dedup key, when set",
  },
  incident_status: {
    type: "text",
    description:
      "triggered, acknowledged or resolved; null when the event carries no incident status",
  },
  urgency: { type: "text", description: "high or low" },
  priority: { type: "text", description: "Priority summary, for example P1" },
  html_url: { type: "text", description: "Incident page in PagerDuty" },
  service_id: { type: "text", description: "PagerDuty service id" },
  note: {
    type: "text",
    description: "Note content of an incident.annotated event",
  },
  occurred_at: {
    type: "timestamptz",
    description: "When the event happened (v3 occurred_at, v2 created_on)",
  },
};

/** Facts read from one incident event, in any format. */
interface IncidentEvent {
  format: "v1" | "v2" | "v3";
  eventId: string | null;
  eventType: string;
  /** The incident object or an incident reference. */
  incident: JsonObject;
  /** Path of `incident` in the body, for error messages. */
  incidentPath: string;
  /** The full incident object, when the event carries one. */
  fullIncident: JsonObject | null;
  note: string | null;
  occurredAt: string | null;
  payload: JsonObject;
  payloadTransforms: PayloadTransform[];
}

const ACTIVE_STATUSES = new Set(["triggered", "acknowledged"]);

/** Parses a PagerDuty v3 body, or a v2 or v1 body with its messages. */
export const parsePagerDuty: SourceParser = (body, context) => {
  const record = requireRecord(body, "", "a JSON object");
  if (isRecord(record.event)) {
    const event = readV3Event(record, record.event);
    return [
      normalizeIncidentEvent({
        ...event,
        payloadTransforms: allTransforms(context),
      }),
    ];
  }
  if (Array.isArray(record.messages)) {
    if (record.messages.length === 0) {
      throw invalidField("/messages", "the body contains no messages");
    }
    return record.messages.map((message, index) =>
      normalizeIncidentEvent({
        ...readV2Message(record, message, index),
        payloadTransforms: transformsWhere(
          context,
          belongsToItem("/messages", index),
        ),
      }),
    );
  }
  throw invalidField(
    "/event",
    "missing: expected `event` (v3 webhook) or `messages` (v2 webhook)",
  );
};

function readV3Event(
  body: JsonObject,
  event: JsonObject,
): Omit<IncidentEvent, "payloadTransforms"> {
  const eventType = text(event.event_type);
  if (eventType === null) {
    throw invalidField(
      "/event/event_type",
      "missing: the v3 event has no type",
    );
  }
  const data = requireRecord(event.data, "/event/data", "an object");
  const isIncident = text(data.type) === "incident";
  const reference = recordOrNull(data.incident);
  const isNote = text(data.type) === "incident_note";
  return {
    format: "v3",
    eventId: text(event.id),
    eventType,
    incident: isIncident || reference === null ? data : reference,
    incidentPath:
      isIncident || reference === null ? "/event/data" : "/event/data/incident",
    fullIncident: isIncident ? data : null,
    note: isNote ? text(data.content) : null,
    occurredAt: parseSourceTime(event.occurred_at, "/event/occurred_at"),
    payload: body,
  };
}

function readV2Message(
  body: JsonObject,
  rawMessage: unknown,
  index: number,
): Omit<IncidentEvent, "payloadTransforms"> {
  const path = `/messages/${index}`;
  const message = requireRecord(rawMessage, path, "a message object");
  const isV1 = message.event === undefined && isRecord(message.data);
  const eventType = firstText(message.event, message.type);
  if (eventType === null) {
    throw invalidField(`${path}/event`, "missing: the message has no event");
  }
  const container = isV1 ? (message.data as JsonObject) : message;
  const incidentPath = isV1 ? `${path}/data/incident` : `${path}/incident`;
  const incident = requireRecord(
    container.incident,
    incidentPath,
    "an incident object",
  );
  return {
    format: isV1 ? "v1" : "v2",
    eventId: text(message.id),
    eventType,
    incident,
    incidentPath,
    fullIncident: incident,
    note: null,
    occurredAt: parseSourceTime(message.created_on, `${path}/created_on`),
    payload: { ...body, messages: [message] },
  };
}

function normalizeIncidentEvent(event: IncidentEvent): NormalizedAlert {
  const { incident, fullIncident } = event;
  const incidentId = text(incident.id);
  if (incidentId === null) {
    throw invalidField(
      `${event.incidentPath}/id`,
      "missing: the incident has no id",
    );
  }
  const incidentStatus =
    fullIncident === null ? null : text(fullIncident.status);
  const sourceState = event.eventType.replace(/^incident\./, "");
  const state = incidentState(incidentStatus, sourceState);
  const priority = text(recordOrNull(fullIncident?.priority)?.summary);
  const urgency = text(fullIncident?.urgency);
  const service = recordOrNull(fullIncident?.service);
  return {
    source: "pagerduty",
    format: event.format,
    dedupKey: boundedIdentity(`incident:${incidentId}`),
    fingerprint: boundedIdentity(incidentId),
    title:
      firstText(incident.title, incident.summary) ??
      `PagerDuty incident ${incidentId}`,
    state,
    sourceState,
    severity: severityFromWord(priority) ?? severityFromWord(urgency),
    service: firstText(service?.summary, service?.name),
    environment: null,
    description: event.note ?? text(fullIncident?.description),
    startsAt: incidentStart(event),
    endsAt: state === "resolved" ? incidentEnd(event) : null,
    labels: {},
    payload: event.payload,
    payloadTransforms: event.payloadTransforms,
    columns: buildColumns(PAGERDUTY_COLUMNS, {
      event_id: event.eventId,
      event_type: event.eventType,
      incident_id: incidentId,
      incident_number:
        integer(fullIncident?.number) ?? integer(fullIncident?.incident_number),
      incident_key: text(fullIncident?.incident_key),
      incident_status: incidentStatus,
      urgency,
      priority,
      html_url: text(incident.html_url),
      service_id: text(service?.id),
      note: event.note,
      occurred_at: event.occurredAt,
    }),
  };
}

function incidentState(status: string | null, sourceState: string): AlertState {
  const lowerStatus = status?.toLowerCase() ?? null;
  if (lowerStatus !== null && ACTIVE_STATUSES.has(lowerStatus)) return "firing";
  if (lowerStatus === "resolved") return "resolved";
  // NOTE: an event without incident status, such as incident.annotated, reads
  // as firing. The store should keep the stored state when incident_status
  // is null, or a note on a resolved incident would reopen it.
  return sourceState === "resolved" || sourceState === "resolve"
    ? "resolved"
    : "firing";
}

/** Returns the incident's created_at, else the time of a trigger event. */
function incidentStart(event: IncidentEvent): string | null {
  const created = parseSourceTime(
    event.fullIncident?.created_at,
    `${event.incidentPath}/created_at`,
  );
  if (created !== null) return created;
  const isTrigger = /^incident\.trigger(ed)?$/.test(event.eventType);
  return isTrigger ? event.occurredAt : null;
}

/** Returns the time of a resolve event, else the incident's last status change. */
function incidentEnd(event: IncidentEvent): string | null {
  if (/^incident\.resolve(d)?$/.test(event.eventType)) return event.occurredAt;
  return parseSourceTime(
    event.fullIncident?.last_status_change_at,
    `${event.incidentPath}/last_status_change_at`,
  );
}
