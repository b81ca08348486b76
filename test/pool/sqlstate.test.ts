import pg from "pg";
import { test } from "uvu";
import * as assert from "uvu/assert";

import {
  ConflictError,
  DatabaseError,
  MissingTenantContextError,
  NotFoundError,
  ValidationError,
} from "../../src/errors.ts";
import { createDb, fromPgError, type Db } from "../../src/pool/index.ts";
import {
  createScratchDatabase,
  newOrgIds,
  type ScratchDatabase,
} from "./scratch-database.ts";

let scratch: ScratchDatabase;
let db: Db;
const [orgId, otherOrgId] = newOrgIds(2) as [string, string];

test.before(async () => {
  scratch = await createScratchDatabase();
  db = createDb({
    url: scratch.appUrl,
    maintenanceUrl: scratch.maintenanceUrl,
    roles: { app: scratch.appRole, maintenance: scratch.maintenanceRole },
    max: 2,
  });
  await scratch.root.query(
    "insert into tags (org_id, name) values ($1, 'secret-key-value'), ($1, 'linked')",
    [orgId],
  );
  await scratch.root.query(
    "insert into tag_links (org_id, tag_name) values ($1, 'linked')",
    [orgId],
  );
});

test.after(async () => {
  try {
    await db?.close();
  } finally {
    await scratch?.drop();
  }
});

/** Runs one statement in a tenant unit and returns what it threw. */
async function errorOf(text: string, values: unknown[] = []): Promise<Error> {
  const error = await db
    .withTenant({ orgId }, (tx) => tx.query(text, values))
    .then(
      () => undefined,
      (caught: unknown) => caught,
    );
  assert.instance(error, Error, `no error from ${text}`);
  return error as Error;
}

function assertKeepsCause(error: Error, sqlState: string): void {
  assert.instance(error.cause, pg.DatabaseError, "cause is not pg error");
  assert.is((error.cause as pg.DatabaseError).code, sqlState);
}

test("unique violation hides the key", async () => {
  const error = await errorOf(
    "insert into tags (org_id, name) values ($1, $2)",
    [orgId, "secret-key-value"],
  );
  assert.instance(error, ConflictError);
  assert.is((error as ConflictError).constraint, "tags_pkey");
  assert.not.match(error.message, /secret-key-value/);
  assert.match(error.message, /tags_pkey/);
  assertKeepsCause(error, "23505");
  assert.is((error.cause as pg.DatabaseError).detail, undefined);
  assert.not.match(JSON.stringify(error.cause), /secret-key-value/);
});

test("foreign key violation names the constraint", async () => {
  const missing = await errorOf(
    "insert into tag_links (org_id, tag_name) values ($1, $2)",
    [orgId, "absent"],
  );
  assert.instance(missing, DatabaseError);
  assert.is((missing as DatabaseError).sqlState, "23503");
  assert.is(
    (missing as DatabaseError).constraint,
    "tag_links_org_id_tag_name_fkey",
  );
  assert.match(missing.message, /does not exist/);
  assertKeepsCause(missing, "23503");

  const referenced = await errorOf(
    "delete from tags where org_id = $1 and name = 'linked'",
    [orgId],
  );
  assert.instance(referenced, DatabaseError);
  assert.match(referenced.message, /still reference/);
});

test("check violation hides the row", async () => {
  const body = `secret ${"x".repeat(200)}`;
  const error = await errorOf(
    "insert into notes (org_id, body) values ($1, $2)",
    [orgId, body],
  );
  assert.instance(error, ValidationError);
  assert.match(error.message, /notes_body_check/);
  assert.not.match(error.message, /secret/);
  assertKeepsCause(error, "23514");
  assert.is((error.cause as pg.DatabaseError).detail, undefined);
});

test("not null violation names the column", async () => {
  const error = await errorOf(
    "insert into notes (org_id, body) values ($1, null)",
    [orgId],
  );
  assert.instance(error, ValidationError);
  assert.is((error as ValidationError).issues[0]?.path, "/body");
  assert.match(error.message, /Column "body" of table "notes"/);
  assertKeepsCause(error, "23502");
});

const INVALID_VALUES: [string, string, unknown[]][] = [
  ["22P02", "select $1::uuid", ["not-a-uuid"]],
  ["22007", "select $1::timestamptz", ["yesterday-ish"]],
  ["22008", "select $1::timestamptz", ["2024-13-45 10:00"]],
  ["22003", "select $1::int", ["99999999999"]],
  [
    "22001",
    "insert into tags (org_id, name, short_code) values ($1, 'code', $2)",
    [orgId, "too long"],
  ],
];

test("invalid values become ValidationError", async () => {
  for (const [sqlState, text, values] of INVALID_VALUES) {
    const error = await errorOf(text, values);
    assert.instance(error, ValidationError, `${sqlState} was not mapped`);
    assert.match(error.message, /^Invalid value/);
    assertKeepsCause(error, sqlState);
  }
});

test("AU004 becomes NotFoundError", async () => {
  const error = await errorOf("select find_note($1)", [-1]);
  assert.instance(error, NotFoundError);
  assert.match(error.message, /note -1 not found/);
  assertKeepsCause(error, "AU004");
});

test("AU001 becomes MissingTenantContextError", async () => {
  const error = await db
    .withMaintenance((tx) => tx.query("select require_org()"))
    .catch((caught: unknown) => caught);
  assert.instance(error, MissingTenantContextError);
  assertKeepsCause(error as Error, "AU001");
});

test("policy violation with context is DatabaseError", async () => {
  const error = await errorOf(
    "insert into notes (org_id, body) values ($1, $2)",
    [otherOrgId, "planted"],
  );
  assert.instance(error, DatabaseError);
  assert.is((error as DatabaseError).sqlState, "42501");
  assert.match(error.message, /row-level security/);
  assert.match(error.message, new RegExp(orgId));
  assertKeepsCause(error, "42501");
});

test("policy violation without context is missing context", async () => {
  const client = new pg.Client({ connectionString: scratch.appUrl });
  await client.connect();
  try {
    const raw = await client
      .query("insert into notes (org_id, body) values ($1, $2)", [
        orgId,
        "no context",
      ])
      .catch((caught: unknown) => caught);
    const error = fromPgError(raw);
    assert.instance(error, MissingTenantContextError);
    assert.is(error.cause, raw);
  } finally {
    await client.end();
  }
});

test("missing privilege is DatabaseError", async () => {
  const error = await errorOf("truncate notes");
  assert.instance(error, DatabaseError);
  assert.is((error as DatabaseError).sqlState, "42501");
  assert.match(error.message, /lacks the privilege/);
});

test("aborted transaction names the first failure", async () => {
  const error = await db
    .withTenant({ orgId }, async (tx) => {
      await tx.query("select 1 / 0").catch(() => undefined);
      await tx.query("select 1");
    })
    .catch((caught: unknown) => caught);
  assert.instance(error, DatabaseError);
  assert.is((error as DatabaseError).sqlState, "25P02");
  assert.match((error as Error).message, /earlier statement/);
});

test("other server errors keep their fields", async () => {
  const error = await errorOf("select * from no_such_table");
  assert.instance(error, DatabaseError);
  assert.is((error as DatabaseError).sqlState, "42P01");
  assert.match(error.message, /no_such_table/);
  assertKeepsCause(error, "42P01");
});

test("refused connection says it was lost", async () => {
  // Port 1 on the loopback interface has no listener.
  const unreachable = createDb({
    url: "postgres://nobody@127.0.0.1:1/none",
    acquireTimeoutMillis: 5000,
  });
  try {
    const error = await unreachable
      .withTenant({ orgId }, (tx) => tx.query("select 1"))
      .catch((caught: unknown) => caught);
    assert.instance(error, DatabaseError);
    assert.match((error as Error).message, /connection was lost/);
    assert.match((error as Error).message, /ECONNREFUSED/);
    assert.ok((error as Error).cause, "cause is missing");
  } finally {
    await unreachable.close();
  }
});

test("terminated connection says it was lost", () => {
  for (const message of [
    "Connection terminated",
    "Connection terminated unexpectedly",
  ]) {
    const original = new Error(message);
    const error = fromPgError(original);
    assert.instance(error, DatabaseError);
    assert.match(error.message, /connection was lost/);
    assert.is(error.cause, original);
  }
});

test("unrelated errors pass through", () => {
  const typed = new NotFoundError("gone");
  assert.is(fromPgError(typed), typed);
  const plain = new TypeError("not a database error");
  assert.is(fromPgError(plain), plain);
});

test.run();
