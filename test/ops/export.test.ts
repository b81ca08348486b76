import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { exportOrganization } from "../../src/ops/export.ts";
import type { ExportResult } from "../../src/ops/export.ts";
import { importOrganization } from "../../src/ops/import.ts";
import { databaseExists, dropDatabase } from "../../src/ops/scratch.ts";
import type { ExportManifest } from "../../src/ops/tenant-files.ts";
import type { TestDatabase } from "../helpers/database.ts";
import { asApp, createTestDatabase, rejection } from "../helpers/database.ts";
import type { TwoOrgs } from "../helpers/seed.ts";
import { listTenantTables, orgColumnOf, seedTwoOrgs } from "../helpers/seed.ts";
import { removeDir, tableDigests } from "./helpers.ts";

let source: TestDatabase;
let target: TestDatabase;
let seed: TwoOrgs;
let folder: string;
let exported: ExportResult;
let tenantTables: string[];

test.before(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  seed = await seedTwoOrgs(source);
  tenantTables = await listTenantTables(source.root);
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "aurora-export-"));
  exported = await exportOrganization(
    source.settings,
    seed.orgA,
    path.join(folder, "a"),
  );
});

test.after(async () => {
  await source.drop();
  await target.drop();
  await removeDir(folder);
});

/** Copies the export of A into a new folder that a test may change. */
async function exportCopy(name: string): Promise<string> {
  const dir = path.join(folder, name);
  await fs.cp(exported.dir, dir, { recursive: true });
  return dir;
}

async function readManifest(dir: string): Promise<ExportManifest> {
  return JSON.parse(
    await fs.readFile(path.join(dir, "manifest.json"), "utf8"),
  ) as ExportManifest;
}

const orgFilter = (table: string) =>
  `t.${orgColumnOf(table.replace("public.", ""))} = $1`;

test("export writes every tenant table", async () => {
  const tables = exported.files.map((file) => file.table);
  for (const table of tenantTables) assert.ok(tables.includes(table), table);
  assert.is(tables.at(-1), "users");
  assert.is(tables[0], "organizations");
  const manifest = await readManifest(exported.dir);
  assert.is(manifest.organization.id, seed.orgA);
  assert.match(manifest.schema.hash, /^sha1:[0-9a-f]{40}$/);
  for (const file of manifest.files) {
    const expected =
      file.table === "users" ? 2 : (seed.rows[file.table]?.A.length ?? 0);
    assert.is(file.rows, expected, `${file.table} rows`);
  }
});

test("export contains no row of another organization", async () => {
  const forbidden = [seed.orgB, seed.userB1, seed.incidentB, seed.sessionB1];
  for (const entry of await fs.readdir(exported.dir)) {
    const text = await fs.readFile(path.join(exported.dir, entry), "utf8");
    for (const value of forbidden) {
      assert.not.ok(text.includes(value), `${entry} contains ${value}`);
    }
    assert.not.ok(text.includes("password_hash"), `${entry} has hashes`);
  }
});

test("import restores identical rows", async () => {
  const result = await importOrganization(target.settings, exported.dir);
  assert.is(result.organization.id, seed.orgA);
  assert.equal(result.users, { created: 2, matched: 0 });

  const tables = tenantTables.map((table) => `public.${table}`);
  const rootUrl = source.settings.rootUrl!;
  const before = await tableDigests(rootUrl, source.name, tables, orgFilter, [
    seed.orgA,
  ]);
  const after = await tableDigests(rootUrl, target.name, tables, orgFilter, [
    seed.orgA,
  ]);
  assert.equal(after, before);

  const users = (database: TestDatabase) =>
    tableDigests(
      rootUrl,
      database.name,
      ["(select id, email, display_name, created_at from public.users)"],
      () => "t.id = any($1::uuid[])",
      [[seed.userA1, seed.userA2]],
    );
  assert.equal(await users(target), await users(source));

  // Identity sequences moved past the imported ids, so a new row gets a free id.
  const inserted = await asApp(
    target,
    { orgId: seed.orgA, userId: seed.userA1 },
    (client) =>
      client.query<{ id: string }>(
        `insert into llm_usage_tracking (org_id, model, provider, request_type)
         values ($1, 'm', 'p', 'r') returning id`,
        [seed.orgA],
      ),
    { commit: true },
  );
  assert.ok(Number(inserted.rows[0]!.id) > 1);
});

test("import rejects an existing organization", async () => {
  const error = await rejection(
    importOrganization(target.settings, exported.dir),
  );
  assert.match(error.message, /already has organization/);
});

test("import under a new slug keeps rows apart", async () => {
  const result = await importOrganization(source.settings, exported.dir, {
    intoOrg: "acme-copy",
  });
  assert.is(result.organization.slug, "acme-copy");
  assert.not.equal(result.organization.id, seed.orgA);
  assert.equal(result.users, { created: 0, matched: 2 });
  for (const table of result.tables) {
    const expected = exported.files.find((file) => file.table === table.table);
    assert.is(table.rows, expected?.rows, table.table);
  }
});

test("import maps users matched by email", async () => {
  const other = await createTestDatabase();
  try {
    const email = seed.rows.users!.A[0]!.email as string;
    const { rows } = await other.root.query<{ id: string }>(
      "insert into users (email, display_name) values (upper($1), 'Existing') returning id",
      [email],
    );
    const existing = rows[0]!.id;
    const result = await importOrganization(other.settings, exported.dir);
    assert.equal(result.users, { created: 1, matched: 1 });
    const counts = await other.root.query<{ table: string; count: number }>(
      `select 'org_members' as table, count(*)::int as count from org_members where user_id = $1
       union all select 'chat_messages', count(*)::int from chat_messages where user_id = $1
       union all select 'integrations', count(*)::int from integrations where created_by = $1
       union all select 'stale', count(*)::int from org_members where user_id = $2`,
      [existing, seed.userA1],
    );
    assert.equal(counts.rows, [
      { table: "org_members", count: 1 },
      { table: "chat_messages", count: 2 },
      { table: "integrations", count: 1 },
      { table: "stale", count: 0 },
    ]);
  } finally {
    await other.drop();
  }
});

test("import rejects a changed file", async () => {
  const dir = await exportCopy("tampered");
  const file = path.join(dir, "incidents.ndjson");
  const text = await fs.readFile(file, "utf8");
  await fs.writeFile(file, text.replace("investigating", "resolved"));
  const error = await rejection(
    importOrganization(target.settings, dir, { intoOrg: "acme-tampered" }),
  );
  assert.match(
    error.message,
    /incidents\.ndjson does not match manifest\.json/,
  );
});

test("import rejects another schema version", async () => {
  const dir = await exportCopy("older");
  const manifest = await readManifest(dir);
  manifest.schema = { migration: "000007.sql", hash: "sha1:0" };
  await fs.writeFile(path.join(dir, "manifest.json"), JSON.stringify(manifest));
  const error = await rejection(
    importOrganization(target.settings, dir, { intoOrg: "acme-older" }),
  );
  assert.match(error.message, /The export was taken at schema 000007\.sql/);
});

test("export files are owner-only", async () => {
  const mode = async (file: string) =>
    ((await fs.stat(file)).mode & 0o777).toString(8);
  assert.is(await mode(exported.dir), "700", exported.dir);
  for (const entry of await fs.readdir(exported.dir)) {
    const file = path.join(exported.dir, entry);
    assert.is(await mode(file), "600", file);
  }
});

test("import creates a missing database", async () => {
  const name = `${target.name}_new`;
  const notes: string[] = [];
  try {
    const result = await importOrganization(target.settings, exported.dir, {
      database: name,
      log: (message) => notes.push(message),
    });
    assert.is(result.created, true);
    assert.is(result.database, name);
    assert.match(notes.join("\n"), new RegExp(`created database ${name}`));
    const tables = tenantTables.map((table) => `public.${table}`);
    const rootUrl = source.settings.rootUrl!;
    const before = await tableDigests(rootUrl, source.name, tables, orgFilter, [
      seed.orgA,
    ]);
    const after = await tableDigests(rootUrl, name, tables, orgFilter, [
      seed.orgA,
    ]);
    assert.equal(after, before);
    const { rows } = await target.root.query<{ owner: string }>(
      "select pg_get_userbyid(datdba) as owner from pg_database where datname = $1",
      [name],
    );
    assert.is(rows[0]?.owner, target.settings.roles.owner);
  } finally {
    await dropDatabase(target.settings, name);
  }
});

test("failed import drops the database it created", async () => {
  const dir = await exportCopy("newer");
  const manifest = await readManifest(dir);
  manifest.schema = { migration: "999999.sql", hash: "sha1:0" };
  await fs.writeFile(path.join(dir, "manifest.json"), JSON.stringify(manifest));
  const name = `${target.name}_failed`;
  const error = await rejection(
    importOrganization(target.settings, dir, { database: name }),
  );
  assert.match(error.message, /The export was taken at schema 999999\.sql/);
  assert.is(await databaseExists(target.settings, name), false);
});

test("import rejects system databases", async () => {
  for (const name of ["postgres", "template0", "template1"]) {
    const error = await rejection(
      importOrganization(target.settings, exported.dir, { database: name }),
    );
    assert.match(
      error.message,
      new RegExp(
        `^Database ${name} is a PostgreSQL system or template database, so aurora-db import`,
      ),
    );
  }
});

test("export rejects a non-empty folder", async () => {
  const error = await rejection(
    exportOrganization(source.settings, seed.orgA, exported.dir),
  );
  assert.match(error.message, /already exists and is not empty/);
});

test.run();
