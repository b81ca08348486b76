import { test } from "uvu";
import * as assert from "uvu/assert";
import { resolveSettings } from "../../src/config/settings.ts";
import { ConfigurationError } from "../../src/errors.ts";

function configurationError(env: NodeJS.ProcessEnv): ConfigurationError {
  try {
    resolveSettings(env);
  } catch (error) {
    assert.instance(error, ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error("expected a ConfigurationError");
}

test("resolves embedded default without settings", () => {
  const settings = resolveSettings({});
  assert.is(settings.kind, "embedded");
  if (settings.kind !== "embedded") return;
  assert.is(settings.version, "15");
  assert.is(settings.database, "aurora");
  assert.equal(settings.roles, {
    owner: "aurora_owner",
    app: "aurora_app",
    maintenance: "aurora_maintenance",
  });
});

test("derives app and shadow urls from DATABASE_URL", () => {
  const settings = resolveSettings({
    DATABASE_URL: "postgres://owner_x:s%40cret@db.internal:6432/aurora_prod",
    ROOT_DATABASE_URL: "postgres://postgres@db.internal:6432/postgres",
    AURORA_APP_PASSWORD: "app-pass",
  });
  assert.is(settings.kind, "configured");
  if (settings.kind !== "configured") return;
  assert.is(settings.roles.owner, "owner_x");
  assert.is(settings.passwords.owner, "s@cret");
  assert.is(settings.database, "aurora_prod");
  assert.is(settings.shadowDatabase, "aurora_prod_shadow");
  assert.is(
    settings.appUrl,
    "postgres://aurora_app:app-pass@db.internal:6432/aurora_prod",
  );
  assert.is(
    settings.maintenanceUrl,
    "postgres://aurora_maintenance@db.internal:6432/aurora_prod",
  );
});

test("uses explicit APP_DATABASE_URL and role names", () => {
  const settings = resolveSettings({
    DATABASE_URL: "postgresql://own@h/db1",
    AURORA_APP: "svc",
    APP_DATABASE_URL: "postgres://svc:pw@pgbouncer:6432/db1",
    SHADOW_DATABASE_URL: "postgres://own@h/db1_scratch",
  });
  if (settings.kind !== "configured")
    throw new Error("expected configured settings");
  assert.is(settings.roles.app, "svc");
  assert.is(settings.appUrl, "postgres://svc:pw@pgbouncer:6432/db1");
  assert.is(settings.shadowDatabase, "db1_scratch");
});

test("falls back to PG variables", () => {
  const settings = resolveSettings({
    PGHOST: "10.0.0.5",
    PGUSER: "admin",
    PGPASSWORD: "pw",
    PGDATABASE: "aur",
  });
  if (settings.kind !== "configured")
    throw new Error("expected configured settings");
  assert.is(settings.origin, "PG*");
  assert.is(settings.rootUrl, "postgres://admin:pw@10.0.0.5:5432/postgres");
  assert.is(settings.ownerUrl, "postgres://aurora_owner@10.0.0.5:5432/aur");
});

test("rejects malformed settings naming the variable", () => {
  const cases: Array<[NodeJS.ProcessEnv, string, RegExp]> = [
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL", /not a valid URL/],
    [{ DATABASE_URL: "mysql://u@h/db" }, "DATABASE_URL", /postgres:\/\//],
    [{ DATABASE_URL: "postgres://u@h/" }, "DATABASE_URL", /database name/],
    [{ DATABASE_URL: "postgres://h/db" }, "DATABASE_URL", /no user/],
    [
      { DATABASE_URL: "postgres://u@h:99999/db" },
      "DATABASE_URL",
      /not a valid URL|invalid port/,
    ],
    [
      { DATABASE_URL: "postgres://u@h/db", ROOT_DATABASE_URL: "http://x/y" },
      "ROOT_DATABASE_URL",
      /scheme/,
    ],
    [
      { DATABASE_URL: "postgres://u@h/db", SHADOW_DATABASE_URL: "::" },
      "SHADOW_DATABASE_URL",
      /not a valid URL/,
    ],
    [
      {
        DATABASE_URL: "postgres://u@h/db",
        APP_DATABASE_URL: "postgres://other@h/db",
      },
      "APP_DATABASE_URL",
      /connects as "other"/,
    ],
    [
      { DATABASE_URL: "postgres://u@h/db", AURORA_APP: "Bad-Name" },
      "AURORA_APP",
      /not a valid role name/,
    ],
    [
      { DATABASE_URL: "postgres://u@h/db", AURORA_APP: "u" },
      "AURORA_APP",
      /must differ/,
    ],
    [{ PGPORT: "abc" }, "PGPORT", /not a TCP port/],
    [{ AURORA_EMBEDDED_PORT: "80" }, "AURORA_EMBEDDED_PORT", /1024 to 65535/],
    [
      { AURORA_EMBEDDED_VERSION: "9.6" },
      "AURORA_EMBEDDED_VERSION",
      /15 or latest/,
    ],
  ];
  for (const [env, setting, pattern] of cases) {
    const error = configurationError(env);
    assert.is(
      error.setting,
      setting,
      `setting named for ${JSON.stringify(env)}`,
    );
    assert.match(error.message, pattern);
    assert.ok(
      error.message.includes(setting),
      `message names ${setting}: ${error.message}`,
    );
  }
});

test.run();
