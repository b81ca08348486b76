/**
 * Writes parsed alerts into their monitoring table and correlates them,
 * inside the caller's tenant transaction. Every batch is one upsert
 * statement followed by one call of correlate_alerts() for the rows that the
 * upsert inserted or changed. A redelivered alert is therefore neither
 * written nor correlated again.
 */

import {
  correlateAlerts,
  upsertBigPandaEvents,
  upsertCloudBeesEvents,
  upsertDatadogEvents,
  upsertDynatraceProblems,
  upsertGrafanaAlerts,
  upsertJenkinsEvents,
  upsertNetdataAlerts,
  upsertPagerDutyEvents,
  upsertSplunkAlerts,
} from "../../generated/monitoring.queries.ts";
import {
  toSqlSettings,
  type CorrelationSettings,
} from "../correlation/settings.ts";
import type { TenantTransaction } from "../pool/index.ts";
import { alertRow } from "./alert-rows.ts";
import type { MonitoringSource, NormalizedAlert } from "./types.ts";

/**
 * Maximum alerts per upsert statement. A batch travels as one JSON
 * parameter; 500 alerts of a few KiB each stay within a few MiB.
 */
export const MAX_BATCH_ALERTS = 500;

/** Counts of one stored body: alerts written, skipped and correlated. */
export interface StoreCounts {
  /** Alerts in the body. */
  alerts: number;
  /** Alerts written: new rows plus changed ones. */
  stored: number;
  /** New rows. */
  inserted: number;
  /** Existing rows that changed, such as a firing alert now resolved. */
  updated: number;
  /** Alerts identical to the stored row (redeliveries), so not written. */
  duplicates: number;
  incidentsOpened: number;
  /** Alerts attached to an existing open incident. */
  incidentsJoined: number;
  /** Resolved incidents that an alert firing again set back to investigating. */
  incidentsReopened: number;
  /** Incidents resolved because their last firing alert resolved. */
  incidentsResolved: number;
  /** Alerts whose payload or fields were changed to be storable (payload_transforms). */
  transformed: number;
}

export function emptyCounts(): StoreCounts {
  return {
    alerts: 0,
    stored: 0,
    inserted: 0,
    updated: 0,
    duplicates: 0,
    incidentsOpened: 0,
    incidentsJoined: 0,
    incidentsReopened: 0,
    incidentsResolved: 0,
    transformed: 0,
  };
}

/** Adds the counts of `part` into `total`, field by field. */
export function addCounts(total: StoreCounts, part: StoreCounts): void {
  for (const key of Object.keys(emptyCounts()) as (keyof StoreCounts)[]) {
    total[key] += part[key];
  }
}

interface UpsertedRow {
  id: string;
  inserted: boolean;
}

interface UpsertQuery {
  run(
    params: { alerts: string },
    connection: TenantTransaction,
  ): Promise<UpsertedRow[]>;
}

const UPSERTS: Readonly<Record<MonitoringSource, UpsertQuery>> = {
  grafana: upsertGrafanaAlerts,
  datadog: upsertDatadogEvents,
  pagerduty: upsertPagerDutyEvents,
  netdata: upsertNetdataAlerts,
  splunk: upsertSplunkAlerts,
  dynatrace: upsertDynatraceProblems,
  bigpanda: upsertBigPandaEvents,
  jenkins: upsertJenkinsEvents,
  cloudbees: upsertCloudBeesEvents,
};

/**
 * Splits alerts, in order, into batches of at most `maxSize` in which no
 * dedup key repeats. A body that carries one alert twice (firing, then
 * resolved) thus writes the two in order, in two statements.
 */
export function splitIntoBatches(
  alerts: readonly NormalizedAlert[],
  maxSize = MAX_BATCH_ALERTS,
): NormalizedAlert[][] {
  const batches: NormalizedAlert[][] = [];
  let current: NormalizedAlert[] = [];
  let keys = new Set<string>();
  for (const alert of alerts) {
    if (current.length >= maxSize || keys.has(alert.dedupKey)) {
      batches.push(current);
      current = [];
      keys = new Set();
    }
    current.push(alert);
    keys.add(alert.dedupKey);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Upserts and correlates `alerts`, which must all come from one body (one
 * source), in the caller's transaction. Returns the counts.
 */
export async function storeAlerts(
  tx: TenantTransaction,
  alerts: readonly NormalizedAlert[],
  settings: CorrelationSettings,
): Promise<StoreCounts> {
  const counts = emptyCounts();
  counts.alerts = alerts.length;
  counts.transformed = alerts.filter(
    (alert) => alert.payloadTransforms.length > 0,
  ).length;
  const sqlSettings = JSON.stringify(toSqlSettings(settings));
  for (const batch of splitIntoBatches(alerts)) {
    const source = batch[0]!.source;
    const written = await upsertBatch(tx, source, batch);
    counts.inserted += written.filter((row) => row.inserted).length;
    counts.updated += written.filter((row) => !row.inserted).length;
    counts.duplicates += batch.length - written.length;
    if (written.length > 0) {
      const ids = written.map((row) => row.id);
      await correlateBatch(tx, source, ids, sqlSettings, counts);
    }
  }
  counts.stored = counts.inserted + counts.updated;
  return counts;
}

async function upsertBatch(
  tx: TenantTransaction,
  source: MonitoringSource,
  batch: readonly NormalizedAlert[],
): Promise<UpsertedRow[]> {
  const rows = batch.map((alert) => {
    if (alert.source !== source) {
      throw new Error(
        `a batch mixes sources ${source} and ${alert.source}; store one body at a time`,
      );
    }
    return alertRow(alert);
  });
  return UPSERTS[source].run({ alerts: JSON.stringify(rows) }, tx);
}

async function correlateBatch(
  tx: TenantTransaction,
  source: MonitoringSource,
  alertIds: string[],
  sqlSettings: string,
  counts: StoreCounts,
): Promise<void> {
  const outcomes = await correlateAlerts.run(
    { source, alertIds, settings: sqlSettings },
    tx,
  );
  for (const outcome of outcomes) {
    if (outcome.action === "opened") counts.incidentsOpened += 1;
    if (outcome.action === "joined") counts.incidentsJoined += 1;
    if (outcome.action === "reopened") counts.incidentsReopened += 1;
    if (outcome.isIncidentResolved) counts.incidentsResolved += 1;
  }
}
