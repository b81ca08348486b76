--! Previous: sha1:c18691dc2ac32ab6f1dfb14b238d38afef9a6abc
--! Hash: sha1:903c02d2aafbaa02b71aeb7368d957383aa621b2
--! Message: incidents

-- Incidents and root cause analysis (RCA): incidents, the thoughts an agent streams while it
-- analyses one, its suggestions, the tool output it cites, and the alerts correlated into it.
--
-- Children carry org_id and reference their incident by (org_id, incident_id), so a row can
-- never point into another tenant. Alerts live in nine monitoring tables, so no foreign key can
-- reach them: a trigger checks that a referenced alert exists (AU004), and deleting alerts
-- detaches them from incidents, as ON DELETE CASCADE would.
--
-- Incident states move only along the allowed transitions (AU002): merged is final, a resolved
-- incident can reopen as investigating but not jump to analyzed, and an analysis reaches
-- complete or error only from running.

do $$
begin
  create type incident_status as enum ('investigating', 'analyzed', 'resolved', 'merged');
exception
  when duplicate_object then null;
end
$$;
comment on type incident_status is
  'Lifecycle of an incident: investigating (open, analysis pending or running), analyzed (open, '
  'RCA done), resolved (closed) or merged (closed, continued in merged_into_id).';

do $$
begin
  create type analysis_status as enum ('idle', 'running', 'complete', 'error');
exception
  when duplicate_object then null;
end
$$;
comment on type analysis_status is
  'State of the RCA of an incident: idle (not analysing), running, complete or error (failed).';

do $$
begin
  create type thought_type as enum ('analysis', 'hypothesis', 'evidence', 'conclusion');
exception
  when duplicate_object then null;
end
$$;
comment on type thought_type is
  'Kind of RCA thought: analysis (reasoning), hypothesis (proposed cause), evidence (supporting '
  'data) or conclusion (final determination).';

do $$
begin
  create type suggestion_type as enum ('diagnostic', 'fix', 'mitigation', 'investigation');
exception
  when duplicate_object then null;
end
$$;
comment on type suggestion_type is
  'Kind of RCA suggestion: diagnostic (gather information), fix (code or configuration change), '
  'mitigation (temporary relief) or investigation (further analysis needed).';

do $$
begin
  create type suggestion_risk as enum ('safe', 'medium', 'high');
exception
  when duplicate_object then null;
end
$$;
comment on type suggestion_risk is
  'Risk of carrying out a suggestion: safe (read only), medium (may affect resources) or high '
  '(destructive or expensive).';

do $$
begin
  create type correlation_strategy as enum ('time_window', 'service_match', 'semantic', 'manual');
exception
  when duplicate_object then null;
end
$$;
comment on type correlation_strategy is
  'How an alert was attached to an incident: time_window (close in time), service_match (same '
  'service), semantic (similar title or description) or manual (a user attached it).';

do $$
begin
  create type citation_status as enum ('success', 'error', 'timeout');
exception
  when duplicate_object then null;
end
$$;
comment on type citation_status is
  'Outcome of the tool run that a citation records.';

create or replace function aurora_private.monitoring_alert_exists(target_org_id uuid,
  target_source monitoring_source, target_alert_id bigint) returns boolean
  language plpgsql stable
as $$
begin
  case target_source
    when 'grafana' then
      return exists (select from public.grafana_alerts
        where org_id = target_org_id and id = target_alert_id);
    when 'datadog' then
      return exists (select from public.datadog_events
        where org_id = target_org_id and id = target_alert_id);
    when 'pagerduty' then
      return exists (select from public.pagerduty_events
        where org_id = target_org_id and id = target_alert_id);
    when 'netdata' then
      return exists (select from public.netdata_alerts
        where org_id = target_org_id and id = target_alert_id);
    when 'splunk' then
      return exists (select from public.splunk_alerts
        where org_id = target_org_id and id = target_alert_id);
    when 'dynatrace' then
      return exists (select from public.dynatrace_problems
        where org_id = target_org_id and id = target_alert_id);
    when 'bigpanda' then
      return exists (select from public.bigpanda_events
        where org_id = target_org_id and id = target_alert_id);
    when 'jenkins' then
      return exists (select from public.jenkins_events
        where org_id = target_org_id and id = target_alert_id);
    when 'cloudbees' then
      return exists (select from public.cloudbees_events
        where org_id = target_org_id and id = target_alert_id);
  end case;
end;
$$;
revoke all on function aurora_private.monitoring_alert_exists(uuid, monitoring_source, bigint)
  from public;
grant execute on function aurora_private.monitoring_alert_exists(uuid, monitoring_source, bigint)
  to :AURORA_APP, :AURORA_MAINTENANCE;
comment on function aurora_private.monitoring_alert_exists(uuid, monitoring_source, bigint) is
  'Returns whether the monitoring table of the source has the alert (org_id, id). Runs with the '
  'privileges and row-level security of the caller.';

create or replace function aurora_private.tg__check_alert_exists() returns trigger
  language plpgsql
as $$
declare
  row_data jsonb := to_jsonb(new);
  referenced_source monitoring_source := (row_data ->> tg_argv[0])::monitoring_source;
  referenced_id bigint := (row_data ->> tg_argv[1])::bigint;
begin
  if referenced_id is not null
    and not aurora_private.monitoring_alert_exists(new.org_id, referenced_source, referenced_id)
  then
    raise exception using
      errcode = 'AU004',
      message = format('%s alert %s not found in organization %s',
        referenced_source, referenced_id, new.org_id),
      hint = 'Store the alert before referencing it.',
      table = tg_table_name,
      column = tg_argv[1];
  end if;
  return null;
end;
$$;
comment on function aurora_private.tg__check_alert_exists() is
  'Trigger function (after insert or update): raises AU004 unless the alert named by the '
  'columns in the two trigger arguments (source, alert id) exists in the same organization.';

create or replace function aurora_private.tg_incidents__check_status_transition()
  returns trigger
  language plpgsql
as $$
declare
  target_status incident_status;
begin
  if tg_op = 'UPDATE' and old.status = 'merged'
    and (new.status <> 'merged' or new.merged_into_id is distinct from old.merged_into_id) then
    raise exception using
      errcode = 'AU002',
      message = format('incident %s is merged into %s, so its status and merge target are final',
        old.id, old.merged_into_id),
      table = tg_table_name,
      column = 'status';
  end if;
  if tg_op = 'UPDATE' and old.status = 'resolved' and new.status = 'analyzed' then
    raise exception using
      errcode = 'AU002',
      message = format('incident %s cannot go from resolved to analyzed', old.id),
      hint = 'Reopen it as investigating first.',
      table = tg_table_name,
      column = 'status';
  end if;
  if tg_op = 'UPDATE' and new.analysis_status is distinct from old.analysis_status
    and new.analysis_status in ('complete', 'error') and old.analysis_status <> 'running' then
    raise exception using
      errcode = 'AU002',
      message = format('analysis of incident %s cannot go from %s to %s',
        old.id, old.analysis_status, new.analysis_status),
      hint = 'Set analysis_status to running first.',
      table = tg_table_name,
      column = 'analysis_status';
  end if;
  if new.merged_into_id is not null
    and (tg_op = 'INSERT' or new.merged_into_id is distinct from old.merged_into_id) then
    select status into target_status
    from public.incidents
    where org_id = new.org_id and id = new.merged_into_id;
    if target_status = 'merged' then
      raise exception using
        errcode = 'AU002',
        message = format('incident %s cannot be merged into %s, which is merged itself',
          new.id, new.merged_into_id),
        hint = 'Merge into the incident that the target was merged into.',
        table = tg_table_name,
        column = 'merged_into_id';
    end if;
  end if;
  return new;
end;
$$;
comment on function aurora_private.tg_incidents__check_status_transition() is
  'Trigger function: raises AU002 when an update leaves merged, goes from resolved to analyzed, '
  'sets analysis_status to complete or error without running first, or merges into an '
  'incident that is merged itself.';

create table if not exists incidents (
  org_id uuid not null references organizations on delete cascade,
  id uuid not null default gen_random_uuid(),
  title text not null check (title <> ''),
  description text,
  summary text,
  status incident_status not null default 'investigating',
  analysis_status analysis_status not null default 'idle',
  severity severity,
  source monitoring_source,
  source_alert_id bigint,
  service text,
  affected_services text[] not null default '{}',
  environment text,
  merged_into_id uuid,
  created_by uuid references users on delete set null,
  started_at timestamptz not null default now(),
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  constraint incidents_org_id_source_source_alert_id_key
    unique (org_id, source, source_alert_id),
  constraint incidents_merged_into_id_fkey foreign key (org_id, merged_into_id)
    references incidents (org_id, id),
  constraint incidents_merged_into_id_check
    check ((status = 'merged') = (merged_into_id is not null)),
  constraint incidents_merged_into_id_not_self_check check (merged_into_id <> id),
  constraint incidents_source_alert_id_check check (source_alert_id is null or source is not null)
);
create index if not exists incidents_org_id_created_at_id_idx
  on incidents (org_id, created_at desc, id desc);
create index if not exists incidents_org_id_started_at_id_idx
  on incidents (org_id, started_at desc, id desc)
  where status in ('investigating', 'analyzed');
create index if not exists incidents_org_id_title_idx
  on incidents using gin (org_id, title gin_trgm_ops)
  where status in ('investigating', 'analyzed');
create index if not exists incidents_org_id_merged_into_id_idx
  on incidents (org_id, merged_into_id)
  where merged_into_id is not null;
create or replace trigger _100_set_updated_at
  before update on incidents
  for each row execute function aurora_private.tg__set_updated_at();
create or replace trigger _200_check_status_transition
  before insert or update of status, analysis_status, merged_into_id on incidents
  for each row execute function aurora_private.tg_incidents__check_status_transition();
create or replace trigger _500_check_source_alert_exists
  after insert or update of org_id, source, source_alert_id on incidents
  for each row execute function aurora_private.tg__check_alert_exists('source', 'source_alert_id');
alter table incidents enable row level security;
alter table incidents force row level security;
drop policy if exists select_own_org on incidents;
create policy select_own_org on incidents for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on incidents;
create policy insert_own_org on incidents for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on incidents;
create policy update_own_org on incidents for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on incidents;
create policy delete_own_org on incidents for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update, delete on incidents to :AURORA_APP;
grant select, update (source_alert_id) on incidents to :AURORA_MAINTENANCE;
comment on table incidents is
  'Problems under root cause analysis, opened from an alert or by a user. Open means status '
  'investigating or analyzed; partial indexes cover open incidents for correlation.';
comment on column incidents.summary is
  'Short summary written by the RCA agent.';
comment on column incidents.source is
  'Monitoring source of the alert that opened the incident; NULL for incidents users opened.';
comment on column incidents.source_alert_id is
  'Id of the alert that opened the incident, in the monitoring table of source. At most one '
  'incident per alert. Set to NULL when retention deletes that alert.';
comment on column incidents.service is
  'Main affected service, matched by the service_match correlation strategy.';
comment on column incidents.affected_services is
  'Every service named by the alerts of the incident.';
comment on column incidents.merged_into_id is
  'Incident this one was merged into; set exactly when status is merged, never to itself or to '
  'an incident that is merged itself.';
comment on column incidents.created_by is
  'User who opened the incident by hand; NULL for incidents opened from an alert.';
comment on column incidents.resolved_at is
  'When the incident was resolved, as recorded by the service that resolved it.';
comment on column incidents.started_at is
  'When the problem started: the start of the first alert, or when a user opened it.';

create or replace function aurora_private.tg_incident_thoughts__notify() returns trigger
  language plpgsql
as $$
begin
  perform pg_notify('aurora_thoughts', json_build_object(
    'org_id', new.org_id,
    'incident_id', new.incident_id,
    'thought_id', new.id
  )::text);
  return null;
end;
$$;
comment on function aurora_private.tg_incident_thoughts__notify() is
  'Trigger function: sends NOTIFY on channel aurora_thoughts with the JSON object {org_id, '
  'incident_id, thought_id}. It never sends the content: every listener receives every '
  'tenant''s notifications and must read the thought under that tenant''s context.';

create table if not exists incident_thoughts (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  incident_id uuid not null,
  type thought_type not null,
  content text not null,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, incident_id) references incidents on delete cascade
);
create index if not exists incident_thoughts_org_id_incident_id_created_at_id_idx
  on incident_thoughts (org_id, incident_id, created_at desc, id desc);
create or replace trigger _500_notify_new_thought
  after insert on incident_thoughts
  for each row execute function aurora_private.tg_incident_thoughts__notify();
alter table incident_thoughts enable row level security;
alter table incident_thoughts force row level security;
drop policy if exists select_own_org on incident_thoughts;
create policy select_own_org on incident_thoughts for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on incident_thoughts;
create policy insert_own_org on incident_thoughts for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on incident_thoughts;
create policy update_own_org on incident_thoughts for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on incident_thoughts;
create policy delete_own_org on incident_thoughts for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update, delete on incident_thoughts to :AURORA_APP;
grant select on incident_thoughts to :AURORA_MAINTENANCE;
comment on table incident_thoughts is
  'Thoughts the RCA agent streams while it analyses an incident, in order of (created_at, id). '
  'Each insert sends NOTIFY aurora_thoughts once the transaction commits.';
comment on column incident_thoughts.content is
  'Text of the thought; [n] marks refer to incident_citations.citation_key of the incident.';

create table if not exists incident_suggestions (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  incident_id uuid not null,
  type suggestion_type not null,
  title text not null,
  description text,
  command text,
  risk suggestion_risk not null default 'safe',
  file_path text,
  original_content text,
  suggested_content text,
  repository text,
  pr_url text,
  pr_number integer check (pr_number > 0),
  applied_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, incident_id) references incidents on delete cascade,
  constraint incident_suggestions_fix_fields_check check (
    type = 'fix' or (
      file_path is null and original_content is null and suggested_content is null
      and repository is null and pr_url is null and pr_number is null and applied_at is null
    )
  )
);
create index if not exists incident_suggestions_org_id_incident_id_id_idx
  on incident_suggestions (org_id, incident_id, id);
create or replace trigger _100_set_updated_at
  before update on incident_suggestions
  for each row execute function aurora_private.tg__set_updated_at();
alter table incident_suggestions enable row level security;
alter table incident_suggestions force row level security;
drop policy if exists select_own_org on incident_suggestions;
create policy select_own_org on incident_suggestions for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on incident_suggestions;
create policy insert_own_org on incident_suggestions for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on incident_suggestions;
create policy update_own_org on incident_suggestions for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on incident_suggestions;
create policy delete_own_org on incident_suggestions for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update, delete on incident_suggestions to :AURORA_APP;
grant select on incident_suggestions to :AURORA_MAINTENANCE;
comment on table incident_suggestions is
  'Actions the RCA agent suggests for an incident. Only fix suggestions carry the file change '
  'and pull request columns (file_path through applied_at).';
comment on column incident_suggestions.command is
  'Command to run, for diagnostic and mitigation suggestions.';
comment on column incident_suggestions.file_path is
  'Path of the changed file inside repository.';
comment on column incident_suggestions.original_content is
  'Content of the file before the fix.';
comment on column incident_suggestions.suggested_content is
  'Content of the file with the fix applied.';
comment on column incident_suggestions.repository is
  'Repository of the file, as owner/name.';
comment on column incident_suggestions.pr_url is
  'Pull request that carries the fix, once opened.';
comment on column incident_suggestions.applied_at is
  'When the fix was merged or applied.';

create table if not exists incident_citations (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  incident_id uuid not null,
  citation_key integer not null check (citation_key > 0),
  tool text not null,
  command text,
  output text,
  status citation_status not null default 'success',
  executed_at timestamptz,
  duration_ms integer check (duration_ms >= 0),
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, incident_id, citation_key),
  foreign key (org_id, incident_id) references incidents on delete cascade
);
alter table incident_citations enable row level security;
alter table incident_citations force row level security;
drop policy if exists select_own_org on incident_citations;
create policy select_own_org on incident_citations for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on incident_citations;
create policy insert_own_org on incident_citations for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on incident_citations;
create policy update_own_org on incident_citations for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on incident_citations;
create policy delete_own_org on incident_citations for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update, delete on incident_citations to :AURORA_APP;
grant select on incident_citations to :AURORA_MAINTENANCE;
comment on table incident_citations is
  'Tool runs that the RCA of an incident cites, numbered per incident.';
comment on column incident_citations.citation_key is
  'Number n of the citation within its incident, written [n] in thoughts. Unique per incident; '
  'two writers choosing the same number get a unique violation.';
comment on column incident_citations.tool is
  'Name of the tool that ran, such as kubectl or a cloud API.';
comment on column incident_citations.executed_at is
  'When the tool run started.';
comment on column incident_citations.output is
  'Output of the tool as the agent saw it.';
comment on column incident_citations.duration_ms is
  'Run time of the tool in milliseconds.';

create table if not exists incident_alerts (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  incident_id uuid not null,
  alert_source monitoring_source not null,
  alert_id bigint not null,
  strategy correlation_strategy not null,
  score numeric(5, 4) not null check (score between 0 and 1),
  details jsonb not null default '{}' check (jsonb_typeof(details) = 'object'),
  attached_by uuid references users on delete set null,
  attached_at timestamptz not null default now(),
  primary key (org_id, id),
  constraint incident_alerts_org_id_incident_id_alert_source_alert_id_key
    unique (org_id, incident_id, alert_source, alert_id),
  constraint incident_alerts_org_id_alert_source_alert_id_key
    unique (org_id, alert_source, alert_id),
  foreign key (org_id, incident_id) references incidents on delete cascade
);
create or replace trigger _500_check_alert_exists
  after insert or update of org_id, alert_source, alert_id on incident_alerts
  for each row execute function aurora_private.tg__check_alert_exists('alert_source', 'alert_id');
alter table incident_alerts enable row level security;
alter table incident_alerts force row level security;
drop policy if exists select_own_org on incident_alerts;
create policy select_own_org on incident_alerts for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on incident_alerts;
create policy insert_own_org on incident_alerts for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on incident_alerts;
create policy update_own_org on incident_alerts for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on incident_alerts;
create policy delete_own_org on incident_alerts for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update, delete on incident_alerts to :AURORA_APP;
grant select, delete on incident_alerts to :AURORA_MAINTENANCE;
comment on table incident_alerts is
  'Alerts correlated into an incident, with the strategy, score and reasons of each attachment. '
  'An alert belongs to at most one incident. A trigger checks that the alert exists (AU004), '
  'and deleting the alert deletes the attachment.';
comment on column incident_alerts.alert_id is
  'id of the alert in the monitoring table of alert_source.';
comment on column incident_alerts.score is
  'Correlation score from 0 to 1 with which the alert was attached.';
comment on column incident_alerts.details is
  'Reasons for the attachment, such as the weighted parts of the score and the matched service.';
comment on column incident_alerts.attached_by is
  'User who attached the alert by hand; NULL for automatic correlation.';

create or replace function aurora_private.tg__detach_deleted_alerts() returns trigger
  language plpgsql
as $$
declare
  deleted_source monitoring_source := tg_argv[0]::monitoring_source;
begin
  delete from public.incident_alerts as attached
  using deleted_alerts
  where attached.org_id = deleted_alerts.org_id
    and attached.alert_source = deleted_source
    and attached.alert_id = deleted_alerts.id;
  update public.incidents
  set source_alert_id = null
  from deleted_alerts
  where incidents.org_id = deleted_alerts.org_id
    and incidents.source = deleted_source
    and incidents.source_alert_id = deleted_alerts.id;
  return null;
end;
$$;
comment on function aurora_private.tg__detach_deleted_alerts() is
  'Trigger function (after delete, per statement, transition table deleted_alerts): deletes the '
  'incident_alerts rows of the deleted alerts and clears incidents.source_alert_id where it '
  'pointed at one. The trigger argument names the monitoring source of the table.';

create or replace trigger _500_detach_deleted_alerts
  after delete on grafana_alerts
  referencing old table as deleted_alerts
  for each statement execute function aurora_private.tg__detach_deleted_alerts('grafana');
create or replace trigger _500_detach_deleted_alerts
  after delete on datadog_events
  referencing old table as deleted_alerts
  for each statement execute function aurora_private.tg__detach_deleted_alerts('datadog');
create or replace trigger _500_detach_deleted_alerts
  after delete on pagerduty_events
  referencing old table as deleted_alerts
  for each statement execute function aurora_private.tg__detach_deleted_alerts('pagerduty');
create or replace trigger _500_detach_deleted_alerts
  after delete on netdata_alerts
  referencing old table as deleted_alerts
  for each statement execute function aurora_private.tg__detach_deleted_alerts('netdata');
create or replace trigger _500_detach_deleted_alerts
  after delete on splunk_alerts
  referencing old table as deleted_alerts
  for each statement execute function aurora_private.tg__detach_deleted_alerts('splunk');
create or replace trigger _500_detach_deleted_alerts
  after delete on dynatrace_problems
  referencing old table as deleted_alerts
  for each statement execute function aurora_private.tg__detach_deleted_alerts('dynatrace');
create or replace trigger _500_detach_deleted_alerts
  after delete on bigpanda_events
  referencing old table as deleted_alerts
  for each statement execute function aurora_private.tg__detach_deleted_alerts('bigpanda');
create or replace trigger _500_detach_deleted_alerts
  after delete on jenkins_events
  referencing old table as deleted_alerts
  for each statement execute function aurora_private.tg__detach_deleted_alerts('jenkins');
create or replace trigger _500_detach_deleted_alerts
  after delete on cloudbees_events
  referencing old table as deleted_alerts
  for each statement execute function aurora_private.tg__detach_deleted_alerts('cloudbees');
