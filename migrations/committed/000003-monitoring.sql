--! Previous: sha1:6a861599a384a77d39ea777f59ecd71f9cb351ab
--! Hash: sha1:c18691dc2ac32ab6f1dfb14b238d38afef9a6abc
--! Message: monitoring

-- Monitoring: one table per alert source, each holding one row per alert with the columns
-- that source really sends, the alert body as JSONB, and a view over all nine.
--
-- Every table starts with the same columns in the same order (org_id through updated_at), so
-- that correlation and the monitoring_alerts view treat all sources alike; the source's own
-- fields follow. A webhook delivered twice is stored once: ingest upserts on
-- (org_id, dedup_key). Alertmanager bodies go to grafana_alerts with format 'alertmanager'.
--
-- Indexes per table: the keyset list (org_id, received_at desc, id desc), unresolved alerts by
-- fingerprint (partial, state = 'firing'), containment queries on payload (GIN, jsonb_path_ops)
-- and trigram similarity of titles for the semantic correlation strategy. The GIN indexes lead
-- with org_id through btree_gin, like every other index.
--
-- NOTE: under row-level security PostgreSQL 15 uses an operator in an index condition only if
-- it is leakproof, and neither @> (jsonb_contains) nor % (pg_trgm similarity_op) is. The app
-- role therefore reaches rows through the btree indexes on org_id and filters with @> and %,
-- and the GIN indexes serve the maintenance role. Only a superuser can mark those operators'
-- functions LEAKPROOF.
--
-- The app role inserts and updates alerts but never deletes them; retention runs as the
-- maintenance role. incident_alerts, created with the incidents, points at rows here.

do $$
begin
  create type monitoring_source as enum (
    'grafana', 'datadog', 'netdata', 'pagerduty', 'splunk', 'dynatrace', 'bigpanda', 'jenkins',
    'cloudbees'
  );
exception
  when duplicate_object then null;
end
$$;
comment on type monitoring_source is
  'Monitoring or CI system that sent an alert. Alertmanager alerts count as grafana.';

do $$
begin
  create type severity as enum ('critical', 'high', 'medium', 'low', 'info');
exception
  when duplicate_object then null;
end
$$;
comment on type severity is
  'Severity on one scale for every source, from critical down to info. NULL in a severity '
  'column means the source gave none that maps to this scale.';

do $$
begin
  create type alert_state as enum ('firing', 'resolved');
exception
  when duplicate_object then null;
end
$$;
comment on type alert_state is
  'Whether an alert is still active (firing) or over (resolved), whatever the source calls it.';

create table if not exists grafana_alerts (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  dedup_key text not null check (dedup_key <> ''),
  fingerprint text not null check (fingerprint <> ''),
  title text not null,
  state alert_state not null,
  source_state text not null,
  severity severity,
  service text,
  environment text,
  starts_at timestamptz,
  ends_at timestamptz,
  description text,
  labels jsonb not null default '{}' check (aurora_private.jsonb_is_string_map(labels)),
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  payload_transforms text[] not null default '{}',
  received_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  format text not null check (format in ('unified', 'legacy', 'alertmanager')),
  receiver text,
  group_key text,
  external_url text,
  generator_url text,
  silence_url text,
  dashboard_url text,
  panel_url text,
  image_url text,
  runbook_url text,
  rule_uid text,
  grafana_org_id bigint,
  annotations jsonb not null default '{}' check (jsonb_typeof(annotations) = 'object'),
  metric_values jsonb,
  value_string text,
  primary key (org_id, id),
  unique (org_id, dedup_key)
);
create index if not exists grafana_alerts_org_id_received_at_id_idx
  on grafana_alerts (org_id, received_at desc, id desc);
create index if not exists grafana_alerts_org_id_fingerprint_idx
  on grafana_alerts (org_id, fingerprint)
  where state = 'firing';
create index if not exists grafana_alerts_org_id_payload_idx
  on grafana_alerts using gin (org_id, payload jsonb_path_ops);
create index if not exists grafana_alerts_org_id_title_idx
  on grafana_alerts using gin (org_id, title gin_trgm_ops);
create or replace trigger _100_set_updated_at
  before update on grafana_alerts
  for each row execute function aurora_private.tg__set_updated_at();
alter table grafana_alerts enable row level security;
alter table grafana_alerts force row level security;
drop policy if exists select_own_org on grafana_alerts;
create policy select_own_org on grafana_alerts for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on grafana_alerts;
create policy insert_own_org on grafana_alerts for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on grafana_alerts;
create policy update_own_org on grafana_alerts for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on grafana_alerts;
create policy delete_own_org on grafana_alerts for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update on grafana_alerts to :AURORA_APP;
grant select, delete on grafana_alerts to :AURORA_MAINTENANCE;
comment on table grafana_alerts is
  'Alerts from Grafana webhooks (unified alerting and legacy) and from Prometheus Alertmanager, '
  'one row per alert of a notification.';
comment on column grafana_alerts.format is
  'Body shape: unified (Grafana 8 and later), legacy (Grafana 7 and earlier, evalMatches) or '
  'alertmanager (Prometheus Alertmanager webhook, version 4).';
comment on column grafana_alerts.receiver is
  'Contact point or Alertmanager receiver that sent the notification.';
comment on column grafana_alerts.group_key is
  'groupKey of the notification; alerts sent together share it.';
comment on column grafana_alerts.external_url is
  'externalURL: the Grafana or Alertmanager that sent the notification.';
comment on column grafana_alerts.generator_url is
  'generatorURL (ruleUrl in legacy bodies): link to the rule or query; may be relative.';
comment on column grafana_alerts.silence_url is
  'silenceURL: link that creates a silence for this alert.';
comment on column grafana_alerts.dashboard_url is
  'dashboardURL: link to the dashboard of the rule.';
comment on column grafana_alerts.panel_url is
  'panelURL: link to the panel of the rule.';
comment on column grafana_alerts.image_url is
  'imageURL (imageUrl in legacy bodies): screenshot of the panel.';
comment on column grafana_alerts.runbook_url is
  'runbook_url annotation, when present.';
comment on column grafana_alerts.rule_uid is
  'UID of the Grafana alert rule, when the body or its labels carry it.';
comment on column grafana_alerts.grafana_org_id is
  'orgId of the Grafana organization that owns the rule (0 in legacy test notifications); '
  'unrelated to org_id.';
comment on column grafana_alerts.annotations is
  'Annotations of the alert (summary, description, runbook_url and custom keys).';
comment on column grafana_alerts.metric_values is
  'values of a unified alert: query refId to the number that triggered it (evalMatches in legacy '
  'bodies). NULL when absent or null.';
comment on column grafana_alerts.value_string is
  'valueString of a unified alert, the values as Grafana printed them.';

create table if not exists datadog_events (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  dedup_key text not null check (dedup_key <> ''),
  fingerprint text not null check (fingerprint <> ''),
  title text not null,
  state alert_state not null,
  source_state text not null,
  severity severity,
  service text,
  environment text,
  starts_at timestamptz,
  ends_at timestamptz,
  description text,
  labels jsonb not null default '{}' check (aurora_private.jsonb_is_string_map(labels)),
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  payload_transforms text[] not null default '{}',
  received_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  event_id text,
  monitor_id bigint,
  event_type text,
  alert_type text,
  alert_transition text,
  priority text,
  alert_query text,
  scopes text[],
  tags text[],
  event_url text,
  datadog_org_id text,
  last_updated_at timestamptz,
  primary key (org_id, id),
  unique (org_id, dedup_key)
);
create index if not exists datadog_events_org_id_received_at_id_idx
  on datadog_events (org_id, received_at desc, id desc);
create index if not exists datadog_events_org_id_fingerprint_idx
  on datadog_events (org_id, fingerprint)
  where state = 'firing';
create index if not exists datadog_events_org_id_payload_idx
  on datadog_events using gin (org_id, payload jsonb_path_ops);
create index if not exists datadog_events_org_id_title_idx
  on datadog_events using gin (org_id, title gin_trgm_ops);
create or replace trigger _100_set_updated_at
  before update on datadog_events
  for each row execute function aurora_private.tg__set_updated_at();
alter table datadog_events enable row level security;
alter table datadog_events force row level security;
drop policy if exists select_own_org on datadog_events;
create policy select_own_org on datadog_events for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on datadog_events;
create policy insert_own_org on datadog_events for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on datadog_events;
create policy update_own_org on datadog_events for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on datadog_events;
create policy delete_own_org on datadog_events for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update on datadog_events to :AURORA_APP;
grant select, delete on datadog_events to :AURORA_MAINTENANCE;
comment on table datadog_events is
  'Datadog monitor notifications received through a webhook with the default template.';
comment on column datadog_events.event_id is
  'Datadog event id, kept as text because it has 19 digits, beyond 2^53.';
comment on column datadog_events.monitor_id is
  'Id of the monitor that fired.';
comment on column datadog_events.event_type is
  'event_type, for example log_alert, metric_alert_monitor or query_alert_monitor.';
comment on column datadog_events.alert_type is
  'alert_type: error, warning, info or success.';
comment on column datadog_events.alert_transition is
  'alert_transition: Triggered, Warn, Recovered, No Data, Re-Triggered and similar.';
comment on column datadog_events.priority is
  'Monitor priority P1 to P5, which Datadog sends in its severity field.';
comment on column datadog_events.alert_query is
  'Monitor query that fired.';
comment on column datadog_events.scopes is
  'Group scopes of the notification, split from the comma-joined string.';
comment on column datadog_events.tags is
  'Tags of the event, split from the comma-joined string.';
comment on column datadog_events.event_url is
  'Link to the event in Datadog.';
comment on column datadog_events.datadog_org_id is
  'Id of the Datadog organization that sent the event.';
comment on column datadog_events.last_updated_at is
  'last_updated, sent as epoch milliseconds in a string.';

create table if not exists pagerduty_events (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  dedup_key text not null check (dedup_key <> ''),
  fingerprint text not null check (fingerprint <> ''),
  title text not null,
  state alert_state not null,
  source_state text not null,
  severity severity,
  service text,
  environment text,
  starts_at timestamptz,
  ends_at timestamptz,
  description text,
  labels jsonb not null default '{}' check (aurora_private.jsonb_is_string_map(labels)),
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  payload_transforms text[] not null default '{}',
  received_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  format text not null check (format in ('v3', 'v2')),
  event_id text,
  event_type text,
  incident_id text,
  incident_number integer,
  incident_key text,
  urgency text,
  priority text,
  html_url text,
  pd_service_id text,
  occurred_at timestamptz,
  primary key (org_id, id),
  unique (org_id, dedup_key)
);
create index if not exists pagerduty_events_org_id_received_at_id_idx
  on pagerduty_events (org_id, received_at desc, id desc);
create index if not exists pagerduty_events_org_id_fingerprint_idx
  on pagerduty_events (org_id, fingerprint)
  where state = 'firing';
create index if not exists pagerduty_events_org_id_payload_idx
  on pagerduty_events using gin (org_id, payload jsonb_path_ops);
create index if not exists pagerduty_events_org_id_title_idx
  on pagerduty_events using gin (org_id, title gin_trgm_ops);
create or replace trigger _100_set_updated_at
  before update on pagerduty_events
  for each row execute function aurora_private.tg__set_updated_at();
alter table pagerduty_events enable row level security;
alter table pagerduty_events force row level security;
drop policy if exists select_own_org on pagerduty_events;
create policy select_own_org on pagerduty_events for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on pagerduty_events;
create policy insert_own_org on pagerduty_events for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on pagerduty_events;
create policy update_own_org on pagerduty_events for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on pagerduty_events;
create policy delete_own_org on pagerduty_events for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update on pagerduty_events to :AURORA_APP;
grant select, delete on pagerduty_events to :AURORA_MAINTENANCE;
comment on table pagerduty_events is
  'PagerDuty webhook events about incidents, one row per event (v3) or message (v2).';
comment on column pagerduty_events.format is
  'Webhook version: v3 (event object) or v2 (deprecated messages array).';
comment on column pagerduty_events.event_id is
  'Id of the v3 event or the v2 message.';
comment on column pagerduty_events.event_type is
  'incident.triggered, incident.resolved, incident.annotated and so on (v2: incident.trigger, '
  'incident.resolve).';
comment on column pagerduty_events.incident_id is
  'PagerDuty incident id, such as PFQZPSY; unrelated to incidents.id.';
comment on column pagerduty_events.incident_number is
  'Incident number shown in the PagerDuty UI.';
comment on column pagerduty_events.incident_key is
  'Deduplication key of the PagerDuty incident, when set.';
comment on column pagerduty_events.urgency is
  'high or low.';
comment on column pagerduty_events.priority is
  'Summary of the incident priority (P1 to P5); NULL when unset.';
comment on column pagerduty_events.html_url is
  'Link to the incident in PagerDuty.';
comment on column pagerduty_events.pd_service_id is
  'Id of the PagerDuty service; its name is in service.';
comment on column pagerduty_events.occurred_at is
  'When PagerDuty recorded the event.';

create table if not exists netdata_alerts (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  dedup_key text not null check (dedup_key <> ''),
  fingerprint text not null check (fingerprint <> ''),
  title text not null,
  state alert_state not null,
  source_state text not null,
  severity severity,
  service text,
  environment text,
  starts_at timestamptz,
  ends_at timestamptz,
  description text,
  labels jsonb not null default '{}' check (aurora_private.jsonb_is_string_map(labels)),
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  payload_transforms text[] not null default '{}',
  received_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  alert_name text,
  host text,
  chart text,
  context text,
  family text,
  alert_class text,
  space text,
  rooms text[],
  node_url text,
  alert_url text,
  duration text,
  additional_active_critical_alerts integer,
  additional_active_warning_alerts integer,
  primary key (org_id, id),
  unique (org_id, dedup_key)
);
create index if not exists netdata_alerts_org_id_received_at_id_idx
  on netdata_alerts (org_id, received_at desc, id desc);
create index if not exists netdata_alerts_org_id_fingerprint_idx
  on netdata_alerts (org_id, fingerprint)
  where state = 'firing';
create index if not exists netdata_alerts_org_id_payload_idx
  on netdata_alerts using gin (org_id, payload jsonb_path_ops);
create index if not exists netdata_alerts_org_id_title_idx
  on netdata_alerts using gin (org_id, title gin_trgm_ops);
create or replace trigger _100_set_updated_at
  before update on netdata_alerts
  for each row execute function aurora_private.tg__set_updated_at();
alter table netdata_alerts enable row level security;
alter table netdata_alerts force row level security;
drop policy if exists select_own_org on netdata_alerts;
create policy select_own_org on netdata_alerts for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on netdata_alerts;
create policy insert_own_org on netdata_alerts for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on netdata_alerts;
create policy update_own_org on netdata_alerts for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on netdata_alerts;
create policy delete_own_org on netdata_alerts for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update on netdata_alerts to :AURORA_APP;
grant select, delete on netdata_alerts to :AURORA_MAINTENANCE;
comment on table netdata_alerts is
  'Netdata Cloud alert notifications received through a webhook.';
comment on column netdata_alerts.alert_name is
  'Name of the Netdata alert (the alert field).';
comment on column netdata_alerts.host is
  'Node that raised the alert.';
comment on column netdata_alerts.chart is
  'Chart id, such as cgroup.immich_cpu.';
comment on column netdata_alerts.context is
  'Chart context, such as cgroup.cpu.';
comment on column netdata_alerts.family is
  'Chart family, such as containers.';
comment on column netdata_alerts.alert_class is
  'class of the alert, such as System, Errors, Latency or Utilization.';
comment on column netdata_alerts.space is
  'Netdata Cloud space.';
comment on column netdata_alerts.rooms is
  'Names of the rooms the node belongs to.';
comment on column netdata_alerts.node_url is
  'Link to the node in Netdata Cloud, when sent.';
comment on column netdata_alerts.alert_url is
  'Link to the alert. Its query string may carry an access token, so treat it as sensitive.';
comment on column netdata_alerts.duration is
  'How long the alert has been raised, as Netdata wrote it ("10m 12s").';
comment on column netdata_alerts.additional_active_critical_alerts is
  'Other critical alerts active on the node.';
comment on column netdata_alerts.additional_active_warning_alerts is
  'Other warning alerts active on the node.';

create table if not exists splunk_alerts (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  dedup_key text not null check (dedup_key <> ''),
  fingerprint text not null check (fingerprint <> ''),
  title text not null,
  state alert_state not null,
  source_state text not null,
  severity severity,
  service text,
  environment text,
  starts_at timestamptz,
  ends_at timestamptz,
  description text,
  labels jsonb not null default '{}' check (aurora_private.jsonb_is_string_map(labels)),
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  payload_transforms text[] not null default '{}',
  received_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_name text,
  sid text,
  results_link text,
  app text,
  owner text,
  primary key (org_id, id),
  unique (org_id, dedup_key)
);
create index if not exists splunk_alerts_org_id_received_at_id_idx
  on splunk_alerts (org_id, received_at desc, id desc);
create index if not exists splunk_alerts_org_id_fingerprint_idx
  on splunk_alerts (org_id, fingerprint)
  where state = 'firing';
create index if not exists splunk_alerts_org_id_payload_idx
  on splunk_alerts using gin (org_id, payload jsonb_path_ops);
create index if not exists splunk_alerts_org_id_title_idx
  on splunk_alerts using gin (org_id, title gin_trgm_ops);
create or replace trigger _100_set_updated_at
  before update on splunk_alerts
  for each row execute function aurora_private.tg__set_updated_at();
alter table splunk_alerts enable row level security;
alter table splunk_alerts force row level security;
drop policy if exists select_own_org on splunk_alerts;
create policy select_own_org on splunk_alerts for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on splunk_alerts;
create policy insert_own_org on splunk_alerts for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on splunk_alerts;
create policy update_own_org on splunk_alerts for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on splunk_alerts;
create policy delete_own_org on splunk_alerts for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update on splunk_alerts to :AURORA_APP;
grant select, delete on splunk_alerts to :AURORA_MAINTENANCE;
comment on table splunk_alerts is
  'Splunk alerts received through the webhook alert action, one row per triggered search.';
comment on column splunk_alerts.search_name is
  'Name of the saved search, which Splunk may send as null or leave out.';
comment on column splunk_alerts.sid is
  'Search id of the run that triggered the alert.';
comment on column splunk_alerts.results_link is
  'Link to the search results.';
comment on column splunk_alerts.app is
  'Splunk app that owns the search.';
comment on column splunk_alerts.owner is
  'Splunk user that owns the search.';

create table if not exists dynatrace_problems (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  dedup_key text not null check (dedup_key <> ''),
  fingerprint text not null check (fingerprint <> ''),
  title text not null,
  state alert_state not null,
  source_state text not null,
  severity severity,
  service text,
  environment text,
  starts_at timestamptz,
  ends_at timestamptz,
  description text,
  labels jsonb not null default '{}' check (aurora_private.jsonb_is_string_map(labels)),
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  payload_transforms text[] not null default '{}',
  received_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  problem_id text,
  pid text,
  impacted_entity text,
  problem_impact text,
  problem_url text,
  tags text[],
  primary key (org_id, id),
  unique (org_id, dedup_key)
);
create index if not exists dynatrace_problems_org_id_received_at_id_idx
  on dynatrace_problems (org_id, received_at desc, id desc);
create index if not exists dynatrace_problems_org_id_fingerprint_idx
  on dynatrace_problems (org_id, fingerprint)
  where state = 'firing';
create index if not exists dynatrace_problems_org_id_payload_idx
  on dynatrace_problems using gin (org_id, payload jsonb_path_ops);
create index if not exists dynatrace_problems_org_id_title_idx
  on dynatrace_problems using gin (org_id, title gin_trgm_ops);
create or replace trigger _100_set_updated_at
  before update on dynatrace_problems
  for each row execute function aurora_private.tg__set_updated_at();
alter table dynatrace_problems enable row level security;
alter table dynatrace_problems force row level security;
drop policy if exists select_own_org on dynatrace_problems;
create policy select_own_org on dynatrace_problems for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on dynatrace_problems;
create policy insert_own_org on dynatrace_problems for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on dynatrace_problems;
create policy update_own_org on dynatrace_problems for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on dynatrace_problems;
create policy delete_own_org on dynatrace_problems for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update on dynatrace_problems to :AURORA_APP;
grant select, delete on dynatrace_problems to :AURORA_MAINTENANCE;
comment on table dynatrace_problems is
  'Dynatrace problem notifications received through a custom webhook integration.';
comment on column dynatrace_problems.problem_id is
  'Display id of the problem (ProblemID), such as P-22013994.';
comment on column dynatrace_problems.pid is
  'Internal problem id (PID); a literal {PID} in test notifications.';
comment on column dynatrace_problems.impacted_entity is
  'ImpactedEntity: comma-joined names of the impacted entities.';
comment on column dynatrace_problems.problem_impact is
  'ProblemImpact: APPLICATION, SERVICE, INFRASTRUCTURE or ENVIRONMENT.';
comment on column dynatrace_problems.problem_url is
  'Link to the problem (ProblemURL, or "Problem URL" in some templates).';
comment on column dynatrace_problems.tags is
  'Tags of the problem, split from the comma-joined string.';

create table if not exists bigpanda_events (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  dedup_key text not null check (dedup_key <> ''),
  fingerprint text not null check (fingerprint <> ''),
  title text not null,
  state alert_state not null,
  source_state text not null,
  severity severity,
  service text,
  environment text,
  starts_at timestamptz,
  ends_at timestamptz,
  description text,
  labels jsonb not null default '{}' check (aurora_private.jsonb_is_string_map(labels)),
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  payload_transforms text[] not null default '{}',
  received_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  incident_id text,
  primary_property text,
  secondary_property text,
  bigpanda_status text,
  source_system text,
  child_alert_count integer,
  primary key (org_id, id),
  unique (org_id, dedup_key)
);
create index if not exists bigpanda_events_org_id_received_at_id_idx
  on bigpanda_events (org_id, received_at desc, id desc);
create index if not exists bigpanda_events_org_id_fingerprint_idx
  on bigpanda_events (org_id, fingerprint)
  where state = 'firing';
create index if not exists bigpanda_events_org_id_payload_idx
  on bigpanda_events using gin (org_id, payload jsonb_path_ops);
create index if not exists bigpanda_events_org_id_title_idx
  on bigpanda_events using gin (org_id, title gin_trgm_ops);
create or replace trigger _100_set_updated_at
  before update on bigpanda_events
  for each row execute function aurora_private.tg__set_updated_at();
alter table bigpanda_events enable row level security;
alter table bigpanda_events force row level security;
drop policy if exists select_own_org on bigpanda_events;
create policy select_own_org on bigpanda_events for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on bigpanda_events;
create policy insert_own_org on bigpanda_events for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on bigpanda_events;
create policy update_own_org on bigpanda_events for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on bigpanda_events;
create policy delete_own_org on bigpanda_events for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update on bigpanda_events to :AURORA_APP;
grant select, delete on bigpanda_events to :AURORA_MAINTENANCE;
comment on table bigpanda_events is
  'BigPanda incident notifications, one row per BigPanda incident update.';
comment on column bigpanda_events.incident_id is
  'BigPanda incident id; unrelated to incidents.id.';
comment on column bigpanda_events.primary_property is
  'primary_property of the first child alert, usually a host or service.';
comment on column bigpanda_events.secondary_property is
  'secondary_property of the first child alert, usually a check.';
comment on column bigpanda_events.bigpanda_status is
  'BigPanda incident status: active, resolved, maintenance or suppressed.';
comment on column bigpanda_events.source_system is
  'Monitoring system that sent the first child alert to BigPanda.';
comment on column bigpanda_events.child_alert_count is
  'Number of alerts grouped into the BigPanda incident.';

create table if not exists jenkins_events (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  dedup_key text not null check (dedup_key <> ''),
  fingerprint text not null check (fingerprint <> ''),
  title text not null,
  state alert_state not null,
  source_state text not null,
  severity severity,
  service text,
  environment text,
  starts_at timestamptz,
  ends_at timestamptz,
  description text,
  labels jsonb not null default '{}' check (aurora_private.jsonb_is_string_map(labels)),
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  payload_transforms text[] not null default '{}',
  received_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  job_name text,
  build_number integer,
  phase text,
  build_status text,
  build_url text,
  scm_url text,
  branch text,
  commit text,
  primary key (org_id, id),
  unique (org_id, dedup_key)
);
create index if not exists jenkins_events_org_id_received_at_id_idx
  on jenkins_events (org_id, received_at desc, id desc);
create index if not exists jenkins_events_org_id_fingerprint_idx
  on jenkins_events (org_id, fingerprint)
  where state = 'firing';
create index if not exists jenkins_events_org_id_payload_idx
  on jenkins_events using gin (org_id, payload jsonb_path_ops);
create index if not exists jenkins_events_org_id_title_idx
  on jenkins_events using gin (org_id, title gin_trgm_ops);
create or replace trigger _100_set_updated_at
  before update on jenkins_events
  for each row execute function aurora_private.tg__set_updated_at();
alter table jenkins_events enable row level security;
alter table jenkins_events force row level security;
drop policy if exists select_own_org on jenkins_events;
create policy select_own_org on jenkins_events for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on jenkins_events;
create policy insert_own_org on jenkins_events for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on jenkins_events;
create policy update_own_org on jenkins_events for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on jenkins_events;
create policy delete_own_org on jenkins_events for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update on jenkins_events to :AURORA_APP;
grant select, delete on jenkins_events to :AURORA_MAINTENANCE;
comment on table jenkins_events is
  'Jenkins build notifications sent by the Notification plugin, one row per build phase.';
comment on column jenkins_events.job_name is
  'Jenkins job name.';
comment on column jenkins_events.build_number is
  'Build number within the job.';
comment on column jenkins_events.phase is
  'Build phase: QUEUED, STARTED, COMPLETED or FINALIZED.';
comment on column jenkins_events.build_status is
  'Build result, such as SUCCESS, FAILURE, UNSTABLE or ABORTED; may be set before the build '
  'completes.';
comment on column jenkins_events.build_url is
  'Absolute build URL (full_url), or the relative url when that is absent.';
comment on column jenkins_events.scm_url is
  'Repository URL of the build.';
comment on column jenkins_events.branch is
  'Branch that was built.';
comment on column jenkins_events.commit is
  'Commit id that was built.';

create table if not exists cloudbees_events (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  dedup_key text not null check (dedup_key <> ''),
  fingerprint text not null check (fingerprint <> ''),
  title text not null,
  state alert_state not null,
  source_state text not null,
  severity severity,
  service text,
  environment text,
  starts_at timestamptz,
  ends_at timestamptz,
  description text,
  labels jsonb not null default '{}' check (aurora_private.jsonb_is_string_map(labels)),
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  payload_transforms text[] not null default '{}',
  received_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  controller text,
  job_name text,
  build_number integer,
  phase text,
  build_status text,
  build_url text,
  scm_url text,
  branch text,
  commit text,
  primary key (org_id, id),
  unique (org_id, dedup_key)
);
create index if not exists cloudbees_events_org_id_received_at_id_idx
  on cloudbees_events (org_id, received_at desc, id desc);
create index if not exists cloudbees_events_org_id_fingerprint_idx
  on cloudbees_events (org_id, fingerprint)
  where state = 'firing';
create index if not exists cloudbees_events_org_id_payload_idx
  on cloudbees_events using gin (org_id, payload jsonb_path_ops);
create index if not exists cloudbees_events_org_id_title_idx
  on cloudbees_events using gin (org_id, title gin_trgm_ops);
create or replace trigger _100_set_updated_at
  before update on cloudbees_events
  for each row execute function aurora_private.tg__set_updated_at();
alter table cloudbees_events enable row level security;
alter table cloudbees_events force row level security;
drop policy if exists select_own_org on cloudbees_events;
create policy select_own_org on cloudbees_events for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on cloudbees_events;
create policy insert_own_org on cloudbees_events for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on cloudbees_events;
create policy update_own_org on cloudbees_events for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on cloudbees_events;
create policy delete_own_org on cloudbees_events for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update on cloudbees_events to :AURORA_APP;
grant select, delete on cloudbees_events to :AURORA_MAINTENANCE;
comment on table cloudbees_events is
  'CloudBees CI build notifications. CloudBees CI runs Jenkins, so the body is the Jenkins '
  'Notification plugin body and the columns match jenkins_events.';
comment on column cloudbees_events.controller is
  'CloudBees CI controller (Jenkins instance) that ran the build.';
comment on column cloudbees_events.job_name is
  'Jenkins job name.';
comment on column cloudbees_events.build_number is
  'Build number within the job.';
comment on column cloudbees_events.phase is
  'Build phase: QUEUED, STARTED, COMPLETED or FINALIZED.';
comment on column cloudbees_events.build_status is
  'Build result, such as SUCCESS, FAILURE, UNSTABLE or ABORTED; may be set before the build '
  'completes.';
comment on column cloudbees_events.build_url is
  'Absolute build URL (full_url), or the relative url when that is absent.';
comment on column cloudbees_events.scm_url is
  'Repository URL of the build.';
comment on column cloudbees_events.branch is
  'Branch that was built.';
comment on column cloudbees_events.commit is
  'Commit id that was built.';

-- The common columns mean the same in every source table, so one loop writes their comments.
do $$
declare
  table_name text;
begin
  foreach table_name in array array[
    'grafana_alerts', 'datadog_events', 'pagerduty_events', 'netdata_alerts', 'splunk_alerts',
    'dynatrace_problems', 'bigpanda_events', 'jenkins_events', 'cloudbees_events'
  ] loop
    execute format('comment on column %I.title is %L', table_name,
      'One-line name of the alert, such as the alert rule name or the monitor title.');
    execute format('comment on column %I.starts_at is %L', table_name,
      'When the alert started, as the source reports it; NULL when the source gave no time.');
    execute format('comment on column %I.dedup_key is %L', table_name,
      'Key derived from the alert notification, so that a redelivered webhook has the same key '
      'and updates the existing row instead of adding one.');
    execute format('comment on column %I.fingerprint is %L', table_name,
      'Identity of the alert across its deliveries and state changes, such as the '
      'Alertmanager fingerprint, or one derived from the source''s own ids.');
    execute format('comment on column %I.state is %L', table_name,
      'firing or resolved, mapped from source_state.');
    execute format('comment on column %I.source_state is %L', table_name,
      'State or status exactly as the source wrote it, such as alerting, Triggered or CLOSED.');
    execute format('comment on column %I.severity is %L', table_name,
      'Severity mapped to the common scale; NULL when the source gave none or an unknown one.');
    execute format('comment on column %I.service is %L', table_name,
      'Affected service as the source names it; correlation matches on it.');
    execute format('comment on column %I.ends_at is %L', table_name,
      'When the alert ended; NULL while it has not ended.');
    execute format('comment on column %I.labels is %L', table_name,
      'Labels or tags of the alert as a map of strings to strings.');
    execute format('comment on column %I.payload is %L', table_name,
      'Body of this one alert in the source''s own format, after the transformations listed '
      'in payload_transforms.');
    execute format('comment on column %I.payload_transforms is %L', table_name,
      'Names of the changes made so that PostgreSQL could store the payload, such as '
      'nul_replaced or lone_surrogate_replaced. Empty when the payload is as received.');
    execute format('comment on column %I.received_at is %L', table_name,
      'When Aurora first received this alert.');
  end loop;
end
$$;

create or replace view monitoring_alerts with (security_invoker = true) as
  select 'grafana'::monitoring_source as source, org_id, id, dedup_key, fingerprint, title,
    state, source_state, severity, service, environment, starts_at, ends_at, description,
    labels, payload, payload_transforms, received_at, updated_at
  from grafana_alerts
  union all
  select 'datadog'::monitoring_source as source, org_id, id, dedup_key, fingerprint, title,
    state, source_state, severity, service, environment, starts_at, ends_at, description,
    labels, payload, payload_transforms, received_at, updated_at
  from datadog_events
  union all
  select 'pagerduty'::monitoring_source as source, org_id, id, dedup_key, fingerprint, title,
    state, source_state, severity, service, environment, starts_at, ends_at, description,
    labels, payload, payload_transforms, received_at, updated_at
  from pagerduty_events
  union all
  select 'netdata'::monitoring_source as source, org_id, id, dedup_key, fingerprint, title,
    state, source_state, severity, service, environment, starts_at, ends_at, description,
    labels, payload, payload_transforms, received_at, updated_at
  from netdata_alerts
  union all
  select 'splunk'::monitoring_source as source, org_id, id, dedup_key, fingerprint, title,
    state, source_state, severity, service, environment, starts_at, ends_at, description,
    labels, payload, payload_transforms, received_at, updated_at
  from splunk_alerts
  union all
  select 'dynatrace'::monitoring_source as source, org_id, id, dedup_key, fingerprint, title,
    state, source_state, severity, service, environment, starts_at, ends_at, description,
    labels, payload, payload_transforms, received_at, updated_at
  from dynatrace_problems
  union all
  select 'bigpanda'::monitoring_source as source, org_id, id, dedup_key, fingerprint, title,
    state, source_state, severity, service, environment, starts_at, ends_at, description,
    labels, payload, payload_transforms, received_at, updated_at
  from bigpanda_events
  union all
  select 'jenkins'::monitoring_source as source, org_id, id, dedup_key, fingerprint, title,
    state, source_state, severity, service, environment, starts_at, ends_at, description,
    labels, payload, payload_transforms, received_at, updated_at
  from jenkins_events
  union all
  select 'cloudbees'::monitoring_source as source, org_id, id, dedup_key, fingerprint, title,
    state, source_state, severity, service, environment, starts_at, ends_at, description,
    labels, payload, payload_transforms, received_at, updated_at
  from cloudbees_events;
grant select on monitoring_alerts to :AURORA_APP, :AURORA_MAINTENANCE;
comment on view monitoring_alerts is
  'The common columns of all nine monitoring tables with a source column. It runs with the '
  'privileges and row-level security of the caller (security_invoker), so a tenant sees only '
  'its own alerts. Filters on org_id and received_at reach the index of each table.';
