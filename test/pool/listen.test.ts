import { test } from "uvu";
import * as assert from "uvu/assert";

import { ValidationError } from "../../src/errors.ts";
import { createDb, type Db, type Logger } from "../../src/pool/index.ts";
import { waitFor } from "./pool-spy.ts";
import {
  createScratchDatabase,
  newOrgIds,
  type ScratchDatabase,
} from "./scratch-database.ts";

const CHANNEL = "aurora_thoughts";

let scratch: ScratchDatabase;
let db: Db;
const logged: { level: string; message: string }[] = [];
const [orgId] = newOrgIds(1) as [string];

const logger: Logger = {
  info: (message) => logged.push({ level: "info", message }),
  warn: (message) => logged.push({ level: "warn", message }),
  error: (message) => logged.push({ level: "error", message }),
};

test.before(async () => {
  scratch = await createScratchDatabase();
  db = createDb({
    url: scratch.appUrl,
    listenUrl: scratch.appUrl,
    roles: { app: scratch.appRole },
    logger,
    listenReconnect: { baseDelayMillis: 20, maxDelayMillis: 200 },
  });
});

test.after(async () => {
  try {
    await db?.close();
  } finally {
    await scratch?.drop();
  }
});

async function notify(channel: string, payload: string): Promise<void> {
  await scratch.root.query("select pg_notify($1, $2)", [channel, payload]);
}

async function terminateListener(): Promise<number> {
  const result = await scratch.root.query(
    `select count(pg_terminate_backend(pid))::int as count from pg_stat_activity
      where datname = $1 and application_name = 'aurora-db-listen'`,
    [scratch.name],
  );
  return result.rows[0].count;
}

test("listen receives notifications", async () => {
  const payloads: string[] = [];
  const unsubscribe = await db.listen(CHANNEL, (payload) => {
    payloads.push(payload);
  });
  try {
    const sent = { org_id: orgId, incident_id: "i-1", thought_id: 42 };
    await notify(CHANNEL, JSON.stringify(sent));
    assert.ok(await waitFor(() => payloads.length === 1), "nothing arrived");
    assert.equal(JSON.parse(payloads[0]!), sent);
  } finally {
    await unsubscribe();
  }
});

test("listen survives a killed connection", async () => {
  const payloads: string[] = [];
  let reconnects = 0;
  const unsubscribe = await db.listen(
    CHANNEL,
    (payload) => {
      payloads.push(payload);
    },
    { onReconnect: () => (reconnects += 1) },
  );
  try {
    assert.is(await terminateListener(), 1);
    assert.ok(await waitFor(() => reconnects === 1), "did not reconnect");
    assert.ok(
      logged.some((entry) => /listen connection closed/.test(entry.message)),
      "the drop was not logged",
    );
    await notify(CHANNEL, "after reconnect");
    assert.ok(await waitFor(() => payloads.length === 1), "nothing arrived");
    assert.is(payloads[0], "after reconnect");

    // A second kill right away still recovers.
    assert.is(await terminateListener(), 1);
    assert.ok(await waitFor(() => reconnects === 2), "did not reconnect twice");
    await notify(CHANNEL, "after second reconnect");
    assert.ok(await waitFor(() => payloads.length === 2));
  } finally {
    await unsubscribe();
  }
});

test("unsubscribe stops delivery", async () => {
  const first: string[] = [];
  const second: string[] = [];
  const stopFirst = await db.listen(CHANNEL, (payload) => {
    first.push(payload);
  });
  const stopSecond = await db.listen(CHANNEL, (payload) => {
    second.push(payload);
  });
  await stopFirst();
  await stopFirst();
  await notify(CHANNEL, "only second");
  assert.ok(await waitFor(() => second.length === 1));
  await stopSecond();
  await notify(CHANNEL, "nobody");
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(first, []);
  assert.equal(second, ["only second"]);
});

test("handler errors are logged", async () => {
  const payloads: string[] = [];
  const unsubscribe = await db.listen(CHANNEL, (payload) => {
    payloads.push(payload);
    if (payload === "throw") {
      throw new Error("handler failed");
    }
  });
  const rejecting = await db.listen(CHANNEL, async () => {
    throw new Error("async handler failed");
  });
  try {
    const errorsBefore = logged.filter(
      (entry) => entry.level === "error",
    ).length;
    await notify(CHANNEL, "throw");
    await notify(CHANNEL, "fine");
    assert.ok(await waitFor(() => payloads.length === 2));
    assert.ok(
      await waitFor(
        () =>
          logged.filter((entry) => entry.level === "error").length ===
          errorsBefore + 3,
      ),
      "handler failures were not logged",
    );
  } finally {
    await unsubscribe();
    await rejecting();
  }
});

test("channel names are quoted", async () => {
  const channel = "Thoughts; drop table notes";
  const payloads: string[] = [];
  const unsubscribe = await db.listen(channel, (payload) => {
    payloads.push(payload);
  });
  try {
    await notify(channel, "quoted");
    assert.ok(await waitFor(() => payloads.length === 1));
    const tables = await scratch.root.query(
      "select to_regclass('notes') as oid",
    );
    assert.ok(tables.rows[0].oid, "notes was dropped");
  } finally {
    await unsubscribe();
  }
});

test("rejects invalid channel names", async () => {
  for (const channel of ["", "x".repeat(64), 7]) {
    const error = await db
      .listen(channel as string, () => {})
      .catch((caught: unknown) => caught);
    assert.instance(error, ValidationError);
    assert.is((error as ValidationError).issues[0]?.path, "/channel");
  }
});

test.run();
