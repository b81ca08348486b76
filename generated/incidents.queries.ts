/** Types generated for queries found in "queries/incidents.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type alert_state = 'firing' | 'resolved';

export type analysis_status = 'complete' | 'error' | 'idle' | 'running';

export type correlation_strategy = 'manual' | 'semantic' | 'service_match' | 'time_window';

export type incident_status = 'analyzed' | 'investigating' | 'merged' | 'resolved';

export type monitoring_source = 'bigpanda' | 'cloudbees' | 'datadog' | 'dynatrace' | 'grafana' | 'jenkins' | 'netdata' | 'pagerduty' | 'splunk';

export type severity = 'critical' | 'high' | 'info' | 'low' | 'medium';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type incident_statusArray = (incident_status)[];

export type severityArray = (severity)[];

export type stringArray = (string)[];

/** 'InsertIncident' parameters type */
export interface IInsertIncidentParams {
  affectedServices?: stringArray | null | void;
  description?: string | null | void;
  environment?: string | null | void;
  service?: string | null | void;
  severity?: severity | null | void;
  source?: monitoring_source | null | void;
  sourceAlertId?: string | null | void;
  startedAt?: DateOrString | null | void;
  title: string;
}

/** 'InsertIncident' return type */
export interface IInsertIncidentResult {
  /** Every service named by the alerts of the incident. */
  affectedServices: stringArray;
  analysisStatus: analysis_status;
  createdAt: Date;
  /** User who opened the incident by hand; NULL for incidents opened from an alert. */
  createdBy: string | null;
  description: string | null;
  environment: string | null;
  id: string;
  /** Incident this one was merged into; set exactly when status is merged, never to itself or to an incident that is merged itself. */
  mergedIntoId: string | null;
  /** When the incident was resolved, as recorded by the service that resolved it. */
  resolvedAt: Date | null;
  /** Main affected service, matched by the service_match correlation strategy. */
  service: string | null;
  severity: severity | null;
  /** Monitoring source of the alert that opened the incident; NULL for incidents users opened. */
  source: monitoring_source | null;
  /** Id of the alert that opened the incident, in the monitoring table of source. At most one incident per alert. Set to NULL when retention deletes that alert. */
  sourceAlertId: string | null;
  /** When the problem started: the start of the first alert, or when a user opened it. */
  startedAt: Date;
  status: incident_status;
  /** Short summary written by the RCA agent. */
  summary: string | null;
  title: string;
  updatedAt: Date;
}

/** 'InsertIncident' query type */
export interface IInsertIncidentQuery {
  params: IInsertIncidentParams;
  result: IInsertIncidentResult;
}

const insertIncidentIR: any = {"usedParamSet":{"title":true,"description":true,"severity":true,"source":true,"sourceAlertId":true,"service":true,"affectedServices":true,"environment":true,"startedAt":true},"params":[{"name":"title","required":true,"transform":{"type":"scalar"},"locs":[{"a":277,"b":283}]},{"name":"description","required":false,"transform":{"type":"scalar"},"locs":[{"a":286,"b":297}]},{"name":"severity","required":false,"transform":{"type":"scalar"},"locs":[{"a":300,"b":308}]},{"name":"source","required":false,"transform":{"type":"scalar"},"locs":[{"a":311,"b":317}]},{"name":"sourceAlertId","required":false,"transform":{"type":"scalar"},"locs":[{"a":320,"b":333}]},{"name":"service","required":false,"transform":{"type":"scalar"},"locs":[{"a":336,"b":343}]},{"name":"affectedServices","required":false,"transform":{"type":"scalar"},"locs":[{"a":357,"b":373}]},{"name":"environment","required":false,"transform":{"type":"scalar"},"locs":[{"a":391,"b":402}]},{"name":"startedAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":435,"b":444}]}],"statement":"-- created_by is the user in context, or NULL for work done on behalf of the organization.\ninsert into incidents (\n  org_id, title, description, severity, source, source_alert_id, service, affected_services,\n  environment, created_by, started_at\n)\nvalues (\n  current_org_id(), :title!, :description, :severity, :source, :sourceAlertId, :service,\n  coalesce(:affectedServices::text[], '{}'), :environment, current_user_id(),\n  coalesce(:startedAt::timestamptz, now())\n)\nreturning\n  id, title, description, summary, status, analysis_status as \"analysisStatus\", severity,\n  source, source_alert_id as \"sourceAlertId\", service, affected_services as \"affectedServices\",\n  environment, merged_into_id as \"mergedIntoId\", created_by as \"createdBy\",\n  started_at as \"startedAt\", resolved_at as \"resolvedAt\", created_at as \"createdAt\",\n  updated_at as \"updatedAt\""};

/**
 * Query generated from SQL:
 * ```
 * -- created_by is the user in context, or NULL for work done on behalf of the organization.
 * insert into incidents (
 *   org_id, title, description, severity, source, source_alert_id, service, affected_services,
 *   environment, created_by, started_at
 * )
 * values (
 *   current_org_id(), :title!, :description, :severity, :source, :sourceAlertId, :service,
 *   coalesce(:affectedServices::text[], '{}'), :environment, current_user_id(),
 *   coalesce(:startedAt::timestamptz, now())
 * )
 * returning
 *   id, title, description, summary, status, analysis_status as "analysisStatus", severity,
 *   source, source_alert_id as "sourceAlertId", service, affected_services as "affectedServices",
 *   environment, merged_into_id as "mergedIntoId", created_by as "createdBy",
 *   started_at as "startedAt", resolved_at as "resolvedAt", created_at as "createdAt",
 *   updated_at as "updatedAt"
 * ```
 */
export const insertIncident = new PreparedQuery<IInsertIncidentParams,IInsertIncidentResult>(insertIncidentIR);


/** 'GetIncident' parameters type */
export interface IGetIncidentParams {
  id: string;
}

/** 'GetIncident' return type */
export interface IGetIncidentResult {
  /** Every service named by the alerts of the incident. */
  affectedServices: stringArray;
  analysisStatus: analysis_status;
  createdAt: Date;
  /** User who opened the incident by hand; NULL for incidents opened from an alert. */
  createdBy: string | null;
  /** Sign-in address as the user typed it. Unique ignoring case, through users_email_key on lower(email); look users up with lower(email) = lower($1) to use that index. */
  createdByEmail: string | null;
  description: string | null;
  environment: string | null;
  id: string;
  /** Incident this one was merged into; set exactly when status is merged, never to itself or to an incident that is merged itself. */
  mergedIntoId: string | null;
  /** When the incident was resolved, as recorded by the service that resolved it. */
  resolvedAt: Date | null;
  /** Main affected service, matched by the service_match correlation strategy. */
  service: string | null;
  severity: severity | null;
  /** Monitoring source of the alert that opened the incident; NULL for incidents users opened. */
  source: monitoring_source | null;
  /** Id of the alert that opened the incident, in the monitoring table of source. At most one incident per alert. Set to NULL when retention deletes that alert. */
  sourceAlertId: string | null;
  /** When the problem started: the start of the first alert, or when a user opened it. */
  startedAt: Date;
  status: incident_status;
  /** Short summary written by the RCA agent. */
  summary: string | null;
  title: string;
  updatedAt: Date;
}

/** 'GetIncident' query type */
export interface IGetIncidentQuery {
  params: IGetIncidentParams;
  result: IGetIncidentResult;
}

const getIncidentIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":886,"b":889}]}],"statement":"-- The creator's address comes from an outer join, so it is null for incidents opened from an\n-- alert, and for users deleted since.\nselect\n  incidents.id, incidents.title, incidents.description, incidents.summary, incidents.status,\n  incidents.analysis_status as \"analysisStatus\", incidents.severity, incidents.source,\n  incidents.source_alert_id as \"sourceAlertId\", incidents.service,\n  incidents.affected_services as \"affectedServices\", incidents.environment,\n  incidents.merged_into_id as \"mergedIntoId\", incidents.created_by as \"createdBy\",\n  creator.email as \"createdByEmail?\",\n  incidents.started_at as \"startedAt\", incidents.resolved_at as \"resolvedAt\",\n  incidents.created_at as \"createdAt\", incidents.updated_at as \"updatedAt\"\nfrom incidents\nleft join users as creator on creator.id = incidents.created_by\nwhere incidents.org_id = (select current_org_id()) and incidents.id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * -- The creator's address comes from an outer join, so it is null for incidents opened from an
 * -- alert, and for users deleted since.
 * select
 *   incidents.id, incidents.title, incidents.description, incidents.summary, incidents.status,
 *   incidents.analysis_status as "analysisStatus", incidents.severity, incidents.source,
 *   incidents.source_alert_id as "sourceAlertId", incidents.service,
 *   incidents.affected_services as "affectedServices", incidents.environment,
 *   incidents.merged_into_id as "mergedIntoId", incidents.created_by as "createdBy",
 *   creator.email as "createdByEmail?",
 *   incidents.started_at as "startedAt", incidents.resolved_at as "resolvedAt",
 *   incidents.created_at as "createdAt", incidents.updated_at as "updatedAt"
 * from incidents
 * left join users as creator on creator.id = incidents.created_by
 * where incidents.org_id = (select current_org_id()) and incidents.id = :id!
 * ```
 */
export const getIncident = new PreparedQuery<IGetIncidentParams,IGetIncidentResult>(getIncidentIR);


/** 'ListIncidents' parameters type */
export interface IListIncidentsParams {
  afterId?: string | null | void;
  afterTime?: DateOrString | null | void;
  from?: DateOrString | null | void;
  limit: number;
  service?: string | null | void;
  severities?: severityArray | null | void;
  statuses?: incident_statusArray | null | void;
  to?: DateOrString | null | void;
}

/** 'ListIncidents' return type */
export interface IListIncidentsResult {
  analysisStatus: analysis_status;
  createdAt: Date;
  cursorTime: string;
  environment: string | null;
  id: string;
  /** Incident this one was merged into; set exactly when status is merged, never to itself or to an incident that is merged itself. */
  mergedIntoId: string | null;
  /** When the incident was resolved, as recorded by the service that resolved it. */
  resolvedAt: Date | null;
  /** Main affected service, matched by the service_match correlation strategy. */
  service: string | null;
  severity: severity | null;
  /** Monitoring source of the alert that opened the incident; NULL for incidents users opened. */
  source: monitoring_source | null;
  /** When the problem started: the start of the first alert, or when a user opened it. */
  startedAt: Date;
  status: incident_status;
  title: string;
  updatedAt: Date;
}

/** 'ListIncidents' query type */
export interface IListIncidentsQuery {
  params: IListIncidentsParams;
  result: IListIncidentsResult;
}

const listIncidentsIR: any = {"usedParamSet":{"statuses":true,"severities":true,"service":true,"from":true,"to":true,"afterTime":true,"afterId":true,"limit":true},"params":[{"name":"statuses","required":false,"transform":{"type":"scalar"},"locs":[{"a":568,"b":576},{"a":621,"b":629}]},{"name":"severities","required":false,"transform":{"type":"scalar"},"locs":[{"a":640,"b":650},{"a":690,"b":700}]},{"name":"service","required":false,"transform":{"type":"scalar"},"locs":[{"a":711,"b":718},{"a":747,"b":754}]},{"name":"from","required":false,"transform":{"type":"scalar"},"locs":[{"a":764,"b":768},{"a":808,"b":812}]},{"name":"to","required":false,"transform":{"type":"scalar"},"locs":[{"a":822,"b":824},{"a":863,"b":865}]},{"name":"afterTime","required":false,"transform":{"type":"scalar"},"locs":[{"a":880,"b":889},{"a":939,"b":948}]},{"name":"afterId","required":false,"transform":{"type":"scalar"},"locs":[{"a":951,"b":958}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":1011,"b":1017}]}],"statement":"-- Every incident, newest first by (created_at, id), through incidents_org_id_created_at_id_idx.\n-- from and to bound created_at (from inclusive, to exclusive).\nselect\n  id, title, status, analysis_status as \"analysisStatus\", severity, source, service,\n  environment, merged_into_id as \"mergedIntoId\", started_at as \"startedAt\",\n  resolved_at as \"resolvedAt\", created_at as \"createdAt\", updated_at as \"updatedAt\",\n  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as \"cursorTime!\"\nfrom incidents\nwhere org_id = (select current_org_id())\n  and (:statuses::incident_status[] is null or status = any(:statuses))\n  and (:severities::severity[] is null or severity = any(:severities))\n  and (:service::text is null or service = :service)\n  and (:from::timestamptz is null or created_at >= :from)\n  and (:to::timestamptz is null or created_at < :to)\n  and (\n    :afterTime::timestamptz is null\n    or (created_at, id) < (:afterTime, :afterId::uuid)\n  )\norder by created_at desc, id desc\nlimit :limit!::int"};

/**
 * Query generated from SQL:
 * ```
 * -- Every incident, newest first by (created_at, id), through incidents_org_id_created_at_id_idx.
 * -- from and to bound created_at (from inclusive, to exclusive).
 * select
 *   id, title, status, analysis_status as "analysisStatus", severity, source, service,
 *   environment, merged_into_id as "mergedIntoId", started_at as "startedAt",
 *   resolved_at as "resolvedAt", created_at as "createdAt", updated_at as "updatedAt",
 *   to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorTime!"
 * from incidents
 * where org_id = (select current_org_id())
 *   and (:statuses::incident_status[] is null or status = any(:statuses))
 *   and (:severities::severity[] is null or severity = any(:severities))
 *   and (:service::text is null or service = :service)
 *   and (:from::timestamptz is null or created_at >= :from)
 *   and (:to::timestamptz is null or created_at < :to)
 *   and (
 *     :afterTime::timestamptz is null
 *     or (created_at, id) < (:afterTime, :afterId::uuid)
 *   )
 * order by created_at desc, id desc
 * limit :limit!::int
 * ```
 */
export const listIncidents = new PreparedQuery<IListIncidentsParams,IListIncidentsResult>(listIncidentsIR);


/** 'ListOpenIncidents' parameters type */
export interface IListOpenIncidentsParams {
  afterId?: string | null | void;
  afterTime?: DateOrString | null | void;
  from?: DateOrString | null | void;
  limit: number;
  service?: string | null | void;
  severities?: severityArray | null | void;
  statuses?: incident_statusArray | null | void;
  to?: DateOrString | null | void;
}

/** 'ListOpenIncidents' return type */
export interface IListOpenIncidentsResult {
  analysisStatus: analysis_status;
  createdAt: Date;
  cursorTime: string;
  environment: string | null;
  id: string;
  /** Incident this one was merged into; set exactly when status is merged, never to itself or to an incident that is merged itself. */
  mergedIntoId: string | null;
  /** When the incident was resolved, as recorded by the service that resolved it. */
  resolvedAt: Date | null;
  /** Main affected service, matched by the service_match correlation strategy. */
  service: string | null;
  severity: severity | null;
  /** Monitoring source of the alert that opened the incident; NULL for incidents users opened. */
  source: monitoring_source | null;
  /** When the problem started: the start of the first alert, or when a user opened it. */
  startedAt: Date;
  status: incident_status;
  title: string;
  updatedAt: Date;
}

/** 'ListOpenIncidents' query type */
export interface IListOpenIncidentsQuery {
  params: IListOpenIncidentsParams;
  result: IListOpenIncidentsResult;
}

const listOpenIncidentsIR: any = {"usedParamSet":{"statuses":true,"severities":true,"service":true,"from":true,"to":true,"afterTime":true,"afterId":true,"limit":true},"params":[{"name":"statuses","required":false,"transform":{"type":"scalar"},"locs":[{"a":736,"b":744},{"a":789,"b":797}]},{"name":"severities","required":false,"transform":{"type":"scalar"},"locs":[{"a":808,"b":818},{"a":858,"b":868}]},{"name":"service","required":false,"transform":{"type":"scalar"},"locs":[{"a":879,"b":886},{"a":915,"b":922}]},{"name":"from","required":false,"transform":{"type":"scalar"},"locs":[{"a":932,"b":936},{"a":976,"b":980}]},{"name":"to","required":false,"transform":{"type":"scalar"},"locs":[{"a":990,"b":992},{"a":1031,"b":1033}]},{"name":"afterTime","required":false,"transform":{"type":"scalar"},"locs":[{"a":1048,"b":1057},{"a":1107,"b":1116}]},{"name":"afterId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1119,"b":1126}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":1179,"b":1185}]}],"statement":"-- Open incidents (investigating or analyzed), most recently started first by (started_at, id),\n-- through the partial index incidents_org_id_started_at_id_idx. The literal status list implies\n-- the index predicate, and statuses can narrow it further. from and to bound started_at.\nselect\n  id, title, status, analysis_status as \"analysisStatus\", severity, source, service,\n  environment, merged_into_id as \"mergedIntoId\", started_at as \"startedAt\",\n  resolved_at as \"resolvedAt\", created_at as \"createdAt\", updated_at as \"updatedAt\",\n  to_char(started_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as \"cursorTime!\"\nfrom incidents\nwhere org_id = (select current_org_id())\n  and status in ('investigating', 'analyzed')\n  and (:statuses::incident_status[] is null or status = any(:statuses))\n  and (:severities::severity[] is null or severity = any(:severities))\n  and (:service::text is null or service = :service)\n  and (:from::timestamptz is null or started_at >= :from)\n  and (:to::timestamptz is null or started_at < :to)\n  and (\n    :afterTime::timestamptz is null\n    or (started_at, id) < (:afterTime, :afterId::uuid)\n  )\norder by started_at desc, id desc\nlimit :limit!::int"};

/**
 * Query generated from SQL:
 * ```
 * -- Open incidents (investigating or analyzed), most recently started first by (started_at, id),
 * -- through the partial index incidents_org_id_started_at_id_idx. The literal status list implies
 * -- the index predicate, and statuses can narrow it further. from and to bound started_at.
 * select
 *   id, title, status, analysis_status as "analysisStatus", severity, source, service,
 *   environment, merged_into_id as "mergedIntoId", started_at as "startedAt",
 *   resolved_at as "resolvedAt", created_at as "createdAt", updated_at as "updatedAt",
 *   to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorTime!"
 * from incidents
 * where org_id = (select current_org_id())
 *   and status in ('investigating', 'analyzed')
 *   and (:statuses::incident_status[] is null or status = any(:statuses))
 *   and (:severities::severity[] is null or severity = any(:severities))
 *   and (:service::text is null or service = :service)
 *   and (:from::timestamptz is null or started_at >= :from)
 *   and (:to::timestamptz is null or started_at < :to)
 *   and (
 *     :afterTime::timestamptz is null
 *     or (started_at, id) < (:afterTime, :afterId::uuid)
 *   )
 * order by started_at desc, id desc
 * limit :limit!::int
 * ```
 */
export const listOpenIncidents = new PreparedQuery<IListOpenIncidentsParams,IListOpenIncidentsResult>(listOpenIncidentsIR);


/** 'UpdateIncidentStatus' parameters type */
export interface IUpdateIncidentStatusParams {
  id: string;
  status: incident_status;
}

/** 'UpdateIncidentStatus' return type */
export interface IUpdateIncidentStatusResult {
  /** Every service named by the alerts of the incident. */
  affectedServices: stringArray;
  analysisStatus: analysis_status;
  createdAt: Date;
  /** User who opened the incident by hand; NULL for incidents opened from an alert. */
  createdBy: string | null;
  description: string | null;
  environment: string | null;
  id: string;
  /** Incident this one was merged into; set exactly when status is merged, never to itself or to an incident that is merged itself. */
  mergedIntoId: string | null;
  /** When the incident was resolved, as recorded by the service that resolved it. */
  resolvedAt: Date | null;
  /** Main affected service, matched by the service_match correlation strategy. */
  service: string | null;
  severity: severity | null;
  /** Monitoring source of the alert that opened the incident; NULL for incidents users opened. */
  source: monitoring_source | null;
  /** Id of the alert that opened the incident, in the monitoring table of source. At most one incident per alert. Set to NULL when retention deletes that alert. */
  sourceAlertId: string | null;
  /** When the problem started: the start of the first alert, or when a user opened it. */
  startedAt: Date;
  status: incident_status;
  /** Short summary written by the RCA agent. */
  summary: string | null;
  title: string;
  updatedAt: Date;
}

/** 'UpdateIncidentStatus' query type */
export interface IUpdateIncidentStatusQuery {
  params: IUpdateIncidentStatusParams;
  result: IUpdateIncidentStatusResult;
}

const updateIncidentStatusIR: any = {"usedParamSet":{"status":true,"id":true},"params":[{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":241,"b":248},{"a":281,"b":287}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":423,"b":426}]}],"statement":"-- resolved_at is set when the incident becomes resolved (kept if it already was) and cleared\n-- when it reopens. The trigger _200_check_status_transition raises AU002 for a transition that\n-- is not allowed.\nupdate incidents\nset\n  status = :status!,\n  resolved_at = case\n    when :status::incident_status = 'resolved' then coalesce(resolved_at, now())\n    else null\n  end\nwhere org_id = (select current_org_id()) and id = :id!\nreturning\n  id, title, description, summary, status, analysis_status as \"analysisStatus\", severity,\n  source, source_alert_id as \"sourceAlertId\", service, affected_services as \"affectedServices\",\n  environment, merged_into_id as \"mergedIntoId\", created_by as \"createdBy\",\n  started_at as \"startedAt\", resolved_at as \"resolvedAt\", created_at as \"createdAt\",\n  updated_at as \"updatedAt\""};

/**
 * Query generated from SQL:
 * ```
 * -- resolved_at is set when the incident becomes resolved (kept if it already was) and cleared
 * -- when it reopens. The trigger _200_check_status_transition raises AU002 for a transition that
 * -- is not allowed.
 * update incidents
 * set
 *   status = :status!,
 *   resolved_at = case
 *     when :status::incident_status = 'resolved' then coalesce(resolved_at, now())
 *     else null
 *   end
 * where org_id = (select current_org_id()) and id = :id!
 * returning
 *   id, title, description, summary, status, analysis_status as "analysisStatus", severity,
 *   source, source_alert_id as "sourceAlertId", service, affected_services as "affectedServices",
 *   environment, merged_into_id as "mergedIntoId", created_by as "createdBy",
 *   started_at as "startedAt", resolved_at as "resolvedAt", created_at as "createdAt",
 *   updated_at as "updatedAt"
 * ```
 */
export const updateIncidentStatus = new PreparedQuery<IUpdateIncidentStatusParams,IUpdateIncidentStatusResult>(updateIncidentStatusIR);


/** 'UpdateAnalysisStatus' parameters type */
export interface IUpdateAnalysisStatusParams {
  analysisStatus: analysis_status;
  id: string;
  summary?: string | null | void;
}

/** 'UpdateAnalysisStatus' return type */
export interface IUpdateAnalysisStatusResult {
  /** Every service named by the alerts of the incident. */
  affectedServices: stringArray;
  analysisStatus: analysis_status;
  createdAt: Date;
  /** User who opened the incident by hand; NULL for incidents opened from an alert. */
  createdBy: string | null;
  description: string | null;
  environment: string | null;
  id: string;
  /** Incident this one was merged into; set exactly when status is merged, never to itself or to an incident that is merged itself. */
  mergedIntoId: string | null;
  /** When the incident was resolved, as recorded by the service that resolved it. */
  resolvedAt: Date | null;
  /** Main affected service, matched by the service_match correlation strategy. */
  service: string | null;
  severity: severity | null;
  /** Monitoring source of the alert that opened the incident; NULL for incidents users opened. */
  source: monitoring_source | null;
  /** Id of the alert that opened the incident, in the monitoring table of source. At most one incident per alert. Set to NULL when retention deletes that alert. */
  sourceAlertId: string | null;
  /** When the problem started: the start of the first alert, or when a user opened it. */
  startedAt: Date;
  status: incident_status;
  /** Short summary written by the RCA agent. */
  summary: string | null;
  title: string;
  updatedAt: Date;
}

/** 'UpdateAnalysisStatus' query type */
export interface IUpdateAnalysisStatusQuery {
  params: IUpdateAnalysisStatusParams;
  result: IUpdateAnalysisStatusResult;
}

const updateAnalysisStatusIR: any = {"usedParamSet":{"analysisStatus":true,"summary":true,"id":true},"params":[{"name":"analysisStatus","required":true,"transform":{"type":"scalar"},"locs":[{"a":96,"b":111}]},{"name":"summary","required":false,"transform":{"type":"scalar"},"locs":[{"a":135,"b":142}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":204,"b":207}]}],"statement":"-- summary keeps its value when the parameter is null.\nupdate incidents\nset\n  analysis_status = :analysisStatus!,\n  summary = coalesce(:summary, summary)\nwhere org_id = (select current_org_id()) and id = :id!\nreturning\n  id, title, description, summary, status, analysis_status as \"analysisStatus\", severity,\n  source, source_alert_id as \"sourceAlertId\", service, affected_services as \"affectedServices\",\n  environment, merged_into_id as \"mergedIntoId\", created_by as \"createdBy\",\n  started_at as \"startedAt\", resolved_at as \"resolvedAt\", created_at as \"createdAt\",\n  updated_at as \"updatedAt\""};

/**
 * Query generated from SQL:
 * ```
 * -- summary keeps its value when the parameter is null.
 * update incidents
 * set
 *   analysis_status = :analysisStatus!,
 *   summary = coalesce(:summary, summary)
 * where org_id = (select current_org_id()) and id = :id!
 * returning
 *   id, title, description, summary, status, analysis_status as "analysisStatus", severity,
 *   source, source_alert_id as "sourceAlertId", service, affected_services as "affectedServices",
 *   environment, merged_into_id as "mergedIntoId", created_by as "createdBy",
 *   started_at as "startedAt", resolved_at as "resolvedAt", created_at as "createdAt",
 *   updated_at as "updatedAt"
 * ```
 */
export const updateAnalysisStatus = new PreparedQuery<IUpdateAnalysisStatusParams,IUpdateAnalysisStatusResult>(updateAnalysisStatusIR);


/** 'MergeIncident' parameters type */
export interface IMergeIncidentParams {
  id: string;
  targetId: string;
}

/** 'MergeIncident' return type */
export interface IMergeIncidentResult {
  id: string;
  mergedIntoId: string;
  movedAlerts: number;
}

/** 'MergeIncident' query type */
export interface IMergeIncidentQuery {
  params: IMergeIncidentParams;
  result: IMergeIncidentResult;
}

const mergeIncidentIR: any = {"usedParamSet":{"targetId":true,"id":true},"params":[{"name":"targetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":381,"b":390},{"a":1276,"b":1285}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":584,"b":587}]}],"statement":"-- Marks the incident merged into the target, moves its alerts to the target and adds its\n-- affected services to the target's, in one statement. Returns no row when either incident is\n-- missing. The status trigger raises AU002 when the incident is merged already or the target is.\nwith target as (\n  select id\n  from incidents\n  where org_id = (select current_org_id()) and id = :targetId!\n  for no key update\n), merged as (\n  update incidents\n  set status = 'merged', merged_into_id = target.id\n  from target\n  where incidents.org_id = (select current_org_id()) and incidents.id = :id!\n  returning incidents.id, incidents.affected_services, incidents.service\n), moved_alerts as (\n  update incident_alerts\n  set incident_id = target.id\n  from target, merged\n  where incident_alerts.org_id = (select current_org_id())\n    and incident_alerts.incident_id = merged.id\n  returning incident_alerts.id\n), widened_target as (\n  update incidents\n  set affected_services = array(\n    select distinct service_name\n    from unnest(\n      incidents.affected_services || merged.affected_services || merged.service\n    ) as service_name\n    where service_name is not null\n    order by service_name\n  )\n  from merged\n  where incidents.org_id = (select current_org_id()) and incidents.id = :targetId!\n  returning incidents.id\n)\nselect\n  merged.id as \"id!\",\n  (select id from widened_target) as \"mergedIntoId!\",\n  (select count(*) from moved_alerts)::int as \"movedAlerts!\"\nfrom merged"};

/**
 * Query generated from SQL:
 * ```
 * -- Marks the incident merged into the target, moves its alerts to the target and adds its
 * -- affected services to the target's, in one statement. Returns no row when either incident is
 * -- missing. The status trigger raises AU002 when the incident is merged already or the target is.
 * with target as (
 *   select id
 *   from incidents
 *   where org_id = (select current_org_id()) and id = :targetId!
 *   for no key update
 * ), merged as (
 *   update incidents
 *   set status = 'merged', merged_into_id = target.id
 *   from target
 *   where incidents.org_id = (select current_org_id()) and incidents.id = :id!
 *   returning incidents.id, incidents.affected_services, incidents.service
 * ), moved_alerts as (
 *   update incident_alerts
 *   set incident_id = target.id
 *   from target, merged
 *   where incident_alerts.org_id = (select current_org_id())
 *     and incident_alerts.incident_id = merged.id
 *   returning incident_alerts.id
 * ), widened_target as (
 *   update incidents
 *   set affected_services = array(
 *     select distinct service_name
 *     from unnest(
 *       incidents.affected_services || merged.affected_services || merged.service
 *     ) as service_name
 *     where service_name is not null
 *     order by service_name
 *   )
 *   from merged
 *   where incidents.org_id = (select current_org_id()) and incidents.id = :targetId!
 *   returning incidents.id
 * )
 * select
 *   merged.id as "id!",
 *   (select id from widened_target) as "mergedIntoId!",
 *   (select count(*) from moved_alerts)::int as "movedAlerts!"
 * from merged
 * ```
 */
export const mergeIncident = new PreparedQuery<IMergeIncidentParams,IMergeIncidentResult>(mergeIncidentIR);


/** 'AttachAlert' parameters type */
export interface IAttachAlertParams {
  alertId: string;
  alertSource: monitoring_source;
  details: Json;
  incidentId: string;
  score: string;
  strategy: correlation_strategy;
}

/** 'AttachAlert' return type */
export interface IAttachAlertResult {
  /** id of the alert in the monitoring table of alert_source. */
  alertId: string;
  alertSource: monitoring_source;
  attachedAt: Date;
  /** User who attached the alert by hand; NULL for automatic correlation. */
  attachedBy: string | null;
  /** Reasons for the attachment, such as the weighted parts of the score and the matched service. */
  details: Json;
  id: string;
  incidentId: string;
  /** Correlation score from 0 to 1 with which the alert was attached. */
  score: string;
  strategy: correlation_strategy;
}

/** 'AttachAlert' query type */
export interface IAttachAlertQuery {
  params: IAttachAlertParams;
  result: IAttachAlertResult;
}

const attachAlertIR: any = {"usedParamSet":{"incidentId":true,"alertSource":true,"alertId":true,"strategy":true,"score":true,"details":true},"params":[{"name":"incidentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":339,"b":350}]},{"name":"alertSource","required":true,"transform":{"type":"scalar"},"locs":[{"a":353,"b":365}]},{"name":"alertId","required":true,"transform":{"type":"scalar"},"locs":[{"a":368,"b":376}]},{"name":"strategy","required":true,"transform":{"type":"scalar"},"locs":[{"a":379,"b":388},{"a":430,"b":438}]},{"name":"score","required":true,"transform":{"type":"scalar"},"locs":[{"a":391,"b":397}]},{"name":"details","required":true,"transform":{"type":"scalar"},"locs":[{"a":402,"b":410}]}],"statement":"-- attached_by is the user in context for manual attachments and NULL for automatic ones. The\n-- trigger _500_check_alert_exists raises AU004 when the alert is not stored in this organization.\ninsert into incident_alerts (\n  org_id, incident_id, alert_source, alert_id, strategy, score, details, attached_by\n)\nvalues (\n  current_org_id(), :incidentId!, :alertSource!, :alertId!, :strategy!, :score!,\n  :details!::jsonb, case when :strategy::correlation_strategy = 'manual' then current_user_id() end\n)\nreturning\n  id, incident_id as \"incidentId\", alert_source as \"alertSource\", alert_id as \"alertId\",\n  strategy, score, details, attached_by as \"attachedBy\", attached_at as \"attachedAt\""};

/**
 * Query generated from SQL:
 * ```
 * -- attached_by is the user in context for manual attachments and NULL for automatic ones. The
 * -- trigger _500_check_alert_exists raises AU004 when the alert is not stored in this organization.
 * insert into incident_alerts (
 *   org_id, incident_id, alert_source, alert_id, strategy, score, details, attached_by
 * )
 * values (
 *   current_org_id(), :incidentId!, :alertSource!, :alertId!, :strategy!, :score!,
 *   :details!::jsonb, case when :strategy::correlation_strategy = 'manual' then current_user_id() end
 * )
 * returning
 *   id, incident_id as "incidentId", alert_source as "alertSource", alert_id as "alertId",
 *   strategy, score, details, attached_by as "attachedBy", attached_at as "attachedAt"
 * ```
 */
export const attachAlert = new PreparedQuery<IAttachAlertParams,IAttachAlertResult>(attachAlertIR);


/** 'ListIncidentAlerts' parameters type */
export interface IListIncidentAlertsParams {
  incidentId: string;
}

/** 'ListIncidentAlerts' return type */
export interface IListIncidentAlertsResult {
  /** id of the alert in the monitoring table of alert_source. */
  alertId: string;
  alertSource: monitoring_source;
  attachedAt: Date;
  /** User who attached the alert by hand; NULL for automatic correlation. */
  attachedBy: string | null;
  /** Reasons for the attachment, such as the weighted parts of the score and the matched service. */
  details: Json;
  id: string;
  /** Correlation score from 0 to 1 with which the alert was attached. */
  score: string;
  service: string | null;
  severity: severity | null;
  startsAt: Date | null;
  state: alert_state | null;
  strategy: correlation_strategy;
  title: string | null;
}

/** 'ListIncidentAlerts' query type */
export interface IListIncidentAlertsQuery {
  params: IListIncidentAlertsParams;
  result: IListIncidentAlertsResult;
}

const listIncidentAlertsIR: any = {"usedParamSet":{"incidentId":true},"params":[{"name":"incidentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":818,"b":829}]}],"statement":"-- The alert columns come from the monitoring_alerts view through an outer join, so they are\n-- nullable. Ordered by attachment, through the unique index on (org_id, incident_id, ...).\nselect\n  attached.id, attached.alert_source as \"alertSource\", attached.alert_id as \"alertId\",\n  attached.strategy, attached.score, attached.details, attached.attached_by as \"attachedBy\",\n  attached.attached_at as \"attachedAt\",\n  alert.title as \"title?\", alert.state as \"state?\", alert.severity as \"severity?\",\n  alert.service as \"service?\", alert.starts_at as \"startsAt?\"\nfrom incident_alerts as attached\nleft join monitoring_alerts as alert\n  on alert.org_id = attached.org_id\n  and alert.source = attached.alert_source\n  and alert.id = attached.alert_id\nwhere attached.org_id = (select current_org_id()) and attached.incident_id = :incidentId!\norder by attached.attached_at, attached.id"};

/**
 * Query generated from SQL:
 * ```
 * -- The alert columns come from the monitoring_alerts view through an outer join, so they are
 * -- nullable. Ordered by attachment, through the unique index on (org_id, incident_id, ...).
 * select
 *   attached.id, attached.alert_source as "alertSource", attached.alert_id as "alertId",
 *   attached.strategy, attached.score, attached.details, attached.attached_by as "attachedBy",
 *   attached.attached_at as "attachedAt",
 *   alert.title as "title?", alert.state as "state?", alert.severity as "severity?",
 *   alert.service as "service?", alert.starts_at as "startsAt?"
 * from incident_alerts as attached
 * left join monitoring_alerts as alert
 *   on alert.org_id = attached.org_id
 *   and alert.source = attached.alert_source
 *   and alert.id = attached.alert_id
 * where attached.org_id = (select current_org_id()) and attached.incident_id = :incidentId!
 * order by attached.attached_at, attached.id
 * ```
 */
export const listIncidentAlerts = new PreparedQuery<IListIncidentAlertsParams,IListIncidentAlertsResult>(listIncidentAlertsIR);


