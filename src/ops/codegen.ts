import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../config/project.ts";
import type { ConfiguredSettings } from "../config/settings.ts";
import { withMigratedScratchDatabase } from "./scratch.ts";

/**
 * `generated/` from `queries/*.sql` with pgTyped, against a database built
 * from the project's migrations, so that the types match the schema in the
 * repository rather than whatever a developer's database contains.
 */

/** Runs pgTyped once over `projectDir`'s queries, writing into `outDir`. */
async function runPgTyped(
  url: string,
  projectDir: string,
  outDir: string,
): Promise<void> {
  const configPath = path.join(projectDir, "pgtyped.config.json");
  const config = JSON.parse(await fs.readFile(configPath, "utf8"));
  const relative = path.relative(projectDir, outDir) || ".";
  for (const transform of config.transforms) {
    transform.emitTemplate = `${relative}/{{name}}.queries.ts`;
  }
  const configFile = path.join(
    os.tmpdir(),
    `aurora-pgtyped-${process.pid}-${Date.now()}.json`,
  );
  await fs.writeFile(configFile, JSON.stringify(config));
  try {
    const output = await spawnPgTyped(configFile, url, projectDir);
    if (/Error/i.test(output))
      throw new Error(`pgTyped reported errors:\n${output}`);
  } finally {
    await fs.rm(configFile, { force: true });
  }
}

/** Spawns pgTyped's CLI. PG* variables are cleared because pgTyped lets them override --uri. */
function spawnPgTyped(
  configFile: string,
  url: string,
  cwd: string,
): Promise<string> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^PG|^DATABASE_URL$/.test(key),
    ),
  );
  const cli = path.join(
    projectRoot,
    "node_modules",
    "@pgtyped",
    "cli",
    "lib",
    "index.js",
  );
  return new Promise<string>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [cli, "-c", configFile, "--uri", url],
      { cwd, env },
    );
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.stderr.on("data", (chunk) => (text += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(text)
        : reject(new Error(`pgTyped failed:\n${text}`)),
    );
  });
}

/** Reads the `*.queries.ts` files of `dir` by name; an absent folder reads as empty. */
export async function readGeneratedFiles(
  dir: string,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  for (const entry of entries.filter((name) => name.endsWith(".queries.ts"))) {
    files.set(entry, await fs.readFile(path.join(dir, entry), "utf8"));
  }
  return files;
}

/** Returns one sentence per generated file that differs from what the queries produce. */
export function generatedDifferences(
  committed: Map<string, string>,
  fresh: Map<string, string>,
): string[] {
  const names = new Set([...committed.keys(), ...fresh.keys()]);
  const found: string[] = [];
  for (const name of [...names].sort()) {
    if (!committed.has(name))
      found.push(`generated/${name} is missing: run npm run codegen`);
    else if (!fresh.has(name))
      found.push(
        `generated/${name} has no query file left: run npm run codegen`,
      );
    else if (committed.get(name) !== fresh.get(name))
      found.push(`generated/${name} is stale: run npm run codegen`);
  }
  return found;
}

/** Generates from `projectDir`'s queries against the database at `url` and returns the files. */
export async function generateFrom(
  url: string,
  projectDir: string,
): Promise<Map<string, string>> {
  const outDir = await fs.mkdtemp(path.join(projectDir, ".codegen-"));
  try {
    await runPgTyped(url, projectDir, outDir);
    return await readGeneratedFiles(outDir);
  } finally {
    await fs.rm(outDir, { recursive: true, force: true });
  }
}

/** Compares `projectDir`'s generated/ with what its queries produce against the database at `url`. */
export async function checkGeneratedFrom(
  url: string,
  projectDir: string,
): Promise<string[]> {
  return generatedDifferences(
    await readGeneratedFiles(path.join(projectDir, "generated")),
    await generateFrom(url, projectDir),
  );
}

/** Generates into a temporary folder and returns the files; `generated/` is left alone. */
export async function generate(
  settings: ConfiguredSettings,
  projectDir = projectRoot,
): Promise<Map<string, string>> {
  return withMigratedScratchDatabase(settings, projectDir, ({ ownerUrl }) =>
    generateFrom(ownerUrl, projectDir),
  );
}

/** Returns one line per generated file that differs from what the queries produce now. */
export async function checkGenerated(
  settings: ConfiguredSettings,
  projectDir = projectRoot,
): Promise<string[]> {
  return withMigratedScratchDatabase(settings, projectDir, ({ ownerUrl }) =>
    checkGeneratedFrom(ownerUrl, projectDir),
  );
}

/** Replaces `projectDir`'s generated query files with `fresh`, deleting those that have no query left. */
export async function writeGenerated(
  projectDir: string,
  fresh: Map<string, string>,
): Promise<void> {
  const dir = path.join(projectDir, "generated");
  await fs.mkdir(dir, { recursive: true });
  for (const name of (await readGeneratedFiles(dir)).keys()) {
    if (!fresh.has(name)) await fs.rm(path.join(dir, name));
  }
  for (const [name, text] of fresh)
    await fs.writeFile(path.join(dir, name), text);
}
