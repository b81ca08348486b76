import path from "node:path";
import { resolveServer } from "../../server/index.ts";
import { bootstrap } from "../../server/index.ts";
import {
  VERIFY_CHECKS,
  formatCheck,
  requireProjectFolder,
  verify,
} from "../../ops/verify.ts";
import { writeProjectSchema } from "../../ops/schema-dump.ts";
import { projectRoot } from "../../config/project.ts";
import type { Command } from "../command.ts";

const CHECK_LIST = VERIFY_CHECKS.map(
  (check) => `  ${check.id.padEnd(20)}${check.label}`,
).join("\n");

export const verifyCommand: Command = {
  name: "verify",
  summary:
    "prove migrations, schema dump and generated code agree; exit 1 if not",
  help: `Usage: aurora-db verify [--project <dir>] [--check <id>]... [--json]

Builds a scratch database (aurora_verify_<pid>_<n>, dropped afterwards) and
prints one line per check: "ok   <check>", "FAIL <check>: <first difference>"
or "skip <check>: <reason>". Exits with 1 when any check fails. Schemas are
compared as pg_dump --schema-only output when a pg_dump at least as new as
the server is installed, and as catalog snapshots otherwise.

Checks:
${CHECK_LIST}

Options:
  --project <dir>  project folder with migrations/, queries/, generated/ and
                   pgtyped.config.json (default: this repository)
  --check <id>     run only this check; repeat for several
  --json           print the results as JSON`,
  options: {
    project: { type: "string" },
    check: { type: "string", multiple: true },
  },
  async run({ values, out }) {
    const projectDir = path.resolve(
      (values.project as string | undefined) ?? projectRoot,
    );
    await requireProjectFolder(projectDir);
    const { settings } = await resolveServer(process.env, out.note);
    await bootstrap(settings);
    const report = await verify(settings, {
      projectDir,
      checks: values.check as string[] | undefined,
      log: out.note,
      onResult: (result) => {
        if (!out.json) out.result(result, formatCheck(result));
      },
    });
    if (out.json) out.result(report, "");
    const failed = report.checks.find((check) => check.status === "fail");
    if (failed) out.note(`verify failed: ${failed.label}: ${failed.detail}`);
    return report.ok ? 0 : 1;
  },
};

export const schemaDumpCommand: Command = {
  name: "schema dump",
  summary: "rewrite generated/schema.sql from the migrations",
  help: `Usage: aurora-db schema dump [--project <dir>] [--json]

Builds a scratch database from the committed migrations and the working
migration, and writes its pg_dump --schema-only output (without
graphile-migrate's own schema) to generated/schema.sql, which
"aurora-db verify" compares. Needs a pg_dump at least as new as the server.

Options:
  --project <dir>  project folder (default: this repository)
  --json           print the result as JSON`,
  options: { project: { type: "string" } },
  async run({ values, out }) {
    const projectDir = path.resolve(
      (values.project as string | undefined) ?? projectRoot,
    );
    await requireProjectFolder(projectDir);
    const { settings } = await resolveServer(process.env, out.note);
    await bootstrap(settings);
    const result = await writeProjectSchema(settings, projectDir);
    const summary = {
      file: result.file,
      changed: result.changed,
      pgDump: result.pgDump.version,
    };
    out.result(
      summary,
      `${result.changed ? "wrote" : "unchanged:"} ${path.relative(process.cwd(), result.file) || result.file} (${result.pgDump.version})`,
    );
    return 0;
  },
};
