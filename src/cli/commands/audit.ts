import { auditDatabase, formatAudit } from "../../audit/index.ts";
import { resolveServer } from "../../server/index.ts";
import { withClient } from "../../server/connect.ts";
import type { Command } from "../command.ts";

export const auditCommand: Command = {
  name: "audit",
  summary: "check row-level security and role privileges; exit 1 on any gap",
  help: `Usage: aurora-db audit [--json]

Reads the catalog and prints, for every table: whether it is a tenant table,
whether row-level security is enabled and forced, the number of policies for
select, insert, update and delete, and the app role's privileges; then, for
the owner, app and maintenance roles: superuser, BYPASSRLS and objects owned.
Exits with 1 when any tenant table lacks forced RLS or a policy for a
command, or a role could bypass RLS where it must not.

Options:
  --json   print the report as JSON`,
  async run({ out }) {
    const { settings } = await resolveServer(process.env, out.note);
    const report = await withClient(
      settings.ownerUrl,
      "DATABASE_URL",
      (client) => auditDatabase(client, settings.roles),
    );
    out.result(report, () => formatAudit(report));
    return report.gaps.length === 0 ? 0 : 1;
  },
};
