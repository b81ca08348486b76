/**
 * Incidents with the alerts correlated into them, for people: the
 * `aurora-db incidents list` command and the demo.
 */

import {
  listIncidents,
  listOpenIncidents,
  type IListIncidentsResult,
} from "../../generated/incidents.queries.ts";
import {
  listIncidentMembers,
  type IListIncidentMembersResult,
} from "../../generated/monitoring.queries.ts";
import type { TenantTransaction } from "../pool/index.ts";

export type IncidentRow = IListIncidentsResult;
export type IncidentMember = IListIncidentMembersResult;

export interface IncidentWithAlerts {
  incident: IncidentRow;
  /** The alert that opened it first, then the correlated ones by time. */
  alerts: IncidentMember[];
}

export interface IncidentReportOptions {
  /** Only investigating and analyzed incidents, latest start first. Default false: every incident, newest first. */
  openOnly?: boolean;
  /** Maximum incidents. Default 20. */
  limit?: number;
}

/** Lists incidents of the organization in context with their alerts. */
export async function listIncidentsWithAlerts(
  tx: TenantTransaction,
  options: IncidentReportOptions = {},
): Promise<IncidentWithAlerts[]> {
  const params = {
    statuses: null,
    severities: null,
    service: null,
    from: null,
    to: null,
    afterTime: null,
    afterId: null,
    limit: options.limit ?? 20,
  };
  const incidents: IncidentRow[] = options.openOnly
    ? await listOpenIncidents.run(params, tx)
    : await listIncidents.run(params, tx);
  if (incidents.length === 0) return [];
  const members = await listIncidentMembers.run(
    { incidentIds: incidents.map((incident) => incident.id) },
    tx,
  );
  return incidents.map((incident) => ({
    incident,
    alerts: members.filter((member) => member.incidentId === incident.id),
  }));
}

/** Formats a time as `2026-11-30 09:14:00Z`, or `-` when absent. */
export function shortTime(value: Date | null | undefined): string {
  if (!value) return "-";
  return value
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z");
}

function describeMember(member: IncidentMember): string {
  const where = `${member.source ?? "?"}`.padEnd(10);
  const title = (member.title ?? "").slice(0, 44).padEnd(45);
  const state = (member.state ?? "").padEnd(9);
  if (member.isSourceAlert)
    return `    ${where}${title}${state}opened the incident`;
  const score = Number(member.score ?? 0).toFixed(2);
  const details = (member.details ?? {}) as { timeDeltaSeconds?: number };
  const gap =
    typeof details.timeDeltaSeconds === "number"
      ? `, ${Math.round(details.timeDeltaSeconds)} s apart`
      : "";
  return `    ${where}${title}${state}${member.strategy} ${score}${gap}`;
}

/** Formats the incidents and their alerts as indented lines. */
export function formatIncidents(list: readonly IncidentWithAlerts[]): string {
  if (list.length === 0) return "no incidents";
  const blocks = list.map(({ incident, alerts }) => {
    const merged = incident.mergedIntoId
      ? ` into ${incident.mergedIntoId}`
      : "";
    const head =
      `${incident.id}  ${incident.status}${merged}  ${incident.severity ?? "no severity"}  ` +
      `${incident.service ?? "no service"}  started ${shortTime(incident.startedAt)}` +
      (incident.resolvedAt
        ? `  resolved ${shortTime(incident.resolvedAt)}`
        : "");
    return [
      `${incident.title}`,
      `  ${head}`,
      ...alerts.map(describeMember),
    ].join("\n");
  });
  return blocks.join("\n\n");
}
