import { test } from "uvu";
import * as assert from "uvu/assert";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { seedTwoOrgs } from "../helpers/seed.ts";

/**
 * The shared seed must fail when the catalog has a tenant table it does not
 * fill, so that a new table cannot slip past the isolation tests.
 */

let database: TestDatabase;

test.before(async () => {
  database = await createTestDatabase();
});

test.after(async () => {
  await database?.drop();
});

test("seed fills every tenant table", async () => {
  const seed = await seedTwoOrgs(database);
  assert.ok(seed.rows.incidents?.A.length, "incidents of organization A");
  assert.ok(seed.rows.incidents?.B.length, "incidents of organization B");
});

test("seed rejects an unseeded tenant table", async () => {
  await database.root.query(
    `create table runbooks (
       org_id uuid not null references organizations,
       id bigint generated always as identity,
       title text not null,
       primary key (org_id, id))`,
  );
  const { rows: before } = await database.root.query<{ count: number }>(
    "select count(*)::int as count from organizations",
  );
  try {
    const error = await seedTwoOrgs(database).then(
      () => undefined,
      (caught: Error) => caught,
    );
    assert.ok(error, "seedTwoOrgs succeeded without rows in runbooks");
    assert.match(error!.message, "runbooks (organization A)");
    assert.match(error!.message, "runbooks (organization B)");
    const { rows: after } = await database.root.query<{ count: number }>(
      "select count(*)::int as count from organizations",
    );
    assert.is(after[0]!.count, before[0]!.count, "the failed seed left rows");
  } finally {
    await database.root.query("drop table runbooks");
  }
});

test.run();
