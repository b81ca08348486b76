import { randomUUID } from "node:crypto";

import { test } from "uvu";
import * as assert from "uvu/assert";

import {
  ConflictError,
  NotFoundError,
  ValidationError,
} from "../../src/errors.ts";
import {
  addIntegration,
  addToken,
  deletePreference,
  getIntegration,
  getPreference,
  listIntegrations,
  listPreferences,
  listTokens,
  removeIntegration,
  revokeToken,
  setPreference,
  updateIntegration,
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

test("preferences are set, replaced, listed and deleted", async () => {
  const { db } = service;
  await asOwner(db, tenant, (tx) =>
    setPreference(tx, { key: "theme", value: "dark" }),
  );
  await asOwner(db, tenant, (tx) =>
    setPreference(tx, { key: "layout", value: [1, { columns: 2 }] }),
  );
  const replaced = await asOwner(db, tenant, (tx) =>
    setPreference(tx, {
      key: "theme",
      value: { mode: "light", contrast: null },
    }),
  );
  assert.equal(replaced.value, { mode: "light", contrast: null });
  const all = await asOwner(db, tenant, (tx) => listPreferences(tx));
  assert.equal(
    all.map((preference) => [preference.key, preference.value]),
    [
      ["layout", [1, { columns: 2 }]],
      ["theme", { mode: "light", contrast: null }],
    ],
  );
  await asOwner(db, tenant, (tx) => deletePreference(tx, "layout"));
  await rejectsWith(
    asOwner(db, tenant, (tx) => getPreference(tx, "layout")),
    NotFoundError,
  );
  await rejectsWith(
    asOwner(db, tenant, (tx) => deletePreference(tx, "layout")),
    NotFoundError,
  );
});

test("preferences of another member stay invisible", async () => {
  const { db } = service;
  const theirs = await db.withTenant(
    { orgId: tenant.orgId, userId: tenant.memberId },
    (tx) => listPreferences(tx),
  );
  assert.is(theirs.length, 0);
});

test("a user outside the organization cannot store preferences", async () => {
  const { db, database } = service;
  const { rows } = await database.root.query<{ id: string }>(
    "insert into users (email) values ('outsider@example.com') returning id",
  );
  await rejectsWith(
    db.withTenant({ orgId: tenant.orgId, userId: rows[0]!.id }, (tx) =>
      setPreference(tx, { key: "theme", value: "dark" }),
    ),
    NotFoundError,
  );
});

test("tokens are added, listed and revoked", async () => {
  const { db } = service;
  const token = await asOwner(db, tenant, (tx) =>
    addToken(tx, {
      provider: "github",
      secretRef: "vault:secret/data/aurora/github",
      metadata: { login: "octocat", scopes: ["repo"] },
      expiresAt: "2030-01-01T00:00:00Z",
    }),
  );
  assert.is(token.revokedAt, null);
  assert.equal(token.metadata, { login: "octocat", scopes: ["repo"] });
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      addToken(tx, { provider: "github", secretRef: "vault:other" }),
    ),
    ConflictError,
  );
  const revoked = await asOwner(db, tenant, (tx) => revokeToken(tx, token.id));
  assert.ok(revoked.revokedAt instanceof Date);
  const again = await asOwner(db, tenant, (tx) => revokeToken(tx, token.id));
  assert.equal(again.revokedAt, revoked.revokedAt);
  const active = await asOwner(db, tenant, (tx) => listTokens(tx));
  assert.is(active.length, 0);
  const every = await asOwner(db, tenant, (tx) =>
    listTokens(tx, { includeRevoked: true }),
  );
  assert.is(every.length, 1);
  await asOwner(db, tenant, (tx) =>
    addToken(tx, { provider: "github", secretRef: "vault:secret/new" }),
  );
  await rejectsWith(
    asOwner(db, tenant, (tx) => revokeToken(tx, randomUUID())),
    NotFoundError,
  );
});

test("token metadata with a secret field is rejected", async () => {
  const { db, database } = service;
  const before = await countRows(database, "user_tokens");
  const error = await rejectsWith(
    asOwner(db, tenant, (tx) =>
      addToken(tx, {
        provider: "slack",
        secretRef: "vault:secret/slack",
        metadata: { team: { "Bot-Token": "xoxb-123" } },
      }),
    ),
    ValidationError,
  );
  assert.equal(error.issues, [
    {
      path: "/metadata/team/Bot-Token",
      message:
        "is a secret field, which must not be stored here; put the secret in Vault and pass its path as secretRef",
    },
  ]);
  assert.is(await countRows(database, "user_tokens"), before);
});

test("integrations are added, updated, listed and removed", async () => {
  const { db } = service;
  const jira = await asOwner(db, tenant, (tx) =>
    addIntegration(tx, {
      kind: "jira",
      name: "Acme Jira",
      config: { baseUrl: "https://acme.atlassian.net", projectKeys: ["OPS"] },
      secretRef: "vault:secret/jira",
    }),
  );
  assert.is(jira.isEnabled, true);
  assert.is(jira.createdBy, tenant.userId);
  const updated = await asOwner(db, tenant, (tx) =>
    updateIntegration(tx, {
      id: jira.id,
      config: {
        baseUrl: "https://jira.acme.example",
        projectKeys: ["OPS", "SRE"],
      },
      isEnabled: false,
      secretRef: null,
    }),
  );
  assert.equal(updated.config, {
    baseUrl: "https://jira.acme.example",
    projectKeys: ["OPS", "SRE"],
  });
  assert.is(updated.isEnabled, false);
  assert.is(updated.secretRef, null);
  const renamed = await asOwner(db, tenant, (tx) =>
    updateIntegration(tx, { id: jira.id, name: "Jira" }),
  );
  assert.is(renamed.secretRef, null);
  assert.is(renamed.name, "Jira");
  await asOwner(db, tenant, (tx) =>
    addIntegration(tx, {
      kind: "slack",
      name: "Ops",
      config: { channelId: "C1" },
    }),
  );
  const listed = await asOwner(db, tenant, (tx) => listIntegrations(tx));
  assert.equal(
    listed.map((integration) => integration.kind),
    ["slack", "jira"],
  );
  const onlyJira = await asOwner(db, tenant, (tx) =>
    listIntegrations(tx, { kind: "jira" }),
  );
  assert.is(onlyJira.length, 1);
  await asOwner(db, tenant, (tx) => removeIntegration(tx, jira.id));
  await rejectsWith(
    asOwner(db, tenant, (tx) => getIntegration(tx, jira.id)),
    NotFoundError,
  );
});

test("integration config is checked against its kind", async () => {
  const { db, database } = service;
  const before = await countRows(database, "integrations");
  const missingUrl = await rejectsWith(
    asOwner(db, tenant, (tx) =>
      addIntegration(tx, { kind: "splunk", name: "Splunk", config: {} }),
    ),
    ValidationError,
  );
  assert.equal(missingUrl.issues, [
    { path: "/config/baseUrl", message: "is required" },
  ]);
  const github = await asOwner(db, tenant, (tx) =>
    addIntegration(tx, {
      kind: "github",
      name: "acme",
      config: { organization: "acme" },
    }),
  );
  const secret = await rejectsWith(
    asOwner(db, tenant, (tx) =>
      updateIntegration(tx, {
        id: github.id,
        config: { organization: "acme", webhookSecret: "s3cr3t" },
      }),
    ),
    ValidationError,
  );
  assert.is(secret.issues[0]?.path, "/config/webhookSecret");
  const wrongShape = await rejectsWith(
    asOwner(db, tenant, (tx) =>
      updateIntegration(tx, { id: github.id, config: { appId: "12" } }),
    ),
    ValidationError,
  );
  assert.equal(wrongShape.issues, [
    { path: "/config/appId", message: "must be integer" },
  ]);
  const unchanged = await asOwner(db, tenant, (tx) =>
    getIntegration(tx, github.id),
  );
  assert.equal(unchanged.config, { organization: "acme" });
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      addIntegration(tx, { kind: "github", name: "acme" }),
    ),
    ConflictError,
  );
  assert.is(await countRows(database, "integrations"), before + 1);
});

test.run();
