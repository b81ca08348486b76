/**
 * A throwaway database for one pool test file. It has its own roles, with
 * random names because roles are cluster-wide and other test files may run at
 * the same time. Its tables force RLS with policies that read the
 * transaction-local tenant context, and its functions raise the project's
 * SQLSTATEs.
 *
 * The superuser URL is the one `npm test` resolved (AURORA_TEST_SETTINGS), else
 * AURORA_TEST_ROOT_URL, else postgres://postgres@127.0.0.1:5432/postgres. The pool tests always
 * connect directly: the PgBouncer that .ci/pgbouncer starts accepts only the
 * login roles in its user list, and these roles are created per run.
 */
import { randomBytes, randomUUID } from "node:crypto";

import pg from "pg";

export interface ScratchDatabase {
  name: string;
  appRole: string;
  maintenanceRole: string;
  /** Logs in as the app role. */
  appUrl: string;
  /** Logs in as the maintenance role. */
  maintenanceUrl: string;
  /** Superuser connections to the scratch database, for setup and checks. */
  root: pg.Pool;
  drop(): Promise<void>;
}

const ROOT_URL: string =
  (process.env.AURORA_TEST_SETTINGS &&
    JSON.parse(process.env.AURORA_TEST_SETTINGS).rootUrl) ||
  process.env.AURORA_TEST_ROOT_URL ||
  "postgres://postgres@127.0.0.1:5432/postgres";

const CURRENT_ORG = `nullif(current_setting('aurora.org_id', true), '')::uuid`;
const CURRENT_USER = `nullif(current_setting('aurora.user_id', true), '')::uuid`;

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const suffix = randomBytes(5).toString("hex");
  const name = `pooltest_${suffix}`;
  const appRole = `pooltest_app_${suffix}`;
  const maintenanceRole = `pooltest_maint_${suffix}`;
  const password = randomBytes(12).toString("hex");

  const admin = new pg.Client({ connectionString: ROOT_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    await admin.query(
      `create role ${appRole} login nobypassrls password '${password}'`,
    );
    await admin.query(
      `create role ${maintenanceRole} login bypassrls password '${password}'`,
    );
  } finally {
    await admin.end();
  }

  const root = new pg.Pool({ connectionString: urlFor(name), max: 4 });
  // An idle connection that the server terminates must not crash the test run.
  root.on("error", () => {});
  const drop = () =>
    dropScratchDatabase(root, name, [appRole, maintenanceRole]);
  try {
    await root.query(schemaSql(appRole, maintenanceRole));
  } catch (error) {
    await drop();
    throw error;
  }

  return {
    name,
    appRole,
    maintenanceRole,
    appUrl: urlFor(name, appRole, password),
    maintenanceUrl: urlFor(name, maintenanceRole, password),
    root,
    drop,
  };
}

/** Inserts rows as the superuser, bypassing RLS. */
export async function seedNotes(
  root: pg.Pool,
  orgId: string,
  bodies: string[],
): Promise<void> {
  await root.query(
    "insert into notes (org_id, body) select $1, unnest($2::text[])",
    [orgId, bodies],
  );
}

export function newOrgIds(count: number): string[] {
  return Array.from({ length: count }, () => randomUUID());
}

function urlFor(database: string, user?: string, password?: string): string {
  const url = new URL(ROOT_URL);
  url.pathname = `/${database}`;
  if (user !== undefined) {
    url.username = user;
    url.password = password ?? "";
  }
  return url.toString();
}

function schemaSql(appRole: string, maintenanceRole: string): string {
  return `
    create table notes (
      org_id uuid not null,
      id bigint generated always as identity,
      body text not null check (length(body) <= 200),
      primary key (org_id, id)
    );
    alter table notes enable row level security;
    alter table notes force row level security;
    create policy select_own_org on notes for select using (org_id = ${CURRENT_ORG});
    create policy insert_own_org on notes for insert with check (org_id = ${CURRENT_ORG});
    create policy update_own_org on notes for update using (org_id = ${CURRENT_ORG});
    create policy delete_own_org on notes for delete using (org_id = ${CURRENT_ORG});

    create table private_notes (
      org_id uuid not null,
      user_id uuid not null,
      body text not null,
      primary key (org_id, user_id, body)
    );
    alter table private_notes enable row level security;
    alter table private_notes force row level security;
    create policy select_own_user on private_notes for select
      using (org_id = ${CURRENT_ORG} and user_id = ${CURRENT_USER});
    create policy insert_own_user on private_notes for insert
      with check (org_id = ${CURRENT_ORG} and user_id = ${CURRENT_USER});

    create table tags (
      org_id uuid not null,
      name text not null,
      weight integer,
      short_code varchar(4),
      seen_at timestamptz,
      primary key (org_id, name)
    );
    alter table tags enable row level security;
    alter table tags force row level security;
    create policy all_own_org on tags using (org_id = ${CURRENT_ORG});

    create table tag_links (
      org_id uuid not null,
      tag_name text not null,
      foreign key (org_id, tag_name) references tags (org_id, name)
    );
    alter table tag_links enable row level security;
    alter table tag_links force row level security;
    create policy all_own_org on tag_links using (org_id = ${CURRENT_ORG});

    create sequence conflict_calls;
    create function raise_conflict_once() returns integer language plpgsql as $$
    begin
      if nextval('conflict_calls') = 1 then
        raise exception 'forced serialization failure' using errcode = '40001';
      end if;
      return 1;
    end $$;

    create function require_org() returns uuid language plpgsql as $$
    begin
      if ${CURRENT_ORG} is null then
        raise exception 'no organization in context' using errcode = 'AU001';
      end if;
      return ${CURRENT_ORG};
    end $$;

    create function find_note(note_id bigint) returns text language plpgsql as $$
    declare
      found_body text;
    begin
      select body into found_body from notes where id = note_id;
      if not found then
        raise exception 'note % not found', note_id using errcode = 'AU004';
      end if;
      return found_body;
    end $$;

    grant select, insert, update, delete on notes, private_notes, tags, tag_links
      to ${appRole}, ${maintenanceRole};
    grant usage on sequence conflict_calls to ${appRole}, ${maintenanceRole};
  `;
}

async function dropScratchDatabase(
  root: pg.Pool,
  name: string,
  roles: string[],
): Promise<void> {
  await root.end();
  const admin = new pg.Client({ connectionString: ROOT_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    // Roles are cluster-wide, so they are dropped even when the database drop failed.
    try {
      for (const role of roles) {
        await admin.query(`drop role if exists ${role}`);
      }
    } finally {
      await admin.end();
    }
  }
}
