import pg from "pg";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  createTestDatabase,
  type TenantContext,
  type TestDatabase,
} from "../helpers/database.ts";
import { seedTwoOrgs, type TwoOrgs } from "../helpers/seed.ts";
import {
  COMMANDS,
  countRows,
  denialOf,
  describe,
  identifier,
  inRolledBackTransaction,
  insertCopySql,
  readRow,
  readTenantTables,
  runAsApp,
  snapshotRows,
  type Command,
  type Outcome,
  type TenantTable,
} from "./catalog.ts";

/**
 * Tenant isolation, table by table and command by command, as the app role
 * under row-level security. The tables come from the catalog, so a new
 * tenant table is covered without editing this file. The seed fails until
 * it has rows for the new table.
 *
 * A1, the owner of organization A, acts; B's rows, and A2's rows in the
 * user-private tables, must stay invisible and unchanged. Statements that
 * must change nothing are committed, and the superuser then compares the
 * rows, with their xmin, to a snapshot taken before. Statements that change
 * A1's own rows run in transactions that are rolled back.
 */

/** Commands the app role has no privilege for, by table; every other tenant table gets all four. */
const MISSING_APP_PRIVILEGES: Record<string, Command[]> = {
  organizations: ["delete"],
  llm_usage_tracking: ["update", "delete"],
  grafana_alerts: ["delete"],
  datadog_events: ["delete"],
  pagerduty_events: ["delete"],
  netdata_alerts: ["delete"],
  splunk_alerts: ["delete"],
  dynatrace_problems: ["delete"],
  bigpanda_events: ["delete"],
  jenkins_events: ["delete"],
  cloudbees_events: ["delete"],
};

const USER_PRIVATE_TABLES = [
  "chat_messages",
  "chat_sessions",
  "user_preferences",
  "user_tokens",
];

const database: TestDatabase = await createTestDatabase();
let seed: TwoOrgs;
let tables: TenantTable[];
try {
  seed = await seedTwoOrgs(database);
  tables = await readTenantTables(database.root, database.settings.roles.app);
} catch (error) {
  await database.drop();
  throw error;
}

const contextA = (): TenantContext => ({
  orgId: seed.orgA,
  userId: seed.userA1,
});
const noContext: TenantContext = { orgId: null, userId: null };

test.after(async () => {
  await database.drop();
});

/** Returns the filter for the rows A1 may see: all of A's, or A1's own in private tables. */
function ownFilter(table: TenantTable): Record<string, string> {
  return table.isUserPrivate
    ? { [table.orgColumn]: seed.orgA, user_id: seed.userA1 }
    : { [table.orgColumn]: seed.orgA };
}

function otherOrgFilter(table: TenantTable): Record<string, string> {
  return { [table.orgColumn]: seed.orgB };
}

function label(table: TenantTable, command: Command): string {
  return `${table.name} ${command}`;
}

/** Asserts a rejection by a policy, or by a missing privilege when the app lacks `command`. */
function assertDenied(
  outcome: Outcome,
  table: TenantTable,
  command: Command,
  situation: string,
): void {
  const expected = table.appPrivileges.includes(command)
    ? "policy"
    : "privilege";
  assert.is(
    denialOf(outcome),
    expected,
    `${label(table, command)} ${situation}: expected a ${expected} error (42501), but it ${describe(outcome)}`,
  );
}

/** Asserts success, or a privilege error when the app role lacks `command`. */
function assertAllowed(
  outcome: Outcome,
  table: TenantTable,
  command: Command,
  situation: string,
): void {
  if (!table.appPrivileges.includes(command)) {
    assert.is(
      denialOf(outcome),
      "privilege",
      `${label(table, command)} ${situation}: the app role has no ${command} privilege, so expected "permission denied", but it ${describe(outcome)}`,
    );
    return;
  }
  assert.ok(
    outcome.ok,
    `${label(table, command)} ${situation}: ${describe(outcome)}`,
  );
  assert.ok(
    outcome.ok && outcome.rowCount > 0,
    `${label(table, command)} ${situation}: expected rows, but it ${describe(outcome)}`,
  );
}

/** Asserts that a statement changed nothing: zero rows, or a privilege error. */
function assertNoRows(
  outcome: Outcome,
  table: TenantTable,
  command: Command,
  situation: string,
): void {
  if (!table.appPrivileges.includes(command)) {
    assert.is(
      denialOf(outcome),
      "privilege",
      `${label(table, command)} ${situation}: expected "permission denied", but it ${describe(outcome)}`,
    );
    return;
  }
  assert.ok(
    outcome.ok,
    `${label(table, command)} ${situation}: ${describe(outcome)}`,
  );
  assert.is(
    outcome.ok ? outcome.rowCount : -1,
    0,
    `${label(table, command)} ${situation}: expected 0 rows, but it ${describe(outcome)}`,
  );
}

/**
 * Deletes one of A1's rows as the superuser, then inserts the same row as
 * the app role in A1's context, in one transaction that is rolled back.
 * Deleting first frees every key the copy reuses, whatever the table's
 * constraints. The superuser deletes because the app role may not delete in
 * every table.
 */
async function insertOwnCopy(table: TenantTable): Promise<Outcome> {
  return inRolledBackTransaction(database, contextA(), async (session) => {
    const row = await readRow(session.client, table, ownFilter(table));
    const removed = await session.client.query(
      `delete from ${identifier(table.name)} as t where to_jsonb(t) = $1`,
      [JSON.stringify(row)],
    );
    assert.is(removed.rowCount, 1, `${table.name}: removing the original row`);
    await session.becomeApp();
    return session.attempt(insertCopySql(table), [JSON.stringify(row)]);
  });
}

/**
 * Runs `statement`, an update or delete without a where clause, as A1 and
 * reports how many rows it touched and whether any row outside A1's own
 * changed, as the superuser reads the table before the rollback.
 */
async function runUnfilteredAsA1(
  table: TenantTable,
  statement: string,
): Promise<{ outcome: Outcome; ownRows: number; othersChanged: boolean }> {
  return inRolledBackTransaction(database, contextA(), async (session) => {
    const others = () =>
      snapshotRows(session.client, table.name, ownFilter(table), {
        exclude: true,
      });
    const before = await others();
    const ownRows = await countRows(
      session.client,
      table.name,
      ownFilter(table),
    );
    await session.becomeApp();
    const outcome = await session.attempt(statement);
    await session.becomeRoot();
    return { outcome, ownRows, othersChanged: (await others()) !== before };
  });
}

/**
 * Builds an update that reads no column when the table has a free column
 * with a default. PostgreSQL then applies only the update policy. A statement that
 * reads a column (in set, where or returning) is filtered by the select
 * policy as well, which would hide a faulty update policy.
 */
function unfilteredUpdate(table: TenantTable): string {
  const name = identifier(table.name);
  if (table.defaultColumn) {
    return `update ${name} set ${identifier(table.defaultColumn)} = default`;
  }
  // NOTE: without such a column the select policy filters this update too.
  const column = identifier(table.updateColumn);
  return `update ${name} set ${column} = ${column}`;
}

/** Checks the outcome of an unfiltered update or delete run by A1. */
function assertOnlyOwnRowsTouched(
  result: { outcome: Outcome; ownRows: number; othersChanged: boolean },
  table: TenantTable,
  command: Command,
): void {
  const situation = "without a where clause in org A";
  if (!table.appPrivileges.includes(command)) {
    assertDenied(result.outcome, table, command, situation);
    return;
  }
  assert.is(
    result.outcome.ok ? result.outcome.rowCount : describe(result.outcome),
    result.ownRows,
    `${label(table, command)} ${situation}: rows touched differ from A1's own rows`,
  );
  assert.not.ok(
    result.othersChanged,
    `${label(table, command)} ${situation}: rows of other organizations or users changed`,
  );
}

test("finds the four user-private tables", () => {
  const found = tables
    .filter((table) => table.isUserPrivate)
    .map((table) => table.name);
  assert.equal(found, USER_PRIVATE_TABLES);
});

test("app privileges match the documented gaps", () => {
  for (const table of tables) {
    const missing = COMMANDS.filter(
      (command) => !table.appPrivileges.includes(command),
    );
    assert.equal(
      missing,
      MISSING_APP_PRIVILEGES[table.name] ?? [],
      `${table.name}: commands the app role lacks`,
    );
  }
});

for (const table of tables) {
  test(`${table.name}: can select only own rows`, async () => {
    const name = identifier(table.name);
    const column = identifier(table.orgColumn);

    const expected = await countRows(
      database.root,
      table.name,
      ownFilter(table),
    );
    assert.ok(
      expected > 0,
      `${label(table, "select")}: the seed has no rows of A1 in org A`,
    );
    const own = await runAsApp(
      database,
      contextA(),
      `select count(*)::int as count from ${name}`,
    );
    assert.ok(own.ok, `${label(table, "select")} in org A: ${describe(own)}`);
    assert.is(
      own.ok ? own.rows[0]!.count : -1,
      expected,
      `${label(table, "select")} in org A: visible rows differ from A's own rows`,
    );

    const other = await runAsApp(
      database,
      contextA(),
      `select count(*)::int as count from ${name} where ${column} = $1`,
      [seed.orgB],
    );
    assert.is(
      other.ok ? other.rows[0]!.count : describe(other),
      0,
      `${label(table, "select")} in org A: rows of org B are visible`,
    );

    const none = await runAsApp(
      database,
      noContext,
      `select count(*)::int as count from ${name}`,
    );
    assert.is(
      none.ok ? none.rows[0]!.count : describe(none),
      0,
      `${label(table, "select")} without context: rows are visible`,
    );
  });

  test(`${table.name}: ${verb(table, "insert")}`, async () => {
    const own = await insertOwnCopy(table);
    if (table.appPrivileges.includes("insert")) {
      assert.ok(
        own.ok,
        `${label(table, "insert")} of a copy of A's row in org A: ${describe(own)}`,
      );
    } else {
      assertDenied(own, table, "insert", "of a copy of A's row in org A");
    }

    const rowB = await readRow(database.root, table, otherOrgFilter(table));
    const intoB = await runAsApp(database, contextA(), insertCopySql(table), [
      JSON.stringify(rowB),
    ]);
    assertDenied(intoB, table, "insert", "of a row with org B's id in org A");

    const rowA = await readRow(database.root, table, ownFilter(table));
    const none = await runAsApp(database, noContext, insertCopySql(table), [
      JSON.stringify(rowA),
    ]);
    assertDenied(none, table, "insert", "without context");
    assert.is.not(
      none.ok ? "" : none.error.code,
      "22P02",
      `${label(table, "insert")} without context: cast error instead of a denial`,
    );
  });

  test(`${table.name}: ${verb(table, "update")}`, async () => {
    const name = identifier(table.name);
    const column = identifier(table.orgColumn);
    const assignment = `${identifier(table.updateColumn)} = ${identifier(table.updateColumn)}`;

    const own = await runAsApp(
      database,
      contextA(),
      `update ${name} set ${assignment} where ${column} = $1`,
      [seed.orgA],
    );
    assertAllowed(own, table, "update", "of own rows in org A");

    // Without a where clause the statement reads no column, so only the update
    // policy's with check, not the select policy, can reject the new rows.
    const moved = await runAsApp(
      database,
      contextA(),
      `update ${name} set ${column} = $1`,
      [seed.orgB],
    );
    assertDenied(moved, table, "update", "moving A's rows to org B");

    const before = await snapshotRows(
      database.root,
      table.name,
      otherOrgFilter(table),
    );
    const other = await runAsApp(
      database,
      contextA(),
      `update ${name} set ${assignment} where ${column} = $1`,
      [seed.orgB],
      { commit: true },
    );
    assertNoRows(other, table, "update", "of org B's rows in org A");
    assert.is(
      await snapshotRows(database.root, table.name, otherOrgFilter(table)),
      before,
      `${label(table, "update")} in org A: org B's rows changed`,
    );

    const unfiltered = await runUnfilteredAsA1(table, unfilteredUpdate(table));
    assertOnlyOwnRowsTouched(unfiltered, table, "update");

    const all = await snapshotRows(database.root, table.name);
    const none = await runAsApp(
      database,
      noContext,
      unfilteredUpdate(table),
      [],
      {
        commit: true,
      },
    );
    assertNoRows(none, table, "update", "without context");
    assert.is(
      await snapshotRows(database.root, table.name),
      all,
      `${label(table, "update")} without context: rows changed`,
    );
  });

  test(`${table.name}: ${verb(table, "delete")}`, async () => {
    const name = identifier(table.name);
    const column = identifier(table.orgColumn);

    const own = await runAsApp(
      database,
      contextA(),
      `delete from ${name} where ${column} = $1`,
      [seed.orgA],
    );
    assertAllowed(own, table, "delete", "of own rows in org A");

    const before = await snapshotRows(
      database.root,
      table.name,
      otherOrgFilter(table),
    );
    const other = await runAsApp(
      database,
      contextA(),
      `delete from ${name} where ${column} = $1`,
      [seed.orgB],
      { commit: true },
    );
    assertNoRows(other, table, "delete", "of org B's rows in org A");
    assert.is(
      await snapshotRows(database.root, table.name, otherOrgFilter(table)),
      before,
      `${label(table, "delete")} in org A: org B's rows changed`,
    );

    const unfiltered = await runUnfilteredAsA1(table, `delete from ${name}`);
    assertOnlyOwnRowsTouched(unfiltered, table, "delete");

    const all = await snapshotRows(database.root, table.name);
    const none = await runAsApp(
      database,
      noContext,
      `delete from ${name}`,
      [],
      { commit: true },
    );
    assertNoRows(none, table, "delete", "without context");
    assert.is(
      await snapshotRows(database.root, table.name),
      all,
      `${label(table, "delete")} without context: rows changed`,
    );
  });
}

for (const tableName of USER_PRIVATE_TABLES) {
  test(`${tableName}: cannot reach another member's rows`, async () => {
    const table = tables.find((candidate) => candidate.name === tableName)!;
    const name = identifier(table.name);
    const ofA2 = { org_id: seed.orgA, user_id: seed.userA2 };
    assert.ok(
      (await countRows(database.root, table.name, ofA2)) > 0,
      `${table.name}: no rows of A2`,
    );

    const seen = await runAsApp(
      database,
      contextA(),
      `select count(*)::int as count from ${name} where user_id = $1`,
      [seed.userA2],
    );
    assert.is(
      seen.ok ? seen.rows[0]!.count : describe(seen),
      0,
      `${table.name} select: A1 sees A2's rows`,
    );

    const rowA2 = await readRow(database.root, table, ofA2);
    const inserted = await runAsApp(
      database,
      contextA(),
      insertCopySql(table),
      [JSON.stringify(rowA2)],
    );
    assertDenied(inserted, table, "insert", "by A1 of a row owned by A2");

    const before = await snapshotRows(database.root, table.name, ofA2);
    const updated = await runAsApp(
      database,
      contextA(),
      `update ${name} set ${identifier(table.updateColumn)} = ${identifier(table.updateColumn)} where user_id = $1`,
      [seed.userA2],
      { commit: true },
    );
    assertNoRows(updated, table, "update", "by A1 of A2's rows");
    const deleted = await runAsApp(
      database,
      contextA(),
      `delete from ${name} where user_id = $1`,
      [seed.userA2],
      { commit: true },
    );
    assertNoRows(deleted, table, "delete", "by A1 of A2's rows");
    assert.is(
      await snapshotRows(database.root, table.name, ofA2),
      before,
      `${table.name}: A2's rows changed by A1`,
    );
  });
}

test("cannot see rows with context never set", async () => {
  // A new connection has never defined aurora.org_id, so current_setting()
  // returns NULL here, where asApp's transactions set it to ''.
  const client = new pg.Client({ connectionString: database.settings.appUrl });
  await client.connect();
  try {
    for (const table of tables) {
      const { rows } = await client.query<{ count: number }>(
        `select count(*)::int as count from ${identifier(table.name)}`,
      );
      assert.is(
        rows[0]!.count,
        0,
        `${table.name} select with no setting: rows are visible`,
      );

      const row = await readRow(database.root, table, ownFilter(table));
      const error = await client
        .query(insertCopySql(table), [JSON.stringify(row)])
        .then(
          () => undefined,
          (caught: pg.DatabaseError) => caught,
        );
      assert.is(
        error ? denialOf({ ok: false, error }) : "inserted",
        "policy",
        `${table.name} insert with no setting: ${error?.message ?? "succeeded"}`,
      );
    }
  } finally {
    await client.end();
  }
});

test("can list only own memberships at login", async () => {
  const login: TenantContext = { orgId: null, userId: seed.userA2 };
  const members = await runAsApp(
    database,
    login,
    "select org_id::text, user_id::text from org_members order by org_id",
  );
  assert.equal(
    members.ok ? members.rows : describe(members),
    [{ org_id: seed.orgA, user_id: seed.userA2 }],
    "org_members in login mode: rows other than A2's own membership",
  );
  const organizations = await runAsApp(
    database,
    login,
    "select id::text from organizations",
  );
  assert.equal(
    organizations.ok ? organizations.rows : describe(organizations),
    [{ id: seed.orgA }],
    "organizations in login mode: rows other than A2's organization",
  );
  for (const table of tables) {
    if (table.name === "org_members" || table.name === "organizations")
      continue;
    const visible = await runAsApp(
      database,
      login,
      `select count(*)::int as count from ${identifier(table.name)}`,
    );
    assert.is(
      visible.ok ? visible.rows[0]!.count : describe(visible),
      0,
      `${table.name} select in login mode: rows are visible`,
    );
  }
});

test("can select only own monitoring alerts", async () => {
  const view = await runAsApp(
    database,
    contextA(),
    "select count(*)::int as total, count(*) filter (where org_id = $1)::int as own from monitoring_alerts",
    [seed.orgA],
  );
  assert.ok(view.ok, `monitoring_alerts select in org A: ${describe(view)}`);
  const counts = view.ok ? view.rows[0]! : {};
  assert.ok(
    Number(counts.own) > 0,
    "monitoring_alerts in org A: A's alerts are missing",
  );
  assert.is(
    counts.total,
    counts.own,
    "monitoring_alerts in org A: other orgs' alerts visible",
  );

  const none = await runAsApp(
    database,
    noContext,
    "select count(*)::int as count from monitoring_alerts",
  );
  assert.is(
    none.ok ? none.rows[0]!.count : describe(none),
    0,
    "monitoring_alerts without context: alerts are visible",
  );
});

test("cannot read users' password hashes", async () => {
  const outcome = await runAsApp(
    database,
    contextA(),
    "select password_hash from users",
  );
  assert.is(
    denialOf(outcome),
    "privilege",
    `users password_hash select: ${describe(outcome)}`,
  );
});

test("cannot change other users' profiles", async () => {
  const before = await snapshotRows(database.root, "users");
  for (const target of [seed.userB1, seed.userA2]) {
    const outcome = await runAsApp(
      database,
      contextA(),
      "update users set email = 'taken-over@attacker.example', display_name = 'x' where id = $1",
      [target],
      { commit: true },
    );
    assert.ok(
      outcome.ok,
      `users update by A1 of ${target}: ${describe(outcome)}`,
    );
    assert.is(
      outcome.ok ? outcome.rowCount : -1,
      0,
      `users update by A1 of ${target}`,
    );
  }
  const none = await runAsApp(
    database,
    noContext,
    "update users set display_name = display_name",
    [],
    { commit: true },
  );
  assert.is(
    none.ok ? none.rowCount : describe(none),
    0,
    "users update without context",
  );
  assert.is(
    await snapshotRows(database.root, "users"),
    before,
    "users rows changed",
  );
});

test("can change own display name", async () => {
  const outcome = await runAsApp(
    database,
    contextA(),
    "update users set display_name = 'Alice N.' where id = $1",
    [seed.userA1],
  );
  assert.is(
    outcome.ok ? outcome.rowCount : describe(outcome),
    1,
    "users update of A1 by A1",
  );
});

test.run();

function verb(table: TenantTable, command: Command): string {
  return table.appPrivileges.includes(command)
    ? `can ${command} only own rows`
    : `cannot ${command} any rows`;
}
