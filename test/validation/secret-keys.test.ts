/**
 * The TypeScript secret-key rule must reject exactly what the schema's
 * aurora_private.jsonb_secret_key_path() rejects, so that a document the
 * service accepts is never refused by the check constraint (AU003).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";

import {
  isSecretKey,
  normalizeKey,
  secretKeyPath,
} from "../../src/validation/index.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

let database: TestDatabase;

test.before(async () => {
  database = await createTestDatabase();
});

test.after(async () => {
  await database?.drop();
});

const KEYS = [
  "token",
  "access_token",
  "accessToken",
  "ACCESS-TOKEN",
  "refresh.token",
  "tokens",
  "token_type",
  "tokenUrl",
  "client_secret",
  "secretName",
  "password",
  "Passwd",
  "passphrase",
  "api_key",
  "API-Key",
  "apiKeyId",
  "private_key",
  "privateKeyPath",
  "aws_secret_key",
  "aws_access_key",
  "access_key_id",
  "authorization",
  "Authorization2",
  "credential",
  "credentials",
  "credentialsFile",
  "cookie",
  "cookies",
  "set_cookie",
  "login",
  "accountId",
  "scopes",
  "region",
  "",
  "__",
  "pässword",
  "tökén",
  "x-auth-token",
];

test("TypeScript and SQL agree on every key", async () => {
  const { rows } = await database.root.query<{
    key: string;
    path: string | null;
  }>(
    `select key, aurora_private.jsonb_secret_key_path(jsonb_build_object(key, 1)) as path
     from unnest($1::text[]) as key`,
    [KEYS],
  );
  const disagreements = rows
    .filter((row) => (row.path !== null) !== isSecretKey(row.key))
    .map(
      (row) =>
        `${JSON.stringify(row.key)}: SQL ${row.path !== null}, TypeScript ${isSecretKey(row.key)}`,
    );
  assert.equal(disagreements, []);
});

test("paths match the SQL function", async () => {
  const documents = [
    { nested: { deeper: [{ ok: 1 }, { "client/secret": "x" }] } },
    { list: [[{ apiKey: "k" }]] },
    { "a~b": { password: "p" } },
    { fine: { scopes: ["repo"] } },
  ];
  for (const document of documents) {
    const { rows } = await database.root.query<{ path: string | null }>(
      "select aurora_private.jsonb_secret_key_path($1::jsonb) as path",
      [JSON.stringify(document)],
    );
    assert.is(secretKeyPath(document), rows[0]!.path, JSON.stringify(document));
  }
});

test("normalizeKey keeps letters and digits only", () => {
  assert.is(normalizeKey("X-Api_Key.2"), "xapikey2");
});

test.run();
