import { resolveServer } from "../../server/index.ts";
import { migrate } from "../../migrations/index.ts";
import type { Command } from "../command.ts";
import { countOf } from "../plural.ts";

export const migrateCommand: Command = {
  name: "migrate",
  summary: "apply the committed migrations the database does not have yet",
  help: `Usage: aurora-db migrate [--json]

Applies the committed migrations in migrations/committed/ that the database
has not recorded yet, as the owner role. It does not create roles or
databases (use "aurora-db up" for that) and does not apply current.sql.

Options:
  --json   print the applied migrations as JSON`,
  async run({ out }) {
    const { settings } = await resolveServer(process.env, out.note);
    const result = await migrate(settings, {
      log: (level, message) => level === "error" && out.note(message),
    });
    out.result(result, () =>
      result.applied.length === 0
        ? `already up to date (${countOf(result.total, "migrations")} applied)`
        : `applied ${result.applied.join(", ")} (${countOf(result.total, "migrations")} applied)`,
    );
    return 0;
  },
};
