import { mergeIncidents } from "../../correlation/merge.ts";
import {
  formatIncidents,
  listIncidentsWithAlerts,
} from "../../correlation/report.ts";
import { resolveOrganization } from "../../ingest/organization.ts";
import type { Command } from "../command.ts";
import { UsageError } from "../command.ts";
import { requireOption, withDb } from "./ingest.ts";
import { countOf } from "../plural.ts";

export const incidentsMergeCommand: Command = {
  name: "incidents merge",
  maxPositionals: 2,
  summary: "merge one incident into another and move its alerts",
  help: `Usage: aurora-db incidents merge <from> <into> --org <slug or id> [--json]

Merges incident <from> into incident <into> (both ids are UUIDs, as
"aurora-db incidents list" prints them): every alert of <from>, the one that
opened it included, moves to <into> with strategy manual and score 1, <into>
takes the services, severity and start of <from>, and <from> becomes merged.
Fails when either incident is not found, <from> is already merged, or <into>
is merged itself (merge into the incident it was merged into instead).

Options:
  --org    organization slug or id (UUID)
  --json   print the result as JSON`,
  options: { org: { type: "string" } },
  async run({ values, positionals, out }) {
    const org = requireOption(values, "org");
    if (positionals.length !== 2) {
      throw new UsageError("Name two incidents: <from> <into>.");
    }
    const [from, into] = positionals as [string, string];
    const summary = await withDb(out, (db) =>
      mergeIncidents(db, { org, from, into }),
    );
    out.result(
      summary,
      `merged incident ${summary.from} into ${summary.into}: ` +
        `${countOf(summary.movedAlerts, "alerts")} moved`,
    );
    return 0;
  },
};

function parseLimit(value: unknown): number {
  if (value === undefined) return 20;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new UsageError(
      `Invalid --limit ${JSON.stringify(value)}: expected a whole number from 1 to 500.`,
    );
  }
  return limit;
}

export const incidentsListCommand: Command = {
  name: "incidents list",
  summary: "list incidents with their correlated alerts",
  help: `Usage: aurora-db incidents list --org <slug or id> [--open] [--limit <n>] [--json]

Prints the newest incidents of the organization with their status, severity,
service and times, and under each one its alerts: the alert that opened it,
then the correlated ones with the strategy and score that attached them.

Options:
  --org     organization slug or id (UUID)
  --open    only open incidents (investigating or analyzed), latest start first
  --limit   maximum incidents to print, 1 to 500 (default 20)
  --json    print the incidents and their alerts as JSON`,
  options: {
    org: { type: "string" },
    open: { type: "boolean" },
    limit: { type: "string" },
  },
  async run({ values, out }) {
    const org = requireOption(values, "org");
    const limit = parseLimit(values.limit);
    const incidents = await withDb(out, async (db) => {
      const organization = await resolveOrganization(db, org);
      return db.withTenant({ orgId: organization.id }, (tx) =>
        listIncidentsWithAlerts(tx, { openOnly: values.open === true, limit }),
      );
    });
    out.result(incidents, () => formatIncidents(incidents));
    return 0;
  },
};
