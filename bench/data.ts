/**
 * Bulk loading of benchmark data as the superuser. Rows are generated inside
 * PostgreSQL with generate_series, with `session_replication_role = replica`
 * so that triggers and foreign key checks (which only matter for rows written
 * through the app) do not run per row. Every loader first checks whether the
 * data is already there, so that `--keep` reruns skip it.
 */
import type pg from "pg";

/** Returns the ids of organizations `<prefix>-<n>`, creating the missing ones. */
export async function ensureOrganizations(
  root: pg.Pool,
  prefix: string,
  count: number,
): Promise<string[]> {
  await root.query(
    `insert into organizations (slug, name)
     select $1 || '-' || n, 'Benchmark ' || $1 || ' ' || n from generate_series(1, $2) as n
     on conflict (slug) do nothing`,
    [prefix, count],
  );
  const { rows } = await root.query<{ id: string }>(
    `select id from organizations
      where slug = any (select $1 || '-' || n from generate_series(1, $2) as n)
      order by slug`,
    [prefix, count],
  );
  return rows.map((row) => row.id);
}

/**
 * Gives each org exactly `perOrg` incidents, one a minute going back from now,
 * every fifth one open. Returns false when they were already there.
 */
export async function ensureIncidents(
  root: pg.Pool,
  orgIds: readonly string[],
  perOrg: number,
): Promise<boolean> {
  const { rows } = await root.query<{ count: string }>(
    "select count(*) as count from incidents where org_id = any($1::uuid[])",
    [orgIds],
  );
  if (Number(rows[0]!.count) === orgIds.length * perOrg) {
    return false;
  }
  const client = await root.connect();
  try {
    await client.query("begin");
    await client.query("set local session_replication_role = replica");
    await client.query("delete from incidents where org_id = any($1::uuid[])", [
      orgIds,
    ]);
    await client.query(
      `insert into incidents (org_id, title, status, severity, service, started_at, created_at)
       select org_id,
              'Incident ' || n || ' on service-' || (n % 40),
              (case when n % 5 = 0 then 'investigating' else 'resolved' end)::incident_status,
              (array['critical', 'high', 'medium', 'low', 'info'])[1 + n % 5]::severity,
              'service-' || (n % 40),
              now() - n * interval '1 minute',
              now() - n * interval '1 minute'
         from unnest($1::uuid[]) as org_id, generate_series(1, $2) as n`,
      [orgIds, perOrg],
    );
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  await root.query("vacuum analyze incidents");
  return true;
}

/** Returns `count` incident ids of the org, newest first. */
export async function incidentIds(
  root: pg.Pool,
  orgId: string,
  count: number,
): Promise<string[]> {
  const { rows } = await root.query<{ id: string }>(
    "select id from incidents where org_id = $1 order by created_at desc limit $2",
    [orgId, count],
  );
  return rows.map((row) => row.id);
}

export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}
