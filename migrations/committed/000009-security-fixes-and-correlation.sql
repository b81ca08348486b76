--! Previous: sha1:c284551ec432b404186d687123ae34f1a60c8953
--! Hash: sha1:8f5f5db6c7c3baf2824dd1e8d22c06f4291c9c85
--! Message: security fixes and correlation

--! split: 1-security-fixes.sql
-- Security fixes to the committed schema.
--
-- users: the app role holds update (email, display_name) on users, a global table without
-- row-level security, so a request in any organization's context could change the sign-in
-- address of any user, including users who belong only to other organizations, and take over
-- their accounts. Row-level security on users keeps every row readable to the app role (login
-- looks users up before a tenant context exists) and lets it update only the user in
-- aurora.user_id. It is enabled, not forced: register_user(), authenticate() and
-- change_password() run as the owner and still reach every row, and the maintenance role
-- bypasses it.

alter table users enable row level security;
drop policy if exists select_all on users;
create policy select_all on users for select to :AURORA_APP
  using (true);
drop policy if exists update_own_user on users;
create policy update_own_user on users for update to :AURORA_APP
  using (id = (select current_user_id()))
  with check (id = (select current_user_id()));
comment on table users is
  'People who sign in. Global: the app role reads every row, except the password_hash column, '
  'so queries must name their columns (select * and returning * fail). Row-level security lets '
  'the app role update only the user in aurora.user_id; the owner role, which the '
  'security definer functions run as, is not subject to it.';

--! split: 2-correlation.sql
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
--      services, or when neither names a service. dt is the gap in seconds between the alert
--      and the time span of the incident's alerts (0 when the alert lies inside it), and the
--      similarity is the highest against the incident's title and the last 10 distinct titles
--      (and titles with descriptions) of its alerts, both kept on the incident row. It joins
--      when dt <= window_seconds and score >= score_threshold, with strategy service_match, or
--      time_window when neither side names a service.
--   4. Otherwise a firing alert without a service match joins the open incident whose title
--      or last 10 distinct alert titles are most similar, when that trigram similarity is at
--      least semantic_threshold and dt <= semantic_window_seconds (strategy semantic, score =
--      that similarity).
--   5. Otherwise a firing alert opens an incident, and a resolved alert is only stored.
-- An incident holds at most max_alerts_per_incident alerts; a full incident takes no more, so
-- the alert goes on to the next rule and may open a new incident. Every join records its
-- strategy, score and reasons (the parts of the score, the gap, the matched fields) in
-- incident_alerts.details. Correlation takes a transaction-level advisory lock per
-- organization, so two batches of one organization are correlated one after the other.
--
-- A batch whose alerts are all new to incidents and share no fingerprint with another firing
-- alert (the usual webhook body) is correlated in memory by correlate_in_memory() and written
-- with three statements. Any other batch goes alert by alert through correlate_alert(). Both
-- paths apply the same rules to the same incident rows, so a batch gets the same incidents
-- and attachments either way. The tests in test/ingest-store run through both.
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

-- Alert bookkeeping on incidents: what correlation needs to know about an incident's alerts,
-- kept on the incident row so that scoring an incident reads one row instead of its alerts.
--   alert_count: rows of incident_alerts for the incident, plus one while source_alert_id is
--     set. Triggers keep it exact through every insert, move and delete of incident_alerts
--     (correlation, merges, retention, services) and every change of source_alert_id.
--   first_alert_at, last_alert_at: the earliest and latest time (starts_at, else received_at)
--     of the incident's alerts.
--   alert_titles, alert_texts: up to 10 distinct titles, and titles with descriptions, of the
--     incident's alerts, the most recently added first.
-- The trigger on incident_alerts widens the time span and the text lists on every insert or
-- move of a row, but deleting an alert narrows neither.
-- NOTE: after retention deletes alerts of an incident, its time span and text lists still
-- include them until merge_incidents() or refresh_incident_bookkeeping() recomputes them.
-- Rows created before these columns existed have a NULL alert_count; correlate_alerts()
-- computes their bookkeeping when it finds them open.
alter table incidents add column if not exists alert_count integer;
alter table incidents add column if not exists first_alert_at timestamptz;
alter table incidents add column if not exists last_alert_at timestamptz;
alter table incidents add column if not exists alert_titles text[] not null default '{}';
alter table incidents add column if not exists alert_texts text[] not null default '{}';
comment on column incidents.alert_count is
  'Number of alerts of the incident: its rows in incident_alerts plus one while '
  'source_alert_id is set. Kept by triggers; NULL for rows created before the column existed.';
comment on column incidents.first_alert_at is
  'Earliest time (starts_at, else received_at) of the incident''s alerts, for correlation.';
comment on column incidents.last_alert_at is
  'Latest time (starts_at, else received_at) of the incident''s alerts, for correlation.';
comment on column incidents.alert_titles is
  'Up to 10 distinct titles of the incident''s alerts, most recently added first, for the '
  'trigram similarity of correlation.';
comment on column incidents.alert_texts is
  'Up to 10 distinct texts (title and description) of the incident''s alerts, most recently '
  'added first, for the trigram similarity of correlation.';
-- Retention deletes incident_alerts rows as the maintenance role, and the trigger below then
-- decrements alert_count.
grant update (alert_count) on incidents to :AURORA_MAINTENANCE;

create or replace function aurora_private.with_recent_text(p_texts text[], p_text text)
  returns text[]
  language sql immutable
as $$
  select case
    when p_text is null or p_text = any(p_texts) then p_texts
    else (array[p_text] || p_texts)[1:10]
  end
$$;
revoke all on function aurora_private.with_recent_text(text[], text) from public;
grant execute on function aurora_private.with_recent_text(text[], text)
  to :AURORA_APP, :AURORA_MAINTENANCE;
comment on function aurora_private.with_recent_text(text[], text) is
  'Returns p_texts with p_text added first unless it is NULL or already there, keeping the '
  'first 10 elements.';

create or replace function aurora_private.alert_text(p_title text, p_description text)
  returns text
  language sql immutable
as $$
  select concat_ws(' ', p_title, p_description)
$$;
revoke all on function aurora_private.alert_text(text, text) from public;
grant execute on function aurora_private.alert_text(text, text)
  to :AURORA_APP, :AURORA_MAINTENANCE;
comment on function aurora_private.alert_text(text, text) is
  'Returns the text of an alert that correlation compares by trigram similarity: the title '
  'and the description, separated by a space.';

create or replace function aurora_private.tg_incidents__count_opening_alert()
  returns trigger
  language plpgsql
as $$
begin
  if tg_op = 'INSERT' then
    new.alert_count := (new.source_alert_id is not null)::integer;
  elsif old.alert_count is not null then
    new.alert_count := old.alert_count + (new.source_alert_id is not null)::integer
      - (old.source_alert_id is not null)::integer;
  end if;
  return new;
end;
$$;
comment on function aurora_private.tg_incidents__count_opening_alert() is
  'Trigger function (before insert or update of source_alert_id on incidents): sets '
  'alert_count on insert to 1 with an opening alert, else 0, and adjusts it when '
  'source_alert_id is set or cleared.';
create or replace trigger _300_count_opening_alert
  before insert or update of source_alert_id on incidents
  for each row execute function aurora_private.tg_incidents__count_opening_alert();

create or replace function aurora_private.with_recent_texts(p_texts text[], p_added text[])
  returns text[]
  language plpgsql immutable
as $$
declare
  texts text[] := p_texts;
  added_index integer;
begin
  -- p_added is newest first, so adding from its end leaves the newest text first.
  for added_index in reverse coalesce(array_upper(p_added, 1), 0) .. 1 loop
    texts := aurora_private.with_recent_text(texts, p_added[added_index]);
  end loop;
  return texts;
end;
$$;
revoke all on function aurora_private.with_recent_texts(text[], text[]) from public;
grant execute on function aurora_private.with_recent_texts(text[], text[])
  to :AURORA_APP, :AURORA_MAINTENANCE;
comment on function aurora_private.with_recent_texts(text[], text[]) is
  'Returns p_texts with each text of p_added (newest first) added as with_recent_text adds it.';

create or replace function aurora_private.tg_incidents__keep_updated_at_for_bookkeeping()
  returns trigger
  language plpgsql
as $$
declare
  bookkeeping constant text[] := array[
    'alert_count', 'first_alert_at', 'last_alert_at', 'alert_titles', 'alert_texts', 'updated_at'
  ];
begin
  if to_jsonb(new) - bookkeeping = to_jsonb(old) - bookkeeping then
    new.updated_at := old.updated_at;
  end if;
  return new;
end;
$$;
comment on function aurora_private.tg_incidents__keep_updated_at_for_bookkeeping() is
  'Trigger function (before update on incidents, after _100_set_updated_at): keeps '
  'updated_at when an update changes only the alert bookkeeping columns, which are derived '
  'from incident_alerts, so that attaching alerts through a restore or an import leaves the '
  'restored updated_at as it was.';
create or replace trigger _110_keep_updated_at_for_bookkeeping
  before update on incidents
  for each row execute function aurora_private.tg_incidents__keep_updated_at_for_bookkeeping();

create or replace function aurora_private.tg_incident_alerts__track_incidents()
  returns trigger
  language plpgsql
as $$
begin
  if tg_op in ('DELETE', 'UPDATE') then
    update public.incidents as incident
    set alert_count = incident.alert_count - removed.alert_count
    from (
      select old_row.org_id, old_row.incident_id, count(*)::integer as alert_count
      from old_rows as old_row
      group by old_row.org_id, old_row.incident_id
    ) as removed
    where incident.org_id = removed.org_id and incident.id = removed.incident_id
      and incident.alert_count is not null;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    update public.incidents as incident
    set alert_count = incident.alert_count + added.alert_count,
      first_alert_at = least(incident.first_alert_at, added.first_alert_at),
      last_alert_at = greatest(incident.last_alert_at, added.last_alert_at),
      alert_titles = aurora_private.with_recent_texts(incident.alert_titles, added.titles),
      alert_texts = aurora_private.with_recent_texts(incident.alert_texts, added.texts)
    from (
      select new_row.org_id, new_row.incident_id, count(*)::integer as alert_count,
        min(member.alert_time) as first_alert_at,
        max(member.alert_time) as last_alert_at,
        array_agg(member.title order by member.alert_time desc, new_row.id desc) as titles,
        array_agg(aurora_private.alert_text(member.title, member.description)
          order by member.alert_time desc, new_row.id desc) as texts
      from new_rows as new_row
      left join lateral (
        -- The limit keeps this a lookup by primary key for each row: without it the planner
        -- may join new_rows to every alert of the organization.
        select alert.title, alert.description,
          coalesce(alert.starts_at, alert.received_at) as alert_time
        from public.monitoring_alerts as alert
        where alert.org_id = new_row.org_id and alert.source = new_row.alert_source
          and alert.id = new_row.alert_id
        limit 1
      ) as member on true
      group by new_row.org_id, new_row.incident_id
    ) as added
    where incident.org_id = added.org_id and incident.id = added.incident_id;
  end if;
  return null;
end;
$$;
comment on function aurora_private.tg_incident_alerts__track_incidents() is
  'Trigger function (after insert, update or delete on incident_alerts, per statement, '
  'transition tables old_rows and new_rows): keeps incidents.alert_count exact and widens '
  'the time span and text lists of the incidents that alerts join. Runs as the caller, so '
  'the maintenance role needs update (alert_count) on incidents for retention.';
create or replace trigger _600_track_incidents_on_insert
  after insert on incident_alerts
  referencing new table as new_rows
  for each statement execute function aurora_private.tg_incident_alerts__track_incidents();
create or replace trigger _600_track_incidents_on_update
  after update on incident_alerts
  referencing old table as old_rows new table as new_rows
  for each statement execute function aurora_private.tg_incident_alerts__track_incidents();
create or replace trigger _600_track_incidents_on_delete
  after delete on incident_alerts
  referencing old table as old_rows
  for each statement execute function aurora_private.tg_incident_alerts__track_incidents();

create or replace function aurora_private.refresh_incident_bookkeeping(p_incident_ids uuid[])
  returns void
  language plpgsql volatile
as $$
begin
  update public.incidents as incident
  set alert_count = summary.alert_count,
    first_alert_at = summary.first_alert_at,
    last_alert_at = summary.last_alert_at,
    alert_titles = summary.alert_titles,
    alert_texts = summary.alert_texts
  from public.incidents as target
  cross join lateral (
    select
      (
        select count(*)
        from public.incident_alerts as attached
        where attached.org_id = target.org_id and attached.incident_id = target.id
      )::integer + (target.source_alert_id is not null)::integer as alert_count,
      min(member.alert_time) as first_alert_at,
      max(member.alert_time) as last_alert_at,
      coalesce(array(
        select recent.title
        from aurora_private.incident_member_alerts(target.id) as recent
        group by recent.title
        order by max(coalesce(recent.starts_at, recent.received_at)) desc, recent.title
        limit 10
      ), '{}') as alert_titles,
      coalesce(array(
        select aurora_private.alert_text(recent.title, recent.description)
        from aurora_private.incident_member_alerts(target.id) as recent
        group by 1
        order by max(coalesce(recent.starts_at, recent.received_at)) desc, 1
        limit 10
      ), '{}') as alert_texts
    from (
      select coalesce(alert.starts_at, alert.received_at) as alert_time
      from aurora_private.incident_member_alerts(target.id) as alert
    ) as member
  ) as summary
  where target.org_id = (select current_org_id()) and target.id = any(p_incident_ids)
    and incident.org_id = target.org_id and incident.id = target.id;
end;
$$;
revoke all on function aurora_private.refresh_incident_bookkeeping(uuid[]) from public;
grant execute on function aurora_private.refresh_incident_bookkeeping(uuid[]) to :AURORA_APP;
comment on function aurora_private.refresh_incident_bookkeeping(uuid[]) is
  'Recomputes alert_count, first_alert_at, last_alert_at, alert_titles and alert_texts of the '
  'given incidents of the organization in context from their alerts.';

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
drop function if exists aurora_private.candidate_fit(monitoring_alerts, public.incidents, jsonb);
drop function if exists aurora_private.candidate_fit(
  monitoring_alerts, public.incidents, jsonb, boolean
);
create function aurora_private.candidate_fit(
  p_alert monitoring_alerts,
  p_incident public.incidents,
  p_settings jsonb,
  p_with_details boolean,
  out member_count bigint,
  out delta_seconds numeric,
  out is_service_match boolean,
  out is_service_absent boolean,
  out title_similarity numeric,
  out service_score numeric,
  out time_score numeric,
  out similarity_score numeric,
  out weighted_score numeric,
  out details jsonb
)
  language plpgsql stable
as $$
declare
  alert_time timestamptz := coalesce(p_alert.starts_at, p_alert.received_at);
  alert_text text := concat_ws(' ', p_alert.title, p_alert.description);
  known text;
  best_title_similarity real;
  best_text_similarity real := 0;
begin
  member_count := coalesce(p_incident.alert_count,
    aurora_private.incident_alert_count(p_incident.id));
  if p_incident.first_alert_at is null then
    delta_seconds := round(abs(extract(epoch from p_incident.started_at - alert_time)), 3);
  else
    delta_seconds := round(greatest(0,
      extract(epoch from p_incident.first_alert_at - alert_time),
      extract(epoch from alert_time - p_incident.last_alert_at)), 3);
  end if;
  -- NULL, as in SQL, when the alert names a service and the incident names none.
  is_service_match := p_alert.service is not null
    and lower(p_alert.service) = lower(p_incident.service);
  if p_alert.service is not null and not coalesce(is_service_match, false) then
    foreach known in array p_incident.affected_services loop
      if lower(known) = lower(p_alert.service) then
        is_service_match := true;
        exit;
      end if;
    end loop;
  end if;
  is_service_absent := p_alert.service is null and p_incident.service is null
    and cardinality(p_incident.affected_services) = 0;
  best_title_similarity := public.similarity(p_alert.title, p_incident.title);
  foreach known in array p_incident.alert_titles loop
    best_title_similarity := greatest(best_title_similarity,
      public.similarity(p_alert.title, known));
  end loop;
  foreach known in array p_incident.alert_texts loop
    best_text_similarity := greatest(best_text_similarity, public.similarity(alert_text, known));
  end loop;
  title_similarity := round(best_title_similarity::numeric, 4);
  service_score := (is_service_match or is_service_absent)::integer::numeric;
  time_score := round(greatest(0,
    1 - delta_seconds / (p_settings ->> 'window_seconds')::numeric), 4);
  similarity_score := greatest(title_similarity, round(best_text_similarity::numeric, 4));
  weighted_score := round((p_settings ->> 'service_weight')::numeric * service_score
    + (p_settings ->> 'time_weight')::numeric * time_score
    + (p_settings ->> 'similarity_weight')::numeric * similarity_score, 4);
  if not p_with_details then
    return;
  end if;
  details := jsonb_strip_nulls(jsonb_build_object(
    'scores', jsonb_build_object('service', service_score,
      'time', time_score, 'similarity', similarity_score),
    'weights', jsonb_build_object(
      'service', (p_settings ->> 'service_weight')::numeric,
      'time', (p_settings ->> 'time_weight')::numeric,
      'similarity', (p_settings ->> 'similarity_weight')::numeric),
    'weightedScore', weighted_score,
    'timeDeltaSeconds', delta_seconds,
    'titleSimilarity', title_similarity,
    'matchedService', case when is_service_match then p_alert.service end,
    'matched', to_jsonb(array_remove(array[
      case when is_service_match then 'service' end,
      case when delta_seconds <= (p_settings ->> 'window_seconds')::numeric
        then 'time' end,
      case when title_similarity >= (p_settings ->> 'semantic_threshold')::numeric
        then 'title' end
    ], null)),
    'reasons', to_jsonb(array_remove(array[
      case when is_service_match then format('same service %s', p_alert.service) end,
      case when is_service_absent
        then 'neither the alert nor the incident names a service' end,
      format('%s s from the time span of the incident''s alerts', round(delta_seconds)),
      format('title similarity %s', round(title_similarity, 2))
    ], null))
  ));
end;
$$;
revoke all on function aurora_private.candidate_fit(
  monitoring_alerts, public.incidents, jsonb, boolean
) from public;
grant execute on function aurora_private.candidate_fit(
  monitoring_alerts, public.incidents, jsonb, boolean
) to :AURORA_APP;
comment on function aurora_private.candidate_fit(
  monitoring_alerts, public.incidents, jsonb, boolean
) is
  'Returns the parts of the score of an alert against one incident row: its alert count, the '
  'gap in seconds between the alert and the time span of the incident''s alerts, whether the '
  'services match or are both absent, the trigram similarity of titles, the service, time and '
  'similarity scores, the weighted score and, with p_with_details, the reasons as the JSONB '
  'of incident_alerts.details (NULL without).';

-- Dropped first because create or replace cannot change the columns a function returns.
drop function if exists aurora_private.score_incident(monitoring_alerts, uuid, jsonb);
drop function if exists aurora_private.score_incidents(monitoring_alerts, uuid[], jsonb);
drop function if exists aurora_private.score_candidates(
  monitoring_alerts, public.incidents[], jsonb
);
create function aurora_private.score_candidates(
  p_alert monitoring_alerts,
  p_candidates public.incidents[],
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
declare
  candidate public.incidents;
  fit record;
begin
  foreach candidate in array p_candidates loop
    fit := aurora_private.candidate_fit(p_alert, candidate, p_settings, true);
    incident_id := candidate.id;
    started_at := candidate.started_at;
    member_count := fit.member_count;
    delta_seconds := fit.delta_seconds;
    is_service_match := fit.is_service_match;
    is_service_absent := fit.is_service_absent;
    title_similarity := fit.title_similarity;
    weighted_score := fit.weighted_score;
    details := fit.details;
    return next;
  end loop;
end;
$$;
revoke all on function aurora_private.score_candidates(
  monitoring_alerts, public.incidents[], jsonb
) from public;
grant execute on function aurora_private.score_candidates(
  monitoring_alerts, public.incidents[], jsonb
) to :AURORA_APP;
comment on function aurora_private.score_candidates(
  monitoring_alerts, public.incidents[], jsonb
) is
  'Returns how well an alert fits each given incident row: its alert count, the gap in '
  'seconds between the alert and the time span of the incident''s alerts, whether the '
  'services match or are '
  'both absent, the trigram similarity of titles, the weighted score, and the reasons as the '
  'JSONB of incident_alerts.details: scores and weights by part (service, time, '
  'similarity), weightedScore, timeDeltaSeconds, titleSimilarity, matchedService, matched '
  '(service, time, title) and reasons in words. Reads only the rows it is given, so it also '
  'scores incidents that correlate_alerts() holds in memory.';

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
      and coalesce(incident.alert_count, aurora_private.incident_alert_count(incident.id))
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
drop function if exists aurora_private.best_candidate(monitoring_alerts, public.incidents[], jsonb);
create function aurora_private.best_candidate(
  p_alert monitoring_alerts,
  p_candidates public.incidents[],
  p_settings jsonb,
  out incident_id uuid,
  out strategy correlation_strategy,
  out score numeric,
  out details jsonb
)
  language plpgsql stable
as $$
declare
  latest_start timestamptz := aurora_private.alert_time(p_alert)
    + make_interval(secs => (p_settings ->> 'semantic_window_seconds')::float8);
  max_alerts numeric := (p_settings ->> 'max_alerts_per_incident')::numeric;
  max_candidates integer := (p_settings ->> 'max_candidates')::numeric::integer;
  window_seconds numeric := (p_settings ->> 'window_seconds')::numeric;
  score_threshold numeric := (p_settings ->> 'score_threshold')::numeric;
  semantic_window_seconds numeric := (p_settings ->> 'semantic_window_seconds')::numeric;
  semantic_threshold numeric := (p_settings ->> 'semantic_threshold')::numeric;
  scorable public.incidents[] := '{}';
  candidate public.incidents;
  best public.incidents;
  fit record;
  rule_rank integer;
  candidate_score numeric;
  best_rank integer;
  best_score numeric;
  is_best_service_match boolean;
begin
  foreach candidate in array p_candidates loop
    if candidate.status in ('investigating', 'analyzed')
      and candidate.started_at <= latest_start
      and coalesce(candidate.alert_count, aurora_private.incident_alert_count(candidate.id))
        < max_alerts
    then
      scorable := scorable || candidate;
    end if;
  end loop;
  if cardinality(scorable) > max_candidates then
    scorable := array(
      select recent
      from unnest(scorable) as recent
      order by recent.started_at desc, recent.id desc
      limit max_candidates
    );
  end if;

  -- Rule 3 (score) outranks rule 4 (semantic). Within a rule the higher score wins, then the
  -- later start, then the greater id.
  foreach candidate in array scorable loop
    fit := aurora_private.candidate_fit(p_alert, candidate, p_settings, false);
    rule_rank := null;
    if (fit.is_service_match or fit.is_service_absent)
      and fit.delta_seconds <= window_seconds
      and fit.weighted_score >= score_threshold
    then
      rule_rank := 1;
      candidate_score := fit.weighted_score;
    elsif not fit.is_service_match
      and fit.title_similarity >= semantic_threshold
      and fit.delta_seconds <= semantic_window_seconds
    then
      rule_rank := 2;
      candidate_score := fit.title_similarity;
    end if;
    if rule_rank is not null and (
      best_rank is null
      or rule_rank < best_rank
      or (rule_rank = best_rank and (candidate_score > best_score
        or (candidate_score = best_score and (candidate.started_at > best.started_at
          or (candidate.started_at = best.started_at and candidate.id > best.id)))))
    ) then
      best := candidate;
      best_rank := rule_rank;
      best_score := candidate_score;
      is_best_service_match := fit.is_service_match;
    end if;
  end loop;
  if best_rank is null then
    return;
  end if;

  incident_id := best.id;
  score := best_score;
  details := (aurora_private.candidate_fit(p_alert, best, p_settings, true)).details;
  if best_rank = 1 then
    strategy := case when is_best_service_match then 'service_match' else 'time_window' end;
    details := details || jsonb_build_object('rule', 'score', 'threshold', score_threshold,
      'windowSeconds', window_seconds);
  else
    strategy := 'semantic';
    details := details || jsonb_build_object('rule', 'semantic',
      'threshold', semantic_threshold, 'windowSeconds', semantic_window_seconds);
  end if;
end;
$$;
revoke all on function aurora_private.best_candidate(
  monitoring_alerts, public.incidents[], jsonb
) from public;
grant execute on function aurora_private.best_candidate(
  monitoring_alerts, public.incidents[], jsonb
) to :AURORA_APP;
comment on function aurora_private.best_candidate(monitoring_alerts, public.incidents[], jsonb) is
  'Returns the incident among p_candidates that a firing alert should join by score (strategy '
  'service_match or time_window) or, failing that, by title similarity (semantic), with the '
  'score and the reasons; NULLs when none qualifies. Scores the max_candidates most recently '
  'started open incidents of p_candidates that are not full.';

create or replace function aurora_private.best_open_incident(
  p_alert monitoring_alerts,
  p_settings jsonb,
  out incident_id uuid,
  out strategy correlation_strategy,
  out score numeric,
  out details jsonb
)
  language sql stable
as $$
  select best.*
  from aurora_private.best_candidate(p_alert, array(
    select incident
    from public.incidents as incident
    where incident.org_id = (select current_org_id())
      and incident.status in ('investigating', 'analyzed')
      and incident.started_at <= aurora_private.alert_time(p_alert)
        + make_interval(secs => (p_settings ->> 'semantic_window_seconds')::float8)
      and coalesce(incident.alert_count, aurora_private.incident_alert_count(incident.id))
        < (p_settings ->> 'max_alerts_per_incident')::numeric
    order by incident.started_at desc, incident.id desc
    limit (p_settings ->> 'max_candidates')::numeric::int
  ), p_settings) as best
$$;
revoke all on function aurora_private.best_open_incident(monitoring_alerts, jsonb) from public;
grant execute on function aurora_private.best_open_incident(monitoring_alerts, jsonb)
  to :AURORA_APP;
comment on function aurora_private.best_open_incident(monitoring_alerts, jsonb) is
  'Returns what best_candidate() returns for the max_candidates most recently started open '
  'incidents of the organization in context that are not full.';
-- NOTE: choosing the candidates reads every open incident started before the bound whose
-- alert_count reached the cap. correlate_alerts() does so once per batch on the in-memory path
-- and once per alert otherwise, so many full open incidents slow the second path most.

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
    environment, started_at, first_alert_at, last_alert_at, alert_titles, alert_texts
  )
  values (
    p_alert.org_id, p_alert.title, p_alert.description, p_alert.severity, p_alert.source,
    p_alert.id, p_alert.service,
    case when p_alert.service is null then '{}'::text[] else array[p_alert.service] end,
    p_alert.environment, aurora_private.alert_time(p_alert), aurora_private.alert_time(p_alert),
    aurora_private.alert_time(p_alert), array[p_alert.title],
    array[aurora_private.alert_text(p_alert.title, p_alert.description)]
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

-- Dropped first because the function gained two arguments.
drop function if exists aurora_private.correlate_alert(monitoring_alerts, jsonb);
create or replace function aurora_private.correlate_alert(
  p_alert monitoring_alerts,
  p_settings jsonb,
  p_may_belong boolean,
  p_may_have_sibling boolean,
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
  if p_may_belong then
    incident_id := aurora_private.current_incident_of_alert(p_alert.source, p_alert.id);
  end if;
  if incident_id is not null then
    action := 'stored';
    if p_alert.state = 'firing' and aurora_private.reopen_incident(incident_id) then
      action := 'reopened';
    elsif p_alert.state = 'resolved' then
      is_incident_resolved := aurora_private.resolve_incident_if_cleared(incident_id);
    end if;
    return;
  end if;

  if p_may_have_sibling then
    incident_id := aurora_private.open_incident_with_fingerprint(p_alert, p_settings);
  end if;
  if incident_id is not null then
    select * into fit
    from aurora_private.score_candidates(p_alert, array(
      select incident
      from public.incidents as incident
      where incident.org_id = p_alert.org_id and incident.id = correlate_alert.incident_id
    ), p_settings);
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
revoke all on function aurora_private.correlate_alert(monitoring_alerts, jsonb, boolean, boolean)
  from public;
grant execute on function aurora_private.correlate_alert(
  monitoring_alerts, jsonb, boolean, boolean
) to :AURORA_APP;
comment on function aurora_private.correlate_alert(monitoring_alerts, jsonb, boolean, boolean) is
  'Applies the correlation rules to one stored alert (see correlate_alerts) and returns the '
  'action taken (opened, joined, reopened or stored), the incident, the strategy and score of '
  'a join, and whether the incident was resolved by it. p_may_belong false skips the lookup '
  'of the alert''s own incident and p_may_have_sibling false the lookup of a firing alert with '
  'the same fingerprint; pass false only when the caller checked that none exists.';

-- Dropped first because create or replace cannot change the columns a function returns.
drop function if exists aurora_private.correlate_in_memory(
  monitoring_alerts[], jsonb, public.incidents[]
);
create function aurora_private.correlate_in_memory(
  p_alerts monitoring_alerts[],
  p_settings jsonb,
  p_candidates public.incidents[]
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
  candidates public.incidents[] := p_candidates;
  candidate_ids uuid[];
  candidate public.incidents;
  candidate_index integer;
  alert monitoring_alerts;
  alert_time timestamptz;
  fit record;
  opened_ids uuid[] := '{}';
  changed_ids uuid[] := '{}';
  attached_alert_ids bigint[] := '{}';
  attached_incident_ids uuid[] := '{}';
  attached_strategies correlation_strategy[] := '{}';
  attached_scores numeric[] := '{}';
  attached_details jsonb[] := '{}';
begin
  candidate_ids := array(select known.id from unnest(candidates) as known);
  foreach alert in array p_alerts loop
    alert_id := alert.id;
    incident_id := null;
    strategy := null;
    score := null;
    is_incident_resolved := false;
    if alert.state = 'resolved' then
      action := 'stored';
      return next;
      continue;
    end if;

    alert_time := aurora_private.alert_time(alert);
    select * into fit from aurora_private.best_candidate(alert, candidates, p_settings);
    if fit.incident_id is not null then
      -- The same widening as attach_alert() and the incident_alerts trigger, in memory.
      candidate_index := array_position(candidate_ids, fit.incident_id);
      candidate := candidates[candidate_index];
      candidate.severity := least(candidate.severity, alert.severity);
      candidate.service := coalesce(candidate.service, alert.service);
      candidate.environment := coalesce(candidate.environment, alert.environment);
      if alert.service is not null and not alert.service = any(candidate.affected_services) then
        candidate.affected_services := candidate.affected_services || alert.service;
      end if;
      candidate.started_at := least(candidate.started_at, alert_time);
      candidate.alert_count := candidate.alert_count + 1;
      candidate.first_alert_at := least(candidate.first_alert_at, alert_time);
      candidate.last_alert_at := greatest(candidate.last_alert_at, alert_time);
      candidate.alert_titles := aurora_private.with_recent_text(candidate.alert_titles,
        alert.title);
      candidate.alert_texts := aurora_private.with_recent_text(candidate.alert_texts,
        aurora_private.alert_text(alert.title, alert.description));
      candidates[candidate_index] := candidate;
      if not candidate.id = any(opened_ids) and not candidate.id = any(changed_ids) then
        changed_ids := changed_ids || candidate.id;
      end if;
      attached_alert_ids := attached_alert_ids || alert.id;
      attached_incident_ids := attached_incident_ids || candidate.id;
      attached_strategies := attached_strategies || fit.strategy;
      attached_scores := attached_scores || round(least(greatest(fit.score, 0), 1), 4);
      attached_details := attached_details || fit.details;
      action := 'joined';
      incident_id := fit.incident_id;
      strategy := fit.strategy;
      score := fit.score;
    else
      -- The same incident as open_incident_for_alert() inserts.
      candidate := null;
      candidate.org_id := alert.org_id;
      candidate.id := gen_random_uuid();
      candidate.title := alert.title;
      candidate.description := alert.description;
      candidate.status := 'investigating';
      candidate.analysis_status := 'idle';
      candidate.severity := alert.severity;
      candidate.source := alert.source;
      candidate.source_alert_id := alert.id;
      candidate.service := alert.service;
      candidate.affected_services := case
        when alert.service is null then '{}'::text[]
        else array[alert.service]
      end;
      candidate.environment := alert.environment;
      candidate.started_at := alert_time;
      candidate.alert_count := 1;
      candidate.first_alert_at := alert_time;
      candidate.last_alert_at := alert_time;
      candidate.alert_titles := array[alert.title];
      candidate.alert_texts := array[aurora_private.alert_text(alert.title, alert.description)];
      candidates := candidates || candidate;
      candidate_ids := candidate_ids || candidate.id;
      opened_ids := opened_ids || candidate.id;
      action := 'opened';
      incident_id := candidate.id;
    end if;
    return next;
  end loop;

  -- Writes the batch: new incidents, the widened ones, then the attachments, whose trigger
  -- adds them to alert_count (the other bookkeeping columns already include them).
  insert into public.incidents (
    org_id, id, title, description, severity, source, source_alert_id, service,
    affected_services, environment, started_at, first_alert_at, last_alert_at, alert_titles,
    alert_texts
  )
  select opened.org_id, opened.id, opened.title, opened.description, opened.severity,
    opened.source, opened.source_alert_id, opened.service, opened.affected_services,
    opened.environment, opened.started_at, opened.first_alert_at, opened.last_alert_at,
    opened.alert_titles, opened.alert_texts
  from unnest(candidates) as opened
  where opened.id = any(opened_ids);

  update public.incidents as incident
  set severity = changed.severity,
    service = changed.service,
    environment = changed.environment,
    affected_services = changed.affected_services,
    started_at = changed.started_at,
    first_alert_at = changed.first_alert_at,
    last_alert_at = changed.last_alert_at,
    alert_titles = changed.alert_titles,
    alert_texts = changed.alert_texts
  from unnest(candidates) as changed
  where changed.id = any(changed_ids)
    and incident.org_id = changed.org_id and incident.id = changed.id;

  insert into public.incident_alerts (
    org_id, incident_id, alert_source, alert_id, strategy, score, details
  )
  select (select current_org_id()), attached.incident_id, p_alerts[1].source,
    attached.alert_id, attached.strategy, attached.score, attached.details
  from unnest(attached_alert_ids, attached_incident_ids, attached_strategies, attached_scores,
    attached_details) with ordinality
    as attached (alert_id, incident_id, strategy, score, details, position)
  order by attached.position;
end;
$$;
revoke all on function aurora_private.correlate_in_memory(
  monitoring_alerts[], jsonb, public.incidents[]
) from public;
grant execute on function aurora_private.correlate_in_memory(
  monitoring_alerts[], jsonb, public.incidents[]
) to :AURORA_APP;
comment on function aurora_private.correlate_in_memory(
  monitoring_alerts[], jsonb, public.incidents[]
) is
  'Applies correlation rules 3 to 5 (see correlate_alerts) to alerts of one source, in the '
  'given order, against p_candidates and the incidents the batch opens, all held in memory, '
  'then writes the result with three statements. Valid only for alerts that belong to no '
  'incident and share no fingerprint with another firing alert, and when p_candidates '
  'contains every open incident, not full, that an alert of the batch could be scored against.';

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
  stale_incident_ids uuid[];
  member_alert_ids bigint[];
  sibling_alert_ids bigint[];
  batch monitoring_alerts[];
  candidates public.incidents[];
  candidate_limit integer := 4 * (settings ->> 'max_candidates')::numeric::integer;
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
  stale_incident_ids := array(
    select incident.id
    from public.incidents as incident
    where incident.org_id = context_org_id
      and incident.status in ('investigating', 'analyzed')
      and incident.alert_count is null
  );
  if cardinality(stale_incident_ids) > 0 then
    perform aurora_private.refresh_incident_bookkeeping(stale_incident_ids);
  end if;
  -- Looked up once for the batch: the alerts that already belong to an incident, and those
  -- that share source and fingerprint with another firing alert. Correlating one alert of the
  -- batch changes neither set for the others, because each alert appears once in a batch.
  member_alert_ids := array(
    select wanted.id
    from unnest(p_alert_ids) as wanted (id)
    where exists (
        select from public.incident_alerts as attached
        where attached.org_id = context_org_id and attached.alert_source = p_source
          and attached.alert_id = wanted.id
      )
      or exists (
        select from public.incidents as incident
        where incident.org_id = context_org_id and incident.source = p_source
          and incident.source_alert_id = wanted.id
      )
  );

  -- Each lookup below joins an unnested array laterally, so that every alert is one index
  -- probe. A plain "= any(array)" on the monitoring_alerts view was planned as a scan of all
  -- the organization's alerts on PostgreSQL 15.
  batch := array(
    select found.stored
    from unnest(p_alert_ids) as wanted (id)
    cross join lateral (
      select candidate_alert
      from public.monitoring_alerts as candidate_alert
      where candidate_alert.org_id = context_org_id
        and candidate_alert.source = p_source
        and candidate_alert.id = wanted.id
      limit 1
    ) as found (stored)
    order by aurora_private.alert_time(found.stored), (found.stored).id
  );
  if cardinality(batch) = 0 then
    return;
  end if;
  sibling_alert_ids := array(
    select member.id
    from unnest(batch) as member
    cross join lateral (
      select count(*) as firing_count, min(firing.id) as first_id
      from public.monitoring_alerts as firing
      where firing.org_id = context_org_id
        and firing.source = p_source
        and firing.state = 'firing'
        and firing.fingerprint = member.fingerprint
    ) as firing
    where firing.firing_count > 1
      or (firing.firing_count = 1 and firing.first_id <> member.id)
  );

  -- The common batch (new alerts with fingerprints of their own) is correlated in memory
  -- against every open incident, not full, that started before the latest alert's semantic
  -- window ends, when there are at most candidate_limit (4 * max_candidates) of them. Other
  -- batches go alert by alert through the statements below, with the same outcome.
  if cardinality(member_alert_ids) = 0 and cardinality(sibling_alert_ids) = 0 then
    candidates := array(
      select incident
      from public.incidents as incident
      where incident.org_id = context_org_id
        and incident.status in ('investigating', 'analyzed')
        and incident.started_at <= aurora_private.alert_time(batch[cardinality(batch)])
          + make_interval(secs => (settings ->> 'semantic_window_seconds')::float8)
        and coalesce(incident.alert_count, aurora_private.incident_alert_count(incident.id))
          < (settings ->> 'max_alerts_per_incident')::numeric
      order by incident.started_at desc, incident.id desc
      limit candidate_limit + 1
    );
    if cardinality(candidates) <= candidate_limit then
      return query
        select * from aurora_private.correlate_in_memory(batch, settings, candidates);
      return;
    end if;
  end if;

  foreach alert in array batch loop
    outcome := aurora_private.correlate_alert(alert, settings,
      alert.id = any(member_alert_ids), alert.id = any(sibling_alert_ids));
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
  perform aurora_private.refresh_incident_bookkeeping(array[p_into]);
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
