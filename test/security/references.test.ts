import { randomUUID } from "node:crypto";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  createTestDatabase,
  type TenantContext,
  type TestDatabase,
} from "../helpers/database.ts";
import { seedTwoOrgs, type TwoOrgs } from "../helpers/seed.ts";
import {
  describe,
  insertRowSql,
  readRow,
  readTenantTables,
  runAsApp,
  type Outcome,
  type TenantTable,
} from "./catalog.ts";

/**
 * References across the tenant boundary. A child row can point only at a
 * parent of its own organization (and, for chat, of its own user), because
 * every reference between tenant tables carries org_id. Unique keys include
 * org_id too, so each organization has its own key space: B may reuse A's
 * values, and the error B gets for a duplicate of its own value names only
 * B's row.
 */

const database: TestDatabase = await createTestDatabase();
let seed: TwoOrgs;
let tables: TenantTable[];
let naturalKeyTables: NaturalKeyTable[];
try {
  seed = await seedTwoOrgs(database);
  tables = await readTenantTables(database.root, database.settings.roles.app);
  naturalKeyTables = await readNaturalKeyTables();
} catch (error) {
  await database.drop();
  throw error;
}

test.after(async () => {
  await database.drop();
});

const contextA1 = (): TenantContext => ({
  orgId: seed.orgA,
  userId: seed.userA1,
});
const contextB1 = (): TenantContext => ({
  orgId: seed.orgB,
  userId: seed.userB1,
});

function tableNamed(name: string): TenantTable {
  const table = tables.find((candidate) => candidate.name === name);
  if (!table) throw new Error(`${name} is not a tenant table`);
  return table;
}

/** Inserts `row` into `table` as the app role in `context`, naming only the row's columns. */
function insertAsApp(
  context: TenantContext,
  table: string,
  row: Record<string, unknown>,
): Promise<Outcome> {
  return runAsApp(
    database,
    context,
    insertRowSql(tableNamed(table), Object.keys(row)),
    [JSON.stringify(row)],
  );
}

/** Joins every field of a PostgreSQL error that a client could show or log. */
function errorText(outcome: Outcome): string {
  if (outcome.ok) return "";
  const { message, detail, hint, where, constraint, table, column, schema } =
    outcome.error;
  return [message, detail, hint, where, constraint, table, column, schema]
    .filter(Boolean)
    .join("\n");
}

function rowOf(table: string, org: "A" | "B", index = 0) {
  return seed.rows[table]![org][index]!;
}

interface CrossReference {
  name: string;
  context: () => TenantContext;
  table: string;
  row: () => Record<string, unknown>;
  /** SQLSTATE: 23503 foreign key, 42501 policy, AU004 alert not found. */
  code: string;
}

const CROSS_REFERENCES: CrossReference[] = [
  {
    name: "thought on B's incident",
    context: contextA1,
    table: "incident_thoughts",
    row: () => ({
      org_id: seed.orgA,
      incident_id: seed.incidentB,
      type: "evidence",
      content: "Connection errors started at 09:20.",
    }),
    code: "23503",
  },
  {
    name: "suggestion on B's incident",
    context: contextA1,
    table: "incident_suggestions",
    row: () => ({
      org_id: seed.orgA,
      incident_id: seed.incidentB,
      type: "diagnostic",
      title: "Check the pool metrics",
      command: "kubectl top pods -n shop",
    }),
    code: "23503",
  },
  {
    name: "citation on B's incident",
    context: contextA1,
    table: "incident_citations",
    row: () => ({
      org_id: seed.orgA,
      incident_id: seed.incidentB,
      citation_key: 9,
      tool: "kubectl",
    }),
    code: "23503",
  },
  {
    name: "alert attached to B's incident",
    context: contextA1,
    table: "incident_alerts",
    row: () => ({
      org_id: seed.orgA,
      incident_id: seed.incidentB,
      alert_source: "grafana",
      alert_id: rowOf("grafana_alerts", "A").id,
      strategy: "manual",
      score: 1,
    }),
    code: "23503",
  },
  {
    name: "B's alert attached to A's incident",
    context: contextA1,
    table: "incident_alerts",
    row: () => ({
      org_id: seed.orgA,
      incident_id: seed.incidentA,
      alert_source: "grafana",
      alert_id: rowOf("grafana_alerts", "B").id,
      strategy: "manual",
      score: 1,
    }),
    code: "AU004",
  },
  {
    name: "incident opened from B's alert",
    context: contextA1,
    table: "incidents",
    row: () => ({
      org_id: seed.orgA,
      title: "Copied alert",
      source: "pagerduty",
      source_alert_id: rowOf("pagerduty_events", "B").id,
    }),
    code: "AU004",
  },
  {
    name: "incident merged into B's incident",
    context: contextA1,
    table: "incidents",
    row: () => ({
      org_id: seed.orgA,
      title: "Duplicate outage",
      status: "merged",
      merged_into_id: seed.incidentB,
    }),
    code: "23503",
  },
  {
    name: "chat session about B's incident",
    context: contextA1,
    table: "chat_sessions",
    row: () => ({
      org_id: seed.orgA,
      user_id: seed.userA1,
      incident_id: seed.incidentB,
    }),
    code: "23503",
  },
  {
    name: "message in B's session",
    context: contextA1,
    table: "chat_messages",
    row: () => ({
      org_id: seed.orgA,
      session_id: seed.sessionB1,
      user_id: seed.userA1,
      role: "user",
      content: [{ type: "text", text: "hello" }],
    }),
    code: "23503",
  },
  {
    name: "message in A2's session",
    context: contextA1,
    table: "chat_messages",
    row: () => ({
      org_id: seed.orgA,
      session_id: seed.sessionA2,
      user_id: seed.userA1,
      role: "user",
      content: [{ type: "text", text: "hello" }],
    }),
    code: "23503",
  },
  {
    name: "token of a non-member",
    context: () => ({ orgId: seed.orgA, userId: seed.userB1 }),
    table: "user_tokens",
    row: () => ({
      org_id: seed.orgA,
      user_id: seed.userB1,
      provider: "slack",
      secret_ref: "vault:secret/data/aurora/probe",
    }),
    code: "23503",
  },
  {
    name: "membership in org B",
    context: contextA1,
    table: "org_members",
    row: () => ({ org_id: seed.orgB, user_id: seed.userA2, role: "admin" }),
    code: "42501",
  },
];

for (const reference of CROSS_REFERENCES) {
  test(`cannot insert ${reference.name}`, async () => {
    const row = reference.row();
    const outcome = await insertAsApp(
      reference.context(),
      reference.table,
      row,
    );
    assert.is(
      outcome.ok ? "inserted" : outcome.error.code,
      reference.code,
      `${reference.table} insert of a ${reference.name}: ${describe(outcome)}`,
    );
    if (row.org_id !== seed.orgB) {
      assert.not.ok(
        errorText(outcome).includes(seed.orgB),
        `${reference.table} insert of a ${reference.name}: the error names org B`,
      );
    }
  });
}

test("cannot repoint rows at B's parents", async () => {
  const cases = [
    {
      sql: "update incident_thoughts set incident_id = $1 where org_id = $2",
      label: "incident_thoughts update to B's incident",
    },
    {
      sql: "update chat_sessions set incident_id = $1 where org_id = $2",
      label: "chat_sessions update to B's incident",
    },
    {
      sql: "update incident_citations set incident_id = $1 where org_id = $2",
      label: "incident_citations update to B's incident",
    },
  ];
  for (const { sql, label } of cases) {
    const outcome = await runAsApp(database, contextA1(), sql, [
      seed.incidentB,
      seed.orgA,
    ]);
    assert.is(
      outcome.ok ? "updated" : outcome.error.code,
      "23503",
      `${label}: ${describe(outcome)}`,
    );
  }
});

/**
 * A table with a unique key besides its primary key whose only references
 * go to the reference tables (organizations, users), so a row of A can be
 * copied into B by replacing org_id, the user columns and the generated ids.
 */
interface NaturalKeyTable {
  table: TenantTable;
  /** Primary key columns other than org_id that have a default or are identity columns. */
  generatedKeys: string[];
  /** Columns that reference users. */
  userColumns: string[];
}

async function readNaturalKeyTables(): Promise<NaturalKeyTable[]> {
  const { rows } = await database.root.query<{
    name: string;
    generated_keys: string[];
    user_columns: string[];
  }>(
    `select c.relname as name,
            array(select a.attname::text
                    from pg_constraint p
                    join pg_attribute a on a.attrelid = c.oid and a.attnum = any (p.conkey)
                   where p.conrelid = c.oid and p.contype = 'p' and a.attname <> 'org_id'
                     and (a.atthasdef or a.attidentity <> '')) as generated_keys,
            array(select a.attname::text
                    from pg_constraint f
                    join pg_attribute a on a.attrelid = c.oid and a.attnum = any (f.conkey)
                   where f.conrelid = c.oid and f.contype = 'f'
                     and f.confrelid = 'users'::regclass) as user_columns
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and exists (select from pg_attribute a
                     where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped)
        and exists (select from pg_index i
                     where i.indrelid = c.oid and i.indisunique and not i.indisprimary)
        and not exists (select from pg_constraint f
                         where f.conrelid = c.oid and f.contype = 'f'
                           and f.confrelid not in ('organizations'::regclass, 'users'::regclass))
      order by c.relname`,
  );
  return rows.map((row) => ({
    table: tableNamed(row.name),
    generatedKeys: row.generated_keys,
    userColumns: row.user_columns,
  }));
}

/** Copies `row` into a new row of organization B, owned by B1 where it names a user. */
function asRowOfB(
  naturalKey: NaturalKeyTable,
  row: Record<string, unknown>,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const column of naturalKey.table.insertColumns) {
    if (naturalKey.generatedKeys.includes(column)) continue;
    copy[column] = row[column];
  }
  copy.org_id = seed.orgB;
  for (const column of naturalKey.userColumns) copy[column] = seed.userB1;
  return copy;
}

/** String values in A's row, at any depth, that B's row does not contain. */
function valuesOnlyInA(
  rowA: Record<string, unknown>,
  rowB: Record<string, unknown>,
): string[] {
  const textOfB = JSON.stringify(rowB);
  const values: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === "string") {
      if (value.length >= 6 && !textOfB.includes(value)) values.push(value);
    } else if (value && typeof value === "object") {
      Object.values(value).forEach(visit);
    }
  };
  visit(rowA);
  return values;
}

test("finds the natural-key tables", () => {
  const names = naturalKeyTables.map((naturalKey) => naturalKey.table.name);
  for (const expected of [
    "grafana_alerts",
    "cloudbees_events",
    "integrations",
    "k8s_nodes",
    "k8s_pods",
  ]) {
    assert.ok(
      names.includes(expected),
      `${expected} is missing from ${names.join(", ")}`,
    );
  }
});

for (const naturalKey of naturalKeyTables) {
  const name = naturalKey.table.name;

  test(`${name}: can reuse org A's unique keys`, async () => {
    const rowA = await readRow(database.root, naturalKey.table, {
      org_id: seed.orgA,
    });
    const copy = asRowOfB(naturalKey, rowA);
    const outcome = await insertAsApp(contextB1(), name, copy);
    assert.ok(
      outcome.ok,
      `${name} insert in org B of A's key values: ${describe(outcome)}`,
    );
  });

  test(`${name}: cannot learn A's rows from duplicates`, async () => {
    const rowA = await readRow(database.root, naturalKey.table, {
      org_id: seed.orgA,
    });
    const rowB = await readRow(database.root, naturalKey.table, {
      org_id: seed.orgB,
    });
    const outcome = await insertAsApp(
      contextB1(),
      name,
      asRowOfB(naturalKey, rowB),
    );
    assert.is(
      outcome.ok ? "inserted" : outcome.error.code,
      "23505",
      `${name} insert in org B of a duplicate of B's row: ${describe(outcome)}`,
    );
    const text = errorText(outcome);
    assert.not.ok(
      text.includes(seed.orgA),
      `${name} duplicate error names org A:\n${text}`,
    );
    for (const value of valuesOnlyInA(rowA, rowB)) {
      assert.not.ok(
        text.includes(value),
        `${name} duplicate error contains A's value "${value}":\n${text}`,
      );
    }
  });
}

test("can reuse org A's citation keys", async () => {
  await database.root.query(
    `insert into incident_citations (org_id, incident_id, citation_key, tool)
     values ($1, $2, 2, 'prometheus')`,
    [seed.orgA, seed.incidentA],
  );
  const outcome = await insertAsApp(contextB1(), "incident_citations", {
    org_id: seed.orgB,
    incident_id: seed.incidentB,
    citation_key: 2,
    tool: "prometheus",
  });
  assert.ok(
    outcome.ok,
    `incident_citations insert in org B: ${describe(outcome)}`,
  );
});

test("can reuse org A's token providers", async () => {
  await database.root.query(
    `insert into user_tokens (org_id, user_id, provider, secret_ref)
     values ($1, $2, 'pagerduty', 'vault:secret/data/aurora/a/pagerduty')`,
    [seed.orgA, seed.userA1],
  );
  const outcome = await insertAsApp(contextB1(), "user_tokens", {
    org_id: seed.orgB,
    user_id: seed.userB1,
    provider: "pagerduty",
    secret_ref: "vault:secret/data/aurora/b/pagerduty",
  });
  assert.ok(outcome.ok, `user_tokens insert in org B: ${describe(outcome)}`);
});

test("can reuse org A's preference keys", async () => {
  await database.root.query(
    `insert into user_preferences (org_id, user_id, key, value)
     values ($1, $2, 'timezone', '"Europe/Berlin"')`,
    [seed.orgA, seed.userA1],
  );
  const outcome = await insertAsApp(contextB1(), "user_preferences", {
    org_id: seed.orgB,
    user_id: seed.userB1,
    key: "timezone",
    value: "America/Chicago",
  });
  assert.ok(
    outcome.ok,
    `user_preferences insert in org B: ${describe(outcome)}`,
  );
});

test("cannot learn org ids from slugs", async () => {
  // Slugs are one namespace for the whole server, so a taken slug is
  // rejected. The error may name the slug, but nothing else of its owner.
  const slugA = String(rowOf("organizations", "A").slug);
  const newOrg = randomUUID();
  const outcome = await insertAsApp(
    { orgId: newOrg, userId: seed.userB1 },
    "organizations",
    { id: newOrg, slug: slugA, name: "Copycat Inc" },
  );
  assert.is(
    outcome.ok ? "inserted" : outcome.error.code,
    "23505",
    `organizations insert of A's slug: ${describe(outcome)}`,
  );
  const text = errorText(outcome);
  assert.not.ok(
    text.includes(seed.orgA),
    `the slug error names org A's id:\n${text}`,
  );
  assert.not.ok(
    text.includes(String(rowOf("organizations", "A").name)),
    `the slug error names org A:\n${text}`,
  );
});

test.run();
