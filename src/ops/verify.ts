import { projectRoot } from "../config/project.ts";
import type { ConfiguredSettings } from "../config/settings.ts";
import { InputError } from "../errors.ts";
import { requireInputPath } from "./paths.ts";
import { findPgTool, serverMajor } from "./pg-tools.ts";
import {
  createDatabase,
  dropDatabase,
  scratchDatabaseName,
  withRootClient,
} from "./scratch.ts";
import type { VerifyContext } from "./verify-checks.ts";
import {
  SkippedCheck,
  checkAudit,
  checkCodegen,
  checkCommittedUnedited,
  checkMigrateAgain,
  checkMigrateFromZero,
  checkResetReplay,
  checkSchemaDump,
  checkWorkingMigration,
  migrationsFolderOf,
} from "./verify-checks.ts";

/**
 * `aurora-db verify`: proves on a scratch database that the migrations, the
 * committed schema dump and the generated code agree, and that the schema
 * has no row-level security gap. Every check prints one line.
 */

export interface VerifyCheck {
  /** Name for `--check`. */
  id: string;
  /** Claim the check proves, printed after ok, FAIL or skip. */
  label: string;
  run(context: VerifyContext): Promise<string | undefined>;
}

export const VERIFY_CHECKS: VerifyCheck[] = [
  {
    id: "committed-unedited",
    label: "committed migrations are unedited",
    run: checkCommittedUnedited,
  },
  {
    id: "migrate-from-zero",
    label: "committed migrations apply from zero",
    run: checkMigrateFromZero,
  },
  {
    id: "migrate-again",
    label: "committed migrations re-apply as a no-op",
    run: checkMigrateAgain,
  },
  {
    id: "working-migration",
    label: "working migration applies three times with no change",
    run: checkWorkingMigration,
  },
  {
    id: "reset-replay",
    label: "reset and replay give the same schema",
    run: checkResetReplay,
  },
  {
    id: "schema-dump",
    label: "generated/schema.sql matches the migrations",
    run: checkSchemaDump,
  },
  {
    id: "codegen",
    label: "generated/ matches the queries",
    run: checkCodegen,
  },
  { id: "audit", label: "rls audit finds no gap", run: checkAudit },
];

export interface CheckResult {
  id: string;
  label: string;
  status: "ok" | "fail" | "skip";
  /** The first difference (fail) or the reason (skip). */
  detail?: string;
}

export interface VerifyReport {
  ok: boolean;
  checks: CheckResult[];
  /** Method that compared schemas: `pg_dump <major>` or `catalog snapshot`. */
  comparedWith: string;
}

export interface VerifyOptions {
  /** Project folder holding migrations/, queries/, generated/ and pgtyped.config.json. */
  projectDir?: string;
  /** Check ids to run; all when absent. */
  checks?: string[];
  /** Receives each result as soon as it is known. */
  onResult?: (result: CheckResult) => void;
  /** Receives diagnostics. */
  log?: (message: string) => void;
}

/** Throws an InputError naming the unknown id and the valid ones. */
function selectChecks(ids: string[] | undefined): VerifyCheck[] {
  if (!ids || ids.length === 0) return VERIFY_CHECKS;
  for (const id of ids) {
    if (!VERIFY_CHECKS.some((check) => check.id === id)) {
      throw new InputError(
        `--check "${id}" is not a check of aurora-db verify: use one of ${VERIFY_CHECKS.map((check) => check.id).join(", ")}.`,
      );
    }
  }
  return VERIFY_CHECKS.filter((check) => ids.includes(check.id));
}

/** Rewrites graphile-migrate's hash error into a sentence that names the file and the fix. */
export function explainMigrationError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const hash = /^Hash for (\S+) does not match - (\S+) !== (\S+);/.exec(
    message,
  );
  if (hash) {
    return (
      `migrations/committed/${hash[1]} was edited after it was committed ` +
      `(its body hashes to ${hash[2]}, but its header records ${hash[3]}): ` +
      "revert the edit and put the change in the working migration"
    );
  }
  return message.split("\n")[0]!;
}

async function runCheck(
  check: VerifyCheck,
  context: VerifyContext,
): Promise<CheckResult> {
  const base = { id: check.id, label: check.label };
  try {
    const failure = await check.run(context);
    return failure
      ? { ...base, status: "fail", detail: failure }
      : { ...base, status: "ok" };
  } catch (error) {
    if (error instanceof SkippedCheck)
      return { ...base, status: "skip", detail: error.message };
    return { ...base, status: "fail", detail: explainMigrationError(error) };
  }
}

/** Finds pg_dump for the server, or records why the schema checks fall back to catalog snapshots. */
async function pgDumpFor(
  settings: ConfiguredSettings,
  database: string,
): Promise<Pick<VerifyContext, "pgDump" | "pgDumpProblem">> {
  const major = await withRootClient(settings, database, serverMajor);
  try {
    return { pgDump: findPgTool("pg_dump", major), pgDumpProblem: undefined };
  } catch (error) {
    return { pgDump: undefined, pgDumpProblem: (error as Error).message };
  }
}

/** Throws an InputError unless `projectDir` is a readable folder with a migrations/ folder. */
export async function requireProjectFolder(projectDir: string): Promise<void> {
  const fix =
    "name an aurora-db project folder (one with migrations/committed/) with --project";
  await requireInputPath(projectDir, "folder", "The project folder", fix);
  await requireInputPath(
    migrationsFolderOf(projectDir),
    "folder",
    "The migrations folder",
    fix,
  );
}

/** Runs the selected checks on a scratch database named `aurora_verify_<pid>_<n>`, dropped afterwards. */
export async function verify(
  settings: ConfiguredSettings,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const selected = selectChecks(options.checks);
  const projectDir = options.projectDir ?? projectRoot;
  await requireProjectFolder(projectDir);
  const database = scratchDatabaseName("aurora_verify");
  await createDatabase(settings, database);
  try {
    const tools = await pgDumpFor(settings, database);
    if (!tools.pgDump)
      options.log?.(
        `${tools.pgDumpProblem} Comparing catalog snapshots instead of pg_dump output.`,
      );
    const context: VerifyContext = {
      settings,
      projectDir,
      migrationsFolder: migrationsFolderOf(projectDir),
      database,
      ...tools,
      state: { migrated: false, workingRuns: 0 },
    };
    const checks: CheckResult[] = [];
    for (const check of selected) {
      const result = await runCheck(check, context);
      checks.push(result);
      options.onResult?.(result);
    }
    return {
      ok: checks.every((check) => check.status !== "fail"),
      checks,
      comparedWith: tools.pgDump
        ? `pg_dump ${tools.pgDump.major}`
        : "catalog snapshot",
    };
  } finally {
    await dropDatabase(settings, database);
  }
}

/** Formats one result as `ok   <check>`, `FAIL <check>: <difference>` or `skip <check>: <reason>`. */
export function formatCheck(result: CheckResult): string {
  if (result.status === "ok") return `ok   ${result.label}`;
  const word = result.status === "fail" ? "FAIL" : "skip";
  return `${word} ${result.label}: ${result.detail}`;
}
