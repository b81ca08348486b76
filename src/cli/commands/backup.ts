import { resolveServer } from "../../server/index.ts";
import { backupDatabase } from "../../ops/backup.ts";
import type { BackupProgress } from "../../ops/backup.ts";
import { restoreDatabase } from "../../ops/restore.ts";
import type { RestoreResult } from "../../ops/restore.ts";
import type { Output } from "../output.ts";
import type { Command } from "../command.ts";
import { UsageError } from "../command.ts";
import { countOf } from "../plural.ts";

/** Prints progress lines to stderr when it is a terminal; logs and pipes get only the result. */
function progressPrinter(out: Output, verb: string) {
  return (progress: BackupProgress) => {
    if (out.interactive)
      out.note(
        `${verb} table ${progress.table} (${progress.index}/${progress.total})`,
      );
  };
}

function oneFile(positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new UsageError(
      `Expected one backup file, got ${positionals.length}.`,
    );
  }
  return positionals[0]!;
}

export const backupCommand: Command = {
  name: "backup",
  maxPositionals: 1,
  summary: "pg_dump the database, with a manifest of row counts and checksums",
  help: `Usage: aurora-db backup <file> [--json]

Writes a pg_dump custom-format archive of the configured database to <file>
and a manifest, <file>.manifest.json, with the dump's sha256 and every
table's row count and checksum, read from the same snapshot. The dump is
written to <file>.partial and renamed when complete, and the manifest is
written last, so an interrupted backup never looks complete. Runs as the
maintenance role when it can read every table, sequence and schema, and as
the root role otherwise (it says which). Needs a pg_dump at least as new as
the server. Never overwrites an existing backup. The dump and manifest
are readable by their owner only, because the dump contains password hashes.

Options:
  --json   print the result as JSON`,
  async run({ positionals, out }) {
    const file = oneFile(positionals);
    const { settings } = await resolveServer(process.env, out.note);
    const result = await backupDatabase(settings, file, {
      log: out.note,
      onProgress: progressPrinter(out, "dumping"),
    });
    out.result(
      result,
      `wrote ${result.file} (${countOf(result.bytes, "bytes")}, ${countOf(result.tables, "tables")}, ${countOf(result.rows, "rows")}, as ${result.role}) and ${result.manifest}`,
    );
    return 0;
  },
};

function formatRestore(result: RestoreResult): string {
  const lines = [
    `restored ${countOf(result.tables, "tables")} (${countOf(result.rows, "rows")}) into ${result.database}${result.created ? " (created)" : ""}`,
  ];
  for (const mismatch of result.mismatches) {
    const expected = mismatch.expected
      ? `${countOf(mismatch.expected.rows, "rows")}, checksum ${mismatch.expected.checksum}`
      : "absent";
    const actual = mismatch.actual
      ? `${countOf(mismatch.actual.rows, "rows")}, checksum ${mismatch.actual.checksum}`
      : "missing";
    lines.push(
      `MISMATCH ${mismatch.table}: backup ${expected}; restored ${actual}`,
    );
  }
  if (result.mismatches.length === 0)
    lines.push("every table matches the manifest's row count and checksum");
  return lines.join("\n");
}

export const restoreCommand: Command = {
  name: "restore",
  maxPositionals: 1,
  summary:
    "restore a backup into an empty database and check it against its manifest",
  help: `Usage: aurora-db restore <file> [--database <name>] [--force] [--json]

Checks <file> against <file>.manifest.json (size and sha256), restores it
with pg_restore in one transaction as the root role, then compares every
table's row count and checksum with the manifest and exits with 1 on any
mismatch. Restores only into an empty database, unless --force is given,
and never into postgres, template0, template1 or another template database.
A database that restore created is dropped again when pg_restore fails.

Options:
  --database <name>  restore into this database on the same server, created
                     when missing (default: the configured database)
  --force            restore into a database that is not empty, dropping the
                     objects the backup recreates
  --json             print the result as JSON`,
  options: { database: { type: "string" }, force: { type: "boolean" } },
  async run({ values, positionals, out }) {
    const file = oneFile(positionals);
    const { settings } = await resolveServer(process.env, out.note);
    const result = await restoreDatabase(settings, file, {
      database: values.database as string | undefined,
      force: Boolean(values.force),
      log: out.note,
      onProgress: progressPrinter(out, "restoring"),
    });
    out.result(result, () => formatRestore(result));
    return result.mismatches.length === 0 ? 0 : 1;
  },
};
