import { randomUUID } from "node:crypto";

import { test } from "uvu";
import * as assert from "uvu/assert";

import {
  ConflictError,
  MissingTenantContextError,
  NotFoundError,
  ValidationError,
} from "../../src/errors.ts";
import {
  addMember,
  authenticate,
  changeMemberRole,
  createOrganization,
  findUserByEmail,
  getMember,
  getOrganization,
  getUser,
  listMembers,
  registerUser,
  removeMember,
} from "../../src/services/index.ts";
import {
  asOwner,
  countRows,
  openServiceDatabase,
  rejectsWith,
  seedTenant,
  type ServiceDatabase,
  type Tenant,
} from "./helpers.ts";

let service: ServiceDatabase;
let tenant: Tenant;

test.before(async () => {
  service = await openServiceDatabase();
  tenant = await seedTenant(service.database);
});

test.after(async () => {
  await service?.close();
});

test("registerUser stores a cost-12 bcrypt hash", async () => {
  const { db, database } = service;
  const userId = await db.withTenant({ orgId: tenant.orgId }, (tx) =>
    registerUser(tx, {
      email: "Ada@Example.com",
      password: "correct horse",
      displayName: "Ada",
    }),
  );
  const { rows } = await database.root.query<{ hash: string }>(
    "select password_hash as hash from users where id = $1",
    [userId],
  );
  assert.match(rows[0]!.hash, /^\$2a\$12\$/);
});

test("authenticate accepts only the right password", async () => {
  const { db } = service;
  const result = await db.withTenant({ orgId: tenant.orgId }, async (tx) => ({
    right: await authenticate(tx, {
      email: "ada@example.com",
      password: "correct horse",
    }),
    wrong: await authenticate(tx, {
      email: "ada@example.com",
      password: "wrong",
    }),
    unknown: await authenticate(tx, {
      email: "nobody@example.com",
      password: "x",
    }),
  }));
  const user = await db.withTenant({ orgId: tenant.orgId }, (tx) =>
    findUserByEmail(tx, "ADA@example.com"),
  );
  assert.ok(user);
  assert.is(result.right, user.id);
  assert.is(result.wrong, null);
  assert.is(result.unknown, null);
});

test("registerUser rejects case-insensitive duplicates", async () => {
  const { db, database } = service;
  const before = await countRows(database, "users");
  const error = await rejectsWith(
    db.withTenant({ orgId: tenant.orgId }, (tx) =>
      registerUser(tx, { email: "ADA@example.COM", password: "another one" }),
    ),
    ConflictError,
  );
  assert.is(error.constraint, "users_email_key");
  assert.is(await countRows(database, "users"), before);
});

test("registerUser rejects passwords over 72 bytes", async () => {
  const { db } = service;
  const error = await rejectsWith(
    db.withTenant({ orgId: tenant.orgId }, (tx) =>
      registerUser(tx, { email: "long@example.com", password: "é".repeat(37) }),
    ),
    ValidationError,
  );
  assert.equal(error.issues[0]?.path, "/password");
});

test("getUser never exposes the password hash", async () => {
  const { db } = service;
  const user = await db.withTenant({ orgId: tenant.orgId }, (tx) =>
    getUser(tx, tenant.userId),
  );
  assert.equal(Object.keys(user).sort(), [
    "createdAt",
    "displayName",
    "email",
    "id",
  ]);
});

test("createOrganization makes the context user owner", async () => {
  const { db } = service;
  const orgId = randomUUID();
  const created = await db.withTenant({ orgId, userId: tenant.userId }, (tx) =>
    createOrganization(tx, { slug: "acme-ops", name: "Acme Ops" }),
  );
  assert.is(created.id, orgId);
  assert.is(created.ownerId, tenant.userId);
  const seen = await db.withTenant(
    { orgId, userId: tenant.userId },
    async (tx) => ({
      organization: await getOrganization(tx),
      owner: await getMember(tx, tenant.userId),
    }),
  );
  assert.is(seen.organization.slug, "acme-ops");
  assert.is(seen.owner.role, "owner");
});

test("createOrganization needs a user in context", async () => {
  const { db, database } = service;
  const before = await countRows(database, "organizations");
  await rejectsWith(
    db.withTenant({ orgId: randomUUID() }, (tx) =>
      createOrganization(tx, { slug: "no-owner", name: "No owner" }),
    ),
    MissingTenantContextError,
  );
  assert.is(await countRows(database, "organizations"), before);
});

test("createOrganization rejects a taken slug", async () => {
  const { db, database } = service;
  const before = await countRows(database, "org_members");
  await rejectsWith(
    db.withTenant({ orgId: randomUUID(), userId: tenant.userId }, (tx) =>
      createOrganization(tx, { slug: "acme-ops", name: "Second" }),
    ),
    ConflictError,
  );
  assert.is(await countRows(database, "org_members"), before);
});

test("members are added, changed and removed", async () => {
  const { db, database } = service;
  const { rows } = await database.root.query<{ id: string }>(
    "insert into users (email) values ('third@example.com') returning id",
  );
  const third = rows[0]!.id;
  await asOwner(db, tenant, (tx) =>
    addMember(tx, { userId: third, role: "viewer" }),
  );
  const changed = await asOwner(db, tenant, (tx) =>
    changeMemberRole(tx, { userId: third, role: "admin" }),
  );
  assert.is(changed.role, "admin");
  const page = await asOwner(db, tenant, (tx) => listMembers(tx));
  assert.is(page.items.length, 3);
  assert.is(page.next, null);
  assert.ok(page.items.some((member) => member.email === "third@example.com"));
  await asOwner(db, tenant, (tx) => removeMember(tx, third));
  await rejectsWith(
    asOwner(db, tenant, (tx) => getMember(tx, third)),
    NotFoundError,
  );
});

test("listMembers pages by user id", async () => {
  const { db } = service;
  const first = await asOwner(db, tenant, (tx) =>
    listMembers(tx, { limit: 1 }),
  );
  assert.is(first.items.length, 1);
  assert.ok(first.next);
  const second = await asOwner(db, tenant, (tx) =>
    listMembers(tx, { limit: 1, after: first.next }),
  );
  assert.is(second.items.length, 1);
  assert.is.not(second.items[0]!.userId, first.items[0]!.userId);
  assert.is(second.next, null);
});

test("addMember rejects duplicates and unknown users", async () => {
  const { db } = service;
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      addMember(tx, { userId: tenant.memberId, role: "viewer" }),
    ),
    ConflictError,
  );
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      addMember(tx, { userId: randomUUID(), role: "viewer" }),
    ),
    NotFoundError,
  );
});

test("last owner cannot be demoted or removed", async () => {
  const { db } = service;
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      changeMemberRole(tx, { userId: tenant.userId, role: "admin" }),
    ),
    ConflictError,
  );
  await rejectsWith(
    asOwner(db, tenant, (tx) => removeMember(tx, tenant.userId)),
    ConflictError,
  );
  await asOwner(db, tenant, (tx) =>
    changeMemberRole(tx, { userId: tenant.memberId, role: "owner" }),
  );
  const demoted = await asOwner(db, tenant, (tx) =>
    changeMemberRole(tx, { userId: tenant.userId, role: "admin" }),
  );
  assert.is(demoted.role, "admin");
});

test("another organization's members stay invisible", async () => {
  const { db, database } = service;
  const other = await seedTenant(database);
  await rejectsWith(
    asOwner(db, tenant, (tx) => getMember(tx, other.userId)),
    NotFoundError,
  );
  await rejectsWith(
    asOwner(db, tenant, (tx) => removeMember(tx, other.memberId)),
    NotFoundError,
  );
  assert.is(
    await countRows(database, `org_members where org_id = '${other.orgId}'`),
    2,
  );
});

test.run();
