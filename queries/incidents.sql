/*
 * Incidents: create, read, list, change state, merge, and attach alerts.
 *
 * Lists use keyset pagination: a page after the row (t, id) asks for (ordering column, id) < (t, id)
 * in the order of an index, so each page is one index range and never an OFFSET. Optional
 * filters are written as (:param is null or column = :param). PostgreSQL plans the unnamed
 * statements that pg sends with the bound values, so a filter that is not given folds away
 * and the ordering index still drives the scan.
 *
 * "cursorTime" is the ordering timestamp as exact UTC text with microseconds: a JavaScript Date
 * keeps only milliseconds, and a cursor rounded to them would skip rows.
 */

/* @name InsertIncident */
-- created_by is the user in context, or NULL for work done on behalf of the organization.
insert into incidents (
  org_id, title, description, severity, source, source_alert_id, service, affected_services,
  environment, created_by, started_at
)
values (
  current_org_id(), :title!, :description, :severity, :source, :sourceAlertId, :service,
  coalesce(:affectedServices::text[], '{}'), :environment, current_user_id(),
  coalesce(:startedAt::timestamptz, now())
)
returning
  id, title, description, summary, status, analysis_status as "analysisStatus", severity,
  source, source_alert_id as "sourceAlertId", service, affected_services as "affectedServices",
  environment, merged_into_id as "mergedIntoId", created_by as "createdBy",
  started_at as "startedAt", resolved_at as "resolvedAt", created_at as "createdAt",
  updated_at as "updatedAt";

/* @name GetIncident */
-- The creator's address comes from an outer join, so it is null for incidents opened from an
-- alert, and for users deleted since.
select
  incidents.id, incidents.title, incidents.description, incidents.summary, incidents.status,
  incidents.analysis_status as "analysisStatus", incidents.severity, incidents.source,
  incidents.source_alert_id as "sourceAlertId", incidents.service,
  incidents.affected_services as "affectedServices", incidents.environment,
  incidents.merged_into_id as "mergedIntoId", incidents.created_by as "createdBy",
  creator.email as "createdByEmail?",
  incidents.started_at as "startedAt", incidents.resolved_at as "resolvedAt",
  incidents.created_at as "createdAt", incidents.updated_at as "updatedAt"
from incidents
left join users as creator on creator.id = incidents.created_by
where incidents.org_id = (select current_org_id()) and incidents.id = :id!;

/* @name ListIncidents */
-- Every incident, newest first by (created_at, id), through incidents_org_id_created_at_id_idx.
-- from and to bound created_at (from inclusive, to exclusive).
select
  id, title, status, analysis_status as "analysisStatus", severity, source, service,
  environment, merged_into_id as "mergedIntoId", started_at as "startedAt",
  resolved_at as "resolvedAt", created_at as "createdAt", updated_at as "updatedAt",
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorTime!"
from incidents
where org_id = (select current_org_id())
  and (:statuses::incident_status[] is null or status = any(:statuses))
  and (:severities::severity[] is null or severity = any(:severities))
  and (:service::text is null or service = :service)
  and (:from::timestamptz is null or created_at >= :from)
  and (:to::timestamptz is null or created_at < :to)
  and (
    :afterTime::timestamptz is null
    or (created_at, id) < (:afterTime, :afterId::uuid)
  )
order by created_at desc, id desc
limit :limit!::int;

/* @name ListOpenIncidents */
-- Open incidents (investigating or analyzed), most recently started first by (started_at, id),
-- through the partial index incidents_org_id_started_at_id_idx. The literal status list implies
-- the index predicate, and statuses can narrow it further. from and to bound started_at.
select
  id, title, status, analysis_status as "analysisStatus", severity, source, service,
  environment, merged_into_id as "mergedIntoId", started_at as "startedAt",
  resolved_at as "resolvedAt", created_at as "createdAt", updated_at as "updatedAt",
  to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorTime!"
from incidents
where org_id = (select current_org_id())
  and status in ('investigating', 'analyzed')
  and (:statuses::incident_status[] is null or status = any(:statuses))
  and (:severities::severity[] is null or severity = any(:severities))
  and (:service::text is null or service = :service)
  and (:from::timestamptz is null or started_at >= :from)
  and (:to::timestamptz is null or started_at < :to)
  and (
    :afterTime::timestamptz is null
    or (started_at, id) < (:afterTime, :afterId::uuid)
  )
order by started_at desc, id desc
limit :limit!::int;

/* @name UpdateIncidentStatus */
-- resolved_at is set when the incident becomes resolved (kept if it already was) and cleared
-- when it reopens. The trigger _200_check_status_transition raises AU002 for a transition that
-- is not allowed.
update incidents
set
  status = :status!,
  resolved_at = case
    when :status::incident_status = 'resolved' then coalesce(resolved_at, now())
    else null
  end
where org_id = (select current_org_id()) and id = :id!
returning
  id, title, description, summary, status, analysis_status as "analysisStatus", severity,
  source, source_alert_id as "sourceAlertId", service, affected_services as "affectedServices",
  environment, merged_into_id as "mergedIntoId", created_by as "createdBy",
  started_at as "startedAt", resolved_at as "resolvedAt", created_at as "createdAt",
  updated_at as "updatedAt";

/* @name UpdateAnalysisStatus */
-- summary keeps its value when the parameter is null.
update incidents
set
  analysis_status = :analysisStatus!,
  summary = coalesce(:summary, summary)
where org_id = (select current_org_id()) and id = :id!
returning
  id, title, description, summary, status, analysis_status as "analysisStatus", severity,
  source, source_alert_id as "sourceAlertId", service, affected_services as "affectedServices",
  environment, merged_into_id as "mergedIntoId", created_by as "createdBy",
  started_at as "startedAt", resolved_at as "resolvedAt", created_at as "createdAt",
  updated_at as "updatedAt";

/* @name MergeIncident */
-- Marks the incident merged into the target, moves its alerts to the target and adds its
-- affected services to the target's, in one statement. Returns no row when either incident is
-- missing. The status trigger raises AU002 when the incident is merged already or the target is.
with target as (
  select id
  from incidents
  where org_id = (select current_org_id()) and id = :targetId!
  for no key update
), merged as (
  update incidents
  set status = 'merged', merged_into_id = target.id
  from target
  where incidents.org_id = (select current_org_id()) and incidents.id = :id!
  returning incidents.id, incidents.affected_services, incidents.service
), moved_alerts as (
  update incident_alerts
  set incident_id = target.id
  from target, merged
  where incident_alerts.org_id = (select current_org_id())
    and incident_alerts.incident_id = merged.id
  returning incident_alerts.id
), widened_target as (
  update incidents
  set affected_services = array(
    select distinct service_name
    from unnest(
      incidents.affected_services || merged.affected_services || merged.service
    ) as service_name
    where service_name is not null
    order by service_name
  )
  from merged
  where incidents.org_id = (select current_org_id()) and incidents.id = :targetId!
  returning incidents.id
)
select
  merged.id as "id!",
  (select id from widened_target) as "mergedIntoId!",
  (select count(*) from moved_alerts)::int as "movedAlerts!"
from merged;

/* @name AttachAlert */
-- attached_by is the user in context for manual attachments and NULL for automatic ones. The
-- trigger _500_check_alert_exists raises AU004 when the alert is not stored in this organization.
insert into incident_alerts (
  org_id, incident_id, alert_source, alert_id, strategy, score, details, attached_by
)
values (
  current_org_id(), :incidentId!, :alertSource!, :alertId!, :strategy!, :score!,
  :details!::jsonb, case when :strategy::correlation_strategy = 'manual' then current_user_id() end
)
returning
  id, incident_id as "incidentId", alert_source as "alertSource", alert_id as "alertId",
  strategy, score, details, attached_by as "attachedBy", attached_at as "attachedAt";

/* @name ListIncidentAlerts */
-- The alert columns come from the monitoring_alerts view through an outer join, so they are
-- nullable. Ordered by attachment, through the unique index on (org_id, incident_id, ...).
select
  attached.id, attached.alert_source as "alertSource", attached.alert_id as "alertId",
  attached.strategy, attached.score, attached.details, attached.attached_by as "attachedBy",
  attached.attached_at as "attachedAt",
  alert.title as "title?", alert.state as "state?", alert.severity as "severity?",
  alert.service as "service?", alert.starts_at as "startsAt?"
from incident_alerts as attached
left join monitoring_alerts as alert
  on alert.org_id = attached.org_id
  and alert.source = attached.alert_source
  and alert.id = attached.alert_id
where attached.org_id = (select current_org_id()) and attached.incident_id = :incidentId!
order by attached.attached_at, attached.id;
