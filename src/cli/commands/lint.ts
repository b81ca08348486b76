import { resolveSettings } from "../../config/settings.ts";
import { formatLint, lintMigrations } from "../../ops/lint.ts";
import type { Command } from "../command.ts";

export const lintCommand: Command = {
  name: "lint",
  summary: "lint the committed and working migrations with squawk",
  help: `Usage: aurora-db lint [--json]

Runs squawk over migrations/committed/*.sql and the working migration
(migrations/current/*.sql or migrations/current.sql), with the role
placeholders replaced, using the rules and exclusions in .squawk.toml.
Prints one line per problem as file:line:column and exits with 1 when there
is any. Needs no database.

Options:
  --json   print the problems as JSON`,
  async run({ out }) {
    const { roles } = resolveSettings(process.env);
    const report = await lintMigrations(roles);
    out.result(report, () => formatLint(report));
    return report.violations.length === 0 ? 0 : 1;
  },
};
