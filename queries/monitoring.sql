/*
  Monitoring alerts: bulk upsert per source table, the list of recent alerts, and the calls
  into correlation (correlate_alerts, merge_incidents) with the reports that show its result.

  Each upsert writes a whole batch in one statement. The batch is one JSON array parameter of
  row objects whose keys are the table's column names; jsonb_to_recordset types every column
  on the way in, including the text[] columns that an unnest of parallel arrays could not carry
  (PostgreSQL arrays are rectangular). A batch must not repeat a dedup_key, because ON CONFLICT
  cannot update one row twice in one statement.

  A redelivered alert updates nothing: the update runs only when the state, source state,
  title, labels, payload or payload transforms differ from the stored row, and rows it skips
  are not returned. A resolution with an end time is never replaced by an older notification,
  which is skipped the same way: a firing one that started before the stored end, or a
  resolved one without an end or with an earlier end. A firing delivery that started after the
  stored end (the alert fired again) updates the row. `inserted` tells new rows from changed
  ones. Severity, service, environment and description keep their stored value when a
  delivery leaves them out, and starts_at keeps the earliest start unless a resolved alert
  fires again. Datadog and PagerDuty send the time of each event, so for them an event older
  than the stored one is skipped too: redelivering an earlier transition changes nothing.
*/

/* @name UpsertGrafanaAlerts */
insert into grafana_alerts as stored (
  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
  starts_at, ends_at, description, labels, payload, payload_transforms, format, receiver,
  group_key, external_url, generator_url, silence_url, dashboard_url, panel_url, image_url,
  runbook_url, rule_uid, grafana_org_id, annotations, metric_values, value_string
)
select
  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
  coalesce(alert.payload_transforms, '{}'), alert.format, alert.receiver, alert.group_key,
  alert.external_url, alert.generator_url, alert.silence_url, alert.dashboard_url,
  alert.panel_url, alert.image_url, alert.runbook_url, alert.rule_uid, alert.grafana_org_id,
  coalesce(alert.annotations, '{}'), alert.metric_values, alert.value_string
from jsonb_to_recordset(:alerts!::jsonb) as alert (
  dedup_key text, fingerprint text, title text, state alert_state, source_state text,
  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
  description text, labels jsonb, payload jsonb, payload_transforms text[], format text,
  receiver text, group_key text, external_url text, generator_url text, silence_url text,
  dashboard_url text, panel_url text, image_url text, runbook_url text, rule_uid text,
  grafana_org_id bigint, annotations jsonb, metric_values jsonb, value_string text
)
on conflict (org_id, dedup_key) do update
set title = excluded.title,
  state = excluded.state,
  source_state = excluded.source_state,
  severity = coalesce(excluded.severity, stored.severity),
  service = coalesce(excluded.service, stored.service),
  environment = coalesce(excluded.environment, stored.environment),
  starts_at = case
    when stored.state = 'resolved' and excluded.state = 'firing'
      then coalesce(excluded.starts_at, stored.starts_at)
    else least(stored.starts_at, excluded.starts_at)
  end,
  ends_at = case
    when excluded.state = 'firing' then excluded.ends_at
    else coalesce(excluded.ends_at, stored.ends_at)
  end,
  description = coalesce(excluded.description, stored.description),
  labels = excluded.labels,
  payload = excluded.payload,
  payload_transforms = excluded.payload_transforms,
  format = excluded.format,
  receiver = excluded.receiver,
  group_key = excluded.group_key,
  external_url = excluded.external_url,
  generator_url = excluded.generator_url,
  silence_url = excluded.silence_url,
  dashboard_url = excluded.dashboard_url,
  panel_url = excluded.panel_url,
  image_url = excluded.image_url,
  runbook_url = excluded.runbook_url,
  rule_uid = excluded.rule_uid,
  grafana_org_id = excluded.grafana_org_id,
  annotations = excluded.annotations,
  metric_values = excluded.metric_values,
  value_string = excluded.value_string
where (
    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
    stored.payload_transforms
  ) is distinct from (
    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
    excluded.payload_transforms
  )
  and not (
    stored.state = 'resolved' and stored.ends_at is not null
    and case excluded.state
      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
      else coalesce(excluded.ends_at < stored.ends_at, true)
    end
  )
returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!";

/* @name UpsertDatadogEvents */
insert into datadog_events as stored (
  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
  starts_at, ends_at, description, labels, payload, payload_transforms, event_id, monitor_id,
  event_type, alert_type, alert_transition, priority, alert_query, scopes, tags, event_url,
  datadog_org_id, last_updated_at
)
select
  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
  coalesce(alert.payload_transforms, '{}'), alert.event_id, alert.monitor_id, alert.event_type,
  alert.alert_type, alert.alert_transition, alert.priority, alert.alert_query, alert.scopes,
  alert.tags, alert.event_url, alert.datadog_org_id, alert.last_updated_at
from jsonb_to_recordset(:alerts!::jsonb) as alert (
  dedup_key text, fingerprint text, title text, state alert_state, source_state text,
  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
  description text, labels jsonb, payload jsonb, payload_transforms text[], event_id text,
  monitor_id bigint, event_type text, alert_type text, alert_transition text, priority text,
  alert_query text, scopes text[], tags text[], event_url text, datadog_org_id text,
  last_updated_at timestamptz
)
on conflict (org_id, dedup_key) do update
set title = excluded.title,
  state = excluded.state,
  source_state = excluded.source_state,
  severity = coalesce(excluded.severity, stored.severity),
  service = coalesce(excluded.service, stored.service),
  environment = coalesce(excluded.environment, stored.environment),
  starts_at = case
    when stored.state = 'resolved' and excluded.state = 'firing'
      then coalesce(excluded.starts_at, stored.starts_at)
    else least(stored.starts_at, excluded.starts_at)
  end,
  ends_at = case
    when excluded.state = 'firing' then excluded.ends_at
    else coalesce(excluded.ends_at, stored.ends_at)
  end,
  description = coalesce(excluded.description, stored.description),
  labels = excluded.labels,
  payload = excluded.payload,
  payload_transforms = excluded.payload_transforms,
  event_id = excluded.event_id,
  monitor_id = excluded.monitor_id,
  event_type = excluded.event_type,
  alert_type = excluded.alert_type,
  alert_transition = excluded.alert_transition,
  priority = excluded.priority,
  alert_query = excluded.alert_query,
  scopes = excluded.scopes,
  tags = excluded.tags,
  event_url = excluded.event_url,
  datadog_org_id = excluded.datadog_org_id,
  last_updated_at = excluded.last_updated_at
where (
    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
    stored.payload_transforms
  ) is distinct from (
    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
    excluded.payload_transforms
  )
  and not (
    stored.state = 'resolved' and stored.ends_at is not null
    and case excluded.state
      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
      else coalesce(excluded.ends_at < stored.ends_at, true)
    end
  )
  -- An older Datadog event (by last_updated) never replaces a newer one of the same alert cycle.
  and not coalesce(excluded.last_updated_at < stored.last_updated_at, false)
returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!";

/* @name UpsertPagerDutyEvents */
insert into pagerduty_events as stored (
  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
  starts_at, ends_at, description, labels, payload, payload_transforms, format, event_id,
  event_type, incident_id, incident_number, incident_key, urgency, priority, html_url,
  pd_service_id, occurred_at
)
select
  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
  coalesce(alert.payload_transforms, '{}'), alert.format, alert.event_id, alert.event_type,
  alert.incident_id, alert.incident_number, alert.incident_key, alert.urgency, alert.priority,
  alert.html_url, alert.pd_service_id, alert.occurred_at
from jsonb_to_recordset(:alerts!::jsonb) as alert (
  dedup_key text, fingerprint text, title text, state alert_state, source_state text,
  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
  description text, labels jsonb, payload jsonb, payload_transforms text[], format text,
  event_id text, event_type text, incident_id text, incident_number integer, incident_key text,
  urgency text, priority text, html_url text, pd_service_id text, occurred_at timestamptz
)
on conflict (org_id, dedup_key) do update
set title = excluded.title,
  state = excluded.state,
  source_state = excluded.source_state,
  severity = coalesce(excluded.severity, stored.severity),
  service = coalesce(excluded.service, stored.service),
  environment = coalesce(excluded.environment, stored.environment),
  starts_at = case
    when stored.state = 'resolved' and excluded.state = 'firing'
      then coalesce(excluded.starts_at, stored.starts_at)
    else least(stored.starts_at, excluded.starts_at)
  end,
  ends_at = case
    when excluded.state = 'firing' then excluded.ends_at
    else coalesce(excluded.ends_at, stored.ends_at)
  end,
  description = coalesce(excluded.description, stored.description),
  labels = excluded.labels,
  payload = excluded.payload,
  payload_transforms = excluded.payload_transforms,
  format = excluded.format,
  event_id = excluded.event_id,
  event_type = excluded.event_type,
  incident_id = excluded.incident_id,
  incident_number = excluded.incident_number,
  incident_key = excluded.incident_key,
  urgency = excluded.urgency,
  priority = excluded.priority,
  html_url = excluded.html_url,
  pd_service_id = excluded.pd_service_id,
  occurred_at = excluded.occurred_at
where (
    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
    stored.payload_transforms
  ) is distinct from (
    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
    excluded.payload_transforms
  )
  and not (
    stored.state = 'resolved' and stored.ends_at is not null
    and case excluded.state
      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
      else coalesce(excluded.ends_at < stored.ends_at, true)
    end
  )
  -- An older PagerDuty event (by occurred_at) never replaces a newer one of the same incident.
  and not coalesce(excluded.occurred_at < stored.occurred_at, false)
returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!";

/* @name UpsertNetdataAlerts */
insert into netdata_alerts as stored (
  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
  starts_at, ends_at, description, labels, payload, payload_transforms, alert_name, host, chart,
  context, family, alert_class, space, rooms, node_url, alert_url, duration,
  additional_active_critical_alerts, additional_active_warning_alerts
)
select
  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
  coalesce(alert.payload_transforms, '{}'), alert.alert_name, alert.host, alert.chart,
  alert.context, alert.family, alert.alert_class, alert.space, alert.rooms, alert.node_url,
  alert.alert_url, alert.duration, alert.additional_active_critical_alerts,
  alert.additional_active_warning_alerts
from jsonb_to_recordset(:alerts!::jsonb) as alert (
  dedup_key text, fingerprint text, title text, state alert_state, source_state text,
  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
  description text, labels jsonb, payload jsonb, payload_transforms text[], alert_name text,
  host text, chart text, context text, family text, alert_class text, space text, rooms text[],
  node_url text, alert_url text, duration text, additional_active_critical_alerts integer,
  additional_active_warning_alerts integer
)
on conflict (org_id, dedup_key) do update
set title = excluded.title,
  state = excluded.state,
  source_state = excluded.source_state,
  severity = coalesce(excluded.severity, stored.severity),
  service = coalesce(excluded.service, stored.service),
  environment = coalesce(excluded.environment, stored.environment),
  starts_at = case
    when stored.state = 'resolved' and excluded.state = 'firing'
      then coalesce(excluded.starts_at, stored.starts_at)
    else least(stored.starts_at, excluded.starts_at)
  end,
  ends_at = case
    when excluded.state = 'firing' then excluded.ends_at
    else coalesce(excluded.ends_at, stored.ends_at)
  end,
  description = coalesce(excluded.description, stored.description),
  labels = excluded.labels,
  payload = excluded.payload,
  payload_transforms = excluded.payload_transforms,
  alert_name = excluded.alert_name,
  host = excluded.host,
  chart = excluded.chart,
  context = excluded.context,
  family = excluded.family,
  alert_class = excluded.alert_class,
  space = excluded.space,
  rooms = excluded.rooms,
  node_url = excluded.node_url,
  alert_url = excluded.alert_url,
  duration = excluded.duration,
  additional_active_critical_alerts = excluded.additional_active_critical_alerts,
  additional_active_warning_alerts = excluded.additional_active_warning_alerts
where (
    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
    stored.payload_transforms
  ) is distinct from (
    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
    excluded.payload_transforms
  )
  and not (
    stored.state = 'resolved' and stored.ends_at is not null
    and case excluded.state
      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
      else coalesce(excluded.ends_at < stored.ends_at, true)
    end
  )
returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!";

/* @name UpsertSplunkAlerts */
insert into splunk_alerts as stored (
  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
  starts_at, ends_at, description, labels, payload, payload_transforms, search_name, sid,
  results_link, app, owner
)
select
  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
  coalesce(alert.payload_transforms, '{}'), alert.search_name, alert.sid, alert.results_link,
  alert.app, alert.owner
from jsonb_to_recordset(:alerts!::jsonb) as alert (
  dedup_key text, fingerprint text, title text, state alert_state, source_state text,
  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
  description text, labels jsonb, payload jsonb, payload_transforms text[], search_name text,
  sid text, results_link text, app text, owner text
)
on conflict (org_id, dedup_key) do update
set title = excluded.title,
  state = excluded.state,
  source_state = excluded.source_state,
  severity = coalesce(excluded.severity, stored.severity),
  service = coalesce(excluded.service, stored.service),
  environment = coalesce(excluded.environment, stored.environment),
  starts_at = case
    when stored.state = 'resolved' and excluded.state = 'firing'
      then coalesce(excluded.starts_at, stored.starts_at)
    else least(stored.starts_at, excluded.starts_at)
  end,
  ends_at = case
    when excluded.state = 'firing' then excluded.ends_at
    else coalesce(excluded.ends_at, stored.ends_at)
  end,
  description = coalesce(excluded.description, stored.description),
  labels = excluded.labels,
  payload = excluded.payload,
  payload_transforms = excluded.payload_transforms,
  search_name = excluded.search_name,
  sid = excluded.sid,
  results_link = excluded.results_link,
  app = excluded.app,
  owner = excluded.owner
where (
    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
    stored.payload_transforms
  ) is distinct from (
    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
    excluded.payload_transforms
  )
  and not (
    stored.state = 'resolved' and stored.ends_at is not null
    and case excluded.state
      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
      else coalesce(excluded.ends_at < stored.ends_at, true)
    end
  )
returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!";

/* @name UpsertDynatraceProblems */
insert into dynatrace_problems as stored (
  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
  starts_at, ends_at, description, labels, payload, payload_transforms, problem_id, pid,
  impacted_entity, problem_impact, problem_url, tags
)
select
  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
  coalesce(alert.payload_transforms, '{}'), alert.problem_id, alert.pid, alert.impacted_entity,
  alert.problem_impact, alert.problem_url, alert.tags
from jsonb_to_recordset(:alerts!::jsonb) as alert (
  dedup_key text, fingerprint text, title text, state alert_state, source_state text,
  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
  description text, labels jsonb, payload jsonb, payload_transforms text[], problem_id text,
  pid text, impacted_entity text, problem_impact text, problem_url text, tags text[]
)
on conflict (org_id, dedup_key) do update
set title = excluded.title,
  state = excluded.state,
  source_state = excluded.source_state,
  severity = coalesce(excluded.severity, stored.severity),
  service = coalesce(excluded.service, stored.service),
  environment = coalesce(excluded.environment, stored.environment),
  starts_at = case
    when stored.state = 'resolved' and excluded.state = 'firing'
      then coalesce(excluded.starts_at, stored.starts_at)
    else least(stored.starts_at, excluded.starts_at)
  end,
  ends_at = case
    when excluded.state = 'firing' then excluded.ends_at
    else coalesce(excluded.ends_at, stored.ends_at)
  end,
  description = coalesce(excluded.description, stored.description),
  labels = excluded.labels,
  payload = excluded.payload,
  payload_transforms = excluded.payload_transforms,
  problem_id = excluded.problem_id,
  pid = excluded.pid,
  impacted_entity = excluded.impacted_entity,
  problem_impact = excluded.problem_impact,
  problem_url = excluded.problem_url,
  tags = excluded.tags
where (
    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
    stored.payload_transforms
  ) is distinct from (
    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
    excluded.payload_transforms
  )
  and not (
    stored.state = 'resolved' and stored.ends_at is not null
    and case excluded.state
      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
      else coalesce(excluded.ends_at < stored.ends_at, true)
    end
  )
returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!";

/* @name UpsertBigPandaEvents */
insert into bigpanda_events as stored (
  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
  starts_at, ends_at, description, labels, payload, payload_transforms, incident_id,
  primary_property, secondary_property, bigpanda_status, source_system, child_alert_count
)
select
  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
  coalesce(alert.payload_transforms, '{}'), alert.incident_id, alert.primary_property,
  alert.secondary_property, alert.bigpanda_status, alert.source_system, alert.child_alert_count
from jsonb_to_recordset(:alerts!::jsonb) as alert (
  dedup_key text, fingerprint text, title text, state alert_state, source_state text,
  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
  description text, labels jsonb, payload jsonb, payload_transforms text[], incident_id text,
  primary_property text, secondary_property text, bigpanda_status text, source_system text,
  child_alert_count integer
)
on conflict (org_id, dedup_key) do update
set title = excluded.title,
  state = excluded.state,
  source_state = excluded.source_state,
  severity = coalesce(excluded.severity, stored.severity),
  service = coalesce(excluded.service, stored.service),
  environment = coalesce(excluded.environment, stored.environment),
  starts_at = case
    when stored.state = 'resolved' and excluded.state = 'firing'
      then coalesce(excluded.starts_at, stored.starts_at)
    else least(stored.starts_at, excluded.starts_at)
  end,
  ends_at = case
    when excluded.state = 'firing' then excluded.ends_at
    else coalesce(excluded.ends_at, stored.ends_at)
  end,
  description = coalesce(excluded.description, stored.description),
  labels = excluded.labels,
  payload = excluded.payload,
  payload_transforms = excluded.payload_transforms,
  incident_id = excluded.incident_id,
  primary_property = excluded.primary_property,
  secondary_property = excluded.secondary_property,
  bigpanda_status = excluded.bigpanda_status,
  source_system = excluded.source_system,
  child_alert_count = excluded.child_alert_count
where (
    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
    stored.payload_transforms
  ) is distinct from (
    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
    excluded.payload_transforms
  )
  and not (
    stored.state = 'resolved' and stored.ends_at is not null
    and case excluded.state
      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
      else coalesce(excluded.ends_at < stored.ends_at, true)
    end
  )
returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!";

/* @name UpsertJenkinsEvents */
insert into jenkins_events as stored (
  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
  starts_at, ends_at, description, labels, payload, payload_transforms, job_name, build_number,
  phase, build_status, build_url, scm_url, branch, commit
)
select
  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
  coalesce(alert.payload_transforms, '{}'), alert.job_name, alert.build_number, alert.phase,
  alert.build_status, alert.build_url, alert.scm_url, alert.branch, alert.commit
from jsonb_to_recordset(:alerts!::jsonb) as alert (
  dedup_key text, fingerprint text, title text, state alert_state, source_state text,
  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
  description text, labels jsonb, payload jsonb, payload_transforms text[], job_name text,
  build_number integer, phase text, build_status text, build_url text, scm_url text, branch text,
  commit text
)
on conflict (org_id, dedup_key) do update
set title = excluded.title,
  state = excluded.state,
  source_state = excluded.source_state,
  severity = coalesce(excluded.severity, stored.severity),
  service = coalesce(excluded.service, stored.service),
  environment = coalesce(excluded.environment, stored.environment),
  starts_at = case
    when stored.state = 'resolved' and excluded.state = 'firing'
      then coalesce(excluded.starts_at, stored.starts_at)
    else least(stored.starts_at, excluded.starts_at)
  end,
  ends_at = case
    when excluded.state = 'firing' then excluded.ends_at
    else coalesce(excluded.ends_at, stored.ends_at)
  end,
  description = coalesce(excluded.description, stored.description),
  labels = excluded.labels,
  payload = excluded.payload,
  payload_transforms = excluded.payload_transforms,
  job_name = excluded.job_name,
  build_number = excluded.build_number,
  phase = excluded.phase,
  build_status = excluded.build_status,
  build_url = excluded.build_url,
  scm_url = excluded.scm_url,
  branch = excluded.branch,
  commit = excluded.commit
where (
    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
    stored.payload_transforms
  ) is distinct from (
    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
    excluded.payload_transforms
  )
  and not (
    stored.state = 'resolved' and stored.ends_at is not null
    and case excluded.state
      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
      else coalesce(excluded.ends_at < stored.ends_at, true)
    end
  )
returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!";

/* @name UpsertCloudBeesEvents */
insert into cloudbees_events as stored (
  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
  starts_at, ends_at, description, labels, payload, payload_transforms, controller, job_name,
  build_number, phase, build_status, build_url, scm_url, branch, commit
)
select
  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
  coalesce(alert.payload_transforms, '{}'), alert.controller, alert.job_name, alert.build_number,
  alert.phase, alert.build_status, alert.build_url, alert.scm_url, alert.branch, alert.commit
from jsonb_to_recordset(:alerts!::jsonb) as alert (
  dedup_key text, fingerprint text, title text, state alert_state, source_state text,
  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
  description text, labels jsonb, payload jsonb, payload_transforms text[], controller text,
  job_name text, build_number integer, phase text, build_status text, build_url text,
  scm_url text, branch text, commit text
)
on conflict (org_id, dedup_key) do update
set title = excluded.title,
  state = excluded.state,
  source_state = excluded.source_state,
  severity = coalesce(excluded.severity, stored.severity),
  service = coalesce(excluded.service, stored.service),
  environment = coalesce(excluded.environment, stored.environment),
  starts_at = case
    when stored.state = 'resolved' and excluded.state = 'firing'
      then coalesce(excluded.starts_at, stored.starts_at)
    else least(stored.starts_at, excluded.starts_at)
  end,
  ends_at = case
    when excluded.state = 'firing' then excluded.ends_at
    else coalesce(excluded.ends_at, stored.ends_at)
  end,
  description = coalesce(excluded.description, stored.description),
  labels = excluded.labels,
  payload = excluded.payload,
  payload_transforms = excluded.payload_transforms,
  controller = excluded.controller,
  job_name = excluded.job_name,
  build_number = excluded.build_number,
  phase = excluded.phase,
  build_status = excluded.build_status,
  build_url = excluded.build_url,
  scm_url = excluded.scm_url,
  branch = excluded.branch,
  commit = excluded.commit
where (
    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
    stored.payload_transforms
  ) is distinct from (
    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
    excluded.payload_transforms
  )
  and not (
    stored.state = 'resolved' and stored.ends_at is not null
    and case excluded.state
      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
      else coalesce(excluded.ends_at < stored.ends_at, true)
    end
  )
returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!";

/* @name ListRecentAlerts */
-- Alerts of one source, most recently received first, as keyset pages on (received_at, id):
-- pass the cursorTime and id of the last row of the previous page as afterTime and afterId,
-- or nulls for the first page. cursorTime is received_at as exact UTC text with microseconds,
-- because a JavaScript Date keeps only milliseconds and a rounded cursor would skip rows.
-- PostgreSQL plans the statement with the bound source, so only that table of the
-- monitoring_alerts view is read, through its (org_id, received_at, id) index.
select
  source as "source!", id as "id!", dedup_key as "dedupKey!", fingerprint as "fingerprint!",
  title as "title!", state as "state!", source_state as "sourceState!", severity, service,
  environment, starts_at as "startsAt", ends_at as "endsAt", description,
  payload_transforms as "payloadTransforms!", received_at as "receivedAt!",
  updated_at as "updatedAt!",
  to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorTime!"
from monitoring_alerts
where org_id = (select current_org_id())
  and source = :source!
  and (
    :afterTime::timestamptz is null
    or (received_at, id) < (:afterTime::timestamptz, :afterId::bigint)
  )
order by received_at desc, id desc
limit :limit!::int;

/* @name CorrelateAlerts */
-- Correlates stored alerts of one source into incidents, one row per alert; see the comment
-- on correlate_alerts() for the rules and the columns. settings is a JSON object of overrides.
select alert_id as "alertId!", action as "action!", incident_id as "incidentId!", strategy,
  score, is_incident_resolved as "isIncidentResolved!"
from correlate_alerts(:source!, :alertIds!::bigint[], :settings!::jsonb);

/* @name MergeIncidents */
-- Merges one incident into another by hand and returns how many alerts moved to the target.
-- merge_incidents() raises AU004 (not found) and AU002 (already merged, merged target, same
-- incident).
select merge_incidents(:fromIncidentId!::uuid, :intoIncidentId!::uuid) as "movedAlerts!";

/* @name ListIncidentMembers */
-- The alerts of the given incidents: first the alert that opened each one (isSourceAlert,
-- with null strategy, score and details), then the correlated ones in order of their time.
-- The opening alert of a merged incident is listed under the incident it was merged into.
select
  member.incident_id as "incidentId!", member.is_source_alert as "isSourceAlert!",
  alert.source as "source!", alert.id as "id!", alert.title as "title!", alert.state as "state!",
  alert.severity, alert.service, alert.starts_at as "startsAt", alert.ends_at as "endsAt",
  alert.received_at as "receivedAt!", member.strategy, member.score, member.details
from (
  select incident.id as incident_id, incident.source as alert_source,
    incident.source_alert_id as alert_id, true as is_source_alert,
    null::correlation_strategy as strategy, null::numeric as score, null::jsonb as details
  from incidents as incident
  where incident.org_id = (select current_org_id())
    and incident.id = any(:incidentIds!::uuid[])
    and incident.source_alert_id is not null
    and incident.status <> 'merged'
  union all
  select attached.incident_id, attached.alert_source, attached.alert_id, false,
    attached.strategy, attached.score, attached.details
  from incident_alerts as attached
  where attached.org_id = (select current_org_id())
    and attached.incident_id = any(:incidentIds!::uuid[])
) as member
join monitoring_alerts as alert
  on alert.org_id = (select current_org_id())
  and alert.source = member.alert_source
  and alert.id = member.alert_id
order by member.incident_id, member.is_source_alert desc,
  coalesce(alert.starts_at, alert.received_at), alert.source, alert.id;
