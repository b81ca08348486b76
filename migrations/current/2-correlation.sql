-- Correlation: turns stored monitoring alerts into incidents, inside PostgreSQL.
--
-- Ingest upserts a batch of alerts and then calls correlate_alerts() with the ids that the
-- upsert inserted or changed. The function runs as the caller (security invoker), so it sees
-- and writes only the rows of the organization in context, and it takes its thresholds from a
-- JSONB settings argument so that services own the defaults.
--
-- An incident's alerts are the alert that opened it (incidents.source, source_alert_id) plus
-- the alerts correlated into it (incident_alerts). Open means status investigating or analyzed.
-- For each alert, in order of its time (starts_at, else received_at), the first rule that
-- applies decides:
--   1. An alert that already belongs to an incident stays there. If it fires again and the
--      incident is resolved, the incident reopens (investigating). If it is resolved and every
--      alert of its open incident is resolved, the incident is resolved.
--   2. An alert whose source and fingerprint match a firing alert of an open incident joins it
--      (strategy by the services as in rule 3, score 1). A resolved alert joined this way
--      resolves the incident when none of its alerts fires any more.
--   3. A firing alert joins the best-scoring open incident, where
--        score = service_weight * service + time_weight * max(0, 1 - dt / window_seconds)
--                + similarity_weight * trigram similarity of titles and descriptions,
--      service is 1 when the alert's service is the incident's service or one of its affected
--      services, or when neither names a service, and dt is the smallest gap in seconds between
--      the alert and the incident's alerts. It joins when dt <= window_seconds and
--      score >= score_threshold, with strategy service_match, or time_window when neither side
--      names a service.
--   4. Otherwise a firing alert without a service match joins the open incident whose alert
--      titles are most similar, when that trigram similarity is at least semantic_threshold and
--      dt <= semantic_window_seconds (strategy semantic, score = that similarity).
--   5. Otherwise a firing alert opens an incident, and a resolved alert is only stored.
-- An incident holds at most max_alerts_per_incident alerts; a full incident takes no more, so
-- the alert goes on to the next rule and may open a new incident. Every join records its
-- strategy, score and reasons (the parts of the score, the gap, the matched fields) in
-- incident_alerts.details. Correlation takes a transaction-level advisory lock per
-- organization, so two batches of one organization are correlated one after the other.
--
-- merge_incidents() merges one incident into another by hand and moves its alerts.

create or replace function aurora_private.correlation_settings(p_settings jsonb)
  returns jsonb
  language plpgsql immutable
as $$
declare
  defaults constant jsonb := jsonb_build_object(
    'service_weight', 0.5,
    'time_weight', 0.3,
    'similarity_weight', 0.2,
    'window_seconds', 300,
    'score_threshold', 0.6,
    'max_alerts_per_incident', 50,
    'semantic_window_seconds', 3600,
    'semantic_threshold', 0.5,
    'max_candidates', 50
  );
  setting_key text;
  setting_value jsonb;
begin
  if p_settings is null then
    return defaults;
  end if;
  if jsonb_typeof(p_settings) <> 'object' then
    raise exception using
      errcode = '22023',
      message = format('correlation settings must be a JSON object, not %s',
        jsonb_typeof(p_settings));
  end if;
  for setting_key, setting_value in select key, value from jsonb_each(p_settings) loop
    if not defaults ? setting_key then
      raise exception using
        errcode = '22023',
        message = format('unknown correlation setting %s', setting_key),
        hint = format('Known settings: %s.',
          (select string_agg(name, ', ' order by name) from jsonb_object_keys(defaults) as name));
    end if;
    if jsonb_typeof(setting_value) <> 'number' or setting_value::text::numeric < 0
      or (setting_key ~ '(weight|threshold)$' and setting_value::text::numeric > 1)
      or (setting_key ~ '_seconds$' and setting_value::text::numeric = 0)
      or (setting_key ~ '^max_' and (setting_value::text::numeric < 1
        or setting_value::text::numeric <> trunc(setting_value::text::numeric)))
    then
      raise exception using
        errcode = '22023',
        message = format('invalid correlation setting %s: %s', setting_key, setting_value),
        hint = 'Weights and thresholds are numbers from 0 to 1, windows are seconds above 0, '
          'and counts are whole numbers of 1 or more.';
    end if;
  end loop;
  return defaults || p_settings;
end;
$$;
revoke all on function aurora_private.correlation_settings(jsonb) from public;
grant execute on function aurora_private.correlation_settings(jsonb) to :AURORA_APP;
comment on function aurora_private.correlation_settings(jsonb) is
  'Returns the correlation settings with defaults filled in: service_weight 0.5, time_weight '
  '0.3, similarity_weight 0.2, window_seconds 300, score_threshold 0.6, '
  'max_alerts_per_incident 50, semantic_window_seconds 3600, semantic_threshold 0.5, '
  'max_candidates 50. Raises 22023 for an unknown key or an invalid value.';

create or replace function aurora_private.alert_time(p_alert monitoring_alerts)
  returns timestamptz
  language sql immutable
as $$
  select coalesce(p_alert.starts_at, p_alert.received_at)
$$;
revoke all on function aurora_private.alert_time(monitoring_alerts) from public;
grant execute on function aurora_private.alert_time(monitoring_alerts) to :AURORA_APP;
comment on function aurora_private.alert_time(monitoring_alerts) is
  'Returns the time correlation uses for an alert: starts_at, or received_at when the source '
  'gave no start.';

create or replace function aurora_private.incident_member_alerts(p_incident_id uuid)
  returns setof monitoring_alerts
  language sql stable
as $$
  select alert.*
  from (
    select incident.source as alert_source, incident.source_alert_id as alert_id
    from public.incidents as incident
    where incident.org_id = (select current_org_id())
      and incident.id = p_incident_id
      and incident.source_alert_id is not null
    union
    select attached.alert_source, attached.alert_id
    from public.incident_alerts as attached
    where attached.org_id = (select current_org_id())
      and attached.incident_id = p_incident_id
  ) as member
  join public.monitoring_alerts as alert
    on alert.org_id = (select current_org_id())
    and alert.source = member.alert_source
    and alert.id = member.alert_id
$$;
revoke all on function aurora_private.incident_member_alerts(uuid) from public;
grant execute on function aurora_private.incident_member_alerts(uuid) to :AURORA_APP;
comment on function aurora_private.incident_member_alerts(uuid) is
  'Returns the alerts of an incident of the organization in context: the alert that opened it '
  'and the alerts in incident_alerts. Runs with the caller''s row-level security.';

create or replace function aurora_private.current_incident_of_alert(
  p_source monitoring_source,
  p_alert_id bigint
) returns uuid
  language plpgsql stable
as $$
begin
  return (
    select coalesce(
      (
        select attached.incident_id
        from public.incident_alerts as attached
        where attached.org_id = (select current_org_id())
          and attached.alert_source = p_source
          and attached.alert_id = p_alert_id
      ),
      (
        select incident.id
        from public.incidents as incident
        where incident.org_id = (select current_org_id())
          and incident.source = p_source
          and incident.source_alert_id = p_alert_id
          and incident.status <> 'merged'
      )
    )
  );
end;
$$;
revoke all on function aurora_private.current_incident_of_alert(monitoring_source, bigint)
  from public;
grant execute on function aurora_private.current_incident_of_alert(monitoring_source, bigint)
  to :AURORA_APP;
comment on function aurora_private.current_incident_of_alert(monitoring_source, bigint) is
  'Returns the incident an alert belongs to: the one it was correlated into, else the one it '
  'opened unless that one was merged (a merge moves the opening alert to the target). NULL '
  'when the alert belongs to no incident.';

create or replace function aurora_private.resolve_incident_if_cleared(p_incident_id uuid)
  returns boolean
  language plpgsql volatile
as $$
declare
  is_resolved boolean;
begin
  update public.incidents as incident
  set status = 'resolved',
    resolved_at = (
      select coalesce(max(member.ends_at), now())
      from aurora_private.incident_member_alerts(p_incident_id) as member
    )
  where incident.org_id = (select current_org_id())
    and incident.id = p_incident_id
    and incident.status in ('investigating', 'analyzed')
    and not exists (
      select
      from aurora_private.incident_member_alerts(p_incident_id) as member
      where member.state = 'firing'
    )
  returning true into is_resolved;
  return coalesce(is_resolved, false);
end;
$$;
revoke all on function aurora_private.resolve_incident_if_cleared(uuid) from public;
grant execute on function aurora_private.resolve_incident_if_cleared(uuid) to :AURORA_APP;
comment on function aurora_private.resolve_incident_if_cleared(uuid) is
  'Resolves an open incident when none of its alerts is firing, with resolved_at set to the '
  'latest ends_at of its alerts (now() when none has one). Returns whether it resolved it.';

create or replace function aurora_private.reopen_incident(p_incident_id uuid)
  returns boolean
  language plpgsql volatile
as $$
declare
  is_reopened boolean;
begin
  update public.incidents as incident
  set status = 'investigating', resolved_at = null
  where incident.org_id = (select current_org_id())
    and incident.id = p_incident_id
    and incident.status = 'resolved'
  returning true into is_reopened;
  return coalesce(is_reopened, false);
end;
$$;
revoke all on function aurora_private.reopen_incident(uuid) from public;
grant execute on function aurora_private.reopen_incident(uuid) to :AURORA_APP;
comment on function aurora_private.reopen_incident(uuid) is
  'Sets a resolved incident back to investigating and clears resolved_at. Returns whether the '
  'incident was resolved.';

create or replace function aurora_private.incident_alert_count(p_incident_id uuid)
  returns bigint
  language plpgsql stable
as $$
begin
  return (
    select
      (
        select count(*)
        from public.incident_alerts as attached
        where attached.org_id = (select current_org_id())
          and attached.incident_id = p_incident_id
      )
      + (
        select count(*)
        from public.incidents as incident
        where incident.org_id = (select current_org_id())
          and incident.id = p_incident_id
          and incident.source_alert_id is not null
          and not exists (
            select from public.incident_alerts as attached
            where attached.org_id = incident.org_id
              and attached.alert_source = incident.source
              and attached.alert_id = incident.source_alert_id
          )
      )
  );
end;
$$;
revoke all on function aurora_private.incident_alert_count(uuid) from public;
grant execute on function aurora_private.incident_alert_count(uuid) to :AURORA_APP;
comment on function aurora_private.incident_alert_count(uuid) is
  'Returns the number of alerts of an incident: the correlated ones and the one that opened '
  'it. Reads only incident_alerts and incidents through their indexes.';

-- Dropped first because create or replace cannot change the columns a function returns.
drop function if exists aurora_private.score_incident(monitoring_alerts, uuid, jsonb);
drop function if exists aurora_private.score_incidents(monitoring_alerts, uuid[], jsonb);
create function aurora_private.score_incidents(
  p_alert monitoring_alerts,
  p_incident_ids uuid[],
  p_settings jsonb
) returns table (
  incident_id uuid,
  started_at timestamptz,
  member_count bigint,
  delta_seconds numeric,
  is_service_match boolean,
  is_service_absent boolean,
  title_similarity numeric,
  weighted_score numeric,
  details jsonb
)
  language plpgsql stable
as $$
#variable_conflict use_column
begin
  return query
    with incident as (
      select incident.id, incident.title, incident.service, incident.affected_services,
        incident.started_at
      from public.incidents as incident
      where incident.org_id = (select current_org_id()) and incident.id = any(p_incident_ids)
    ),
    member_ref as (
      select incident.id as incident_id, incident.source as alert_source,
        incident.source_alert_id as alert_id
      from public.incidents as incident
      where incident.org_id = (select current_org_id())
        and incident.id = any(p_incident_ids)
        and incident.source_alert_id is not null
      union
      select attached.incident_id, attached.alert_source, attached.alert_id
      from public.incident_alerts as attached
      where attached.org_id = (select current_org_id())
        and attached.incident_id = any(p_incident_ids)
    ),
    members as (
      select
        member_ref.incident_id,
        count(*) as member_count,
        min(abs(extract(epoch from member.alert_time - aurora_private.alert_time(p_alert))))
          as delta_seconds,
        max(public.similarity(p_alert.title, member.title)) as title_similarity,
        max(public.similarity(
          concat_ws(' ', p_alert.title, p_alert.description),
          concat_ws(' ', member.title, member.description))) as text_similarity
      from member_ref
      cross join lateral (
        select alert.title, alert.description,
          coalesce(alert.starts_at, alert.received_at) as alert_time
        from public.monitoring_alerts as alert
        where alert.org_id = (select current_org_id())
          and alert.source = member_ref.alert_source
          and alert.id = member_ref.alert_id
      ) as member
      group by member_ref.incident_id
    ),
    facts as (
      select
        incident.id as incident_id,
        incident.started_at,
        coalesce(members.member_count, 0) as member_count,
        round(coalesce(members.delta_seconds, abs(extract(epoch from
          incident.started_at - aurora_private.alert_time(p_alert)))), 3) as delta_seconds,
        p_alert.service is not null and (
          lower(p_alert.service) = lower(incident.service)
          or exists (
            select from unnest(incident.affected_services) as affected (service)
            where lower(affected.service) = lower(p_alert.service)
          )
        ) as is_service_match,
        p_alert.service is null and incident.service is null
          and cardinality(incident.affected_services) = 0 as is_service_absent,
        round(greatest(coalesce(members.title_similarity, 0),
          public.similarity(p_alert.title, incident.title))::numeric, 4) as title_similarity,
        round(coalesce(members.text_similarity, 0)::numeric, 4) as text_similarity,
        (p_settings ->> 'service_weight')::numeric as service_weight,
        (p_settings ->> 'time_weight')::numeric as time_weight,
        (p_settings ->> 'similarity_weight')::numeric as similarity_weight,
        (p_settings ->> 'window_seconds')::numeric as window_seconds
      from incident
      left join members on members.incident_id = incident.id
    ),
    scores as (
      select
        facts.*,
        (facts.is_service_match or facts.is_service_absent)::int::numeric as service_score,
        round(greatest(0, 1 - facts.delta_seconds / facts.window_seconds), 4) as time_score,
        greatest(facts.title_similarity, facts.text_similarity) as similarity_score
      from facts
    ),
    weighted as (
      select
        scores.*,
        round(scores.service_weight * scores.service_score
          + scores.time_weight * scores.time_score
          + scores.similarity_weight * scores.similarity_score, 4) as weighted_score
      from scores
    )
    select
      weighted.incident_id,
      weighted.started_at,
      weighted.member_count,
      weighted.delta_seconds,
      weighted.is_service_match,
      weighted.is_service_absent,
      weighted.title_similarity,
      weighted.weighted_score,
      jsonb_strip_nulls(jsonb_build_object(
        'scores', jsonb_build_object('service', weighted.service_score,
          'time', weighted.time_score, 'similarity', weighted.similarity_score),
        'weights', jsonb_build_object('service', weighted.service_weight,
          'time', weighted.time_weight, 'similarity', weighted.similarity_weight),
        'weightedScore', weighted.weighted_score,
        'timeDeltaSeconds', weighted.delta_seconds,
        'titleSimilarity', weighted.title_similarity,
        'matchedService', case when weighted.is_service_match then p_alert.service end,
        'matched', to_jsonb(array_remove(array[
          case when weighted.is_service_match then 'service' end,
          case when weighted.delta_seconds <= weighted.window_seconds then 'time' end,
          case when weighted.title_similarity >= (p_settings ->> 'semantic_threshold')::numeric
            then 'title' end
        ], null)),
        'reasons', to_jsonb(array_remove(array[
          case when weighted.is_service_match
            then format('same service %s', p_alert.service) end,
          case when weighted.is_service_absent
            then 'neither the alert nor the incident names a service' end,
          format('%s s from the nearest alert of the incident', round(weighted.delta_seconds)),
          format('title similarity %s', round(weighted.title_similarity, 2))
        ], null))
      ))
    from weighted;
end;
$$;
revoke all on function aurora_private.score_incidents(monitoring_alerts, uuid[], jsonb)
  from public;
grant execute on function aurora_private.score_incidents(monitoring_alerts, uuid[], jsonb)
  to :AURORA_APP;
comment on function aurora_private.score_incidents(monitoring_alerts, uuid[], jsonb) is
  'Returns how well an alert fits each given incident: its alert count, the smallest gap in '
  'seconds between the alert and the incident''s alerts, whether the services match or are '
  'both absent, the trigram similarity of titles, the weighted score, and the reasons as the '
  'JSONB of incident_alerts.details: scores and weights by part (service, time, '
  'similarity), weightedScore, timeDeltaSeconds, titleSimilarity, matchedService, matched '
  '(service, time, title) and reasons in words.';

create or replace function aurora_private.open_incident_with_fingerprint(
  p_alert monitoring_alerts,
  p_settings jsonb
) returns uuid
  language plpgsql stable
as $$
begin
  return (
    select incident.id
    from public.monitoring_alerts as sibling
    join public.incidents as incident
      on incident.org_id = (select current_org_id())
      and incident.id = aurora_private.current_incident_of_alert(sibling.source, sibling.id)
    where sibling.org_id = (select current_org_id())
      and sibling.source = p_alert.source
      and sibling.fingerprint = p_alert.fingerprint
      and sibling.state = 'firing'
      and sibling.id <> p_alert.id
      and incident.status in ('investigating', 'analyzed')
      and aurora_private.incident_alert_count(incident.id)
        < (p_settings ->> 'max_alerts_per_incident')::numeric
    order by incident.started_at desc, incident.id desc
    limit 1
  );
end;
$$;
revoke all on function aurora_private.open_incident_with_fingerprint(monitoring_alerts, jsonb)
  from public;
grant execute on function aurora_private.open_incident_with_fingerprint(monitoring_alerts, jsonb)
  to :AURORA_APP;
comment on function aurora_private.open_incident_with_fingerprint(monitoring_alerts, jsonb) is
  'Returns the most recently started open incident, not yet full, that holds a firing alert '
  'of the same source and fingerprint; NULL when there is none. Finds the alerts through the '
  'partial (org_id, fingerprint) index of firing alerts.';

-- Dropped first because create or replace cannot change the columns a function returns.
drop function if exists aurora_private.best_open_incident(monitoring_alerts, jsonb);
create function aurora_private.best_open_incident(
  p_alert monitoring_alerts,
  p_settings jsonb,
  out incident_id uuid,
  out strategy correlation_strategy,
  out score numeric,
  out details jsonb
)
  language plpgsql stable
as $$
#variable_conflict use_column
begin
    with candidate as (
      select array_agg(recent.id) as ids
      from (
        select incident.id
        from public.incidents as incident
        where incident.org_id = (select current_org_id())
          and incident.status in ('investigating', 'analyzed')
          and incident.started_at <= aurora_private.alert_time(p_alert)
            + make_interval(secs => (p_settings ->> 'semantic_window_seconds')::float8)
          and aurora_private.incident_alert_count(incident.id)
            < (p_settings ->> 'max_alerts_per_incident')::numeric
        order by incident.started_at desc, incident.id desc
        limit (p_settings ->> 'max_candidates')::numeric::int
      ) as recent
    ),
    scored as (
      select fit.*
      from candidate
      cross join lateral aurora_private.score_incidents(p_alert, candidate.ids, p_settings) as fit
    ),
    eligible as (
      select
        scored.incident_id,
        scored.started_at,
        1 as rule_rank,
        case when scored.is_service_match then 'service_match' else 'time_window' end
          ::correlation_strategy as strategy,
        scored.weighted_score as score,
        scored.details || jsonb_build_object('rule', 'score',
          'threshold', (p_settings ->> 'score_threshold')::numeric,
          'windowSeconds', (p_settings ->> 'window_seconds')::numeric) as details
      from scored
      where (scored.is_service_match or scored.is_service_absent)
        and scored.delta_seconds <= (p_settings ->> 'window_seconds')::numeric
        and scored.weighted_score >= (p_settings ->> 'score_threshold')::numeric
      union all
      select
        scored.incident_id,
        scored.started_at,
        2,
        'semantic',
        scored.title_similarity,
        scored.details || jsonb_build_object('rule', 'semantic',
          'threshold', (p_settings ->> 'semantic_threshold')::numeric,
          'windowSeconds', (p_settings ->> 'semantic_window_seconds')::numeric)
      from scored
      where not scored.is_service_match
        and scored.title_similarity >= (p_settings ->> 'semantic_threshold')::numeric
        and scored.delta_seconds <= (p_settings ->> 'semantic_window_seconds')::numeric
    )
    select eligible.incident_id, eligible.strategy, eligible.score, eligible.details
    into incident_id, strategy, score, details
    from eligible
    order by eligible.rule_rank, eligible.score desc, eligible.started_at desc,
      eligible.incident_id desc
    limit 1;
end;
$$;
revoke all on function aurora_private.best_open_incident(monitoring_alerts, jsonb) from public;
grant execute on function aurora_private.best_open_incident(monitoring_alerts, jsonb)
  to :AURORA_APP;
comment on function aurora_private.best_open_incident(monitoring_alerts, jsonb) is
  'Returns the open incident a firing alert should join by score (strategy service_match or '
  'time_window) or, failing that, by title similarity (semantic), with the score and the '
  'reasons; no row when none qualifies. Scores the max_candidates most recently started open '
  'incidents that are not full.';
-- NOTE: choosing the candidates counts the alerts of every open incident of the organization
-- through the incident_alerts index, which stays cheap while open incidents number in the
-- hundreds; an organization that never resolves incidents would need a stored alert count.

create or replace function aurora_private.attach_alert(
  p_alert monitoring_alerts,
  p_incident_id uuid,
  p_strategy correlation_strategy,
  p_score numeric,
  p_details jsonb,
  p_attached_by uuid default null
) returns void
  language plpgsql volatile
as $$
begin
  insert into public.incident_alerts (
    org_id, incident_id, alert_source, alert_id, strategy, score, details, attached_by
  )
  values (
    p_alert.org_id, p_incident_id, p_alert.source, p_alert.id, p_strategy,
    round(least(greatest(p_score, 0), 1), 4), p_details, p_attached_by
  );
  update public.incidents as incident
  set severity = least(incident.severity, p_alert.severity),
    service = coalesce(incident.service, p_alert.service),
    environment = coalesce(incident.environment, p_alert.environment),
    affected_services = case
      when p_alert.service is null or p_alert.service = any(incident.affected_services)
        then incident.affected_services
      else incident.affected_services || p_alert.service
    end,
    started_at = least(incident.started_at, aurora_private.alert_time(p_alert))
  where incident.org_id = p_alert.org_id and incident.id = p_incident_id;
end;
$$;
revoke all on function aurora_private.attach_alert(
  monitoring_alerts, uuid, correlation_strategy, numeric, jsonb, uuid
) from public;
grant execute on function aurora_private.attach_alert(
  monitoring_alerts, uuid, correlation_strategy, numeric, jsonb, uuid
) to :AURORA_APP;
comment on function aurora_private.attach_alert(
  monitoring_alerts, uuid, correlation_strategy, numeric, jsonb, uuid
) is
  'Records an alert in incident_alerts and widens the incident to it: the most severe '
  'severity, the service and environment when the incident had none, the service added to '
  'affected_services, and the earlier start.';

create or replace function aurora_private.open_incident_for_alert(p_alert monitoring_alerts)
  returns uuid
  language plpgsql volatile
as $$
declare
  opened_id uuid;
begin
  insert into public.incidents (
    org_id, title, description, severity, source, source_alert_id, service, affected_services,
    environment, started_at
  )
  values (
    p_alert.org_id, p_alert.title, p_alert.description, p_alert.severity, p_alert.source,
    p_alert.id, p_alert.service,
    case when p_alert.service is null then '{}'::text[] else array[p_alert.service] end,
    p_alert.environment, aurora_private.alert_time(p_alert)
  )
  returning id into opened_id;
  return opened_id;
end;
$$;
revoke all on function aurora_private.open_incident_for_alert(monitoring_alerts) from public;
grant execute on function aurora_private.open_incident_for_alert(monitoring_alerts)
  to :AURORA_APP;
comment on function aurora_private.open_incident_for_alert(monitoring_alerts) is
  'Opens an incident (investigating, analysis idle) from an alert: its title, description, '
  'severity, service and environment, started at the alert''s time. Returns the incident id.';

create or replace function aurora_private.correlate_alert(
  p_alert monitoring_alerts,
  p_settings jsonb,
  out action text,
  out incident_id uuid,
  out strategy correlation_strategy,
  out score numeric,
  out is_incident_resolved boolean
)
  language plpgsql volatile
as $$
declare
  fit record;
begin
  is_incident_resolved := false;
  incident_id := aurora_private.current_incident_of_alert(p_alert.source, p_alert.id);
  if incident_id is not null then
    action := 'stored';
    if p_alert.state = 'firing' and aurora_private.reopen_incident(incident_id) then
      action := 'reopened';
    elsif p_alert.state = 'resolved' then
      is_incident_resolved := aurora_private.resolve_incident_if_cleared(incident_id);
    end if;
    return;
  end if;

  incident_id := aurora_private.open_incident_with_fingerprint(p_alert, p_settings);
  if incident_id is not null then
    select * into fit
    from aurora_private.score_incidents(p_alert, array[incident_id], p_settings);
    strategy := case
      when fit.is_service_match then 'service_match'
      when fit.is_service_absent then 'time_window'
      else 'semantic'
    end;
    score := 1;
    perform aurora_private.attach_alert(p_alert, incident_id, strategy, score,
      fit.details || jsonb_build_object(
        'rule', 'fingerprint',
        'matched', fit.details -> 'matched' || '["fingerprint"]'::jsonb,
        'reasons', '["same source and fingerprint as an alert of the incident"]'::jsonb
          || (fit.details -> 'reasons')));
    action := 'joined';
    if p_alert.state = 'resolved' then
      is_incident_resolved := aurora_private.resolve_incident_if_cleared(incident_id);
    end if;
    return;
  end if;

  if p_alert.state = 'resolved' then
    action := 'stored';
    return;
  end if;

  select * into fit from aurora_private.best_open_incident(p_alert, p_settings);
  if fit.incident_id is not null then
    incident_id := fit.incident_id;
    strategy := fit.strategy;
    score := fit.score;
    perform aurora_private.attach_alert(p_alert, incident_id, strategy, score, fit.details);
    action := 'joined';
    return;
  end if;

  incident_id := aurora_private.open_incident_for_alert(p_alert);
  action := 'opened';
end;
$$;
revoke all on function aurora_private.correlate_alert(monitoring_alerts, jsonb) from public;
grant execute on function aurora_private.correlate_alert(monitoring_alerts, jsonb)
  to :AURORA_APP;
comment on function aurora_private.correlate_alert(monitoring_alerts, jsonb) is
  'Applies the correlation rules to one stored alert (see correlate_alerts) and returns the '
  'action taken (opened, joined, reopened or stored), the incident, the strategy and score of '
  'a join, and whether the incident was resolved by it.';

create or replace function correlate_alerts(
  p_source monitoring_source,
  p_alert_ids bigint[],
  p_settings jsonb default '{}'
) returns table (
  alert_id bigint,
  action text,
  incident_id uuid,
  strategy correlation_strategy,
  score numeric,
  is_incident_resolved boolean
)
  language plpgsql volatile
as $$
#variable_conflict use_column
declare
  context_org_id uuid := current_org_id();
  settings jsonb := aurora_private.correlation_settings(p_settings);
  alert monitoring_alerts;
  outcome record;
begin
  if context_org_id is null then
    raise exception using
      errcode = 'AU001',
      message = 'correlate_alerts needs an organization in context (aurora.org_id)',
      hint = 'Call it inside a transaction that set aurora.org_id with set_config.';
  end if;
  -- One correlation per organization at a time, so that two batches arriving together cannot
  -- both open an incident for the same problem.
  perform pg_advisory_xact_lock(
    hashtextextended('aurora.correlate_alerts/' || context_org_id::text, 0));
  for alert in
    select *
    from public.monitoring_alerts as stored
    where stored.org_id = context_org_id
      and stored.source = p_source
      and stored.id = any(p_alert_ids)
    order by aurora_private.alert_time(stored), stored.id
  loop
    outcome := aurora_private.correlate_alert(alert, settings);
    alert_id := alert.id;
    action := outcome.action;
    incident_id := outcome.incident_id;
    strategy := outcome.strategy;
    score := outcome.score;
    is_incident_resolved := outcome.is_incident_resolved;
    return next;
  end loop;
end;
$$;
revoke all on function correlate_alerts(monitoring_source, bigint[], jsonb) from public;
grant execute on function correlate_alerts(monitoring_source, bigint[], jsonb) to :AURORA_APP;
comment on function correlate_alerts(monitoring_source, bigint[], jsonb) is
  'Correlates stored alerts of one source into incidents, in order of their time (starts_at, '
  'else received_at), and returns one row per alert: action opened (a new incident), joined '
  '(attached to an open incident with strategy and score), reopened (its resolved incident '
  'fires again) or stored (nothing changed), the incident, and whether the alert resolved its '
  'incident. Ids that the organization in context cannot see are skipped. Runs with the '
  'caller''s row-level security and raises AU001 without an organization in context. '
  'p_settings overrides the defaults listed on aurora_private.correlation_settings(). The '
  'rules are described in the migration that creates this function.';

create or replace function merge_incidents(p_from uuid, p_into uuid)
  returns integer
  language plpgsql volatile
as $$
declare
  context_org_id uuid := current_org_id();
  source_incident public.incidents;
  target_incident public.incidents;
  moved integer;
begin
  if context_org_id is null then
    raise exception using
      errcode = 'AU001',
      message = 'merge_incidents needs an organization in context (aurora.org_id)';
  end if;
  if p_from = p_into then
    raise exception using
      errcode = 'AU002',
      message = format('incident %s cannot be merged into itself', p_from);
  end if;
  -- Locks both rows in id order, so that two opposite merges cannot deadlock.
  perform 1 from public.incidents as incident
  where incident.org_id = context_org_id and incident.id in (p_from, p_into)
  order by incident.id
  for update;
  select * into source_incident from public.incidents as incident
  where incident.org_id = context_org_id and incident.id = p_from;
  select * into target_incident from public.incidents as incident
  where incident.org_id = context_org_id and incident.id = p_into;
  perform aurora_private.check_merge(p_from, p_into, source_incident, target_incident);

  moved := aurora_private.move_merged_alerts(source_incident, p_into);
  update public.incidents as incident
  set severity = least(incident.severity, source_incident.severity),
    service = coalesce(incident.service, source_incident.service),
    environment = coalesce(incident.environment, source_incident.environment),
    affected_services = array(
      select distinct service
      from unnest(incident.affected_services || source_incident.affected_services) as service
      order by service
    ),
    started_at = least(incident.started_at, source_incident.started_at)
  where incident.org_id = context_org_id and incident.id = p_into;
  if exists (
    select from aurora_private.incident_member_alerts(p_into) as member
    where member.state = 'firing'
  ) then
    perform aurora_private.reopen_incident(p_into);
  end if;
  update public.incidents as incident
  set status = 'merged', merged_into_id = p_into
  where incident.org_id = context_org_id and incident.id = p_from;
  return moved;
end;
$$;
revoke all on function merge_incidents(uuid, uuid) from public;
grant execute on function merge_incidents(uuid, uuid) to :AURORA_APP;
comment on function merge_incidents(uuid, uuid) is
  'Merges incident p_from into p_into by hand: moves every alert of p_from (the one that '
  'opened it included) to p_into with strategy manual, score 1 and details {mergedFrom, '
  'previousStrategy, previousScore, reasons}, widens p_into (severity, services, start), '
  'reopens it when it was resolved and now has a firing alert, and sets p_from to merged. '
  'Returns the number of alerts moved. The alert cap of correlation does not apply. Raises '
  'AU004 when either incident is not found, AU002 when p_from is already merged, p_into is '
  'merged or they are the same incident, and AU001 without an organization in context.';

create or replace function aurora_private.check_merge(
  p_from uuid,
  p_into uuid,
  p_source_incident public.incidents,
  p_target_incident public.incidents
) returns void
  language plpgsql stable
as $$
begin
  if p_source_incident.id is null or p_target_incident.id is null then
    raise exception using
      errcode = 'AU004',
      message = format('incident %s not found',
        case when p_source_incident.id is null then p_from else p_into end),
      hint = 'Check the id and the organization.';
  end if;
  if p_source_incident.status = 'merged' then
    raise exception using
      errcode = 'AU002',
      message = format('incident %s is already merged into %s',
        p_from, p_source_incident.merged_into_id);
  end if;
  if p_target_incident.status = 'merged' then
    raise exception using
      errcode = 'AU002',
      message = format('incident %s cannot be merged into %s, which is merged into %s',
        p_from, p_into, p_target_incident.merged_into_id),
      hint = format('Merge into %s instead.', p_target_incident.merged_into_id);
  end if;
end;
$$;
revoke all on function aurora_private.check_merge(uuid, uuid, public.incidents, public.incidents)
  from public;
grant execute on function aurora_private.check_merge(
  uuid, uuid, public.incidents, public.incidents
) to :AURORA_APP;
comment on function aurora_private.check_merge(uuid, uuid, public.incidents, public.incidents) is
  'Raises AU004 when either incident of a merge is missing (a NULL id) and AU002 when the '
  'source is already merged or the target is merged.';

create or replace function aurora_private.move_merged_alerts(
  p_source_incident public.incidents,
  p_into uuid
) returns integer
  language plpgsql volatile
as $$
declare
  moved integer;
  opener_moved integer;
begin
  update public.incident_alerts as attached
  set incident_id = p_into,
    strategy = 'manual',
    score = 1,
    details = jsonb_build_object(
      'mergedFrom', p_source_incident.id,
      'previousStrategy', attached.strategy,
      'previousScore', attached.score,
      'reasons', jsonb_build_array(format('merged by hand from incident %s',
        p_source_incident.id))
    ),
    attached_by = current_user_id(),
    attached_at = now()
  where attached.org_id = p_source_incident.org_id
    and attached.incident_id = p_source_incident.id;
  get diagnostics moved = row_count;

  insert into public.incident_alerts (
    org_id, incident_id, alert_source, alert_id, strategy, score, details, attached_by
  )
  select p_source_incident.org_id, p_into, p_source_incident.source,
    p_source_incident.source_alert_id, 'manual', 1,
    jsonb_build_object('mergedFrom', p_source_incident.id, 'openedMergedIncident', true,
      'reasons', jsonb_build_array(format('opened incident %s, which was merged by hand',
        p_source_incident.id))),
    current_user_id()
  where p_source_incident.source_alert_id is not null
  on conflict do nothing;
  get diagnostics opener_moved = row_count;
  return moved + opener_moved;
end;
$$;
revoke all on function aurora_private.move_merged_alerts(public.incidents, uuid) from public;
grant execute on function aurora_private.move_merged_alerts(public.incidents, uuid)
  to :AURORA_APP;
comment on function aurora_private.move_merged_alerts(public.incidents, uuid) is
  'Moves the alerts of a merged incident, the one that opened it included, to the target '
  'incident with strategy manual and score 1. Returns how many it moved.';
