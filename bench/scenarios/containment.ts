/**
 * JSONB containment search (`payload @> $2`) over grafana_alerts, whose
 * GIN index grafana_alerts_org_id_payload_idx covers (org_id, payload
 * jsonb_path_ops). The app role runs the query under row-level security and
 * the maintenance role (BYPASSRLS) runs the same text.
 *
 * Under row-level security, PostgreSQL evaluates a query's own conditions
 * only after the policy's, unless their functions are leakproof, and it
 * applies the same rule to index conditions. jsonb_contains, behind `@>`, is
 * not leakproof, so the app role's plan can use the index only for org_id.
 * The scenario measures both roles, then measures the app role again with
 * jsonb_contains marked leakproof in the bench database, and records the plans.
 */
import pg from "pg";

import { repetitions, type BenchContext, type Scenario } from "../context.ts";
import { ensureOrganizations, formatCount } from "../data.ts";
import { median, timeOnce } from "../measure.ts";
import type { ResultRow } from "../report.ts";

const ORG_COUNT = 10;

const SEARCH = `select id, title from grafana_alerts
  where org_id = $1 and payload @> $2::jsonb`;

const PATTERN = JSON.stringify({ labels: { alertname: "Alert7" } });

export const containment: Scenario = {
  name: "containment",
  summary: "JSONB @> search on alerts under RLS, with plans",
  async run(context: BenchContext): Promise<ResultRow[]> {
    const { bench, quick } = context;
    const total = quick ? 50_000 : 200_000;
    const orgIds = await ensureOrganizations(bench.root, "search", ORG_COUNT);
    context.log(`containment: loading ${formatCount(total)} alerts`);
    await ensureAlerts(bench.root, orgIds, total / ORG_COUNT);
    const app = await connect(bench.settings.appUrl);
    const bypass = await connect(bench.settings.maintenanceUrl);
    const size = `${formatCount(total)} alerts in ${ORG_COUNT} orgs`;
    const reps = repetitions(quick);
    try {
      await app.query("begin");
      const timings = await timeBoth(app, bypass, orgIds, reps.runs * 4);
      const plans = [await explain("App role (RLS)", app, orgIds[0]!)];
      plans.push(
        await explain("Maintenance role (BYPASSRLS)", bypass, orgIds[0]!),
      );
      await app.query("commit");
      const leakproof = await withLeakproofContains(bench.root, async () => {
        await app.query("begin");
        try {
          const times = await timeBoth(app, bypass, orgIds, reps.runs * 4);
          plans.push(
            await explain(
              "App role (RLS), jsonb_contains marked leakproof",
              app,
              orgIds[0]!,
            ),
          );
          return times;
        } finally {
          await app.query("commit");
        }
      });
      context.addSection("Containment search: plans", plans.join("\n\n"));
      return [
        {
          scenario: "6 containment",
          case: "payload @> pattern, 1 org",
          size,
          baseline: { label: "BYPASSRLS", value: timings.bypass, unit: "ms" },
          measured: { label: "app role, RLS", value: timings.app, unit: "ms" },
          higherIsBetter: false,
          note: "app role: GIN used for org_id only",
        },
        {
          scenario: "6 containment",
          case: "same, jsonb_contains leakproof",
          size,
          baseline: { label: "BYPASSRLS", value: leakproof.bypass, unit: "ms" },
          measured: {
            label: "app role, RLS",
            value: leakproof.app,
            unit: "ms",
          },
          higherIsBetter: false,
          note: "superuser catalog change, bench database only",
        },
      ];
    } finally {
      await app.end();
      await bypass.end();
    }
  },
};

/** Gives each org exactly `perOrg` alerts whose payload labels repeat every 500 alerts. */
async function ensureAlerts(
  root: pg.Pool,
  orgIds: readonly string[],
  perOrg: number,
): Promise<void> {
  const { rows } = await root.query<{ count: string }>(
    "select count(*) as count from grafana_alerts where org_id = any($1::uuid[])",
    [orgIds],
  );
  if (Number(rows[0]!.count) === orgIds.length * perOrg) {
    return;
  }
  const client = await root.connect();
  try {
    await client.query("begin");
    await client.query("set local session_replication_role = replica");
    await client.query(
      "delete from grafana_alerts where org_id = any($1::uuid[])",
      [orgIds],
    );
    await client.query(
      `insert into grafana_alerts
         (org_id, dedup_key, fingerprint, title, state, source_state, service, labels, payload, format)
       select org_id, 'search-' || n, md5(n::text), 'Alert' || (n % 500) || ' on service-' || (n % 50),
              'firing', 'firing', 'service-' || (n % 50), labels,
              jsonb_build_object('status', 'firing', 'labels', labels,
                'annotations', jsonb_build_object('summary', 'Alert number ' || n),
                'startsAt', '2026-11-30T09:00:00Z', 'fingerprint', md5(n::text)),
              'alertmanager'
         from unnest($1::uuid[]) as org_id, generate_series(1, $2) as n,
              lateral (select jsonb_build_object('alertname', 'Alert' || (n % 500),
                         'service', 'service-' || (n % 50), 'pod', 'pod-' || n) as labels) as l`,
      [orgIds, perOrg],
    );
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  await root.query("vacuum analyze grafana_alerts");
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function setOrg(client: pg.Client, orgId: string): Promise<void> {
  await client.query("select set_config('aurora.org_id', $1, true)", [orgId]);
}

async function timeBoth(
  app: pg.Client,
  bypass: pg.Client,
  orgIds: readonly string[],
  runs: number,
): Promise<{ app: number; bypass: number }> {
  const appMillis: number[] = [];
  const bypassMillis: number[] = [];
  for (let run = -1; run < runs; run++) {
    for (const orgId of orgIds) {
      await setOrg(app, orgId);
      const appTime = await timeOnce(() => app.query(SEARCH, [orgId, PATTERN]));
      const bypassTime = await timeOnce(() =>
        bypass.query(SEARCH, [orgId, PATTERN]),
      );
      if (run >= 0) {
        appMillis.push(appTime);
        bypassMillis.push(bypassTime);
      }
    }
  }
  return { app: median(appMillis), bypass: median(bypassMillis) };
}

async function explain(
  title: string,
  client: pg.Client,
  orgId: string,
): Promise<string> {
  if (title.startsWith("App")) {
    await setOrg(client, orgId);
  }
  const { rows } = await client.query(
    `explain (analyze, costs off, timing off, summary off) ${SEARCH}`,
    [orgId, PATTERN],
  );
  const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
  return `${title}:\n\n\`\`\`\n${plan}\n\`\`\``;
}

/**
 * Runs `task` with jsonb_contains marked leakproof in the bench database (a
 * superuser-only catalog change, local to that database), then restores it.
 */
async function withLeakproofContains<T>(
  root: pg.Pool,
  task: () => Promise<T>,
): Promise<T> {
  await root.query(
    "alter function pg_catalog.jsonb_contains(jsonb, jsonb) leakproof",
  );
  try {
    return await task();
  } finally {
    await root.query(
      "alter function pg_catalog.jsonb_contains(jsonb, jsonb) not leakproof",
    );
  }
}
