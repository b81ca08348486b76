/**
 * Tenant read: one indexed single-row read as a `withTenant` unit of work
 * (transaction, role switch, tenant context, row-level security). The
 * baseline sends the same statement, and nothing else, through a bare pg
 * Pool of the maintenance role, which bypasses row-level security.
 */
import { createDb, type Db } from "../../src/pool/index.ts";
import { repetitions, type BenchContext, type Scenario } from "../context.ts";
import {
  ensureIncidents,
  ensureOrganizations,
  formatCount,
  incidentIds,
} from "../data.ts";
import { pairedRates, runConcurrently } from "../measure.ts";
import { compared, type ResultRow } from "../report.ts";

const ORG_COUNT = 10;
const INCIDENTS_PER_ORG = 100;
const POOL_SIZE = 10;
const CALLERS = 8;
const READS_PER_UNIT = 10;

const READ =
  "select id, title, status, severity, started_at from incidents where org_id = $1 and id = $2";

interface Target {
  orgId: string;
  id: string;
}

export const tenantRead: Scenario = {
  name: "tenant-read",
  summary: "withTenant single-row read versus a bare pg Pool",
  async run(context: BenchContext): Promise<ResultRow[]> {
    const { bench, quick } = context;
    const orgIds = await ensureOrganizations(bench.root, "read", ORG_COUNT);
    await ensureIncidents(bench.root, orgIds, INCIDENTS_PER_ORG);
    const targets: Target[] = [];
    for (const orgId of orgIds) {
      for (const id of await incidentIds(
        bench.root,
        orgId,
        INCIDENTS_PER_ORG,
      )) {
        targets.push({ orgId, id });
      }
    }
    const pick = (index: number) => targets[(index * 7919) % targets.length]!;
    const reps = repetitions(quick);
    const operations = quick ? 400 : 2000;
    const db = createDb({
      url: bench.settings.appUrl,
      roles: { app: bench.settings.roles.app },
      max: POOL_SIZE,
    });
    const bare = bench.maintenance;
    const size = `${formatCount(ORG_COUNT * INCIDENTS_PER_ORG)} incidents in ${ORG_COUNT} orgs, pool of ${POOL_SIZE}`;
    try {
      const readInUnit = async (index: number) => {
        const target = pick(index);
        const result = await db.withTenant({ orgId: target.orgId }, (tx) =>
          tx.query(READ, [target.orgId, target.id]),
        );
        assertOneRow(result.rowCount);
      };
      const readBare = async (index: number) => {
        const target = pick(index);
        const result = await bare.query(READ, [target.orgId, target.id]);
        assertOneRow(result.rowCount ?? 0);
      };
      const sequential = (read: (index: number) => Promise<void>) => () =>
        runConcurrently(operations, 1, read);
      const concurrent = (read: (index: number) => Promise<void>) => () =>
        runConcurrently(operations * 2, CALLERS, read);

      const rows: ResultRow[] = [];
      context.log("tenant-read: sequential");
      const single = await pairedRates(
        sequential(readBare),
        sequential(readInUnit),
        operations,
        reps,
      );
      rows.push({
        scenario: "1 tenant read",
        case: "single read, 1 caller",
        size,
        baseline: figure("bare pool", single.baseline),
        measured: figure("withTenant", single.measured),
        higherIsBetter: true,
      });
      context.log(`tenant-read: ${CALLERS} callers`);
      const parallel = await pairedRates(
        concurrent(readBare),
        concurrent(readInUnit),
        operations * 2,
        reps,
      );
      rows.push(
        compared(
          {
            scenario: "1 tenant read",
            case: `single read, ${CALLERS} callers`,
            size,
            baseline: figure("bare pool", parallel.baseline),
            measured: figure("withTenant", parallel.measured),
            higherIsBetter: true,
          },
          { min: 0.8 },
        ),
      );
      context.log("tenant-read: 10 reads per unit");
      rows.push(await tenReads(db, bare, pick, operations / 10, reps, size));
      return rows;
    } finally {
      await db.close();
    }
  },
};

async function tenReads(
  db: Db,
  bare: import("pg").Pool,
  pick: (index: number) => Target,
  units: number,
  reps: ReturnType<typeof repetitions>,
  size: string,
): Promise<ResultRow> {
  const unitOfReads = async (unit: number) => {
    const first = pick(unit * READS_PER_UNIT);
    await db.withTenant({ orgId: first.orgId }, async (tx) => {
      for (let read = 0; read < READS_PER_UNIT; read++) {
        const result = await tx.query(READ, [
          first.orgId,
          pick(unit * READS_PER_UNIT + read).id,
        ]);
        // Reads of other orgs' ids find nothing under row-level security.
        if (read === 0) assertOneRow(result.rowCount);
      }
    });
  };
  const bareReads = async (unit: number) => {
    const first = pick(unit * READS_PER_UNIT);
    for (let read = 0; read < READS_PER_UNIT; read++) {
      const result = await bare.query(READ, [
        first.orgId,
        pick(unit * READS_PER_UNIT + read).id,
      ]);
      if (read === 0) assertOneRow(result.rowCount ?? 0);
    }
  };
  const run = (task: (unit: number) => Promise<void>) => () =>
    runConcurrently(units, 1, task);
  const rates = await pairedRates(
    run(bareReads),
    run(unitOfReads),
    units,
    reps,
  );
  return compared(
    {
      scenario: "1 tenant read",
      case: `unit of ${READS_PER_UNIT} reads, 1 caller`,
      size,
      baseline: figure(
        `${READS_PER_UNIT} bare reads`,
        rates.baseline,
        "groups/s",
      ),
      measured: figure("withTenant unit", rates.measured, "groups/s"),
      higherIsBetter: true,
    },
    { min: 0.85 },
  );
}

function figure(label: string, value: number, unit = "reads/s") {
  return { label, value, unit };
}

function assertOneRow(count: number): void {
  if (count !== 1) {
    throw new Error(`the benchmark read found ${count} rows instead of 1`);
  }
}
