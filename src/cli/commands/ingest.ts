import fs from "node:fs/promises";
import { InputError } from "../../errors.ts";
import { INGEST_SOURCES, type IngestSource } from "../../ingest/index.ts";
import {
  ingestBodies,
  type BodyResult,
  type IngestSummary,
} from "../../ingest/ingest.ts";
import {
  connectionSetting,
  type ConfiguredSettings,
} from "../../config/settings.ts";
import { createDb, type Db } from "../../pool/index.ts";
import { withClient } from "../../server/connect.ts";
import { resolveServer } from "../../server/index.ts";
import type { Command, CommandContext } from "../command.ts";
import { UsageError } from "../command.ts";
import type { Output } from "../output.ts";
import { countOf } from "../plural.ts";

/** Returns the string value of `--name`; throws UsageError when it is missing. */
export function requireOption(
  values: CommandContext["values"],
  name: string,
): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") {
    throw new UsageError(`Missing --${name}.`);
  }
  return value.trim();
}

/** One input file's bytes, named as the user wrote it (`-` for stdin). */
export interface FileInput {
  name: string;
  bytes: Uint8Array;
}

/**
 * Reads every named file, and stdin for `-`. Throws UsageError when no file
 * is named and InputError naming the file that cannot be read.
 */
export async function readInputs(
  positionals: readonly string[],
): Promise<FileInput[]> {
  if (positionals.length === 0) {
    throw new UsageError("Name at least one file, or - to read stdin.");
  }
  if (positionals.filter((name) => name === "-").length > 1) {
    throw new UsageError("Stdin (-) can be read only once.");
  }
  const inputs: FileInput[] = [];
  for (const name of positionals) {
    inputs.push({ name, bytes: await readInput(name) });
  }
  return inputs;
}

async function readInput(name: string): Promise<Uint8Array> {
  if (name === "-") return readStdin();
  try {
    return await fs.readFile(name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory; name the files in it, such as dir/*.json"
          : code === "EACCES"
            ? "permission denied"
            : (error as Error).message;
    throw new InputError(`${name}: cannot read: ${reason}`, name);
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Opens the tenant-aware pool on the configured (or embedded) server as the
 * app role, runs `work` and closes the pool.
 */
export async function withDb<T>(
  out: Output,
  work: (db: Db) => Promise<T>,
): Promise<T> {
  const { settings } = await resolveServer(process.env, out.note);
  // The pool reports a failed login as a bare pg error, so each role's URL
  // is tried once here, where a failure names the variable to set.
  await checkConnection(settings, "app");
  await checkConnection(settings, "maintenance");
  const db = createDb({
    url: settings.appUrl,
    maintenanceUrl: settings.maintenanceUrl,
    roles: { app: settings.roles.app, maintenance: settings.roles.maintenance },
  });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function checkConnection(
  settings: ConfiguredSettings,
  role: "app" | "maintenance",
): Promise<void> {
  const url = role === "app" ? settings.appUrl : settings.maintenanceUrl;
  await withClient(url, connectionSetting(settings, role), async () => {});
}

/** Redraws one progress line on stderr when stderr is a terminal. */
export function progressLine(out: Output): {
  show(text: string): void;
  clear(): void;
} {
  let isLineDrawn = false;
  return {
    show(text) {
      if (!out.interactive) return;
      process.stderr.write(`\r\u001b[K${text}`);
      isLineDrawn = true;
    },
    clear() {
      if (isLineDrawn) process.stderr.write("\r\u001b[K");
      isLineDrawn = false;
    },
  };
}

function parseSource(value: string): IngestSource {
  if ((INGEST_SOURCES as readonly string[]).includes(value)) {
    return value as IngestSource;
  }
  throw new UsageError(
    `Unknown --source "${value}"; expected one of ${INGEST_SOURCES.join(", ")}.`,
  );
}

function describeBody(
  result: BodyResult,
  index: number,
  total: number,
): string {
  return (
    `[${index + 1}/${total}] ${result.name}: ${countOf(result.alerts, "alerts")}, ` +
    `${result.stored} stored, ${countOf(result.duplicates, "duplicates")}`
  );
}

/** Formats the summary as aligned lines, for people. */
export function formatIngestSummary(summary: IngestSummary): string {
  const rows: [string, string][] = [
    [
      "organization",
      `${summary.organization.slug} (${summary.organization.id})`,
    ],
    ["source", summary.source],
    ["files", String(summary.files)],
    ["alerts", String(summary.alerts)],
    [
      "alerts stored",
      `${summary.stored} (${summary.inserted} new, ${summary.updated} changed)`,
    ],
    ["duplicates skipped", String(summary.duplicates)],
    ["incidents opened", String(summary.incidentsOpened)],
    ["incidents joined", String(summary.incidentsJoined)],
    ["incidents reopened", String(summary.incidentsReopened)],
    ["incidents resolved", String(summary.incidentsResolved)],
    ["payloads transformed", String(summary.transformed)],
  ];
  return rows.map(([label, value]) => `${label.padEnd(22)}${value}`).join("\n");
}

const MAX_BODY_MIB = 1024;

/** Parses `--max-body-mib` into bytes; absent means the parser's default of 10 MiB. */
function parseMaxBodyMib(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const mib = Number(text);
  if (!/^[0-9]+$/.test(text) || mib < 1 || mib > MAX_BODY_MIB) {
    throw new UsageError(
      `--max-body-mib is "${text}", but it must be a whole number from 1 to ${MAX_BODY_MIB}.`,
    );
  }
  return mib * 1024 * 1024;
}

export const ingestCommand: Command = {
  name: "ingest",
  maxPositionals: Infinity,
  summary: "store monitoring webhook bodies and correlate them into incidents",
  help: `Usage: aurora-db ingest --org <slug or id> --source <source> [--json] <file>... | -

Stores the alerts of webhook bodies (one JSON object per file, or one read
from stdin with -) in the monitoring table of the source, then correlates
them into incidents. Prints the files, alerts stored, duplicates skipped
(redelivered alerts), and incidents opened, joined, reopened and resolved.

Every body is checked before anything is written: one invalid body (bad
JSON, a byte-order mark, NDJSON, an invalid alert) rejects the run, names
each bad file and writes nothing. Each body is then stored in its own
transaction, so after a database failure part-way the earlier bodies are
kept; running the same files again stores nothing twice.

Options:
  --org      organization slug or id (UUID)
  --source   ${INGEST_SOURCES.join(", ")}
  --json     print the summary, with one entry per file, as JSON
  --max-body-mib <n>  maximum size of one body in MiB, 1 to 1024 (default 10)

Correlation settings come from AURORA_CORRELATION_WINDOW_SECONDS (default
300), AURORA_CORRELATION_SCORE_THRESHOLD (0.6),
AURORA_CORRELATION_MAX_ALERTS_PER_INCIDENT (50) and the other
AURORA_CORRELATION_* variables listed in src/correlation/settings.ts.`,
  options: {
    org: { type: "string" },
    source: { type: "string" },
    "max-body-mib": { type: "string" },
  },
  async run({ values, positionals, out }) {
    const org = requireOption(values, "org");
    const source = parseSource(requireOption(values, "source"));
    const maxBodyBytes = parseMaxBodyMib(values["max-body-mib"]);
    const inputs = await readInputs(positionals);
    const progress = progressLine(out);
    const summary = await withDb(out, (db) =>
      ingestBodies(db, {
        org,
        source,
        inputs,
        parse: { maxBodyBytes },
        onBody: (result, index, total) =>
          progress.show(describeBody(result, index, total)),
      }).finally(() => progress.clear()),
    );
    out.result(summary, () => formatIngestSummary(summary));
    return 0;
  },
};
