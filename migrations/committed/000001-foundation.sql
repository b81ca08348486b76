--! Previous: -
--! Hash: sha1:3b93784ce4d586b12030f32d11964202621d8edb
--! Message: foundation

-- Foundation: extensions, the private schema, the tenant context functions and the helper
-- functions that later migrations share.
--
-- The tenant context is two transaction-local settings, aurora.org_id and aurora.user_id,
-- which services set with set_config(name, value, true). Policies read them only through
-- current_org_id() and current_user_id(). A setting that was never set reads as NULL, and one
-- that an earlier transaction set reads back as '', so both functions turn '' into NULL. Every
-- policy compares a column with that NULL, which matches no row: no context means no rows and
-- rejected writes, never a cast error.
--
-- Errors raised by this schema carry SQLSTATEs with the project prefix AU:
--   AU002  invalid state transition (incidents.status, incidents.analysis_status)
--   AU003  secret field in a JSONB column that must hold only non-secret data
--   AU004  referenced row not found (an alert that incident_alerts points at)
-- AU001 (missing tenant context) belongs to the service layer: without context the policies
-- deny, and no function here raises it.
--
-- Every object is created by the owner role that runs the migrations. The owner must be able
-- to create objects in schema public (as the database owner can) and to create trusted
-- extensions.

create extension if not exists pgcrypto with schema public;
create extension if not exists pg_trgm with schema public;
create extension if not exists btree_gin with schema public;

-- Functions are executable only where a grant says so. The maintenance role backs up the
-- database with pg_dump, which reads every sequence, including those of identity columns.
alter default privileges for role :AURORA_OWNER revoke execute on functions from public;
alter default privileges for role :AURORA_OWNER
  grant select on sequences to :AURORA_MAINTENANCE;

grant usage on schema public to :AURORA_APP, :AURORA_MAINTENANCE;

create schema if not exists aurora_private;
revoke all on schema aurora_private from public;
grant usage on schema aurora_private to :AURORA_APP, :AURORA_MAINTENANCE;
comment on schema aurora_private is
  'Trigger functions and helpers that services never call by name. Trigger functions run as '
  'the role that wrote the row and look helpers up by name, which needs usage on this schema; '
  'execute is granted only on the helpers that triggers and check constraints call.';

create or replace function current_org_id() returns uuid
  language sql stable parallel safe
as $$
  select nullif(current_setting('aurora.org_id', true), '')::uuid
$$;
revoke all on function current_org_id() from public;
grant execute on function current_org_id() to :AURORA_APP, :AURORA_MAINTENANCE;
comment on function current_org_id() is
  'Returns the organization of the current transaction, set with '
  'set_config(''aurora.org_id'', id, true), or NULL when none is set. Policies call it as '
  '(select current_org_id()) so that it runs once per query.';

create or replace function current_user_id() returns uuid
  language sql stable parallel safe
as $$
  select nullif(current_setting('aurora.user_id', true), '')::uuid
$$;
revoke all on function current_user_id() from public;
grant execute on function current_user_id() to :AURORA_APP, :AURORA_MAINTENANCE;
comment on function current_user_id() is
  'Returns the user of the current transaction, set with '
  'set_config(''aurora.user_id'', id, true), or NULL when none is set.';

create or replace function aurora_private.tg__set_updated_at() returns trigger
  language plpgsql
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;
comment on function aurora_private.tg__set_updated_at() is
  'Trigger function: sets updated_at to the start time of the current transaction on every '
  'update. Attached as the _100_set_updated_at trigger.';

create or replace function aurora_private.jsonb_is_string_map(document jsonb) returns boolean
  language sql immutable strict parallel safe
as $$
  select jsonb_typeof(document) = 'object'
    and not jsonb_path_exists(document, '$.* ? (@.type() != "string")')
$$;
revoke all on function aurora_private.jsonb_is_string_map(jsonb) from public;
grant execute on function aurora_private.jsonb_is_string_map(jsonb) to :AURORA_APP;
comment on function aurora_private.jsonb_is_string_map(jsonb) is
  'Returns true when the document is an object whose values are all strings, the shape of '
  'alert and Kubernetes labels. Check constraints use it.';

-- Secret detection normalizes a key by lowercasing it and dropping every character that is not
-- a letter or digit, so accessToken, access-token and ACCESS_TOKEN all become accesstoken.
create or replace function aurora_private.jsonb_secret_key_path(document jsonb) returns text
  language sql immutable strict parallel safe
as $$
  with recursive nodes (path, key, value) as (
    select '', null::text, document
    union all
    select child.path, child.key, child.value
    from nodes
    cross join lateral (
      select
        nodes.path || '/' || replace(replace(member.key, '~', '~0'), '/', '~1'),
        member.key,
        member.value
      from jsonb_each(case when jsonb_typeof(nodes.value) = 'object' then nodes.value end)
        as member
      union all
      select nodes.path || '/' || (element.position - 1), null, element.value
      from jsonb_array_elements(case when jsonb_typeof(nodes.value) = 'array' then nodes.value end)
        with ordinality as element (value, position)
    ) as child (path, key, value)
  )
  select path
  from nodes
  where regexp_replace(lower(key), '[^a-z0-9]', '', 'g') ~ (
    '^(authorization|credentials?|cookie)$'
    || '|(token|secret|password|passwd|passphrase|apikey|privatekey|secretkey|accesskey)$'
  )
  order by path
  limit 1
$$;
revoke all on function aurora_private.jsonb_secret_key_path(jsonb) from public;
grant execute on function aurora_private.jsonb_secret_key_path(jsonb) to :AURORA_APP;
comment on function aurora_private.jsonb_secret_key_path(jsonb) is
  'Returns the JSON Pointer (such as /oauth/access_token) of the first key, at any depth, whose '
  'normalized name (lowercase, letters and digits only) is authorization, credential, '
  'credentials or cookie, or ends in token, secret, password, passwd, passphrase, apikey, '
  'privatekey, secretkey or accesskey. '
  'Returns NULL when no key matches. The value under the key does not matter.';

create or replace function aurora_private.jsonb_has_secret_key(document jsonb) returns boolean
  language sql immutable strict parallel safe
as $$
  select aurora_private.jsonb_secret_key_path(document) is not null
$$;
revoke all on function aurora_private.jsonb_has_secret_key(jsonb) from public;
grant execute on function aurora_private.jsonb_has_secret_key(jsonb) to :AURORA_APP;
comment on function aurora_private.jsonb_has_secret_key(jsonb) is
  'Returns true when the document contains a key that jsonb_secret_key_path() reports as a '
  'secret. Check constraints use it; rows stored before a change to the key list are not '
  'checked again.';

create or replace function aurora_private.tg__reject_secret_keys() returns trigger
  language plpgsql
as $$
declare
  column_name text := tg_argv[0];
  secret_path text;
begin
  secret_path := aurora_private.jsonb_secret_key_path(to_jsonb(new) -> column_name);
  if secret_path is not null then
    raise exception using
      errcode = 'AU003',
      message = format('%s.%s must not contain secrets, but has the field %s',
        tg_table_name, column_name, secret_path),
      hint = 'Store the secret in Vault and put only its path in secret_ref.',
      table = tg_table_name,
      column = column_name;
  end if;
  return new;
end;
$$;
comment on function aurora_private.tg__reject_secret_keys() is
  'Trigger function: raises AU003 naming the JSON Pointer of the first secret field in the '
  'JSONB column named by the trigger argument. The check constraint on the same column rejects '
  'the row too, but only with a generic check_violation.';
