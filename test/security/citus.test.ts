import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  CITUS_POLICY_REWRITE_SQL,
  REFERENCE_TABLES,
  checkCitusReadiness,
  type CitusProblem,
} from "../../src/audit/citus.ts";
import { projectRoot } from "../../src/config/project.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import {
  listTenantTables,
  seedTwoOrgs,
  type TwoOrgs,
} from "../helpers/seed.ts";

/**
 * Citus is not installable here, so these tests check the catalog rules that
 * Citus enforces when it distributes a table (see src/audit/citus.ts), on the
 * migrated schema and on copies of it broken on purpose. Every fault is made
 * by the superuser in a transaction that is rolled back.
 */

/**
 * Problems the schema has today, each with its change in docs/citus.md
 * ("Changes before distributing"). A new problem, or a fixed one, fails the
 * first test so that the list and the plan are updated together.
 */
const KNOWN_BLOCKERS = [
  "foreign-key-action chat_sessions chat_sessions_org_id_incident_id_fkey",
  "policy-reads-table organizations select_own_org_or_member",
];

let database: TestDatabase;
let seed: TwoOrgs;

test.before(async () => {
  database = await createTestDatabase();
  seed = await seedTwoOrgs(database);
});

test.after(async () => {
  await database?.drop();
});

const key = (problem: CitusProblem) =>
  `${problem.rule} ${problem.table} ${problem.object}`;

/** Runs `work` on a superuser connection inside a transaction that is rolled back. */
async function inRollback<T>(
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await database.root.connect();
  try {
    await client.query("begin");
    return await work(client);
  } finally {
    await client.query("rollback").catch(() => {});
    client.release();
  }
}

/** Returns the problems that `fault` adds to those of the migrated schema. */
async function problemsAfter(fault: string): Promise<string[]> {
  return inRollback(async (client) => {
    await client.query(fault);
    const problems = await checkCitusReadiness(client);
    return problems.map(key).filter((found) => !KNOWN_BLOCKERS.includes(found));
  });
}

test("reports only the documented blockers", async () => {
  const problems = await checkCitusReadiness(database.root);
  assert.equal(problems.map(key), KNOWN_BLOCKERS);
});

test("reports a unique constraint without org_id", async () => {
  const added = await problemsAfter(
    "alter table integrations add constraint integrations_name_key unique (name)",
  );
  assert.equal(added, ["unique integrations integrations_name_key"]);
});

test("reports a unique index without org_id", async () => {
  const added = await problemsAfter(
    "create unique index k8s_pods_uid_key on k8s_pods (uid)",
  );
  assert.equal(added, ["unique k8s_pods k8s_pods_uid_key"]);
});

test("reports a primary key without org_id", async () => {
  const added = await problemsAfter(
    `create table runbooks (
       org_id uuid not null references organizations,
       id bigint generated always as identity primary key,
       title text not null)`,
  );
  assert.equal(added, ["primary-key runbooks runbooks_pkey"]);
});

test("reports a foreign key with org_id misplaced", async () => {
  const added = await problemsAfter(
    `alter table incidents add column related_id uuid;
     alter table incidents add constraint incidents_related_id_fkey
       foreign key (related_id, org_id) references incidents (org_id, id)`,
  );
  assert.equal(added, ["foreign-key incidents incidents_related_id_fkey"]);
});

test("reports a set null on org_id keys", async () => {
  const added = await problemsAfter(
    `alter table incident_thoughts add column citation_key integer;
     alter table incident_thoughts add constraint incident_thoughts_citation_fkey
       foreign key (org_id, incident_id, citation_key)
       references incident_citations (org_id, incident_id, citation_key)
       on delete set null (citation_key)`,
  );
  assert.equal(added, [
    "foreign-key-action incident_thoughts incident_thoughts_citation_fkey",
  ]);
});

test("reports a table without org_id", async () => {
  const added = await problemsAfter(
    "create table webhook_secrets (id bigint primary key, secret_ref text not null)",
  );
  assert.equal(added, ["global-table webhook_secrets null"]);
});

test("reports a reference table pointing at tenants", async () => {
  const added = await problemsAfter(
    `alter table users add column last_org_id uuid, add column last_incident_id uuid;
     alter table users add constraint users_last_incident_fkey
       foreign key (last_org_id, last_incident_id) references incidents (org_id, id)`,
  );
  assert.equal(added, ["reference-foreign-key users users_last_incident_fkey"]);
});

test("reports a policy that reads another table", async () => {
  const added = await problemsAfter(
    `create policy select_member_pods on k8s_pods for select
       using (org_id in (select org_id from org_members
                          where user_id = (select current_user_id())))`,
  );
  assert.equal(added, ["policy-reads-table k8s_pods select_member_pods"]);
});

test("policy rewrite keeps tenants apart", async () => {
  await inRollback(async (client) => {
    await client.query(CITUS_POLICY_REWRITE_SQL);

    const { rows } = await client.query<{ policy: string }>(
      `select c.relname || '.' || p.polname as policy
         from pg_policy p join pg_class c on c.oid = p.polrelid
        where coalesce(p.polqual::text, '') || coalesce(p.polwithcheck::text, '')
              like '%{SUBLINK %'
        order by 1`,
    );
    assert.equal(
      rows.map((row) => row.policy),
      ["organizations.select_own_org_or_member"],
      "policies that still hold a subquery",
    );

    await client.query(
      `set local role ${pg.escapeIdentifier(database.settings.roles.app)}`,
    );
    const visible = await client.query<{ org_id: string }>(
      "select org_id::text from incidents",
    );
    assert.equal(visible.rows, [], "incidents visible without context");

    await client.query(
      `select set_config('aurora.org_id', $1, true), set_config('aurora.user_id', $2, true)`,
      [seed.orgA, seed.userA1],
    );
    const own = await client.query<{ org_id: string }>(
      "select distinct org_id::text from incidents",
    );
    assert.equal(
      own.rows,
      [{ org_id: seed.orgA }],
      "incidents visible in org A",
    );
    const tokens = await client.query<{ user_id: string }>(
      "select distinct user_id::text from user_tokens",
    );
    assert.equal(
      tokens.rows,
      [{ user_id: seed.userA1 }],
      "user_tokens visible to A1",
    );

    const error = await client
      .query("insert into incidents (org_id, title) values ($1, 'planted')", [
        seed.orgB,
      ])
      .then(
        () => undefined,
        (caught: pg.DatabaseError) => caught,
      );
    assert.is(error?.code, "42501", "insert into org B from org A's context");
  });
});

const readDocs = () =>
  readFile(path.join(projectRoot, "docs", "citus.md"), "utf8");

test("docs quote the policy rewrite", async () => {
  assert.ok(
    (await readDocs()).includes(CITUS_POLICY_REWRITE_SQL),
    "docs/citus.md must contain CITUS_POLICY_REWRITE_SQL verbatim",
  );
});

test("docs distribute every table", async () => {
  const docs = await readDocs();
  for (const table of REFERENCE_TABLES) {
    assert.ok(
      docs.includes(`select create_reference_table('${table}');`),
      `docs/citus.md has no create_reference_table for ${table}`,
    );
  }
  for (const table of await listTenantTables(database.root)) {
    if (REFERENCE_TABLES.includes(table)) continue;
    assert.ok(
      docs.includes(`select create_distributed_table('${table}', 'org_id'`),
      `docs/citus.md has no create_distributed_table for ${table}`,
    );
  }
});

test.run();
