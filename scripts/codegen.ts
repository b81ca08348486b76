/**
 * Regenerates `generated/` from `queries/*.sql` with pgTyped, against a
 * scratch database migrated from the committed migrations (and current.sql),
 * so the types match the schema in the repository rather than whatever a
 * developer's database holds.
 *
 * Usage: npm run codegen            rewrite generated/
 *        npm run codegen:check      exit 1 when generated/ differs from what would be generated
 */
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../src/config/project.ts";
import { withConnection } from "../src/config/settings.ts";
import type { ConfiguredSettings } from "../src/config/settings.ts";
import { bootstrap, resolveServer } from "../src/server/index.ts";
import { applyCurrent, migrate } from "../src/migrations/index.ts";
import { withClient } from "../src/server/connect.ts";
import { EXTENSIONS } from "../src/server/bootstrap.ts";

const GENERATED = path.join(projectRoot, "generated");

async function withScratchDatabase<T>(
  settings: ConfiguredSettings,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const name = `aurora_codegen_${process.pid}`;
  const rootUrl = settings.rootUrl!;
  await withClient(rootUrl, "ROOT_DATABASE_URL", async (root) => {
    await root.query(`drop database if exists ${name} with (force)`);
    await root.query(
      `create database ${name} owner ${root.escapeIdentifier(settings.roles.owner)}`,
    );
  });
  try {
    await withClient(
      withConnection(rootUrl, { database: name }),
      "ROOT_DATABASE_URL",
      async (client) => {
        for (const extension of EXTENSIONS)
          await client.query(`create extension if not exists ${extension}`);
      },
    );
    await migrate(settings, { database: name });
    await applyCurrent(settings, { database: name });
    return await work(withConnection(settings.ownerUrl, { database: name }));
  } finally {
    await withClient(rootUrl, "ROOT_DATABASE_URL", (root) =>
      root.query(`drop database if exists ${name} with (force)`),
    );
  }
}

/** Runs pgTyped once, writing into `outDir`. PG* variables are cleared because pgTyped lets them override --uri. */
async function runPgTyped(url: string, outDir: string): Promise<void> {
  const config = JSON.parse(
    await fs.readFile(path.join(projectRoot, "pgtyped.config.json"), "utf8"),
  );
  const relative = path.relative(projectRoot, outDir) || ".";
  for (const transform of config.transforms) {
    transform.emitTemplate = `${relative}/{{name}}.queries.ts`;
  }
  const configFile = path.join(
    os.tmpdir(),
    `aurora-pgtyped-${process.pid}.json`,
  );
  await fs.writeFile(configFile, JSON.stringify(config));
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
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [cli, "-c", configFile, "--uri", url],
        { cwd: projectRoot, env },
      );
      let text = "";
      child.stdout.on("data", (chunk) => (text += chunk));
      child.stderr.on("data", (chunk) => (text += chunk));
      child.on("close", (code) =>
        code === 0
          ? resolve(text)
          : reject(new Error(`pgTyped failed:\n${text}`)),
      );
    });
    if (/Error/i.test(output))
      throw new Error(`pgTyped reported errors:\n${output}`);
  } finally {
    await fs.rm(configFile, { force: true });
  }
}

async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  for (const entry of entries.filter((name) => name.endsWith(".queries.ts"))) {
    files.set(entry, await fs.readFile(path.join(dir, entry), "utf8"));
  }
  return files;
}

function differences(
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

/** Generates into a temporary folder and returns the files; `generated/` is left alone. */
export async function generate(
  settings: ConfiguredSettings,
): Promise<Map<string, string>> {
  return withScratchDatabase(settings, async (url) => {
    const outDir = await fs.mkdtemp(path.join(projectRoot, ".codegen-"));
    try {
      await runPgTyped(url, outDir);
      return await readTree(outDir);
    } finally {
      await fs.rm(outDir, { recursive: true, force: true });
    }
  });
}

/** Returns one line per generated file that differs from what the queries produce now. */
export async function checkGenerated(
  settings: ConfiguredSettings,
): Promise<string[]> {
  return differences(await readTree(GENERATED), await generate(settings));
}

async function main(): Promise<number> {
  const check = process.argv.includes("--check");
  const { settings } = await resolveServer(process.env, (message) =>
    process.stderr.write(`${message}\n`),
  );
  await bootstrap(settings);
  if (check) {
    const problems = await checkGenerated(settings);
    for (const line of problems) process.stderr.write(`${line}\n`);
    process.stdout.write(
      problems.length === 0 ? "generated/ is up to date\n" : "",
    );
    return problems.length === 0 ? 0 : 1;
  }
  const fresh = await generate(settings);
  await fs.mkdir(GENERATED, { recursive: true });
  for (const name of (await readTree(GENERATED)).keys()) {
    if (!fresh.has(name)) await fs.rm(path.join(GENERATED, name));
  }
  for (const [name, text] of fresh)
    await fs.writeFile(path.join(GENERATED, name), text);
  process.stdout.write(`wrote ${fresh.size} files to generated/\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main();
}
