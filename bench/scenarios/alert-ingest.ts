/**
 * Alert ingest through the full path (`ingestBodies`: parse, validate,
 * normalise, upsert with dedup, correlate into incidents, one transaction per
 * body) against COPY of the same alerts, already normalised, into the same
 * table as the superuser. Also the peak memory of a process that ingests one
 * 5 MiB body.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";

import { from as copyFrom } from "pg-copy-streams";

import { upsertGrafanaAlerts } from "../../generated/monitoring.queries.ts";
import { alertRow } from "../../src/ingest/alert-rows.ts";
import { parseAlerts } from "../../src/ingest/index.ts";
import { ingestBodies, type IngestInput } from "../../src/ingest/ingest.ts";
import { createDb, type Db } from "../../src/pool/index.ts";
import { alertGroupBody, alertsForBytes, copyRows } from "../alert-bodies.ts";
import { repetitions, type BenchContext, type Scenario } from "../context.ts";
import { ensureOrganizations, formatCount } from "../data.ts";
import { MIB, pairedRates } from "../measure.ts";
import { runProbe } from "../memory-probe.ts";
import { compared, type ResultRow } from "../report.ts";

const MEMORY_BODY_BYTES = 5 * MIB;
const MEMORY_LIMIT_BYTES = 256 * MIB;

export const alertIngest: Scenario = {
  name: "alert-ingest",
  summary: "ingestBodies alerts/s versus COPY, and memory for a 5 MiB body",
  async run(context: BenchContext): Promise<ResultRow[]> {
    const { bench, quick } = context;
    const [ingestOrg, copyOrg, memoryOrg] = await ensureOrganizations(
      bench.root,
      "ingest",
      3,
    );
    await bench.root.query(
      `delete from grafana_alerts where org_id = any($1::uuid[])`,
      [[ingestOrg, copyOrg, memoryOrg]],
    );
    const db = createDb({
      url: bench.settings.appUrl,
      maintenanceUrl: bench.settings.maintenanceUrl,
      roles: {
        app: bench.settings.roles.app,
        maintenance: bench.settings.roles.maintenance,
      },
    });
    const rows: ResultRow[] = [];
    try {
      const shapes = quick
        ? [
            { alertsPerBody: 1, bodies: 50 },
            { alertsPerBody: 200, bodies: 3 },
          ]
        : [
            { alertsPerBody: 1, bodies: 200 },
            { alertsPerBody: 200, bodies: 5 },
          ];
      for (const shape of shapes) {
        context.log(`alert-ingest: bodies of ${shape.alertsPerBody}`);
        rows.push(
          ...(await ingestRate(context, db, ingestOrg!, copyOrg!, shape)),
        );
      }
      context.log("alert-ingest: 5 MiB body in its own process");
      rows.push(await ingestMemory(context, memoryOrg!));
      return rows;
    } finally {
      await db.close();
    }
  },
};

async function ingestRate(
  context: BenchContext,
  db: Db,
  ingestOrg: string,
  copyOrg: string,
  shape: { alertsPerBody: number; bodies: number },
): Promise<ResultRow[]> {
  const { bench, quick } = context;
  const alerts = shape.alertsPerBody * shape.bodies;
  const bodiesOf = (prefix: string, run: number): IngestInput[] =>
    Array.from({ length: shape.bodies }, (_, body) => ({
      name: `body-${body}.json`,
      bytes: alertGroupBody(`${prefix}${run}-${body}`, shape.alertsPerBody),
    }));
  // Bodies and COPY text are built before the clock starts.
  const reps = repetitions(quick);
  const ingestInputs = new Map<number, IngestInput[]>();
  for (let run = -reps.warmup; run < reps.runs; run++) {
    ingestInputs.set(run, bodiesOf(`s${shape.alertsPerBody}i`, run));
  }
  /** COPY text per run, with fingerprints of its own for each comparison. */
  const copyTexts = (prefix: string) => {
    const texts = new Map<number, string>();
    for (let run = -reps.warmup; run < reps.runs; run++) {
      const lines = bodiesOf(prefix, run).flatMap((input) => {
        const copy = copyRows(copyOrg, input.bytes);
        columns = copy.columns;
        return copy.lines;
      });
      texts.set(run, lines.map((line) => `${line}\n`).join(""));
    }
    return texts;
  };
  let columns: string[] = [];
  const ingest = async (run: number) => {
    const summary = await ingestBodies(db, {
      org: ingestOrg,
      source: "alertmanager",
      inputs: ingestInputs.get(run)!,
    });
    if (summary.inserted !== alerts) {
      throw new Error(
        `ingest inserted ${summary.inserted} of ${alerts} alerts`,
      );
    }
  };
  const copyFromTexts = (texts: Map<number, string>) => async (run: number) => {
    const client = await bench.root.connect();
    try {
      const stream = client.query(
        copyFrom(`copy grafana_alerts (${columns.join(", ")}) from stdin`),
      );
      await pipeline(Readable.from([texts.get(run)!]), stream);
    } finally {
      client.release();
    }
  };
  const copy = copyFromTexts(copyTexts(`s${shape.alertsPerBody}c`));
  const rates = await pairedRates(copy, ingest, alerts, reps);
  const rows = [
    compared(
      {
        scenario: "3 alert ingest",
        case: `bodies of ${shape.alertsPerBody} alert${shape.alertsPerBody === 1 ? "" : "s"}`,
        size: `${formatCount(shape.bodies)} Alertmanager bodies, ${formatCount(alerts)} alerts a run`,
        baseline: { label: "COPY", value: rates.baseline, unit: "alerts/s" },
        measured: {
          label: "ingestBodies",
          value: rates.measured,
          unit: "alerts/s",
        },
        higherIsBetter: true,
      },
      shape.alertsPerBody === 200 ? { min: 0.3 } : undefined,
    ),
  ];
  if (shape.alertsPerBody > 1) {
    // Parse and upsert without correlation, to show which part costs what.
    const upsert = async (run: number) => {
      for (const input of bodiesOf(`s${shape.alertsPerBody}u`, run)) {
        const { alerts: parsed } = parseAlerts(
          "alertmanager",
          input.bytes,
          input.name,
        );
        await db.withTenant({ orgId: ingestOrg }, (tx) =>
          upsertGrafanaAlerts.run(
            { alerts: JSON.stringify(parsed.map(alertRow)) },
            tx,
          ),
        );
      }
    };
    const copyAgain = copyFromTexts(copyTexts(`s${shape.alertsPerBody}d`));
    const upsertRates = await pairedRates(copyAgain, upsert, alerts, reps);
    rows.push({
      scenario: "3 alert ingest",
      case: `bodies of ${shape.alertsPerBody}: parse + upsert only`,
      size: `${formatCount(shape.bodies)} Alertmanager bodies, ${formatCount(alerts)} alerts a run`,
      baseline: {
        label: "COPY",
        value: upsertRates.baseline,
        unit: "alerts/s",
      },
      measured: {
        label: "parse + upsert",
        value: upsertRates.measured,
        unit: "alerts/s",
      },
      higherIsBetter: true,
      note: "no correlation; builds bodies inside the timed run",
    });
  }
  return rows;
}

async function ingestMemory(
  context: BenchContext,
  orgId: string,
): Promise<ResultRow> {
  const count = alertsForBytes(MEMORY_BODY_BYTES);
  const body = alertGroupBody("memory", count);
  const dir = await mkdtemp(path.join(os.tmpdir(), "aurora-bench-"));
  try {
    const bodyFile = path.join(dir, "body.json");
    await writeFile(bodyFile, body);
    const result = await runProbe({
      kind: "ingest",
      settings: context.bench.settings,
      orgId,
      bodyFile,
    });
    const peakMib = result.peakRss / MIB;
    return {
      scenario: "3 alert ingest",
      case: "peak memory, one 5 MiB body",
      size: `${(body.byteLength / MIB).toFixed(1)} MiB body, ${formatCount(count)} alerts`,
      baseline: {
        label: "process start",
        value: result.startRss / MIB,
        unit: "MiB RSS",
      },
      measured: { label: "peak", value: peakMib, unit: "MiB RSS" },
      higherIsBetter: false,
      target: {
        text: "peak < 256 MiB",
        met: result.peakRss < MEMORY_LIMIT_BYTES,
      },
      note: `stored ${formatCount(result.count)} alerts in ${(result.millis / 1000).toFixed(1)} s`,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
