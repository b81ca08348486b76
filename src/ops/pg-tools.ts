import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { ConfigurationError } from "../errors.ts";

/**
 * Finding and running PostgreSQL's client programs (pg_dump, pg_restore).
 * pg_dump refuses servers of a newer major version than its own, so each
 * lookup names the server's major and takes the closest version at or above
 * it. The closest, not the newest, because a schema dump's text differs
 * between pg_dump versions and the committed dump is compared as text.
 */

export type PgToolName = "pg_dump" | "pg_restore";

export interface PgTool {
  name: PgToolName;
  path: string;
  /** Major version, such as 15. */
  major: number;
  /** The version line the program prints, such as `pg_dump (PostgreSQL) 15.20`. */
  version: string;
}

/** Returns the server's major version, such as 15. */
export async function serverMajor(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ server_version_num: string }>(
    "show server_version_num",
  );
  return Math.floor(Number(rows[0]!.server_version_num) / 10000);
}

/**
 * Folders searched, in order: `AURORA_PG_BIN` when set, the folders on PATH,
 * then Debian's /usr/lib/postgresql/<major>/bin, newest first.
 */
function searchFolders(env: NodeJS.ProcessEnv): string[] {
  const folders: string[] = [];
  if (env.AURORA_PG_BIN) folders.push(env.AURORA_PG_BIN);
  folders.push(...(env.PATH ?? "").split(path.delimiter).filter(Boolean));
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const majors = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    folders.push(...majors.map((major) => path.join(debian, major, "bin")));
  }
  return [...new Set(folders)];
}

function probe(name: PgToolName, file: string): PgTool | undefined {
  const result = spawnSync(file, ["--version"], {
    encoding: "utf8",
    timeout: 10_000,
  });
  const match = /\(PostgreSQL\) (\d+)/.exec(result.stdout ?? "");
  if (result.status !== 0 || !match) return undefined;
  return {
    name,
    path: file,
    major: Number(match[1]),
    version: result.stdout.trim(),
  };
}

/** Lists every copy of `name` found, with its version. */
export function findPgToolVersions(
  name: PgToolName,
  env: NodeJS.ProcessEnv = process.env,
): PgTool[] {
  const found: PgTool[] = [];
  for (const folder of searchFolders(env)) {
    const file = path.join(folder, name);
    if (!existsSync(file)) continue;
    const tool = probe(name, file);
    if (tool) found.push(tool);
  }
  return found;
}

/** Returns the copy of `name` whose major is the lowest at or above `major`, or undefined. */
export function pickPgTool(tools: PgTool[], major: number): PgTool | undefined {
  return tools
    .filter((tool) => tool.major >= major)
    .sort((a, b) => a.major - b.major)[0];
}

/** Finds `name` for a server of major version `major`; throws saying what to install when none fits. */
export function findPgTool(
  name: PgToolName,
  major: number,
  env: NodeJS.ProcessEnv = process.env,
): PgTool {
  const tools = findPgToolVersions(name, env);
  const tool = pickPgTool(tools, major);
  if (tool) return tool;
  const newest = tools.sort((a, b) => b.major - a.major)[0];
  const found = newest
    ? `the newest found is ${name} ${newest.major} (${newest.path})`
    : `none was found on PATH or in /usr/lib/postgresql/*/bin`;
  throw new ConfigurationError(
    `${name} ${major} or newer is needed for PostgreSQL ${major}, but ${found}: ` +
      `install it (on Debian or Ubuntu: apt-get install postgresql-client-${major}), ` +
      "or set AURORA_PG_BIN to the folder that contains it.",
    "AURORA_PG_BIN",
  );
}

/** Splits a URL into the password (passed through PGPASSWORD, so it never shows in `ps`) and the rest. */
export function connectionArguments(url: string): {
  dbname: string;
  env: NodeJS.ProcessEnv;
} {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: parsed.toString(), env };
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Called with each line the program writes to stderr. */
  onStderrLine?: (line: string) => void;
  /** Kills the program when aborted. */
  signal?: AbortSignal;
  /** Collects stdout and returns it; otherwise stdout is ignored. */
  captureStdout?: boolean;
}

/** Runs a client program; rejects with its last stderr lines when it fails. */
export function runPgTool(
  tool: PgTool,
  args: string[],
  options: RunOptions = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, args, {
      env: options.env ?? process.env,
      stdio: ["ignore", options.captureStdout ? "pipe" : "ignore", "pipe"],
      signal: options.signal,
    });
    let stdout = "";
    const stderrLines: string[] = [];
    child.stdout?.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    let pending = "";
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) handleLine(line);
    });
    const handleLine = (line: string) => {
      if (!line) return;
      stderrLines.push(line);
      if (stderrLines.length > 50) stderrLines.shift();
      options.onStderrLine?.(line);
    };
    child.on("error", (error) => reject(error));
    child.on("close", (code, signal) => {
      handleLine(pending);
      if (code === 0) return resolve(stdout);
      const errors = stderrLines.filter((line) => /error|fatal/i.test(line));
      const detail = (errors.length ? errors : stderrLines).slice(-3).join(" ");
      reject(
        new Error(
          `${tool.name} ${signal ? `was stopped by ${signal}` : `failed with exit code ${code}`}` +
            (detail ? `: ${detail}` : ""),
        ),
      );
    });
  });
}
