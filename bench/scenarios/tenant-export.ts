/**
 * Tenant export: `exportOrganization` (src/ops/export.ts) of one org's rows,
 * in a process of its own so that its peak resident set size is its own,
 * against COPY of the same rows as JSON lines to a file. Measured at two
 * sizes of the org, to show that memory stays flat as the org grows.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";

import { to as copyTo } from "pg-copy-streams";

import { repetitions, type BenchContext, type Scenario } from "../context.ts";
import { ensureIncidents, ensureOrganizations, formatCount } from "../data.ts";
import { MIB, median, timeOnce } from "../measure.ts";
import { runProbe, type ProbeResult } from "../memory-probe.ts";
import type { ResultRow } from "../report.ts";

/** Peak memory at the larger size may exceed the smaller size's by this factor at most. */
const FLAT_MEMORY_FACTOR = 1.25;

export const tenantExport: Scenario = {
  name: "tenant-export",
  summary: "exportOrganization rows/s and peak memory at two org sizes",
  async run(context: BenchContext): Promise<ResultRow[]> {
    const { bench, quick } = context;
    const sizes = quick ? [10_000, 100_000] : [100_000, 1_000_000];
    const [orgId] = await ensureOrganizations(bench.root, "export", 1);
    const dir = await mkdtemp(path.join(os.tmpdir(), "aurora-bench-export-"));
    const rows: ResultRow[] = [];
    const peaks: number[] = [];
    try {
      for (const [index, incidents] of sizes.entries()) {
        context.log(`tenant-export: ${formatCount(incidents)} incidents`);
        await ensureIncidents(bench.root, [orgId!], incidents);
        // The larger size runs once: one export of it takes tens of seconds.
        const runs = index === 0 ? repetitions(quick).runs : 1;
        const exports: ProbeResult[] = [];
        const copies: number[] = [];
        for (let run = 0; run < runs; run++) {
          const target = path.join(dir, `export-${incidents}-${run}`);
          exports.push(
            await runProbe({
              kind: "export",
              settings: bench.settings,
              orgId: orgId!,
              dir: target,
            }),
          );
          await rm(target, { recursive: true, force: true });
          copies.push(
            await copyIncidents(context, orgId!, path.join(dir, "copy.ndjson")),
          );
        }
        const exported = exports[0]!.count;
        const peak = median(exports.map((result) => result.peakRss));
        peaks.push(peak);
        rows.push({
          scenario: "7 tenant export",
          case: `rows/s, ${formatCount(incidents)} incidents`,
          size: `one org, ${formatCount(exported)} rows in all tables`,
          baseline: {
            label: "COPY to file",
            value: incidents / (median(copies) / 1000),
            unit: "rows/s",
          },
          measured: {
            label: "exportOrganization",
            value:
              exported /
              (median(exports.map((result) => result.millis)) / 1000),
            unit: "rows/s",
          },
          higherIsBetter: true,
          note: `median of ${runs} run${runs === 1 ? "" : "s"}`,
        });
        rows.push({
          scenario: "7 tenant export",
          case: `peak memory, ${formatCount(incidents)} incidents`,
          size: `one org, ${formatCount(exported)} rows in all tables`,
          baseline:
            index === 0
              ? {
                  label: "process start",
                  value: exports[0]!.startRss / MIB,
                  unit: "MiB RSS",
                }
              : {
                  label: `peak at ${formatCount(sizes[0]!)}`,
                  value: peaks[0]! / MIB,
                  unit: "MiB RSS",
                },
          measured: { label: "peak", value: peak / MIB, unit: "MiB RSS" },
          higherIsBetter: false,
          target:
            index === 0
              ? undefined
              : {
                  text: `flat: <= ${FLAT_MEMORY_FACTOR}x the smaller org's peak`,
                  met: peak <= peaks[0]! * FLAT_MEMORY_FACTOR,
                },
        });
      }
      return rows;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

/** COPYs the org's incidents as JSON lines into `file`; returns the milliseconds taken. */
async function copyIncidents(
  context: BenchContext,
  orgId: string,
  file: string,
): Promise<number> {
  const client = await context.bench.root.connect();
  try {
    const literal = client.escapeLiteral(orgId);
    return await timeOnce(async () => {
      const stream = client.query(
        copyTo(
          `copy (select row_to_json(t)::text from incidents as t
                  where org_id = ${literal} order by org_id, id) to stdout`,
        ),
      );
      await pipeline(stream, createWriteStream(file));
    });
  } finally {
    client.release();
    await rm(file, { force: true });
  }
}
