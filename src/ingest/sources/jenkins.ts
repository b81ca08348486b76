/**
 * Jenkins build events, one build per body, in two formats:
 * - 'notification': the Notification Plugin body, `{ name, url, build: {
 *   number, queue_id, phase, status, full_url, url, timestamp, duration,
 *   scm: { url, branch, commit }, parameters, notes, log } }`.
 * - 'deployment': the flat body that Aurora's Jenkinsfile `post` snippet
 *   sends: `{ service, environment, result, build_number, build_url,
 *   git: { commit_sha, branch, repository }, deployer, duration_ms,
 *   job_name, trace_id }`.
 *
 * - state: only a finished build that did not succeed is firing. Phase
 *   QUEUED and STARTED are stored as resolved with severity info, so a
 *   build in progress is on record but never counts as an open alert, and
 *   the status the plugin sends before a build finishes is ignored. A
 *   finished build (phase COMPLETED or FINALIZED, or any deployment body)
 *   is resolved for SUCCESS and firing for FAILURE, UNSTABLE, ABORTED,
 *   NOT_BUILT or any other status.
 * - sourceState: the status of a finished build, else the phase.
 * - severity: FAILURE high, UNSTABLE medium, ABORTED and NOT_BUILT low,
 *   SUCCESS info, a build in progress info, an unknown status null.
 * - service: a SERVICE build parameter (any case), else the job name;
 *   environment: an ENVIRONMENT, ENV or DEPLOY_ENV parameter.
 * - fingerprint: SHA-256 of the job (its url, else its name).
 * - dedupKey: `build:<job>#<number>`, so QUEUED, STARTED, COMPLETED and
 *   FINALIZED of one build update one row. Without a build number the
 *   queue id is used (`queue:<job>#<queue id>`).
 * - startsAt: build.timestamp (epoch ms); endsAt: timestamp plus duration
 *   for a successful build.
 */

import { buildColumns, type ColumnTable } from "../columns.ts";
import {
  allTransforms,
  firstText,
  integer,
  invalidField,
  isRecord,
  pickFromMap,
  recordOrNull,
  requireRecord,
  text,
  type JsonObject,
} from "../fields.ts";
import { boundedIdentity, sha256Hex } from "../identity.ts";
import { parseSourceTime } from "../time.ts";
import type {
  AlertState,
  MonitoringSource,
  NormalizedAlert,
  ParseContext,
  Severity,
  SourceParser,
} from "../types.ts";

export const JENKINS_COLUMNS: ColumnTable = {
  job_name: { type: "text", description: "Job name (name, or job_name)" },
  build_number: { type: "integer", description: "Build number" },
  queue_id: { type: "bigint", description: "Queue item id (build.queue_id)" },
  phase: {
    type: "text",
    description:
      "QUEUED, STARTED, COMPLETED or FINALIZED; null for deployment bodies",
  },
  build_status: {
    type: "text",
    description: "SUCCESS, FAILURE, UNSTABLE, ABORTED, ... (status or result)",
  },
  build_url: { type: "text", description: "build.full_url, else build.url" },
  scm_url: {
    type: "text",
    description: "Repository url (scm.url or git.repository)",
  },
  commit: {
    type: "text",
    description: "Commit id (scm.commit or git.commit_sha)",
  },
  branch: { type: "text", description: "Branch (scm.branch or git.branch)" },
  duration_ms: {
    type: "bigint",
    description: "Build duration in milliseconds",
  },
  deployer: { type: "text", description: "Who deployed (deployment bodies)" },
  trace_id: { type: "text", description: "W3C trace id (deployment bodies)" },
};

/** The facts of one build, read from either format. */
export interface JenkinsBuild {
  format: "notification" | "deployment";
  /** The whole body, stored as the payload. */
  body: JsonObject;
  jobName: string;
  /** The job's url as sent (often relative, `job/<name>/`), else its name. */
  jobKey: string;
  number: number | null;
  queueId: number | null;
  phase: string | null;
  status: string | null;
  fullUrl: string | null;
  parameters: Record<string, unknown>;
  service: string | null;
  environment: string | null;
  timestampPath: string;
  timestamp: unknown;
  durationMs: number | null;
  description: string | null;
  scm: { url: string | null; commit: string | null; branch: string | null };
  deployer: string | null;
  traceId: string | null;
}

const FINISHED_PHASES = new Set(["COMPLETED", "FINALIZED"]);
const STATUS_SEVERITY: Readonly<Record<string, Severity>> = {
  FAILURE: "high",
  FAILED: "high",
  UNSTABLE: "medium",
  ABORTED: "low",
  NOT_BUILT: "low",
  SUCCESS: "info",
};
const STATUS_VERBS: Readonly<Record<string, string>> = {
  SUCCESS: "succeeded",
  FAILURE: "failed",
  FAILED: "failed",
  UNSTABLE: "is unstable",
  ABORTED: "was aborted",
  NOT_BUILT: "was not built",
  QUEUED: "is queued",
  STARTED: "started",
};

/** Parses one Jenkins build event. */
export const parseJenkins: SourceParser = (body, context) => {
  const build = readJenkinsBuild(body);
  return [normalizeBuild(build, context, { source: "jenkins" })];
};

/** Reads either body format into `JenkinsBuild`. */
export function readJenkinsBuild(body: unknown): JenkinsBuild {
  const record = requireRecord(body, "", "a JSON object");
  if (isRecord(record.build)) return readNotification(record, record.build);
  if ("result" in record || "build_number" in record) {
    return readDeployment(record);
  }
  throw invalidField(
    "/build",
    "missing: expected a `build` object (Notification Plugin) or `result` and `build_number` (deployment event)",
  );
}

function readNotification(body: JsonObject, build: JsonObject): JenkinsBuild {
  const jobName = firstText(body.name, body.display_name);
  if (jobName === null) {
    throw invalidField("/name", "missing: the body names no job");
  }
  const parameters = recordOrNull(build.parameters) ?? {};
  const scm = recordOrNull(build.scm);
  return {
    format: "notification",
    body,
    jobName,
    jobKey: text(body.url) ?? jobName,
    number: integer(build.number),
    queueId: integer(build.queue_id),
    phase: text(build.phase)?.toUpperCase() ?? null,
    status: text(build.status)?.toUpperCase() ?? null,
    fullUrl: firstText(build.full_url, build.url),
    parameters,
    service: pickFromMap(parameters, ["SERVICE", "SERVICE_NAME"]),
    environment: pickFromMap(parameters, ["ENVIRONMENT", "ENV", "DEPLOY_ENV"]),
    timestampPath: "/build/timestamp",
    timestamp: build.timestamp,
    durationMs: integer(build.duration),
    description: firstText(build.notes, build.log),
    scm: {
      url: text(scm?.url),
      commit: text(scm?.commit),
      branch: text(scm?.branch),
    },
    deployer: null,
    traceId: null,
  };
}

function readDeployment(body: JsonObject): JenkinsBuild {
  const git = recordOrNull(body.git);
  const repository = firstText(git?.repository, body.repository);
  const jobName =
    firstText(body.job_name, body.service) ??
    repository?.replace(/\/+$/, "").split("/").pop() ??
    null;
  if (jobName === null) {
    throw invalidField(
      "/job_name",
      "missing: the body names no job or service",
    );
  }
  return {
    format: "deployment",
    body,
    jobName,
    jobKey: jobName,
    number: integer(body.build_number),
    queueId: null,
    phase: null,
    status: text(body.result)?.toUpperCase() ?? null,
    fullUrl: text(body.build_url),
    parameters: {},
    service: text(body.service),
    environment: text(body.environment),
    timestampPath: "/timestamp",
    timestamp: body.timestamp,
    durationMs: integer(body.duration_ms),
    description: null,
    scm: {
      url: repository,
      commit: firstText(git?.commit_sha, body.commit_sha),
      branch: firstText(git?.branch, body.branch),
    },
    deployer: text(body.deployer),
    traceId: text(body.trace_id),
  };
}

/** Additions of a CI source to the Jenkins rules, such as a CloudBees controller. */
export interface BuildScope {
  source: Extract<MonitoringSource, "jenkins" | "cloudbees">;
  /** Prepended to the job in fingerprint and dedupKey, for example a controller URL. */
  jobPrefix?: string;
  /** Extra columns of the source's table. */
  columns?: Record<string, unknown>;
  columnTable?: ColumnTable;
}

/** Turns one build into a `NormalizedAlert` under the rules above. */
export function normalizeBuild(
  build: JenkinsBuild,
  context: ParseContext,
  scope: BuildScope,
): NormalizedAlert {
  const isFinished =
    build.format === "deployment" || FINISHED_PHASES.has(build.phase ?? "");
  const sourceState = buildSourceState(build, isFinished);
  const state = buildState(build, isFinished);
  // A timestamp of 0 means that no start is known yet, as for a queued build.
  const timestamp = build.timestamp === 0 ? null : build.timestamp;
  const startsAt = parseSourceTime(timestamp, build.timestampPath, {
    epochUnit: "ms",
  });
  return {
    source: scope.source,
    format: build.format,
    dedupKey: buildDedupKey(build, scope.jobPrefix ?? ""),
    fingerprint: sha256Hex([
      scope.source,
      scope.jobPrefix ?? null,
      build.jobKey,
    ]),
    title: buildTitle(build, sourceState),
    state,
    sourceState,
    severity: isFinished
      ? (STATUS_SEVERITY[build.status ?? ""] ?? null)
      : "info",
    service: build.service ?? build.jobName,
    environment: build.environment,
    description: build.description,
    startsAt,
    endsAt:
      state === "resolved" && isFinished ? buildEnd(build, startsAt) : null,
    labels: {},
    payload: build.body,
    payloadTransforms: allTransforms(context),
    columns: buildColumns(scope.columnTable ?? JENKINS_COLUMNS, {
      ...buildColumnValues(build),
      ...scope.columns,
    }),
  };
}

function buildSourceState(build: JenkinsBuild, isFinished: boolean): string {
  if (isFinished) return build.status ?? build.phase ?? "COMPLETED";
  return build.phase ?? "UNKNOWN";
}

function buildState(build: JenkinsBuild, isFinished: boolean): AlertState {
  if (!isFinished) return "resolved";
  return build.status === "SUCCESS" ? "resolved" : "firing";
}

function buildDedupKey(build: JenkinsBuild, jobPrefix: string): string {
  const job = `${jobPrefix}${build.jobKey}`;
  if (build.number !== null)
    return boundedIdentity(`build:${job}#${build.number}`);
  if (build.queueId !== null)
    return boundedIdentity(`queue:${job}#${build.queueId}`);
  throw invalidField(
    build.format === "deployment" ? "/build_number" : "/build/number",
    "missing: a build number or queue id is needed to tell builds apart",
  );
}

function buildTitle(build: JenkinsBuild, sourceState: string): string {
  const verb = STATUS_VERBS[sourceState] ?? `finished with ${sourceState}`;
  const number = build.number === null ? "" : ` #${build.number}`;
  return `Build ${build.jobName}${number} ${verb}`;
}

function buildEnd(build: JenkinsBuild, startsAt: string | null): string | null {
  if (startsAt === null || build.durationMs === null) return null;
  const end = Date.parse(startsAt) + build.durationMs;
  return parseSourceTime(end, build.timestampPath, { epochUnit: "ms" });
}

function buildColumnValues(build: JenkinsBuild): Record<string, unknown> {
  return {
    job_name: build.jobName,
    build_number: build.number,
    queue_id: build.queueId,
    phase: build.phase,
    build_status: build.status,
    build_url: build.fullUrl,
    scm_url: build.scm.url,
    commit: build.scm.commit,
    branch: build.scm.branch,
    duration_ms: build.durationMs,
    deployer: build.deployer,
    trace_id: build.traceId,
  };
}
