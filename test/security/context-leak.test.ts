import { randomUUID } from "node:crypto";

import pg from "pg";
import { test } from "uvu";
import * as assert from "uvu/assert";

import { createDb, type Db } from "../../src/pool/index.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { spyOnPoolClients, waitFor } from "../pool/pool-spy.ts";

/**
 * The tenant context of one unit of work never reaches another unit, nor a
 * session that set no context, on the real schema and through the pool that
 * services use. Thousands of units for many organizations run interleaved,
 * some writing, some throwing midway, some pausing between statements.
 *
 * With AURORA_TEST_PROXY set (a PgBouncer in transaction pooling mode), the
 * app role's connections go through the proxy, which hands one server
 * connection to many client connections in turn.
 */

const ORG_COUNT = 20;
const UNIT_COUNT = 2400;

let database: TestDatabase;
const orgIds = Array.from({ length: ORG_COUNT }, () => randomUUID());
const userIds = orgIds.map(() => randomUUID());

/** Incidents seeded for the org at `index`: index + 1, so every org has its own count. */
function seededCount(index: number): number {
  return index + 1;
}

test.before(async () => {
  database = await createTestDatabase();
  await database.root.query(
    `insert into organizations (id, slug, name)
     select id, 'leak-' || n, 'Leak test ' || n
       from unnest($1::uuid[]) with ordinality as org (id, n)`,
    [orgIds],
  );
  for (const [index, orgId] of orgIds.entries()) {
    await database.root.query(
      `insert into incidents (org_id, title)
       select $1::uuid, $1::text || ' seeded ' || n from generate_series(1, $2) as n`,
      [orgId, seededCount(index)],
    );
  }
});

test.after(async () => {
  await database?.drop();
});

function openDb(max: number): Db {
  const { settings } = database;
  return createDb({
    url: settings.appUrl,
    maintenanceUrl: settings.maintenanceUrl,
    roles: { app: settings.roles.app, maintenance: settings.roles.maintenance },
    max,
    acquireTimeoutMillis: 120_000,
  });
}

class PlannedFailure extends Error {}

/** What one unit saw that it should not have. */
type Problems = string[];

interface IncidentRow {
  org_id: string;
  title: string;
}

function checkOwnRows(
  rows: IncidentRow[],
  orgId: string,
  problems: Problems,
): void {
  for (const row of rows) {
    if (row.org_id !== orgId || !row.title.startsWith(orgId)) {
      problems.push(`saw an incident of org ${row.org_id}`);
      return;
    }
  }
}

/** Runs unit number `unit`; its kind is `unit % 6`. Returns what it saw wrongly. */
async function runUnit(db: Db, unit: number): Promise<Problems> {
  const orgIndex = unit % ORG_COUNT;
  const orgId = orgIds[orgIndex]!;
  const userId = userIds[orgIndex]!;
  const problems: Problems = [];
  switch (unit % 6) {
    case 0: {
      const rows = await db.withTenant({ orgId }, async (tx) => {
        return (
          await tx.query<IncidentRow>("select org_id, title from incidents")
        ).rows;
      });
      checkOwnRows(rows, orgId, problems);
      if (rows.length < seededCount(orgIndex)) {
        problems.push(`saw ${rows.length} incidents`);
      }
      break;
    }
    case 1: {
      const error = await db
        .withTenant({ orgId, userId }, async (tx) => {
          await tx.query(
            "insert into incidents (org_id, title) values (current_org_id(), $1)",
            [`${orgId} rolled back ${unit}`],
          );
          const rows = await tx.query<IncidentRow>(
            "select org_id, title from incidents",
          );
          checkOwnRows(rows.rows, orgId, problems);
          throw new PlannedFailure(`unit ${unit}`);
        })
        .catch((caught: unknown) => caught);
      if (!(error instanceof PlannedFailure)) {
        problems.push(`failed with ${String(error)} instead of its own error`);
      }
      break;
    }
    case 2: {
      await db.withTenant({ orgId }, (tx) =>
        tx.query(
          "insert into incidents (org_id, title) values (current_org_id(), $1)",
          [`${orgId} committed ${unit}`],
        ),
      );
      break;
    }
    case 3: {
      const settings = await db.withTenant({ orgId, userId }, async (tx) => {
        const result = await tx.query(
          `select current_setting('aurora.org_id') as org_id,
                  current_setting('aurora.user_id') as user_id,
                  current_user as role`,
        );
        return result.rows[0]!;
      });
      if (settings.org_id !== orgId) problems.push("org setting is not own");
      if (settings.user_id !== userId) problems.push("user setting is not own");
      if (settings.role !== database.settings.roles.app) {
        problems.push(`ran as ${settings.role}`);
      }
      break;
    }
    case 4: {
      // No user: a user id set by an earlier unit must not show through.
      const userSetting = await db.withTenant({ orgId }, async (tx) => {
        const result = await tx.query(
          "select current_setting('aurora.user_id') as user_id",
        );
        return result.rows[0]!.user_id;
      });
      if (userSetting !== "") problems.push("saw a user id without a user");
      break;
    }
    default: {
      // Pauses between statements, so that other units run in between.
      await db.withTenant({ orgId }, async (tx) => {
        const first = await tx.query<IncidentRow>(
          "select org_id, title from incidents",
        );
        await new Promise((resolve) => setImmediate(resolve));
        const second = await tx.query(
          "select current_setting('aurora.org_id') as org_id",
        );
        checkOwnRows(first.rows, orgId, problems);
        if (second.rows[0]!.org_id !== orgId) {
          problems.push("context changed inside the unit");
        }
      });
      break;
    }
  }
  return problems.map((problem) => `unit ${unit}: ${problem}`);
}

/**
 * Reads as the app role without any context, on connections of its own,
 * while the units run. Returns what the reads saw that they should not have.
 */
async function readWithoutContext(
  pool: pg.Pool,
  reads: number,
): Promise<Problems> {
  const problems: Problems = [];
  for (let read = 0; read < reads; read++) {
    const result = await pool.query(
      `select count(*)::int as count,
              coalesce(current_setting('aurora.org_id', true), '') as org_id,
              coalesce(current_setting('aurora.user_id', true), '') as user_id
         from incidents`,
    );
    const row = result.rows[0];
    if (row.count !== 0)
      problems.push(`read ${read} saw ${row.count} incidents`);
    if (row.org_id !== "") problems.push(`read ${read} saw org ${row.org_id}`);
    if (row.user_id !== "")
      problems.push(`read ${read} saw user ${row.user_id}`);
  }
  return problems;
}

async function countIncidents(titlePattern: string): Promise<number> {
  const result = await database.root.query(
    "select count(*)::int as count from incidents where title like $1",
    [titlePattern],
  );
  return result.rows[0].count;
}

async function runInterleaved(max: number): Promise<void> {
  const committedBefore = await countIncidents("% committed %");
  const db = openDb(max);
  const noContext = new pg.Pool({
    connectionString: database.settings.appUrl,
    max: 2,
  });
  // An idle connection that the server ends must not crash the test run.
  noContext.on("error", () => {});
  try {
    const units = Array.from({ length: UNIT_COUNT }, (_, unit) =>
      runUnit(db, unit),
    );
    const bystanders = readWithoutContext(noContext, 200);
    const problems = (await Promise.all(units)).flat();
    assert.equal(problems.slice(0, 5), [], "units saw another tenant");
    assert.equal(
      (await bystanders).slice(0, 5),
      [],
      "a session without context saw a tenant",
    );
  } finally {
    await noContext.end();
    await db.close();
  }
  assert.is(await countIncidents("% rolled back %"), 0, "a thrown unit wrote");
  const committed = (await countIncidents("% committed %")) - committedBefore;
  assert.is(committed, UNIT_COUNT / 6, "committed incidents are missing");
  const misplaced = await database.root.query(
    "select count(*)::int as count from incidents where title not like org_id::text || '%'",
  );
  assert.is(misplaced.rows[0].count, 0, "an incident landed in another org");
}

test("context never leaks with a pool of 1", async () => {
  await runInterleaved(1);
});

test("context never leaks with a pool of 10", async () => {
  await runInterleaved(10);
});

test("connection keeps no context after units", async () => {
  const spy = spyOnPoolClients();
  const db = openDb(1);
  try {
    await db.withTenant({ orgId: orgIds[0]!, userId: userIds[0] }, (tx) =>
      tx.query("select count(*) from incidents"),
    );
    await db
      .withTenant({ orgId: orgIds[1]!, userId: userIds[1] }, async (tx) => {
        await tx.query(
          "insert into incidents (org_id, title) values (current_org_id(), $1)",
          [`${orgIds[1]} rolled back raw`],
        );
        throw new PlannedFailure("raw check");
      })
      .catch(() => undefined);
    await db.withTenant({ orgId: orgIds[2]!, userId: userIds[2] }, (tx) =>
      tx.query("select count(*) from incidents"),
    );
    // A unit that wrote nothing ends its transaction on the next event-loop
    // turn, so wait for the server to show no open transaction.
    const ended = await waitFor(async () => {
      const open = await database.root.query(
        `select count(*)::int as count from pg_stat_activity
          where datname = $1 and state like 'idle in transaction%'`,
        [database.name],
      );
      return open.rows[0].count === 0;
    });
    assert.ok(ended, "a unit's transaction stayed open");
    assert.is(spy.clients.size, 1);
    const [client] = [...spy.clients];
    const session = await client!.query(
      `select coalesce(current_setting('aurora.org_id', true), '') as org_id,
              coalesce(current_setting('aurora.user_id', true), '') as user_id,
              current_user as role,
              (select count(*)::int from incidents) as count`,
    );
    assert.is(session.rows[0].org_id, "", "org id survived the units");
    assert.is(session.rows[0].user_id, "", "user id survived the units");
    assert.is(session.rows[0].role, database.settings.roles.app);
    assert.is(session.rows[0].count, 0, "the session still sees incidents");
  } finally {
    spy.restore();
    await db.close();
  }
});

test("new session sees no context afterwards", async () => {
  const db = openDb(10);
  try {
    await Promise.all(
      orgIds.map((orgId, index) =>
        db.withTenant({ orgId, userId: userIds[index] }, (tx) =>
          tx.query("select count(*) from incidents"),
        ),
      ),
    );
  } finally {
    await db.close();
  }
  // Behind PgBouncer these sessions get the server connections that the
  // units just used.
  const sessions = new pg.Pool({
    connectionString: database.settings.appUrl,
    max: 5,
  });
  sessions.on("error", () => {});
  try {
    const reads = await Promise.all(
      Array.from({ length: 20 }, () =>
        sessions.query(
          `select coalesce(current_setting('aurora.org_id', true), '') as org_id,
                  (select count(*)::int from incidents) as count`,
        ),
      ),
    );
    for (const read of reads) {
      assert.is(read.rows[0].org_id, "");
      assert.is(read.rows[0].count, 0);
    }
  } finally {
    await sessions.end();
  }
});

test.run();
