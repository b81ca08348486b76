/**
 * Dynatrace problem notifications from a custom integration (webhook), one
 * problem per body, in two formats:
 * - 'custom': the custom payload itself, with the documented placeholders
 *   filled in: State, ProblemID, PID, ProblemTitle, ProblemURL (also seen as
 *   "Problem URL"), ImpactedEntity, ImpactedEntities, ProblemImpact,
 *   ProblemSeverity, Tags, ProblemDetails* fields.
 * - 'cloudevent': a CloudEvents envelope (`specversion`) whose `data` is
 *   that custom payload, as Keptn's dynatrace-service receives it.
 *
 * "Send test notification" delivers placeholders that were not replaced,
 * such as `"PID": "{PID}"`. Such a value is read as absent, and the alert is
 * marked `is_test_notification`, as is one with the fixed test-run title.
 *
 * - state: OPEN is firing; RESOLVED, CLOSED and MERGED (merged into another
 *   problem, so this one is closed) are resolved; another word is firing.
 * - severity: ProblemSeverity or the details' severityLevel. AVAILABILITY
 *   critical, ERROR high, PERFORMANCE, RESOURCE_CONTENTION and CUSTOM_ALERT
 *   medium, MONITORING_UNAVAILABLE low, INFO info.
 * - service: KeptnService, else the first impacted entity of type SERVICE,
 *   else ImpactedEntity. environment: KeptnStage, else an env tag.
 * - fingerprint: PID (the problem's internal id), else ProblemID.
 * - dedupKey: `problem:<fingerprint>`: one problem is one occurrence.
 * - startsAt and endsAt: the details' startTime and endTime (epoch ms; -1 is
 *   "not ended"), else for a resolved CloudEvent its `time`.
 */

import { buildColumns, type ColumnTable } from "../columns.ts";
import {
  allTransforms,
  arrayOrEmpty,
  firstText,
  invalidField,
  isRecord,
  labelsFromTags,
  recordOrNull,
  requireRecord,
  tagList,
  text,
  type JsonObject,
} from "../fields.ts";
import { boundedIdentity, sha256Hex } from "../identity.ts";
import { parseSourceTime } from "../time.ts";
import type {
  AlertState,
  NormalizedAlert,
  Severity,
  SourceParser,
} from "../types.ts";

export const DYNATRACE_COLUMNS: ColumnTable = {
  problem_id: {
    type: "text",
    description: "ProblemID: the display id, for example P-22013994",
  },
  pid: { type: "text", description: "PID: the internal problem id" },
  impacted_entity: {
    type: "text",
    description: "ImpactedEntity: names of the impacted entities",
  },
  impacted_entity_ids: {
    type: "text[]",
    description: "Entity ids from ImpactedEntities, for example HOST-...",
  },
  problem_url: { type: "text", description: 'ProblemURL or "Problem URL"' },
  problem_impact: {
    type: "text",
    description:
      "ProblemImpact: APPLICATION, SERVICE, INFRASTRUCTURE or ENVIRONMENT",
  },
  problem_severity: {
    type: "text",
    description: "Severity level as sent, for example AVAILABILITY",
  },
  tags: { type: "text[]", description: "Tags, split at commas" },
  is_test_notification: {
    type: "boolean",
    description: 'True for "Send test notification" bodies',
  },
};

const SEVERITY_BY_LEVEL: Readonly<Record<string, Severity>> = {
  AVAILABILITY: "critical",
  ERROR: "high",
  PERFORMANCE: "medium",
  RESOURCE_CONTENTION: "medium",
  CUSTOM_ALERT: "medium",
  MONITORING_UNAVAILABLE: "low",
  INFO: "info",
};
const RESOLVED_STATES = new Set(["RESOLVED", "CLOSED", "MERGED"]);
const PLACEHOLDER = /^\{[A-Za-z][A-Za-z0-9]*\}$/;
const TEST_RUN_TITLE = "Dynatrace problem notification test run";

/** Reads problem fields, treating unreplaced `{Placeholder}` values as absent. */
class ProblemReader {
  readonly problem: JsonObject;
  sawPlaceholder = false;

  constructor(problem: JsonObject) {
    this.problem = problem;
  }

  text(...keys: string[]): string | null {
    for (const key of keys) {
      const value = this.problem[key];
      if (typeof value === "string" && PLACEHOLDER.test(value.trim())) {
        this.sawPlaceholder = true;
        continue;
      }
      const found = text(value);
      if (found !== null) return found;
    }
    return null;
  }
}

/** Parses one Dynatrace problem notification. */
export const parseDynatrace: SourceParser = (body, context) => {
  const record = requireRecord(body, "", "a JSON object");
  const isCloudEvent =
    typeof record.specversion === "string" && isRecord(record.data);
  const problemPath = isCloudEvent ? "/data" : "";
  const problem = isCloudEvent ? (record.data as JsonObject) : record;
  const facts = readProblem(new ProblemReader(problem), problemPath);
  const details = problemDetails(problem);
  const startsAt = detailTime(
    details?.startTime,
    `${problemPath}/ProblemDetails/startTime`,
  );
  const endsAt =
    facts.state === "resolved"
      ? problemEnd(details, record, isCloudEvent, problemPath)
      : null;
  const alert: NormalizedAlert = {
    source: "dynatrace",
    format: isCloudEvent ? "cloudevent" : "custom",
    dedupKey: `problem:${facts.fingerprint}`,
    fingerprint: facts.fingerprint,
    title: facts.title,
    state: facts.state,
    sourceState: facts.sourceState,
    severity: facts.severity,
    service: facts.service,
    environment: facts.environment,
    description: facts.description,
    startsAt,
    endsAt,
    labels: labelsFromTags(facts.tags),
    payload: record,
    payloadTransforms: allTransforms(context),
    columns: facts.columns,
  };
  return [alert];
};

/** Everything read from the problem fields, placeholders already dropped. */
interface ProblemFacts {
  fingerprint: string;
  title: string;
  state: AlertState;
  sourceState: string;
  severity: Severity | null;
  service: string | null;
  environment: string | null;
  description: string | null;
  tags: string[];
  columns: Record<string, unknown>;
}

function readProblem(reader: ProblemReader, problemPath: string): ProblemFacts {
  const sourceState = reader.text("State");
  if (sourceState === null) {
    throw invalidField(
      `${problemPath}/State`,
      "missing: expected OPEN, RESOLVED or MERGED",
    );
  }

  const details = problemDetails(reader.problem);
  const pid = reader.text("PID");
  const problemId = reader.text("ProblemID");
  const title =
    reader.text("ProblemTitle") ??
    firstText(details?.title, details?.displayName) ??
    "Dynatrace problem";
  const impactedEntity = reader.text("ImpactedEntity");
  const tags = tagList(reader.text("Tags"));
  const labels = labelsFromTags(tags);
  const entities = arrayOrEmpty(reader.problem.ImpactedEntities).filter(
    isRecord,
  );
  const severityLevel =
    reader.text("ProblemSeverity") ?? text(details?.severityLevel);

  const facts = {
    fingerprint: boundedIdentity(
      pid ?? problemId ?? sha256Hex(["dynatrace", title, impactedEntity]),
    ),
    title,
    state: RESOLVED_STATES.has(sourceState.toUpperCase())
      ? ("resolved" as const)
      : ("firing" as const),
    sourceState,
    severity: severityFromLevel(severityLevel),
    service: problemService(reader, entities, impactedEntity),
    environment:
      reader.text("KeptnStage") ?? firstText(labels.env, labels.environment),
    description: reader.text(
      "ProblemDetailsText",
      "ProblemDetails",
      "ProblemDetailsMarkdown",
    ),
    tags,
  };
  const columns = problemColumns(reader, {
    problemId,
    pid,
    impactedEntity,
    entities,
    severityLevel,
    tags,
    title,
  });
  return { ...facts, columns };
}

/** Picks KeptnService, else the first SERVICE entity, else ImpactedEntity. */
function problemService(
  reader: ProblemReader,
  entities: JsonObject[],
  impactedEntity: string | null,
): string | null {
  const serviceEntity = entities.find(
    (entity) => text(entity.type) === "SERVICE",
  );
  return (
    reader.text("KeptnService") ?? text(serviceEntity?.name) ?? impactedEntity
  );
}

/**
 * Builds the columns. It reads the last problem fields first, so that
 * `sawPlaceholder` is final when is_test_notification is set.
 */
function problemColumns(
  reader: ProblemReader,
  read: {
    problemId: string | null;
    pid: string | null;
    impactedEntity: string | null;
    entities: JsonObject[];
    severityLevel: string | null;
    tags: string[];
    title: string;
  },
): Record<string, unknown> {
  const problemUrl = reader.text("ProblemURL", "Problem URL");
  const problemImpact = reader.text("ProblemImpact");
  return buildColumns(DYNATRACE_COLUMNS, {
    problem_id: read.problemId,
    pid: read.pid,
    impacted_entity: read.impactedEntity,
    impacted_entity_ids: read.entities
      .map((entity) => text(entity.entity))
      .filter((id): id is string => id !== null),
    problem_url: problemUrl,
    problem_impact: problemImpact,
    problem_severity: read.severityLevel,
    tags: read.tags,
    is_test_notification:
      reader.sawPlaceholder || read.title === TEST_RUN_TITLE,
  });
}

function severityFromLevel(level: string | null): Severity | null {
  if (level === null) return null;
  return SEVERITY_BY_LEVEL[level.toUpperCase()] ?? null;
}

/** Returns the details object: ProblemDetails, ProblemDetailsJSON or ProblemDetailsJSONv2. */
function problemDetails(problem: JsonObject): JsonObject | null {
  return (
    recordOrNull(problem.ProblemDetails) ??
    recordOrNull(problem.ProblemDetailsJSON) ??
    recordOrNull(problem.ProblemDetailsJSONv2)
  );
}

/** Reads an epoch-ms detail time; zero and negative values mean "not set". */
function detailTime(value: unknown, field: string): string | null {
  if (typeof value === "number" && value <= 0) return null;
  return parseSourceTime(value, field, { epochUnit: "ms" });
}

function problemEnd(
  details: JsonObject | null,
  envelope: JsonObject,
  isCloudEvent: boolean,
  problemPath: string,
): string | null {
  const end = detailTime(
    details?.endTime,
    `${problemPath}/ProblemDetails/endTime`,
  );
  if (end !== null || !isCloudEvent) return end;
  return parseSourceTime(envelope.time, "/time");
}
