import { randomUUID } from "node:crypto";

import pg from "pg";
import { test } from "uvu";
import * as assert from "uvu/assert";

import { ValidationError } from "../../src/errors.ts";
import { createDb, type Db } from "../../src/pool/index.ts";
import { spyOnPoolClients, waitFor } from "./pool-spy.ts";
import {
  createScratchDatabase,
  newOrgIds,
  seedNotes,
  type ScratchDatabase,
} from "./scratch-database.ts";

const ORG_COUNT = 20;
const UNIT_COUNT = 2000;

let scratch: ScratchDatabase;
const orgIds = newOrgIds(ORG_COUNT);
/** One user per org, owning one private note. */
const userIds = orgIds.map(() => randomUUID());

test.before(async () => {
  scratch = await createScratchDatabase();
  for (const [index, orgId] of orgIds.entries()) {
    const bodies = Array.from({ length: index + 1 }, (_, n) => `${orgId}/${n}`);
    await seedNotes(scratch.root, orgId, bodies);
    await scratch.root.query(
      "insert into private_notes (org_id, user_id, body) values ($1, $2, $3), ($1, $4, $5)",
      [orgId, userIds[index], `mine ${index}`, randomUUID(), `other ${index}`],
    );
  }
});

test.after(async () => {
  await scratch?.drop();
});

function openDb(max: number): Db {
  return createDb({
    url: scratch.appUrl,
    roles: { app: scratch.appRole },
    max,
    acquireTimeoutMillis: 120_000,
  });
}

class PlannedFailure extends Error {}

interface Mismatch {
  unit: number;
  problem: string;
}

/**
 * Runs one unit of a given kind and returns what it saw that it should not
 * have, or an empty list.
 */
async function runMixedUnit(db: Db, unit: number): Promise<Mismatch[]> {
  const orgIndex = unit % ORG_COUNT;
  const orgId = orgIds[orgIndex]!;
  const userId = userIds[orgIndex]!;
  const mismatches: Mismatch[] = [];
  const expect = (condition: boolean, problem: string) => {
    if (!condition) mismatches.push({ unit, problem });
  };
  switch (unit % 5) {
    case 0: {
      const rows = await db.withTenant({ orgId }, async (tx) => {
        const result = await tx.query("select org_id, body from notes");
        return result.rows;
      });
      expect(rows.length === orgIndex + 1, `saw ${rows.length} notes`);
      expect(
        rows.every((row) => row.org_id === orgId),
        "saw another org note",
      );
      break;
    }
    case 1: {
      const error = await db
        .withTenant({ orgId, userId }, async (tx) => {
          await tx.query("insert into notes (org_id, body) values ($1, $2)", [
            orgId,
            `rolled back ${unit}`,
          ]);
          const seen = await tx.query("select org_id from notes");
          expect(
            seen.rows.every((row) => row.org_id === orgId),
            "saw another org note before throwing",
          );
          throw new PlannedFailure(`unit ${unit}`);
        })
        .catch((caught: unknown) => caught);
      expect(error instanceof PlannedFailure, "did not rethrow work error");
      break;
    }
    case 2: {
      const rows = await db.withTenant({ orgId, userId }, async (tx) => {
        return (
          await tx.query("select org_id, user_id, body from private_notes")
        ).rows;
      });
      expect(rows.length === 1, `saw ${rows.length} private notes with user`);
      expect(rows[0]?.user_id === userId, "saw another user private note");
      break;
    }
    case 3: {
      const seen = await db.withTenant({ orgId }, async (tx) => {
        const privateRows = await tx.query("select body from private_notes");
        const settings = await tx.query(
          `select current_setting('aurora.org_id') as org_id,
                  current_setting('aurora.user_id') as user_id`,
        );
        return { privateRows: privateRows.rows, settings: settings.rows[0]! };
      });
      expect(seen.privateRows.length === 0, "saw private notes without user");
      expect(seen.settings.org_id === orgId, "org setting is not own org");
      expect(seen.settings.user_id === "", "user setting leaked into unit");
      break;
    }
    default: {
      await db.withTenant({ orgId }, async (tx) => {
        await tx.query("insert into tags (org_id, name) values ($1, $2)", [
          orgId,
          `unit ${unit}`,
        ]);
      });
      break;
    }
  }
  return mismatches;
}

/** Reads notes on a session that never set a tenant context, while units run. */
async function readWithoutContext(
  client: pg.Client,
  times: number,
): Promise<number[]> {
  const counts: number[] = [];
  for (let read = 0; read < times; read++) {
    const result = await client.query(
      "select count(*)::int as count from notes",
    );
    counts.push(result.rows[0].count);
  }
  return counts;
}

async function runInterleavedUnits(max: number): Promise<void> {
  await scratch.root.query("delete from tags");
  const db = openDb(max);
  const noContextClient = new pg.Client({ connectionString: scratch.appUrl });
  await noContextClient.connect();
  try {
    const units = Array.from({ length: UNIT_COUNT }, (_, unit) =>
      runMixedUnit(db, unit),
    );
    const noContextCounts = readWithoutContext(noContextClient, 50);
    const mismatches = (await Promise.all(units)).flat();

    assert.equal(mismatches.slice(0, 5), [], "units saw foreign rows");
    assert.ok(
      (await noContextCounts).every((count) => count === 0),
      "a session without context saw notes",
    );
    const notes = await scratch.root.query(
      "select count(*)::int as count from notes where body like 'rolled back%'",
    );
    assert.is(notes.rows[0].count, 0, "a thrown unit kept its insert");
    const misplacedTags = await scratch.root.query(
      `select count(*)::int as count from tags
        where (split_part(name, ' ', 2)::int % $1) <> array_position($2::uuid[], org_id) - 1`,
      [ORG_COUNT, orgIds],
    );
    assert.is(misplacedTags.rows[0].count, 0, "a tag landed in another org");
    const tags = await scratch.root.query(
      "select count(*)::int as count from tags",
    );
    assert.is(tags.rows[0].count, UNIT_COUNT / 5, "committed tags are missing");
  } finally {
    await noContextClient.end();
    await db.close();
  }
}

test("context never leaks with a pool of 1", async () => {
  await runInterleavedUnits(1);
});

test("context never leaks with a pool of 10", async () => {
  await runInterleavedUnits(10);
});

test("settings do not outlive the unit", async () => {
  const spy = spyOnPoolClients();
  const db = openDb(1);
  const [orgId] = orgIds;
  try {
    await db.withTenant({ orgId: orgId!, userId: userIds[0] }, async (tx) => {
      await tx.query("select 1");
    });
    await db
      .withTenant({ orgId: orgId!, userId: userIds[0] }, async (tx) => {
        await tx.query("insert into tags (org_id, name) values ($1, $2)", [
          orgId,
          "settings check",
        ]);
        throw new PlannedFailure("roll back");
      })
      .catch(() => undefined);
    assert.ok(await waitFor(() => db.stats().idle === 1), "client not idle");
    assert.is(spy.clients.size, 1);
    // Read the session of the pool's only connection directly, between units.
    const [client] = [...spy.clients];
    const session = await client!.query(
      `select current_setting('aurora.org_id', true) as org_id,
              current_setting('aurora.user_id', true) as user_id,
              current_user as role`,
    );
    assert.is(session.rows[0].org_id, "", "org id survived the unit");
    assert.is(session.rows[0].user_id, "", "user id survived the unit");
    assert.is(session.rows[0].role, scratch.appRole);
  } finally {
    spy.restore();
    await db.close();
  }
});

test("unit without user sees no user id", async () => {
  const db = openDb(1);
  try {
    await db.withTenant({ orgId: orgIds[0]!, userId: userIds[0] }, (tx) =>
      tx.query("select 1"),
    );
    const seen = await db.withTenant({ orgId: orgIds[1]! }, async (tx) => {
      const settings = await tx.query(
        `select current_setting('aurora.org_id') as org_id,
                current_setting('aurora.user_id') as user_id`,
      );
      const row = settings.rows[0]!;
      return { orgId: row.org_id, userId: row.user_id, txUserId: tx.userId };
    });
    assert.is(seen.orgId, orgIds[1]);
    assert.is(seen.userId, "");
    assert.is(seen.txUserId, null);
  } finally {
    await db.close();
  }
});

const INVALID_IDS: unknown[] = [
  "",
  "abc",
  "not-a-uuid-at-all-not-a-uuid-at-all",
  "3f2b8c1e9a4d4e7b8c215d6f7a8b9c0d",
  "{3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d}",
  "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d\n",
  " 3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d",
  "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0g",
  "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d' or true --",
  123,
  null,
  undefined,
  { id: "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d" },
];

test("rejects invalid orgId before SQL", async () => {
  const db = openDb(2);
  let workCalls = 0;
  try {
    for (const orgId of INVALID_IDS) {
      const error = await db
        .withTenant({ orgId } as never, async () => {
          workCalls += 1;
        })
        .catch((caught: unknown) => caught);
      assert.instance(error, ValidationError, `accepted ${String(orgId)}`);
      const validation = error as ValidationError;
      assert.is(validation.issues[0]?.path, "/orgId");
      assert.match(validation.message, /orgId/);
      assert.match(validation.message, /8-4-4-4-12/);
      if (typeof orgId === "string" && orgId.length > 0) {
        assert.ok(
          validation.message.includes(JSON.stringify(orgId)),
          `message does not name ${JSON.stringify(orgId)}`,
        );
      }
    }
    assert.is(workCalls, 0, "work ran with an invalid orgId");
    assert.is(db.stats().total, 0, "a connection was opened");
  } finally {
    await db.close();
  }
});

test("rejects invalid userId before SQL", async () => {
  const db = openDb(2);
  try {
    for (const userId of INVALID_IDS.filter((id) => id != null)) {
      const error = await db
        .withTenant({ orgId: orgIds[0]!, userId } as never, async () => {})
        .catch((caught: unknown) => caught);
      assert.instance(error, ValidationError, `accepted ${String(userId)}`);
      assert.is((error as ValidationError).issues[0]?.path, "/userId");
      assert.match((error as ValidationError).message, /userId/);
    }
    assert.is(db.stats().total, 0, "a connection was opened");
  } finally {
    await db.close();
  }
});

test("rejects a missing context object", async () => {
  const db = openDb(1);
  try {
    for (const context of [undefined, null, "org"]) {
      const error = await db
        .withTenant(context as never, async () => {})
        .catch((caught: unknown) => caught);
      assert.instance(error, ValidationError);
    }
  } finally {
    await db.close();
  }
});

test("lowercases an uppercase UUID", async () => {
  const db = openDb(1);
  const orgId = orgIds[2]!;
  try {
    const seen = await db.withTenant(
      { orgId: orgId.toUpperCase() },
      async (tx) => {
        const rows = await tx.query("select org_id from notes");
        return { txOrgId: tx.orgId, count: rows.rowCount };
      },
    );
    assert.is(seen.txOrgId, orgId);
    assert.is(seen.count, 3);
  } finally {
    await db.close();
  }
});

test.run();
