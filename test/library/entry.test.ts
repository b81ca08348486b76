import { randomUUID } from "node:crypto";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  createDb,
  createIncident,
  createOrganization,
  listIncidents,
  registerUser,
  ValidationError,
  type Db,
} from "../../src/index.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

let database: TestDatabase;
let db: Db;

test.before(async () => {
  database = await createTestDatabase();
  db = createDb({
    url: database.settings.appUrl,
    maintenanceUrl: database.settings.maintenanceUrl,
    roles: database.settings.roles,
    max: 4,
  });
});

test.after(async () => {
  await db.close();
  await database.drop();
});

test("library entry runs the README example", async () => {
  const orgId = randomUUID();
  const userId = await db.withTenant({ orgId }, (tx) =>
    registerUser(tx, {
      email: "ada@example.com",
      password: "correct horse battery",
    }),
  );
  await db.withTenant({ orgId, userId }, (tx) =>
    createOrganization(tx, { slug: "acme", name: "Acme" }),
  );
  await db.withTenant({ orgId, userId }, (tx) =>
    createIncident(tx, {
      title: "Checkout latency",
      severity: "high",
      service: "checkout",
    }),
  );
  const page = await db.withTenant({ orgId, userId }, (tx) =>
    listIncidents(tx, { limit: 50 }),
  );
  assert.is(page.items.length, 1);
  assert.is(page.items[0]!.title, "Checkout latency");
  assert.is(page.items[0]!.status, "investigating");
});

test("library entry rejects a malformed org id", async () => {
  try {
    await db.withTenant({ orgId: "acme" }, async () => 1);
    assert.unreachable("a malformed org id must be rejected");
  } catch (error) {
    assert.instance(error, ValidationError);
  }
});

test.run();
