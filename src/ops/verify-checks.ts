import path from "node:path";
import type { ConfiguredSettings } from "../config/settings.ts";
import { withConnection } from "../config/settings.ts";
import { auditDatabase } from "../audit/index.ts";
import { withClient } from "../server/connect.ts";
import {
  catalogSnapshot,
  compareSnapshots,
  describeFirstDifference,
} from "./catalog-snapshot.ts";
import { checkGeneratedFrom } from "./codegen.ts";
import {
  applyWorkingMigration,
  editedMigrations,
  findWorkingMigration,
  isNoTransaction,
  migrateFolder,
  readCommittedMigrations,
  substitutePlaceholders,
} from "./migration-files.ts";
import type { PgTool } from "./pg-tools.ts";
import {
  SCHEMA_FILE,
  dumpSchema,
  firstLineDifference,
  readSchemaFile,
} from "./schema-dump.ts";
import { createDatabase, withRootClient } from "./scratch.ts";

/**
 * The checks of `aurora-db verify`, each a function over one scratch
 * database. A check resolves to undefined when it passes, or to a sentence
 * naming the first difference; it throws `SkippedCheck` when it cannot run here.
 */

export class SkippedCheck extends Error {}

export interface VerifyContext {
  settings: ConfiguredSettings;
  projectDir: string;
  migrationsFolder: string;
  /** The scratch database the checks build and inspect. */
  database: string;
  /** pg_dump for this server, or undefined when none fits (the checks then compare catalog snapshots). */
  pgDump: PgTool | undefined;
  /** Reason pg_dump is missing, for messages. */
  pgDumpProblem: string | undefined;
  state: VerifyState;
}

/** Steps the checks have applied to the scratch database so far. */
export interface VerifyState {
  migrated: boolean;
  /** How often the working migration was applied. */
  workingRuns: number;
  /** Set when applying the committed or the working migration failed, so later checks skip. */
  failed?: "committed" | "working";
}

const ORDINALS = ["1st", "2nd", "3rd"];

function snapshot(context: VerifyContext): Promise<string[]> {
  return withRootClient(context.settings, context.database, (client) =>
    catalogSnapshot(client, { withRows: true }),
  );
}

async function hasWorkingMigration(context: VerifyContext): Promise<boolean> {
  return (await findWorkingMigration(context.migrationsFolder)).kind !== "none";
}

/** Applies the committed migrations once; later checks build on that. */
export async function ensureMigrated(context: VerifyContext): Promise<void> {
  if (context.state.migrated) return;
  if (context.state.failed === "committed")
    throw new SkippedCheck("the committed migrations do not apply");
  try {
    await migrateFolder(
      context.settings,
      context.database,
      context.migrationsFolder,
    );
  } catch (error) {
    context.state.failed = "committed";
    throw error;
  }
  context.state.migrated = true;
}

/** Applies the working migration unless a check already did. */
async function ensureWorkingApplied(context: VerifyContext): Promise<void> {
  await ensureMigrated(context);
  if (context.state.workingRuns > 0 || !(await hasWorkingMigration(context)))
    return;
  if (context.state.failed === "working")
    throw new SkippedCheck("the working migration does not apply");
  try {
    await applyWorkingMigration(
      context.settings,
      context.database,
      context.migrationsFolder,
    );
  } catch (error) {
    context.state.failed = "working";
    throw error;
  }
  context.state.workingRuns = 1;
}

/** Committed migrations must hash to the value in their headers. */
export async function checkCommittedUnedited(
  context: VerifyContext,
): Promise<string | undefined> {
  const migrations = await readCommittedMigrations(context.migrationsFolder);
  if (migrations.length === 0)
    return "migrations/committed/ contains no migration";
  return editedMigrations(migrations)[0];
}

export async function checkMigrateFromZero(
  context: VerifyContext,
): Promise<string | undefined> {
  await ensureMigrated(context);
  return undefined;
}

/**
 * Runs graphile-migrate again, which must find nothing to do. Then runs
 * every committed migration's SQL again, each in a transaction unless it
 * opts out with `--! no-transaction`, and compares the catalog, because a
 * migration that is re-run by hand must change nothing either.
 */
export async function checkMigrateAgain(
  context: VerifyContext,
): Promise<string | undefined> {
  await ensureMigrated(context);
  const before = await snapshot(context);
  await migrateFolder(
    context.settings,
    context.database,
    context.migrationsFolder,
  );
  const migrations = await readCommittedMigrations(context.migrationsFolder);
  const url = withConnection(context.settings.ownerUrl, {
    database: context.database,
  });
  await withClient(url, "DATABASE_URL", async (client) => {
    for (const migration of migrations) {
      const inTransaction = !isNoTransaction(migration.body);
      try {
        if (inTransaction) await client.query("begin");
        await client.query(
          substitutePlaceholders(migration.body, context.settings.roles),
        );
        if (inTransaction) await client.query("commit");
      } catch (error) {
        await client.query("rollback").catch(() => {});
        throw new Error(
          `migrations/committed/${migration.file} failed when run a second time: ${(error as Error).message}`,
        );
      }
    }
  });
  const difference = describeFirstDifference(
    compareSnapshots(before, await snapshot(context)),
  );
  return difference && `running them again changed the database: ${difference}`;
}

/** Applies the working migration three times in a row; the 2nd and 3rd runs must change nothing. */
export async function checkWorkingMigration(
  context: VerifyContext,
): Promise<string | undefined> {
  await ensureMigrated(context);
  const working = await findWorkingMigration(context.migrationsFolder);
  if (working.kind === "none") return undefined;
  let previous: string[] | undefined;
  for (let run = 0; run < 3; run += 1) {
    try {
      await applyWorkingMigration(
        context.settings,
        context.database,
        context.migrationsFolder,
      );
    } catch (error) {
      if (run === 0) context.state.failed = "working";
      return `the ${ORDINALS[run]} run failed: ${(error as Error).message}`;
    }
    context.state.workingRuns = run + 1;
    const current = await snapshot(context);
    if (previous) {
      const difference = describeFirstDifference(
        compareSnapshots(previous, current),
      );
      if (difference)
        return `the ${ORDINALS[run]} run changed the database: ${difference}`;
    }
    previous = current;
  }
  return undefined;
}

/** Returns the schema as text: pg_dump's when one fits the server, else the catalog snapshot. */
async function schemaText(context: VerifyContext): Promise<string> {
  if (context.pgDump)
    return dumpSchema(context.settings, context.database, context.pgDump);
  const lines = await withRootClient(
    context.settings,
    context.database,
    (client) => catalogSnapshot(client),
  );
  return `${lines.join("\n")}\n`;
}

/**
 * Compares the schema after the working migration's runs with the schema of
 * the same database dropped, recreated and migrated again (committed
 * migrations, then the working migration once).
 */
export async function checkResetReplay(
  context: VerifyContext,
): Promise<string | undefined> {
  await ensureWorkingApplied(context);
  const before = await schemaText(context);
  await createDatabase(context.settings, context.database);
  context.state = { migrated: false, workingRuns: 0 };
  await ensureWorkingApplied(context);
  const after = await schemaText(context);
  const difference = firstLineDifference(before, after);
  return difference && `the replayed schema differs at ${difference}`;
}

/** Compares the committed generated/schema.sql with a fresh dump. */
export async function checkSchemaDump(
  context: VerifyContext,
): Promise<string | undefined> {
  if (!context.pgDump) throw new SkippedCheck(context.pgDumpProblem);
  const file = await readSchemaFile(context.projectDir);
  if (!file)
    return `${SCHEMA_FILE} does not exist: run "aurora-db schema dump" and commit it`;
  if (file.major !== undefined && file.major !== context.pgDump.major) {
    throw new SkippedCheck(
      `${SCHEMA_FILE} was written by pg_dump ${file.major}, and this server needs pg_dump ${context.pgDump.major}, whose output differs`,
    );
  }
  await ensureWorkingApplied(context);
  const fresh = await dumpSchema(
    context.settings,
    context.database,
    context.pgDump,
  );
  const body = file.text.slice(file.text.indexOf("\n\n") + 2);
  const difference = firstLineDifference(body, fresh);
  return (
    difference &&
    `${SCHEMA_FILE} is out of date at ${difference}: run "aurora-db schema dump" and commit it`
  );
}

export async function checkCodegen(
  context: VerifyContext,
): Promise<string | undefined> {
  await ensureWorkingApplied(context);
  const url = withConnection(context.settings.ownerUrl, {
    database: context.database,
  });
  const problems = await checkGeneratedFrom(url, context.projectDir);
  return problems.length === 0 ? undefined : problems.join("; ");
}

export async function checkAudit(
  context: VerifyContext,
): Promise<string | undefined> {
  await ensureWorkingApplied(context);
  const report = await withRootClient(
    context.settings,
    context.database,
    (client) => auditDatabase(client, context.settings.roles),
  );
  if (report.gaps.length === 0) return undefined;
  const more =
    report.gaps.length > 1 ? ` (and ${report.gaps.length - 1} more)` : "";
  return `${report.gaps[0]}${more}`;
}

/** Returns the migrations folder of a project folder. */
export function migrationsFolderOf(projectDir: string): string {
  return path.join(projectDir, "migrations");
}
