/** Types generated for queries found in "queries/monitoring.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type alert_state = 'firing' | 'resolved';

export type correlation_strategy = 'manual' | 'semantic' | 'service_match' | 'time_window';

export type monitoring_source = 'bigpanda' | 'cloudbees' | 'datadog' | 'dynatrace' | 'grafana' | 'jenkins' | 'netdata' | 'pagerduty' | 'splunk';

export type severity = 'critical' | 'high' | 'info' | 'low' | 'medium';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'UpsertGrafanaAlerts' parameters type */
export interface IUpsertGrafanaAlertsParams {
  alerts: Json;
}

/** 'UpsertGrafanaAlerts' return type */
export interface IUpsertGrafanaAlertsResult {
  /** Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one. */
  dedupKey: string;
  id: string;
  inserted: boolean;
  /** firing or resolved, mapped from source_state. */
  state: alert_state;
}

/** 'UpsertGrafanaAlerts' query type */
export interface IUpsertGrafanaAlertsQuery {
  params: IUpsertGrafanaAlertsParams;
  result: IUpsertGrafanaAlertsResult;
}

const upsertGrafanaAlertsIR: any = {"usedParamSet":{"alerts":true},"params":[{"name":"alerts","required":true,"transform":{"type":"scalar"},"locs":[{"a":1035,"b":1042}]}],"statement":"insert into grafana_alerts as stored (\n  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,\n  starts_at, ends_at, description, labels, payload, payload_transforms, format, receiver,\n  group_key, external_url, generator_url, silence_url, dashboard_url, panel_url, image_url,\n  runbook_url, rule_uid, grafana_org_id, annotations, metric_values, value_string\n)\nselect\n  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,\n  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,\n  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,\n  coalesce(alert.payload_transforms, '{}'), alert.format, alert.receiver, alert.group_key,\n  alert.external_url, alert.generator_url, alert.silence_url, alert.dashboard_url,\n  alert.panel_url, alert.image_url, alert.runbook_url, alert.rule_uid, alert.grafana_org_id,\n  coalesce(alert.annotations, '{}'), alert.metric_values, alert.value_string\nfrom jsonb_to_recordset(:alerts!::jsonb) as alert (\n  dedup_key text, fingerprint text, title text, state alert_state, source_state text,\n  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,\n  description text, labels jsonb, payload jsonb, payload_transforms text[], format text,\n  receiver text, group_key text, external_url text, generator_url text, silence_url text,\n  dashboard_url text, panel_url text, image_url text, runbook_url text, rule_uid text,\n  grafana_org_id bigint, annotations jsonb, metric_values jsonb, value_string text\n)\non conflict (org_id, dedup_key) do update\nset title = excluded.title,\n  state = excluded.state,\n  source_state = excluded.source_state,\n  severity = coalesce(excluded.severity, stored.severity),\n  service = coalesce(excluded.service, stored.service),\n  environment = coalesce(excluded.environment, stored.environment),\n  starts_at = case\n    when stored.state = 'resolved' and excluded.state = 'firing'\n      then coalesce(excluded.starts_at, stored.starts_at)\n    else least(stored.starts_at, excluded.starts_at)\n  end,\n  ends_at = case\n    when excluded.state = 'firing' then excluded.ends_at\n    else coalesce(excluded.ends_at, stored.ends_at)\n  end,\n  description = coalesce(excluded.description, stored.description),\n  labels = excluded.labels,\n  payload = excluded.payload,\n  payload_transforms = excluded.payload_transforms,\n  format = excluded.format,\n  receiver = excluded.receiver,\n  group_key = excluded.group_key,\n  external_url = excluded.external_url,\n  generator_url = excluded.generator_url,\n  silence_url = excluded.silence_url,\n  dashboard_url = excluded.dashboard_url,\n  panel_url = excluded.panel_url,\n  image_url = excluded.image_url,\n  runbook_url = excluded.runbook_url,\n  rule_uid = excluded.rule_uid,\n  grafana_org_id = excluded.grafana_org_id,\n  annotations = excluded.annotations,\n  metric_values = excluded.metric_values,\n  value_string = excluded.value_string\nwhere (\n    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,\n    stored.payload_transforms\n  ) is distinct from (\n    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,\n    excluded.payload_transforms\n  )\n  and not (\n    stored.state = 'resolved' and stored.ends_at is not null\n    and case excluded.state\n      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)\n      else coalesce(excluded.ends_at < stored.ends_at, true)\n    end\n  )\nreturning id, dedup_key as \"dedupKey\", state, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into grafana_alerts as stored (
 *   org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
 *   starts_at, ends_at, description, labels, payload, payload_transforms, format, receiver,
 *   group_key, external_url, generator_url, silence_url, dashboard_url, panel_url, image_url,
 *   runbook_url, rule_uid, grafana_org_id, annotations, metric_values, value_string
 * )
 * select
 *   (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
 *   alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
 *   alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
 *   coalesce(alert.payload_transforms, '{}'), alert.format, alert.receiver, alert.group_key,
 *   alert.external_url, alert.generator_url, alert.silence_url, alert.dashboard_url,
 *   alert.panel_url, alert.image_url, alert.runbook_url, alert.rule_uid, alert.grafana_org_id,
 *   coalesce(alert.annotations, '{}'), alert.metric_values, alert.value_string
 * from jsonb_to_recordset(:alerts!::jsonb) as alert (
 *   dedup_key text, fingerprint text, title text, state alert_state, source_state text,
 *   severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
 *   description text, labels jsonb, payload jsonb, payload_transforms text[], format text,
 *   receiver text, group_key text, external_url text, generator_url text, silence_url text,
 *   dashboard_url text, panel_url text, image_url text, runbook_url text, rule_uid text,
 *   grafana_org_id bigint, annotations jsonb, metric_values jsonb, value_string text
 * )
 * on conflict (org_id, dedup_key) do update
 * set title = excluded.title,
 *   state = excluded.state,
 *   source_state = excluded.source_state,
 *   severity = coalesce(excluded.severity, stored.severity),
 *   service = coalesce(excluded.service, stored.service),
 *   environment = coalesce(excluded.environment, stored.environment),
 *   starts_at = case
 *     when stored.state = 'resolved' and excluded.state = 'firing'
 *       then coalesce(excluded.starts_at, stored.starts_at)
 *     else least(stored.starts_at, excluded.starts_at)
 *   end,
 *   ends_at = case
 *     when excluded.state = 'firing' then excluded.ends_at
 *     else coalesce(excluded.ends_at, stored.ends_at)
 *   end,
 *   description = coalesce(excluded.description, stored.description),
 *   labels = excluded.labels,
 *   payload = excluded.payload,
 *   payload_transforms = excluded.payload_transforms,
 *   format = excluded.format,
 *   receiver = excluded.receiver,
 *   group_key = excluded.group_key,
 *   external_url = excluded.external_url,
 *   generator_url = excluded.generator_url,
 *   silence_url = excluded.silence_url,
 *   dashboard_url = excluded.dashboard_url,
 *   panel_url = excluded.panel_url,
 *   image_url = excluded.image_url,
 *   runbook_url = excluded.runbook_url,
 *   rule_uid = excluded.rule_uid,
 *   grafana_org_id = excluded.grafana_org_id,
 *   annotations = excluded.annotations,
 *   metric_values = excluded.metric_values,
 *   value_string = excluded.value_string
 * where (
 *     stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
 *     stored.payload_transforms
 *   ) is distinct from (
 *     excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
 *     excluded.payload_transforms
 *   )
 *   and not (
 *     stored.state = 'resolved' and stored.ends_at is not null
 *     and case excluded.state
 *       when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
 *       else coalesce(excluded.ends_at < stored.ends_at, true)
 *     end
 *   )
 * returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertGrafanaAlerts = new PreparedQuery<IUpsertGrafanaAlertsParams,IUpsertGrafanaAlertsResult>(upsertGrafanaAlertsIR);


/** 'UpsertDatadogEvents' parameters type */
export interface IUpsertDatadogEventsParams {
  alerts: Json;
}

/** 'UpsertDatadogEvents' return type */
export interface IUpsertDatadogEventsResult {
  /** Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one. */
  dedupKey: string;
  id: string;
  inserted: boolean;
  /** firing or resolved, mapped from source_state. */
  state: alert_state;
}

/** 'UpsertDatadogEvents' query type */
export interface IUpsertDatadogEventsQuery {
  params: IUpsertDatadogEventsParams;
  result: IUpsertDatadogEventsResult;
}

const upsertDatadogEventsIR: any = {"usedParamSet":{"alerts":true},"params":[{"name":"alerts","required":true,"transform":{"type":"scalar"},"locs":[{"a":911,"b":918}]}],"statement":"insert into datadog_events as stored (\n  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,\n  starts_at, ends_at, description, labels, payload, payload_transforms, event_id, monitor_id,\n  event_type, alert_type, alert_transition, priority, alert_query, scopes, tags, event_url,\n  datadog_org_id, last_updated_at\n)\nselect\n  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,\n  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,\n  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,\n  coalesce(alert.payload_transforms, '{}'), alert.event_id, alert.monitor_id, alert.event_type,\n  alert.alert_type, alert.alert_transition, alert.priority, alert.alert_query, alert.scopes,\n  alert.tags, alert.event_url, alert.datadog_org_id, alert.last_updated_at\nfrom jsonb_to_recordset(:alerts!::jsonb) as alert (\n  dedup_key text, fingerprint text, title text, state alert_state, source_state text,\n  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,\n  description text, labels jsonb, payload jsonb, payload_transforms text[], event_id text,\n  monitor_id bigint, event_type text, alert_type text, alert_transition text, priority text,\n  alert_query text, scopes text[], tags text[], event_url text, datadog_org_id text,\n  last_updated_at timestamptz\n)\non conflict (org_id, dedup_key) do update\nset title = excluded.title,\n  state = excluded.state,\n  source_state = excluded.source_state,\n  severity = coalesce(excluded.severity, stored.severity),\n  service = coalesce(excluded.service, stored.service),\n  environment = coalesce(excluded.environment, stored.environment),\n  starts_at = case\n    when stored.state = 'resolved' and excluded.state = 'firing'\n      then coalesce(excluded.starts_at, stored.starts_at)\n    else least(stored.starts_at, excluded.starts_at)\n  end,\n  ends_at = case\n    when excluded.state = 'firing' then excluded.ends_at\n    else coalesce(excluded.ends_at, stored.ends_at)\n  end,\n  description = coalesce(excluded.description, stored.description),\n  labels = excluded.labels,\n  payload = excluded.payload,\n  payload_transforms = excluded.payload_transforms,\n  event_id = excluded.event_id,\n  monitor_id = excluded.monitor_id,\n  event_type = excluded.event_type,\n  alert_type = excluded.alert_type,\n  alert_transition = excluded.alert_transition,\n  priority = excluded.priority,\n  alert_query = excluded.alert_query,\n  scopes = excluded.scopes,\n  tags = excluded.tags,\n  event_url = excluded.event_url,\n  datadog_org_id = excluded.datadog_org_id,\n  last_updated_at = excluded.last_updated_at\nwhere (\n    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,\n    stored.payload_transforms\n  ) is distinct from (\n    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,\n    excluded.payload_transforms\n  )\n  and not (\n    stored.state = 'resolved' and stored.ends_at is not null\n    and case excluded.state\n      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)\n      else coalesce(excluded.ends_at < stored.ends_at, true)\n    end\n  )\n  -- An older Datadog event (by last_updated) never replaces a newer one of the same alert cycle.\n  and not coalesce(excluded.last_updated_at < stored.last_updated_at, false)\nreturning id, dedup_key as \"dedupKey\", state, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into datadog_events as stored (
 *   org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
 *   starts_at, ends_at, description, labels, payload, payload_transforms, event_id, monitor_id,
 *   event_type, alert_type, alert_transition, priority, alert_query, scopes, tags, event_url,
 *   datadog_org_id, last_updated_at
 * )
 * select
 *   (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
 *   alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
 *   alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
 *   coalesce(alert.payload_transforms, '{}'), alert.event_id, alert.monitor_id, alert.event_type,
 *   alert.alert_type, alert.alert_transition, alert.priority, alert.alert_query, alert.scopes,
 *   alert.tags, alert.event_url, alert.datadog_org_id, alert.last_updated_at
 * from jsonb_to_recordset(:alerts!::jsonb) as alert (
 *   dedup_key text, fingerprint text, title text, state alert_state, source_state text,
 *   severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
 *   description text, labels jsonb, payload jsonb, payload_transforms text[], event_id text,
 *   monitor_id bigint, event_type text, alert_type text, alert_transition text, priority text,
 *   alert_query text, scopes text[], tags text[], event_url text, datadog_org_id text,
 *   last_updated_at timestamptz
 * )
 * on conflict (org_id, dedup_key) do update
 * set title = excluded.title,
 *   state = excluded.state,
 *   source_state = excluded.source_state,
 *   severity = coalesce(excluded.severity, stored.severity),
 *   service = coalesce(excluded.service, stored.service),
 *   environment = coalesce(excluded.environment, stored.environment),
 *   starts_at = case
 *     when stored.state = 'resolved' and excluded.state = 'firing'
 *       then coalesce(excluded.starts_at, stored.starts_at)
 *     else least(stored.starts_at, excluded.starts_at)
 *   end,
 *   ends_at = case
 *     when excluded.state = 'firing' then excluded.ends_at
 *     else coalesce(excluded.ends_at, stored.ends_at)
 *   end,
 *   description = coalesce(excluded.description, stored.description),
 *   labels = excluded.labels,
 *   payload = excluded.payload,
 *   payload_transforms = excluded.payload_transforms,
 *   event_id = excluded.event_id,
 *   monitor_id = excluded.monitor_id,
 *   event_type = excluded.event_type,
 *   alert_type = excluded.alert_type,
 *   alert_transition = excluded.alert_transition,
 *   priority = excluded.priority,
 *   alert_query = excluded.alert_query,
 *   scopes = excluded.scopes,
 *   tags = excluded.tags,
 *   event_url = excluded.event_url,
 *   datadog_org_id = excluded.datadog_org_id,
 *   last_updated_at = excluded.last_updated_at
 * where (
 *     stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
 *     stored.payload_transforms
 *   ) is distinct from (
 *     excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
 *     excluded.payload_transforms
 *   )
 *   and not (
 *     stored.state = 'resolved' and stored.ends_at is not null
 *     and case excluded.state
 *       when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
 *       else coalesce(excluded.ends_at < stored.ends_at, true)
 *     end
 *   )
 *   -- An older Datadog event (by last_updated) never replaces a newer one of the same alert cycle.
 *   and not coalesce(excluded.last_updated_at < stored.last_updated_at, false)
 * returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertDatadogEvents = new PreparedQuery<IUpsertDatadogEventsParams,IUpsertDatadogEventsResult>(upsertDatadogEventsIR);


/** 'UpsertPagerDutyEvents' parameters type */
export interface IUpsertPagerDutyEventsParams {
  alerts: Json;
}

/** 'UpsertPagerDutyEvents' return type */
export interface IUpsertPagerDutyEventsResult {
  /** Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one. */
  dedupKey: string;
  id: string;
  inserted: boolean;
  /** firing or resolved, mapped from source_state. */
  state: alert_state;
}

/** 'UpsertPagerDutyEvents' query type */
export interface IUpsertPagerDutyEventsQuery {
  params: IUpsertPagerDutyEventsParams;
  result: IUpsertPagerDutyEventsResult;
}

const upsertPagerDutyEventsIR: any = {"usedParamSet":{"alerts":true},"params":[{"name":"alerts","required":true,"transform":{"type":"scalar"},"locs":[{"a":879,"b":886}]}],"statement":"insert into pagerduty_events as stored (\n  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,\n  starts_at, ends_at, description, labels, payload, payload_transforms, format, event_id,\n  event_type, incident_id, incident_number, incident_key, urgency, priority, html_url,\n  pd_service_id, occurred_at\n)\nselect\n  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,\n  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,\n  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,\n  coalesce(alert.payload_transforms, '{}'), alert.format, alert.event_id, alert.event_type,\n  alert.incident_id, alert.incident_number, alert.incident_key, alert.urgency, alert.priority,\n  alert.html_url, alert.pd_service_id, alert.occurred_at\nfrom jsonb_to_recordset(:alerts!::jsonb) as alert (\n  dedup_key text, fingerprint text, title text, state alert_state, source_state text,\n  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,\n  description text, labels jsonb, payload jsonb, payload_transforms text[], format text,\n  event_id text, event_type text, incident_id text, incident_number integer, incident_key text,\n  urgency text, priority text, html_url text, pd_service_id text, occurred_at timestamptz\n)\non conflict (org_id, dedup_key) do update\nset title = excluded.title,\n  state = excluded.state,\n  source_state = excluded.source_state,\n  severity = coalesce(excluded.severity, stored.severity),\n  service = coalesce(excluded.service, stored.service),\n  environment = coalesce(excluded.environment, stored.environment),\n  starts_at = case\n    when stored.state = 'resolved' and excluded.state = 'firing'\n      then coalesce(excluded.starts_at, stored.starts_at)\n    else least(stored.starts_at, excluded.starts_at)\n  end,\n  ends_at = case\n    when excluded.state = 'firing' then excluded.ends_at\n    else coalesce(excluded.ends_at, stored.ends_at)\n  end,\n  description = coalesce(excluded.description, stored.description),\n  labels = excluded.labels,\n  payload = excluded.payload,\n  payload_transforms = excluded.payload_transforms,\n  format = excluded.format,\n  event_id = excluded.event_id,\n  event_type = excluded.event_type,\n  incident_id = excluded.incident_id,\n  incident_number = excluded.incident_number,\n  incident_key = excluded.incident_key,\n  urgency = excluded.urgency,\n  priority = excluded.priority,\n  html_url = excluded.html_url,\n  pd_service_id = excluded.pd_service_id,\n  occurred_at = excluded.occurred_at\nwhere (\n    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,\n    stored.payload_transforms\n  ) is distinct from (\n    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,\n    excluded.payload_transforms\n  )\n  and not (\n    stored.state = 'resolved' and stored.ends_at is not null\n    and case excluded.state\n      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)\n      else coalesce(excluded.ends_at < stored.ends_at, true)\n    end\n  )\n  -- An older PagerDuty event (by occurred_at) never replaces a newer one of the same incident.\n  and not coalesce(excluded.occurred_at < stored.occurred_at, false)\nreturning id, dedup_key as \"dedupKey\", state, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into pagerduty_events as stored (
 *   org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
 *   starts_at, ends_at, description, labels, payload, payload_transforms, format, event_id,
 *   event_type, incident_id, incident_number, incident_key, urgency, priority, html_url,
 *   pd_service_id, occurred_at
 * )
 * select
 *   (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
 *   alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
 *   alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
 *   coalesce(alert.payload_transforms, '{}'), alert.format, alert.event_id, alert.event_type,
 *   alert.incident_id, alert.incident_number, alert.incident_key, alert.urgency, alert.priority,
 *   alert.html_url, alert.pd_service_id, alert.occurred_at
 * from jsonb_to_recordset(:alerts!::jsonb) as alert (
 *   dedup_key text, fingerprint text, title text, state alert_state, source_state text,
 *   severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
 *   description text, labels jsonb, payload jsonb, payload_transforms text[], format text,
 *   event_id text, event_type text, incident_id text, incident_number integer, incident_key text,
 *   urgency text, priority text, html_url text, pd_service_id text, occurred_at timestamptz
 * )
 * on conflict (org_id, dedup_key) do update
 * set title = excluded.title,
 *   state = excluded.state,
 *   source_state = excluded.source_state,
 *   severity = coalesce(excluded.severity, stored.severity),
 *   service = coalesce(excluded.service, stored.service),
 *   environment = coalesce(excluded.environment, stored.environment),
 *   starts_at = case
 *     when stored.state = 'resolved' and excluded.state = 'firing'
 *       then coalesce(excluded.starts_at, stored.starts_at)
 *     else least(stored.starts_at, excluded.starts_at)
 *   end,
 *   ends_at = case
 *     when excluded.state = 'firing' then excluded.ends_at
 *     else coalesce(excluded.ends_at, stored.ends_at)
 *   end,
 *   description = coalesce(excluded.description, stored.description),
 *   labels = excluded.labels,
 *   payload = excluded.payload,
 *   payload_transforms = excluded.payload_transforms,
 *   format = excluded.format,
 *   event_id = excluded.event_id,
 *   event_type = excluded.event_type,
 *   incident_id = excluded.incident_id,
 *   incident_number = excluded.incident_number,
 *   incident_key = excluded.incident_key,
 *   urgency = excluded.urgency,
 *   priority = excluded.priority,
 *   html_url = excluded.html_url,
 *   pd_service_id = excluded.pd_service_id,
 *   occurred_at = excluded.occurred_at
 * where (
 *     stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
 *     stored.payload_transforms
 *   ) is distinct from (
 *     excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
 *     excluded.payload_transforms
 *   )
 *   and not (
 *     stored.state = 'resolved' and stored.ends_at is not null
 *     and case excluded.state
 *       when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
 *       else coalesce(excluded.ends_at < stored.ends_at, true)
 *     end
 *   )
 *   -- An older PagerDuty event (by occurred_at) never replaces a newer one of the same incident.
 *   and not coalesce(excluded.occurred_at < stored.occurred_at, false)
 * returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertPagerDutyEvents = new PreparedQuery<IUpsertPagerDutyEventsParams,IUpsertPagerDutyEventsResult>(upsertPagerDutyEventsIR);


/** 'UpsertNetdataAlerts' parameters type */
export interface IUpsertNetdataAlertsParams {
  alerts: Json;
}

/** 'UpsertNetdataAlerts' return type */
export interface IUpsertNetdataAlertsResult {
  /** Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one. */
  dedupKey: string;
  id: string;
  inserted: boolean;
  /** firing or resolved, mapped from source_state. */
  state: alert_state;
}

/** 'UpsertNetdataAlerts' query type */
export interface IUpsertNetdataAlertsQuery {
  params: IUpsertNetdataAlertsParams;
  result: IUpsertNetdataAlertsResult;
}

const upsertNetdataAlertsIR: any = {"usedParamSet":{"alerts":true},"params":[{"name":"alerts","required":true,"transform":{"type":"scalar"},"locs":[{"a":967,"b":974}]}],"statement":"insert into netdata_alerts as stored (\n  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,\n  starts_at, ends_at, description, labels, payload, payload_transforms, alert_name, host, chart,\n  context, family, alert_class, space, rooms, node_url, alert_url, duration,\n  additional_active_critical_alerts, additional_active_warning_alerts\n)\nselect\n  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,\n  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,\n  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,\n  coalesce(alert.payload_transforms, '{}'), alert.alert_name, alert.host, alert.chart,\n  alert.context, alert.family, alert.alert_class, alert.space, alert.rooms, alert.node_url,\n  alert.alert_url, alert.duration, alert.additional_active_critical_alerts,\n  alert.additional_active_warning_alerts\nfrom jsonb_to_recordset(:alerts!::jsonb) as alert (\n  dedup_key text, fingerprint text, title text, state alert_state, source_state text,\n  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,\n  description text, labels jsonb, payload jsonb, payload_transforms text[], alert_name text,\n  host text, chart text, context text, family text, alert_class text, space text, rooms text[],\n  node_url text, alert_url text, duration text, additional_active_critical_alerts integer,\n  additional_active_warning_alerts integer\n)\non conflict (org_id, dedup_key) do update\nset title = excluded.title,\n  state = excluded.state,\n  source_state = excluded.source_state,\n  severity = coalesce(excluded.severity, stored.severity),\n  service = coalesce(excluded.service, stored.service),\n  environment = coalesce(excluded.environment, stored.environment),\n  starts_at = case\n    when stored.state = 'resolved' and excluded.state = 'firing'\n      then coalesce(excluded.starts_at, stored.starts_at)\n    else least(stored.starts_at, excluded.starts_at)\n  end,\n  ends_at = case\n    when excluded.state = 'firing' then excluded.ends_at\n    else coalesce(excluded.ends_at, stored.ends_at)\n  end,\n  description = coalesce(excluded.description, stored.description),\n  labels = excluded.labels,\n  payload = excluded.payload,\n  payload_transforms = excluded.payload_transforms,\n  alert_name = excluded.alert_name,\n  host = excluded.host,\n  chart = excluded.chart,\n  context = excluded.context,\n  family = excluded.family,\n  alert_class = excluded.alert_class,\n  space = excluded.space,\n  rooms = excluded.rooms,\n  node_url = excluded.node_url,\n  alert_url = excluded.alert_url,\n  duration = excluded.duration,\n  additional_active_critical_alerts = excluded.additional_active_critical_alerts,\n  additional_active_warning_alerts = excluded.additional_active_warning_alerts\nwhere (\n    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,\n    stored.payload_transforms\n  ) is distinct from (\n    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,\n    excluded.payload_transforms\n  )\n  and not (\n    stored.state = 'resolved' and stored.ends_at is not null\n    and case excluded.state\n      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)\n      else coalesce(excluded.ends_at < stored.ends_at, true)\n    end\n  )\nreturning id, dedup_key as \"dedupKey\", state, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into netdata_alerts as stored (
 *   org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
 *   starts_at, ends_at, description, labels, payload, payload_transforms, alert_name, host, chart,
 *   context, family, alert_class, space, rooms, node_url, alert_url, duration,
 *   additional_active_critical_alerts, additional_active_warning_alerts
 * )
 * select
 *   (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
 *   alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
 *   alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
 *   coalesce(alert.payload_transforms, '{}'), alert.alert_name, alert.host, alert.chart,
 *   alert.context, alert.family, alert.alert_class, alert.space, alert.rooms, alert.node_url,
 *   alert.alert_url, alert.duration, alert.additional_active_critical_alerts,
 *   alert.additional_active_warning_alerts
 * from jsonb_to_recordset(:alerts!::jsonb) as alert (
 *   dedup_key text, fingerprint text, title text, state alert_state, source_state text,
 *   severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
 *   description text, labels jsonb, payload jsonb, payload_transforms text[], alert_name text,
 *   host text, chart text, context text, family text, alert_class text, space text, rooms text[],
 *   node_url text, alert_url text, duration text, additional_active_critical_alerts integer,
 *   additional_active_warning_alerts integer
 * )
 * on conflict (org_id, dedup_key) do update
 * set title = excluded.title,
 *   state = excluded.state,
 *   source_state = excluded.source_state,
 *   severity = coalesce(excluded.severity, stored.severity),
 *   service = coalesce(excluded.service, stored.service),
 *   environment = coalesce(excluded.environment, stored.environment),
 *   starts_at = case
 *     when stored.state = 'resolved' and excluded.state = 'firing'
 *       then coalesce(excluded.starts_at, stored.starts_at)
 *     else least(stored.starts_at, excluded.starts_at)
 *   end,
 *   ends_at = case
 *     when excluded.state = 'firing' then excluded.ends_at
 *     else coalesce(excluded.ends_at, stored.ends_at)
 *   end,
 *   description = coalesce(excluded.description, stored.description),
 *   labels = excluded.labels,
 *   payload = excluded.payload,
 *   payload_transforms = excluded.payload_transforms,
 *   alert_name = excluded.alert_name,
 *   host = excluded.host,
 *   chart = excluded.chart,
 *   context = excluded.context,
 *   family = excluded.family,
 *   alert_class = excluded.alert_class,
 *   space = excluded.space,
 *   rooms = excluded.rooms,
 *   node_url = excluded.node_url,
 *   alert_url = excluded.alert_url,
 *   duration = excluded.duration,
 *   additional_active_critical_alerts = excluded.additional_active_critical_alerts,
 *   additional_active_warning_alerts = excluded.additional_active_warning_alerts
 * where (
 *     stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
 *     stored.payload_transforms
 *   ) is distinct from (
 *     excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
 *     excluded.payload_transforms
 *   )
 *   and not (
 *     stored.state = 'resolved' and stored.ends_at is not null
 *     and case excluded.state
 *       when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
 *       else coalesce(excluded.ends_at < stored.ends_at, true)
 *     end
 *   )
 * returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertNetdataAlerts = new PreparedQuery<IUpsertNetdataAlertsParams,IUpsertNetdataAlertsResult>(upsertNetdataAlertsIR);


/** 'UpsertSplunkAlerts' parameters type */
export interface IUpsertSplunkAlertsParams {
  alerts: Json;
}

/** 'UpsertSplunkAlerts' return type */
export interface IUpsertSplunkAlertsResult {
  /** Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one. */
  dedupKey: string;
  id: string;
  inserted: boolean;
  /** firing or resolved, mapped from source_state. */
  state: alert_state;
}

/** 'UpsertSplunkAlerts' query type */
export interface IUpsertSplunkAlertsQuery {
  params: IUpsertSplunkAlertsParams;
  result: IUpsertSplunkAlertsResult;
}

const upsertSplunkAlertsIR: any = {"usedParamSet":{"alerts":true},"params":[{"name":"alerts","required":true,"transform":{"type":"scalar"},"locs":[{"a":662,"b":669}]}],"statement":"insert into splunk_alerts as stored (\n  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,\n  starts_at, ends_at, description, labels, payload, payload_transforms, search_name, sid,\n  results_link, app, owner\n)\nselect\n  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,\n  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,\n  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,\n  coalesce(alert.payload_transforms, '{}'), alert.search_name, alert.sid, alert.results_link,\n  alert.app, alert.owner\nfrom jsonb_to_recordset(:alerts!::jsonb) as alert (\n  dedup_key text, fingerprint text, title text, state alert_state, source_state text,\n  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,\n  description text, labels jsonb, payload jsonb, payload_transforms text[], search_name text,\n  sid text, results_link text, app text, owner text\n)\non conflict (org_id, dedup_key) do update\nset title = excluded.title,\n  state = excluded.state,\n  source_state = excluded.source_state,\n  severity = coalesce(excluded.severity, stored.severity),\n  service = coalesce(excluded.service, stored.service),\n  environment = coalesce(excluded.environment, stored.environment),\n  starts_at = case\n    when stored.state = 'resolved' and excluded.state = 'firing'\n      then coalesce(excluded.starts_at, stored.starts_at)\n    else least(stored.starts_at, excluded.starts_at)\n  end,\n  ends_at = case\n    when excluded.state = 'firing' then excluded.ends_at\n    else coalesce(excluded.ends_at, stored.ends_at)\n  end,\n  description = coalesce(excluded.description, stored.description),\n  labels = excluded.labels,\n  payload = excluded.payload,\n  payload_transforms = excluded.payload_transforms,\n  search_name = excluded.search_name,\n  sid = excluded.sid,\n  results_link = excluded.results_link,\n  app = excluded.app,\n  owner = excluded.owner\nwhere (\n    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,\n    stored.payload_transforms\n  ) is distinct from (\n    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,\n    excluded.payload_transforms\n  )\n  and not (\n    stored.state = 'resolved' and stored.ends_at is not null\n    and case excluded.state\n      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)\n      else coalesce(excluded.ends_at < stored.ends_at, true)\n    end\n  )\nreturning id, dedup_key as \"dedupKey\", state, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into splunk_alerts as stored (
 *   org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
 *   starts_at, ends_at, description, labels, payload, payload_transforms, search_name, sid,
 *   results_link, app, owner
 * )
 * select
 *   (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
 *   alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
 *   alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
 *   coalesce(alert.payload_transforms, '{}'), alert.search_name, alert.sid, alert.results_link,
 *   alert.app, alert.owner
 * from jsonb_to_recordset(:alerts!::jsonb) as alert (
 *   dedup_key text, fingerprint text, title text, state alert_state, source_state text,
 *   severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
 *   description text, labels jsonb, payload jsonb, payload_transforms text[], search_name text,
 *   sid text, results_link text, app text, owner text
 * )
 * on conflict (org_id, dedup_key) do update
 * set title = excluded.title,
 *   state = excluded.state,
 *   source_state = excluded.source_state,
 *   severity = coalesce(excluded.severity, stored.severity),
 *   service = coalesce(excluded.service, stored.service),
 *   environment = coalesce(excluded.environment, stored.environment),
 *   starts_at = case
 *     when stored.state = 'resolved' and excluded.state = 'firing'
 *       then coalesce(excluded.starts_at, stored.starts_at)
 *     else least(stored.starts_at, excluded.starts_at)
 *   end,
 *   ends_at = case
 *     when excluded.state = 'firing' then excluded.ends_at
 *     else coalesce(excluded.ends_at, stored.ends_at)
 *   end,
 *   description = coalesce(excluded.description, stored.description),
 *   labels = excluded.labels,
 *   payload = excluded.payload,
 *   payload_transforms = excluded.payload_transforms,
 *   search_name = excluded.search_name,
 *   sid = excluded.sid,
 *   results_link = excluded.results_link,
 *   app = excluded.app,
 *   owner = excluded.owner
 * where (
 *     stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
 *     stored.payload_transforms
 *   ) is distinct from (
 *     excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
 *     excluded.payload_transforms
 *   )
 *   and not (
 *     stored.state = 'resolved' and stored.ends_at is not null
 *     and case excluded.state
 *       when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
 *       else coalesce(excluded.ends_at < stored.ends_at, true)
 *     end
 *   )
 * returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertSplunkAlerts = new PreparedQuery<IUpsertSplunkAlertsParams,IUpsertSplunkAlertsResult>(upsertSplunkAlertsIR);


/** 'UpsertDynatraceProblems' parameters type */
export interface IUpsertDynatraceProblemsParams {
  alerts: Json;
}

/** 'UpsertDynatraceProblems' return type */
export interface IUpsertDynatraceProblemsResult {
  /** Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one. */
  dedupKey: string;
  id: string;
  inserted: boolean;
  /** firing or resolved, mapped from source_state. */
  state: alert_state;
}

/** 'UpsertDynatraceProblems' query type */
export interface IUpsertDynatraceProblemsQuery {
  params: IUpsertDynatraceProblemsParams;
  result: IUpsertDynatraceProblemsResult;
}

const upsertDynatraceProblemsIR: any = {"usedParamSet":{"alerts":true},"params":[{"name":"alerts","required":true,"transform":{"type":"scalar"},"locs":[{"a":723,"b":730}]}],"statement":"insert into dynatrace_problems as stored (\n  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,\n  starts_at, ends_at, description, labels, payload, payload_transforms, problem_id, pid,\n  impacted_entity, problem_impact, problem_url, tags\n)\nselect\n  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,\n  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,\n  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,\n  coalesce(alert.payload_transforms, '{}'), alert.problem_id, alert.pid, alert.impacted_entity,\n  alert.problem_impact, alert.problem_url, alert.tags\nfrom jsonb_to_recordset(:alerts!::jsonb) as alert (\n  dedup_key text, fingerprint text, title text, state alert_state, source_state text,\n  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,\n  description text, labels jsonb, payload jsonb, payload_transforms text[], problem_id text,\n  pid text, impacted_entity text, problem_impact text, problem_url text, tags text[]\n)\non conflict (org_id, dedup_key) do update\nset title = excluded.title,\n  state = excluded.state,\n  source_state = excluded.source_state,\n  severity = coalesce(excluded.severity, stored.severity),\n  service = coalesce(excluded.service, stored.service),\n  environment = coalesce(excluded.environment, stored.environment),\n  starts_at = case\n    when stored.state = 'resolved' and excluded.state = 'firing'\n      then coalesce(excluded.starts_at, stored.starts_at)\n    else least(stored.starts_at, excluded.starts_at)\n  end,\n  ends_at = case\n    when excluded.state = 'firing' then excluded.ends_at\n    else coalesce(excluded.ends_at, stored.ends_at)\n  end,\n  description = coalesce(excluded.description, stored.description),\n  labels = excluded.labels,\n  payload = excluded.payload,\n  payload_transforms = excluded.payload_transforms,\n  problem_id = excluded.problem_id,\n  pid = excluded.pid,\n  impacted_entity = excluded.impacted_entity,\n  problem_impact = excluded.problem_impact,\n  problem_url = excluded.problem_url,\n  tags = excluded.tags\nwhere (\n    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,\n    stored.payload_transforms\n  ) is distinct from (\n    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,\n    excluded.payload_transforms\n  )\n  and not (\n    stored.state = 'resolved' and stored.ends_at is not null\n    and case excluded.state\n      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)\n      else coalesce(excluded.ends_at < stored.ends_at, true)\n    end\n  )\nreturning id, dedup_key as \"dedupKey\", state, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into dynatrace_problems as stored (
 *   org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
 *   starts_at, ends_at, description, labels, payload, payload_transforms, problem_id, pid,
 *   impacted_entity, problem_impact, problem_url, tags
 * )
 * select
 *   (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
 *   alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
 *   alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
 *   coalesce(alert.payload_transforms, '{}'), alert.problem_id, alert.pid, alert.impacted_entity,
 *   alert.problem_impact, alert.problem_url, alert.tags
 * from jsonb_to_recordset(:alerts!::jsonb) as alert (
 *   dedup_key text, fingerprint text, title text, state alert_state, source_state text,
 *   severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
 *   description text, labels jsonb, payload jsonb, payload_transforms text[], problem_id text,
 *   pid text, impacted_entity text, problem_impact text, problem_url text, tags text[]
 * )
 * on conflict (org_id, dedup_key) do update
 * set title = excluded.title,
 *   state = excluded.state,
 *   source_state = excluded.source_state,
 *   severity = coalesce(excluded.severity, stored.severity),
 *   service = coalesce(excluded.service, stored.service),
 *   environment = coalesce(excluded.environment, stored.environment),
 *   starts_at = case
 *     when stored.state = 'resolved' and excluded.state = 'firing'
 *       then coalesce(excluded.starts_at, stored.starts_at)
 *     else least(stored.starts_at, excluded.starts_at)
 *   end,
 *   ends_at = case
 *     when excluded.state = 'firing' then excluded.ends_at
 *     else coalesce(excluded.ends_at, stored.ends_at)
 *   end,
 *   description = coalesce(excluded.description, stored.description),
 *   labels = excluded.labels,
 *   payload = excluded.payload,
 *   payload_transforms = excluded.payload_transforms,
 *   problem_id = excluded.problem_id,
 *   pid = excluded.pid,
 *   impacted_entity = excluded.impacted_entity,
 *   problem_impact = excluded.problem_impact,
 *   problem_url = excluded.problem_url,
 *   tags = excluded.tags
 * where (
 *     stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
 *     stored.payload_transforms
 *   ) is distinct from (
 *     excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
 *     excluded.payload_transforms
 *   )
 *   and not (
 *     stored.state = 'resolved' and stored.ends_at is not null
 *     and case excluded.state
 *       when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
 *       else coalesce(excluded.ends_at < stored.ends_at, true)
 *     end
 *   )
 * returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertDynatraceProblems = new PreparedQuery<IUpsertDynatraceProblemsParams,IUpsertDynatraceProblemsResult>(upsertDynatraceProblemsIR);


/** 'UpsertBigPandaEvents' parameters type */
export interface IUpsertBigPandaEventsParams {
  alerts: Json;
}

/** 'UpsertBigPandaEvents' return type */
export interface IUpsertBigPandaEventsResult {
  /** Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one. */
  dedupKey: string;
  id: string;
  inserted: boolean;
  /** firing or resolved, mapped from source_state. */
  state: alert_state;
}

/** 'UpsertBigPandaEvents' query type */
export interface IUpsertBigPandaEventsQuery {
  params: IUpsertBigPandaEventsParams;
  result: IUpsertBigPandaEventsResult;
}

const upsertBigPandaEventsIR: any = {"usedParamSet":{"alerts":true},"params":[{"name":"alerts","required":true,"transform":{"type":"scalar"},"locs":[{"a":786,"b":793}]}],"statement":"insert into bigpanda_events as stored (\n  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,\n  starts_at, ends_at, description, labels, payload, payload_transforms, incident_id,\n  primary_property, secondary_property, bigpanda_status, source_system, child_alert_count\n)\nselect\n  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,\n  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,\n  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,\n  coalesce(alert.payload_transforms, '{}'), alert.incident_id, alert.primary_property,\n  alert.secondary_property, alert.bigpanda_status, alert.source_system, alert.child_alert_count\nfrom jsonb_to_recordset(:alerts!::jsonb) as alert (\n  dedup_key text, fingerprint text, title text, state alert_state, source_state text,\n  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,\n  description text, labels jsonb, payload jsonb, payload_transforms text[], incident_id text,\n  primary_property text, secondary_property text, bigpanda_status text, source_system text,\n  child_alert_count integer\n)\non conflict (org_id, dedup_key) do update\nset title = excluded.title,\n  state = excluded.state,\n  source_state = excluded.source_state,\n  severity = coalesce(excluded.severity, stored.severity),\n  service = coalesce(excluded.service, stored.service),\n  environment = coalesce(excluded.environment, stored.environment),\n  starts_at = case\n    when stored.state = 'resolved' and excluded.state = 'firing'\n      then coalesce(excluded.starts_at, stored.starts_at)\n    else least(stored.starts_at, excluded.starts_at)\n  end,\n  ends_at = case\n    when excluded.state = 'firing' then excluded.ends_at\n    else coalesce(excluded.ends_at, stored.ends_at)\n  end,\n  description = coalesce(excluded.description, stored.description),\n  labels = excluded.labels,\n  payload = excluded.payload,\n  payload_transforms = excluded.payload_transforms,\n  incident_id = excluded.incident_id,\n  primary_property = excluded.primary_property,\n  secondary_property = excluded.secondary_property,\n  bigpanda_status = excluded.bigpanda_status,\n  source_system = excluded.source_system,\n  child_alert_count = excluded.child_alert_count\nwhere (\n    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,\n    stored.payload_transforms\n  ) is distinct from (\n    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,\n    excluded.payload_transforms\n  )\n  and not (\n    stored.state = 'resolved' and stored.ends_at is not null\n    and case excluded.state\n      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)\n      else coalesce(excluded.ends_at < stored.ends_at, true)\n    end\n  )\nreturning id, dedup_key as \"dedupKey\", state, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into bigpanda_events as stored (
 *   org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
 *   starts_at, ends_at, description, labels, payload, payload_transforms, incident_id,
 *   primary_property, secondary_property, bigpanda_status, source_system, child_alert_count
 * )
 * select
 *   (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
 *   alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
 *   alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
 *   coalesce(alert.payload_transforms, '{}'), alert.incident_id, alert.primary_property,
 *   alert.secondary_property, alert.bigpanda_status, alert.source_system, alert.child_alert_count
 * from jsonb_to_recordset(:alerts!::jsonb) as alert (
 *   dedup_key text, fingerprint text, title text, state alert_state, source_state text,
 *   severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
 *   description text, labels jsonb, payload jsonb, payload_transforms text[], incident_id text,
 *   primary_property text, secondary_property text, bigpanda_status text, source_system text,
 *   child_alert_count integer
 * )
 * on conflict (org_id, dedup_key) do update
 * set title = excluded.title,
 *   state = excluded.state,
 *   source_state = excluded.source_state,
 *   severity = coalesce(excluded.severity, stored.severity),
 *   service = coalesce(excluded.service, stored.service),
 *   environment = coalesce(excluded.environment, stored.environment),
 *   starts_at = case
 *     when stored.state = 'resolved' and excluded.state = 'firing'
 *       then coalesce(excluded.starts_at, stored.starts_at)
 *     else least(stored.starts_at, excluded.starts_at)
 *   end,
 *   ends_at = case
 *     when excluded.state = 'firing' then excluded.ends_at
 *     else coalesce(excluded.ends_at, stored.ends_at)
 *   end,
 *   description = coalesce(excluded.description, stored.description),
 *   labels = excluded.labels,
 *   payload = excluded.payload,
 *   payload_transforms = excluded.payload_transforms,
 *   incident_id = excluded.incident_id,
 *   primary_property = excluded.primary_property,
 *   secondary_property = excluded.secondary_property,
 *   bigpanda_status = excluded.bigpanda_status,
 *   source_system = excluded.source_system,
 *   child_alert_count = excluded.child_alert_count
 * where (
 *     stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
 *     stored.payload_transforms
 *   ) is distinct from (
 *     excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
 *     excluded.payload_transforms
 *   )
 *   and not (
 *     stored.state = 'resolved' and stored.ends_at is not null
 *     and case excluded.state
 *       when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
 *       else coalesce(excluded.ends_at < stored.ends_at, true)
 *     end
 *   )
 * returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertBigPandaEvents = new PreparedQuery<IUpsertBigPandaEventsParams,IUpsertBigPandaEventsResult>(upsertBigPandaEventsIR);


/** 'UpsertJenkinsEvents' parameters type */
export interface IUpsertJenkinsEventsParams {
  alerts: Json;
}

/** 'UpsertJenkinsEvents' return type */
export interface IUpsertJenkinsEventsResult {
  /** Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one. */
  dedupKey: string;
  id: string;
  inserted: boolean;
  /** firing or resolved, mapped from source_state. */
  state: alert_state;
}

/** 'UpsertJenkinsEvents' query type */
export interface IUpsertJenkinsEventsQuery {
  params: IUpsertJenkinsEventsParams;
  result: IUpsertJenkinsEventsResult;
}

const upsertJenkinsEventsIR: any = {"usedParamSet":{"alerts":true},"params":[{"name":"alerts","required":true,"transform":{"type":"scalar"},"locs":[{"a":755,"b":762}]}],"statement":"insert into jenkins_events as stored (\n  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,\n  starts_at, ends_at, description, labels, payload, payload_transforms, job_name, build_number,\n  phase, build_status, build_url, scm_url, branch, commit\n)\nselect\n  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,\n  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,\n  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,\n  coalesce(alert.payload_transforms, '{}'), alert.job_name, alert.build_number, alert.phase,\n  alert.build_status, alert.build_url, alert.scm_url, alert.branch, alert.commit\nfrom jsonb_to_recordset(:alerts!::jsonb) as alert (\n  dedup_key text, fingerprint text, title text, state alert_state, source_state text,\n  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,\n  description text, labels jsonb, payload jsonb, payload_transforms text[], job_name text,\n  build_number integer, phase text, build_status text, build_url text, scm_url text, branch text,\n  commit text\n)\non conflict (org_id, dedup_key) do update\nset title = excluded.title,\n  state = excluded.state,\n  source_state = excluded.source_state,\n  severity = coalesce(excluded.severity, stored.severity),\n  service = coalesce(excluded.service, stored.service),\n  environment = coalesce(excluded.environment, stored.environment),\n  starts_at = case\n    when stored.state = 'resolved' and excluded.state = 'firing'\n      then coalesce(excluded.starts_at, stored.starts_at)\n    else least(stored.starts_at, excluded.starts_at)\n  end,\n  ends_at = case\n    when excluded.state = 'firing' then excluded.ends_at\n    else coalesce(excluded.ends_at, stored.ends_at)\n  end,\n  description = coalesce(excluded.description, stored.description),\n  labels = excluded.labels,\n  payload = excluded.payload,\n  payload_transforms = excluded.payload_transforms,\n  job_name = excluded.job_name,\n  build_number = excluded.build_number,\n  phase = excluded.phase,\n  build_status = excluded.build_status,\n  build_url = excluded.build_url,\n  scm_url = excluded.scm_url,\n  branch = excluded.branch,\n  commit = excluded.commit\nwhere (\n    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,\n    stored.payload_transforms\n  ) is distinct from (\n    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,\n    excluded.payload_transforms\n  )\n  and not (\n    stored.state = 'resolved' and stored.ends_at is not null\n    and case excluded.state\n      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)\n      else coalesce(excluded.ends_at < stored.ends_at, true)\n    end\n  )\nreturning id, dedup_key as \"dedupKey\", state, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into jenkins_events as stored (
 *   org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
 *   starts_at, ends_at, description, labels, payload, payload_transforms, job_name, build_number,
 *   phase, build_status, build_url, scm_url, branch, commit
 * )
 * select
 *   (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
 *   alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
 *   alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
 *   coalesce(alert.payload_transforms, '{}'), alert.job_name, alert.build_number, alert.phase,
 *   alert.build_status, alert.build_url, alert.scm_url, alert.branch, alert.commit
 * from jsonb_to_recordset(:alerts!::jsonb) as alert (
 *   dedup_key text, fingerprint text, title text, state alert_state, source_state text,
 *   severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
 *   description text, labels jsonb, payload jsonb, payload_transforms text[], job_name text,
 *   build_number integer, phase text, build_status text, build_url text, scm_url text, branch text,
 *   commit text
 * )
 * on conflict (org_id, dedup_key) do update
 * set title = excluded.title,
 *   state = excluded.state,
 *   source_state = excluded.source_state,
 *   severity = coalesce(excluded.severity, stored.severity),
 *   service = coalesce(excluded.service, stored.service),
 *   environment = coalesce(excluded.environment, stored.environment),
 *   starts_at = case
 *     when stored.state = 'resolved' and excluded.state = 'firing'
 *       then coalesce(excluded.starts_at, stored.starts_at)
 *     else least(stored.starts_at, excluded.starts_at)
 *   end,
 *   ends_at = case
 *     when excluded.state = 'firing' then excluded.ends_at
 *     else coalesce(excluded.ends_at, stored.ends_at)
 *   end,
 *   description = coalesce(excluded.description, stored.description),
 *   labels = excluded.labels,
 *   payload = excluded.payload,
 *   payload_transforms = excluded.payload_transforms,
 *   job_name = excluded.job_name,
 *   build_number = excluded.build_number,
 *   phase = excluded.phase,
 *   build_status = excluded.build_status,
 *   build_url = excluded.build_url,
 *   scm_url = excluded.scm_url,
 *   branch = excluded.branch,
 *   commit = excluded.commit
 * where (
 *     stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
 *     stored.payload_transforms
 *   ) is distinct from (
 *     excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
 *     excluded.payload_transforms
 *   )
 *   and not (
 *     stored.state = 'resolved' and stored.ends_at is not null
 *     and case excluded.state
 *       when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
 *       else coalesce(excluded.ends_at < stored.ends_at, true)
 *     end
 *   )
 * returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertJenkinsEvents = new PreparedQuery<IUpsertJenkinsEventsParams,IUpsertJenkinsEventsResult>(upsertJenkinsEventsIR);


/** 'UpsertCloudBeesEvents' parameters type */
export interface IUpsertCloudBeesEventsParams {
  alerts: Json;
}

/** 'UpsertCloudBeesEvents' return type */
export interface IUpsertCloudBeesEventsResult {
  /** Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one. */
  dedupKey: string;
  id: string;
  inserted: boolean;
  /** firing or resolved, mapped from source_state. */
  state: alert_state;
}

/** 'UpsertCloudBeesEvents' query type */
export interface IUpsertCloudBeesEventsQuery {
  params: IUpsertCloudBeesEventsParams;
  result: IUpsertCloudBeesEventsResult;
}

const upsertCloudBeesEventsIR: any = {"usedParamSet":{"alerts":true},"params":[{"name":"alerts","required":true,"transform":{"type":"scalar"},"locs":[{"a":787,"b":794}]}],"statement":"insert into cloudbees_events as stored (\n  org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,\n  starts_at, ends_at, description, labels, payload, payload_transforms, controller, job_name,\n  build_number, phase, build_status, build_url, scm_url, branch, commit\n)\nselect\n  (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,\n  alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,\n  alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,\n  coalesce(alert.payload_transforms, '{}'), alert.controller, alert.job_name, alert.build_number,\n  alert.phase, alert.build_status, alert.build_url, alert.scm_url, alert.branch, alert.commit\nfrom jsonb_to_recordset(:alerts!::jsonb) as alert (\n  dedup_key text, fingerprint text, title text, state alert_state, source_state text,\n  severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,\n  description text, labels jsonb, payload jsonb, payload_transforms text[], controller text,\n  job_name text, build_number integer, phase text, build_status text, build_url text,\n  scm_url text, branch text, commit text\n)\non conflict (org_id, dedup_key) do update\nset title = excluded.title,\n  state = excluded.state,\n  source_state = excluded.source_state,\n  severity = coalesce(excluded.severity, stored.severity),\n  service = coalesce(excluded.service, stored.service),\n  environment = coalesce(excluded.environment, stored.environment),\n  starts_at = case\n    when stored.state = 'resolved' and excluded.state = 'firing'\n      then coalesce(excluded.starts_at, stored.starts_at)\n    else least(stored.starts_at, excluded.starts_at)\n  end,\n  ends_at = case\n    when excluded.state = 'firing' then excluded.ends_at\n    else coalesce(excluded.ends_at, stored.ends_at)\n  end,\n  description = coalesce(excluded.description, stored.description),\n  labels = excluded.labels,\n  payload = excluded.payload,\n  payload_transforms = excluded.payload_transforms,\n  controller = excluded.controller,\n  job_name = excluded.job_name,\n  build_number = excluded.build_number,\n  phase = excluded.phase,\n  build_status = excluded.build_status,\n  build_url = excluded.build_url,\n  scm_url = excluded.scm_url,\n  branch = excluded.branch,\n  commit = excluded.commit\nwhere (\n    stored.state, stored.source_state, stored.title, stored.labels, stored.payload,\n    stored.payload_transforms\n  ) is distinct from (\n    excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,\n    excluded.payload_transforms\n  )\n  and not (\n    stored.state = 'resolved' and stored.ends_at is not null\n    and case excluded.state\n      when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)\n      else coalesce(excluded.ends_at < stored.ends_at, true)\n    end\n  )\nreturning id, dedup_key as \"dedupKey\", state, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into cloudbees_events as stored (
 *   org_id, dedup_key, fingerprint, title, state, source_state, severity, service, environment,
 *   starts_at, ends_at, description, labels, payload, payload_transforms, controller, job_name,
 *   build_number, phase, build_status, build_url, scm_url, branch, commit
 * )
 * select
 *   (select current_org_id()), alert.dedup_key, alert.fingerprint, alert.title, alert.state,
 *   alert.source_state, alert.severity, alert.service, alert.environment, alert.starts_at,
 *   alert.ends_at, alert.description, coalesce(alert.labels, '{}'), alert.payload,
 *   coalesce(alert.payload_transforms, '{}'), alert.controller, alert.job_name, alert.build_number,
 *   alert.phase, alert.build_status, alert.build_url, alert.scm_url, alert.branch, alert.commit
 * from jsonb_to_recordset(:alerts!::jsonb) as alert (
 *   dedup_key text, fingerprint text, title text, state alert_state, source_state text,
 *   severity severity, service text, environment text, starts_at timestamptz, ends_at timestamptz,
 *   description text, labels jsonb, payload jsonb, payload_transforms text[], controller text,
 *   job_name text, build_number integer, phase text, build_status text, build_url text,
 *   scm_url text, branch text, commit text
 * )
 * on conflict (org_id, dedup_key) do update
 * set title = excluded.title,
 *   state = excluded.state,
 *   source_state = excluded.source_state,
 *   severity = coalesce(excluded.severity, stored.severity),
 *   service = coalesce(excluded.service, stored.service),
 *   environment = coalesce(excluded.environment, stored.environment),
 *   starts_at = case
 *     when stored.state = 'resolved' and excluded.state = 'firing'
 *       then coalesce(excluded.starts_at, stored.starts_at)
 *     else least(stored.starts_at, excluded.starts_at)
 *   end,
 *   ends_at = case
 *     when excluded.state = 'firing' then excluded.ends_at
 *     else coalesce(excluded.ends_at, stored.ends_at)
 *   end,
 *   description = coalesce(excluded.description, stored.description),
 *   labels = excluded.labels,
 *   payload = excluded.payload,
 *   payload_transforms = excluded.payload_transforms,
 *   controller = excluded.controller,
 *   job_name = excluded.job_name,
 *   build_number = excluded.build_number,
 *   phase = excluded.phase,
 *   build_status = excluded.build_status,
 *   build_url = excluded.build_url,
 *   scm_url = excluded.scm_url,
 *   branch = excluded.branch,
 *   commit = excluded.commit
 * where (
 *     stored.state, stored.source_state, stored.title, stored.labels, stored.payload,
 *     stored.payload_transforms
 *   ) is distinct from (
 *     excluded.state, excluded.source_state, excluded.title, excluded.labels, excluded.payload,
 *     excluded.payload_transforms
 *   )
 *   and not (
 *     stored.state = 'resolved' and stored.ends_at is not null
 *     and case excluded.state
 *       when 'firing' then coalesce(excluded.starts_at < stored.ends_at, false)
 *       else coalesce(excluded.ends_at < stored.ends_at, true)
 *     end
 *   )
 * returning id, dedup_key as "dedupKey", state, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertCloudBeesEvents = new PreparedQuery<IUpsertCloudBeesEventsParams,IUpsertCloudBeesEventsResult>(upsertCloudBeesEventsIR);


/** 'ListRecentAlerts' parameters type */
export interface IListRecentAlertsParams {
  afterId?: string | null | void;
  afterTime?: DateOrString | null | void;
  limit: number;
  source: monitoring_source;
}

/** 'ListRecentAlerts' return type */
export interface IListRecentAlertsResult {
  cursorTime: string;
  dedupKey: string;
  description: string | null;
  endsAt: Date | null;
  environment: string | null;
  fingerprint: string;
  id: string;
  payloadTransforms: stringArray;
  receivedAt: Date;
  service: string | null;
  severity: severity | null;
  source: monitoring_source;
  sourceState: string;
  startsAt: Date | null;
  state: alert_state;
  title: string;
  updatedAt: Date;
}

/** 'ListRecentAlerts' query type */
export interface IListRecentAlertsQuery {
  params: IListRecentAlertsParams;
  result: IListRecentAlertsResult;
}

const listRecentAlertsIR: any = {"usedParamSet":{"source":true,"afterTime":true,"afterId":true,"limit":true},"params":[{"name":"source","required":true,"transform":{"type":"scalar"},"locs":[{"a":1077,"b":1084}]},{"name":"afterTime","required":false,"transform":{"type":"scalar"},"locs":[{"a":1098,"b":1107},{"a":1158,"b":1167}]},{"name":"afterId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1183,"b":1190}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":1246,"b":1252}]}],"statement":"-- Alerts of one source, most recently received first, as keyset pages on (received_at, id):\n-- pass the cursorTime and id of the last row of the previous page as afterTime and afterId,\n-- or nulls for the first page. cursorTime is received_at as exact UTC text with microseconds,\n-- because a JavaScript Date keeps only milliseconds and a rounded cursor would skip rows.\n-- PostgreSQL plans the statement with the bound source, so only that table of the\n-- monitoring_alerts view is read, through its (org_id, received_at, id) index.\nselect\n  source as \"source!\", id as \"id!\", dedup_key as \"dedupKey!\", fingerprint as \"fingerprint!\",\n  title as \"title!\", state as \"state!\", source_state as \"sourceState!\", severity, service,\n  environment, starts_at as \"startsAt\", ends_at as \"endsAt\", description,\n  payload_transforms as \"payloadTransforms!\", received_at as \"receivedAt!\",\n  updated_at as \"updatedAt!\",\n  to_char(received_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as \"cursorTime!\"\nfrom monitoring_alerts\nwhere org_id = (select current_org_id())\n  and source = :source!\n  and (\n    :afterTime::timestamptz is null\n    or (received_at, id) < (:afterTime::timestamptz, :afterId::bigint)\n  )\norder by received_at desc, id desc\nlimit :limit!::int"};

/**
 * Query generated from SQL:
 * ```
 * -- Alerts of one source, most recently received first, as keyset pages on (received_at, id):
 * -- pass the cursorTime and id of the last row of the previous page as afterTime and afterId,
 * -- or nulls for the first page. cursorTime is received_at as exact UTC text with microseconds,
 * -- because a JavaScript Date keeps only milliseconds and a rounded cursor would skip rows.
 * -- PostgreSQL plans the statement with the bound source, so only that table of the
 * -- monitoring_alerts view is read, through its (org_id, received_at, id) index.
 * select
 *   source as "source!", id as "id!", dedup_key as "dedupKey!", fingerprint as "fingerprint!",
 *   title as "title!", state as "state!", source_state as "sourceState!", severity, service,
 *   environment, starts_at as "startsAt", ends_at as "endsAt", description,
 *   payload_transforms as "payloadTransforms!", received_at as "receivedAt!",
 *   updated_at as "updatedAt!",
 *   to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorTime!"
 * from monitoring_alerts
 * where org_id = (select current_org_id())
 *   and source = :source!
 *   and (
 *     :afterTime::timestamptz is null
 *     or (received_at, id) < (:afterTime::timestamptz, :afterId::bigint)
 *   )
 * order by received_at desc, id desc
 * limit :limit!::int
 * ```
 */
export const listRecentAlerts = new PreparedQuery<IListRecentAlertsParams,IListRecentAlertsResult>(listRecentAlertsIR);


/** 'CorrelateAlerts' parameters type */
export interface ICorrelateAlertsParams {
  alertIds: stringArray;
  settings: Json;
  source: monitoring_source;
}

/** 'CorrelateAlerts' return type */
export interface ICorrelateAlertsResult {
  action: string;
  alertId: string;
  incidentId: string;
  isIncidentResolved: boolean;
  score: string | null;
  strategy: correlation_strategy | null;
}

/** 'CorrelateAlerts' query type */
export interface ICorrelateAlertsQuery {
  params: ICorrelateAlertsParams;
  result: ICorrelateAlertsResult;
}

const correlateAlertsIR: any = {"usedParamSet":{"source":true,"alertIds":true,"settings":true},"params":[{"name":"source","required":true,"transform":{"type":"scalar"},"locs":[{"a":358,"b":365}]},{"name":"alertIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":368,"b":377}]},{"name":"settings","required":true,"transform":{"type":"scalar"},"locs":[{"a":390,"b":399}]}],"statement":"-- Correlates stored alerts of one source into incidents, one row per alert; see the comment\n-- on correlate_alerts() for the rules and the columns. settings is a JSON object of overrides.\nselect alert_id as \"alertId!\", action as \"action!\", incident_id as \"incidentId!\", strategy,\n  score, is_incident_resolved as \"isIncidentResolved!\"\nfrom correlate_alerts(:source!, :alertIds!::bigint[], :settings!::jsonb)"};

/**
 * Query generated from SQL:
 * ```
 * -- Correlates stored alerts of one source into incidents, one row per alert; see the comment
 * -- on correlate_alerts() for the rules and the columns. settings is a JSON object of overrides.
 * select alert_id as "alertId!", action as "action!", incident_id as "incidentId!", strategy,
 *   score, is_incident_resolved as "isIncidentResolved!"
 * from correlate_alerts(:source!, :alertIds!::bigint[], :settings!::jsonb)
 * ```
 */
export const correlateAlerts = new PreparedQuery<ICorrelateAlertsParams,ICorrelateAlertsResult>(correlateAlertsIR);


/** 'MergeIncidents' parameters type */
export interface IMergeIncidentsParams {
  fromIncidentId: string;
  intoIncidentId: string;
}

/** 'MergeIncidents' return type */
export interface IMergeIncidentsResult {
  movedAlerts: number;
}

/** 'MergeIncidents' query type */
export interface IMergeIncidentsQuery {
  params: IMergeIncidentsParams;
  result: IMergeIncidentsResult;
}

const mergeIncidentsIR: any = {"usedParamSet":{"fromIncidentId":true,"intoIncidentId":true},"params":[{"name":"fromIncidentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":223,"b":238}]},{"name":"intoIncidentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":247,"b":262}]}],"statement":"-- Merges one incident into another by hand and returns how many alerts moved to the target.\n-- merge_incidents() raises AU004 (not found) and AU002 (already merged, merged target, same\n-- incident).\nselect merge_incidents(:fromIncidentId!::uuid, :intoIncidentId!::uuid) as \"movedAlerts!\""};

/**
 * Query generated from SQL:
 * ```
 * -- Merges one incident into another by hand and returns how many alerts moved to the target.
 * -- merge_incidents() raises AU004 (not found) and AU002 (already merged, merged target, same
 * -- incident).
 * select merge_incidents(:fromIncidentId!::uuid, :intoIncidentId!::uuid) as "movedAlerts!"
 * ```
 */
export const mergeIncidents = new PreparedQuery<IMergeIncidentsParams,IMergeIncidentsResult>(mergeIncidentsIR);


/** 'ListIncidentMembers' parameters type */
export interface IListIncidentMembersParams {
  incidentIds: stringArray;
}

/** 'ListIncidentMembers' return type */
export interface IListIncidentMembersResult {
  details: Json | null;
  endsAt: Date | null;
  id: string;
  incidentId: string;
  isSourceAlert: boolean;
  receivedAt: Date;
  score: string | null;
  service: string | null;
  severity: severity | null;
  source: monitoring_source;
  startsAt: Date | null;
  state: alert_state;
  strategy: correlation_strategy | null;
  title: string;
}

/** 'ListIncidentMembers' query type */
export interface IListIncidentMembersQuery {
  params: IListIncidentMembersParams;
  result: IListIncidentMembersResult;
}

const listIncidentMembersIR: any = {"usedParamSet":{"incidentIds":true},"params":[{"name":"incidentIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":979,"b":991},{"a":1353,"b":1365}]}],"statement":"-- The alerts of the given incidents: first the alert that opened each one (isSourceAlert,\n-- with null strategy, score and details), then the correlated ones in order of their time.\n-- The opening alert of a merged incident is listed under the incident it was merged into.\nselect\n  member.incident_id as \"incidentId!\", member.is_source_alert as \"isSourceAlert!\",\n  alert.source as \"source!\", alert.id as \"id!\", alert.title as \"title!\", alert.state as \"state!\",\n  alert.severity, alert.service, alert.starts_at as \"startsAt\", alert.ends_at as \"endsAt\",\n  alert.received_at as \"receivedAt!\", member.strategy, member.score, member.details\nfrom (\n  select incident.id as incident_id, incident.source as alert_source,\n    incident.source_alert_id as alert_id, true as is_source_alert,\n    null::correlation_strategy as strategy, null::numeric as score, null::jsonb as details\n  from incidents as incident\n  where incident.org_id = (select current_org_id())\n    and incident.id = any(:incidentIds!::uuid[])\n    and incident.source_alert_id is not null\n    and incident.status <> 'merged'\n  union all\n  select attached.incident_id, attached.alert_source, attached.alert_id, false,\n    attached.strategy, attached.score, attached.details\n  from incident_alerts as attached\n  where attached.org_id = (select current_org_id())\n    and attached.incident_id = any(:incidentIds!::uuid[])\n) as member\njoin monitoring_alerts as alert\n  on alert.org_id = (select current_org_id())\n  and alert.source = member.alert_source\n  and alert.id = member.alert_id\norder by member.incident_id, member.is_source_alert desc,\n  coalesce(alert.starts_at, alert.received_at), alert.source, alert.id"};

/**
 * Query generated from SQL:
 * ```
 * -- The alerts of the given incidents: first the alert that opened each one (isSourceAlert,
 * -- with null strategy, score and details), then the correlated ones in order of their time.
 * -- The opening alert of a merged incident is listed under the incident it was merged into.
 * select
 *   member.incident_id as "incidentId!", member.is_source_alert as "isSourceAlert!",
 *   alert.source as "source!", alert.id as "id!", alert.title as "title!", alert.state as "state!",
 *   alert.severity, alert.service, alert.starts_at as "startsAt", alert.ends_at as "endsAt",
 *   alert.received_at as "receivedAt!", member.strategy, member.score, member.details
 * from (
 *   select incident.id as incident_id, incident.source as alert_source,
 *     incident.source_alert_id as alert_id, true as is_source_alert,
 *     null::correlation_strategy as strategy, null::numeric as score, null::jsonb as details
 *   from incidents as incident
 *   where incident.org_id = (select current_org_id())
 *     and incident.id = any(:incidentIds!::uuid[])
 *     and incident.source_alert_id is not null
 *     and incident.status <> 'merged'
 *   union all
 *   select attached.incident_id, attached.alert_source, attached.alert_id, false,
 *     attached.strategy, attached.score, attached.details
 *   from incident_alerts as attached
 *   where attached.org_id = (select current_org_id())
 *     and attached.incident_id = any(:incidentIds!::uuid[])
 * ) as member
 * join monitoring_alerts as alert
 *   on alert.org_id = (select current_org_id())
 *   and alert.source = member.alert_source
 *   and alert.id = member.alert_id
 * order by member.incident_id, member.is_source_alert desc,
 *   coalesce(alert.starts_at, alert.received_at), alert.source, alert.id
 * ```
 */
export const listIncidentMembers = new PreparedQuery<IListIncidentMembersParams,IListIncidentMembersResult>(listIncidentMembersIR);


