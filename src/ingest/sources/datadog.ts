/**
 * Datadog webhook bodies, one alert each (format 'webhook'). The webhook's
 * payload template decides the keys, so the parser reads the usual keys and
 * their common alternatives:
 * - `title`, `body`, and `id` ($ID, the event);
 * - `monitor_id` or `alert_id` ($ALERT_ID, the monitor);
 * - `alert_transition`, `alert_type`, and `priority` or `severity` (P1..P5);
 * - `tags` (a comma-joined string or an array), `scopes` or `scope`;
 * - `date` and `last_updated` (epoch strings), `alert_cycle_key`.
 *
 * - state: from `alert_transition`, else the `[Transition]` title prefix,
 *   else `alert_type`. Recovered is resolved; Triggered, Re-Triggered, Warn,
 *   No Data, Renotify and unknown words are firing.
 * - severity: the P1..P5 priority (P1 critical to P5 info), else
 *   `alert_type` (error high, warning medium, info info, success null).
 * - title: the event title without its `[P2]` and `[Triggered on ...]`
 *   prefixes, so that every transition of a monitor keeps one title.
 * - fingerprint: `<monitor id>/<scope>` (scope tags sorted), else a SHA-256
 *   of title, scope and host.
 * - dedupKey: `cycle:<alert_cycle_key>` when the template sends
 *   $ALERT_CYCLE_KEY (one key per trigger-to-recovery cycle), else
 *   `monitor:<fingerprint>`, else `event:<id>`.
 * - startsAt is the event time of a firing transition and endsAt that of a
 *   recovery; the other is null.
 */

import { buildColumns, type ColumnTable } from "../columns.ts";
import {
  allTransforms,
  firstText,
  invalidField,
  labelsFromTags,
  requireRecord,
  tagList,
  text,
  type JsonObject,
} from "../fields.ts";
import { boundedIdentity, sha256Hex } from "../identity.ts";
import { severityFromWord } from "../severity.ts";
import { parseSourceTime } from "../time.ts";
import type {
  AlertState,
  NormalizedAlert,
  Severity,
  SourceParser,
} from "../types.ts";

export const DATADOG_COLUMNS: ColumnTable = {
  event_id: { type: "text", description: "id ($ID): the Datadog event id" },
  monitor_id: {
    type: "text",
    description: "monitor_id or alert_id ($ALERT_ID): the monitor",
  },
  alert_type: {
    type: "text",
    description: "alert_type: error, warning, info or success",
  },
  alert_transition: {
    type: "text",
    description: "The transition word: Triggered, Warn, Recovered, ...",
  },
  priority: { type: "text", description: "Monitor priority P1..P5" },
  tags: { type: "text[]", description: "tags, split at commas" },
  event_type: {
    type: "text",
    description: "event_type, for example metric_alert_monitor or log_alert",
  },
  host: { type: "text", description: "hostname or host" },
  scope: {
    type: "text",
    description: "scopes or scope: the monitor group, tags sorted",
  },
  query: { type: "text", description: "alert_query or query" },
  event_url: { type: "text", description: "url or link to the event" },
  alert_cycle_key: {
    type: "text",
    description:
      "alert_cycle_key ($ALERT_CYCLE_KEY), when the template sends it",
  },
};

const RESOLVED_TRANSITIONS = new Set(["recovered", "ok", "resolved"]);
const PRIORITY = /^P[1-5]$/i;
const TITLE_PRIORITY_PREFIX = /^\s*\[(P[1-5])\]\s*/i;
const TITLE_TRANSITION_PREFIX =
  /^\s*\[(Triggered|Re-Triggered|Recovered|Warn|Re-Warn|No Data|Re-No Data|Renotify)(?: on [^\]]*)?\]\s*/i;
const ALERT_TYPE_SEVERITY: Readonly<Record<string, Severity | null>> = {
  error: "high",
  warning: "medium",
  info: "info",
  success: null,
};

/** Parses one Datadog webhook body into one alert. */
export const parseDatadog: SourceParser = (body, context) => {
  const record = requireRecord(body, "", "a JSON object");
  requireDatadogFields(record);
  const facts = readDatadogFacts(record);
  const sourceState = datadogTransition(record, facts.rawTitle);
  const state = datadogState(sourceState, record);
  const labels = labelsFromTags(facts.tags);
  const title =
    stripTitlePrefixes(facts.rawTitle) ??
    `Datadog monitor ${facts.monitorId ?? ""}`.trim();
  const fingerprint = datadogFingerprint(facts, title);
  const eventTime = datadogEventTime(record);
  const alert: NormalizedAlert = {
    source: "datadog",
    format: "webhook",
    dedupKey: datadogDedupKey(record, facts.monitorId, fingerprint),
    fingerprint,
    title,
    state,
    sourceState,
    severity: datadogSeverity(facts.priority, text(record.alert_type)),
    service: firstText(labels.service, record.service),
    environment: firstText(labels.env, labels.environment),
    description: stripMarkdownFence(
      firstText(
        record.body,
        record.event_msg,
        record.text_only_msg,
        record.message,
      ),
    ),
    startsAt: state === "firing" ? eventTime : null,
    endsAt: state === "resolved" ? eventTime : null,
    labels,
    payload: record,
    payloadTransforms: allTransforms(context),
    columns: datadogColumns(record, facts),
  };
  return [alert];
};

const TITLE_KEYS = ["title", "event_title", "alert_title"];
const IDENTIFYING_KEYS = [
  "id",
  "monitor_id",
  "alert_id",
  "event_type",
  "alert_transition",
  "alert_type",
];

/**
 * Rejects a body without the fields every Datadog webhook template sends:
 * a title ($EVENT_TITLE) and at least one event or monitor field. Without
 * this check any JSON object would become a firing "Datadog monitor" alert.
 */
function requireDatadogFields(record: JsonObject): void {
  if (firstText(...TITLE_KEYS.map((key) => record[key])) === null) {
    throw invalidField(
      "/title",
      "missing: a Datadog webhook body needs `title` ($EVENT_TITLE)",
    );
  }
  if (firstText(...IDENTIFYING_KEYS.map((key) => record[key])) === null) {
    throw invalidField(
      "/id",
      `missing: a Datadog webhook body needs at least one of ${IDENTIFYING_KEYS.map((key) => `\`${key}\``).join(", ")}`,
    );
  }
}

/** Fields that several rules need, read once. */
interface DatadogFacts {
  rawTitle: string | null;
  tags: string[];
  scope: string | null;
  monitorId: string | null;
  host: string | null;
  priority: string | null;
}

function readDatadogFacts(record: JsonObject): DatadogFacts {
  const rawTitle = firstText(
    record.title,
    record.event_title,
    record.alert_title,
  );
  return {
    rawTitle,
    tags: tagList(record.tags),
    scope: normalizeScope(
      firstText(record.scopes, record.scope, record.alert_scope),
    ),
    monitorId: firstText(record.monitor_id, record.alert_id),
    host: firstText(record.hostname, record.host),
    priority: datadogPriority(record, rawTitle),
  };
}

function datadogFingerprint(facts: DatadogFacts, title: string): string {
  const { monitorId, scope, host } = facts;
  if (monitorId === null) {
    return sha256Hex(["datadog", title, scope, host]);
  }
  return boundedIdentity(scope === null ? monitorId : `${monitorId}/${scope}`);
}

function datadogColumns(
  record: JsonObject,
  facts: DatadogFacts,
): Record<string, unknown> {
  return buildColumns(DATADOG_COLUMNS, {
    event_id: text(record.id),
    monitor_id: facts.monitorId,
    alert_type: text(record.alert_type),
    alert_transition:
      text(record.alert_transition) ?? titleTransition(facts.rawTitle),
    priority: facts.priority,
    tags: facts.tags,
    event_type: text(record.event_type),
    host: facts.host,
    scope: facts.scope,
    query: firstText(record.alert_query, record.query),
    event_url: firstText(record.url, record.link),
    alert_cycle_key: text(record.alert_cycle_key),
  });
}

function datadogTransition(
  record: JsonObject,
  rawTitle: string | null,
): string {
  return (
    firstText(
      record.alert_transition,
      titleTransition(rawTitle),
      record.alert_type,
    ) ?? "unknown"
  );
}

function datadogState(sourceState: string, record: JsonObject): AlertState {
  if (RESOLVED_TRANSITIONS.has(sourceState.toLowerCase())) return "resolved";
  const hasTransition = text(record.alert_transition) !== null;
  const isSuccess = text(record.alert_type)?.toLowerCase() === "success";
  return !hasTransition && isSuccess ? "resolved" : "firing";
}

/** Reads `[Triggered]` or `[Recovered on {scope}]` after an optional `[P2]`. */
function titleTransition(rawTitle: string | null): string | null {
  if (rawTitle === null) return null;
  const withoutPriority = rawTitle.replace(TITLE_PRIORITY_PREFIX, "");
  const match = TITLE_TRANSITION_PREFIX.exec(withoutPriority);
  return match?.[1] ?? null;
}

function stripTitlePrefixes(rawTitle: string | null): string | null {
  if (rawTitle === null) return null;
  let title = rawTitle.replace(TITLE_PRIORITY_PREFIX, "");
  if (titleTransition(title) !== null) {
    title = title.replace(TITLE_TRANSITION_PREFIX, "");
  }
  return text(title);
}

function datadogPriority(
  record: JsonObject,
  rawTitle: string | null,
): string | null {
  const fromFields = [record.priority, record.severity, record.alert_priority]
    .map(text)
    .find((value) => value !== null && PRIORITY.test(value));
  const fromTitle =
    rawTitle === null ? null : TITLE_PRIORITY_PREFIX.exec(rawTitle)?.[1];
  const priority = fromFields ?? fromTitle ?? null;
  return priority === null ? null : priority.toUpperCase();
}

function datadogSeverity(
  priority: string | null,
  alertType: string | null,
): Severity | null {
  if (priority !== null) return severityFromWord(priority);
  if (alertType === null) return null;
  return ALERT_TYPE_SEVERITY[alertType.toLowerCase()] ?? null;
}

function datadogDedupKey(
  record: JsonObject,
  monitorId: string | null,
  fingerprint: string,
): string {
  const cycleKey = text(record.alert_cycle_key);
  if (cycleKey !== null) return boundedIdentity(`cycle:${cycleKey}`);
  // NOTE: without alert_cycle_key, a new trigger after a recovery reuses the
  // monitor's row, because the default payload carries no occurrence id.
  if (monitorId !== null) return boundedIdentity(`monitor:${fingerprint}`);
  const eventId = text(record.id);
  return boundedIdentity(eventId === null ? fingerprint : `event:${eventId}`);
}

/** Reads the first of `date`, `last_updated` and `date_happened` that is set. */
function datadogEventTime(record: JsonObject): string | null {
  for (const key of ["date", "last_updated", "date_happened"]) {
    if (text(record[key]) !== null) {
      return parseSourceTime(record[key], `/${key}`);
    }
  }
  return null;
}

/** Sorts the comma-joined scope tags so that their order does not matter. */
function normalizeScope(scope: string | null): string | null {
  if (scope === null) return null;
  const parts = tagList(scope).sort();
  return parts.length === 0 ? null : parts.join(",");
}

/** Drops the `%%%` markers that wrap Datadog's markdown messages. */
function stripMarkdownFence(message: string | null): string | null {
  if (message === null) return null;
  return text(message.replace(/^%%%\s*/, "").replace(/\s*%%%$/, ""));
}
