/**
 * Runs one memory-measured task in a process of its own, so that the peak
 * resident set size belongs to that task alone, and prints the result as one
 * JSON line. bench/scenarios start it; it reads its task from AURORA_BENCH_TASK.
 *
 * Tasks:
 *   {"kind":"ingest","settings":…,"orgId":…,"bodyFile":…}  ingestBodies of one body
 *   {"kind":"export","settings":…,"orgId":…,"dir":…}        exportOrganization
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import type { ConfiguredSettings } from "../src/config/settings.ts";
import { ingestBodies } from "../src/ingest/ingest.ts";
import { exportOrganization } from "../src/ops/export.ts";
import { createDb } from "../src/pool/index.ts";
import { samplePeakRss, timeOnce } from "./measure.ts";

export type ProbeTask =
  | {
      kind: "ingest";
      settings: ConfiguredSettings;
      orgId: string;
      bodyFile: string;
    }
  | {
      kind: "export";
      settings: ConfiguredSettings;
      orgId: string;
      dir: string;
    };

export interface ProbeResult {
  startRss: number;
  peakRss: number;
  millis: number;
  /** Alerts stored or rows exported. */
  count: number;
}

/** Runs `task` in a child process and returns what it measured. */
export function runProbe(task: ProbeTask): Promise<ProbeResult> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, AURORA_BENCH_TASK: JSON.stringify(task) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) {
        reject(
          new Error(`the ${task.kind} memory probe exited with code ${code}`),
        );
        return;
      }
      resolve(JSON.parse(output.trim().split("\n").at(-1)!) as ProbeResult);
    });
  });
}

async function runTask(task: ProbeTask): Promise<{ count: number }> {
  if (task.kind === "ingest") {
    const bytes = await readFile(task.bodyFile);
    const db = createDb({
      url: task.settings.appUrl,
      maintenanceUrl: task.settings.maintenanceUrl,
      roles: {
        app: task.settings.roles.app,
        maintenance: task.settings.roles.maintenance,
      },
    });
    try {
      const summary = await ingestBodies(db, {
        org: task.orgId,
        source: "alertmanager",
        inputs: [{ name: "bench-5mib.json", bytes }],
      });
      return { count: summary.stored };
    } finally {
      await db.close();
    }
  }
  const result = await exportOrganization(task.settings, task.orgId, task.dir);
  return { count: result.files.reduce((total, file) => total + file.rows, 0) };
}

async function main(): Promise<void> {
  const task = JSON.parse(process.env.AURORA_BENCH_TASK!) as ProbeTask;
  let count = 0;
  let peak!: Awaited<ReturnType<typeof samplePeakRss<void>>>;
  const millis = await timeOnce(async () => {
    peak = await samplePeakRss(async () => {
      count = (await runTask(task)).count;
    });
  });
  const result: ProbeResult = {
    startRss: peak.startRss,
    peakRss: peak.peakRss,
    millis,
    count,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (
  process.env.AURORA_BENCH_TASK &&
  process.argv[1] === fileURLToPath(import.meta.url)
) {
  await main();
}
