/**
 * Pagination of one org's incident list through the service
 * (`listIncidents`, keyset on (created_at, id)) in `withTenant` units: page
 * 1, 100 and 1,000 of 50 incidents each. Deep keyset pages cost about as
 * much as the first; the same pages read with OFFSET are shown for contrast.
 */
import { createDb, type Db } from "../../src/pool/index.ts";
import { listIncidents } from "../../src/services/index.ts";
import { encodeCursor } from "../../src/services/pagination.ts";
import { repetitions, type BenchContext, type Scenario } from "../context.ts";
import { ensureIncidents, ensureOrganizations, formatCount } from "../data.ts";
import { pairedMillis } from "../measure.ts";
import { compared, type ResultRow } from "../report.ts";

const PAGE_SIZE = 50;

const OFFSET_PAGE = `select id, title, status, created_at from incidents
  where org_id = (select current_org_id())
  order by created_at desc, id desc limit $1 offset $2`;

export const pagination: Scenario = {
  name: "pagination",
  summary: "keyset pages 1, 100 and 1,000 of one org's incident list",
  async run(context: BenchContext): Promise<ResultRow[]> {
    const { bench, quick } = context;
    const pages = quick ? [1, 10, 100] : [1, 100, 1000];
    const incidentCount = pages.at(-1)! * PAGE_SIZE + 1000;
    const [orgId] = await ensureOrganizations(bench.root, "pages", 1);
    await ensureIncidents(bench.root, [orgId!], incidentCount);
    const db = createDb({
      url: bench.settings.appUrl,
      roles: { app: bench.settings.roles.app },
      max: 2,
    });
    const size = `${formatCount(incidentCount)} incidents in one org, ${PAGE_SIZE} a page`;
    const reps = repetitions(quick);
    const runs = { warmup: reps.warmup * 5, runs: reps.runs * 10 };
    try {
      const keysetPage = (after: string | null) => () =>
        db.withTenant({ orgId: orgId! }, (tx) =>
          listIncidents(tx, { after, limit: PAGE_SIZE }),
        );
      const offsetPage = (page: number) => () =>
        db.withTenant({ orgId: orgId! }, (tx) =>
          tx.query(OFFSET_PAGE, [PAGE_SIZE, (page - 1) * PAGE_SIZE]),
        );
      const rows: ResultRow[] = [];
      for (const page of pages.slice(1)) {
        const after = await cursorBefore(context, orgId!, page);
        await assertPage(db, orgId!, after, page);
        context.log(`pagination: page ${page}`);
        const keyset = await pairedMillis(
          keysetPage(null),
          keysetPage(after),
          runs,
        );
        rows.push(
          compared(
            {
              scenario: "5 pagination",
              case: `keyset page ${formatCount(page)}`,
              size,
              baseline: { label: "page 1", value: keyset.baseline, unit: "ms" },
              measured: {
                label: `page ${formatCount(page)}`,
                value: keyset.measured,
                unit: "ms",
              },
              higherIsBetter: false,
            },
            { max: 1.5 },
          ),
        );
        const offset = await pairedMillis(
          offsetPage(1),
          offsetPage(page),
          runs,
        );
        rows.push({
          scenario: "5 pagination",
          case: `OFFSET page ${formatCount(page)} (contrast)`,
          size,
          baseline: {
            label: "OFFSET page 1",
            value: offset.baseline,
            unit: "ms",
          },
          measured: {
            label: `OFFSET page ${formatCount(page)}`,
            value: offset.measured,
            unit: "ms",
          },
          higherIsBetter: false,
        });
      }
      return rows;
    } finally {
      await db.close();
    }
  },
};

/** Returns the cursor that `listIncidents` gives for the last row before `page`. */
async function cursorBefore(
  context: BenchContext,
  orgId: string,
  page: number,
): Promise<string> {
  const { rows } = await context.bench.maintenance.query<{
    time: string;
    id: string;
  }>(
    `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as time, id
       from incidents where org_id = $1
      order by created_at desc, id desc offset $2 limit 1`,
    [orgId, (page - 1) * PAGE_SIZE - 1],
  );
  return encodeCursor("incidents", rows[0]!);
}

/** Checks that the keyset page contains the same rows as the OFFSET page. */
async function assertPage(
  db: Db,
  orgId: string,
  after: string,
  page: number,
): Promise<void> {
  const [keyset, offset] = await db.withTenant({ orgId }, async (tx) => [
    await listIncidents(tx, { after, limit: PAGE_SIZE }),
    await tx.query(OFFSET_PAGE, [PAGE_SIZE, (page - 1) * PAGE_SIZE]),
  ]);
  const keysetIds = keyset.items.map((item) => item.id).join(",");
  const offsetIds = offset.rows.map((row) => row.id).join(",");
  if (keysetIds !== offsetIds || offset.rowCount !== PAGE_SIZE) {
    throw new Error(`keyset page ${page} differs from OFFSET page ${page}`);
  }
}
