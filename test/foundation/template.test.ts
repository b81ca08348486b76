import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  createTestDatabase,
  templateName,
  type TestDatabase,
} from "../helpers/database.ts";

let database: TestDatabase;

test.before(async () => {
  database = await createTestDatabase();
});

test.after(async () => {
  await database.drop();
});

test("clone carries the template migrations", async () => {
  const query = `select count(*)::int as count from graphile_migrate.migrations`;
  const clone = await database.owner.query<{ count: number }>(query);
  const template = await database.root.query<{ datname: string }>(
    `select datname from pg_database where datname = $1`,
    [templateName()],
  );
  assert.is(template.rows.length, 1);
  assert.ok(clone.rows[0]!.count >= 0);
});

test("clone is owned by the owner role", async () => {
  const { rows } = await database.root.query<{ owner: string }>(
    `select pg_get_userbyid(datdba) as owner from pg_database where datname = current_database()`,
  );
  assert.is(rows[0]?.owner, database.settings.roles.owner);
});

test("app role is neither superuser nor bypassing RLS", async () => {
  const { rows } = await database.root.query<{
    rolsuper: boolean;
    rolbypassrls: boolean;
  }>(`select rolsuper, rolbypassrls from pg_roles where rolname = $1`, [
    database.settings.roles.app,
  ]);
  assert.is(rows[0]?.rolsuper, false);
  assert.is(rows[0]?.rolbypassrls, false);
});

test("app role owns no object in the database", async () => {
  const { rows } = await database.root.query<{ count: number }>(
    `select (select count(*) from pg_class where relowner = r.oid)
          + (select count(*) from pg_namespace where nspowner = r.oid)
          + (select count(*) from pg_proc where proowner = r.oid)
          + (select count(*) from pg_type where typowner = r.oid) as count
       from pg_roles r where r.rolname = $1`,
    [database.settings.roles.app],
  );
  assert.is(Number(rows[0]?.count), 0);
});

test.run();
