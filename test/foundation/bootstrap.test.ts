import { randomBytes } from "node:crypto";
import pg from "pg";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { ConfiguredSettings } from "../../src/config/settings.ts";
import { withConnection } from "../../src/config/settings.ts";
import { bootstrap } from "../../src/server/bootstrap.ts";
import { serverSettings } from "../helpers/database.ts";

const suffix = randomBytes(4).toString("hex");
const base = serverSettings();
const roles = {
  owner: `bt_owner_${suffix}`,
  app: `bt_app_${suffix}`,
  maintenance: `bt_maint_${suffix}`,
};
const database = `aurora_test_bootstrap_${suffix}`;
const passwords = { owner: "owner-pw", app: "app-pw", maintenance: "maint-pw" };

const settings: ConfiguredSettings = {
  ...base,
  database,
  shadowDatabase: `${database}_shadow`,
  roles,
  passwords,
  ownerUrl: withConnection(base.ownerUrl, {
    user: roles.owner,
    password: passwords.owner,
    database,
  }),
  shadowUrl: withConnection(base.ownerUrl, {
    user: roles.owner,
    password: passwords.owner,
    database: `${database}_shadow`,
  }),
  appUrl: withConnection(base.ownerUrl, {
    user: roles.app,
    password: passwords.app,
    database,
  }),
  maintenanceUrl: withConnection(base.ownerUrl, {
    user: roles.maintenance,
    password: passwords.maintenance,
    database,
  }),
};

async function rootQuery<T extends pg.QueryResultRow>(
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: base.rootUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

test.after(async () => {
  await rootQuery(`drop database if exists ${database} with (force)`);
  await rootQuery(`drop database if exists ${database}_shadow with (force)`);
  for (const role of Object.values(roles))
    await rootQuery(`drop role if exists ${role}`);
});

test("bootstrap creates roles, databases and extensions", async () => {
  const actions = await bootstrap(settings);
  assert.ok(
    actions.includes(`created role ${roles.owner} (owner)`),
    actions.join("\n"),
  );
  assert.ok(actions.includes(`created database ${database}`));
  assert.ok(actions.includes(`created database ${database}_shadow`));
  assert.ok(
    actions.some((action) => action.startsWith("created extension pgcrypto")),
  );
  const owners = await rootQuery<{ datname: string; owner: string }>(
    `select datname, pg_get_userbyid(datdba) as owner from pg_database where datname like $1 order by 1`,
    [`${database}%`],
  );
  assert.equal(owners, [
    { datname: database, owner: roles.owner },
    { datname: `${database}_shadow`, owner: roles.owner },
  ]);
});

test("bootstrap run twice changes nothing", async () => {
  const actions = await bootstrap(settings);
  assert.equal(actions, []);
});

test("bootstrap restores a drifted role attribute", async () => {
  await rootQuery(`alter role ${roles.app} bypassrls`);
  const actions = await bootstrap(settings);
  assert.equal(actions, [`altered role ${roles.app}: nobypassrls`]);
});

test("roles have the intended attributes", async () => {
  const rows = await rootQuery<{
    rolname: string;
    rolsuper: boolean;
    rolbypassrls: boolean;
    rolcanlogin: boolean;
  }>(
    `select rolname, rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = any($1) order by rolname`,
    [Object.values(roles)],
  );
  const byName = Object.fromEntries(rows.map((row) => [row.rolname, row]));
  assert.is(byName[roles.app]?.rolsuper, false);
  assert.is(byName[roles.app]?.rolbypassrls, false);
  assert.is(byName[roles.owner]?.rolsuper, false);
  assert.is(byName[roles.owner]?.rolbypassrls, false);
  assert.is(byName[roles.maintenance]?.rolbypassrls, true);
  assert.is(byName[roles.maintenance]?.rolsuper, false);
});

test("roles can log in with their passwords", async () => {
  for (const url of [
    settings.ownerUrl,
    settings.appUrl,
    settings.maintenanceUrl,
  ]) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.end();
  }
});

test.run();
