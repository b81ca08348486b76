import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../config/project.ts";
import type { RoleNames } from "../config/settings.ts";
import { ConfigurationError } from "../errors.ts";
import {
  findWorkingMigration,
  isNoTransaction,
  parseMigration,
  readCommittedMigrations,
  substitutePlaceholders,
} from "./migration-files.ts";

/**
 * `aurora-db lint`: squawk over the committed migrations and the working
 * migration. Placeholders are replaced in copies in a temporary folder,
 * because squawk cannot parse `:AURORA_APP` where a role name belongs. The
 * rules switched off, and why, are in `.squawk.toml` at the project root.
 */

export interface LintViolation {
  /** Path relative to the project folder, such as `migrations/committed/000003-monitoring.sql`. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  rule: string;
  level: string;
  message: string;
  help: string | null;
}

export interface LintReport {
  /** Files linted, relative to the project folder. */
  files: string[];
  violations: LintViolation[];
}

/** squawk's JSON report entry; lines and columns are 0-based. */
interface SquawkEntry {
  file: string;
  line: number;
  column: number;
  level: string;
  message: string;
  help: string | null;
  rule_name: string;
}

const CONFIG_FILE = ".squawk.toml";

function squawkPath(): string {
  const file = path.join(projectRoot, "node_modules", ".bin", "squawk");
  if (!existsSync(file)) {
    throw new ConfigurationError(
      `squawk is not installed at ${file}: run npm ci.`,
    );
  }
  return file;
}

/** Lists the migration files to lint, relative to `projectDir`, committed ones first. */
async function migrationFiles(projectDir: string): Promise<string[]> {
  const migrationsFolder = path.join(projectDir, "migrations");
  const committed = await readCommittedMigrations(migrationsFolder);
  const working = await findWorkingMigration(migrationsFolder);
  return [
    ...committed.map((migration) => migration.fullPath),
    ...working.files,
  ].map((file) => path.relative(projectDir, file));
}

/**
 * Writes each file, placeholders replaced, under `tempDir` at the same
 * relative path; returns the files that run outside a transaction.
 */
async function writeCopies(
  projectDir: string,
  tempDir: string,
  files: string[],
  roles: RoleNames,
): Promise<Set<string>> {
  const noTransaction = new Set<string>();
  for (const file of files) {
    const text = await fs.readFile(path.join(projectDir, file), "utf8");
    if (isNoTransaction(parseMigration(text).body)) noTransaction.add(file);
    const copy = path.join(tempDir, file);
    await fs.mkdir(path.dirname(copy), { recursive: true });
    await fs.writeFile(copy, substitutePlaceholders(text, roles));
  }
  return noTransaction;
}

/** Runs squawk on `files` (relative to `cwd`) and returns its JSON report. */
function runSquawk(
  cwd: string,
  configFile: string,
  files: string[],
  inTransaction: boolean,
): Promise<SquawkEntry[]> {
  const args = ["--config", configFile, "--reporter", "json"];
  if (!inTransaction) args.push("--no-assume-in-transaction");
  return new Promise((resolve, reject) => {
    const child = spawn(squawkPath(), [...args, ...files], { cwd });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      try {
        if (code === 0 || code === 1) {
          return resolve(JSON.parse(stdout.trim() || "[]") as SquawkEntry[]);
        }
      } catch {
        // Falls through to the error below with squawk's own output.
      }
      reject(
        new Error(
          `squawk failed with exit code ${code}: ${(stderr || stdout).trim()}`,
        ),
      );
    });
  });
}

function toViolation(entry: SquawkEntry): LintViolation {
  return {
    file: entry.file,
    line: entry.line + 1,
    column: entry.column + 1,
    rule: entry.rule_name,
    level: entry.level.toLowerCase(),
    message: entry.message,
    help: entry.help,
  };
}

/** Lints `projectDir`'s migrations with squawk, using its `.squawk.toml`. */
export async function lintMigrations(
  roles: RoleNames,
  options: { projectDir?: string } = {},
): Promise<LintReport> {
  const projectDir = options.projectDir ?? projectRoot;
  const configFile = path.join(projectDir, CONFIG_FILE);
  if (!existsSync(configFile)) {
    throw new ConfigurationError(
      `${configFile} is missing: aurora-db lint reads squawk's settings from it.`,
    );
  }
  const files = await migrationFiles(projectDir);
  if (files.length === 0) return { files, violations: [] };
  const tempDir = await fs.mkdtemp(path.join(os.tmpdir(), "aurora-lint-"));
  try {
    const noTransaction = await writeCopies(projectDir, tempDir, files, roles);
    const groups = [
      {
        files: files.filter((file) => !noTransaction.has(file)),
        inTransaction: true,
      },
      { files: [...noTransaction], inTransaction: false },
    ];
    const entries: SquawkEntry[] = [];
    for (const group of groups) {
      if (group.files.length === 0) continue;
      entries.push(
        ...(await runSquawk(
          tempDir,
          configFile,
          group.files,
          group.inTransaction,
        )),
      );
    }
    return { files, violations: entries.map(toViolation) };
  } finally {
    await fs.rm(tempDir, { recursive: true, force: true });
  }
}

/** Formats the report as `file:line:column: rule: message` lines and a summary. */
export function formatLint(report: LintReport): string {
  const lines = report.violations.map(
    (violation) =>
      `${violation.file}:${violation.line}:${violation.column}: ${violation.rule}: ${violation.message}` +
      (violation.help ? `\n  help: ${violation.help}` : ""),
  );
  const count = report.violations.length;
  lines.push(
    count === 0
      ? `squawk: no problems in ${report.files.length} migration files`
      : `squawk: ${count} ${count === 1 ? "problem" : "problems"} in ${report.files.length} migration files`,
  );
  return lines.join("\n");
}
