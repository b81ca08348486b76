import fs from "node:fs/promises";
import path from "node:path";
import type { ConfiguredSettings, RoleNames } from "../config/settings.ts";
import { withConnection } from "../config/settings.ts";
import {
  requireRootUrl,
  withMigratedScratchDatabase,
  withRootClient,
} from "./scratch.ts";
import type { PgTool } from "./pg-tools.ts";
import {
  connectionArguments,
  findPgTool,
  runPgTool,
  serverMajor,
} from "./pg-tools.ts";

/**
 * The committed schema dump, `generated/schema.sql`: what pg_dump
 * --schema-only prints for a database built from the committed migrations
 * and the working migration, so that every schema change shows up in review
 * as a diff of this file. graphile-migrate's own schema is left out, and so
 * are the lines that change from one run to the next.
 */

export const SCHEMA_FILE = path.join("generated", "schema.sql");

/** The role names the committed dump is written with; other configured names are mapped to these. */
const DEFAULT_ROLES: RoleNames = {
  owner: "aurora_owner",
  app: "aurora_app",
  maintenance: "aurora_maintenance",
};

/** Lines of pg_dump output that differ between runs or machines, not between schemas. */
const UNSTABLE_LINES = [
  /^\\restrict /, // pg_dump 15.14 and later: a random key per run
  /^\\unrestrict /,
  /^-- Dumped (from database|by pg_dump) version /,
  /^-- (Started|Completed) on /,
];

/** Runs pg_dump --schema-only as the root role and returns the normalised text. */
export async function dumpSchema(
  settings: ConfiguredSettings,
  database: string,
  tool: PgTool,
): Promise<string> {
  const rootUrl = requireRootUrl(settings, "a schema dump");
  const { dbname, env } = connectionArguments(
    withConnection(rootUrl, { database }),
  );
  const raw = await runPgTool(
    tool,
    [
      "--schema-only",
      "--exclude-schema=graphile_migrate",
      "--no-tablespaces",
      `--dbname=${dbname}`,
    ],
    { env, captureStdout: true },
  );
  return normaliseDump(raw, settings.roles);
}

/** Drops unstable lines, maps configured role names to the defaults and collapses runs of blank lines. */
export function normaliseDump(raw: string, roles: RoleNames): string {
  let text = raw
    .split("\n")
    .filter((line) => !UNSTABLE_LINES.some((pattern) => pattern.test(line)))
    .join("\n");
  for (const key of ["owner", "app", "maintenance"] as const) {
    if (roles[key] === DEFAULT_ROLES[key]) continue;
    const pattern = new RegExp(`\\b${roles[key]}\\b`, "g");
    text = text.replace(pattern, DEFAULT_ROLES[key]);
  }
  return `${text.replace(/\n{3,}/g, "\n\n").trim()}\n`;
}

/** Returns the file's text: a header naming the pg_dump major it was written with, then the dump. */
export function schemaFileText(dump: string, tool: PgTool): string {
  return [
    "-- The schema built by the committed migrations and the working migration, as printed by",
    `-- pg_dump ${tool.major} --schema-only. Written by "aurora-db schema dump" and checked by`,
    '-- "aurora-db verify"; never edit it by hand.',
    `-- pg_dump major: ${tool.major}`,
    "",
    dump,
  ].join("\n");
}

export interface SchemaFile {
  /** The pg_dump major named in the header, if any. */
  major: number | undefined;
  text: string;
}

/** Reads `generated/schema.sql` of `projectDir`, or returns undefined when it does not exist. */
export async function readSchemaFile(
  projectDir: string,
): Promise<SchemaFile | undefined> {
  const text = await fs
    .readFile(path.join(projectDir, SCHEMA_FILE), "utf8")
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
  if (text === undefined) return undefined;
  const match = /^-- pg_dump major: (\d+)$/m.exec(text);
  return { major: match ? Number(match[1]) : undefined, text };
}

/** Writes `generated/schema.sql` of `projectDir`. */
export async function writeSchemaFile(
  projectDir: string,
  text: string,
): Promise<string> {
  const file = path.join(projectDir, SCHEMA_FILE);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
  return file;
}

/**
 * Describes the first line where `committed` and `fresh` differ, with the
 * `-- Name:` header of the object it belongs to; undefined when they are equal.
 */
export function firstLineDifference(
  committed: string,
  fresh: string,
): string | undefined {
  const a = committed.split("\n");
  const b = fresh.split("\n");
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    if (a[index] === b[index]) continue;
    const header = b
      .slice(0, index + 1)
      .reverse()
      .find((line) => line.startsWith("-- Name: "));
    const where = `line ${index + 1}${header ? ` (${header.slice(3)})` : ""}`;
    const shown = (line: string | undefined) =>
      line === undefined ? "the end of the file" : `"${line.slice(0, 160)}"`;
    return `${where}: the file has ${shown(a[index])}, the migrations give ${shown(b[index])}`;
  }
  return undefined;
}

/**
 * Builds a scratch database from `projectDir`'s migrations, dumps its schema
 * and writes `generated/schema.sql`. Returns the file and the pg_dump used.
 */
export async function writeProjectSchema(
  settings: ConfiguredSettings,
  projectDir: string,
): Promise<{ file: string; pgDump: PgTool; changed: boolean }> {
  return withMigratedScratchDatabase(settings, projectDir, async ({ name }) => {
    const major = await withRootClient(settings, name, serverMajor);
    const pgDump = findPgTool("pg_dump", major);
    const text = schemaFileText(
      await dumpSchema(settings, name, pgDump),
      pgDump,
    );
    const previous = await readSchemaFile(projectDir);
    const file = await writeSchemaFile(projectDir, text);
    return { file, pgDump, changed: previous?.text !== text };
  });
}
