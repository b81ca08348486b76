/**
 * Incidents of the organization in context: create, read, list, change
 * status and analysis status, merge, and attach alerts.
 *
 * Invalid state transitions (a merged incident changing, resolved to
 * analyzed, an analysis completing without running) are raised by the
 * schema's trigger as AU002 and reach callers as ConflictError.
 */
import { NotFoundError, ValidationError } from "../errors.ts";
import {
  attachAlert as attachAlertQuery,
  getIncident as getIncidentQuery,
  insertIncident,
  listIncidentAlerts as listIncidentAlertsQuery,
  listIncidents as listIncidentsQuery,
  listOpenIncidents,
  mergeIncident as mergeIncidentQuery,
  updateAnalysisStatus as updateAnalysisStatusQuery,
  updateIncidentStatus as updateIncidentStatusQuery,
  type IAttachAlertResult,
  type IGetIncidentResult,
  type IInsertIncidentResult,
  type IListIncidentAlertsResult,
  type IListIncidentsResult,
  type IMergeIncidentResult,
} from "../../generated/incidents.queries.ts";
import { compileValidator } from "../validation/ajv.ts";
import {
  ANALYSIS_STATUSES,
  CORRELATION_STRATEGIES,
  INCIDENT_STATUSES,
  MONITORING_SOURCES,
  OPEN_INCIDENT_STATUSES,
  SEVERITIES,
  type AnalysisStatus,
  type CorrelationStrategy,
  type IncidentStatus,
  type MonitoringSource,
  type Severity,
} from "../validation/enums.ts";
import {
  BIGINT_ID,
  CURSOR,
  OPTIONAL_BIGINT_ID,
  OPTIONAL_INSTANT,
  PAGE_SIZE,
  TEXT_LIMITS,
  UUID,
  enumField,
  inputObject,
  oneOrMany,
  optionalText,
  text,
} from "../validation/fields.ts";
import { correlationDetailsSchema } from "../validation/jsonb.ts";
import type { CorrelationDetails } from "../validation/types.ts";
import { decodeCursor, pageSize, toPage, type Page } from "./pagination.ts";
import {
  organizationMissing,
  runOne,
  runQuery,
  type MissingReferences,
  type Queryable,
} from "./run.ts";

export type Incident = IGetIncidentResult;
export type IncidentRow = IInsertIncidentResult;
export type IncidentSummary = Omit<IListIncidentsResult, "cursorTime">;
export type MergeResult = IMergeIncidentResult;
export type IncidentAlert = Omit<IAttachAlertResult, "details"> & {
  details: CorrelationDetails;
};
export type IncidentAlertWithAlert = Omit<
  IListIncidentAlertsResult,
  "details"
> & { details: CorrelationDetails };

const INCIDENT_MISSING: MissingReferences = organizationMissing("incidents");

/** Time values: a Date, or ISO 8601 text (which keeps microseconds exactly). */
export type Instant = Date | string;

export interface CreateIncidentInput {
  title: string;
  description?: string | null;
  severity?: Severity | null;
  /** Monitoring source of the alert that opened the incident. */
  source?: MonitoringSource | null;
  /** Id of that alert in the source's table. Requires `source`. */
  sourceAlertId?: string | number | null;
  service?: string | null;
  affectedServices?: string[] | null;
  environment?: string | null;
  /** When the problem started, now by default. */
  startedAt?: Instant | null;
}

const SERVICE_NAME = optionalText(TEXT_LIMITS.name);

const parseCreateIncident = compileValidator<CreateIncidentInput>(
  "incident",
  inputObject(
    {
      title: text(TEXT_LIMITS.title),
      description: optionalText(TEXT_LIMITS.description),
      severity: enumField(SEVERITIES, true),
      source: enumField(MONITORING_SOURCES, true),
      sourceAlertId: OPTIONAL_BIGINT_ID,
      service: SERVICE_NAME,
      affectedServices: {
        type: ["array", "null"],
        maxItems: 1000,
        items: text(TEXT_LIMITS.name),
      },
      environment: SERVICE_NAME,
      startedAt: OPTIONAL_INSTANT,
    },
    ["title"],
  ),
);

/** Inserts an incident, opened by the user in context when there is one. */
export async function createIncident(
  tx: Queryable,
  input: CreateIncidentInput,
): Promise<IncidentRow> {
  const incident = parseCreateIncident(input);
  if (incident.sourceAlertId != null && incident.source == null) {
    throw new ValidationError(
      "Invalid incident: /source is required with sourceAlertId.",
      [{ path: "/source", message: "is required when sourceAlertId is given" }],
    );
  }
  const [row] = await runQuery(
    tx,
    insertIncident,
    {
      title: incident.title,
      description: incident.description ?? null,
      severity: incident.severity ?? null,
      source: incident.source ?? null,
      sourceAlertId:
        incident.sourceAlertId == null ? null : String(incident.sourceAlertId),
      service: incident.service ?? null,
      affectedServices: incident.affectedServices ?? null,
      environment: incident.environment ?? null,
      startedAt: incident.startedAt ?? null,
    },
    INCIDENT_MISSING,
  );
  return row!;
}

const parseIncidentId = compileValidator<string>("incident id", UUID, "/id");

/** Returns the incident, or throws NotFoundError when the organization in context has none with this id. */
export async function getIncident(
  tx: Queryable,
  id: string,
): Promise<Incident> {
  const incidentId = parseIncidentId(id);
  return runOne(
    tx,
    getIncidentQuery,
    { id: incidentId },
    incidentNotFound(incidentId),
  );
}

export interface ListIncidentsInput {
  /**
   * true: only open incidents (investigating, analyzed), most recently
   * started first. false (default): every incident, newest first.
   */
  open?: boolean | null;
  status?: IncidentStatus | IncidentStatus[] | null;
  severity?: Severity | Severity[] | null;
  service?: string | null;
  /** Inclusive lower bound of started_at (open) or created_at (all). */
  from?: Instant | null;
  /** Exclusive upper bound of the same column. */
  to?: Instant | null;
  /** `next` of the previous page. */
  after?: string | null;
  /** Page size from 1 to 500, 50 by default. */
  limit?: number | null;
}

const parseListIncidents = compileValidator<ListIncidentsInput>(
  "incident list",
  inputObject({
    open: { type: ["boolean", "null"] },
    status: oneOrMany(INCIDENT_STATUSES),
    severity: oneOrMany(SEVERITIES),
    service: SERVICE_NAME,
    from: OPTIONAL_INSTANT,
    to: OPTIONAL_INSTANT,
    after: CURSOR,
    limit: PAGE_SIZE,
  }),
);

/** Lists incidents with keyset pagination, filtered as {@link ListIncidentsInput} describes. */
export async function listIncidents(
  tx: Queryable,
  input: ListIncidentsInput = {},
): Promise<Page<IncidentSummary>> {
  const filters = parseListIncidents(input);
  const open = filters.open === true;
  const list = open ? "open incidents" : "incidents";
  const statuses = asList(filters.status);
  if (open) assertOpenStatuses(statuses);
  const position = decodeCursor(list, filters.after, "uuid");
  const size = pageSize(filters.limit);
  const rows = await runQuery(
    tx,
    open ? listOpenIncidents : listIncidentsQuery,
    {
      statuses,
      severities: asList(filters.severity),
      service: filters.service ?? null,
      from: filters.from ?? null,
      to: filters.to ?? null,
      afterTime: position?.time ?? null,
      afterId: position?.id ?? null,
      limit: size + 1,
    },
  );
  return toPage(list, rows, size);
}

function asList<T extends string>(
  value: T | T[] | null | undefined,
): T[] | null {
  if (value === undefined || value === null) return null;
  return Array.isArray(value) ? value : [value];
}

function assertOpenStatuses(statuses: IncidentStatus[] | null): void {
  const closed = (statuses ?? []).filter(
    (status) => !(OPEN_INCIDENT_STATUSES as readonly string[]).includes(status),
  );
  if (closed.length === 0) return;
  throw new ValidationError(
    `Invalid incident list: /status ${closed.join(", ")} is not an open status; ` +
      "list with open: false to see closed incidents.",
    [
      {
        path: "/status",
        message: `must be investigating or analyzed when open is true`,
      },
    ],
  );
}

export interface UpdateIncidentStatusInput {
  id: string;
  /** investigating, analyzed or resolved. Merging goes through mergeIncident. */
  status: Exclude<IncidentStatus, "merged">;
}

const parseUpdateStatus = compileValidator<UpdateIncidentStatusInput>(
  "incident status change",
  inputObject(
    {
      id: UUID,
      status: enumField(
        INCIDENT_STATUSES.filter((status) => status !== "merged"),
      ),
    },
    ["id", "status"],
  ),
);

/**
 * Sets the status. Resolving records resolved_at and reopening clears it.
 * Throws ConflictError for a transition the schema forbids.
 */
export async function updateIncidentStatus(
  tx: Queryable,
  input: UpdateIncidentStatusInput,
): Promise<IncidentRow> {
  const { id, status } = parseUpdateStatus(input);
  return runOne(
    tx,
    updateIncidentStatusQuery,
    { id, status },
    incidentNotFound(id),
  );
}

export interface UpdateAnalysisStatusInput {
  id: string;
  analysisStatus: AnalysisStatus;
  /** Summary written by the RCA agent, kept when null or absent. */
  summary?: string | null;
}

const parseUpdateAnalysis = compileValidator<UpdateAnalysisStatusInput>(
  "analysis status change",
  inputObject(
    {
      id: UUID,
      analysisStatus: enumField(ANALYSIS_STATUSES),
      summary: optionalText(TEXT_LIMITS.description),
    },
    ["id", "analysisStatus"],
  ),
);

/** Sets the analysis status, and the summary when given. */
export async function updateAnalysisStatus(
  tx: Queryable,
  input: UpdateAnalysisStatusInput,
): Promise<IncidentRow> {
  const { id, analysisStatus, summary } = parseUpdateAnalysis(input);
  return runOne(
    tx,
    updateAnalysisStatusQuery,
    { id, analysisStatus, summary: summary ?? null },
    incidentNotFound(id),
  );
}

export interface MergeIncidentInput {
  /** The incident that becomes merged. */
  id: string;
  /** The incident it continues in. */
  intoId: string;
}

const parseMerge = compileValidator<MergeIncidentInput>(
  "incident merge",
  inputObject({ id: UUID, intoId: UUID }, ["id", "intoId"]),
);

/**
 * Merges `id` into `intoId`: marks it merged, moves its alerts and adds its
 * services to the target. Throws ConflictError when `id` is merged already
 * or `intoId` is merged itself.
 */
export async function mergeIncident(
  tx: Queryable,
  input: MergeIncidentInput,
): Promise<MergeResult> {
  const { id, intoId } = parseMerge(input);
  if (id.toLowerCase() === intoId.toLowerCase()) {
    throw new ValidationError(
      "Invalid incident merge: /intoId must differ from id.",
      [
        {
          path: "/intoId",
          message:
            "must differ from id: an incident cannot be merged into itself",
        },
      ],
    );
  }
  const [row] = await runQuery(tx, mergeIncidentQuery, {
    id,
    targetId: intoId,
  });
  if (row !== undefined) return row;
  // The statement returned no row, so one incident is missing. The target is
  // checked first because the statement reads it first.
  await getIncident(tx, intoId);
  throw new NotFoundError(incidentNotFound(id));
}

export interface AttachAlertInput {
  incidentId: string;
  alertSource: MonitoringSource;
  /** Id of the alert in the monitoring table of alertSource. */
  alertId: string | number;
  strategy: CorrelationStrategy;
  /** Correlation score from 0 to 1, stored with 4 decimals. */
  score: number;
  details?: CorrelationDetails | null;
}

const parseAttachAlert = compileValidator<AttachAlertInput>(
  "alert attachment",
  inputObject(
    {
      incidentId: UUID,
      alertSource: enumField(MONITORING_SOURCES),
      alertId: BIGINT_ID,
      strategy: enumField(CORRELATION_STRATEGIES),
      score: { type: "number", minimum: 0, maximum: 1 },
      details: { anyOf: [{ type: "null" }, correlationDetailsSchema] },
    },
    ["incidentId", "alertSource", "alertId", "strategy", "score"],
  ),
);

/**
 * Attaches a stored alert to an incident. Throws NotFoundError when the
 * incident or the alert is missing, and ConflictError when the alert is
 * attached to an incident already.
 */
export async function attachAlert(
  tx: Queryable,
  input: AttachAlertInput,
): Promise<IncidentAlert> {
  const attachment = parseAttachAlert(input);
  const [row] = await runQuery(
    tx,
    attachAlertQuery,
    {
      incidentId: attachment.incidentId,
      alertSource: attachment.alertSource,
      alertId: String(attachment.alertId),
      strategy: attachment.strategy,
      score: String(attachment.score),
      details: JSON.stringify(attachment.details ?? {}),
    },
    {
      ...organizationMissing("incident_alerts"),
      incident_alerts_org_id_incident_id_fkey: incidentNotFound(
        attachment.incidentId,
      ),
    },
  );
  return row as IncidentAlert;
}

/** Lists the alerts attached to an incident, with the alerts' own title, state and severity. */
export async function listIncidentAlerts(
  tx: Queryable,
  incidentId: string,
): Promise<IncidentAlertWithAlert[]> {
  const id = parseIncidentId(incidentId);
  const rows = await runQuery(tx, listIncidentAlertsQuery, { incidentId: id });
  return rows as IncidentAlertWithAlert[];
}

export function incidentNotFound(id: string): string {
  return `Incident ${id} not found in the organization in context.`;
}
