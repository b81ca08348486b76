import { resolveServer } from "../../server/index.ts";
import { migrationStatus } from "../../migrations/index.ts";
import type { Command } from "../command.ts";

export const statusCommand: Command = {
  name: "status",
  summary:
    "list applied and pending migrations and whether current.sql has changes",
  help: `Usage: aurora-db status [--json]

Prints the committed migrations the database has applied, those still
pending, and whether migrations/current.sql holds uncommitted statements.
Exits with 0 either way.

Options:
  --json   print the status as JSON`,
  async run({ out }) {
    const { settings } = await resolveServer(process.env, out.note);
    const status = await migrationStatus(settings);
    out.result(status, () =>
      [
        `applied  ${status.applied.length ? status.applied.join(", ") : "(none)"}`,
        `pending  ${status.pending.length ? status.pending.join(", ") : "(none)"}`,
        `current  ${status.currentHasChanges ? "current.sql has uncommitted changes" : "current.sql is empty"}`,
      ].join("\n"),
    );
    return 0;
  },
};
