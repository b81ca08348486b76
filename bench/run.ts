/**
 * `npm run bench`: measures each scenario against a raw baseline (a bare pg
 * query, COPY) in the same run, prints a table and writes bench/RESULTS.md.
 * The figures depend on the machine; tests never assert on them.
 *
 * Usage: npm run bench -- [--quick] [--only <name>[,<name>]] [--keep]
 *   --quick  smaller data and fewer runs, for a fast check
 *   --only   run only the named scenarios (see the list printed by --help)
 *   --keep   keep the aurora_bench database and its data for the next run
 *
 * The server is the configured one (DATABASE_URL and ROOT_DATABASE_URL) or
 * the embedded default.
 */
import { parseArgs } from "node:util";

import { redactUrl } from "../src/config/settings.ts";
import { AuroraError } from "../src/errors.ts";
import type { BenchContext, Scenario } from "./context.ts";
import { machineInfo, openBenchDatabase } from "./database.ts";
import { printTable, writeResults, type ResultRow } from "./report.ts";
import { alertIngest } from "./scenarios/alert-ingest.ts";
import { containment } from "./scenarios/containment.ts";
import { k8sSync } from "./scenarios/k8s-sync.ts";
import { pagination } from "./scenarios/pagination.ts";
import { rlsCost } from "./scenarios/rls-cost.ts";
import { tenantExport } from "./scenarios/tenant-export.ts";
import { tenantRead } from "./scenarios/tenant-read.ts";

const SCENARIOS: Scenario[] = [
  tenantRead,
  rlsCost,
  alertIngest,
  k8sSync,
  pagination,
  containment,
  tenantExport,
];

function usage(): string {
  const names = SCENARIOS.map(
    (scenario) => `  ${scenario.name.padEnd(14)} ${scenario.summary}`,
  );
  return [
    "Usage: npm run bench -- [--quick] [--only <name>[,<name>]] [--keep]",
    "Scenarios:",
    ...names,
  ].join("\n");
}

function selectScenarios(only: string | undefined): Scenario[] {
  if (only === undefined) {
    return SCENARIOS;
  }
  const names = only.split(",").map((name) => name.trim());
  const unknown = names.filter(
    (name) => !SCENARIOS.some((scenario) => scenario.name === name),
  );
  if (unknown.length > 0) {
    throw new Error(`Unknown scenario ${unknown.join(", ")}.\n${usage()}`);
  }
  return SCENARIOS.filter((scenario) => names.includes(scenario.name));
}

/** Variables that choose the server, shown in the results (URLs without passwords). */
const SERVER_VARIABLES = [
  "DATABASE_URL",
  "ROOT_DATABASE_URL",
  "AURORA_STATE_DIR",
  "AURORA_EMBEDDED_VERSION",
];

/** Returns the command line of this run, with the variables that chose the server. */
function commandLine(): string {
  const variables = SERVER_VARIABLES.filter((name) => process.env[name]).map(
    (name) => {
      const value = process.env[name]!;
      return `${name}=${name.endsWith("_URL") ? redactUrl(value) : value}`;
    },
  );
  const args = process.argv.slice(2);
  return [
    ...variables,
    "npm run bench",
    ...(args.length ? ["--", ...args] : []),
  ].join(" ");
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }

  const scenarios = selectScenarios(values.only);
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const startedAt = new Date();
  const started = process.hrtime.bigint();
  const bench = await openBenchDatabase(values.keep, log);

  const sections: string[] = [];
  const rows: ResultRow[] = [];
  const context: BenchContext = {
    bench,
    quick: values.quick,
    log,
    addSection: (title, body) => sections.push(`## ${title}`, "", body, ""),
  };
  try {
    for (const scenario of scenarios) {
      log(`== ${scenario.name}: ${scenario.summary}`);
      rows.push(...(await scenario.run(context)));
    }
  } finally {
    await bench.close();
  }

  printTable(rows);
  await writeResults(new URL("./RESULTS.md", import.meta.url), rows, {
    command: commandLine(),
    machine: machineInfo(),
    serverVersion: bench.serverVersion,
    serverKind: bench.serverKind,
    startedAt,
    durationSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    sections,
  });
  log("wrote bench/RESULTS.md");
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  const message =
    error instanceof AuroraError ? error.message : (error as Error).stack;
  process.stderr.write(`bench failed: ${message}\n`);
  process.exitCode = 1;
}
