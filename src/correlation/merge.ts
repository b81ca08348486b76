/**
 * Merging incidents by hand, through merge_incidents() in PostgreSQL.
 */

import { mergeIncidents as mergeIncidentsQuery } from "../../generated/monitoring.queries.ts";
import { ValidationError } from "../errors.ts";
import {
  resolveOrganization,
  type ResolvedOrganization,
} from "../ingest/organization.ts";
import type { Db, TenantTransaction } from "../pool/index.ts";

const CANONICAL_UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MergeOptions {
  /** The organization: its id (a UUID) or its slug. */
  org: string;
  /** Incident to merge; it becomes `merged`. */
  from: string;
  /** Incident that receives the alerts. */
  into: string;
  /** User recorded as attached_by of the moved alerts; null for none. */
  userId?: string | null;
}

export interface MergeSummary {
  organization: ResolvedOrganization;
  from: string;
  into: string;
  /** Alerts moved to `into`, the one that opened `from` included. */
  movedAlerts: number;
}

/**
 * Merges `from` into `into` in the organization's context. Throws
 * ValidationError for ids that are not UUIDs or are the same, NotFoundError
 * when either incident is not found, and ConflictError when `from` is
 * already merged or `into` is merged.
 */
export async function mergeIncidents(
  db: Db,
  options: MergeOptions,
): Promise<MergeSummary> {
  const from = incidentId(options.from, "from");
  const into = incidentId(options.into, "into");
  if (from === into) {
    throw new ValidationError(
      `Cannot merge incident ${from} into itself: name two different incidents.`,
      [{ path: "/into", message: "must differ from /from" }],
    );
  }
  const organization = await resolveOrganization(db, options.org);
  const movedAlerts = await db.withTenant(
    { orgId: organization.id, userId: options.userId ?? null },
    (tx) => mergeInTransaction(tx, from, into),
  );
  return { organization, from, into, movedAlerts };
}

/** Merges in the caller's transaction; returns the number of alerts moved. */
export async function mergeInTransaction(
  tx: TenantTransaction,
  from: string,
  into: string,
): Promise<number> {
  const [row] = await mergeIncidentsQuery.run(
    { fromIncidentId: from, intoIncidentId: into },
    tx,
  );
  return row?.movedAlerts ?? 0;
}

function incidentId(value: string, field: "from" | "into"): string {
  const id = value.trim();
  if (CANONICAL_UUID.test(id)) return id.toLowerCase();
  throw new ValidationError(
    `Invalid incident id ${JSON.stringify(value)} (${field}): expected a UUID such as ` +
      "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d; aurora-db incidents list shows the ids.",
    [{ path: `/${field}`, message: "expected a UUID" }],
  );
}
