/**
 * Shared setup of the ingest, Kubernetes sync and CLI tests: a cloned test
 * database, the tenant-aware pool on it as the app role, and organizations
 * created through the superuser pool.
 */

import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../src/config/project.ts";
import { createDb, type Db } from "../../src/pool/index.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

export { projectRoot };

/** Public sample payloads kept beside the project; absent on some machines. */
export const samplesDir = path.resolve(projectRoot, "..", "shared", "samples");

export const alertFixturesDir = path.join(
  projectRoot,
  "test",
  "fixtures",
  "alerts",
);

export const k8sFixturesDir = path.join(projectRoot, "test", "fixtures", "k8s");

/** Returns whether the samples folder exists, printing a note when it does not. */
export function samplesPresent(suite: string): boolean {
  if (existsSync(samplesDir)) return true;
  console.log(`${suite}: skipped, ${samplesDir} is absent`);
  return false;
}

export interface Organization {
  id: string;
  slug: string;
}

export interface Harness {
  database: TestDatabase;
  /** The pool as the app role, with the maintenance role for slug lookups. */
  db: Db;
  /** Creates an organization (as the superuser) and returns it. */
  newOrg(): Promise<Organization>;
  /** Rows of `table` in the organization, read past row-level security. */
  count(table: string, orgId: string): Promise<number>;
  close(): Promise<void>;
}

export async function openHarness(): Promise<Harness> {
  const database = await createTestDatabase();
  const { settings } = database;
  const db = createDb({
    url: settings.appUrl,
    maintenanceUrl: settings.maintenanceUrl,
    roles: { app: settings.roles.app, maintenance: settings.roles.maintenance },
  });
  return {
    database,
    db,
    async newOrg() {
      const id = randomUUID();
      const slug = `org-${id.slice(0, 8)}`;
      await database.root.query(
        "insert into organizations (id, slug, name) values ($1, $2, $3)",
        [id, slug, `Test ${slug}`],
      );
      return { id, slug };
    },
    async count(table, orgId) {
      const { rows } = await database.root.query<{ count: string }>(
        `select count(*) from ${table} where org_id = $1`,
        [orgId],
      );
      return Number(rows[0]!.count);
    },
    async close() {
      await db.close();
      await database.drop();
    },
  };
}

/** Bytes of a JSON value, for bodies built in a test. */
export function jsonBytes(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), "utf8");
}

/** Builds an Alertmanager webhook body (version 4) with the given alerts. */
export function alertmanagerBody(
  alerts: Array<{
    name: string;
    service?: string;
    startsAt: string;
    endsAt?: string;
    status?: "firing" | "resolved";
    summary?: string;
    instance?: string;
  }>,
): Buffer {
  const status = alerts.every((alert) => alert.status === "resolved")
    ? "resolved"
    : "firing";
  return jsonBytes({
    version: "4",
    groupKey: '{}:{alertname="test"}',
    status,
    receiver: "aurora",
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: "http://alertmanager.example:9093",
    alerts: alerts.map((alert) => ({
      status: alert.status ?? "firing",
      labels: {
        alertname: alert.name,
        severity: "critical",
        instance: alert.instance ?? "node-1",
        ...(alert.service ? { service: alert.service } : {}),
      },
      annotations: { summary: alert.summary ?? alert.name },
      startsAt: alert.startsAt,
      endsAt: alert.endsAt ?? "0001-01-01T00:00:00Z",
      generatorURL: "http://prometheus.example:9090/graph",
    })),
  });
}
