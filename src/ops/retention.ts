import type pg from "pg";
import type { ConfiguredSettings } from "../config/settings.ts";
import { ConfigurationError, InputError } from "../errors.ts";
import { withClient } from "../server/connect.ts";
import type { Duration } from "./duration.ts";
import type { OrganizationRef } from "./export.ts";
import { findOrganization } from "./export.ts";

/**
 * `aurora-db retention`: deletes monitoring alerts received before a cutoff,
 * in batches of bounded size, one transaction per batch, as the maintenance
 * role. An alert stays while an open incident (status investigating or
 * analyzed) references it, through incident_alerts or as the alert that
 * opened the incident, and so does an alert of an incident merged into an open one. Alerts of
 * resolved incidents, and of merged incidents whose target is resolved, go.
 * Deleting an alert detaches it from closed incidents: the tables' own
 * trigger deletes its incident_alerts rows and clears incidents.source_alert_id.
 */

export interface RetentionOptions {
  olderThan: Duration;
  /** Organization id or slug; every organization when absent. */
  org?: string;
  /** Counts what would be deleted and deletes nothing. */
  dryRun?: boolean;
  /** Rows per delete transaction; 1,000 by default. */
  batchSize?: number;
  /** Called after each committed batch. */
  onBatch?: (table: string, deleted: number) => void;
}

export interface RetentionTableResult {
  table: string;
  /** The table's monitoring_source value. */
  source: string;
  /** Rows deleted, or with dryRun the rows that would be. */
  deleted: number;
  /** Transactions that deleted rows (0 with dryRun). */
  batches: number;
  /** Rows older than the cutoff kept because an open incident references them. */
  kept: number;
}

export interface RetentionResult {
  /** The cutoff as PostgreSQL printed it: rows received before it are eligible. */
  cutoff: string;
  dryRun: boolean;
  batchSize: number;
  organization: OrganizationRef | null;
  tables: RetentionTableResult[];
  deleted: number;
}

export const DEFAULT_BATCH_SIZE = 1000;
const MAX_BATCH_SIZE = 100_000;

/** Throws an InputError unless `value` is a whole number from 1 to 100,000. */
export function parseBatchSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_BATCH_SIZE;
  const size = Number(value);
  if (!/^[0-9]+$/.test(value) || size < 1 || size > MAX_BATCH_SIZE) {
    throw new InputError(
      `--batch-size is "${value}", but it must be a whole number from 1 to ${MAX_BATCH_SIZE}.`,
    );
  }
  return size;
}

/** Monitoring tables and their source, read from the triggers that detach deleted alerts. */
async function monitoringSources(
  client: pg.ClientBase,
): Promise<Array<{ table: string; source: string }>> {
  const { rows } = await client.query<{ table: string; source: string }>(
    `select c.relname as table, split_part(encode(t.tgargs, 'escape'), '\\000', 1) as source
       from pg_trigger t
       join pg_class c on c.oid = t.tgrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_proc p on p.oid = t.tgfoid
      where n.nspname = 'public' and p.proname = 'tg__detach_deleted_alerts'
        and not t.tgisinternal
      order by c.relname`,
  );
  if (rows.length === 0) {
    throw new ConfigurationError(
      "No monitoring table has the trigger that detaches deleted alerts: the schema is not migrated.",
    );
  }
  return rows;
}

const OPEN = "in ('investigating', 'analyzed')";

/**
 * The condition that alert `a` of `source` ($3) is held by an open incident,
 * directly or through an incident merged into an open one.
 */
const HELD_BY_OPEN_INCIDENT = `(
  exists (select 1 from public.incident_alerts ia
            join public.incidents i on i.org_id = ia.org_id and i.id = ia.incident_id
            left join public.incidents target
              on target.org_id = i.org_id and target.id = i.merged_into_id
           where ia.org_id = a.org_id and ia.alert_source = $3::monitoring_source
             and ia.alert_id = a.id
             and (i.status ${OPEN} or target.status ${OPEN}))
  or exists (select 1 from public.incidents i
               left join public.incidents target
                 on target.org_id = i.org_id and target.id = i.merged_into_id
              where i.org_id = a.org_id and i.source = $3::monitoring_source
                and i.source_alert_id = a.id
                and (i.status ${OPEN} or target.status ${OPEN})))`;

/** Alerts of `table` received before $1, of organization $2 when it is not null. */
function olderAlerts(table: string): string {
  return `from public.${table} as a
    where a.received_at < $1::timestamptz and ($2::uuid is null or a.org_id = $2::uuid)`;
}

async function countTable(
  client: pg.ClientBase,
  table: string,
  values: unknown[],
): Promise<{ older: number; held: number }> {
  const { rows } = await client.query<{ older: string; held: string }>(
    `select count(*) as older, count(*) filter (where ${HELD_BY_OPEN_INCIDENT}) as held
      ${olderAlerts(table)}`,
    values,
  );
  return { older: Number(rows[0]!.older), held: Number(rows[0]!.held) };
}

/** Deletes one batch in its own transaction; returns the rows deleted. */
async function deleteBatch(
  client: pg.ClientBase,
  table: string,
  values: unknown[],
  batchSize: number,
): Promise<number> {
  await client.query("begin");
  try {
    const result = await client.query(
      `delete from public.${table} as d
        where (d.org_id, d.id) in (
          select a.org_id, a.id ${olderAlerts(table)} and not ${HELD_BY_OPEN_INCIDENT}
           limit $4)`,
      [...values, batchSize],
    );
    await client.query("commit");
    return result.rowCount ?? 0;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  }
}

async function retainTable(
  client: pg.ClientBase,
  monitoring: { table: string; source: string },
  values: unknown[],
  options: RetentionOptions & { batchSize: number },
): Promise<RetentionTableResult> {
  const table = client.escapeIdentifier(monitoring.table);
  const tableValues = [...values, monitoring.source];
  const before = await countTable(client, table, tableValues);
  const result = {
    ...monitoring,
    deleted: 0,
    batches: 0,
    kept: before.held,
  };
  if (options.dryRun) return { ...result, deleted: before.older - before.held };
  for (;;) {
    const deleted = await deleteBatch(
      client,
      table,
      tableValues,
      options.batchSize,
    );
    if (deleted === 0) break;
    result.deleted += deleted;
    result.batches += 1;
    options.onBatch?.(monitoring.table, deleted);
    if (deleted < options.batchSize) break;
  }
  return result;
}

/** Applies the retention rule to every monitoring table, as the maintenance role. */
export async function applyRetention(
  settings: ConfiguredSettings,
  options: RetentionOptions,
): Promise<RetentionResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const organization = options.org
    ? await findOrganization(settings, options.org)
    : null;
  return withClient(
    settings.maintenanceUrl,
    "MAINTENANCE_DATABASE_URL",
    async (client) => {
      const { rows } = await client.query<{ cutoff: string }>(
        "select (now() - $1::interval)::text as cutoff",
        [options.olderThan.interval],
      );
      const cutoff = rows[0]!.cutoff;
      const values = [cutoff, organization?.id ?? null];
      const tables: RetentionTableResult[] = [];
      for (const monitoring of await monitoringSources(client)) {
        tables.push(
          await retainTable(client, monitoring, values, {
            ...options,
            batchSize,
          }),
        );
      }
      return {
        cutoff,
        dryRun: Boolean(options.dryRun),
        batchSize,
        organization,
        tables,
        deleted: tables.reduce((sum, table) => sum + table.deleted, 0),
      };
    },
  );
}
