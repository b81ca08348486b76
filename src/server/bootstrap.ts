import type pg from "pg";
import { ConfigurationError } from "../errors.ts";
import type { ConfiguredSettings, RoleNames } from "../config/settings.ts";
import { withConnection } from "../config/settings.ts";
import { connectClient, withClient } from "./connect.ts";

/** Extensions the schema needs; created by the superuser so that a fresh database has them. */
export const EXTENSIONS = ["pgcrypto", "pg_trgm"] as const;

interface RoleSpec {
  key: keyof RoleNames;
  /** Attributes the role must have, as `create role` options. */
  attributes: string[];
}

const ROLE_SPECS: RoleSpec[] = [
  {
    key: "owner",
    attributes: [
      "login",
      "nosuperuser",
      "nocreaterole",
      "noreplication",
      "nobypassrls",
    ],
  },
  {
    key: "app",
    attributes: [
      "login",
      "nosuperuser",
      "nocreatedb",
      "nocreaterole",
      "noreplication",
      "nobypassrls",
    ],
  },
  {
    key: "maintenance",
    attributes: [
      "login",
      "nosuperuser",
      "nocreatedb",
      "nocreaterole",
      "noreplication",
      "bypassrls",
    ],
  },
];

/**
 * Creates whatever is missing: the three roles, the database and the shadow
 * database (owned by the owner role), and the extensions. Each step checks the
 * catalog first, so a second run changes nothing and returns no actions.
 */
export async function bootstrap(
  settings: ConfiguredSettings,
): Promise<string[]> {
  if (!settings.rootUrl) {
    throw new ConfigurationError(
      "ROOT_DATABASE_URL is missing: set it to a superuser connection such as " +
        "postgres://postgres@127.0.0.1:5432/postgres so aurora-db can create the database and roles.",
      "ROOT_DATABASE_URL",
    );
  }
  const actions: string[] = [];
  await withClient(settings.rootUrl, "ROOT_DATABASE_URL", async (root) => {
    await requireSuperuser(root);
    for (const spec of ROLE_SPECS) {
      actions.push(...(await ensureRole(root, settings, spec)));
    }
    for (const database of [settings.database, settings.shadowDatabase]) {
      actions.push(...(await ensureDatabase(root, database, settings.roles)));
    }
  });
  const inDatabase = withConnection(settings.rootUrl, {
    database: settings.database,
  });
  await withClient(inDatabase, "ROOT_DATABASE_URL", async (client) => {
    actions.push(...(await ensureExtensions(client, settings.database)));
  });
  actions.push(...(await ensurePasswords(settings)));
  return actions;
}

async function requireSuperuser(root: pg.Client): Promise<void> {
  const { rows } = await root.query<{ rolsuper: boolean; rolname: string }>(
    "select rolsuper, rolname from pg_roles where rolname = current_user",
  );
  if (!rows[0]?.rolsuper) {
    throw new ConfigurationError(
      `ROOT_DATABASE_URL connects as "${rows[0]?.rolname}", which is not a superuser: ` +
        "aurora-db needs one to create a role with BYPASSRLS.",
      "ROOT_DATABASE_URL",
    );
  }
}

async function ensureRole(
  root: pg.Client,
  settings: ConfiguredSettings,
  spec: RoleSpec,
): Promise<string[]> {
  const name = settings.roles[spec.key];
  const quoted = root.escapeIdentifier(name);
  const { rows } = await root.query<Record<string, boolean>>(
    `select rolcanlogin as login, rolsuper as superuser, rolcreaterole as createrole,
            rolcreatedb as createdb, rolreplication as replication, rolbypassrls as bypassrls
       from pg_roles where rolname = $1`,
    [name],
  );
  const current = rows[0];
  if (!current) {
    const password = settings.passwords[spec.key];
    const withPassword = password
      ? ` password ${root.escapeLiteral(password)}`
      : "";
    await root.query(
      `create role ${quoted} ${spec.attributes.join(" ")}${withPassword}`,
    );
    return [`created role ${name} (${spec.key})`];
  }
  const wrong = spec.attributes.filter((attribute) => {
    const negated = attribute.startsWith("no");
    const flag = negated ? attribute.slice(2) : attribute;
    return flag in current && current[flag] === negated;
  });
  if (wrong.length === 0) return [];
  await root.query(`alter role ${quoted} ${wrong.join(" ")}`);
  return [`altered role ${name}: ${wrong.join(", ")}`];
}

async function ensureDatabase(
  root: pg.Client,
  database: string,
  roles: RoleNames,
): Promise<string[]> {
  const actions: string[] = [];
  const quoted = root.escapeIdentifier(database);
  const owner = root.escapeIdentifier(roles.owner);
  const { rows } = await root.query<{ owner: string }>(
    `select pg_get_userbyid(datdba) as owner from pg_database where datname = $1`,
    [database],
  );
  if (!rows[0]) {
    await root.query(
      `create database ${quoted} owner ${owner} encoding 'UTF8' template template0`,
    );
    actions.push(`created database ${database}`);
  } else if (rows[0].owner !== roles.owner) {
    await root.query(`alter database ${quoted} owner to ${owner}`);
    actions.push(`made ${roles.owner} the owner of database ${database}`);
  }
  const grants = await root.query<{ role: string }>(
    `select r.rolname as role from pg_roles r
      where r.rolname = any($2) and not has_database_privilege(r.rolname, $1, 'connect')`,
    [database, [roles.app, roles.maintenance]],
  );
  for (const { role } of grants.rows) {
    await root.query(
      `grant connect on database ${quoted} to ${root.escapeIdentifier(role)}`,
    );
    actions.push(`granted connect on ${database} to ${role}`);
  }
  return actions;
}

async function ensureExtensions(
  client: pg.Client,
  database: string,
): Promise<string[]> {
  const { rows } = await client.query<{ extname: string }>(
    "select extname from pg_extension",
  );
  const present = new Set(rows.map((row) => row.extname));
  const actions: string[] = [];
  for (const extension of EXTENSIONS) {
    if (present.has(extension)) continue;
    await client.query(
      `create extension if not exists ${client.escapeIdentifier(extension)}`,
    );
    actions.push(`created extension ${extension} in ${database}`);
  }
  return actions;
}

/**
 * Sets a role's password when its URL carries one that the server rejects,
 * so that changing a password in the settings takes effect on the next bootstrap.
 */
async function ensurePasswords(
  settings: ConfiguredSettings,
): Promise<string[]> {
  const actions: string[] = [];
  const urls: Record<keyof RoleNames, string> = {
    owner: settings.ownerUrl,
    app: settings.appUrl,
    maintenance: settings.maintenanceUrl,
  };
  for (const key of ["owner", "app", "maintenance"] as const) {
    const password = settings.passwords[key];
    if (!password || (await canLogIn(urls[key]))) continue;
    await withClient(settings.rootUrl!, "ROOT_DATABASE_URL", (root) =>
      root.query(
        `alter role ${root.escapeIdentifier(settings.roles[key])} password ${root.escapeLiteral(password)}`,
      ),
    );
    actions.push(`set the password of ${settings.roles[key]}`);
  }
  return actions;
}

async function canLogIn(url: string): Promise<boolean> {
  try {
    const client = await connectClient(url, "login check");
    await client.end();
    return true;
  } catch (error) {
    if (
      error instanceof ConfigurationError &&
      /user or password/.test(error.message)
    )
      return false;
    throw error;
  }
}
