/**
 * The demo behind `npm start` (`aurora-db up --demo`): loads the demo
 * organization from the project's fixtures and prints what a person wants
 * to see: correlated incidents, an RCA, a chat, LLM cost by model and the
 * row-level security audit. A second run finds everything in place and
 * changes no row.
 */

import { auditDatabase, type AuditReport } from "../audit/index.ts";
import type { UpSummary } from "../cli/commands/up.ts";
import { formatUpSummary } from "../cli/commands/up.ts";
import type { Output } from "../cli/output.ts";
import type { ConfiguredSettings } from "../config/settings.ts";
import { applyCurrent } from "../migrations/index.ts";
import { createDb, type Db } from "../pool/index.ts";
import { resolveServer } from "../server/index.ts";
import { withClient } from "../server/connect.ts";
import { loadDemo, type DemoLoad } from "./load.ts";
import { formatDemo, readDemoReport, type DemoReport } from "./report.ts";
import { countOf } from "../cli/plural.ts";

export interface DemoResult {
  load: DemoLoad;
  report: DemoReport;
  audit: { tables: number; tenantTables: number; gaps: string[] };
}

/** Loads the demo organization and prints it after the `up` summary. */
export async function runDemo(summary: UpSummary, out: Output): Promise<void> {
  const { settings } = await resolveServer(process.env, out.note);
  await ensureCorrelationFunctions(settings, out.note);
  const db = createDb({
    url: settings.appUrl,
    maintenanceUrl: settings.maintenanceUrl,
    roles: { app: settings.roles.app, maintenance: settings.roles.maintenance },
  });
  try {
    const result = await runDemoOn(db, settings);
    out.result({ summary, demo: result }, () =>
      [
        formatUpSummary(summary),
        formatDemo(
          result.load,
          result.report,
          auditLine(result.audit, settings),
        ),
      ].join("\n\n"),
    );
  } finally {
    await db.close();
  }
}

/** Loads the demo through `db` and reads back the report and the audit. */
export async function runDemoOn(
  db: Db,
  settings: ConfiguredSettings,
): Promise<DemoResult> {
  const load = await loadDemo(db);
  const report = await db.withTenant(
    { orgId: load.orgId, userId: load.userId },
    (tx) => readDemoReport(tx, load.analysedIncidentId),
  );
  const audit = await withClient(settings.ownerUrl, "DATABASE_URL", (client) =>
    auditDatabase(client, settings.roles),
  );
  return { load, report, audit: summarizeAudit(audit) };
}

function summarizeAudit(report: AuditReport): DemoResult["audit"] {
  return {
    tables: report.tables.length,
    tenantTables: report.tables.filter((table) => table.kind !== "global")
      .length,
    gaps: report.gaps,
  };
}

function auditLine(
  audit: DemoResult["audit"],
  settings: ConfiguredSettings,
): string {
  if (audit.gaps.length > 0) {
    return `RLS audit: ${countOf(audit.gaps.length, "gaps")}\n${audit.gaps.map((gap) => `  - ${gap}`).join("\n")}`;
  }
  return (
    `RLS audit: no gap in ${countOf(audit.tables, "tables")}; ${countOf(audit.tenantTables, "tenant tables")} ` +
    `${audit.tenantTables === 1 ? "has" : "have"} ` +
    `forced row-level security, and the demo ran as ${settings.roles.app}, which cannot ` +
    "bypass it (aurora-db audit prints the details)"
  );
}

/**
 * Applies the working migration (migrations/current/) when the database
 * lacks correlate_alerts(), which `aurora-db up` does not apply because it
 * is not committed yet.
 * NOTE: once the correlation migration is committed, `up` applies it and
 * this step finds the function in place.
 */
async function ensureCorrelationFunctions(
  settings: ConfiguredSettings,
  note: (message: string) => void,
): Promise<void> {
  const present = await withClient(
    settings.ownerUrl,
    "DATABASE_URL",
    async (client) => {
      const { rows } = await client.query<{ present: boolean }>(
        "select to_regprocedure('correlate_alerts(monitoring_source, bigint[], jsonb)') " +
          "is not null as present",
      );
      return rows[0]!.present;
    },
  );
  if (present) return;
  note(
    "applying the working migration (migrations/current/): the demo needs correlate_alerts()",
  );
  await applyCurrent(settings);
}
