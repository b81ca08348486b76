import { resolveServer } from "../../server/index.ts";
import { exportOrganization } from "../../ops/export.ts";
import type { ExportResult } from "../../ops/export.ts";
import { importOrganization } from "../../ops/import.ts";
import type { ImportResult } from "../../ops/import.ts";
import type { Command } from "../command.ts";
import { UsageError } from "../command.ts";
import { countOf, nounFor } from "../plural.ts";

function oneFolder(positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new UsageError(
      `Expected one folder, got ${positionals.length} arguments.`,
    );
  }
  return positionals[0]!;
}

function formatExport(result: ExportResult): string {
  const rows = result.files.reduce((sum, file) => sum + file.rows, 0);
  const lines = result.files.map(
    (file) =>
      `${file.file.padEnd(32)}${String(file.rows).padStart(8)} ${nounFor(file.rows, "rows")}`,
  );
  lines.push(
    `exported organization ${result.organization.slug} (${result.organization.id}): ${countOf(rows, "rows")} in ${countOf(result.files.length, "files")} to ${result.dir}`,
  );
  return lines.join("\n");
}

export const exportCommand: Command = {
  name: "export",
  maxPositionals: 1,
  summary: "write one organization's rows as NDJSON files with a manifest",
  help: `Usage: aurora-db export --org <slug|id> <dir> [--json]

Writes one NDJSON file per tenant table (one JSON object per row), the
organization's members and the users its rows refer to (id, email,
display_name, created_at; never password hashes) to users.ndjson, and
manifest.json with the schema version (last committed migration and its
hash), each file's row count and sha256. Rows are read as the app role in
the organization's context, so row-level security keeps every other tenant
out; rows private to a user are read as that user. Files are written to
<dir>.partial and renamed when complete. <dir> must not exist or be empty,
and its parent folder must exist. Files are readable by their owner only.

Options:
  --org <slug|id>  the organization to export
  --json           print the result as JSON`,
  options: { org: { type: "string" } },
  async run({ values, positionals, out }) {
    const org = values.org as string | undefined;
    if (!org) throw new UsageError("--org is required.");
    const dir = oneFolder(positionals);
    const { settings } = await resolveServer(process.env, out.note);
    const result = await exportOrganization(settings, org, dir);
    out.result(result, () => formatExport(result));
    return 0;
  },
};

function formatImport(result: ImportResult): string {
  const lines = result.tables.map(
    (table) =>
      `${table.table.padEnd(32)}${String(table.rows).padStart(8)} ${nounFor(table.rows, "rows")}`,
  );
  lines.push(
    `users: ${result.users.created} created, ${result.users.matched} matched by email`,
    `imported organization ${result.organization.slug} (${result.organization.id}) into ${result.database}${result.created ? " (created)" : ""}`,
  );
  return lines.join("\n");
}

export const importCommand: Command = {
  name: "import",
  maxPositionals: 1,
  summary:
    "load an organization written by aurora-db export, in one transaction",
  help: `Usage: aurora-db import <dir> [--into-org <uuid|slug>] [--database <name>] [--json]

Checks every file of <dir> against manifest.json and the target's schema
version against the export's, then loads the rows parents first in one
transaction: users as the owner role, tenant rows as the app role in the
organization's context. Ids are kept, and identity sequences are moved past
the imported ids. A user whose email already exists is matched to that user;
other users are created without a password (password_hash NULL), so they
must set one through a password reset. Nothing is written when any check or
insert fails, and an organization that already exists is rejected.

Options:
  --into-org <uuid|slug>  import as another organization: a new uuid keeps the
                          slug, a new slug gets a new id
  --database <name>       import into this database on the same server
                          (default: the configured database); a missing one
                          is created, migrated to this repository's committed
                          migrations, and dropped again if the import fails.
                          System and template databases are rejected
  --json                  print the result as JSON`,
  options: { "into-org": { type: "string" }, database: { type: "string" } },
  async run({ values, positionals, out }) {
    const dir = oneFolder(positionals);
    const { settings } = await resolveServer(process.env, out.note);
    const result = await importOrganization(settings, dir, {
      intoOrg: values["into-org"] as string | undefined,
      database: values.database as string | undefined,
      log: out.note,
    });
    out.result(result, () => formatImport(result));
    return 0;
  },
};
