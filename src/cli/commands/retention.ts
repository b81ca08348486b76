import { resolveServer } from "../../server/index.ts";
import { parseDuration } from "../../ops/duration.ts";
import { applyRetention, parseBatchSize } from "../../ops/retention.ts";
import type { RetentionResult } from "../../ops/retention.ts";
import type { Command } from "../command.ts";
import { UsageError } from "../command.ts";
import { countOf } from "../plural.ts";

function formatRetention(result: RetentionResult): string {
  const verb = result.dryRun ? "would delete" : "deleted";
  const lines = result.tables.map((table) => {
    const batches = result.dryRun
      ? ""
      : ` in ${table.batches} ${table.batches === 1 ? "transaction" : "transactions"}`;
    return `${table.table.padEnd(22)}${verb} ${table.deleted}${batches}; kept ${table.kept} held by open incidents`;
  });
  const scope = result.organization
    ? `organization ${result.organization.slug}`
    : "all organizations";
  lines.push(
    `${verb} ${countOf(result.deleted, "alerts")} received before ${result.cutoff} (${scope}, batches of ${result.batchSize})`,
  );
  return lines.join("\n");
}

export const retentionCommand: Command = {
  name: "retention",
  summary: "delete monitoring alerts older than a duration, in batches",
  help: `Usage: aurora-db retention --older-than <duration> [--org <slug|id>] [--dry-run]
                           [--batch-size <n>] [--json]

Deletes rows of the monitoring tables received before now minus the
duration, as the maintenance role, in transactions of at most --batch-size
rows. An alert is kept while an open incident (investigating or analyzed)
references it, through incident_alerts or as the alert that opened it, and
so is an alert of an incident merged into an open one. Deleting an alert
detaches it from its closed incidents. Running it again deletes only what
has aged since.

Options:
  --older-than <duration>  <n>s, <n>m, <n>h, <n>d or <n>w (seconds, minutes,
                           hours, days or weeks), at most 100 years (36525d),
                           e.g. 30d
  --org <slug|id>          only this organization (default: all)
  --dry-run                count per table what would be deleted; delete nothing
  --batch-size <n>         rows per transaction, 1 to 100000 (default 1000)
  --json                   print the result as JSON`,
  options: {
    "older-than": { type: "string" },
    org: { type: "string" },
    "dry-run": { type: "boolean" },
    "batch-size": { type: "string" },
  },
  async run({ values, out }) {
    const olderThan = values["older-than"] as string | undefined;
    if (!olderThan) throw new UsageError("--older-than is required.");
    const options = {
      olderThan: parseDuration(olderThan, "--older-than"),
      batchSize: parseBatchSize(values["batch-size"] as string | undefined),
      org: values.org as string | undefined,
      dryRun: Boolean(values["dry-run"]),
    };
    const { settings } = await resolveServer(process.env, out.note);
    const result = await applyRetention(settings, {
      ...options,
      onBatch: (table, deleted) => {
        if (out.interactive)
          out.note(`${table}: deleted ${countOf(deleted, "rows")}`);
      },
    });
    out.result(result, () => formatRetention(result));
    return 0;
  },
};
