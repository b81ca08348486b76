/**
 * Splunk webhook alert action bodies: `search_name` (a string, null or
 * absent), `sid`, `results_link`, `app`, `owner` and `result`, the first
 * result row with every value as a string. One body is one alert (format
 * 'webhook').
 *
 * - title: `search_name`; when it is null or absent, the saved search name
 *   inside a scheduler sid (`scheduler__<owner>__<app>__<name>_at_...`);
 *   else `Splunk alert <sid>`.
 * - state: always firing (sourceState 'triggered'), because Splunk sends
 *   the webhook only when an alert triggers and never a recovery.
 * - severity: a `severity` or `urgency` field of the result row, else null.
 * - service: `service`, else `host` of the result row; environment:
 *   `environment` or `env` of the result row.
 * - fingerprint: SHA-256 of app, owner and search name (the sid when there is
 *   no name).
 * - dedupKey: `sid:<sid>` plus `@<result _time>` when the row has one. A
 *   real-time search keeps its sid across triggers, so the row time distinguishes
 *   its triggers apart, and a redelivery repeats both.
 * - startsAt: `_time` of the result row (epoch seconds); endsAt: null.
 */

import { buildColumns, type ColumnTable } from "../columns.ts";
import {
  allTransforms,
  firstText,
  invalidField,
  recordOrNull,
  requireRecord,
  text,
} from "../fields.ts";
import { boundedIdentity, sha256Hex } from "../identity.ts";
import { severityFromWord } from "../severity.ts";
import { parseSourceTime } from "../time.ts";
import type { SourceParser } from "../types.ts";

export const SPLUNK_COLUMNS: ColumnTable = {
  search_name: {
    type: "text",
    description:
      "search_name as sent; null when Splunk sent null or omitted it",
  },
  sid: { type: "text", description: "Search id of the run that triggered" },
  results_link: { type: "text", description: "Link to the search results" },
  app: { type: "text", description: "Splunk app of the saved search" },
  owner: { type: "text", description: "Owner of the saved search" },
  host: { type: "text", description: "host field of the first result row" },
};

/** `scheduler__<owner>__<app>__<name>_at_<epoch>_<n>`, optionally with `rt_`. */
const SCHEDULER_SID = /^(?:rt_)?scheduler__.+?__.+?__(.+?)_at_\d+/;

/** Parses one Splunk webhook body into one alert. */
export const parseSplunk: SourceParser = (body, context) => {
  const record = requireRecord(body, "", "a JSON object");
  const result = recordOrNull(record.result) ?? {};
  const sid = text(record.sid);
  const searchName = text(record.search_name);
  const name = searchName ?? searchNameFromSid(sid);
  if (sid === null && name === null) {
    throw invalidField(
      "/sid",
      "missing: the body has neither a sid nor a search_name",
    );
  }
  const startsAt = parseSourceTime(result._time, "/result/_time", {
    epochUnit: "s",
  });
  const fingerprint = sha256Hex([
    "splunk",
    text(record.app),
    text(record.owner),
    name ?? sid,
  ]);
  const occurrence = sid === null ? `search:${fingerprint}` : `sid:${sid}`;
  return [
    {
      source: "splunk",
      format: "webhook",
      dedupKey: boundedIdentity(
        startsAt === null ? occurrence : `${occurrence}@${startsAt}`,
      ),
      fingerprint,
      title: name ?? `Splunk alert ${sid}`,
      state: "firing",
      sourceState: "triggered",
      severity: severityFromWord(firstText(result.severity, result.urgency)),
      service: firstText(result.service, result.host),
      environment: firstText(result.environment, result.env),
      description: text(result._raw),
      startsAt,
      endsAt: null,
      labels: {},
      payload: record,
      payloadTransforms: allTransforms(context),
      columns: buildColumns(SPLUNK_COLUMNS, {
        search_name: searchName,
        sid,
        results_link: text(record.results_link),
        app: text(record.app),
        owner: text(record.owner),
        host: text(result.host),
      }),
    },
  ];
};

/** Reads the saved search name from a scheduler sid; hashed names (RMD5...) give null. */
export function searchNameFromSid(sid: string | null): string | null {
  if (sid === null) return null;
  const name = SCHEDULER_SID.exec(sid)?.[1] ?? null;
  if (name === null || name.startsWith("RMD5")) return null;
  return name;
}
