/**
 * Cost of row-level security: the incident list (latest 50 of an org, in
 * the keyset order) and the count of open incidents, as the app role under
 * RLS against the maintenance role (BYPASSRLS). Both send the same text with
 * an explicit `org_id = $1`; under RLS the policy adds its own org check.
 * Each query is one round trip on a dedicated connection; the tenant context
 * is set in an untimed statement before it.
 */
import pg from "pg";

import { repetitions, type BenchContext, type Scenario } from "../context.ts";
import { ensureIncidents, ensureOrganizations, formatCount } from "../data.ts";
import { median, timeOnce } from "../measure.ts";
import { compared, type ResultRow } from "../report.ts";

const ORG_COUNT = 100;

const LIST = `select id, title, status, severity, service, started_at, created_at
  from incidents where org_id = $1
  order by created_at desc, id desc limit 50`;

const OPEN_COUNT = `select count(*)::int as count from incidents
  where org_id = $1 and status in ('investigating', 'analyzed')`;

export const rlsCost: Scenario = {
  name: "rls-cost",
  summary: "incident list and open count, app role under RLS vs BYPASSRLS",
  async run(context: BenchContext): Promise<ResultRow[]> {
    const { bench, quick } = context;
    const perOrg = quick ? 1000 : 10_000;
    const orgIds = await ensureOrganizations(bench.root, "rls", ORG_COUNT);
    context.log(
      `rls-cost: loading ${formatCount(perOrg * ORG_COUNT)} incidents`,
    );
    await ensureIncidents(bench.root, orgIds, perOrg);
    const app = await connect(bench.settings.appUrl);
    const bypass = await connect(bench.settings.maintenanceUrl);
    const size = `${formatCount(perOrg * ORG_COUNT)} incidents in ${ORG_COUNT} orgs`;
    try {
      await app.query("begin");
      await bypass.query("begin");
      const rows: ResultRow[] = [];
      for (const [name, text] of [
        ["incident list, latest 50", LIST],
        ["open incident count", OPEN_COUNT],
      ] as const) {
        context.log(`rls-cost: ${name}`);
        const millis = await timeEachOrg(app, bypass, text, orgIds, quick);
        rows.push(
          compared(
            {
              scenario: "2 RLS cost",
              case: name,
              size,
              baseline: {
                label: "BYPASSRLS",
                value: millis.bypass,
                unit: "ms",
              },
              measured: {
                label: "app role, RLS",
                value: millis.app,
                unit: "ms",
              },
              higherIsBetter: false,
            },
            { max: 1.05 },
          ),
        );
      }
      context.addSection(
        "RLS cost: plans of the incident list",
        await plans(app, bypass, orgIds[0]!),
      );
      return rows;
    } finally {
      await app.end();
      await bypass.end();
    }
  },
};

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function setOrg(client: pg.Client, orgId: string): Promise<void> {
  await client.query("select set_config('aurora.org_id', $1, true)", [orgId]);
}

/** Runs the query for every org on both connections, alternating; returns median milliseconds. */
async function timeEachOrg(
  app: pg.Client,
  bypass: pg.Client,
  text: string,
  orgIds: readonly string[],
  quick: boolean,
): Promise<{ app: number; bypass: number }> {
  const reps = repetitions(quick);
  const appMillis: number[] = [];
  const bypassMillis: number[] = [];
  for (let run = -reps.warmup; run < reps.runs; run++) {
    for (const orgId of orgIds) {
      await setOrg(app, orgId);
      const appTime = await timeOnce(() => app.query(text, [orgId]));
      const bypassTime = await timeOnce(() => bypass.query(text, [orgId]));
      if (run >= 0) {
        appMillis.push(appTime);
        bypassMillis.push(bypassTime);
      }
    }
  }
  return { app: median(appMillis), bypass: median(bypassMillis) };
}

async function plans(
  app: pg.Client,
  bypass: pg.Client,
  orgId: string,
): Promise<string> {
  await setOrg(app, orgId);
  const explain = async (client: pg.Client) => {
    const { rows } = await client.query(`explain (costs off) ${LIST}`, [orgId]);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  };
  return [
    "App role (RLS):",
    "",
    "```",
    await explain(app),
    "```",
    "",
    "Maintenance role (BYPASSRLS):",
    "",
    "```",
    await explain(bypass),
    "```",
  ].join("\n");
}
