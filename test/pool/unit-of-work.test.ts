import { sql, type IDatabaseConnection } from "@pgtyped/runtime";
import { test } from "uvu";
import * as assert from "uvu/assert";

import {
  ConfigurationError,
  ConflictError,
  DatabaseError,
} from "../../src/errors.ts";
import {
  createDb,
  type Db,
  type DbOptions,
  type TenantTransaction,
} from "../../src/pool/index.ts";
import { spyOnPoolClients, waitFor } from "./pool-spy.ts";
import {
  createScratchDatabase,
  newOrgIds,
  seedNotes,
  type ScratchDatabase,
} from "./scratch-database.ts";

let scratch: ScratchDatabase;
const [orgA, orgB] = newOrgIds(2) as [string, string];

test.before(async () => {
  scratch = await createScratchDatabase();
  await seedNotes(scratch.root, orgA, ["a1", "a2"]);
  await seedNotes(scratch.root, orgB, ["b1"]);
});

test.after(async () => {
  await scratch?.drop();
});

function openDb(options: DbOptions = {}): Db {
  return createDb({
    url: scratch.appUrl,
    maintenanceUrl: scratch.maintenanceUrl,
    roles: { app: scratch.appRole, maintenance: scratch.maintenanceRole },
    max: 1,
    ...options,
  });
}

async function countTags(orgId: string): Promise<number> {
  const result = await scratch.root.query(
    "select count(*)::int as count from tags where org_id = $1",
    [orgId],
  );
  return result.rows[0].count;
}

/** Counts the scratch database's connections that are idle inside a transaction. */
async function openTransactions(): Promise<number> {
  const result = await scratch.root.query(
    `select count(*)::int as count from pg_stat_activity
      where datname = $1 and state like 'idle in transaction%'`,
    [scratch.name],
  );
  return result.rows[0].count;
}

async function withDb(
  run: (db: Db) => Promise<void>,
  options?: DbOptions,
): Promise<void> {
  const db = openDb(options);
  try {
    await run(db);
  } finally {
    await db.close();
  }
}

test("single read costs one round trip", async () => {
  const spy = spyOnPoolClients();
  try {
    await withDb(async (db) => {
      const result = await db.withTenant({ orgId: orgA }, (tx) =>
        tx.query("select body from notes order by body"),
      );
      // The caller has its rows after the one pipelined round trip, and the
      // client is back in the pool with its COMMIT deferred.
      assert.equal(result.rows, [{ body: "a1" }, { body: "a2" }]);
      assert.equal(spy.queries, ["submittable"]);
      assert.is(db.stats().idle, 1, "client not returned at once");
      // Left idle, the client sends the deferred COMMIT on its own.
      assert.ok(
        await waitFor(() => spy.queries.length === 2),
        "deferred COMMIT never sent",
      );
      assert.equal(spy.queries, ["submittable", "commit"]);
      assert.ok(
        await waitFor(async () => (await openTransactions()) === 0),
        "transaction still open",
      );
    });
  } finally {
    spy.restore();
  }
});

test("next unit carries the deferred commit", async () => {
  const spy = spyOnPoolClients();
  try {
    await withDb(async (db) => {
      const first = await db.withTenant({ orgId: orgA }, (tx) =>
        tx.query("select count(*)::int as count from notes"),
      );
      const second = await db.withTenant({ orgId: orgB }, (tx) =>
        tx.query("select count(*)::int as count from notes"),
      );
      assert.is(first.rows[0]!.count, 2);
      assert.is(second.rows[0]!.count, 1);
      // No COMMIT of its own: it travelled at the head of the second batch.
      assert.equal(spy.queries, ["submittable", "submittable"]);
      assert.is(spy.clients.size, 1);
    });
  } finally {
    spy.restore();
  }
});

test("deferred commit ends the earlier context", async () => {
  const [userA] = newOrgIds(1) as [string];
  await withDb(async (db) => {
    await db.withTenant({ orgId: orgA, userId: userA }, async (tx) => {
      await tx.query("set local statement_timeout = 1234");
      await tx.query("select set_config('aurora.leftover', 'a', true)");
    });
    const seen = await db.withTenant({ orgId: orgB }, async (tx) => {
      const result = await tx.query(
        `select current_setting('aurora.org_id') as org_id,
                current_setting('aurora.user_id') as user_id,
                current_setting('aurora.leftover', true) as leftover,
                current_setting('statement_timeout') as timeout,
                (select count(*)::int from notes) as notes`,
      );
      return result.rows[0]!;
    });
    assert.is(seen.org_id, orgB);
    assert.is(seen.user_id, "");
    assert.ok(!seen.leftover, "a setting of the earlier unit survived");
    assert.is.not(seen.timeout, "1234ms");
    assert.is(seen.notes, 1);
  });
});

test("unit that never begins keeps the connection", async () => {
  const entries: string[] = [];
  const logger = {
    warn: (message: string) => entries.push(message),
    error: (message: string) => entries.push(message),
  };
  await withDb(
    async (db) => {
      await db.withTenant({ orgId: orgA }, (tx) => tx.query("select 1"));
      // This unit gets the client while its COMMIT is still owed.
      await db.withTenant({ orgId: orgA }, async () => "no queries");
      await db
        .withTenant({ orgId: orgA }, async () => {
          throw new Error("planned");
        })
        .catch(() => undefined);
      assert.ok(await waitFor(async () => (await openTransactions()) === 0));
      assert.is(db.stats().total, 1);
      assert.equal(entries, [], "a connection was closed or a COMMIT failed");
    },
    { logger },
  );
});

test("close waits for a deferred commit", async () => {
  const spy = spyOnPoolClients();
  try {
    const db = openDb();
    await db.withTenant({ orgId: orgA }, (tx) => tx.query("select 1"));
    await db.close();
    assert.equal(spy.queries, ["submittable", "commit"]);
    assert.is(await openTransactions(), 0);
  } finally {
    spy.restore();
  }
});

test("write awaits commit before resolving", async () => {
  const spy = spyOnPoolClients();
  try {
    await withDb(async (db) => {
      await db.withTenant({ orgId: orgA }, async (tx) => {
        await tx.query("insert into tags (org_id, name) values ($1, $2)", [
          orgA,
          "written",
        ]);
      });
      assert.is(db.stats().idle, 1, "resolved before COMMIT finished");
      assert.is(await countTags(orgA), 1);
      assert.equal(spy.queries, ["submittable", "commit"]);
    });
  } finally {
    spy.restore();
    await scratch.root.query("delete from tags");
  }
});

test("notification awaits commit", async () => {
  await withDb(async (db) => {
    await db.withTenant({ orgId: orgA }, (tx) =>
      tx.query("select pg_notify('unit_of_work_test', 'sent')"),
    );
    assert.is(db.stats().idle, 1, "resolved before COMMIT delivered it");
  });
});

test("later queries skip the prelude", async () => {
  const spy = spyOnPoolClients();
  try {
    await withDb(async (db) => {
      const count = await db.withTenant({ orgId: orgA }, async (tx) => {
        await tx.query("select 1");
        await tx.query("select 2");
        const settings = await tx.query(
          "select current_setting('aurora.org_id') as org_id",
        );
        return settings.rows[0]!.org_id;
      });
      assert.is(count, orgA);
      assert.equal(spy.queries, ["submittable", "submittable", "submittable"]);
    });
  } finally {
    spy.restore();
  }
});

test("unit without queries sends nothing", async () => {
  const spy = spyOnPoolClients();
  try {
    await withDb(async (db) => {
      const value = await db.withTenant({ orgId: orgA }, async () => 42);
      assert.is(value, 42);
      assert.equal(spy.queries, []);
    });
  } finally {
    spy.restore();
  }
});

test("rollback on throw writes nothing", async () => {
  await withDb(async (db) => {
    const thrown = new Error("work failed midway");
    const error = await db
      .withTenant({ orgId: orgA }, async (tx) => {
        await tx.query("insert into tags (org_id, name) values ($1, $2)", [
          orgA,
          "never kept",
        ]);
        throw thrown;
      })
      .catch((caught: unknown) => caught);
    assert.is(error, thrown, "work error was not re-thrown as is");
    assert.is(await countTags(orgA), 0);
    // The connection is reusable after the rollback.
    const rows = await db.withTenant({ orgId: orgA }, async (tx) => {
      return (await tx.query("select body from notes")).rowCount;
    });
    assert.is(rows, 2);
  });
});

test("failed statement error is mapped", async () => {
  await withDb(async (db) => {
    await db.withTenant({ orgId: orgA }, (tx) =>
      tx.query("insert into tags (org_id, name) values ($1, 'dup')", [orgA]),
    );
    const error = await db
      .withTenant({ orgId: orgA }, (tx) =>
        tx.query("insert into tags (org_id, name) values ($1, 'dup')", [orgA]),
      )
      .catch((caught: unknown) => caught);
    assert.instance(error, ConflictError);
    assert.is(await countTags(orgA), 1);
  });
  await scratch.root.query("delete from tags");
});

test("caught failure after a write fails the unit", async () => {
  await withDb(async (db) => {
    const error = await db
      .withTenant({ orgId: orgA }, async (tx) => {
        await tx.query("insert into tags (org_id, name) values ($1, $2)", [
          orgA,
          "lost",
        ]);
        await tx.query("select 1 / 0").catch(() => undefined);
        return "done";
      })
      .catch((caught: unknown) => caught);
    assert.instance(error, DatabaseError);
    assert.match((error as Error).message, /rolled back, not committed/);
    assert.is(await countTags(orgA), 0);
  });
});

test("caught failure in a read unit resolves", async () => {
  await withDb(async (db) => {
    const value = await db.withTenant({ orgId: orgA }, async (tx) => {
      const rows = await tx.query("select body from notes");
      await tx.query("select 1 / 0").catch(() => undefined);
      return rows.rowCount;
    });
    assert.is(value, 2);
  });
});

test("savepoint recovers a failed statement", async () => {
  await withDb(async (db) => {
    await db.withTenant({ orgId: orgA }, async (tx) => {
      await tx.query("savepoint before_division");
      await tx.query("select 1 / 0").catch(() => undefined);
      await tx.query("rollback to savepoint before_division");
      await tx.query("insert into tags (org_id, name) values ($1, $2)", [
        orgA,
        "after savepoint",
      ]);
    });
    assert.is(await countTags(orgA), 1);
  });
  await scratch.root.query("delete from tags");
});

test("tx is unusable after the unit", async () => {
  await withDb(async (db) => {
    let saved: TenantTransaction | undefined;
    await db.withTenant({ orgId: orgA }, async (tx) => {
      saved = tx;
      await tx.query("select 1");
    });
    const afterCommit = await saved!
      .query("select 1")
      .catch((caught: unknown) => caught);
    assert.instance(afterCommit, Error);
    assert.match((afterCommit as Error).message, /transaction has ended/);

    await db
      .withTenant({ orgId: orgA }, async (tx) => {
        saved = tx;
        throw new Error("planned");
      })
      .catch(() => undefined);
    const afterRollback = await saved!
      .query("select 1")
      .catch((caught: unknown) => caught);
    assert.match((afterRollback as Error).message, /transaction has ended/);
  });
});

test("queries run in call order", async () => {
  await withDb(async (db) => {
    const results = await db.withTenant({ orgId: orgA }, (tx) =>
      Promise.all([
        tx.query("select 1 as n"),
        tx.query("select 2 as n"),
        tx.query("select 3 as n"),
      ]),
    );
    assert.equal(
      results.map((result) => result.rows[0]!.n),
      [1, 2, 3],
    );
  });
});

test("rejects transaction and session statements", async () => {
  const rejected = [
    "commit",
    "COMMIT",
    "  -- finish early\n rollback",
    "/* c */ begin",
    "end",
    "set search_path = public",
    "set role postgres",
    "set session aurora.org_id = 1",
    "reset all",
    "discard all",
    "listen somewhere",
    "prepare named as select 1",
  ];
  await withDb(async (db) => {
    for (const statement of rejected) {
      const error = await db
        .withTenant({ orgId: orgA }, (tx) => tx.query(statement))
        .catch((caught: unknown) => caught);
      assert.instance(error, Error, `ran ${statement}`);
      assert.match((error as Error).message, /tx\.query rejected/);
    }
    const allowed = await db.withTenant({ orgId: orgA }, async (tx) => {
      await tx.query("set local statement_timeout = 1000");
      await tx.query("savepoint s");
      await tx.query("rollback to savepoint s");
      await tx.query("release savepoint s");
      return (await tx.query("show statement_timeout")).rows[0]!
        .statement_timeout;
    });
    assert.is(allowed, "1s");
  });
});

test("results parse like pg", async () => {
  const text = `select 1::int4 as int4, 2::int8 as int8, 1.5::numeric as numeric,
    true as bool, '{"a":[1]}'::jsonb as jsonb, '{1,2}'::int[] as ints,
    '2024-01-02T03:04:05Z'::timestamptz as at, null::text as nothing,
    'x' as dup, 'y' as dup`;
  await withDb(async (db) => {
    const ours = await db.withTenant({ orgId: orgA }, (tx) => tx.query(text));
    const theirs = await scratch.root.query(text);
    assert.equal(ours.rows, theirs.rows);
    assert.is(ours.rowCount, 1);
    assert.is(ours.command, "SELECT");
    assert.equal(
      ours.fields.map((field) => field.name),
      theirs.fields.map((field) => field.name),
    );
  });
});

test("parameters convert like pg", async () => {
  const text =
    "select $1::text[] as list, $2::jsonb as doc, $3::timestamptz as at, " +
    "$4::bytea as bytes, $5::int as number, $6::text as nothing";
  const values = [
    ["a", "b,c", null],
    { nested: { ok: true } },
    new Date("2024-05-06T07:08:09.123Z"),
    Buffer.from([0, 1, 255]),
    7,
    undefined,
  ];
  await withDb(async (db) => {
    const ours = await db.withTenant({ orgId: orgA }, (tx) =>
      tx.query(text, values),
    );
    const theirs = await scratch.root.query(text, values);
    assert.equal(ours.rows, theirs.rows);
  });
});

test("unconvertible value keeps the context", async () => {
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  await withDb(async (db) => {
    const seen = await db.withTenant({ orgId: orgA }, async (tx) => {
      const error = await tx
        .query("select $1::jsonb", [circular])
        .catch((caught: unknown) => caught);
      assert.instance(error, TypeError);
      const rows = await tx.query(
        "select current_setting('aurora.org_id') as org_id, count(*)::int as count from notes",
      );
      return rows.rows[0]!;
    });
    assert.is(seen.org_id, orgA);
    assert.is(seen.count, 2);
  });
});

test("command tags give row counts", async () => {
  await withDb(async (db) => {
    const counts = await db.withTenant({ orgId: orgA }, async (tx) => {
      const insert = await tx.query(
        "insert into tags (org_id, name) values ($1, 'x'), ($1, 'y')",
        [orgA],
      );
      const update = await tx.query(
        "update tags set weight = 1 where org_id = $1",
        [orgA],
      );
      const remove = await tx.query("delete from tags where org_id = $1", [
        orgA,
      ]);
      const empty = await tx.query("");
      return [insert, update, remove, empty].map((result) => [
        result.command,
        result.rowCount,
      ]);
    });
    assert.equal(counts, [
      ["INSERT", 2],
      ["UPDATE", 2],
      ["DELETE", 2],
      ["", 0],
    ]);
  });
});

test("pgTyped query runs on tx", async () => {
  const findNotes = sql<{
    params: { prefix: string };
    result: { body: string };
  }>`select body from notes where body like $prefix || '%' order by body`;
  await withDb(async (db) => {
    const bodies = await db.withTenant({ orgId: orgB }, (tx) => {
      const connection: IDatabaseConnection = tx;
      return findNotes.run({ prefix: "b" }, connection);
    });
    assert.equal(bodies, [{ body: "b1" }]);
  });
});

test("withMaintenance sees every org", async () => {
  await withDb(async (db) => {
    const seen = await db.withMaintenance(async (tx) => {
      const result = await tx.query(
        `select count(*)::int as count, current_user as role,
                current_setting('aurora.org_id') as org_id from notes`,
      );
      return result.rows[0]!;
    });
    assert.is(seen.count, 3);
    assert.is(seen.role, scratch.maintenanceRole);
    assert.is(seen.org_id, "");
  });
});

test("withMaintenance needs maintenanceUrl", async () => {
  const db = createDb({ url: scratch.appUrl, roles: { app: scratch.appRole } });
  try {
    const error = await db
      .withMaintenance(async () => 1)
      .catch((caught: unknown) => caught);
    assert.instance(error, ConfigurationError);
    assert.is((error as ConfigurationError).setting, "maintenanceUrl");
  } finally {
    await db.close();
  }
});

test("wrong role fails at setup", async () => {
  await withDb(
    async (db) => {
      const error = await db
        .withTenant({ orgId: orgA }, (tx) => tx.query("select 1"))
        .catch((caught: unknown) => caught);
      assert.instance(error, DatabaseError);
      assert.match((error as Error).message, /as role "pg_write_server_files"/);
      assert.is((error as DatabaseError).sqlState, "42501");
    },
    { roles: { app: "pg_write_server_files" } },
  );
});

test("serializable read awaits commit", async () => {
  await scratch.root.query(
    `alter role ${scratch.appRole} set default_transaction_isolation = 'serializable'`,
  );
  try {
    await withDb(async (db) => {
      const isolation = await db.withTenant({ orgId: orgA }, async (tx) => {
        const rows = await tx.query(
          "select current_setting('transaction_isolation') as level",
        );
        return rows.rows[0]!.level;
      });
      assert.is(isolation, "serializable");
      assert.is(db.stats().idle, 1, "resolved before COMMIT finished");
    });
  } finally {
    await scratch.root.query(
      `alter role ${scratch.appRole} reset default_transaction_isolation`,
    );
  }
});

test("rejects invalid options", () => {
  const invalid: [DbOptions, string][] = [
    [{ max: 0 }, "max"],
    [{ max: 1.5 }, "max"],
    [{ acquireTimeoutMillis: -1 }, "acquireTimeoutMillis"],
    [{ statementTimeoutMillis: Number.NaN }, "statementTimeoutMillis"],
    [{ url: "" }, "url"],
    [{ roles: { app: "" } }, "roles.app"],
    [{ retry: { attempts: 0 } }, "retry.attempts"],
    [{ logger: {} as never }, "logger"],
  ];
  for (const [options, setting] of invalid) {
    try {
      createDb(options);
      assert.unreachable(`accepted ${setting}`);
    } catch (error) {
      assert.instance(error, ConfigurationError);
      assert.is((error as ConfigurationError).setting, setting);
    }
  }
});

test.run();
