/**
 * Shared setup of the service tests: a database cloned from the migrated
 * template and a tenant-aware pool logged in as the app role. Tenants
 * (organizations with member users) are seeded as the superuser, so tests do
 * not pay for bcrypt on every user.
 */
import { randomUUID } from "node:crypto";

import * as assert from "uvu/assert";

import { createDb, type Db } from "../../src/pool/index.ts";
import type { TenantTransaction } from "../../src/pool/index.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

export interface ServiceDatabase {
  database: TestDatabase;
  db: Db;
  close(): Promise<void>;
}

export async function openServiceDatabase(): Promise<ServiceDatabase> {
  const database = await createTestDatabase();
  const db = createDb({
    url: database.settings.appUrl,
    maintenanceUrl: database.settings.maintenanceUrl,
    roles: {
      app: database.settings.roles.app,
      maintenance: database.settings.roles.maintenance,
    },
    max: 4,
  });
  return {
    database,
    db,
    async close() {
      await db.close();
      await database.drop();
    },
  };
}

export interface Tenant {
  orgId: string;
  /** The owner of the organization. */
  userId: string;
  /** A second member (role member). */
  memberId: string;
}

let seededTenants = 0;

/** Inserts an organization with an owner and a member, as the superuser. */
export async function seedTenant(database: TestDatabase): Promise<Tenant> {
  seededTenants += 1;
  const tenant = {
    orgId: randomUUID(),
    userId: randomUUID(),
    memberId: randomUUID(),
  };
  const suffix = `${seededTenants}-${tenant.orgId.slice(0, 8)}`;
  await database.root.query(
    `insert into organizations (id, slug, name) values ($1, $2, $3)`,
    [tenant.orgId, `org-${suffix}`, `Organization ${suffix}`],
  );
  await database.root.query(
    `insert into users (id, email) values ($1, $2), ($3, $4)`,
    [
      tenant.userId,
      `owner-${suffix}@example.com`,
      tenant.memberId,
      `member-${suffix}@example.com`,
    ],
  );
  await database.root.query(
    `insert into org_members (org_id, user_id, role) values ($1, $2, 'owner'), ($1, $3, 'member')`,
    [tenant.orgId, tenant.userId, tenant.memberId],
  );
  return tenant;
}

/** Runs `work` in a committed unit of work as the tenant's owner. */
export function asOwner<T>(
  db: Db,
  tenant: Tenant,
  work: (tx: TenantTransaction) => Promise<T>,
): Promise<T> {
  return db.withTenant({ orgId: tenant.orgId, userId: tenant.userId }, work);
}

/** Counts rows of `table` as the superuser, which bypasses row-level security. */
export async function countRows(
  database: TestDatabase,
  table: string,
): Promise<number> {
  const { rows } = await database.root.query<{ count: number }>(
    `select count(*)::int as count from ${table}`,
  );
  return rows[0]!.count;
}

/** Returns the error that `promise` rejects with, and fails the test when it resolves or throws another type. */
export async function rejectsWith<E extends Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  let outcome: unknown;
  try {
    await promise;
  } catch (error) {
    outcome = error;
  }
  if (!(outcome instanceof type)) {
    const got =
      outcome instanceof Error
        ? `${outcome.name}: ${outcome.message}`
        : "no error";
    assert.unreachable(`expected ${type.name}, got ${got}`);
  }
  return outcome as E;
}

/** Inserts a grafana alert as the superuser and returns its id. */
export async function seedGrafanaAlert(
  database: TestDatabase,
  orgId: string,
  title = "High latency",
): Promise<string> {
  const key = randomUUID();
  const { rows } = await database.root.query<{ id: string }>(
    `insert into grafana_alerts
       (org_id, dedup_key, fingerprint, title, state, source_state, service, payload, format)
     values ($1, $2, $3, $4, 'firing', 'alerting', 'checkout', '{"alerts": [{}]}', 'unified')
     returning id`,
    [orgId, key, key, title],
  );
  return rows[0]!.id;
}
