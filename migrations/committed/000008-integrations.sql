--! Previous: sha1:0a5b6dc729023070f883ff1e5e84978cdc3d0f14
--! Hash: sha1:c284551ec432b404186d687123ae34f1a60c8953
--! Message: integrations

-- Integrations: connections an organization sets up to code hosts, chat, CI and monitoring
-- systems (GitHub, Slack, Jenkins, Grafana and the rest).
--
-- Like user tokens, an integration never stores a secret: config holds only non-secret
-- settings, checked for secret-looking keys (AU003), and secret_ref points into Vault. Unlike
-- user tokens, integrations belong to the organization, so every member in it can see them.

do $$
begin
  create type integration_kind as enum (
    'github', 'slack', 'jenkins', 'cloudbees', 'grafana', 'datadog', 'pagerduty', 'netdata',
    'splunk', 'dynatrace', 'bigpanda', 'gitlab', 'jira', 'confluence'
  );
exception
  when duplicate_object then null;
end
$$;
comment on type integration_kind is
  'External system an organization-wide integration connects to.';

create table if not exists integrations (
  org_id uuid not null references organizations on delete cascade,
  id uuid not null default gen_random_uuid(),
  kind integration_kind not null,
  name text not null check (length(btrim(name)) between 1 and 200),
  config jsonb not null default '{}' check (
    jsonb_typeof(config) = 'object' and not aurora_private.jsonb_has_secret_key(config)
  ),
  secret_ref text check (length(secret_ref) <= 1000 and secret_ref ~ '^vault:[^[:space:]]+$'),
  is_enabled boolean not null default true,
  created_by uuid references users on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, kind, name)
);
create or replace trigger _100_set_updated_at
  before update on integrations
  for each row execute function aurora_private.tg__set_updated_at();
create or replace trigger _200_reject_secret_keys
  before insert or update of config on integrations
  for each row execute function aurora_private.tg__reject_secret_keys('config');
alter table integrations enable row level security;
alter table integrations force row level security;
drop policy if exists select_own_org on integrations;
create policy select_own_org on integrations for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on integrations;
create policy insert_own_org on integrations for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on integrations;
create policy update_own_org on integrations for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on integrations;
create policy delete_own_org on integrations for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update, delete on integrations to :AURORA_APP;
grant select on integrations to :AURORA_MAINTENANCE;
comment on table integrations is
  'Connections of an organization to an external system, at most one per kind and name.';
comment on column integrations.name is
  'Label that tells several integrations of one kind apart, such as a GitHub org name.';
comment on column integrations.config is
  'Non-secret settings (base URL, project keys, channel ids), validated by the JSON Schema of '
  'the kind. A key that looks like a secret at any depth raises AU003; see '
  'aurora_private.jsonb_secret_key_path().';
comment on column integrations.secret_ref is
  'Vault path of the credentials, written as vault:<path>; NULL for integrations that need none.';
comment on column integrations.created_by is
  'User who connected the integration; NULL after that user is deleted.';
comment on column integrations.is_enabled is
  'Whether Aurora uses the integration; disabled ones keep their settings.';
