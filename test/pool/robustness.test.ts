import { test } from "uvu";
import * as assert from "uvu/assert";

import { DatabaseError, PoolTimeoutError } from "../../src/errors.ts";
import {
  createDb,
  type Db,
  type DbOptions,
  type Logger,
} from "../../src/pool/index.ts";
import { waitFor } from "./pool-spy.ts";
import {
  createScratchDatabase,
  newOrgIds,
  type ScratchDatabase,
} from "./scratch-database.ts";

let scratch: ScratchDatabase;
const [orgId] = newOrgIds(1) as [string];

test.before(async () => {
  scratch = await createScratchDatabase();
});

test.after(async () => {
  await scratch?.drop();
});

interface LogEntry {
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

function recordingLogger(entries: LogEntry[]): Logger {
  const record =
    (level: string) => (message: string, fields: Record<string, unknown>) =>
      entries.push({ level, message, fields });
  return {
    debug: record("debug"),
    info: record("info"),
    warn: record("warn"),
    error: record("error"),
  };
}

function openDb(options: DbOptions = {}): Db {
  return createDb({
    url: scratch.appUrl,
    roles: { app: scratch.appRole },
    ...options,
  });
}

async function terminateAppBackends(state?: string): Promise<number> {
  const result = await scratch.root.query(
    `select count(pg_terminate_backend(pid))::int as count from pg_stat_activity
      where datname = $1 and usename = $2 and ($3::text is null or state = $3)`,
    [scratch.name, scratch.appRole, state ?? null],
  );
  return result.rows[0].count;
}

/**
 * Waits until `count` app connections are idle outside a transaction: a unit
 * that wrote nothing returns its client before its deferred COMMIT completes.
 */
async function waitForIdleBackends(count: number): Promise<boolean> {
  return waitFor(async () => {
    const result = await scratch.root.query(
      `select count(*)::int as count from pg_stat_activity
        where datname = $1 and usename = $2 and state = 'idle'`,
      [scratch.name, scratch.appRole],
    );
    return result.rows[0].count === count;
  });
}

async function countTags(): Promise<number> {
  const result = await scratch.root.query(
    "select count(*)::int as count from tags",
  );
  return result.rows[0].count;
}

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

async function readOneRow(db: Db): Promise<number> {
  return db.withTenant({ orgId }, async (tx) => {
    return (await tx.query("select 1 as one")).rows[0]!.one;
  });
}

test("survives killed idle connections", async () => {
  const entries: LogEntry[] = [];
  const db = openDb({ max: 3, logger: recordingLogger(entries) });
  try {
    const hold = gate();
    const units = [1, 2, 3].map(() =>
      db.withTenant({ orgId }, async (tx) => {
        await tx.query("select 1");
        await hold.promise;
      }),
    );
    assert.ok(await waitFor(() => db.stats().total === 3), "pool not filled");
    hold.open();
    await Promise.all(units);
    assert.ok(await waitFor(() => db.stats().idle === 3), "clients not idle");
    assert.ok(await waitForIdleBackends(3), "transactions still open");

    assert.is(await terminateAppBackends("idle"), 3);
    assert.ok(
      await waitFor(() => db.stats().total === 0),
      "broken idle clients stayed in the pool",
    );
    const warnings = entries.filter((entry) => entry.level === "warn");
    assert.is(warnings.length, 3);
    assert.match(warnings[0]!.message, /idle database connection failed/);
    assert.is(await readOneRow(db), 1);
  } finally {
    await db.close();
  }
});

test("survives killed idle connection without logger", async () => {
  const db = openDb({ max: 1 });
  try {
    assert.is(await readOneRow(db), 1);
    assert.ok(await waitFor(() => db.stats().idle === 1));
    assert.ok(await waitForIdleBackends(1), "transaction still open");
    await terminateAppBackends("idle");
    assert.ok(await waitFor(() => db.stats().total === 0));
    assert.is(await readOneRow(db), 1);
  } finally {
    await db.close();
  }
});

test("killed busy connection fails its unit", async () => {
  const entries: LogEntry[] = [];
  const db = openDb({ max: 2, logger: recordingLogger(entries) });
  try {
    let reportPid!: (pid: number) => void;
    const pidReported = new Promise<number>((resolve) => (reportPid = resolve));
    const busy = db
      .withTenant({ orgId }, async (tx) => {
        await tx.query("insert into tags (org_id, name) values ($1, $2)", [
          orgId,
          "killed",
        ]);
        const pid = await tx.query("select pg_backend_pid() as pid");
        reportPid(pid.rows[0]!.pid);
        await tx.query("select pg_sleep(30)");
      })
      .catch((caught: unknown) => caught);

    const pid = await pidReported;
    const sleeping = await waitFor(async () => {
      const state = await scratch.root.query(
        "select 1 from pg_stat_activity where pid = $1 and wait_event = 'PgSleep'",
        [pid],
      );
      return state.rowCount === 1;
    });
    assert.ok(sleeping, "the busy unit never reached pg_sleep");
    await scratch.root.query("select pg_terminate_backend($1)", [pid]);
    const error = await busy;

    assert.instance(error, DatabaseError);
    assert.match((error as Error).message, /connection was lost/);
    assert.is((error as DatabaseError).sqlState, "57P01");
    assert.is(await countTags(), 0, "the killed unit wrote");
    assert.ok(
      entries.some((entry) =>
        /Closed a database connection/.test(entry.message),
      ),
      "closing the broken connection was not logged",
    );
    assert.is(await readOneRow(db), 1);
    assert.ok(await waitFor(() => db.stats().total === 1));
  } finally {
    await db.close();
  }
});

test("busy pool times out with PoolTimeoutError", async () => {
  const db = openDb({ max: 1, acquireTimeoutMillis: 300 });
  const hold = gate();
  try {
    let entered = false;
    const holder = db.withTenant({ orgId }, async (tx) => {
      await tx.query("select 1");
      entered = true;
      await hold.promise;
    });
    assert.ok(await waitFor(() => entered), "holder did not start");

    const started = Date.now();
    const waiting = db
      .withTenant({ orgId }, async () => "never")
      .catch((caught: unknown) => caught);
    assert.is(db.stats().waiting, 1);
    const error = await waiting;
    const elapsed = Date.now() - started;

    assert.instance(error, PoolTimeoutError);
    assert.match((error as Error).message, /within 300 ms/);
    assert.match((error as Error).message, /busy/);
    assert.ok((error as PoolTimeoutError).waitedMillis >= 250);
    assert.ok(elapsed < 5000, `waited ${elapsed} ms`);
    assert.is(db.stats().waiting, 0);

    hold.open();
    await holder;
    assert.is(await readOneRow(db), 1);
  } finally {
    hold.open();
    await db.close();
  }
});

test("retries a serialization failure when enabled", async () => {
  await scratch.root.query("alter sequence conflict_calls restart");
  const entries: LogEntry[] = [];
  const db = openDb({
    max: 1,
    retry: { attempts: 3, baseDelayMillis: 1 },
    logger: recordingLogger(entries),
  });
  let runs = 0;
  try {
    await db.withTenant({ orgId }, async (tx) => {
      runs += 1;
      // The first run's insert must be rolled back, or the second run's
      // insert of the same key would conflict.
      await tx.query("insert into tags (org_id, name) values ($1, $2)", [
        orgId,
        "retried",
      ]);
      await tx.query("select raise_conflict_once()");
    });
    assert.is(runs, 2);
    assert.is(await countTags(), 1);
    assert.is(entries.filter((entry) => entry.level === "info").length, 1);
  } finally {
    await db.close();
    await scratch.root.query("delete from tags");
  }
});

test("does not retry by default", async () => {
  await scratch.root.query("alter sequence conflict_calls restart");
  const db = openDb({ max: 1 });
  let runs = 0;
  try {
    const error = await db
      .withTenant({ orgId }, async (tx) => {
        runs += 1;
        await tx.query("select raise_conflict_once()");
      })
      .catch((caught: unknown) => caught);
    assert.is(runs, 1);
    assert.instance(error, DatabaseError);
    assert.is((error as DatabaseError).sqlState, "40001");
  } finally {
    await db.close();
  }
});

test("stops retrying after the last attempt", async () => {
  const db = openDb({ max: 1, retry: { attempts: 2, baseDelayMillis: 1 } });
  let runs = 0;
  try {
    const error = await db
      .withTenant({ orgId }, async (tx) => {
        runs += 1;
        await tx.query(
          "do $$ begin raise exception 'always' using errcode = '40P01'; end $$",
        );
      })
      .catch((caught: unknown) => caught);
    assert.is(runs, 2);
    assert.is((error as DatabaseError).sqlState, "40P01");
  } finally {
    await db.close();
  }
});

test("statement timeout applies", async () => {
  const db = openDb({ max: 1, statementTimeoutMillis: 200 });
  try {
    const started = Date.now();
    const first = await db
      .withTenant({ orgId }, (tx) => tx.query("select pg_sleep(3)"))
      .catch((caught: unknown) => caught);
    assert.instance(first, DatabaseError);
    assert.is((first as DatabaseError).sqlState, "57014");
    assert.match((first as Error).message, /200 ms/);
    assert.ok(Date.now() - started < 2500, "first query ran past the timeout");

    const later = await db
      .withTenant({ orgId }, async (tx) => {
        await tx.query("select 1");
        await tx.query("select pg_sleep(3)");
      })
      .catch((caught: unknown) => caught);
    assert.is((later as DatabaseError).sqlState, "57014");

    const overridden = await db.withTenant(
      { orgId },
      async (tx) => {
        await tx.query("select pg_sleep(0.3)");
        return (await tx.query("show statement_timeout")).rows[0]!
          .statement_timeout;
      },
      { statementTimeoutMillis: 5000 },
    );
    assert.is(overridden, "5s");
  } finally {
    await db.close();
  }
});

test("statement timeout beats a role default", async () => {
  await scratch.root.query(
    `alter role ${scratch.appRole} set statement_timeout = '20s'`,
  );
  const db = openDb({ max: 1, statementTimeoutMillis: 200 });
  try {
    const error = await db
      .withTenant({ orgId }, (tx) => tx.query("select pg_sleep(3)"))
      .catch((caught: unknown) => caught);
    assert.is((error as DatabaseError).sqlState, "57014");
  } finally {
    await db.close();
    await scratch.root.query(
      `alter role ${scratch.appRole} reset statement_timeout`,
    );
  }
});

test("idle in transaction timeout closes the unit", async () => {
  const entries: LogEntry[] = [];
  const db = openDb({
    max: 1,
    idleInTransactionTimeoutMillis: 200,
    logger: recordingLogger(entries),
  });
  try {
    const error = await db
      .withTenant({ orgId }, async (tx) => {
        await tx.query("select 1");
        await new Promise((resolve) => setTimeout(resolve, 800));
        await tx.query("select 2");
      })
      .catch((caught: unknown) => caught);
    assert.instance(error, DatabaseError);
    assert.match((error as Error).message, /connection was lost/);
    assert.match((error as Error).message, /idle-in-transaction/);
    assert.is(await readOneRow(db), 1);
  } finally {
    await db.close();
  }
});

test("close drains running units", async () => {
  const db = openDb({ max: 2 });
  const hold = gate();
  try {
    const running = db.withTenant({ orgId }, async (tx) => {
      await hold.promise;
      return (await tx.query("select 7 as seven")).rows[0]!.seven;
    });
    const readOnly = readOneRow(db);
    await new Promise((resolve) => setTimeout(resolve, 20));

    let closed = false;
    const closePromise = db.close();
    const closing = closePromise.then(() => (closed = true));
    const rejected = await db
      .withTenant({ orgId }, async () => "new")
      .catch((caught: unknown) => caught);
    assert.instance(rejected, Error);
    assert.match((rejected as Error).message, /closed/);
    assert.is(closed, false, "close did not wait for the running unit");

    hold.open();
    assert.is(await running, 7);
    assert.is(await readOnly, 1);
    await closing;
    assert.is(db.close(), closePromise, "second close returned a new promise");
    assert.equal(db.stats(), { total: 0, idle: 0, waiting: 0 });
    const listenError = await db
      .listen("after_close", () => {})
      .catch((caught: unknown) => caught);
    assert.match((listenError as Error).message, /closed/);
  } finally {
    hold.open();
    await db.close();
  }
});

test("stats counts connections", async () => {
  const db = openDb({ max: 2, acquireTimeoutMillis: 5000 });
  const hold = gate();
  try {
    assert.equal(db.stats(), { total: 0, idle: 0, waiting: 0 });
    let entered = 0;
    const holders = [1, 2].map(() =>
      db.withTenant({ orgId }, async (tx) => {
        await tx.query("select 1");
        entered += 1;
        await hold.promise;
      }),
    );
    assert.ok(await waitFor(() => entered === 2), "holders did not start");
    assert.equal(db.stats(), { total: 2, idle: 0, waiting: 0 });
    const third = readOneRow(db);
    assert.equal(db.stats(), { total: 2, idle: 0, waiting: 1 });
    hold.open();
    await Promise.all([...holders, third]);
    assert.ok(await waitFor(() => db.stats().idle === 2));
    assert.equal(db.stats(), { total: 2, idle: 2, waiting: 0 });
  } finally {
    hold.open();
    await db.close();
  }
});

test.run();
