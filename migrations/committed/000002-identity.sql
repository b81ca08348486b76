--! Previous: sha1:3b93784ce4d586b12030f32d11964202621d8edb
--! Hash: sha1:6a861599a384a77d39ea777f59ecd71f9cb351ab
--! Message: identity

-- Identity: organizations (the tenants), users, memberships, per-user preferences and the
-- references to per-user credentials.
--
-- users is global and has no row-level security, because login looks a user up before any
-- tenant context exists. The app role reads it through column privileges that leave out
-- password_hash, and passwords reach the table only through register_user(), authenticate()
-- and change_password(), which run as the owner.
--
-- Every other table here is a tenant table: org_id first in every key, row-level security
-- enabled and forced, and one policy per command for the app role. The app creates an
-- organization by generating its id, setting aurora.org_id to it and inserting the row and the
-- first membership. Roles inside an organization (org_member_role) are enforced by services,
-- not by policies.
--
-- Login mode: with aurora.user_id set and aurora.org_id unset, a user sees their own
-- memberships and the organizations they belong to, so that a service can offer the choice of
-- organization. As soon as aurora.org_id is set, only that organization is visible.

do $$
begin
  create type org_member_role as enum ('owner', 'admin', 'member', 'viewer');
exception
  when duplicate_object then null;
end
$$;
comment on type org_member_role is
  'Role of a user in an organization, from most to least privileged: owner, admin, member and '
  'viewer (read only). Services enforce what each role may do.';

do $$
begin
  create type token_provider as enum (
    'gcp', 'aws', 'azure', 'github', 'slack', 'grafana', 'datadog', 'pagerduty', 'netdata',
    'splunk', 'dynatrace', 'bigpanda', 'jenkins', 'cloudbees'
  );
exception
  when duplicate_object then null;
end
$$;
comment on type token_provider is
  'Cloud, code, chat or monitoring service that a user token grants access to.';

create table if not exists organizations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
  name text not null check (length(btrim(name)) between 1 and 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create or replace trigger _100_set_updated_at
  before update on organizations
  for each row execute function aurora_private.tg__set_updated_at();
alter table organizations enable row level security;
alter table organizations force row level security;
drop policy if exists insert_own_org on organizations;
create policy insert_own_org on organizations for insert to :AURORA_APP
  with check (id = (select current_org_id()));
drop policy if exists update_own_org on organizations;
create policy update_own_org on organizations for update to :AURORA_APP
  using (id = (select current_org_id()))
  with check (id = (select current_org_id()));
drop policy if exists delete_own_org on organizations;
create policy delete_own_org on organizations for delete to :AURORA_APP
  using (id = (select current_org_id()));
grant select, insert, update on organizations to :AURORA_APP;
grant select, delete on organizations to :AURORA_MAINTENANCE;
comment on table organizations is
  'Tenants. Each tenant table refers to one organization through org_id, and deleting an '
  'organization (a maintenance job) deletes all of its rows. The select policy is created '
  'with org_members, which it reads.';
comment on column organizations.slug is
  'Unique URL name: lowercase letters, digits and inner hyphens, 1 to 63 characters.';

create table if not exists users (
  id uuid primary key default gen_random_uuid(),
  email text not null
    check (length(email) <= 320 and email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  display_name text check (length(display_name) <= 200),
  password_hash text check (password_hash ~ '^\$2[aby]\$\d\d\$.{53}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index if not exists users_email_key on users (lower(email));
create or replace trigger _100_set_updated_at
  before update on users
  for each row execute function aurora_private.tg__set_updated_at();
grant select (id, email, display_name, created_at, updated_at) on users to :AURORA_APP;
grant update (email, display_name) on users to :AURORA_APP;
grant select, delete on users to :AURORA_MAINTENANCE;
comment on table users is
  'People who sign in. Global, without row-level security. The app role may read every column '
  'except password_hash, so queries must name their columns (select * and returning * fail).';
comment on column users.email is
  'Sign-in address as the user typed it. Unique ignoring case, through users_email_key on '
  'lower(email); look users up with lower(email) = lower($1) to use that index.';
comment on column users.password_hash is
  'bcrypt hash written by register_user() or change_password(); NULL for users who sign in '
  'only through an identity provider. Unreadable by the app role.';

create table if not exists org_members (
  org_id uuid not null references organizations on delete cascade,
  user_id uuid not null references users on delete cascade,
  role org_member_role not null default 'member',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, user_id)
);
create or replace trigger _100_set_updated_at
  before update on org_members
  for each row execute function aurora_private.tg__set_updated_at();
alter table org_members enable row level security;
alter table org_members force row level security;
drop policy if exists select_own_org_or_own_user on org_members;
create policy select_own_org_or_own_user on org_members for select to :AURORA_APP
  using (
    org_id = (select current_org_id())
    or ((select current_org_id()) is null and user_id = (select current_user_id()))
  );
drop policy if exists insert_own_org on org_members;
create policy insert_own_org on org_members for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on org_members;
create policy update_own_org on org_members for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on org_members;
create policy delete_own_org on org_members for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update, delete on org_members to :AURORA_APP;
grant select, delete on org_members to :AURORA_MAINTENANCE;
comment on table org_members is
  'Membership of users in organizations. Rows private to a user (tokens, preferences, chat) '
  'reference a membership, so removing a member deletes them. Without an organization in '
  'context, a user in context sees their own memberships (login mode).';
-- NOTE: there is no index on user_id alone, to keep org_id first in every index. Login-mode
-- lookups and user deletion scan org_members; add one if memberships grow large.

drop policy if exists select_own_org_or_member on organizations;
create policy select_own_org_or_member on organizations for select to :AURORA_APP
  using (
    id = (select current_org_id())
    or (
      (select current_org_id()) is null
      and id in (select org_id from org_members where user_id = (select current_user_id()))
    )
  );

create table if not exists user_preferences (
  org_id uuid not null references organizations on delete cascade,
  user_id uuid not null,
  key text not null check (length(key) between 1 and 200),
  value jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, user_id, key),
  foreign key (org_id, user_id) references org_members on delete cascade
);
create or replace trigger _100_set_updated_at
  before update on user_preferences
  for each row execute function aurora_private.tg__set_updated_at();
alter table user_preferences enable row level security;
alter table user_preferences force row level security;
drop policy if exists select_own_user on user_preferences;
create policy select_own_user on user_preferences for select to :AURORA_APP
  using (org_id = (select current_org_id()) and user_id = (select current_user_id()));
drop policy if exists insert_own_user on user_preferences;
create policy insert_own_user on user_preferences for insert to :AURORA_APP
  with check (org_id = (select current_org_id()) and user_id = (select current_user_id()));
drop policy if exists update_own_user on user_preferences;
create policy update_own_user on user_preferences for update to :AURORA_APP
  using (org_id = (select current_org_id()) and user_id = (select current_user_id()))
  with check (org_id = (select current_org_id()) and user_id = (select current_user_id()));
drop policy if exists delete_own_user on user_preferences;
create policy delete_own_user on user_preferences for delete to :AURORA_APP
  using (org_id = (select current_org_id()) and user_id = (select current_user_id()));
grant select, insert, update, delete on user_preferences to :AURORA_APP;
grant select on user_preferences to :AURORA_MAINTENANCE;
comment on table user_preferences is
  'Settings of one user in one organization, one JSONB value per key. Visible only to that '
  'user in that organization.';
comment on column user_preferences.value is
  'Any JSON value; services validate it against the JSON Schema registered for the key.';

create table if not exists user_tokens (
  org_id uuid not null references organizations on delete cascade,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  provider token_provider not null,
  secret_ref text not null
    check (length(secret_ref) <= 1000 and secret_ref ~ '^vault:[^[:space:]]+$'),
  metadata jsonb not null default '{}' check (
    jsonb_typeof(metadata) = 'object' and not aurora_private.jsonb_has_secret_key(metadata)
  ),
  expires_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, user_id) references org_members on delete cascade
);
create unique index if not exists user_tokens_org_id_user_id_provider_key
  on user_tokens (org_id, user_id, provider)
  where revoked_at is null;
create or replace trigger _100_set_updated_at
  before update on user_tokens
  for each row execute function aurora_private.tg__set_updated_at();
create or replace trigger _200_reject_secret_keys
  before insert or update of metadata on user_tokens
  for each row execute function aurora_private.tg__reject_secret_keys('metadata');
alter table user_tokens enable row level security;
alter table user_tokens force row level security;
drop policy if exists select_own_user on user_tokens;
create policy select_own_user on user_tokens for select to :AURORA_APP
  using (org_id = (select current_org_id()) and user_id = (select current_user_id()));
drop policy if exists insert_own_user on user_tokens;
create policy insert_own_user on user_tokens for insert to :AURORA_APP
  with check (org_id = (select current_org_id()) and user_id = (select current_user_id()));
drop policy if exists update_own_user on user_tokens;
create policy update_own_user on user_tokens for update to :AURORA_APP
  using (org_id = (select current_org_id()) and user_id = (select current_user_id()))
  with check (org_id = (select current_org_id()) and user_id = (select current_user_id()));
drop policy if exists delete_own_user on user_tokens;
create policy delete_own_user on user_tokens for delete to :AURORA_APP
  using (org_id = (select current_org_id()) and user_id = (select current_user_id()));
grant select, insert, update, delete on user_tokens to :AURORA_APP;
grant select on user_tokens to :AURORA_MAINTENANCE;
comment on table user_tokens is
  'Credentials a user connected for a provider. The secret itself lives in Vault; this row '
  'holds its path and non-secret metadata. At most one unrevoked token per user and provider.';
comment on column user_tokens.secret_ref is
  'Vault path of the secret, written as vault:<path>, for example vault:secret/data/aurora/x.';
comment on column user_tokens.metadata is
  'Non-secret facts about the credential (account id, scopes, region). A key that looks like a '
  'secret at any depth (access_token, client_secret, password, api_key and similar) raises '
  'AU003; see aurora_private.jsonb_secret_key_path().';
comment on column user_tokens.expires_at is
  'When the credential stops working, if the provider said so.';
comment on column user_tokens.revoked_at is
  'When the user or a service revoked the token; NULL while it is usable.';

create or replace function register_user(email text, password text, display_name text)
  returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, public, pg_temp
as $$
declare
  new_user_id uuid;
begin
  if password is null or password = '' then
    raise exception using errcode = '22023', message = 'password must not be empty';
  end if;
  if octet_length(password) > 72 then
    raise exception using
      errcode = '22023',
      message = format('password is %s bytes long, but bcrypt reads at most 72',
        octet_length(password));
  end if;
  insert into public.users (email, display_name, password_hash)
  values (register_user.email, register_user.display_name,
    public.crypt(password, public.gen_salt('bf', 12)))
  returning id into new_user_id;
  return new_user_id;
end;
$$;
revoke all on function register_user(text, text, text) from public;
grant execute on function register_user(text, text, text) to :AURORA_APP;
comment on function register_user(text, text, text) is
  'Creates a user with a bcrypt hash (cost 12) of the password and returns the new id. Raises '
  '22023 for an empty password or one longer than 72 bytes, and 23505 on users_email_key when '
  'the address is taken in any letter case.';

create or replace function authenticate(email text, password text) returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, public, pg_temp
as $$
declare
  found_user_id uuid;
  stored_hash text;
begin
  select users.id, users.password_hash
  into found_user_id, stored_hash
  from public.users
  where lower(users.email) = lower(authenticate.email);

  if stored_hash is null then
    -- Hash anyway, so that a missing user takes as long as a wrong password.
    perform public.crypt(coalesce(password, ''), public.gen_salt('bf', 12));
    return null;
  end if;
  if password is not null and public.crypt(password, stored_hash) = stored_hash then
    return found_user_id;
  end if;
  return null;
end;
$$;
revoke all on function authenticate(text, text) from public;
grant execute on function authenticate(text, text) to :AURORA_APP;
comment on function authenticate(text, text) is
  'Returns the id of the user with this email (any letter case) when the password matches its '
  'bcrypt hash, and NULL otherwise, including for unknown addresses and users without a '
  'password. Takes about as long either way.';

create or replace function change_password(user_id uuid, current_password text,
  new_password text) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, public, pg_temp
as $$
declare
  stored_hash text;
begin
  if new_password is null or new_password = '' then
    raise exception using errcode = '22023', message = 'new password must not be empty';
  end if;
  if octet_length(new_password) > 72 then
    raise exception using
      errcode = '22023',
      message = format('new password is %s bytes long, but bcrypt reads at most 72',
        octet_length(new_password));
  end if;

  select users.password_hash into stored_hash
  from public.users
  where users.id = change_password.user_id
  for update;

  if stored_hash is null
    or public.crypt(coalesce(current_password, ''), stored_hash) <> stored_hash then
    return false;
  end if;
  update public.users
  set password_hash = public.crypt(new_password, public.gen_salt('bf', 12))
  where users.id = change_password.user_id;
  return found;
end;
$$;
revoke all on function change_password(uuid, text, text) from public;
grant execute on function change_password(uuid, text, text) to :AURORA_APP;
comment on function change_password(uuid, text, text) is
  'Replaces the bcrypt hash of a user when current_password matches it and returns true. '
  'Returns false for a wrong current password, an unknown user or a user without a password. '
  'Raises 22023 for an empty new password or one longer than 72 bytes.';
