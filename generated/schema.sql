-- The schema built by the committed migrations and the working migration, as printed by
-- pg_dump 15 --schema-only. Written by "aurora-db schema dump" and checked by
-- "aurora-db verify"; never edit it by hand.
-- pg_dump major: 15

--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: aurora_private; Type: SCHEMA; Schema: -; Owner: aurora_owner
--

CREATE SCHEMA aurora_private;

ALTER SCHEMA aurora_private OWNER TO aurora_owner;

--
-- Name: SCHEMA aurora_private; Type: COMMENT; Schema: -; Owner: aurora_owner
--

COMMENT ON SCHEMA aurora_private IS 'Trigger functions and helpers that services never call by name. Trigger functions run as the role that wrote the row and look helpers up by name, which needs usage on this schema; execute is granted only on the helpers that triggers and check constraints call.';

--
-- Name: btree_gin; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public;

--
-- Name: EXTENSION btree_gin; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION btree_gin IS 'support for indexing common datatypes in GIN';

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';

--
-- Name: pgcrypto; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;

--
-- Name: EXTENSION pgcrypto; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';

--
-- Name: alert_state; Type: TYPE; Schema: public; Owner: aurora_owner
--

CREATE TYPE public.alert_state AS ENUM (
    'firing',
    'resolved'
);

ALTER TYPE public.alert_state OWNER TO aurora_owner;

--
-- Name: TYPE alert_state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TYPE public.alert_state IS 'Whether an alert is still active (firing) or over (resolved), whatever the source calls it.';

--
-- Name: analysis_status; Type: TYPE; Schema: public; Owner: aurora_owner
--

CREATE TYPE public.analysis_status AS ENUM (
    'idle',
    'running',
    'complete',
    'error'
);

ALTER TYPE public.analysis_status OWNER TO aurora_owner;

--
-- Name: TYPE analysis_status; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TYPE public.analysis_status IS 'State of the RCA of an incident: idle (not analysing), running, complete or error (failed).';

--
-- Name: chat_message_role; Type: TYPE; Schema: public; Owner: aurora_owner
--

CREATE TYPE public.chat_message_role AS ENUM (
    'user',
    'assistant',
    'system',
    'tool'
);

ALTER TYPE public.chat_message_role OWNER TO aurora_owner;

--
-- Name: TYPE chat_message_role; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TYPE public.chat_message_role IS 'Author of a chat message: the user, the assistant (agent), the system prompt or a tool result.';

--
-- Name: chat_session_status; Type: TYPE; Schema: public; Owner: aurora_owner
--

CREATE TYPE public.chat_session_status AS ENUM (
    'active',
    'completed',
    'cancelled',
    'in_progress'
);

ALTER TYPE public.chat_session_status OWNER TO aurora_owner;

--
-- Name: TYPE chat_session_status; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TYPE public.chat_session_status IS 'State of a chat session: active (open for messages), completed (finished), cancelled (the user stopped it) or in_progress (a background task is running for it).';

--
-- Name: citation_status; Type: TYPE; Schema: public; Owner: aurora_owner
--

CREATE TYPE public.citation_status AS ENUM (
    'success',
    'error',
    'timeout'
);

ALTER TYPE public.citation_status OWNER TO aurora_owner;

--
-- Name: TYPE citation_status; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TYPE public.citation_status IS 'Outcome of the tool run that a citation records.';

--
-- Name: correlation_strategy; Type: TYPE; Schema: public; Owner: aurora_owner
--

CREATE TYPE public.correlation_strategy AS ENUM (
    'time_window',
    'service_match',
    'semantic',
    'manual'
);

ALTER TYPE public.correlation_strategy OWNER TO aurora_owner;

--
-- Name: TYPE correlation_strategy; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TYPE public.correlation_strategy IS 'How an alert was attached to an incident: time_window (close in time), service_match (same service), semantic (similar title or description) or manual (a user attached it).';

--
-- Name: incident_status; Type: TYPE; Schema: public; Owner: aurora_owner
--

CREATE TYPE public.incident_status AS ENUM (
    'investigating',
    'analyzed',
    'resolved',
    'merged'
);

ALTER TYPE public.incident_status OWNER TO aurora_owner;

--
-- Name: TYPE incident_status; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TYPE public.incident_status IS 'Lifecycle of an incident: investigating (open, analysis pending or running), analyzed (open, RCA done), resolved (closed) or merged (closed, continued in merged_into_id).';

--
-- Name: integration_kind; Type: TYPE; Schema: public; Owner: aurora_owner
--

CREATE TYPE public.integration_kind AS ENUM (
    'github',
    'slack',
    'jenkins',
    'cloudbees',
    'grafana',
    'datadog',
    'pagerduty',
    'netdata',
    'splunk',
    'dynatrace',
    'bigpanda',
    'gitlab',
    'jira',
    'confluence'
);

ALTER TYPE public.integration_kind OWNER TO aurora_owner;

--
-- Name: TYPE integration_kind; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TYPE public.integration_kind IS 'External system an organization-wide integration connects to.';

--
-- Name: monitoring_source; Type: TYPE; Schema: public; Owner: aurora_owner
--

CREATE TYPE public.monitoring_source AS ENUM (
    'grafana',
    'datadog',
    'netdata',
    'pagerduty',
    'splunk',
    'dynatrace',
    'bigpanda',
    'jenkins',
    'cloudbees'
);

ALTER TYPE public.monitoring_source OWNER TO aurora_owner;

--
-- Name: TYPE monitoring_source; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TYPE public.monitoring_source IS 'Monitoring or CI system that sent an alert. Alertmanager alerts count as grafana.';

--
-- Name: org_member_role; Type: TYPE; Schema: public; Owner: aurora_owner
--

CREATE TYPE public.org_member_role AS ENUM (
    'owner',
    'admin',
    'member',
    'viewer'
);

ALTER TYPE public.org_member_role OWNER TO aurora_owner;

--
-- Name: TYPE org_member_role; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TYPE public.org_member_role IS 'Role of a user in an organization, from most to least privileged: owner, admin, member and viewer (read only). Services enforce what each role may do.';

--
-- Name: severity; Type: TYPE; Schema: public; Owner: aurora_owner
--

CREATE TYPE public.severity AS ENUM (
    'critical',
    'high',
    'medium',
    'low',
    'info'
);

ALTER TYPE public.severity OWNER TO aurora_owner;

--
-- Name: TYPE severity; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TYPE public.severity IS 'Severity on one scale for every source, from critical down to info. NULL in a severity column means the source gave none that maps to this scale.';

--
-- Name: suggestion_risk; Type: TYPE; Schema: public; Owner: aurora_owner
--

CREATE TYPE public.suggestion_risk AS ENUM (
    'safe',
    'medium',
    'high'
);

ALTER TYPE public.suggestion_risk OWNER TO aurora_owner;

--
-- Name: TYPE suggestion_risk; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TYPE public.suggestion_risk IS 'Risk of carrying out a suggestion: safe (read only), medium (may affect resources) or high (destructive or expensive).';

--
-- Name: suggestion_type; Type: TYPE; Schema: public; Owner: aurora_owner
--

CREATE TYPE public.suggestion_type AS ENUM (
    'diagnostic',
    'fix',
    'mitigation',
    'investigation'
);

ALTER TYPE public.suggestion_type OWNER TO aurora_owner;

--
-- Name: TYPE suggestion_type; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TYPE public.suggestion_type IS 'Kind of RCA suggestion: diagnostic (gather information), fix (code or configuration change), mitigation (temporary relief) or investigation (further analysis needed).';

--
-- Name: thought_type; Type: TYPE; Schema: public; Owner: aurora_owner
--

CREATE TYPE public.thought_type AS ENUM (
    'analysis',
    'hypothesis',
    'evidence',
    'conclusion'
);

ALTER TYPE public.thought_type OWNER TO aurora_owner;

--
-- Name: TYPE thought_type; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TYPE public.thought_type IS 'Kind of RCA thought: analysis (reasoning), hypothesis (proposed cause), evidence (supporting data) or conclusion (final determination).';

--
-- Name: token_provider; Type: TYPE; Schema: public; Owner: aurora_owner
--

CREATE TYPE public.token_provider AS ENUM (
    'gcp',
    'aws',
    'azure',
    'github',
    'slack',
    'grafana',
    'datadog',
    'pagerduty',
    'netdata',
    'splunk',
    'dynatrace',
    'bigpanda',
    'jenkins',
    'cloudbees'
);

ALTER TYPE public.token_provider OWNER TO aurora_owner;

--
-- Name: TYPE token_provider; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TYPE public.token_provider IS 'Cloud, code, chat or monitoring service that a user token grants access to.';

--
-- Name: alert_text(text, text); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.alert_text(p_title text, p_description text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
  select concat_ws(' ', p_title, p_description)
$$;

ALTER FUNCTION aurora_private.alert_text(p_title text, p_description text) OWNER TO aurora_owner;

--
-- Name: FUNCTION alert_text(p_title text, p_description text); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.alert_text(p_title text, p_description text) IS 'Returns the text of an alert that correlation compares by trigram similarity: the title and the description, separated by a space.';

--
-- Name: jsonb_is_string_map(jsonb); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.jsonb_is_string_map(document jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$
  select jsonb_typeof(document) = 'object'
    and not jsonb_path_exists(document, '$.* ? (@.type() != "string")')
$_$;

ALTER FUNCTION aurora_private.jsonb_is_string_map(document jsonb) OWNER TO aurora_owner;

--
-- Name: FUNCTION jsonb_is_string_map(document jsonb); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.jsonb_is_string_map(document jsonb) IS 'Returns true when the document is an object whose values are all strings, the shape of alert and Kubernetes labels. Check constraints use it.';

SET default_table_access_method = heap;

--
-- Name: bigpanda_events; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.bigpanda_events (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    dedup_key text NOT NULL,
    fingerprint text NOT NULL,
    title text NOT NULL,
    state public.alert_state NOT NULL,
    source_state text NOT NULL,
    severity public.severity,
    service text,
    environment text,
    starts_at timestamp with time zone,
    ends_at timestamp with time zone,
    description text,
    labels jsonb DEFAULT '{}'::jsonb NOT NULL,
    payload jsonb NOT NULL,
    payload_transforms text[] DEFAULT '{}'::text[] NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    incident_id text,
    primary_property text,
    secondary_property text,
    bigpanda_status text,
    source_system text,
    child_alert_count integer,
    CONSTRAINT bigpanda_events_dedup_key_check CHECK ((dedup_key <> ''::text)),
    CONSTRAINT bigpanda_events_fingerprint_check CHECK ((fingerprint <> ''::text)),
    CONSTRAINT bigpanda_events_labels_check CHECK (aurora_private.jsonb_is_string_map(labels)),
    CONSTRAINT bigpanda_events_payload_check CHECK ((jsonb_typeof(payload) = 'object'::text))
);

ALTER TABLE ONLY public.bigpanda_events FORCE ROW LEVEL SECURITY;

ALTER TABLE public.bigpanda_events OWNER TO aurora_owner;

--
-- Name: TABLE bigpanda_events; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.bigpanda_events IS 'BigPanda incident notifications, one row per BigPanda incident update.';

--
-- Name: COLUMN bigpanda_events.dedup_key; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.dedup_key IS 'Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one.';

--
-- Name: COLUMN bigpanda_events.fingerprint; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.fingerprint IS 'Identity of the alert across its deliveries and state changes, such as the Alertmanager fingerprint, or one derived from the source''s own ids.';

--
-- Name: COLUMN bigpanda_events.title; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.title IS 'One-line name of the alert, such as the alert rule name or the monitor title.';

--
-- Name: COLUMN bigpanda_events.state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.state IS 'firing or resolved, mapped from source_state.';

--
-- Name: COLUMN bigpanda_events.source_state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.source_state IS 'State or status exactly as the source wrote it, such as alerting, Triggered or CLOSED.';

--
-- Name: COLUMN bigpanda_events.severity; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.severity IS 'Severity mapped to the common scale; NULL when the source gave none or an unknown one.';

--
-- Name: COLUMN bigpanda_events.service; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.service IS 'Affected service as the source names it; correlation matches on it.';

--
-- Name: COLUMN bigpanda_events.starts_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.starts_at IS 'When the alert started, as the source reports it; NULL when the source gave no time.';

--
-- Name: COLUMN bigpanda_events.ends_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.ends_at IS 'When the alert ended; NULL while it has not ended.';

--
-- Name: COLUMN bigpanda_events.labels; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.labels IS 'Labels or tags of the alert as a map of strings to strings.';

--
-- Name: COLUMN bigpanda_events.payload; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.payload IS 'Body of this one alert in the source''s own format, after the transformations listed in payload_transforms.';

--
-- Name: COLUMN bigpanda_events.payload_transforms; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.payload_transforms IS 'Names of the changes made so that PostgreSQL could store the payload, such as nul_replaced or lone_surrogate_replaced. Empty when the payload is as received.';

--
-- Name: COLUMN bigpanda_events.received_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.received_at IS 'When Aurora first received this alert.';

--
-- Name: COLUMN bigpanda_events.incident_id; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.incident_id IS 'BigPanda incident id; unrelated to incidents.id.';

--
-- Name: COLUMN bigpanda_events.primary_property; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.primary_property IS 'primary_property of the first child alert, usually a host or service.';

--
-- Name: COLUMN bigpanda_events.secondary_property; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.secondary_property IS 'secondary_property of the first child alert, usually a check.';

--
-- Name: COLUMN bigpanda_events.bigpanda_status; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.bigpanda_status IS 'BigPanda incident status: active, resolved, maintenance or suppressed.';

--
-- Name: COLUMN bigpanda_events.source_system; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.source_system IS 'Monitoring system that sent the first child alert to BigPanda.';

--
-- Name: COLUMN bigpanda_events.child_alert_count; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.bigpanda_events.child_alert_count IS 'Number of alerts grouped into the BigPanda incident.';

--
-- Name: cloudbees_events; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.cloudbees_events (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    dedup_key text NOT NULL,
    fingerprint text NOT NULL,
    title text NOT NULL,
    state public.alert_state NOT NULL,
    source_state text NOT NULL,
    severity public.severity,
    service text,
    environment text,
    starts_at timestamp with time zone,
    ends_at timestamp with time zone,
    description text,
    labels jsonb DEFAULT '{}'::jsonb NOT NULL,
    payload jsonb NOT NULL,
    payload_transforms text[] DEFAULT '{}'::text[] NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    controller text,
    job_name text,
    build_number integer,
    phase text,
    build_status text,
    build_url text,
    scm_url text,
    branch text,
    commit text,
    CONSTRAINT cloudbees_events_dedup_key_check CHECK ((dedup_key <> ''::text)),
    CONSTRAINT cloudbees_events_fingerprint_check CHECK ((fingerprint <> ''::text)),
    CONSTRAINT cloudbees_events_labels_check CHECK (aurora_private.jsonb_is_string_map(labels)),
    CONSTRAINT cloudbees_events_payload_check CHECK ((jsonb_typeof(payload) = 'object'::text))
);

ALTER TABLE ONLY public.cloudbees_events FORCE ROW LEVEL SECURITY;

ALTER TABLE public.cloudbees_events OWNER TO aurora_owner;

--
-- Name: TABLE cloudbees_events; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.cloudbees_events IS 'CloudBees CI build notifications. CloudBees CI runs Jenkins, so the body is the Jenkins Notification plugin body and the columns match jenkins_events.';

--
-- Name: COLUMN cloudbees_events.dedup_key; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.dedup_key IS 'Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one.';

--
-- Name: COLUMN cloudbees_events.fingerprint; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.fingerprint IS 'Identity of the alert across its deliveries and state changes, such as the Alertmanager fingerprint, or one derived from the source''s own ids.';

--
-- Name: COLUMN cloudbees_events.title; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.title IS 'One-line name of the alert, such as the alert rule name or the monitor title.';

--
-- Name: COLUMN cloudbees_events.state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.state IS 'firing or resolved, mapped from source_state.';

--
-- Name: COLUMN cloudbees_events.source_state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.source_state IS 'State or status exactly as the source wrote it, such as alerting, Triggered or CLOSED.';

--
-- Name: COLUMN cloudbees_events.severity; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.severity IS 'Severity mapped to the common scale; NULL when the source gave none or an unknown one.';

--
-- Name: COLUMN cloudbees_events.service; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.service IS 'Affected service as the source names it; correlation matches on it.';

--
-- Name: COLUMN cloudbees_events.starts_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.starts_at IS 'When the alert started, as the source reports it; NULL when the source gave no time.';

--
-- Name: COLUMN cloudbees_events.ends_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.ends_at IS 'When the alert ended; NULL while it has not ended.';

--
-- Name: COLUMN cloudbees_events.labels; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.labels IS 'Labels or tags of the alert as a map of strings to strings.';

--
-- Name: COLUMN cloudbees_events.payload; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.payload IS 'Body of this one alert in the source''s own format, after the transformations listed in payload_transforms.';

--
-- Name: COLUMN cloudbees_events.payload_transforms; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.payload_transforms IS 'Names of the changes made so that PostgreSQL could store the payload, such as nul_replaced or lone_surrogate_replaced. Empty when the payload is as received.';

--
-- Name: COLUMN cloudbees_events.received_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.received_at IS 'When Aurora first received this alert.';

--
-- Name: COLUMN cloudbees_events.controller; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.controller IS 'CloudBees CI controller (Jenkins instance) that ran the build.';

--
-- Name: COLUMN cloudbees_events.job_name; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.job_name IS 'Jenkins job name.';

--
-- Name: COLUMN cloudbees_events.build_number; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.build_number IS 'Build number within the job.';

--
-- Name: COLUMN cloudbees_events.phase; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.phase IS 'Build phase: QUEUED, STARTED, COMPLETED or FINALIZED.';

--
-- Name: COLUMN cloudbees_events.build_status; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.build_status IS 'Build result, such as SUCCESS, FAILURE, UNSTABLE or ABORTED; may be set before the build completes.';

--
-- Name: COLUMN cloudbees_events.build_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.build_url IS 'Absolute build URL (full_url), or the relative url when that is absent.';

--
-- Name: COLUMN cloudbees_events.scm_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.scm_url IS 'Repository URL of the build.';

--
-- Name: COLUMN cloudbees_events.branch; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.branch IS 'Branch that was built.';

--
-- Name: COLUMN cloudbees_events.commit; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.cloudbees_events.commit IS 'Commit id that was built.';

--
-- Name: datadog_events; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.datadog_events (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    dedup_key text NOT NULL,
    fingerprint text NOT NULL,
    title text NOT NULL,
    state public.alert_state NOT NULL,
    source_state text NOT NULL,
    severity public.severity,
    service text,
    environment text,
    starts_at timestamp with time zone,
    ends_at timestamp with time zone,
    description text,
    labels jsonb DEFAULT '{}'::jsonb NOT NULL,
    payload jsonb NOT NULL,
    payload_transforms text[] DEFAULT '{}'::text[] NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
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
    last_updated_at timestamp with time zone,
    CONSTRAINT datadog_events_dedup_key_check CHECK ((dedup_key <> ''::text)),
    CONSTRAINT datadog_events_fingerprint_check CHECK ((fingerprint <> ''::text)),
    CONSTRAINT datadog_events_labels_check CHECK (aurora_private.jsonb_is_string_map(labels)),
    CONSTRAINT datadog_events_payload_check CHECK ((jsonb_typeof(payload) = 'object'::text))
);

ALTER TABLE ONLY public.datadog_events FORCE ROW LEVEL SECURITY;

ALTER TABLE public.datadog_events OWNER TO aurora_owner;

--
-- Name: TABLE datadog_events; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.datadog_events IS 'Datadog monitor notifications received through a webhook with the default template.';

--
-- Name: COLUMN datadog_events.dedup_key; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.dedup_key IS 'Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one.';

--
-- Name: COLUMN datadog_events.fingerprint; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.fingerprint IS 'Identity of the alert across its deliveries and state changes, such as the Alertmanager fingerprint, or one derived from the source''s own ids.';

--
-- Name: COLUMN datadog_events.title; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.title IS 'One-line name of the alert, such as the alert rule name or the monitor title.';

--
-- Name: COLUMN datadog_events.state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.state IS 'firing or resolved, mapped from source_state.';

--
-- Name: COLUMN datadog_events.source_state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.source_state IS 'State or status exactly as the source wrote it, such as alerting, Triggered or CLOSED.';

--
-- Name: COLUMN datadog_events.severity; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.severity IS 'Severity mapped to the common scale; NULL when the source gave none or an unknown one.';

--
-- Name: COLUMN datadog_events.service; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.service IS 'Affected service as the source names it; correlation matches on it.';

--
-- Name: COLUMN datadog_events.starts_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.starts_at IS 'When the alert started, as the source reports it; NULL when the source gave no time.';

--
-- Name: COLUMN datadog_events.ends_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.ends_at IS 'When the alert ended; NULL while it has not ended.';

--
-- Name: COLUMN datadog_events.labels; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.labels IS 'Labels or tags of the alert as a map of strings to strings.';

--
-- Name: COLUMN datadog_events.payload; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.payload IS 'Body of this one alert in the source''s own format, after the transformations listed in payload_transforms.';

--
-- Name: COLUMN datadog_events.payload_transforms; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.payload_transforms IS 'Names of the changes made so that PostgreSQL could store the payload, such as nul_replaced or lone_surrogate_replaced. Empty when the payload is as received.';

--
-- Name: COLUMN datadog_events.received_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.received_at IS 'When Aurora first received this alert.';

--
-- Name: COLUMN datadog_events.event_id; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.event_id IS 'Datadog event id, kept as text because it has 19 digits, beyond 2^53.';

--
-- Name: COLUMN datadog_events.monitor_id; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.monitor_id IS 'Id of the monitor that fired.';

--
-- Name: COLUMN datadog_events.event_type; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.event_type IS 'event_type, for example log_alert, metric_alert_monitor or query_alert_monitor.';

--
-- Name: COLUMN datadog_events.alert_type; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.alert_type IS 'alert_type: error, warning, info or success.';

--
-- Name: COLUMN datadog_events.alert_transition; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.alert_transition IS 'alert_transition: Triggered, Warn, Recovered, No Data, Re-Triggered and similar.';

--
-- Name: COLUMN datadog_events.priority; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.priority IS 'Monitor priority P1 to P5, which Datadog sends in its severity field.';

--
-- Name: COLUMN datadog_events.alert_query; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.alert_query IS 'Monitor query that fired.';

--
-- Name: COLUMN datadog_events.scopes; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.scopes IS 'Group scopes of the notification, split from the comma-joined string.';

--
-- Name: COLUMN datadog_events.tags; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.tags IS 'Tags of the event, split from the comma-joined string.';

--
-- Name: COLUMN datadog_events.event_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.event_url IS 'Link to the event in Datadog.';

--
-- Name: COLUMN datadog_events.datadog_org_id; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.datadog_org_id IS 'Id of the Datadog organization that sent the event.';

--
-- Name: COLUMN datadog_events.last_updated_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.datadog_events.last_updated_at IS 'last_updated, sent as epoch milliseconds in a string.';

--
-- Name: dynatrace_problems; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.dynatrace_problems (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    dedup_key text NOT NULL,
    fingerprint text NOT NULL,
    title text NOT NULL,
    state public.alert_state NOT NULL,
    source_state text NOT NULL,
    severity public.severity,
    service text,
    environment text,
    starts_at timestamp with time zone,
    ends_at timestamp with time zone,
    description text,
    labels jsonb DEFAULT '{}'::jsonb NOT NULL,
    payload jsonb NOT NULL,
    payload_transforms text[] DEFAULT '{}'::text[] NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    problem_id text,
    pid text,
    impacted_entity text,
    problem_impact text,
    problem_url text,
    tags text[],
    CONSTRAINT dynatrace_problems_dedup_key_check CHECK ((dedup_key <> ''::text)),
    CONSTRAINT dynatrace_problems_fingerprint_check CHECK ((fingerprint <> ''::text)),
    CONSTRAINT dynatrace_problems_labels_check CHECK (aurora_private.jsonb_is_string_map(labels)),
    CONSTRAINT dynatrace_problems_payload_check CHECK ((jsonb_typeof(payload) = 'object'::text))
);

ALTER TABLE ONLY public.dynatrace_problems FORCE ROW LEVEL SECURITY;

ALTER TABLE public.dynatrace_problems OWNER TO aurora_owner;

--
-- Name: TABLE dynatrace_problems; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.dynatrace_problems IS 'Dynatrace problem notifications received through a custom webhook integration.';

--
-- Name: COLUMN dynatrace_problems.dedup_key; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.dedup_key IS 'Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one.';

--
-- Name: COLUMN dynatrace_problems.fingerprint; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.fingerprint IS 'Identity of the alert across its deliveries and state changes, such as the Alertmanager fingerprint, or one derived from the source''s own ids.';

--
-- Name: COLUMN dynatrace_problems.title; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.title IS 'One-line name of the alert, such as the alert rule name or the monitor title.';

--
-- Name: COLUMN dynatrace_problems.state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.state IS 'firing or resolved, mapped from source_state.';

--
-- Name: COLUMN dynatrace_problems.source_state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.source_state IS 'State or status exactly as the source wrote it, such as alerting, Triggered or CLOSED.';

--
-- Name: COLUMN dynatrace_problems.severity; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.severity IS 'Severity mapped to the common scale; NULL when the source gave none or an unknown one.';

--
-- Name: COLUMN dynatrace_problems.service; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.service IS 'Affected service as the source names it; correlation matches on it.';

--
-- Name: COLUMN dynatrace_problems.starts_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.starts_at IS 'When the alert started, as the source reports it; NULL when the source gave no time.';

--
-- Name: COLUMN dynatrace_problems.ends_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.ends_at IS 'When the alert ended; NULL while it has not ended.';

--
-- Name: COLUMN dynatrace_problems.labels; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.labels IS 'Labels or tags of the alert as a map of strings to strings.';

--
-- Name: COLUMN dynatrace_problems.payload; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.payload IS 'Body of this one alert in the source''s own format, after the transformations listed in payload_transforms.';

--
-- Name: COLUMN dynatrace_problems.payload_transforms; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.payload_transforms IS 'Names of the changes made so that PostgreSQL could store the payload, such as nul_replaced or lone_surrogate_replaced. Empty when the payload is as received.';

--
-- Name: COLUMN dynatrace_problems.received_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.received_at IS 'When Aurora first received this alert.';

--
-- Name: COLUMN dynatrace_problems.problem_id; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.problem_id IS 'Display id of the problem (ProblemID), such as P-22013994.';

--
-- Name: COLUMN dynatrace_problems.pid; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.pid IS 'Internal problem id (PID); a literal {PID} in test notifications.';

--
-- Name: COLUMN dynatrace_problems.impacted_entity; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.impacted_entity IS 'ImpactedEntity: comma-joined names of the impacted entities.';

--
-- Name: COLUMN dynatrace_problems.problem_impact; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.problem_impact IS 'ProblemImpact: APPLICATION, SERVICE, INFRASTRUCTURE or ENVIRONMENT.';

--
-- Name: COLUMN dynatrace_problems.problem_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.problem_url IS 'Link to the problem (ProblemURL, or "Problem URL" in some templates).';

--
-- Name: COLUMN dynatrace_problems.tags; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.dynatrace_problems.tags IS 'Tags of the problem, split from the comma-joined string.';

--
-- Name: grafana_alerts; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.grafana_alerts (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    dedup_key text NOT NULL,
    fingerprint text NOT NULL,
    title text NOT NULL,
    state public.alert_state NOT NULL,
    source_state text NOT NULL,
    severity public.severity,
    service text,
    environment text,
    starts_at timestamp with time zone,
    ends_at timestamp with time zone,
    description text,
    labels jsonb DEFAULT '{}'::jsonb NOT NULL,
    payload jsonb NOT NULL,
    payload_transforms text[] DEFAULT '{}'::text[] NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    format text NOT NULL,
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
    annotations jsonb DEFAULT '{}'::jsonb NOT NULL,
    metric_values jsonb,
    value_string text,
    CONSTRAINT grafana_alerts_annotations_check CHECK ((jsonb_typeof(annotations) = 'object'::text)),
    CONSTRAINT grafana_alerts_dedup_key_check CHECK ((dedup_key <> ''::text)),
    CONSTRAINT grafana_alerts_fingerprint_check CHECK ((fingerprint <> ''::text)),
    CONSTRAINT grafana_alerts_format_check CHECK ((format = ANY (ARRAY['unified'::text, 'legacy'::text, 'alertmanager'::text]))),
    CONSTRAINT grafana_alerts_labels_check CHECK (aurora_private.jsonb_is_string_map(labels)),
    CONSTRAINT grafana_alerts_payload_check CHECK ((jsonb_typeof(payload) = 'object'::text))
);

ALTER TABLE ONLY public.grafana_alerts FORCE ROW LEVEL SECURITY;

ALTER TABLE public.grafana_alerts OWNER TO aurora_owner;

--
-- Name: TABLE grafana_alerts; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.grafana_alerts IS 'Alerts from Grafana webhooks (unified alerting and legacy) and from Prometheus Alertmanager, one row per alert of a notification.';

--
-- Name: COLUMN grafana_alerts.dedup_key; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.dedup_key IS 'Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one.';

--
-- Name: COLUMN grafana_alerts.fingerprint; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.fingerprint IS 'Identity of the alert across its deliveries and state changes, such as the Alertmanager fingerprint, or one derived from the source''s own ids.';

--
-- Name: COLUMN grafana_alerts.title; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.title IS 'One-line name of the alert, such as the alert rule name or the monitor title.';

--
-- Name: COLUMN grafana_alerts.state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.state IS 'firing or resolved, mapped from source_state.';

--
-- Name: COLUMN grafana_alerts.source_state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.source_state IS 'State or status exactly as the source wrote it, such as alerting, Triggered or CLOSED.';

--
-- Name: COLUMN grafana_alerts.severity; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.severity IS 'Severity mapped to the common scale; NULL when the source gave none or an unknown one.';

--
-- Name: COLUMN grafana_alerts.service; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.service IS 'Affected service as the source names it; correlation matches on it.';

--
-- Name: COLUMN grafana_alerts.starts_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.starts_at IS 'When the alert started, as the source reports it; NULL when the source gave no time.';

--
-- Name: COLUMN grafana_alerts.ends_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.ends_at IS 'When the alert ended; NULL while it has not ended.';

--
-- Name: COLUMN grafana_alerts.labels; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.labels IS 'Labels or tags of the alert as a map of strings to strings.';

--
-- Name: COLUMN grafana_alerts.payload; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.payload IS 'Body of this one alert in the source''s own format, after the transformations listed in payload_transforms.';

--
-- Name: COLUMN grafana_alerts.payload_transforms; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.payload_transforms IS 'Names of the changes made so that PostgreSQL could store the payload, such as nul_replaced or lone_surrogate_replaced. Empty when the payload is as received.';

--
-- Name: COLUMN grafana_alerts.received_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.received_at IS 'When Aurora first received this alert.';

--
-- Name: COLUMN grafana_alerts.format; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.format IS 'Body shape: unified (Grafana 8 and later), legacy (Grafana 7 and earlier, evalMatches) or alertmanager (Prometheus Alertmanager webhook, version 4).';

--
-- Name: COLUMN grafana_alerts.receiver; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.receiver IS 'Contact point or Alertmanager receiver that sent the notification.';

--
-- Name: COLUMN grafana_alerts.group_key; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.group_key IS 'groupKey of the notification; alerts sent together share it.';

--
-- Name: COLUMN grafana_alerts.external_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.external_url IS 'externalURL: the Grafana or Alertmanager that sent the notification.';

--
-- Name: COLUMN grafana_alerts.generator_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.generator_url IS 'generatorURL (ruleUrl in legacy bodies): link to the rule or query; may be relative.';

--
-- Name: COLUMN grafana_alerts.silence_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.silence_url IS 'silenceURL: link that creates a silence for this alert.';

--
-- Name: COLUMN grafana_alerts.dashboard_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.dashboard_url IS 'dashboardURL: link to the dashboard of the rule.';

--
-- Name: COLUMN grafana_alerts.panel_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.panel_url IS 'panelURL: link to the panel of the rule.';

--
-- Name: COLUMN grafana_alerts.image_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.image_url IS 'imageURL (imageUrl in legacy bodies): screenshot of the panel.';

--
-- Name: COLUMN grafana_alerts.runbook_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.runbook_url IS 'runbook_url annotation, when present.';

--
-- Name: COLUMN grafana_alerts.rule_uid; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.rule_uid IS 'UID of the Grafana alert rule, when the body or its labels carry it.';

--
-- Name: COLUMN grafana_alerts.grafana_org_id; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.grafana_org_id IS 'orgId of the Grafana organization that owns the rule (0 in legacy test notifications); unrelated to org_id.';

--
-- Name: COLUMN grafana_alerts.annotations; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.annotations IS 'Annotations of the alert (summary, description, runbook_url and custom keys).';

--
-- Name: COLUMN grafana_alerts.metric_values; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.metric_values IS 'values of a unified alert: query refId to the number that triggered it (evalMatches in legacy bodies). NULL when absent or null.';

--
-- Name: COLUMN grafana_alerts.value_string; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.grafana_alerts.value_string IS 'valueString of a unified alert, the values as Grafana printed them.';

--
-- Name: jenkins_events; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.jenkins_events (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    dedup_key text NOT NULL,
    fingerprint text NOT NULL,
    title text NOT NULL,
    state public.alert_state NOT NULL,
    source_state text NOT NULL,
    severity public.severity,
    service text,
    environment text,
    starts_at timestamp with time zone,
    ends_at timestamp with time zone,
    description text,
    labels jsonb DEFAULT '{}'::jsonb NOT NULL,
    payload jsonb NOT NULL,
    payload_transforms text[] DEFAULT '{}'::text[] NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    job_name text,
    build_number integer,
    phase text,
    build_status text,
    build_url text,
    scm_url text,
    branch text,
    commit text,
    CONSTRAINT jenkins_events_dedup_key_check CHECK ((dedup_key <> ''::text)),
    CONSTRAINT jenkins_events_fingerprint_check CHECK ((fingerprint <> ''::text)),
    CONSTRAINT jenkins_events_labels_check CHECK (aurora_private.jsonb_is_string_map(labels)),
    CONSTRAINT jenkins_events_payload_check CHECK ((jsonb_typeof(payload) = 'object'::text))
);

ALTER TABLE ONLY public.jenkins_events FORCE ROW LEVEL SECURITY;

ALTER TABLE public.jenkins_events OWNER TO aurora_owner;

--
-- Name: TABLE jenkins_events; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.jenkins_events IS 'Jenkins build notifications sent by the Notification plugin, one row per build phase.';

--
-- Name: COLUMN jenkins_events.dedup_key; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.dedup_key IS 'Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one.';

--
-- Name: COLUMN jenkins_events.fingerprint; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.fingerprint IS 'Identity of the alert across its deliveries and state changes, such as the Alertmanager fingerprint, or one derived from the source''s own ids.';

--
-- Name: COLUMN jenkins_events.title; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.title IS 'One-line name of the alert, such as the alert rule name or the monitor title.';

--
-- Name: COLUMN jenkins_events.state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.state IS 'firing or resolved, mapped from source_state.';

--
-- Name: COLUMN jenkins_events.source_state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.source_state IS 'State or status exactly as the source wrote it, such as alerting, Triggered or CLOSED.';

--
-- Name: COLUMN jenkins_events.severity; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.severity IS 'Severity mapped to the common scale; NULL when the source gave none or an unknown one.';

--
-- Name: COLUMN jenkins_events.service; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.service IS 'Affected service as the source names it; correlation matches on it.';

--
-- Name: COLUMN jenkins_events.starts_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.starts_at IS 'When the alert started, as the source reports it; NULL when the source gave no time.';

--
-- Name: COLUMN jenkins_events.ends_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.ends_at IS 'When the alert ended; NULL while it has not ended.';

--
-- Name: COLUMN jenkins_events.labels; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.labels IS 'Labels or tags of the alert as a map of strings to strings.';

--
-- Name: COLUMN jenkins_events.payload; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.payload IS 'Body of this one alert in the source''s own format, after the transformations listed in payload_transforms.';

--
-- Name: COLUMN jenkins_events.payload_transforms; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.payload_transforms IS 'Names of the changes made so that PostgreSQL could store the payload, such as nul_replaced or lone_surrogate_replaced. Empty when the payload is as received.';

--
-- Name: COLUMN jenkins_events.received_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.received_at IS 'When Aurora first received this alert.';

--
-- Name: COLUMN jenkins_events.job_name; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.job_name IS 'Jenkins job name.';

--
-- Name: COLUMN jenkins_events.build_number; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.build_number IS 'Build number within the job.';

--
-- Name: COLUMN jenkins_events.phase; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.phase IS 'Build phase: QUEUED, STARTED, COMPLETED or FINALIZED.';

--
-- Name: COLUMN jenkins_events.build_status; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.build_status IS 'Build result, such as SUCCESS, FAILURE, UNSTABLE or ABORTED; may be set before the build completes.';

--
-- Name: COLUMN jenkins_events.build_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.build_url IS 'Absolute build URL (full_url), or the relative url when that is absent.';

--
-- Name: COLUMN jenkins_events.scm_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.scm_url IS 'Repository URL of the build.';

--
-- Name: COLUMN jenkins_events.branch; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.branch IS 'Branch that was built.';

--
-- Name: COLUMN jenkins_events.commit; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.jenkins_events.commit IS 'Commit id that was built.';

--
-- Name: netdata_alerts; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.netdata_alerts (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    dedup_key text NOT NULL,
    fingerprint text NOT NULL,
    title text NOT NULL,
    state public.alert_state NOT NULL,
    source_state text NOT NULL,
    severity public.severity,
    service text,
    environment text,
    starts_at timestamp with time zone,
    ends_at timestamp with time zone,
    description text,
    labels jsonb DEFAULT '{}'::jsonb NOT NULL,
    payload jsonb NOT NULL,
    payload_transforms text[] DEFAULT '{}'::text[] NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
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
    CONSTRAINT netdata_alerts_dedup_key_check CHECK ((dedup_key <> ''::text)),
    CONSTRAINT netdata_alerts_fingerprint_check CHECK ((fingerprint <> ''::text)),
    CONSTRAINT netdata_alerts_labels_check CHECK (aurora_private.jsonb_is_string_map(labels)),
    CONSTRAINT netdata_alerts_payload_check CHECK ((jsonb_typeof(payload) = 'object'::text))
);

ALTER TABLE ONLY public.netdata_alerts FORCE ROW LEVEL SECURITY;

ALTER TABLE public.netdata_alerts OWNER TO aurora_owner;

--
-- Name: TABLE netdata_alerts; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.netdata_alerts IS 'Netdata Cloud alert notifications received through a webhook.';

--
-- Name: COLUMN netdata_alerts.dedup_key; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.dedup_key IS 'Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one.';

--
-- Name: COLUMN netdata_alerts.fingerprint; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.fingerprint IS 'Identity of the alert across its deliveries and state changes, such as the Alertmanager fingerprint, or one derived from the source''s own ids.';

--
-- Name: COLUMN netdata_alerts.title; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.title IS 'One-line name of the alert, such as the alert rule name or the monitor title.';

--
-- Name: COLUMN netdata_alerts.state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.state IS 'firing or resolved, mapped from source_state.';

--
-- Name: COLUMN netdata_alerts.source_state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.source_state IS 'State or status exactly as the source wrote it, such as alerting, Triggered or CLOSED.';

--
-- Name: COLUMN netdata_alerts.severity; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.severity IS 'Severity mapped to the common scale; NULL when the source gave none or an unknown one.';

--
-- Name: COLUMN netdata_alerts.service; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.service IS 'Affected service as the source names it; correlation matches on it.';

--
-- Name: COLUMN netdata_alerts.starts_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.starts_at IS 'When the alert started, as the source reports it; NULL when the source gave no time.';

--
-- Name: COLUMN netdata_alerts.ends_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.ends_at IS 'When the alert ended; NULL while it has not ended.';

--
-- Name: COLUMN netdata_alerts.labels; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.labels IS 'Labels or tags of the alert as a map of strings to strings.';

--
-- Name: COLUMN netdata_alerts.payload; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.payload IS 'Body of this one alert in the source''s own format, after the transformations listed in payload_transforms.';

--
-- Name: COLUMN netdata_alerts.payload_transforms; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.payload_transforms IS 'Names of the changes made so that PostgreSQL could store the payload, such as nul_replaced or lone_surrogate_replaced. Empty when the payload is as received.';

--
-- Name: COLUMN netdata_alerts.received_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.received_at IS 'When Aurora first received this alert.';

--
-- Name: COLUMN netdata_alerts.alert_name; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.alert_name IS 'Name of the Netdata alert (the alert field).';

--
-- Name: COLUMN netdata_alerts.host; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.host IS 'Node that raised the alert.';

--
-- Name: COLUMN netdata_alerts.chart; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.chart IS 'Chart id, such as cgroup.immich_cpu.';

--
-- Name: COLUMN netdata_alerts.context; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.context IS 'Chart context, such as cgroup.cpu.';

--
-- Name: COLUMN netdata_alerts.family; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.family IS 'Chart family, such as containers.';

--
-- Name: COLUMN netdata_alerts.alert_class; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.alert_class IS 'class of the alert, such as System, Errors, Latency or Utilization.';

--
-- Name: COLUMN netdata_alerts.space; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.space IS 'Netdata Cloud space.';

--
-- Name: COLUMN netdata_alerts.rooms; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.rooms IS 'Names of the rooms the node belongs to.';

--
-- Name: COLUMN netdata_alerts.node_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.node_url IS 'Link to the node in Netdata Cloud, when sent.';

--
-- Name: COLUMN netdata_alerts.alert_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.alert_url IS 'Link to the alert. Its query string may carry an access token, so treat it as sensitive.';

--
-- Name: COLUMN netdata_alerts.duration; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.duration IS 'How long the alert has been raised, as Netdata wrote it ("10m 12s").';

--
-- Name: COLUMN netdata_alerts.additional_active_critical_alerts; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.additional_active_critical_alerts IS 'Other critical alerts active on the node.';

--
-- Name: COLUMN netdata_alerts.additional_active_warning_alerts; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.netdata_alerts.additional_active_warning_alerts IS 'Other warning alerts active on the node.';

--
-- Name: pagerduty_events; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.pagerduty_events (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    dedup_key text NOT NULL,
    fingerprint text NOT NULL,
    title text NOT NULL,
    state public.alert_state NOT NULL,
    source_state text NOT NULL,
    severity public.severity,
    service text,
    environment text,
    starts_at timestamp with time zone,
    ends_at timestamp with time zone,
    description text,
    labels jsonb DEFAULT '{}'::jsonb NOT NULL,
    payload jsonb NOT NULL,
    payload_transforms text[] DEFAULT '{}'::text[] NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    format text NOT NULL,
    event_id text,
    event_type text,
    incident_id text,
    incident_number integer,
    incident_key text,
    urgency text,
    priority text,
    html_url text,
    pd_service_id text,
    occurred_at timestamp with time zone,
    CONSTRAINT pagerduty_events_dedup_key_check CHECK ((dedup_key <> ''::text)),
    CONSTRAINT pagerduty_events_fingerprint_check CHECK ((fingerprint <> ''::text)),
    CONSTRAINT pagerduty_events_format_check CHECK ((format = ANY (ARRAY['v3'::text, 'v2'::text]))),
    CONSTRAINT pagerduty_events_labels_check CHECK (aurora_private.jsonb_is_string_map(labels)),
    CONSTRAINT pagerduty_events_payload_check CHECK ((jsonb_typeof(payload) = 'object'::text))
);

ALTER TABLE ONLY public.pagerduty_events FORCE ROW LEVEL SECURITY;

ALTER TABLE public.pagerduty_events OWNER TO aurora_owner;

--
-- Name: TABLE pagerduty_events; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.pagerduty_events IS 'PagerDuty webhook events about incidents, one row per event (v3) or message (v2).';

--
-- Name: COLUMN pagerduty_events.dedup_key; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.dedup_key IS 'Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one.';

--
-- Name: COLUMN pagerduty_events.fingerprint; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.fingerprint IS 'Identity of the alert across its deliveries and state changes, such as the Alertmanager fingerprint, or one derived from the source''s own ids.';

--
-- Name: COLUMN pagerduty_events.title; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.title IS 'One-line name of the alert, such as the alert rule name or the monitor title.';

--
-- Name: COLUMN pagerduty_events.state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.state IS 'firing or resolved, mapped from source_state.';

--
-- Name: COLUMN pagerduty_events.source_state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.source_state IS 'State or status exactly as the source wrote it, such as alerting, Triggered or CLOSED.';

--
-- Name: COLUMN pagerduty_events.severity; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.severity IS 'Severity mapped to the common scale; NULL when the source gave none or an unknown one.';

--
-- Name: COLUMN pagerduty_events.service; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.service IS 'Affected service as the source names it; correlation matches on it.';

--
-- Name: COLUMN pagerduty_events.starts_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.starts_at IS 'When the alert started, as the source reports it; NULL when the source gave no time.';

--
-- Name: COLUMN pagerduty_events.ends_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.ends_at IS 'When the alert ended; NULL while it has not ended.';

--
-- Name: COLUMN pagerduty_events.labels; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.labels IS 'Labels or tags of the alert as a map of strings to strings.';

--
-- Name: COLUMN pagerduty_events.payload; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.payload IS 'Body of this one alert in the source''s own format, after the transformations listed in payload_transforms.';

--
-- Name: COLUMN pagerduty_events.payload_transforms; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.payload_transforms IS 'Names of the changes made so that PostgreSQL could store the payload, such as nul_replaced or lone_surrogate_replaced. Empty when the payload is as received.';

--
-- Name: COLUMN pagerduty_events.received_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.received_at IS 'When Aurora first received this alert.';

--
-- Name: COLUMN pagerduty_events.format; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.format IS 'Webhook version: v3 (event object) or v2 (deprecated messages array).';

--
-- Name: COLUMN pagerduty_events.event_id; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.event_id IS 'Id of the v3 event or the v2 message.';

--
-- Name: COLUMN pagerduty_events.event_type; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.event_type IS 'incident.triggered, incident.resolved, incident.annotated and so on (v2: incident.trigger, incident.resolve).';

--
-- Name: COLUMN pagerduty_events.incident_id; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.incident_id IS 'PagerDuty incident id, such as PFQZPSY; unrelated to incidents.id.';

--
-- Name: COLUMN pagerduty_events.incident_number; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.incident_number IS 'Incident number shown in the PagerDuty UI.';

--
-- Name: COLUMN pagerduty_events.incident_key; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.incident_key IS 'Deduplication key of the PagerDuty incident, when set.';

--
-- Name: COLUMN pagerduty_events.urgency; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.urgency IS 'high or low.';

--
-- Name: COLUMN pagerduty_events.priority; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.priority IS 'Summary of the incident priority (P1 to P5); NULL when unset.';

--
-- Name: COLUMN pagerduty_events.html_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.html_url IS 'Link to the incident in PagerDuty.';

--
-- Name: COLUMN pagerduty_events.pd_service_id; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.pd_service_id IS 'Id of the PagerDuty service; its name is in service.';

--
-- Name: COLUMN pagerduty_events.occurred_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.pagerduty_events.occurred_at IS 'When PagerDuty recorded the event.';

--
-- Name: splunk_alerts; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.splunk_alerts (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    dedup_key text NOT NULL,
    fingerprint text NOT NULL,
    title text NOT NULL,
    state public.alert_state NOT NULL,
    source_state text NOT NULL,
    severity public.severity,
    service text,
    environment text,
    starts_at timestamp with time zone,
    ends_at timestamp with time zone,
    description text,
    labels jsonb DEFAULT '{}'::jsonb NOT NULL,
    payload jsonb NOT NULL,
    payload_transforms text[] DEFAULT '{}'::text[] NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    search_name text,
    sid text,
    results_link text,
    app text,
    owner text,
    CONSTRAINT splunk_alerts_dedup_key_check CHECK ((dedup_key <> ''::text)),
    CONSTRAINT splunk_alerts_fingerprint_check CHECK ((fingerprint <> ''::text)),
    CONSTRAINT splunk_alerts_labels_check CHECK (aurora_private.jsonb_is_string_map(labels)),
    CONSTRAINT splunk_alerts_payload_check CHECK ((jsonb_typeof(payload) = 'object'::text))
);

ALTER TABLE ONLY public.splunk_alerts FORCE ROW LEVEL SECURITY;

ALTER TABLE public.splunk_alerts OWNER TO aurora_owner;

--
-- Name: TABLE splunk_alerts; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.splunk_alerts IS 'Splunk alerts received through the webhook alert action, one row per triggered search.';

--
-- Name: COLUMN splunk_alerts.dedup_key; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.dedup_key IS 'Key derived from the alert notification, so that a redelivered webhook has the same key and updates the existing row instead of adding one.';

--
-- Name: COLUMN splunk_alerts.fingerprint; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.fingerprint IS 'Identity of the alert across its deliveries and state changes, such as the Alertmanager fingerprint, or one derived from the source''s own ids.';

--
-- Name: COLUMN splunk_alerts.title; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.title IS 'One-line name of the alert, such as the alert rule name or the monitor title.';

--
-- Name: COLUMN splunk_alerts.state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.state IS 'firing or resolved, mapped from source_state.';

--
-- Name: COLUMN splunk_alerts.source_state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.source_state IS 'State or status exactly as the source wrote it, such as alerting, Triggered or CLOSED.';

--
-- Name: COLUMN splunk_alerts.severity; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.severity IS 'Severity mapped to the common scale; NULL when the source gave none or an unknown one.';

--
-- Name: COLUMN splunk_alerts.service; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.service IS 'Affected service as the source names it; correlation matches on it.';

--
-- Name: COLUMN splunk_alerts.starts_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.starts_at IS 'When the alert started, as the source reports it; NULL when the source gave no time.';

--
-- Name: COLUMN splunk_alerts.ends_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.ends_at IS 'When the alert ended; NULL while it has not ended.';

--
-- Name: COLUMN splunk_alerts.labels; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.labels IS 'Labels or tags of the alert as a map of strings to strings.';

--
-- Name: COLUMN splunk_alerts.payload; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.payload IS 'Body of this one alert in the source''s own format, after the transformations listed in payload_transforms.';

--
-- Name: COLUMN splunk_alerts.payload_transforms; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.payload_transforms IS 'Names of the changes made so that PostgreSQL could store the payload, such as nul_replaced or lone_surrogate_replaced. Empty when the payload is as received.';

--
-- Name: COLUMN splunk_alerts.received_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.received_at IS 'When Aurora first received this alert.';

--
-- Name: COLUMN splunk_alerts.search_name; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.search_name IS 'Name of the saved search, which Splunk may send as null or leave out.';

--
-- Name: COLUMN splunk_alerts.sid; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.sid IS 'Search id of the run that triggered the alert.';

--
-- Name: COLUMN splunk_alerts.results_link; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.results_link IS 'Link to the search results.';

--
-- Name: COLUMN splunk_alerts.app; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.app IS 'Splunk app that owns the search.';

--
-- Name: COLUMN splunk_alerts.owner; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.splunk_alerts.owner IS 'Splunk user that owns the search.';

--
-- Name: monitoring_alerts; Type: VIEW; Schema: public; Owner: aurora_owner
--

CREATE VIEW public.monitoring_alerts WITH (security_invoker='true') AS
 SELECT 'grafana'::public.monitoring_source AS source,
    grafana_alerts.org_id,
    grafana_alerts.id,
    grafana_alerts.dedup_key,
    grafana_alerts.fingerprint,
    grafana_alerts.title,
    grafana_alerts.state,
    grafana_alerts.source_state,
    grafana_alerts.severity,
    grafana_alerts.service,
    grafana_alerts.environment,
    grafana_alerts.starts_at,
    grafana_alerts.ends_at,
    grafana_alerts.description,
    grafana_alerts.labels,
    grafana_alerts.payload,
    grafana_alerts.payload_transforms,
    grafana_alerts.received_at,
    grafana_alerts.updated_at
   FROM public.grafana_alerts
UNION ALL
 SELECT 'datadog'::public.monitoring_source AS source,
    datadog_events.org_id,
    datadog_events.id,
    datadog_events.dedup_key,
    datadog_events.fingerprint,
    datadog_events.title,
    datadog_events.state,
    datadog_events.source_state,
    datadog_events.severity,
    datadog_events.service,
    datadog_events.environment,
    datadog_events.starts_at,
    datadog_events.ends_at,
    datadog_events.description,
    datadog_events.labels,
    datadog_events.payload,
    datadog_events.payload_transforms,
    datadog_events.received_at,
    datadog_events.updated_at
   FROM public.datadog_events
UNION ALL
 SELECT 'pagerduty'::public.monitoring_source AS source,
    pagerduty_events.org_id,
    pagerduty_events.id,
    pagerduty_events.dedup_key,
    pagerduty_events.fingerprint,
    pagerduty_events.title,
    pagerduty_events.state,
    pagerduty_events.source_state,
    pagerduty_events.severity,
    pagerduty_events.service,
    pagerduty_events.environment,
    pagerduty_events.starts_at,
    pagerduty_events.ends_at,
    pagerduty_events.description,
    pagerduty_events.labels,
    pagerduty_events.payload,
    pagerduty_events.payload_transforms,
    pagerduty_events.received_at,
    pagerduty_events.updated_at
   FROM public.pagerduty_events
UNION ALL
 SELECT 'netdata'::public.monitoring_source AS source,
    netdata_alerts.org_id,
    netdata_alerts.id,
    netdata_alerts.dedup_key,
    netdata_alerts.fingerprint,
    netdata_alerts.title,
    netdata_alerts.state,
    netdata_alerts.source_state,
    netdata_alerts.severity,
    netdata_alerts.service,
    netdata_alerts.environment,
    netdata_alerts.starts_at,
    netdata_alerts.ends_at,
    netdata_alerts.description,
    netdata_alerts.labels,
    netdata_alerts.payload,
    netdata_alerts.payload_transforms,
    netdata_alerts.received_at,
    netdata_alerts.updated_at
   FROM public.netdata_alerts
UNION ALL
 SELECT 'splunk'::public.monitoring_source AS source,
    splunk_alerts.org_id,
    splunk_alerts.id,
    splunk_alerts.dedup_key,
    splunk_alerts.fingerprint,
    splunk_alerts.title,
    splunk_alerts.state,
    splunk_alerts.source_state,
    splunk_alerts.severity,
    splunk_alerts.service,
    splunk_alerts.environment,
    splunk_alerts.starts_at,
    splunk_alerts.ends_at,
    splunk_alerts.description,
    splunk_alerts.labels,
    splunk_alerts.payload,
    splunk_alerts.payload_transforms,
    splunk_alerts.received_at,
    splunk_alerts.updated_at
   FROM public.splunk_alerts
UNION ALL
 SELECT 'dynatrace'::public.monitoring_source AS source,
    dynatrace_problems.org_id,
    dynatrace_problems.id,
    dynatrace_problems.dedup_key,
    dynatrace_problems.fingerprint,
    dynatrace_problems.title,
    dynatrace_problems.state,
    dynatrace_problems.source_state,
    dynatrace_problems.severity,
    dynatrace_problems.service,
    dynatrace_problems.environment,
    dynatrace_problems.starts_at,
    dynatrace_problems.ends_at,
    dynatrace_problems.description,
    dynatrace_problems.labels,
    dynatrace_problems.payload,
    dynatrace_problems.payload_transforms,
    dynatrace_problems.received_at,
    dynatrace_problems.updated_at
   FROM public.dynatrace_problems
UNION ALL
 SELECT 'bigpanda'::public.monitoring_source AS source,
    bigpanda_events.org_id,
    bigpanda_events.id,
    bigpanda_events.dedup_key,
    bigpanda_events.fingerprint,
    bigpanda_events.title,
    bigpanda_events.state,
    bigpanda_events.source_state,
    bigpanda_events.severity,
    bigpanda_events.service,
    bigpanda_events.environment,
    bigpanda_events.starts_at,
    bigpanda_events.ends_at,
    bigpanda_events.description,
    bigpanda_events.labels,
    bigpanda_events.payload,
    bigpanda_events.payload_transforms,
    bigpanda_events.received_at,
    bigpanda_events.updated_at
   FROM public.bigpanda_events
UNION ALL
 SELECT 'jenkins'::public.monitoring_source AS source,
    jenkins_events.org_id,
    jenkins_events.id,
    jenkins_events.dedup_key,
    jenkins_events.fingerprint,
    jenkins_events.title,
    jenkins_events.state,
    jenkins_events.source_state,
    jenkins_events.severity,
    jenkins_events.service,
    jenkins_events.environment,
    jenkins_events.starts_at,
    jenkins_events.ends_at,
    jenkins_events.description,
    jenkins_events.labels,
    jenkins_events.payload,
    jenkins_events.payload_transforms,
    jenkins_events.received_at,
    jenkins_events.updated_at
   FROM public.jenkins_events
UNION ALL
 SELECT 'cloudbees'::public.monitoring_source AS source,
    cloudbees_events.org_id,
    cloudbees_events.id,
    cloudbees_events.dedup_key,
    cloudbees_events.fingerprint,
    cloudbees_events.title,
    cloudbees_events.state,
    cloudbees_events.source_state,
    cloudbees_events.severity,
    cloudbees_events.service,
    cloudbees_events.environment,
    cloudbees_events.starts_at,
    cloudbees_events.ends_at,
    cloudbees_events.description,
    cloudbees_events.labels,
    cloudbees_events.payload,
    cloudbees_events.payload_transforms,
    cloudbees_events.received_at,
    cloudbees_events.updated_at
   FROM public.cloudbees_events;

ALTER TABLE public.monitoring_alerts OWNER TO aurora_owner;

--
-- Name: VIEW monitoring_alerts; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON VIEW public.monitoring_alerts IS 'The common columns of all nine monitoring tables with a source column. It runs with the privileges and row-level security of the caller (security_invoker), so a tenant sees only its own alerts. Filters on org_id and received_at reach the index of each table.';

--
-- Name: alert_time(public.monitoring_alerts); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.alert_time(p_alert public.monitoring_alerts) RETURNS timestamp with time zone
    LANGUAGE sql IMMUTABLE
    AS $$
  select coalesce(p_alert.starts_at, p_alert.received_at)
$$;

ALTER FUNCTION aurora_private.alert_time(p_alert public.monitoring_alerts) OWNER TO aurora_owner;

--
-- Name: FUNCTION alert_time(p_alert public.monitoring_alerts); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.alert_time(p_alert public.monitoring_alerts) IS 'Returns the time correlation uses for an alert: starts_at, or received_at when the source gave no start.';

--
-- Name: attach_alert(public.monitoring_alerts, uuid, public.correlation_strategy, numeric, jsonb, uuid); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.attach_alert(p_alert public.monitoring_alerts, p_incident_id uuid, p_strategy public.correlation_strategy, p_score numeric, p_details jsonb, p_attached_by uuid DEFAULT NULL::uuid) RETURNS void
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION aurora_private.attach_alert(p_alert public.monitoring_alerts, p_incident_id uuid, p_strategy public.correlation_strategy, p_score numeric, p_details jsonb, p_attached_by uuid) OWNER TO aurora_owner;

--
-- Name: FUNCTION attach_alert(p_alert public.monitoring_alerts, p_incident_id uuid, p_strategy public.correlation_strategy, p_score numeric, p_details jsonb, p_attached_by uuid); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.attach_alert(p_alert public.monitoring_alerts, p_incident_id uuid, p_strategy public.correlation_strategy, p_score numeric, p_details jsonb, p_attached_by uuid) IS 'Records an alert in incident_alerts and widens the incident to it: the most severe severity, the service and environment when the incident had none, the service added to affected_services, and the earlier start.';

--
-- Name: incidents; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.incidents (
    org_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    title text NOT NULL,
    description text,
    summary text,
    status public.incident_status DEFAULT 'investigating'::public.incident_status NOT NULL,
    analysis_status public.analysis_status DEFAULT 'idle'::public.analysis_status NOT NULL,
    severity public.severity,
    source public.monitoring_source,
    source_alert_id bigint,
    service text,
    affected_services text[] DEFAULT '{}'::text[] NOT NULL,
    environment text,
    merged_into_id uuid,
    created_by uuid,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    resolved_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    alert_count integer,
    first_alert_at timestamp with time zone,
    last_alert_at timestamp with time zone,
    alert_titles text[] DEFAULT '{}'::text[] NOT NULL,
    alert_texts text[] DEFAULT '{}'::text[] NOT NULL,
    CONSTRAINT incidents_merged_into_id_check CHECK (((status = 'merged'::public.incident_status) = (merged_into_id IS NOT NULL))),
    CONSTRAINT incidents_merged_into_id_not_self_check CHECK ((merged_into_id <> id)),
    CONSTRAINT incidents_source_alert_id_check CHECK (((source_alert_id IS NULL) OR (source IS NOT NULL))),
    CONSTRAINT incidents_title_check CHECK ((title <> ''::text))
);

ALTER TABLE ONLY public.incidents FORCE ROW LEVEL SECURITY;

ALTER TABLE public.incidents OWNER TO aurora_owner;

--
-- Name: TABLE incidents; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.incidents IS 'Problems under root cause analysis, opened from an alert or by a user. Open means status investigating or analyzed; partial indexes cover open incidents for correlation.';

--
-- Name: COLUMN incidents.summary; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incidents.summary IS 'Short summary written by the RCA agent.';

--
-- Name: COLUMN incidents.source; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incidents.source IS 'Monitoring source of the alert that opened the incident; NULL for incidents users opened.';

--
-- Name: COLUMN incidents.source_alert_id; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incidents.source_alert_id IS 'Id of the alert that opened the incident, in the monitoring table of source. At most one incident per alert. Set to NULL when retention deletes that alert.';

--
-- Name: COLUMN incidents.service; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incidents.service IS 'Main affected service, matched by the service_match correlation strategy.';

--
-- Name: COLUMN incidents.affected_services; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incidents.affected_services IS 'Every service named by the alerts of the incident.';

--
-- Name: COLUMN incidents.merged_into_id; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incidents.merged_into_id IS 'Incident this one was merged into; set exactly when status is merged, never to itself or to an incident that is merged itself.';

--
-- Name: COLUMN incidents.created_by; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incidents.created_by IS 'User who opened the incident by hand; NULL for incidents opened from an alert.';

--
-- Name: COLUMN incidents.started_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incidents.started_at IS 'When the problem started: the start of the first alert, or when a user opened it.';

--
-- Name: COLUMN incidents.resolved_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incidents.resolved_at IS 'When the incident was resolved, as recorded by the service that resolved it.';

--
-- Name: COLUMN incidents.alert_count; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incidents.alert_count IS 'Number of alerts of the incident: its rows in incident_alerts plus one while source_alert_id is set. Kept by triggers; NULL for rows created before the column existed.';

--
-- Name: COLUMN incidents.first_alert_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incidents.first_alert_at IS 'Earliest time (starts_at, else received_at) of the incident''s alerts, for correlation.';

--
-- Name: COLUMN incidents.last_alert_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incidents.last_alert_at IS 'Latest time (starts_at, else received_at) of the incident''s alerts, for correlation.';

--
-- Name: COLUMN incidents.alert_titles; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incidents.alert_titles IS 'Up to 10 distinct titles of the incident''s alerts, most recently added first, for the trigram similarity of correlation.';

--
-- Name: COLUMN incidents.alert_texts; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incidents.alert_texts IS 'Up to 10 distinct texts (title and description) of the incident''s alerts, most recently added first, for the trigram similarity of correlation.';

--
-- Name: best_candidate(public.monitoring_alerts, public.incidents[], jsonb); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.best_candidate(p_alert public.monitoring_alerts, p_candidates public.incidents[], p_settings jsonb, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT details jsonb) RETURNS record
    LANGUAGE plpgsql STABLE
    AS $$
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

ALTER FUNCTION aurora_private.best_candidate(p_alert public.monitoring_alerts, p_candidates public.incidents[], p_settings jsonb, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT details jsonb) OWNER TO aurora_owner;

--
-- Name: FUNCTION best_candidate(p_alert public.monitoring_alerts, p_candidates public.incidents[], p_settings jsonb, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT details jsonb); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.best_candidate(p_alert public.monitoring_alerts, p_candidates public.incidents[], p_settings jsonb, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT details jsonb) IS 'Returns the incident among p_candidates that a firing alert should join by score (strategy service_match or time_window) or, failing that, by title similarity (semantic), with the score and the reasons; NULLs when none qualifies. Scores the max_candidates most recently started open incidents of p_candidates that are not full.';

--
-- Name: best_open_incident(public.monitoring_alerts, jsonb); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.best_open_incident(p_alert public.monitoring_alerts, p_settings jsonb, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT details jsonb) RETURNS record
    LANGUAGE sql STABLE
    AS $$
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

ALTER FUNCTION aurora_private.best_open_incident(p_alert public.monitoring_alerts, p_settings jsonb, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT details jsonb) OWNER TO aurora_owner;

--
-- Name: FUNCTION best_open_incident(p_alert public.monitoring_alerts, p_settings jsonb, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT details jsonb); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.best_open_incident(p_alert public.monitoring_alerts, p_settings jsonb, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT details jsonb) IS 'Returns what best_candidate() returns for the max_candidates most recently started open incidents of the organization in context that are not full.';

--
-- Name: candidate_fit(public.monitoring_alerts, public.incidents, jsonb, boolean); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.candidate_fit(p_alert public.monitoring_alerts, p_incident public.incidents, p_settings jsonb, p_with_details boolean, OUT member_count bigint, OUT delta_seconds numeric, OUT is_service_match boolean, OUT is_service_absent boolean, OUT title_similarity numeric, OUT service_score numeric, OUT time_score numeric, OUT similarity_score numeric, OUT weighted_score numeric, OUT details jsonb) RETURNS record
    LANGUAGE plpgsql STABLE
    AS $$
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

ALTER FUNCTION aurora_private.candidate_fit(p_alert public.monitoring_alerts, p_incident public.incidents, p_settings jsonb, p_with_details boolean, OUT member_count bigint, OUT delta_seconds numeric, OUT is_service_match boolean, OUT is_service_absent boolean, OUT title_similarity numeric, OUT service_score numeric, OUT time_score numeric, OUT similarity_score numeric, OUT weighted_score numeric, OUT details jsonb) OWNER TO aurora_owner;

--
-- Name: FUNCTION candidate_fit(p_alert public.monitoring_alerts, p_incident public.incidents, p_settings jsonb, p_with_details boolean, OUT member_count bigint, OUT delta_seconds numeric, OUT is_service_match boolean, OUT is_service_absent boolean, OUT title_similarity numeric, OUT service_score numeric, OUT time_score numeric, OUT similarity_score numeric, OUT weighted_score numeric, OUT details jsonb); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.candidate_fit(p_alert public.monitoring_alerts, p_incident public.incidents, p_settings jsonb, p_with_details boolean, OUT member_count bigint, OUT delta_seconds numeric, OUT is_service_match boolean, OUT is_service_absent boolean, OUT title_similarity numeric, OUT service_score numeric, OUT time_score numeric, OUT similarity_score numeric, OUT weighted_score numeric, OUT details jsonb) IS 'Returns the parts of the score of an alert against one incident row: its alert count, the gap in seconds between the alert and the time span of the incident''s alerts, whether the services match or are both absent, the trigram similarity of titles, the service, time and similarity scores, the weighted score and, with p_with_details, the reasons as the JSONB of incident_alerts.details (NULL without).';

--
-- Name: check_merge(uuid, uuid, public.incidents, public.incidents); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.check_merge(p_from uuid, p_into uuid, p_source_incident public.incidents, p_target_incident public.incidents) RETURNS void
    LANGUAGE plpgsql STABLE
    AS $$
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

ALTER FUNCTION aurora_private.check_merge(p_from uuid, p_into uuid, p_source_incident public.incidents, p_target_incident public.incidents) OWNER TO aurora_owner;

--
-- Name: FUNCTION check_merge(p_from uuid, p_into uuid, p_source_incident public.incidents, p_target_incident public.incidents); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.check_merge(p_from uuid, p_into uuid, p_source_incident public.incidents, p_target_incident public.incidents) IS 'Raises AU004 when either incident of a merge is missing (a NULL id) and AU002 when the source is already merged or the target is merged.';

--
-- Name: correlate_alert(public.monitoring_alerts, jsonb, boolean, boolean); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.correlate_alert(p_alert public.monitoring_alerts, p_settings jsonb, p_may_belong boolean, p_may_have_sibling boolean, OUT action text, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT is_incident_resolved boolean) RETURNS record
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION aurora_private.correlate_alert(p_alert public.monitoring_alerts, p_settings jsonb, p_may_belong boolean, p_may_have_sibling boolean, OUT action text, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT is_incident_resolved boolean) OWNER TO aurora_owner;

--
-- Name: FUNCTION correlate_alert(p_alert public.monitoring_alerts, p_settings jsonb, p_may_belong boolean, p_may_have_sibling boolean, OUT action text, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT is_incident_resolved boolean); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.correlate_alert(p_alert public.monitoring_alerts, p_settings jsonb, p_may_belong boolean, p_may_have_sibling boolean, OUT action text, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT is_incident_resolved boolean) IS 'Applies the correlation rules to one stored alert (see correlate_alerts) and returns the action taken (opened, joined, reopened or stored), the incident, the strategy and score of a join, and whether the incident was resolved by it. p_may_belong false skips the lookup of the alert''s own incident and p_may_have_sibling false the lookup of a firing alert with the same fingerprint; pass false only when the caller checked that none exists.';

--
-- Name: correlate_in_memory(public.monitoring_alerts[], jsonb, public.incidents[]); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.correlate_in_memory(p_alerts public.monitoring_alerts[], p_settings jsonb, p_candidates public.incidents[]) RETURNS TABLE(alert_id bigint, action text, incident_id uuid, strategy public.correlation_strategy, score numeric, is_incident_resolved boolean)
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION aurora_private.correlate_in_memory(p_alerts public.monitoring_alerts[], p_settings jsonb, p_candidates public.incidents[]) OWNER TO aurora_owner;

--
-- Name: FUNCTION correlate_in_memory(p_alerts public.monitoring_alerts[], p_settings jsonb, p_candidates public.incidents[]); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.correlate_in_memory(p_alerts public.monitoring_alerts[], p_settings jsonb, p_candidates public.incidents[]) IS 'Applies correlation rules 3 to 5 (see correlate_alerts) to alerts of one source, in the given order, against p_candidates and the incidents the batch opens, all held in memory, then writes the result with three statements. Valid only for alerts that belong to no incident and share no fingerprint with another firing alert, and when p_candidates contains every open incident, not full, that an alert of the batch could be scored against.';

--
-- Name: correlation_settings(jsonb); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.correlation_settings(p_settings jsonb) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE
    AS $_$
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
$_$;

ALTER FUNCTION aurora_private.correlation_settings(p_settings jsonb) OWNER TO aurora_owner;

--
-- Name: FUNCTION correlation_settings(p_settings jsonb); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.correlation_settings(p_settings jsonb) IS 'Returns the correlation settings with defaults filled in: service_weight 0.5, time_weight 0.3, similarity_weight 0.2, window_seconds 300, score_threshold 0.6, max_alerts_per_incident 50, semantic_window_seconds 3600, semantic_threshold 0.5, max_candidates 50. Raises 22023 for an unknown key or an invalid value.';

--
-- Name: current_incident_of_alert(public.monitoring_source, bigint); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.current_incident_of_alert(p_source public.monitoring_source, p_alert_id bigint) RETURNS uuid
    LANGUAGE plpgsql STABLE
    AS $$
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

ALTER FUNCTION aurora_private.current_incident_of_alert(p_source public.monitoring_source, p_alert_id bigint) OWNER TO aurora_owner;

--
-- Name: FUNCTION current_incident_of_alert(p_source public.monitoring_source, p_alert_id bigint); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.current_incident_of_alert(p_source public.monitoring_source, p_alert_id bigint) IS 'Returns the incident an alert belongs to: the one it was correlated into, else the one it opened unless that one was merged (a merge moves the opening alert to the target). NULL when the alert belongs to no incident.';

--
-- Name: incident_alert_count(uuid); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.incident_alert_count(p_incident_id uuid) RETURNS bigint
    LANGUAGE plpgsql STABLE
    AS $$
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

ALTER FUNCTION aurora_private.incident_alert_count(p_incident_id uuid) OWNER TO aurora_owner;

--
-- Name: FUNCTION incident_alert_count(p_incident_id uuid); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.incident_alert_count(p_incident_id uuid) IS 'Returns the number of alerts of an incident: the correlated ones and the one that opened it. Reads only incident_alerts and incidents through their indexes.';

--
-- Name: incident_member_alerts(uuid); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.incident_member_alerts(p_incident_id uuid) RETURNS SETOF public.monitoring_alerts
    LANGUAGE sql STABLE
    AS $$
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

ALTER FUNCTION aurora_private.incident_member_alerts(p_incident_id uuid) OWNER TO aurora_owner;

--
-- Name: FUNCTION incident_member_alerts(p_incident_id uuid); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.incident_member_alerts(p_incident_id uuid) IS 'Returns the alerts of an incident of the organization in context: the alert that opened it and the alerts in incident_alerts. Runs with the caller''s row-level security.';

--
-- Name: jsonb_has_secret_key(jsonb); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.jsonb_has_secret_key(document jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
  select aurora_private.jsonb_secret_key_path(document) is not null
$$;

ALTER FUNCTION aurora_private.jsonb_has_secret_key(document jsonb) OWNER TO aurora_owner;

--
-- Name: FUNCTION jsonb_has_secret_key(document jsonb); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.jsonb_has_secret_key(document jsonb) IS 'Returns true when the document contains a key that jsonb_secret_key_path() reports as a secret. Check constraints use it; rows stored before a change to the key list are not checked again.';

--
-- Name: jsonb_secret_key_path(jsonb); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.jsonb_secret_key_path(document jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$
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
$_$;

ALTER FUNCTION aurora_private.jsonb_secret_key_path(document jsonb) OWNER TO aurora_owner;

--
-- Name: FUNCTION jsonb_secret_key_path(document jsonb); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.jsonb_secret_key_path(document jsonb) IS 'Returns the JSON Pointer (such as /oauth/access_token) of the first key, at any depth, whose normalized name (lowercase, letters and digits only) is authorization, credential, credentials or cookie, or ends in token, secret, password, passwd, passphrase, apikey, privatekey, secretkey or accesskey. Returns NULL when no key matches. The value under the key does not matter.';

--
-- Name: monitoring_alert_exists(uuid, public.monitoring_source, bigint); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.monitoring_alert_exists(target_org_id uuid, target_source public.monitoring_source, target_alert_id bigint) RETURNS boolean
    LANGUAGE plpgsql STABLE
    AS $$
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

ALTER FUNCTION aurora_private.monitoring_alert_exists(target_org_id uuid, target_source public.monitoring_source, target_alert_id bigint) OWNER TO aurora_owner;

--
-- Name: FUNCTION monitoring_alert_exists(target_org_id uuid, target_source public.monitoring_source, target_alert_id bigint); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.monitoring_alert_exists(target_org_id uuid, target_source public.monitoring_source, target_alert_id bigint) IS 'Returns whether the monitoring table of the source has the alert (org_id, id). Runs with the privileges and row-level security of the caller.';

--
-- Name: move_merged_alerts(public.incidents, uuid); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.move_merged_alerts(p_source_incident public.incidents, p_into uuid) RETURNS integer
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION aurora_private.move_merged_alerts(p_source_incident public.incidents, p_into uuid) OWNER TO aurora_owner;

--
-- Name: FUNCTION move_merged_alerts(p_source_incident public.incidents, p_into uuid); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.move_merged_alerts(p_source_incident public.incidents, p_into uuid) IS 'Moves the alerts of a merged incident, the one that opened it included, to the target incident with strategy manual and score 1. Returns how many it moved.';

--
-- Name: open_incident_for_alert(public.monitoring_alerts); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.open_incident_for_alert(p_alert public.monitoring_alerts) RETURNS uuid
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION aurora_private.open_incident_for_alert(p_alert public.monitoring_alerts) OWNER TO aurora_owner;

--
-- Name: FUNCTION open_incident_for_alert(p_alert public.monitoring_alerts); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.open_incident_for_alert(p_alert public.monitoring_alerts) IS 'Opens an incident (investigating, analysis idle) from an alert: its title, description, severity, service and environment, started at the alert''s time. Returns the incident id.';

--
-- Name: open_incident_with_fingerprint(public.monitoring_alerts, jsonb); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.open_incident_with_fingerprint(p_alert public.monitoring_alerts, p_settings jsonb) RETURNS uuid
    LANGUAGE plpgsql STABLE
    AS $$
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

ALTER FUNCTION aurora_private.open_incident_with_fingerprint(p_alert public.monitoring_alerts, p_settings jsonb) OWNER TO aurora_owner;

--
-- Name: FUNCTION open_incident_with_fingerprint(p_alert public.monitoring_alerts, p_settings jsonb); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.open_incident_with_fingerprint(p_alert public.monitoring_alerts, p_settings jsonb) IS 'Returns the most recently started open incident, not yet full, that holds a firing alert of the same source and fingerprint; NULL when there is none. Finds the alerts through the partial (org_id, fingerprint) index of firing alerts.';

--
-- Name: refresh_incident_bookkeeping(uuid[]); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.refresh_incident_bookkeeping(p_incident_ids uuid[]) RETURNS void
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION aurora_private.refresh_incident_bookkeeping(p_incident_ids uuid[]) OWNER TO aurora_owner;

--
-- Name: FUNCTION refresh_incident_bookkeeping(p_incident_ids uuid[]); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.refresh_incident_bookkeeping(p_incident_ids uuid[]) IS 'Recomputes alert_count, first_alert_at, last_alert_at, alert_titles and alert_texts of the given incidents of the organization in context from their alerts.';

--
-- Name: reopen_incident(uuid); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.reopen_incident(p_incident_id uuid) RETURNS boolean
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION aurora_private.reopen_incident(p_incident_id uuid) OWNER TO aurora_owner;

--
-- Name: FUNCTION reopen_incident(p_incident_id uuid); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.reopen_incident(p_incident_id uuid) IS 'Sets a resolved incident back to investigating and clears resolved_at. Returns whether the incident was resolved.';

--
-- Name: resolve_incident_if_cleared(uuid); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.resolve_incident_if_cleared(p_incident_id uuid) RETURNS boolean
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION aurora_private.resolve_incident_if_cleared(p_incident_id uuid) OWNER TO aurora_owner;

--
-- Name: FUNCTION resolve_incident_if_cleared(p_incident_id uuid); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.resolve_incident_if_cleared(p_incident_id uuid) IS 'Resolves an open incident when none of its alerts is firing, with resolved_at set to the latest ends_at of its alerts (now() when none has one). Returns whether it resolved it.';

--
-- Name: score_candidates(public.monitoring_alerts, public.incidents[], jsonb); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.score_candidates(p_alert public.monitoring_alerts, p_candidates public.incidents[], p_settings jsonb) RETURNS TABLE(incident_id uuid, started_at timestamp with time zone, member_count bigint, delta_seconds numeric, is_service_match boolean, is_service_absent boolean, title_similarity numeric, weighted_score numeric, details jsonb)
    LANGUAGE plpgsql STABLE
    AS $$
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

ALTER FUNCTION aurora_private.score_candidates(p_alert public.monitoring_alerts, p_candidates public.incidents[], p_settings jsonb) OWNER TO aurora_owner;

--
-- Name: FUNCTION score_candidates(p_alert public.monitoring_alerts, p_candidates public.incidents[], p_settings jsonb); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.score_candidates(p_alert public.monitoring_alerts, p_candidates public.incidents[], p_settings jsonb) IS 'Returns how well an alert fits each given incident row: its alert count, the gap in seconds between the alert and the time span of the incident''s alerts, whether the services match or are both absent, the trigram similarity of titles, the weighted score, and the reasons as the JSONB of incident_alerts.details: scores and weights by part (service, time, similarity), weightedScore, timeDeltaSeconds, titleSimilarity, matchedService, matched (service, time, title) and reasons in words. Reads only the rows it is given, so it also scores incidents that correlate_alerts() holds in memory.';

--
-- Name: tg__check_alert_exists(); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.tg__check_alert_exists() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION aurora_private.tg__check_alert_exists() OWNER TO aurora_owner;

--
-- Name: FUNCTION tg__check_alert_exists(); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.tg__check_alert_exists() IS 'Trigger function (after insert or update): raises AU004 unless the alert named by the columns in the two trigger arguments (source, alert id) exists in the same organization.';

--
-- Name: tg__detach_deleted_alerts(); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.tg__detach_deleted_alerts() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION aurora_private.tg__detach_deleted_alerts() OWNER TO aurora_owner;

--
-- Name: FUNCTION tg__detach_deleted_alerts(); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.tg__detach_deleted_alerts() IS 'Trigger function (after delete, per statement, transition table deleted_alerts): deletes the incident_alerts rows of the deleted alerts and clears incidents.source_alert_id where it pointed at one. The trigger argument names the monitoring source of the table.';

--
-- Name: tg__reject_secret_keys(); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.tg__reject_secret_keys() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION aurora_private.tg__reject_secret_keys() OWNER TO aurora_owner;

--
-- Name: FUNCTION tg__reject_secret_keys(); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.tg__reject_secret_keys() IS 'Trigger function: raises AU003 naming the JSON Pointer of the first secret field in the JSONB column named by the trigger argument. The check constraint on the same column rejects the row too, but only with a generic check_violation.';

--
-- Name: tg__set_updated_at(); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.tg__set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
  new.updated_at := now();
  return new;
end;
$$;

ALTER FUNCTION aurora_private.tg__set_updated_at() OWNER TO aurora_owner;

--
-- Name: FUNCTION tg__set_updated_at(); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.tg__set_updated_at() IS 'Trigger function: sets updated_at to the start time of the current transaction on every update. Attached as the _100_set_updated_at trigger.';

--
-- Name: tg_incident_alerts__track_incidents(); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.tg_incident_alerts__track_incidents() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION aurora_private.tg_incident_alerts__track_incidents() OWNER TO aurora_owner;

--
-- Name: FUNCTION tg_incident_alerts__track_incidents(); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.tg_incident_alerts__track_incidents() IS 'Trigger function (after insert, update or delete on incident_alerts, per statement, transition tables old_rows and new_rows): keeps incidents.alert_count exact and widens the time span and text lists of the incidents that alerts join. Runs as the caller, so the maintenance role needs update (alert_count) on incidents for retention.';

--
-- Name: tg_incident_thoughts__notify(); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.tg_incident_thoughts__notify() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
  perform pg_notify('aurora_thoughts', json_build_object(
    'org_id', new.org_id,
    'incident_id', new.incident_id,
    'thought_id', new.id
  )::text);
  return null;
end;
$$;

ALTER FUNCTION aurora_private.tg_incident_thoughts__notify() OWNER TO aurora_owner;

--
-- Name: FUNCTION tg_incident_thoughts__notify(); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.tg_incident_thoughts__notify() IS 'Trigger function: sends NOTIFY on channel aurora_thoughts with the JSON object {org_id, incident_id, thought_id}. It never sends the content: every listener receives every tenant''s notifications and must read the thought under that tenant''s context.';

--
-- Name: tg_incidents__check_status_transition(); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.tg_incidents__check_status_transition() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION aurora_private.tg_incidents__check_status_transition() OWNER TO aurora_owner;

--
-- Name: FUNCTION tg_incidents__check_status_transition(); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.tg_incidents__check_status_transition() IS 'Trigger function: raises AU002 when an update leaves merged, goes from resolved to analyzed, sets analysis_status to complete or error without running first, or merges into an incident that is merged itself.';

--
-- Name: tg_incidents__count_opening_alert(); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.tg_incidents__count_opening_alert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION aurora_private.tg_incidents__count_opening_alert() OWNER TO aurora_owner;

--
-- Name: FUNCTION tg_incidents__count_opening_alert(); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.tg_incidents__count_opening_alert() IS 'Trigger function (before insert or update of source_alert_id on incidents): sets alert_count on insert to 1 with an opening alert, else 0, and adjusts it when source_alert_id is set or cleared.';

--
-- Name: tg_incidents__keep_updated_at_for_bookkeeping(); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.tg_incidents__keep_updated_at_for_bookkeeping() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION aurora_private.tg_incidents__keep_updated_at_for_bookkeeping() OWNER TO aurora_owner;

--
-- Name: FUNCTION tg_incidents__keep_updated_at_for_bookkeeping(); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.tg_incidents__keep_updated_at_for_bookkeeping() IS 'Trigger function (before update on incidents, after _100_set_updated_at): keeps updated_at when an update changes only the alert bookkeeping columns, which are derived from incident_alerts, so that attaching alerts through a restore or an import leaves the restored updated_at as it was.';

--
-- Name: with_recent_text(text[], text); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.with_recent_text(p_texts text[], p_text text) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    AS $$
  select case
    when p_text is null or p_text = any(p_texts) then p_texts
    else (array[p_text] || p_texts)[1:10]
  end
$$;

ALTER FUNCTION aurora_private.with_recent_text(p_texts text[], p_text text) OWNER TO aurora_owner;

--
-- Name: FUNCTION with_recent_text(p_texts text[], p_text text); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.with_recent_text(p_texts text[], p_text text) IS 'Returns p_texts with p_text added first unless it is NULL or already there, keeping the first 10 elements.';

--
-- Name: with_recent_texts(text[], text[]); Type: FUNCTION; Schema: aurora_private; Owner: aurora_owner
--

CREATE FUNCTION aurora_private.with_recent_texts(p_texts text[], p_added text[]) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE
    AS $$
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

ALTER FUNCTION aurora_private.with_recent_texts(p_texts text[], p_added text[]) OWNER TO aurora_owner;

--
-- Name: FUNCTION with_recent_texts(p_texts text[], p_added text[]); Type: COMMENT; Schema: aurora_private; Owner: aurora_owner
--

COMMENT ON FUNCTION aurora_private.with_recent_texts(p_texts text[], p_added text[]) IS 'Returns p_texts with each text of p_added (newest first) added as with_recent_text adds it.';

--
-- Name: authenticate(text, text); Type: FUNCTION; Schema: public; Owner: aurora_owner
--

CREATE FUNCTION public.authenticate(email text, password text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  found_user_id uuid;
  stored_hash text;
begin
  select users.id, users.password_hash
  into found_user_id, stored_hash
  from public.users
  where lower(users.email) = lower(authenticate.email);

  if stored_hash is null then
    -- Hash anyway, so that a missing user takes as long as a wrong password.
    perform public.crypt(coalesce(password, ''), public.gen_salt('bf', 12));
    return null;
  end if;
  if password is not null and public.crypt(password, stored_hash) = stored_hash then
    return found_user_id;
  end if;
  return null;
end;
$$;

ALTER FUNCTION public.authenticate(email text, password text) OWNER TO aurora_owner;

--
-- Name: FUNCTION authenticate(email text, password text); Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON FUNCTION public.authenticate(email text, password text) IS 'Returns the id of the user with this email (any letter case) when the password matches its bcrypt hash, and NULL otherwise, including for unknown addresses and users without a password. Takes about as long either way.';

--
-- Name: change_password(uuid, text, text); Type: FUNCTION; Schema: public; Owner: aurora_owner
--

CREATE FUNCTION public.change_password(user_id uuid, current_password text, new_password text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  stored_hash text;
begin
  if new_password is null or new_password = '' then
    raise exception using errcode = '22023', message = 'new password must not be empty';
  end if;
  if octet_length(new_password) > 72 then
    raise exception using
      errcode = '22023',
      message = format('new password is %s bytes long, but bcrypt reads at most 72',
        octet_length(new_password));
  end if;

  select users.password_hash into stored_hash
  from public.users
  where users.id = change_password.user_id
  for update;

  if stored_hash is null
    or public.crypt(coalesce(current_password, ''), stored_hash) <> stored_hash then
    return false;
  end if;
  update public.users
  set password_hash = public.crypt(new_password, public.gen_salt('bf', 12))
  where users.id = change_password.user_id;
  return found;
end;
$$;

ALTER FUNCTION public.change_password(user_id uuid, current_password text, new_password text) OWNER TO aurora_owner;

--
-- Name: FUNCTION change_password(user_id uuid, current_password text, new_password text); Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON FUNCTION public.change_password(user_id uuid, current_password text, new_password text) IS 'Replaces the bcrypt hash of a user when current_password matches it and returns true. Returns false for a wrong current password, an unknown user or a user without a password. Raises 22023 for an empty new password or one longer than 72 bytes.';

--
-- Name: correlate_alerts(public.monitoring_source, bigint[], jsonb); Type: FUNCTION; Schema: public; Owner: aurora_owner
--

CREATE FUNCTION public.correlate_alerts(p_source public.monitoring_source, p_alert_ids bigint[], p_settings jsonb DEFAULT '{}'::jsonb) RETURNS TABLE(alert_id bigint, action text, incident_id uuid, strategy public.correlation_strategy, score numeric, is_incident_resolved boolean)
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION public.correlate_alerts(p_source public.monitoring_source, p_alert_ids bigint[], p_settings jsonb) OWNER TO aurora_owner;

--
-- Name: FUNCTION correlate_alerts(p_source public.monitoring_source, p_alert_ids bigint[], p_settings jsonb); Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON FUNCTION public.correlate_alerts(p_source public.monitoring_source, p_alert_ids bigint[], p_settings jsonb) IS 'Correlates stored alerts of one source into incidents, in order of their time (starts_at, else received_at), and returns one row per alert: action opened (a new incident), joined (attached to an open incident with strategy and score), reopened (its resolved incident fires again) or stored (nothing changed), the incident, and whether the alert resolved its incident. Ids that the organization in context cannot see are skipped. Runs with the caller''s row-level security and raises AU001 without an organization in context. p_settings overrides the defaults listed on aurora_private.correlation_settings(). The rules are described in the migration that creates this function.';

--
-- Name: current_org_id(); Type: FUNCTION; Schema: public; Owner: aurora_owner
--

CREATE FUNCTION public.current_org_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select nullif(current_setting('aurora.org_id', true), '')::uuid
$$;

ALTER FUNCTION public.current_org_id() OWNER TO aurora_owner;

--
-- Name: FUNCTION current_org_id(); Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON FUNCTION public.current_org_id() IS 'Returns the organization of the current transaction, set with set_config(''aurora.org_id'', id, true), or NULL when none is set. Policies call it as (select current_org_id()) so that it runs once per query.';

--
-- Name: current_user_id(); Type: FUNCTION; Schema: public; Owner: aurora_owner
--

CREATE FUNCTION public.current_user_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select nullif(current_setting('aurora.user_id', true), '')::uuid
$$;

ALTER FUNCTION public.current_user_id() OWNER TO aurora_owner;

--
-- Name: FUNCTION current_user_id(); Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON FUNCTION public.current_user_id() IS 'Returns the user of the current transaction, set with set_config(''aurora.user_id'', id, true), or NULL when none is set.';

--
-- Name: merge_incidents(uuid, uuid); Type: FUNCTION; Schema: public; Owner: aurora_owner
--

CREATE FUNCTION public.merge_incidents(p_from uuid, p_into uuid) RETURNS integer
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION public.merge_incidents(p_from uuid, p_into uuid) OWNER TO aurora_owner;

--
-- Name: FUNCTION merge_incidents(p_from uuid, p_into uuid); Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON FUNCTION public.merge_incidents(p_from uuid, p_into uuid) IS 'Merges incident p_from into p_into by hand: moves every alert of p_from (the one that opened it included) to p_into with strategy manual, score 1 and details {mergedFrom, previousStrategy, previousScore, reasons}, widens p_into (severity, services, start), reopens it when it was resolved and now has a firing alert, and sets p_from to merged. Returns the number of alerts moved. The alert cap of correlation does not apply. Raises AU004 when either incident is not found, AU002 when p_from is already merged, p_into is merged or they are the same incident, and AU001 without an organization in context.';

--
-- Name: register_user(text, text, text); Type: FUNCTION; Schema: public; Owner: aurora_owner
--

CREATE FUNCTION public.register_user(email text, password text, display_name text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  new_user_id uuid;
begin
  if password is null or password = '' then
    raise exception using errcode = '22023', message = 'password must not be empty';
  end if;
  if octet_length(password) > 72 then
    raise exception using
      errcode = '22023',
      message = format('password is %s bytes long, but bcrypt reads at most 72',
        octet_length(password));
  end if;
  insert into public.users (email, display_name, password_hash)
  values (register_user.email, register_user.display_name,
    public.crypt(password, public.gen_salt('bf', 12)))
  returning id into new_user_id;
  return new_user_id;
end;
$$;

ALTER FUNCTION public.register_user(email text, password text, display_name text) OWNER TO aurora_owner;

--
-- Name: FUNCTION register_user(email text, password text, display_name text); Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON FUNCTION public.register_user(email text, password text, display_name text) IS 'Creates a user with a bcrypt hash (cost 12) of the password and returns the new id. Raises 22023 for an empty password or one longer than 72 bytes, and 23505 on users_email_key when the address is taken in any letter case.';

--
-- Name: bigpanda_events_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.bigpanda_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.bigpanda_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: chat_messages; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.chat_messages (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    session_id uuid NOT NULL,
    user_id uuid NOT NULL,
    role public.chat_message_role NOT NULL,
    content jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.chat_messages FORCE ROW LEVEL SECURITY;

ALTER TABLE public.chat_messages OWNER TO aurora_owner;

--
-- Name: TABLE chat_messages; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.chat_messages IS 'Messages of a chat session in order of (created_at, id), one row each.';

--
-- Name: COLUMN chat_messages.user_id; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.chat_messages.user_id IS 'Owner of the session (not the author, which is role); repeated here so that policies check it without a join.';

--
-- Name: COLUMN chat_messages.content; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.chat_messages.content IS 'Message body as JSON: text parts, tool calls and tool results in the format the agent uses.';

--
-- Name: chat_messages_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.chat_messages ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.chat_messages_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: chat_sessions; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.chat_sessions (
    org_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    title text,
    status public.chat_session_status DEFAULT 'active'::public.chat_session_status NOT NULL,
    ui_state jsonb DEFAULT '{}'::jsonb NOT NULL,
    incident_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT chat_sessions_ui_state_check CHECK ((jsonb_typeof(ui_state) = 'object'::text))
);

ALTER TABLE ONLY public.chat_sessions FORCE ROW LEVEL SECURITY;

ALTER TABLE public.chat_sessions OWNER TO aurora_owner;

--
-- Name: TABLE chat_sessions; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.chat_sessions IS 'Chat conversations of one user in one organization, listed newest first by (created_at, id). Deleting the incident of a session keeps the session and clears incident_id.';

--
-- Name: COLUMN chat_sessions.ui_state; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.chat_sessions.ui_state IS 'State of the chat screen that the web app restores (open panels, drafts, scroll position).';

--
-- Name: COLUMN chat_sessions.incident_id; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.chat_sessions.incident_id IS 'Incident the conversation is about, such as the one a background RCA session analyses.';

--
-- Name: cloudbees_events_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.cloudbees_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.cloudbees_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: datadog_events_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.datadog_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.datadog_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: dynatrace_problems_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.dynatrace_problems ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.dynatrace_problems_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: grafana_alerts_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.grafana_alerts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.grafana_alerts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: incident_alerts; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.incident_alerts (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    incident_id uuid NOT NULL,
    alert_source public.monitoring_source NOT NULL,
    alert_id bigint NOT NULL,
    strategy public.correlation_strategy NOT NULL,
    score numeric(5,4) NOT NULL,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    attached_by uuid,
    attached_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT incident_alerts_details_check CHECK ((jsonb_typeof(details) = 'object'::text)),
    CONSTRAINT incident_alerts_score_check CHECK (((score >= (0)::numeric) AND (score <= (1)::numeric)))
);

ALTER TABLE ONLY public.incident_alerts FORCE ROW LEVEL SECURITY;

ALTER TABLE public.incident_alerts OWNER TO aurora_owner;

--
-- Name: TABLE incident_alerts; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.incident_alerts IS 'Alerts correlated into an incident, with the strategy, score and reasons of each attachment. An alert belongs to at most one incident. A trigger checks that the alert exists (AU004), and deleting the alert deletes the attachment.';

--
-- Name: COLUMN incident_alerts.alert_id; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_alerts.alert_id IS 'id of the alert in the monitoring table of alert_source.';

--
-- Name: COLUMN incident_alerts.score; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_alerts.score IS 'Correlation score from 0 to 1 with which the alert was attached.';

--
-- Name: COLUMN incident_alerts.details; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_alerts.details IS 'Reasons for the attachment, such as the weighted parts of the score and the matched service.';

--
-- Name: COLUMN incident_alerts.attached_by; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_alerts.attached_by IS 'User who attached the alert by hand; NULL for automatic correlation.';

--
-- Name: incident_alerts_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.incident_alerts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.incident_alerts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: incident_citations; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.incident_citations (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    incident_id uuid NOT NULL,
    citation_key integer NOT NULL,
    tool text NOT NULL,
    command text,
    output text,
    status public.citation_status DEFAULT 'success'::public.citation_status NOT NULL,
    executed_at timestamp with time zone,
    duration_ms integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT incident_citations_citation_key_check CHECK ((citation_key > 0)),
    CONSTRAINT incident_citations_duration_ms_check CHECK ((duration_ms >= 0))
);

ALTER TABLE ONLY public.incident_citations FORCE ROW LEVEL SECURITY;

ALTER TABLE public.incident_citations OWNER TO aurora_owner;

--
-- Name: TABLE incident_citations; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.incident_citations IS 'Tool runs that the RCA of an incident cites, numbered per incident.';

--
-- Name: COLUMN incident_citations.citation_key; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_citations.citation_key IS 'Number n of the citation within its incident, written [n] in thoughts. Unique per incident; two writers choosing the same number get a unique violation.';

--
-- Name: COLUMN incident_citations.tool; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_citations.tool IS 'Name of the tool that ran, such as kubectl or a cloud API.';

--
-- Name: COLUMN incident_citations.output; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_citations.output IS 'Output of the tool as the agent saw it.';

--
-- Name: COLUMN incident_citations.executed_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_citations.executed_at IS 'When the tool run started.';

--
-- Name: COLUMN incident_citations.duration_ms; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_citations.duration_ms IS 'Run time of the tool in milliseconds.';

--
-- Name: incident_citations_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.incident_citations ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.incident_citations_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: incident_suggestions; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.incident_suggestions (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    incident_id uuid NOT NULL,
    type public.suggestion_type NOT NULL,
    title text NOT NULL,
    description text,
    command text,
    risk public.suggestion_risk DEFAULT 'safe'::public.suggestion_risk NOT NULL,
    file_path text,
    original_content text,
    suggested_content text,
    repository text,
    pr_url text,
    pr_number integer,
    applied_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT incident_suggestions_fix_fields_check CHECK (((type = 'fix'::public.suggestion_type) OR ((file_path IS NULL) AND (original_content IS NULL) AND (suggested_content IS NULL) AND (repository IS NULL) AND (pr_url IS NULL) AND (pr_number IS NULL) AND (applied_at IS NULL)))),
    CONSTRAINT incident_suggestions_pr_number_check CHECK ((pr_number > 0))
);

ALTER TABLE ONLY public.incident_suggestions FORCE ROW LEVEL SECURITY;

ALTER TABLE public.incident_suggestions OWNER TO aurora_owner;

--
-- Name: TABLE incident_suggestions; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.incident_suggestions IS 'Actions the RCA agent suggests for an incident. Only fix suggestions carry the file change and pull request columns (file_path through applied_at).';

--
-- Name: COLUMN incident_suggestions.command; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_suggestions.command IS 'Command to run, for diagnostic and mitigation suggestions.';

--
-- Name: COLUMN incident_suggestions.file_path; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_suggestions.file_path IS 'Path of the changed file inside repository.';

--
-- Name: COLUMN incident_suggestions.original_content; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_suggestions.original_content IS 'Content of the file before the fix.';

--
-- Name: COLUMN incident_suggestions.suggested_content; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_suggestions.suggested_content IS 'Content of the file with the fix applied.';

--
-- Name: COLUMN incident_suggestions.repository; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_suggestions.repository IS 'Repository of the file, as owner/name.';

--
-- Name: COLUMN incident_suggestions.pr_url; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_suggestions.pr_url IS 'Pull request that carries the fix, once opened.';

--
-- Name: COLUMN incident_suggestions.applied_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_suggestions.applied_at IS 'When the fix was merged or applied.';

--
-- Name: incident_suggestions_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.incident_suggestions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.incident_suggestions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: incident_thoughts; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.incident_thoughts (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    incident_id uuid NOT NULL,
    type public.thought_type NOT NULL,
    content text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.incident_thoughts FORCE ROW LEVEL SECURITY;

ALTER TABLE public.incident_thoughts OWNER TO aurora_owner;

--
-- Name: TABLE incident_thoughts; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.incident_thoughts IS 'Thoughts the RCA agent streams while it analyses an incident, in order of (created_at, id). Each insert sends NOTIFY aurora_thoughts once the transaction commits.';

--
-- Name: COLUMN incident_thoughts.content; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.incident_thoughts.content IS 'Text of the thought; [n] marks refer to incident_citations.citation_key of the incident.';

--
-- Name: incident_thoughts_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.incident_thoughts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.incident_thoughts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: integrations; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.integrations (
    org_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    kind public.integration_kind NOT NULL,
    name text NOT NULL,
    config jsonb DEFAULT '{}'::jsonb NOT NULL,
    secret_ref text,
    is_enabled boolean DEFAULT true NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT integrations_config_check CHECK (((jsonb_typeof(config) = 'object'::text) AND (NOT aurora_private.jsonb_has_secret_key(config)))),
    CONSTRAINT integrations_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200))),
    CONSTRAINT integrations_secret_ref_check CHECK (((length(secret_ref) <= 1000) AND (secret_ref ~ '^vault:[^[:space:]]+$'::text)))
);

ALTER TABLE ONLY public.integrations FORCE ROW LEVEL SECURITY;

ALTER TABLE public.integrations OWNER TO aurora_owner;

--
-- Name: TABLE integrations; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.integrations IS 'Connections of an organization to an external system, at most one per kind and name.';

--
-- Name: COLUMN integrations.name; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.integrations.name IS 'Label that tells several integrations of one kind apart, such as a GitHub org name.';

--
-- Name: COLUMN integrations.config; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.integrations.config IS 'Non-secret settings (base URL, project keys, channel ids), validated by the JSON Schema of the kind. A key that looks like a secret at any depth raises AU003; see aurora_private.jsonb_secret_key_path().';

--
-- Name: COLUMN integrations.secret_ref; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.integrations.secret_ref IS 'Vault path of the credentials, written as vault:<path>; NULL for integrations that need none.';

--
-- Name: COLUMN integrations.is_enabled; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.integrations.is_enabled IS 'Whether Aurora uses the integration; disabled ones keep their settings.';

--
-- Name: COLUMN integrations.created_by; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.integrations.created_by IS 'User who connected the integration; NULL after that user is deleted.';

--
-- Name: jenkins_events_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.jenkins_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.jenkins_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: k8s_deployments; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.k8s_deployments (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    cluster text NOT NULL,
    namespace text NOT NULL,
    name text NOT NULL,
    uid text,
    api_version text,
    labels jsonb DEFAULT '{}'::jsonb NOT NULL,
    creation_timestamp timestamp with time zone,
    object jsonb NOT NULL,
    synced_at timestamp with time zone DEFAULT now() NOT NULL,
    replicas integer,
    ready_replicas integer,
    available_replicas integer,
    updated_replicas integer,
    strategy text,
    images text[],
    CONSTRAINT k8s_deployments_available_replicas_check CHECK ((available_replicas >= 0)),
    CONSTRAINT k8s_deployments_cluster_check CHECK ((cluster <> ''::text)),
    CONSTRAINT k8s_deployments_labels_check CHECK (aurora_private.jsonb_is_string_map(labels)),
    CONSTRAINT k8s_deployments_name_check CHECK ((name <> ''::text)),
    CONSTRAINT k8s_deployments_namespace_check CHECK ((namespace <> ''::text)),
    CONSTRAINT k8s_deployments_object_check CHECK ((jsonb_typeof(object) = 'object'::text)),
    CONSTRAINT k8s_deployments_ready_replicas_check CHECK ((ready_replicas >= 0)),
    CONSTRAINT k8s_deployments_replicas_check CHECK ((replicas >= 0)),
    CONSTRAINT k8s_deployments_updated_replicas_check CHECK ((updated_replicas >= 0))
);

ALTER TABLE ONLY public.k8s_deployments FORCE ROW LEVEL SECURITY;

ALTER TABLE public.k8s_deployments OWNER TO aurora_owner;

--
-- Name: TABLE k8s_deployments; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.k8s_deployments IS 'Deployments, one row per deployment of a cluster snapshot.';

--
-- Name: COLUMN k8s_deployments.cluster; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_deployments.cluster IS 'Name the organization gave the cluster when connecting it.';

--
-- Name: COLUMN k8s_deployments.uid; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_deployments.uid IS 'metadata.uid, which changes when the object is deleted and created again.';

--
-- Name: COLUMN k8s_deployments.api_version; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_deployments.api_version IS 'apiVersion of the object, such as v1, apps/v1 or extensions/v1beta1.';

--
-- Name: COLUMN k8s_deployments.labels; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_deployments.labels IS 'metadata.labels as a map of strings to strings.';

--
-- Name: COLUMN k8s_deployments.creation_timestamp; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_deployments.creation_timestamp IS 'metadata.creationTimestamp.';

--
-- Name: COLUMN k8s_deployments.object; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_deployments.object IS 'The whole object as the API server returned it.';

--
-- Name: COLUMN k8s_deployments.synced_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_deployments.synced_at IS 'When the last sync that saw this object wrote the row.';

--
-- Name: COLUMN k8s_deployments.replicas; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_deployments.replicas IS 'spec.replicas: desired pods.';

--
-- Name: COLUMN k8s_deployments.ready_replicas; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_deployments.ready_replicas IS 'status.readyReplicas.';

--
-- Name: COLUMN k8s_deployments.available_replicas; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_deployments.available_replicas IS 'status.availableReplicas.';

--
-- Name: COLUMN k8s_deployments.updated_replicas; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_deployments.updated_replicas IS 'status.updatedReplicas.';

--
-- Name: COLUMN k8s_deployments.strategy; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_deployments.strategy IS 'spec.strategy.type: RollingUpdate or Recreate.';

--
-- Name: COLUMN k8s_deployments.images; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_deployments.images IS 'Images of the containers in the pod template.';

--
-- Name: k8s_deployments_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.k8s_deployments ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.k8s_deployments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: k8s_ingresses; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.k8s_ingresses (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    cluster text NOT NULL,
    namespace text NOT NULL,
    name text NOT NULL,
    uid text,
    api_version text,
    labels jsonb DEFAULT '{}'::jsonb NOT NULL,
    creation_timestamp timestamp with time zone,
    object jsonb NOT NULL,
    synced_at timestamp with time zone DEFAULT now() NOT NULL,
    ingress_class text,
    hosts text[],
    addresses text[],
    rules jsonb,
    CONSTRAINT k8s_ingresses_cluster_check CHECK ((cluster <> ''::text)),
    CONSTRAINT k8s_ingresses_labels_check CHECK (aurora_private.jsonb_is_string_map(labels)),
    CONSTRAINT k8s_ingresses_name_check CHECK ((name <> ''::text)),
    CONSTRAINT k8s_ingresses_namespace_check CHECK ((namespace <> ''::text)),
    CONSTRAINT k8s_ingresses_object_check CHECK ((jsonb_typeof(object) = 'object'::text))
);

ALTER TABLE ONLY public.k8s_ingresses FORCE ROW LEVEL SECURITY;

ALTER TABLE public.k8s_ingresses OWNER TO aurora_owner;

--
-- Name: TABLE k8s_ingresses; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.k8s_ingresses IS 'Ingresses, one row per ingress of a cluster snapshot (networking.k8s.io/v1 and the older extensions/v1beta1).';

--
-- Name: COLUMN k8s_ingresses.cluster; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_ingresses.cluster IS 'Name the organization gave the cluster when connecting it.';

--
-- Name: COLUMN k8s_ingresses.uid; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_ingresses.uid IS 'metadata.uid, which changes when the object is deleted and created again.';

--
-- Name: COLUMN k8s_ingresses.api_version; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_ingresses.api_version IS 'apiVersion of the object, such as v1, apps/v1 or extensions/v1beta1.';

--
-- Name: COLUMN k8s_ingresses.labels; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_ingresses.labels IS 'metadata.labels as a map of strings to strings.';

--
-- Name: COLUMN k8s_ingresses.creation_timestamp; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_ingresses.creation_timestamp IS 'metadata.creationTimestamp.';

--
-- Name: COLUMN k8s_ingresses.object; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_ingresses.object IS 'The whole object as the API server returned it.';

--
-- Name: COLUMN k8s_ingresses.synced_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_ingresses.synced_at IS 'When the last sync that saw this object wrote the row.';

--
-- Name: COLUMN k8s_ingresses.ingress_class; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_ingresses.ingress_class IS 'spec.ingressClassName, or the kubernetes.io/ingress.class annotation.';

--
-- Name: COLUMN k8s_ingresses.hosts; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_ingresses.hosts IS 'Hosts of the rules.';

--
-- Name: COLUMN k8s_ingresses.addresses; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_ingresses.addresses IS 'IPs and hostnames of status.loadBalancer.ingress.';

--
-- Name: COLUMN k8s_ingresses.rules; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_ingresses.rules IS 'spec.rules as sent.';

--
-- Name: k8s_ingresses_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.k8s_ingresses ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.k8s_ingresses_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: k8s_nodes; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.k8s_nodes (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    cluster text NOT NULL,
    name text NOT NULL,
    uid text,
    api_version text,
    labels jsonb DEFAULT '{}'::jsonb NOT NULL,
    creation_timestamp timestamp with time zone,
    object jsonb NOT NULL,
    synced_at timestamp with time zone DEFAULT now() NOT NULL,
    status text,
    roles text[],
    internal_ip inet,
    kubelet_version text,
    os_image text,
    cpu_capacity text,
    memory_capacity text,
    is_unschedulable boolean DEFAULT false NOT NULL,
    CONSTRAINT k8s_nodes_cluster_check CHECK ((cluster <> ''::text)),
    CONSTRAINT k8s_nodes_labels_check CHECK (aurora_private.jsonb_is_string_map(labels)),
    CONSTRAINT k8s_nodes_name_check CHECK ((name <> ''::text)),
    CONSTRAINT k8s_nodes_object_check CHECK ((jsonb_typeof(object) = 'object'::text)),
    CONSTRAINT k8s_nodes_status_check CHECK ((status = ANY (ARRAY['Ready'::text, 'NotReady'::text, 'Unknown'::text])))
);

ALTER TABLE ONLY public.k8s_nodes FORCE ROW LEVEL SECURITY;

ALTER TABLE public.k8s_nodes OWNER TO aurora_owner;

--
-- Name: TABLE k8s_nodes; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.k8s_nodes IS 'Nodes, one row per node of a cluster snapshot. Nodes are cluster-scoped, so there is no namespace column.';

--
-- Name: COLUMN k8s_nodes.cluster; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_nodes.cluster IS 'Name the organization gave the cluster when connecting it.';

--
-- Name: COLUMN k8s_nodes.uid; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_nodes.uid IS 'metadata.uid, which changes when the object is deleted and created again.';

--
-- Name: COLUMN k8s_nodes.api_version; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_nodes.api_version IS 'apiVersion of the object, such as v1, apps/v1 or extensions/v1beta1.';

--
-- Name: COLUMN k8s_nodes.labels; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_nodes.labels IS 'metadata.labels as a map of strings to strings.';

--
-- Name: COLUMN k8s_nodes.creation_timestamp; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_nodes.creation_timestamp IS 'metadata.creationTimestamp.';

--
-- Name: COLUMN k8s_nodes.object; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_nodes.object IS 'The whole object as the API server returned it.';

--
-- Name: COLUMN k8s_nodes.synced_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_nodes.synced_at IS 'When the last sync that saw this object wrote the row.';

--
-- Name: COLUMN k8s_nodes.status; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_nodes.status IS 'Ready condition: Ready when True, NotReady when False, Unknown otherwise.';

--
-- Name: COLUMN k8s_nodes.roles; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_nodes.roles IS 'Roles from node-role.kubernetes.io/<role> labels, such as control-plane.';

--
-- Name: COLUMN k8s_nodes.internal_ip; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_nodes.internal_ip IS 'InternalIP entry of status.addresses.';

--
-- Name: COLUMN k8s_nodes.kubelet_version; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_nodes.kubelet_version IS 'status.nodeInfo.kubeletVersion.';

--
-- Name: COLUMN k8s_nodes.os_image; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_nodes.os_image IS 'status.nodeInfo.osImage.';

--
-- Name: COLUMN k8s_nodes.cpu_capacity; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_nodes.cpu_capacity IS 'status.capacity.cpu as a Kubernetes quantity, such as 4 or 3500m.';

--
-- Name: COLUMN k8s_nodes.memory_capacity; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_nodes.memory_capacity IS 'status.capacity.memory as a Kubernetes quantity, such as 8165556Ki.';

--
-- Name: COLUMN k8s_nodes.is_unschedulable; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_nodes.is_unschedulable IS 'spec.unschedulable (cordoned).';

--
-- Name: k8s_nodes_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.k8s_nodes ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.k8s_nodes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: k8s_pods; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.k8s_pods (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    cluster text NOT NULL,
    namespace text NOT NULL,
    name text NOT NULL,
    uid text,
    api_version text,
    labels jsonb DEFAULT '{}'::jsonb NOT NULL,
    creation_timestamp timestamp with time zone,
    object jsonb NOT NULL,
    synced_at timestamp with time zone DEFAULT now() NOT NULL,
    phase text,
    node_name text,
    pod_ip inet,
    host_ip inet,
    restart_count integer,
    ready_containers integer,
    total_containers integer,
    owner_kind text,
    owner_name text,
    started_at timestamp with time zone,
    CONSTRAINT k8s_pods_cluster_check CHECK ((cluster <> ''::text)),
    CONSTRAINT k8s_pods_labels_check CHECK (aurora_private.jsonb_is_string_map(labels)),
    CONSTRAINT k8s_pods_name_check CHECK ((name <> ''::text)),
    CONSTRAINT k8s_pods_namespace_check CHECK ((namespace <> ''::text)),
    CONSTRAINT k8s_pods_object_check CHECK ((jsonb_typeof(object) = 'object'::text)),
    CONSTRAINT k8s_pods_ready_containers_check CHECK ((ready_containers >= 0)),
    CONSTRAINT k8s_pods_restart_count_check CHECK ((restart_count >= 0)),
    CONSTRAINT k8s_pods_total_containers_check CHECK ((total_containers >= 0))
);

ALTER TABLE ONLY public.k8s_pods FORCE ROW LEVEL SECURITY;

ALTER TABLE public.k8s_pods OWNER TO aurora_owner;

--
-- Name: TABLE k8s_pods; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.k8s_pods IS 'Pods, one row per pod of a cluster snapshot.';

--
-- Name: COLUMN k8s_pods.cluster; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.cluster IS 'Name the organization gave the cluster when connecting it.';

--
-- Name: COLUMN k8s_pods.uid; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.uid IS 'metadata.uid, which changes when the object is deleted and created again.';

--
-- Name: COLUMN k8s_pods.api_version; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.api_version IS 'apiVersion of the object, such as v1, apps/v1 or extensions/v1beta1.';

--
-- Name: COLUMN k8s_pods.labels; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.labels IS 'metadata.labels as a map of strings to strings.';

--
-- Name: COLUMN k8s_pods.creation_timestamp; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.creation_timestamp IS 'metadata.creationTimestamp.';

--
-- Name: COLUMN k8s_pods.object; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.object IS 'The whole object as the API server returned it.';

--
-- Name: COLUMN k8s_pods.synced_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.synced_at IS 'When the last sync that saw this object wrote the row.';

--
-- Name: COLUMN k8s_pods.phase; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.phase IS 'status.phase: Pending, Running, Succeeded, Failed or Unknown.';

--
-- Name: COLUMN k8s_pods.node_name; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.node_name IS 'spec.nodeName: node the pod is scheduled on.';

--
-- Name: COLUMN k8s_pods.pod_ip; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.pod_ip IS 'status.podIP.';

--
-- Name: COLUMN k8s_pods.host_ip; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.host_ip IS 'status.hostIP: IP of the node.';

--
-- Name: COLUMN k8s_pods.restart_count; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.restart_count IS 'Sum of restartCount over the container statuses.';

--
-- Name: COLUMN k8s_pods.ready_containers; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.ready_containers IS 'Containers reporting ready.';

--
-- Name: COLUMN k8s_pods.total_containers; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.total_containers IS 'Containers in spec.containers (init containers not counted).';

--
-- Name: COLUMN k8s_pods.owner_kind; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.owner_kind IS 'Kind of the controlling owner reference, such as ReplicaSet.';

--
-- Name: COLUMN k8s_pods.owner_name; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.owner_name IS 'Name of the controlling owner reference.';

--
-- Name: COLUMN k8s_pods.started_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_pods.started_at IS 'status.startTime.';

--
-- Name: k8s_pods_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.k8s_pods ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.k8s_pods_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: k8s_services; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.k8s_services (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    cluster text NOT NULL,
    namespace text NOT NULL,
    name text NOT NULL,
    uid text,
    api_version text,
    labels jsonb DEFAULT '{}'::jsonb NOT NULL,
    creation_timestamp timestamp with time zone,
    object jsonb NOT NULL,
    synced_at timestamp with time zone DEFAULT now() NOT NULL,
    type text,
    cluster_ip inet,
    external_ips text[],
    ports jsonb,
    selector jsonb,
    CONSTRAINT k8s_services_cluster_check CHECK ((cluster <> ''::text)),
    CONSTRAINT k8s_services_labels_check CHECK (aurora_private.jsonb_is_string_map(labels)),
    CONSTRAINT k8s_services_name_check CHECK ((name <> ''::text)),
    CONSTRAINT k8s_services_namespace_check CHECK ((namespace <> ''::text)),
    CONSTRAINT k8s_services_object_check CHECK ((jsonb_typeof(object) = 'object'::text))
);

ALTER TABLE ONLY public.k8s_services FORCE ROW LEVEL SECURITY;

ALTER TABLE public.k8s_services OWNER TO aurora_owner;

--
-- Name: TABLE k8s_services; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.k8s_services IS 'Services, one row per service of a cluster snapshot.';

--
-- Name: COLUMN k8s_services.cluster; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_services.cluster IS 'Name the organization gave the cluster when connecting it.';

--
-- Name: COLUMN k8s_services.uid; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_services.uid IS 'metadata.uid, which changes when the object is deleted and created again.';

--
-- Name: COLUMN k8s_services.api_version; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_services.api_version IS 'apiVersion of the object, such as v1, apps/v1 or extensions/v1beta1.';

--
-- Name: COLUMN k8s_services.labels; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_services.labels IS 'metadata.labels as a map of strings to strings.';

--
-- Name: COLUMN k8s_services.creation_timestamp; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_services.creation_timestamp IS 'metadata.creationTimestamp.';

--
-- Name: COLUMN k8s_services.object; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_services.object IS 'The whole object as the API server returned it.';

--
-- Name: COLUMN k8s_services.synced_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_services.synced_at IS 'When the last sync that saw this object wrote the row.';

--
-- Name: COLUMN k8s_services.type; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_services.type IS 'spec.type: ClusterIP, NodePort, LoadBalancer or ExternalName.';

--
-- Name: COLUMN k8s_services.cluster_ip; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_services.cluster_ip IS 'spec.clusterIP; NULL for headless services (None).';

--
-- Name: COLUMN k8s_services.external_ips; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_services.external_ips IS 'External addresses: spec.externalIPs and load balancer ingress.';

--
-- Name: COLUMN k8s_services.ports; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_services.ports IS 'spec.ports as sent; targetPort may be a number or a port name.';

--
-- Name: COLUMN k8s_services.selector; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.k8s_services.selector IS 'spec.selector: labels of the pods the service routes to.';

--
-- Name: k8s_services_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.k8s_services ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.k8s_services_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: llm_usage_tracking; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.llm_usage_tracking (
    org_id uuid NOT NULL,
    id bigint NOT NULL,
    user_id uuid,
    model text NOT NULL,
    provider text NOT NULL,
    request_type text NOT NULL,
    input_tokens integer DEFAULT 0 NOT NULL,
    output_tokens integer DEFAULT 0 NOT NULL,
    total_tokens integer GENERATED ALWAYS AS ((input_tokens + output_tokens)) STORED NOT NULL,
    cost numeric(14,6) DEFAULT 0 NOT NULL,
    surcharge_rate numeric(5,4) DEFAULT 0.30 NOT NULL,
    surcharge_amount numeric(16,6) GENERATED ALWAYS AS (round((cost * surcharge_rate), 6)) STORED NOT NULL,
    total_cost_with_surcharge numeric(16,6) GENERATED ALWAYS AS ((cost + round((cost * surcharge_rate), 6))) STORED NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT llm_usage_tracking_cost_check CHECK ((cost >= (0)::numeric)),
    CONSTRAINT llm_usage_tracking_input_tokens_check CHECK (((input_tokens >= 0) AND (input_tokens <= 1000000000))),
    CONSTRAINT llm_usage_tracking_model_check CHECK ((model <> ''::text)),
    CONSTRAINT llm_usage_tracking_output_tokens_check CHECK (((output_tokens >= 0) AND (output_tokens <= 1000000000))),
    CONSTRAINT llm_usage_tracking_provider_check CHECK ((provider <> ''::text)),
    CONSTRAINT llm_usage_tracking_request_type_check CHECK ((request_type <> ''::text)),
    CONSTRAINT llm_usage_tracking_surcharge_rate_check CHECK ((surcharge_rate >= (0)::numeric))
);

ALTER TABLE ONLY public.llm_usage_tracking FORCE ROW LEVEL SECURITY;

ALTER TABLE public.llm_usage_tracking OWNER TO aurora_owner;

--
-- Name: TABLE llm_usage_tracking; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.llm_usage_tracking IS 'One row per LLM request with its tokens and cost. Reports group by org, user, model and day over a created_at range. The update and delete policies exist for uniformity; the app role has no update or delete privilege here.';

--
-- Name: COLUMN llm_usage_tracking.user_id; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.llm_usage_tracking.user_id IS 'User the request ran for; NULL for background work and after the user is deleted.';

--
-- Name: COLUMN llm_usage_tracking.provider; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.llm_usage_tracking.provider IS 'Model vendor or gateway, such as openai, anthropic, google or openrouter.';

--
-- Name: COLUMN llm_usage_tracking.request_type; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.llm_usage_tracking.request_type IS 'What the request was for, such as chat, rca or summary.';

--
-- Name: COLUMN llm_usage_tracking.input_tokens; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.llm_usage_tracking.input_tokens IS 'Prompt tokens, at most 10^9 so that total_tokens fits in an integer.';

--
-- Name: COLUMN llm_usage_tracking.total_tokens; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.llm_usage_tracking.total_tokens IS 'input_tokens + output_tokens (generated).';

--
-- Name: COLUMN llm_usage_tracking.cost; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.llm_usage_tracking.cost IS 'Provider cost of the request in US dollars.';

--
-- Name: COLUMN llm_usage_tracking.surcharge_rate; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.llm_usage_tracking.surcharge_rate IS 'Platform markup as a fraction of cost; 0.30 (30 percent) by default.';

--
-- Name: COLUMN llm_usage_tracking.surcharge_amount; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.llm_usage_tracking.surcharge_amount IS 'cost x surcharge_rate rounded to 6 decimals (generated).';

--
-- Name: COLUMN llm_usage_tracking.total_cost_with_surcharge; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.llm_usage_tracking.total_cost_with_surcharge IS 'cost + surcharge_amount, the amount charged to the org (generated).';

--
-- Name: llm_usage_tracking_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.llm_usage_tracking ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.llm_usage_tracking_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: netdata_alerts_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.netdata_alerts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.netdata_alerts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: org_members; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.org_members (
    org_id uuid NOT NULL,
    user_id uuid NOT NULL,
    role public.org_member_role DEFAULT 'member'::public.org_member_role NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.org_members FORCE ROW LEVEL SECURITY;

ALTER TABLE public.org_members OWNER TO aurora_owner;

--
-- Name: TABLE org_members; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.org_members IS 'Membership of users in organizations. Rows private to a user (tokens, preferences, chat) reference a membership, so removing a member deletes them. Without an organization in context, a user in context sees their own memberships (login mode).';

--
-- Name: organizations; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.organizations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    slug text NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT organizations_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200))),
    CONSTRAINT organizations_slug_check CHECK ((slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'::text))
);

ALTER TABLE ONLY public.organizations FORCE ROW LEVEL SECURITY;

ALTER TABLE public.organizations OWNER TO aurora_owner;

--
-- Name: TABLE organizations; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.organizations IS 'Tenants. Each tenant table refers to one organization through org_id, and deleting an organization (a maintenance job) deletes all of its rows. The select policy is created with org_members, which it reads.';

--
-- Name: COLUMN organizations.slug; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.organizations.slug IS 'Unique URL name: lowercase letters, digits and inner hyphens, 1 to 63 characters.';

--
-- Name: pagerduty_events_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.pagerduty_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.pagerduty_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: splunk_alerts_id_seq; Type: SEQUENCE; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.splunk_alerts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.splunk_alerts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: user_preferences; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.user_preferences (
    org_id uuid NOT NULL,
    user_id uuid NOT NULL,
    key text NOT NULL,
    value jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT user_preferences_key_check CHECK (((length(key) >= 1) AND (length(key) <= 200)))
);

ALTER TABLE ONLY public.user_preferences FORCE ROW LEVEL SECURITY;

ALTER TABLE public.user_preferences OWNER TO aurora_owner;

--
-- Name: TABLE user_preferences; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.user_preferences IS 'Settings of one user in one organization, one JSONB value per key. Visible only to that user in that organization.';

--
-- Name: COLUMN user_preferences.value; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.user_preferences.value IS 'Any JSON value; services validate it against the JSON Schema registered for the key.';

--
-- Name: user_tokens; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.user_tokens (
    org_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    provider public.token_provider NOT NULL,
    secret_ref text NOT NULL,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    expires_at timestamp with time zone,
    revoked_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT user_tokens_metadata_check CHECK (((jsonb_typeof(metadata) = 'object'::text) AND (NOT aurora_private.jsonb_has_secret_key(metadata)))),
    CONSTRAINT user_tokens_secret_ref_check CHECK (((length(secret_ref) <= 1000) AND (secret_ref ~ '^vault:[^[:space:]]+$'::text)))
);

ALTER TABLE ONLY public.user_tokens FORCE ROW LEVEL SECURITY;

ALTER TABLE public.user_tokens OWNER TO aurora_owner;

--
-- Name: TABLE user_tokens; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.user_tokens IS 'Credentials a user connected for a provider. The secret itself lives in Vault; this row holds its path and non-secret metadata. At most one unrevoked token per user and provider.';

--
-- Name: COLUMN user_tokens.secret_ref; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.user_tokens.secret_ref IS 'Vault path of the secret, written as vault:<path>, for example vault:secret/data/aurora/x.';

--
-- Name: COLUMN user_tokens.metadata; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.user_tokens.metadata IS 'Non-secret facts about the credential (account id, scopes, region). A key that looks like a secret at any depth (access_token, client_secret, password, api_key and similar) raises AU003; see aurora_private.jsonb_secret_key_path().';

--
-- Name: COLUMN user_tokens.expires_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.user_tokens.expires_at IS 'When the credential stops working, if the provider said so.';

--
-- Name: COLUMN user_tokens.revoked_at; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.user_tokens.revoked_at IS 'When the user or a service revoked the token; NULL while it is usable.';

--
-- Name: users; Type: TABLE; Schema: public; Owner: aurora_owner
--

CREATE TABLE public.users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email text NOT NULL,
    display_name text,
    password_hash text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT users_display_name_check CHECK ((length(display_name) <= 200)),
    CONSTRAINT users_email_check CHECK (((length(email) <= 320) AND (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'::text))),
    CONSTRAINT users_password_hash_check CHECK ((password_hash ~ '^\$2[aby]\$\d\d\$.{53}$'::text))
);

ALTER TABLE public.users OWNER TO aurora_owner;

--
-- Name: TABLE users; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON TABLE public.users IS 'People who sign in. Global: the app role reads every row, except the password_hash column, so queries must name their columns (select * and returning * fail). Row-level security lets the app role update only the user in aurora.user_id; the owner role, which the security definer functions run as, is not subject to it.';

--
-- Name: COLUMN users.email; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.users.email IS 'Sign-in address as the user typed it. Unique ignoring case, through users_email_key on lower(email); look users up with lower(email) = lower($1) to use that index.';

--
-- Name: COLUMN users.password_hash; Type: COMMENT; Schema: public; Owner: aurora_owner
--

COMMENT ON COLUMN public.users.password_hash IS 'bcrypt hash written by register_user() or change_password(); NULL for users who sign in only through an identity provider. Unreadable by the app role.';

--
-- Name: bigpanda_events bigpanda_events_org_id_dedup_key_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.bigpanda_events
    ADD CONSTRAINT bigpanda_events_org_id_dedup_key_key UNIQUE (org_id, dedup_key);

--
-- Name: bigpanda_events bigpanda_events_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.bigpanda_events
    ADD CONSTRAINT bigpanda_events_pkey PRIMARY KEY (org_id, id);

--
-- Name: chat_messages chat_messages_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.chat_messages
    ADD CONSTRAINT chat_messages_pkey PRIMARY KEY (org_id, id);

--
-- Name: chat_sessions chat_sessions_org_id_id_user_id_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.chat_sessions
    ADD CONSTRAINT chat_sessions_org_id_id_user_id_key UNIQUE (org_id, id, user_id);

--
-- Name: chat_sessions chat_sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.chat_sessions
    ADD CONSTRAINT chat_sessions_pkey PRIMARY KEY (org_id, id);

--
-- Name: cloudbees_events cloudbees_events_org_id_dedup_key_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.cloudbees_events
    ADD CONSTRAINT cloudbees_events_org_id_dedup_key_key UNIQUE (org_id, dedup_key);

--
-- Name: cloudbees_events cloudbees_events_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.cloudbees_events
    ADD CONSTRAINT cloudbees_events_pkey PRIMARY KEY (org_id, id);

--
-- Name: datadog_events datadog_events_org_id_dedup_key_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.datadog_events
    ADD CONSTRAINT datadog_events_org_id_dedup_key_key UNIQUE (org_id, dedup_key);

--
-- Name: datadog_events datadog_events_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.datadog_events
    ADD CONSTRAINT datadog_events_pkey PRIMARY KEY (org_id, id);

--
-- Name: dynatrace_problems dynatrace_problems_org_id_dedup_key_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.dynatrace_problems
    ADD CONSTRAINT dynatrace_problems_org_id_dedup_key_key UNIQUE (org_id, dedup_key);

--
-- Name: dynatrace_problems dynatrace_problems_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.dynatrace_problems
    ADD CONSTRAINT dynatrace_problems_pkey PRIMARY KEY (org_id, id);

--
-- Name: grafana_alerts grafana_alerts_org_id_dedup_key_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.grafana_alerts
    ADD CONSTRAINT grafana_alerts_org_id_dedup_key_key UNIQUE (org_id, dedup_key);

--
-- Name: grafana_alerts grafana_alerts_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.grafana_alerts
    ADD CONSTRAINT grafana_alerts_pkey PRIMARY KEY (org_id, id);

--
-- Name: incident_alerts incident_alerts_org_id_alert_source_alert_id_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incident_alerts
    ADD CONSTRAINT incident_alerts_org_id_alert_source_alert_id_key UNIQUE (org_id, alert_source, alert_id);

--
-- Name: incident_alerts incident_alerts_org_id_incident_id_alert_source_alert_id_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incident_alerts
    ADD CONSTRAINT incident_alerts_org_id_incident_id_alert_source_alert_id_key UNIQUE (org_id, incident_id, alert_source, alert_id);

--
-- Name: incident_alerts incident_alerts_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incident_alerts
    ADD CONSTRAINT incident_alerts_pkey PRIMARY KEY (org_id, id);

--
-- Name: incident_citations incident_citations_org_id_incident_id_citation_key_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incident_citations
    ADD CONSTRAINT incident_citations_org_id_incident_id_citation_key_key UNIQUE (org_id, incident_id, citation_key);

--
-- Name: incident_citations incident_citations_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incident_citations
    ADD CONSTRAINT incident_citations_pkey PRIMARY KEY (org_id, id);

--
-- Name: incident_suggestions incident_suggestions_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incident_suggestions
    ADD CONSTRAINT incident_suggestions_pkey PRIMARY KEY (org_id, id);

--
-- Name: incident_thoughts incident_thoughts_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incident_thoughts
    ADD CONSTRAINT incident_thoughts_pkey PRIMARY KEY (org_id, id);

--
-- Name: incidents incidents_org_id_source_source_alert_id_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incidents
    ADD CONSTRAINT incidents_org_id_source_source_alert_id_key UNIQUE (org_id, source, source_alert_id);

--
-- Name: incidents incidents_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incidents
    ADD CONSTRAINT incidents_pkey PRIMARY KEY (org_id, id);

--
-- Name: integrations integrations_org_id_kind_name_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.integrations
    ADD CONSTRAINT integrations_org_id_kind_name_key UNIQUE (org_id, kind, name);

--
-- Name: integrations integrations_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.integrations
    ADD CONSTRAINT integrations_pkey PRIMARY KEY (org_id, id);

--
-- Name: jenkins_events jenkins_events_org_id_dedup_key_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.jenkins_events
    ADD CONSTRAINT jenkins_events_org_id_dedup_key_key UNIQUE (org_id, dedup_key);

--
-- Name: jenkins_events jenkins_events_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.jenkins_events
    ADD CONSTRAINT jenkins_events_pkey PRIMARY KEY (org_id, id);

--
-- Name: k8s_deployments k8s_deployments_org_id_cluster_namespace_name_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.k8s_deployments
    ADD CONSTRAINT k8s_deployments_org_id_cluster_namespace_name_key UNIQUE (org_id, cluster, namespace, name);

--
-- Name: k8s_deployments k8s_deployments_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.k8s_deployments
    ADD CONSTRAINT k8s_deployments_pkey PRIMARY KEY (org_id, id);

--
-- Name: k8s_ingresses k8s_ingresses_org_id_cluster_namespace_name_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.k8s_ingresses
    ADD CONSTRAINT k8s_ingresses_org_id_cluster_namespace_name_key UNIQUE (org_id, cluster, namespace, name);

--
-- Name: k8s_ingresses k8s_ingresses_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.k8s_ingresses
    ADD CONSTRAINT k8s_ingresses_pkey PRIMARY KEY (org_id, id);

--
-- Name: k8s_nodes k8s_nodes_org_id_cluster_name_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.k8s_nodes
    ADD CONSTRAINT k8s_nodes_org_id_cluster_name_key UNIQUE (org_id, cluster, name);

--
-- Name: k8s_nodes k8s_nodes_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.k8s_nodes
    ADD CONSTRAINT k8s_nodes_pkey PRIMARY KEY (org_id, id);

--
-- Name: k8s_pods k8s_pods_org_id_cluster_namespace_name_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.k8s_pods
    ADD CONSTRAINT k8s_pods_org_id_cluster_namespace_name_key UNIQUE (org_id, cluster, namespace, name);

--
-- Name: k8s_pods k8s_pods_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.k8s_pods
    ADD CONSTRAINT k8s_pods_pkey PRIMARY KEY (org_id, id);

--
-- Name: k8s_services k8s_services_org_id_cluster_namespace_name_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.k8s_services
    ADD CONSTRAINT k8s_services_org_id_cluster_namespace_name_key UNIQUE (org_id, cluster, namespace, name);

--
-- Name: k8s_services k8s_services_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.k8s_services
    ADD CONSTRAINT k8s_services_pkey PRIMARY KEY (org_id, id);

--
-- Name: llm_usage_tracking llm_usage_tracking_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.llm_usage_tracking
    ADD CONSTRAINT llm_usage_tracking_pkey PRIMARY KEY (org_id, id);

--
-- Name: netdata_alerts netdata_alerts_org_id_dedup_key_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.netdata_alerts
    ADD CONSTRAINT netdata_alerts_org_id_dedup_key_key UNIQUE (org_id, dedup_key);

--
-- Name: netdata_alerts netdata_alerts_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.netdata_alerts
    ADD CONSTRAINT netdata_alerts_pkey PRIMARY KEY (org_id, id);

--
-- Name: org_members org_members_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.org_members
    ADD CONSTRAINT org_members_pkey PRIMARY KEY (org_id, user_id);

--
-- Name: organizations organizations_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.organizations
    ADD CONSTRAINT organizations_pkey PRIMARY KEY (id);

--
-- Name: organizations organizations_slug_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.organizations
    ADD CONSTRAINT organizations_slug_key UNIQUE (slug);

--
-- Name: pagerduty_events pagerduty_events_org_id_dedup_key_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.pagerduty_events
    ADD CONSTRAINT pagerduty_events_org_id_dedup_key_key UNIQUE (org_id, dedup_key);

--
-- Name: pagerduty_events pagerduty_events_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.pagerduty_events
    ADD CONSTRAINT pagerduty_events_pkey PRIMARY KEY (org_id, id);

--
-- Name: splunk_alerts splunk_alerts_org_id_dedup_key_key; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.splunk_alerts
    ADD CONSTRAINT splunk_alerts_org_id_dedup_key_key UNIQUE (org_id, dedup_key);

--
-- Name: splunk_alerts splunk_alerts_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.splunk_alerts
    ADD CONSTRAINT splunk_alerts_pkey PRIMARY KEY (org_id, id);

--
-- Name: user_preferences user_preferences_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.user_preferences
    ADD CONSTRAINT user_preferences_pkey PRIMARY KEY (org_id, user_id, key);

--
-- Name: user_tokens user_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.user_tokens
    ADD CONSTRAINT user_tokens_pkey PRIMARY KEY (org_id, id);

--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);

--
-- Name: bigpanda_events_org_id_fingerprint_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX bigpanda_events_org_id_fingerprint_idx ON public.bigpanda_events USING btree (org_id, fingerprint) WHERE (state = 'firing'::public.alert_state);

--
-- Name: bigpanda_events_org_id_payload_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX bigpanda_events_org_id_payload_idx ON public.bigpanda_events USING gin (org_id, payload jsonb_path_ops);

--
-- Name: bigpanda_events_org_id_received_at_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX bigpanda_events_org_id_received_at_id_idx ON public.bigpanda_events USING btree (org_id, received_at DESC, id DESC);

--
-- Name: bigpanda_events_org_id_title_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX bigpanda_events_org_id_title_idx ON public.bigpanda_events USING gin (org_id, title public.gin_trgm_ops);

--
-- Name: chat_messages_org_id_session_id_created_at_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX chat_messages_org_id_session_id_created_at_id_idx ON public.chat_messages USING btree (org_id, session_id, created_at DESC, id DESC);

--
-- Name: chat_sessions_org_id_incident_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX chat_sessions_org_id_incident_id_idx ON public.chat_sessions USING btree (org_id, incident_id) WHERE (incident_id IS NOT NULL);

--
-- Name: chat_sessions_org_id_user_id_created_at_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX chat_sessions_org_id_user_id_created_at_id_idx ON public.chat_sessions USING btree (org_id, user_id, created_at DESC, id DESC);

--
-- Name: cloudbees_events_org_id_fingerprint_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX cloudbees_events_org_id_fingerprint_idx ON public.cloudbees_events USING btree (org_id, fingerprint) WHERE (state = 'firing'::public.alert_state);

--
-- Name: cloudbees_events_org_id_payload_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX cloudbees_events_org_id_payload_idx ON public.cloudbees_events USING gin (org_id, payload jsonb_path_ops);

--
-- Name: cloudbees_events_org_id_received_at_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX cloudbees_events_org_id_received_at_id_idx ON public.cloudbees_events USING btree (org_id, received_at DESC, id DESC);

--
-- Name: cloudbees_events_org_id_title_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX cloudbees_events_org_id_title_idx ON public.cloudbees_events USING gin (org_id, title public.gin_trgm_ops);

--
-- Name: datadog_events_org_id_fingerprint_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX datadog_events_org_id_fingerprint_idx ON public.datadog_events USING btree (org_id, fingerprint) WHERE (state = 'firing'::public.alert_state);

--
-- Name: datadog_events_org_id_payload_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX datadog_events_org_id_payload_idx ON public.datadog_events USING gin (org_id, payload jsonb_path_ops);

--
-- Name: datadog_events_org_id_received_at_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX datadog_events_org_id_received_at_id_idx ON public.datadog_events USING btree (org_id, received_at DESC, id DESC);

--
-- Name: datadog_events_org_id_title_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX datadog_events_org_id_title_idx ON public.datadog_events USING gin (org_id, title public.gin_trgm_ops);

--
-- Name: dynatrace_problems_org_id_fingerprint_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX dynatrace_problems_org_id_fingerprint_idx ON public.dynatrace_problems USING btree (org_id, fingerprint) WHERE (state = 'firing'::public.alert_state);

--
-- Name: dynatrace_problems_org_id_payload_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX dynatrace_problems_org_id_payload_idx ON public.dynatrace_problems USING gin (org_id, payload jsonb_path_ops);

--
-- Name: dynatrace_problems_org_id_received_at_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX dynatrace_problems_org_id_received_at_id_idx ON public.dynatrace_problems USING btree (org_id, received_at DESC, id DESC);

--
-- Name: dynatrace_problems_org_id_title_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX dynatrace_problems_org_id_title_idx ON public.dynatrace_problems USING gin (org_id, title public.gin_trgm_ops);

--
-- Name: grafana_alerts_org_id_fingerprint_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX grafana_alerts_org_id_fingerprint_idx ON public.grafana_alerts USING btree (org_id, fingerprint) WHERE (state = 'firing'::public.alert_state);

--
-- Name: grafana_alerts_org_id_payload_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX grafana_alerts_org_id_payload_idx ON public.grafana_alerts USING gin (org_id, payload jsonb_path_ops);

--
-- Name: grafana_alerts_org_id_received_at_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX grafana_alerts_org_id_received_at_id_idx ON public.grafana_alerts USING btree (org_id, received_at DESC, id DESC);

--
-- Name: grafana_alerts_org_id_title_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX grafana_alerts_org_id_title_idx ON public.grafana_alerts USING gin (org_id, title public.gin_trgm_ops);

--
-- Name: incident_suggestions_org_id_incident_id_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX incident_suggestions_org_id_incident_id_id_idx ON public.incident_suggestions USING btree (org_id, incident_id, id);

--
-- Name: incident_thoughts_org_id_incident_id_created_at_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX incident_thoughts_org_id_incident_id_created_at_id_idx ON public.incident_thoughts USING btree (org_id, incident_id, created_at DESC, id DESC);

--
-- Name: incidents_org_id_created_at_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX incidents_org_id_created_at_id_idx ON public.incidents USING btree (org_id, created_at DESC, id DESC);

--
-- Name: incidents_org_id_merged_into_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX incidents_org_id_merged_into_id_idx ON public.incidents USING btree (org_id, merged_into_id) WHERE (merged_into_id IS NOT NULL);

--
-- Name: incidents_org_id_started_at_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX incidents_org_id_started_at_id_idx ON public.incidents USING btree (org_id, started_at DESC, id DESC) WHERE (status = ANY (ARRAY['investigating'::public.incident_status, 'analyzed'::public.incident_status]));

--
-- Name: incidents_org_id_title_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX incidents_org_id_title_idx ON public.incidents USING gin (org_id, title public.gin_trgm_ops) WHERE (status = ANY (ARRAY['investigating'::public.incident_status, 'analyzed'::public.incident_status]));

--
-- Name: jenkins_events_org_id_fingerprint_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX jenkins_events_org_id_fingerprint_idx ON public.jenkins_events USING btree (org_id, fingerprint) WHERE (state = 'firing'::public.alert_state);

--
-- Name: jenkins_events_org_id_payload_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX jenkins_events_org_id_payload_idx ON public.jenkins_events USING gin (org_id, payload jsonb_path_ops);

--
-- Name: jenkins_events_org_id_received_at_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX jenkins_events_org_id_received_at_id_idx ON public.jenkins_events USING btree (org_id, received_at DESC, id DESC);

--
-- Name: jenkins_events_org_id_title_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX jenkins_events_org_id_title_idx ON public.jenkins_events USING gin (org_id, title public.gin_trgm_ops);

--
-- Name: k8s_pods_org_id_cluster_node_name_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX k8s_pods_org_id_cluster_node_name_idx ON public.k8s_pods USING btree (org_id, cluster, node_name);

--
-- Name: llm_usage_tracking_org_id_created_at_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX llm_usage_tracking_org_id_created_at_id_idx ON public.llm_usage_tracking USING btree (org_id, created_at DESC, id DESC);

--
-- Name: llm_usage_tracking_org_id_user_id_created_at_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX llm_usage_tracking_org_id_user_id_created_at_idx ON public.llm_usage_tracking USING btree (org_id, user_id, created_at);

--
-- Name: netdata_alerts_org_id_fingerprint_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX netdata_alerts_org_id_fingerprint_idx ON public.netdata_alerts USING btree (org_id, fingerprint) WHERE (state = 'firing'::public.alert_state);

--
-- Name: netdata_alerts_org_id_payload_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX netdata_alerts_org_id_payload_idx ON public.netdata_alerts USING gin (org_id, payload jsonb_path_ops);

--
-- Name: netdata_alerts_org_id_received_at_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX netdata_alerts_org_id_received_at_id_idx ON public.netdata_alerts USING btree (org_id, received_at DESC, id DESC);

--
-- Name: netdata_alerts_org_id_title_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX netdata_alerts_org_id_title_idx ON public.netdata_alerts USING gin (org_id, title public.gin_trgm_ops);

--
-- Name: pagerduty_events_org_id_fingerprint_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX pagerduty_events_org_id_fingerprint_idx ON public.pagerduty_events USING btree (org_id, fingerprint) WHERE (state = 'firing'::public.alert_state);

--
-- Name: pagerduty_events_org_id_payload_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX pagerduty_events_org_id_payload_idx ON public.pagerduty_events USING gin (org_id, payload jsonb_path_ops);

--
-- Name: pagerduty_events_org_id_received_at_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX pagerduty_events_org_id_received_at_id_idx ON public.pagerduty_events USING btree (org_id, received_at DESC, id DESC);

--
-- Name: pagerduty_events_org_id_title_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX pagerduty_events_org_id_title_idx ON public.pagerduty_events USING gin (org_id, title public.gin_trgm_ops);

--
-- Name: splunk_alerts_org_id_fingerprint_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX splunk_alerts_org_id_fingerprint_idx ON public.splunk_alerts USING btree (org_id, fingerprint) WHERE (state = 'firing'::public.alert_state);

--
-- Name: splunk_alerts_org_id_payload_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX splunk_alerts_org_id_payload_idx ON public.splunk_alerts USING gin (org_id, payload jsonb_path_ops);

--
-- Name: splunk_alerts_org_id_received_at_id_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX splunk_alerts_org_id_received_at_id_idx ON public.splunk_alerts USING btree (org_id, received_at DESC, id DESC);

--
-- Name: splunk_alerts_org_id_title_idx; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE INDEX splunk_alerts_org_id_title_idx ON public.splunk_alerts USING gin (org_id, title public.gin_trgm_ops);

--
-- Name: user_tokens_org_id_user_id_provider_key; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE UNIQUE INDEX user_tokens_org_id_user_id_provider_key ON public.user_tokens USING btree (org_id, user_id, provider) WHERE (revoked_at IS NULL);

--
-- Name: users_email_key; Type: INDEX; Schema: public; Owner: aurora_owner
--

CREATE UNIQUE INDEX users_email_key ON public.users USING btree (lower(email));

--
-- Name: bigpanda_events _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.bigpanda_events FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: chat_sessions _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.chat_sessions FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: cloudbees_events _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.cloudbees_events FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: datadog_events _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.datadog_events FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: dynatrace_problems _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.dynatrace_problems FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: grafana_alerts _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.grafana_alerts FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: incident_suggestions _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.incident_suggestions FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: incidents _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.incidents FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: integrations _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.integrations FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: jenkins_events _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.jenkins_events FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: netdata_alerts _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.netdata_alerts FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: org_members _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.org_members FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: organizations _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.organizations FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: pagerduty_events _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.pagerduty_events FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: splunk_alerts _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.splunk_alerts FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: user_preferences _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.user_preferences FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: user_tokens _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.user_tokens FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: users _100_set_updated_at; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__set_updated_at();

--
-- Name: incidents _110_keep_updated_at_for_bookkeeping; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _110_keep_updated_at_for_bookkeeping BEFORE UPDATE ON public.incidents FOR EACH ROW EXECUTE FUNCTION aurora_private.tg_incidents__keep_updated_at_for_bookkeeping();

--
-- Name: incidents _200_check_status_transition; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _200_check_status_transition BEFORE INSERT OR UPDATE OF status, analysis_status, merged_into_id ON public.incidents FOR EACH ROW EXECUTE FUNCTION aurora_private.tg_incidents__check_status_transition();

--
-- Name: integrations _200_reject_secret_keys; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _200_reject_secret_keys BEFORE INSERT OR UPDATE OF config ON public.integrations FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__reject_secret_keys('config');

--
-- Name: user_tokens _200_reject_secret_keys; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _200_reject_secret_keys BEFORE INSERT OR UPDATE OF metadata ON public.user_tokens FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__reject_secret_keys('metadata');

--
-- Name: incidents _300_count_opening_alert; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _300_count_opening_alert BEFORE INSERT OR UPDATE OF source_alert_id ON public.incidents FOR EACH ROW EXECUTE FUNCTION aurora_private.tg_incidents__count_opening_alert();

--
-- Name: incident_alerts _500_check_alert_exists; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _500_check_alert_exists AFTER INSERT OR UPDATE OF org_id, alert_source, alert_id ON public.incident_alerts FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__check_alert_exists('alert_source', 'alert_id');

--
-- Name: incidents _500_check_source_alert_exists; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _500_check_source_alert_exists AFTER INSERT OR UPDATE OF org_id, source, source_alert_id ON public.incidents FOR EACH ROW EXECUTE FUNCTION aurora_private.tg__check_alert_exists('source', 'source_alert_id');

--
-- Name: bigpanda_events _500_detach_deleted_alerts; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _500_detach_deleted_alerts AFTER DELETE ON public.bigpanda_events REFERENCING OLD TABLE AS deleted_alerts FOR EACH STATEMENT EXECUTE FUNCTION aurora_private.tg__detach_deleted_alerts('bigpanda');

--
-- Name: cloudbees_events _500_detach_deleted_alerts; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _500_detach_deleted_alerts AFTER DELETE ON public.cloudbees_events REFERENCING OLD TABLE AS deleted_alerts FOR EACH STATEMENT EXECUTE FUNCTION aurora_private.tg__detach_deleted_alerts('cloudbees');

--
-- Name: datadog_events _500_detach_deleted_alerts; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _500_detach_deleted_alerts AFTER DELETE ON public.datadog_events REFERENCING OLD TABLE AS deleted_alerts FOR EACH STATEMENT EXECUTE FUNCTION aurora_private.tg__detach_deleted_alerts('datadog');

--
-- Name: dynatrace_problems _500_detach_deleted_alerts; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _500_detach_deleted_alerts AFTER DELETE ON public.dynatrace_problems REFERENCING OLD TABLE AS deleted_alerts FOR EACH STATEMENT EXECUTE FUNCTION aurora_private.tg__detach_deleted_alerts('dynatrace');

--
-- Name: grafana_alerts _500_detach_deleted_alerts; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _500_detach_deleted_alerts AFTER DELETE ON public.grafana_alerts REFERENCING OLD TABLE AS deleted_alerts FOR EACH STATEMENT EXECUTE FUNCTION aurora_private.tg__detach_deleted_alerts('grafana');

--
-- Name: jenkins_events _500_detach_deleted_alerts; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _500_detach_deleted_alerts AFTER DELETE ON public.jenkins_events REFERENCING OLD TABLE AS deleted_alerts FOR EACH STATEMENT EXECUTE FUNCTION aurora_private.tg__detach_deleted_alerts('jenkins');

--
-- Name: netdata_alerts _500_detach_deleted_alerts; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _500_detach_deleted_alerts AFTER DELETE ON public.netdata_alerts REFERENCING OLD TABLE AS deleted_alerts FOR EACH STATEMENT EXECUTE FUNCTION aurora_private.tg__detach_deleted_alerts('netdata');

--
-- Name: pagerduty_events _500_detach_deleted_alerts; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _500_detach_deleted_alerts AFTER DELETE ON public.pagerduty_events REFERENCING OLD TABLE AS deleted_alerts FOR EACH STATEMENT EXECUTE FUNCTION aurora_private.tg__detach_deleted_alerts('pagerduty');

--
-- Name: splunk_alerts _500_detach_deleted_alerts; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _500_detach_deleted_alerts AFTER DELETE ON public.splunk_alerts REFERENCING OLD TABLE AS deleted_alerts FOR EACH STATEMENT EXECUTE FUNCTION aurora_private.tg__detach_deleted_alerts('splunk');

--
-- Name: incident_thoughts _500_notify_new_thought; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _500_notify_new_thought AFTER INSERT ON public.incident_thoughts FOR EACH ROW EXECUTE FUNCTION aurora_private.tg_incident_thoughts__notify();

--
-- Name: incident_alerts _600_track_incidents_on_delete; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _600_track_incidents_on_delete AFTER DELETE ON public.incident_alerts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION aurora_private.tg_incident_alerts__track_incidents();

--
-- Name: incident_alerts _600_track_incidents_on_insert; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _600_track_incidents_on_insert AFTER INSERT ON public.incident_alerts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aurora_private.tg_incident_alerts__track_incidents();

--
-- Name: incident_alerts _600_track_incidents_on_update; Type: TRIGGER; Schema: public; Owner: aurora_owner
--

CREATE TRIGGER _600_track_incidents_on_update AFTER UPDATE ON public.incident_alerts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aurora_private.tg_incident_alerts__track_incidents();

--
-- Name: bigpanda_events bigpanda_events_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.bigpanda_events
    ADD CONSTRAINT bigpanda_events_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: chat_messages chat_messages_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.chat_messages
    ADD CONSTRAINT chat_messages_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: chat_messages chat_messages_org_id_session_id_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.chat_messages
    ADD CONSTRAINT chat_messages_org_id_session_id_user_id_fkey FOREIGN KEY (org_id, session_id, user_id) REFERENCES public.chat_sessions(org_id, id, user_id) ON DELETE CASCADE;

--
-- Name: chat_sessions chat_sessions_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.chat_sessions
    ADD CONSTRAINT chat_sessions_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: chat_sessions chat_sessions_org_id_incident_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.chat_sessions
    ADD CONSTRAINT chat_sessions_org_id_incident_id_fkey FOREIGN KEY (org_id, incident_id) REFERENCES public.incidents(org_id, id) ON DELETE SET NULL (incident_id);

--
-- Name: chat_sessions chat_sessions_org_id_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.chat_sessions
    ADD CONSTRAINT chat_sessions_org_id_user_id_fkey FOREIGN KEY (org_id, user_id) REFERENCES public.org_members(org_id, user_id) ON DELETE CASCADE;

--
-- Name: cloudbees_events cloudbees_events_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.cloudbees_events
    ADD CONSTRAINT cloudbees_events_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: datadog_events datadog_events_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.datadog_events
    ADD CONSTRAINT datadog_events_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: dynatrace_problems dynatrace_problems_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.dynatrace_problems
    ADD CONSTRAINT dynatrace_problems_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: grafana_alerts grafana_alerts_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.grafana_alerts
    ADD CONSTRAINT grafana_alerts_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: incident_alerts incident_alerts_attached_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incident_alerts
    ADD CONSTRAINT incident_alerts_attached_by_fkey FOREIGN KEY (attached_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: incident_alerts incident_alerts_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incident_alerts
    ADD CONSTRAINT incident_alerts_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: incident_alerts incident_alerts_org_id_incident_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incident_alerts
    ADD CONSTRAINT incident_alerts_org_id_incident_id_fkey FOREIGN KEY (org_id, incident_id) REFERENCES public.incidents(org_id, id) ON DELETE CASCADE;

--
-- Name: incident_citations incident_citations_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incident_citations
    ADD CONSTRAINT incident_citations_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: incident_citations incident_citations_org_id_incident_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incident_citations
    ADD CONSTRAINT incident_citations_org_id_incident_id_fkey FOREIGN KEY (org_id, incident_id) REFERENCES public.incidents(org_id, id) ON DELETE CASCADE;

--
-- Name: incident_suggestions incident_suggestions_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incident_suggestions
    ADD CONSTRAINT incident_suggestions_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: incident_suggestions incident_suggestions_org_id_incident_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incident_suggestions
    ADD CONSTRAINT incident_suggestions_org_id_incident_id_fkey FOREIGN KEY (org_id, incident_id) REFERENCES public.incidents(org_id, id) ON DELETE CASCADE;

--
-- Name: incident_thoughts incident_thoughts_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incident_thoughts
    ADD CONSTRAINT incident_thoughts_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: incident_thoughts incident_thoughts_org_id_incident_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incident_thoughts
    ADD CONSTRAINT incident_thoughts_org_id_incident_id_fkey FOREIGN KEY (org_id, incident_id) REFERENCES public.incidents(org_id, id) ON DELETE CASCADE;

--
-- Name: incidents incidents_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incidents
    ADD CONSTRAINT incidents_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: incidents incidents_merged_into_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incidents
    ADD CONSTRAINT incidents_merged_into_id_fkey FOREIGN KEY (org_id, merged_into_id) REFERENCES public.incidents(org_id, id);

--
-- Name: incidents incidents_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.incidents
    ADD CONSTRAINT incidents_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: integrations integrations_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.integrations
    ADD CONSTRAINT integrations_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: integrations integrations_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.integrations
    ADD CONSTRAINT integrations_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: jenkins_events jenkins_events_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.jenkins_events
    ADD CONSTRAINT jenkins_events_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: k8s_deployments k8s_deployments_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.k8s_deployments
    ADD CONSTRAINT k8s_deployments_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: k8s_ingresses k8s_ingresses_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.k8s_ingresses
    ADD CONSTRAINT k8s_ingresses_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: k8s_nodes k8s_nodes_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.k8s_nodes
    ADD CONSTRAINT k8s_nodes_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: k8s_pods k8s_pods_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.k8s_pods
    ADD CONSTRAINT k8s_pods_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: k8s_services k8s_services_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.k8s_services
    ADD CONSTRAINT k8s_services_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: llm_usage_tracking llm_usage_tracking_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.llm_usage_tracking
    ADD CONSTRAINT llm_usage_tracking_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: llm_usage_tracking llm_usage_tracking_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.llm_usage_tracking
    ADD CONSTRAINT llm_usage_tracking_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: netdata_alerts netdata_alerts_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.netdata_alerts
    ADD CONSTRAINT netdata_alerts_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: org_members org_members_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.org_members
    ADD CONSTRAINT org_members_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: org_members org_members_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.org_members
    ADD CONSTRAINT org_members_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;

--
-- Name: pagerduty_events pagerduty_events_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.pagerduty_events
    ADD CONSTRAINT pagerduty_events_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: splunk_alerts splunk_alerts_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.splunk_alerts
    ADD CONSTRAINT splunk_alerts_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: user_preferences user_preferences_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.user_preferences
    ADD CONSTRAINT user_preferences_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: user_preferences user_preferences_org_id_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.user_preferences
    ADD CONSTRAINT user_preferences_org_id_user_id_fkey FOREIGN KEY (org_id, user_id) REFERENCES public.org_members(org_id, user_id) ON DELETE CASCADE;

--
-- Name: user_tokens user_tokens_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.user_tokens
    ADD CONSTRAINT user_tokens_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE;

--
-- Name: user_tokens user_tokens_org_id_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: aurora_owner
--

ALTER TABLE ONLY public.user_tokens
    ADD CONSTRAINT user_tokens_org_id_user_id_fkey FOREIGN KEY (org_id, user_id) REFERENCES public.org_members(org_id, user_id) ON DELETE CASCADE;

--
-- Name: bigpanda_events; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.bigpanda_events ENABLE ROW LEVEL SECURITY;

--
-- Name: chat_messages; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.chat_messages ENABLE ROW LEVEL SECURITY;

--
-- Name: chat_sessions; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.chat_sessions ENABLE ROW LEVEL SECURITY;

--
-- Name: cloudbees_events; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.cloudbees_events ENABLE ROW LEVEL SECURITY;

--
-- Name: datadog_events; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.datadog_events ENABLE ROW LEVEL SECURITY;

--
-- Name: bigpanda_events delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.bigpanda_events FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: cloudbees_events delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.cloudbees_events FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: datadog_events delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.datadog_events FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: dynatrace_problems delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.dynatrace_problems FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: grafana_alerts delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.grafana_alerts FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incident_alerts delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.incident_alerts FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incident_citations delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.incident_citations FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incident_suggestions delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.incident_suggestions FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incident_thoughts delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.incident_thoughts FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incidents delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.incidents FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: integrations delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.integrations FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: jenkins_events delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.jenkins_events FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_deployments delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.k8s_deployments FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_ingresses delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.k8s_ingresses FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_nodes delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.k8s_nodes FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_pods delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.k8s_pods FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_services delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.k8s_services FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: llm_usage_tracking delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.llm_usage_tracking FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: netdata_alerts delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.netdata_alerts FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: org_members delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.org_members FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: organizations delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.organizations FOR DELETE TO aurora_app USING ((id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: pagerduty_events delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.pagerduty_events FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: splunk_alerts delete_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_org ON public.splunk_alerts FOR DELETE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: chat_messages delete_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_user ON public.chat_messages FOR DELETE TO aurora_app USING (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id))));

--
-- Name: chat_sessions delete_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_user ON public.chat_sessions FOR DELETE TO aurora_app USING (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id))));

--
-- Name: user_preferences delete_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_user ON public.user_preferences FOR DELETE TO aurora_app USING (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id))));

--
-- Name: user_tokens delete_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY delete_own_user ON public.user_tokens FOR DELETE TO aurora_app USING (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id))));

--
-- Name: dynatrace_problems; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.dynatrace_problems ENABLE ROW LEVEL SECURITY;

--
-- Name: grafana_alerts; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.grafana_alerts ENABLE ROW LEVEL SECURITY;

--
-- Name: incident_alerts; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.incident_alerts ENABLE ROW LEVEL SECURITY;

--
-- Name: incident_citations; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.incident_citations ENABLE ROW LEVEL SECURITY;

--
-- Name: incident_suggestions; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.incident_suggestions ENABLE ROW LEVEL SECURITY;

--
-- Name: incident_thoughts; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.incident_thoughts ENABLE ROW LEVEL SECURITY;

--
-- Name: incidents; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.incidents ENABLE ROW LEVEL SECURITY;

--
-- Name: bigpanda_events insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.bigpanda_events FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: cloudbees_events insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.cloudbees_events FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: datadog_events insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.datadog_events FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: dynatrace_problems insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.dynatrace_problems FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: grafana_alerts insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.grafana_alerts FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incident_alerts insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.incident_alerts FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incident_citations insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.incident_citations FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incident_suggestions insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.incident_suggestions FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incident_thoughts insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.incident_thoughts FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incidents insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.incidents FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: integrations insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.integrations FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: jenkins_events insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.jenkins_events FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_deployments insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.k8s_deployments FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_ingresses insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.k8s_ingresses FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_nodes insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.k8s_nodes FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_pods insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.k8s_pods FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_services insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.k8s_services FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: llm_usage_tracking insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.llm_usage_tracking FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: netdata_alerts insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.netdata_alerts FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: org_members insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.org_members FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: organizations insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.organizations FOR INSERT TO aurora_app WITH CHECK ((id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: pagerduty_events insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.pagerduty_events FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: splunk_alerts insert_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_org ON public.splunk_alerts FOR INSERT TO aurora_app WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: chat_messages insert_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_user ON public.chat_messages FOR INSERT TO aurora_app WITH CHECK (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id))));

--
-- Name: chat_sessions insert_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_user ON public.chat_sessions FOR INSERT TO aurora_app WITH CHECK (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id))));

--
-- Name: user_preferences insert_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_user ON public.user_preferences FOR INSERT TO aurora_app WITH CHECK (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id))));

--
-- Name: user_tokens insert_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY insert_own_user ON public.user_tokens FOR INSERT TO aurora_app WITH CHECK (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id))));

--
-- Name: integrations; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.integrations ENABLE ROW LEVEL SECURITY;

--
-- Name: jenkins_events; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.jenkins_events ENABLE ROW LEVEL SECURITY;

--
-- Name: k8s_deployments; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.k8s_deployments ENABLE ROW LEVEL SECURITY;

--
-- Name: k8s_ingresses; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.k8s_ingresses ENABLE ROW LEVEL SECURITY;

--
-- Name: k8s_nodes; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.k8s_nodes ENABLE ROW LEVEL SECURITY;

--
-- Name: k8s_pods; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.k8s_pods ENABLE ROW LEVEL SECURITY;

--
-- Name: k8s_services; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.k8s_services ENABLE ROW LEVEL SECURITY;

--
-- Name: llm_usage_tracking; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.llm_usage_tracking ENABLE ROW LEVEL SECURITY;

--
-- Name: netdata_alerts; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.netdata_alerts ENABLE ROW LEVEL SECURITY;

--
-- Name: org_members; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.org_members ENABLE ROW LEVEL SECURITY;

--
-- Name: organizations; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.organizations ENABLE ROW LEVEL SECURITY;

--
-- Name: pagerduty_events; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.pagerduty_events ENABLE ROW LEVEL SECURITY;

--
-- Name: users select_all; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_all ON public.users FOR SELECT TO aurora_app USING (true);

--
-- Name: bigpanda_events select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.bigpanda_events FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: cloudbees_events select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.cloudbees_events FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: datadog_events select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.datadog_events FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: dynatrace_problems select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.dynatrace_problems FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: grafana_alerts select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.grafana_alerts FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incident_alerts select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.incident_alerts FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incident_citations select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.incident_citations FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incident_suggestions select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.incident_suggestions FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incident_thoughts select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.incident_thoughts FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incidents select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.incidents FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: integrations select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.integrations FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: jenkins_events select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.jenkins_events FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_deployments select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.k8s_deployments FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_ingresses select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.k8s_ingresses FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_nodes select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.k8s_nodes FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_pods select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.k8s_pods FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_services select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.k8s_services FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: llm_usage_tracking select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.llm_usage_tracking FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: netdata_alerts select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.netdata_alerts FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: pagerduty_events select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.pagerduty_events FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: splunk_alerts select_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org ON public.splunk_alerts FOR SELECT TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: organizations select_own_org_or_member; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org_or_member ON public.organizations FOR SELECT TO aurora_app USING (((id = ( SELECT public.current_org_id() AS current_org_id)) OR ((( SELECT public.current_org_id() AS current_org_id) IS NULL) AND (id IN ( SELECT org_members.org_id
   FROM public.org_members
  WHERE (org_members.user_id = ( SELECT public.current_user_id() AS current_user_id)))))));

--
-- Name: org_members select_own_org_or_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_org_or_own_user ON public.org_members FOR SELECT TO aurora_app USING (((org_id = ( SELECT public.current_org_id() AS current_org_id)) OR ((( SELECT public.current_org_id() AS current_org_id) IS NULL) AND (user_id = ( SELECT public.current_user_id() AS current_user_id)))));

--
-- Name: chat_messages select_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_user ON public.chat_messages FOR SELECT TO aurora_app USING (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id))));

--
-- Name: chat_sessions select_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_user ON public.chat_sessions FOR SELECT TO aurora_app USING (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id))));

--
-- Name: user_preferences select_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_user ON public.user_preferences FOR SELECT TO aurora_app USING (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id))));

--
-- Name: user_tokens select_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY select_own_user ON public.user_tokens FOR SELECT TO aurora_app USING (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id))));

--
-- Name: splunk_alerts; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.splunk_alerts ENABLE ROW LEVEL SECURITY;

--
-- Name: bigpanda_events update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.bigpanda_events FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: cloudbees_events update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.cloudbees_events FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: datadog_events update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.datadog_events FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: dynatrace_problems update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.dynatrace_problems FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: grafana_alerts update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.grafana_alerts FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incident_alerts update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.incident_alerts FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incident_citations update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.incident_citations FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incident_suggestions update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.incident_suggestions FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incident_thoughts update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.incident_thoughts FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: incidents update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.incidents FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: integrations update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.integrations FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: jenkins_events update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.jenkins_events FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_deployments update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.k8s_deployments FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_ingresses update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.k8s_ingresses FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_nodes update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.k8s_nodes FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_pods update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.k8s_pods FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: k8s_services update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.k8s_services FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: llm_usage_tracking update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.llm_usage_tracking FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: netdata_alerts update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.netdata_alerts FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: org_members update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.org_members FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: organizations update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.organizations FOR UPDATE TO aurora_app USING ((id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: pagerduty_events update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.pagerduty_events FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: splunk_alerts update_own_org; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_org ON public.splunk_alerts FOR UPDATE TO aurora_app USING ((org_id = ( SELECT public.current_org_id() AS current_org_id))) WITH CHECK ((org_id = ( SELECT public.current_org_id() AS current_org_id)));

--
-- Name: chat_messages update_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_user ON public.chat_messages FOR UPDATE TO aurora_app USING (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id)))) WITH CHECK (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id))));

--
-- Name: chat_sessions update_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_user ON public.chat_sessions FOR UPDATE TO aurora_app USING (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id)))) WITH CHECK (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id))));

--
-- Name: user_preferences update_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_user ON public.user_preferences FOR UPDATE TO aurora_app USING (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id)))) WITH CHECK (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id))));

--
-- Name: user_tokens update_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_user ON public.user_tokens FOR UPDATE TO aurora_app USING (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id)))) WITH CHECK (((org_id = ( SELECT public.current_org_id() AS current_org_id)) AND (user_id = ( SELECT public.current_user_id() AS current_user_id))));

--
-- Name: users update_own_user; Type: POLICY; Schema: public; Owner: aurora_owner
--

CREATE POLICY update_own_user ON public.users FOR UPDATE TO aurora_app USING ((id = ( SELECT public.current_user_id() AS current_user_id))) WITH CHECK ((id = ( SELECT public.current_user_id() AS current_user_id)));

--
-- Name: user_preferences; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.user_preferences ENABLE ROW LEVEL SECURITY;

--
-- Name: user_tokens; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.user_tokens ENABLE ROW LEVEL SECURITY;

--
-- Name: users; Type: ROW SECURITY; Schema: public; Owner: aurora_owner
--

ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;

--
-- Name: SCHEMA aurora_private; Type: ACL; Schema: -; Owner: aurora_owner
--

GRANT USAGE ON SCHEMA aurora_private TO aurora_app;
GRANT USAGE ON SCHEMA aurora_private TO aurora_maintenance;

--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: pg_database_owner
--

GRANT USAGE ON SCHEMA public TO aurora_app;
GRANT USAGE ON SCHEMA public TO aurora_maintenance;

--
-- Name: FUNCTION alert_text(p_title text, p_description text); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.alert_text(p_title text, p_description text) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.alert_text(p_title text, p_description text) TO aurora_app;
GRANT ALL ON FUNCTION aurora_private.alert_text(p_title text, p_description text) TO aurora_maintenance;

--
-- Name: FUNCTION jsonb_is_string_map(document jsonb); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.jsonb_is_string_map(document jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.jsonb_is_string_map(document jsonb) TO aurora_app;

--
-- Name: TABLE bigpanda_events; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.bigpanda_events TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.bigpanda_events TO aurora_maintenance;

--
-- Name: TABLE cloudbees_events; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.cloudbees_events TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.cloudbees_events TO aurora_maintenance;

--
-- Name: TABLE datadog_events; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.datadog_events TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.datadog_events TO aurora_maintenance;

--
-- Name: TABLE dynatrace_problems; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.dynatrace_problems TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.dynatrace_problems TO aurora_maintenance;

--
-- Name: TABLE grafana_alerts; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.grafana_alerts TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.grafana_alerts TO aurora_maintenance;

--
-- Name: TABLE jenkins_events; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.jenkins_events TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.jenkins_events TO aurora_maintenance;

--
-- Name: TABLE netdata_alerts; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.netdata_alerts TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.netdata_alerts TO aurora_maintenance;

--
-- Name: TABLE pagerduty_events; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.pagerduty_events TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.pagerduty_events TO aurora_maintenance;

--
-- Name: TABLE splunk_alerts; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.splunk_alerts TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.splunk_alerts TO aurora_maintenance;

--
-- Name: TABLE monitoring_alerts; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON TABLE public.monitoring_alerts TO aurora_app;
GRANT SELECT ON TABLE public.monitoring_alerts TO aurora_maintenance;

--
-- Name: FUNCTION alert_time(p_alert public.monitoring_alerts); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.alert_time(p_alert public.monitoring_alerts) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.alert_time(p_alert public.monitoring_alerts) TO aurora_app;

--
-- Name: FUNCTION attach_alert(p_alert public.monitoring_alerts, p_incident_id uuid, p_strategy public.correlation_strategy, p_score numeric, p_details jsonb, p_attached_by uuid); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.attach_alert(p_alert public.monitoring_alerts, p_incident_id uuid, p_strategy public.correlation_strategy, p_score numeric, p_details jsonb, p_attached_by uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.attach_alert(p_alert public.monitoring_alerts, p_incident_id uuid, p_strategy public.correlation_strategy, p_score numeric, p_details jsonb, p_attached_by uuid) TO aurora_app;

--
-- Name: TABLE incidents; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.incidents TO aurora_app;
GRANT SELECT ON TABLE public.incidents TO aurora_maintenance;

--
-- Name: COLUMN incidents.source_alert_id; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT UPDATE(source_alert_id) ON TABLE public.incidents TO aurora_maintenance;

--
-- Name: COLUMN incidents.alert_count; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT UPDATE(alert_count) ON TABLE public.incidents TO aurora_maintenance;

--
-- Name: FUNCTION best_candidate(p_alert public.monitoring_alerts, p_candidates public.incidents[], p_settings jsonb, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT details jsonb); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.best_candidate(p_alert public.monitoring_alerts, p_candidates public.incidents[], p_settings jsonb, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT details jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.best_candidate(p_alert public.monitoring_alerts, p_candidates public.incidents[], p_settings jsonb, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT details jsonb) TO aurora_app;

--
-- Name: FUNCTION best_open_incident(p_alert public.monitoring_alerts, p_settings jsonb, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT details jsonb); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.best_open_incident(p_alert public.monitoring_alerts, p_settings jsonb, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT details jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.best_open_incident(p_alert public.monitoring_alerts, p_settings jsonb, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT details jsonb) TO aurora_app;

--
-- Name: FUNCTION candidate_fit(p_alert public.monitoring_alerts, p_incident public.incidents, p_settings jsonb, p_with_details boolean, OUT member_count bigint, OUT delta_seconds numeric, OUT is_service_match boolean, OUT is_service_absent boolean, OUT title_similarity numeric, OUT service_score numeric, OUT time_score numeric, OUT similarity_score numeric, OUT weighted_score numeric, OUT details jsonb); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.candidate_fit(p_alert public.monitoring_alerts, p_incident public.incidents, p_settings jsonb, p_with_details boolean, OUT member_count bigint, OUT delta_seconds numeric, OUT is_service_match boolean, OUT is_service_absent boolean, OUT title_similarity numeric, OUT service_score numeric, OUT time_score numeric, OUT similarity_score numeric, OUT weighted_score numeric, OUT details jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.candidate_fit(p_alert public.monitoring_alerts, p_incident public.incidents, p_settings jsonb, p_with_details boolean, OUT member_count bigint, OUT delta_seconds numeric, OUT is_service_match boolean, OUT is_service_absent boolean, OUT title_similarity numeric, OUT service_score numeric, OUT time_score numeric, OUT similarity_score numeric, OUT weighted_score numeric, OUT details jsonb) TO aurora_app;

--
-- Name: FUNCTION check_merge(p_from uuid, p_into uuid, p_source_incident public.incidents, p_target_incident public.incidents); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.check_merge(p_from uuid, p_into uuid, p_source_incident public.incidents, p_target_incident public.incidents) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.check_merge(p_from uuid, p_into uuid, p_source_incident public.incidents, p_target_incident public.incidents) TO aurora_app;

--
-- Name: FUNCTION correlate_alert(p_alert public.monitoring_alerts, p_settings jsonb, p_may_belong boolean, p_may_have_sibling boolean, OUT action text, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT is_incident_resolved boolean); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.correlate_alert(p_alert public.monitoring_alerts, p_settings jsonb, p_may_belong boolean, p_may_have_sibling boolean, OUT action text, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT is_incident_resolved boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.correlate_alert(p_alert public.monitoring_alerts, p_settings jsonb, p_may_belong boolean, p_may_have_sibling boolean, OUT action text, OUT incident_id uuid, OUT strategy public.correlation_strategy, OUT score numeric, OUT is_incident_resolved boolean) TO aurora_app;

--
-- Name: FUNCTION correlate_in_memory(p_alerts public.monitoring_alerts[], p_settings jsonb, p_candidates public.incidents[]); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.correlate_in_memory(p_alerts public.monitoring_alerts[], p_settings jsonb, p_candidates public.incidents[]) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.correlate_in_memory(p_alerts public.monitoring_alerts[], p_settings jsonb, p_candidates public.incidents[]) TO aurora_app;

--
-- Name: FUNCTION correlation_settings(p_settings jsonb); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.correlation_settings(p_settings jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.correlation_settings(p_settings jsonb) TO aurora_app;

--
-- Name: FUNCTION current_incident_of_alert(p_source public.monitoring_source, p_alert_id bigint); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.current_incident_of_alert(p_source public.monitoring_source, p_alert_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.current_incident_of_alert(p_source public.monitoring_source, p_alert_id bigint) TO aurora_app;

--
-- Name: FUNCTION incident_alert_count(p_incident_id uuid); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.incident_alert_count(p_incident_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.incident_alert_count(p_incident_id uuid) TO aurora_app;

--
-- Name: FUNCTION incident_member_alerts(p_incident_id uuid); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.incident_member_alerts(p_incident_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.incident_member_alerts(p_incident_id uuid) TO aurora_app;

--
-- Name: FUNCTION jsonb_has_secret_key(document jsonb); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.jsonb_has_secret_key(document jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.jsonb_has_secret_key(document jsonb) TO aurora_app;

--
-- Name: FUNCTION jsonb_secret_key_path(document jsonb); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.jsonb_secret_key_path(document jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.jsonb_secret_key_path(document jsonb) TO aurora_app;

--
-- Name: FUNCTION monitoring_alert_exists(target_org_id uuid, target_source public.monitoring_source, target_alert_id bigint); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.monitoring_alert_exists(target_org_id uuid, target_source public.monitoring_source, target_alert_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.monitoring_alert_exists(target_org_id uuid, target_source public.monitoring_source, target_alert_id bigint) TO aurora_app;
GRANT ALL ON FUNCTION aurora_private.monitoring_alert_exists(target_org_id uuid, target_source public.monitoring_source, target_alert_id bigint) TO aurora_maintenance;

--
-- Name: FUNCTION move_merged_alerts(p_source_incident public.incidents, p_into uuid); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.move_merged_alerts(p_source_incident public.incidents, p_into uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.move_merged_alerts(p_source_incident public.incidents, p_into uuid) TO aurora_app;

--
-- Name: FUNCTION open_incident_for_alert(p_alert public.monitoring_alerts); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.open_incident_for_alert(p_alert public.monitoring_alerts) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.open_incident_for_alert(p_alert public.monitoring_alerts) TO aurora_app;

--
-- Name: FUNCTION open_incident_with_fingerprint(p_alert public.monitoring_alerts, p_settings jsonb); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.open_incident_with_fingerprint(p_alert public.monitoring_alerts, p_settings jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.open_incident_with_fingerprint(p_alert public.monitoring_alerts, p_settings jsonb) TO aurora_app;

--
-- Name: FUNCTION refresh_incident_bookkeeping(p_incident_ids uuid[]); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.refresh_incident_bookkeeping(p_incident_ids uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.refresh_incident_bookkeeping(p_incident_ids uuid[]) TO aurora_app;

--
-- Name: FUNCTION reopen_incident(p_incident_id uuid); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.reopen_incident(p_incident_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.reopen_incident(p_incident_id uuid) TO aurora_app;

--
-- Name: FUNCTION resolve_incident_if_cleared(p_incident_id uuid); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.resolve_incident_if_cleared(p_incident_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.resolve_incident_if_cleared(p_incident_id uuid) TO aurora_app;

--
-- Name: FUNCTION score_candidates(p_alert public.monitoring_alerts, p_candidates public.incidents[], p_settings jsonb); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.score_candidates(p_alert public.monitoring_alerts, p_candidates public.incidents[], p_settings jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.score_candidates(p_alert public.monitoring_alerts, p_candidates public.incidents[], p_settings jsonb) TO aurora_app;

--
-- Name: FUNCTION tg__check_alert_exists(); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.tg__check_alert_exists() FROM PUBLIC;

--
-- Name: FUNCTION tg__detach_deleted_alerts(); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.tg__detach_deleted_alerts() FROM PUBLIC;

--
-- Name: FUNCTION tg__reject_secret_keys(); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.tg__reject_secret_keys() FROM PUBLIC;

--
-- Name: FUNCTION tg__set_updated_at(); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.tg__set_updated_at() FROM PUBLIC;

--
-- Name: FUNCTION tg_incident_alerts__track_incidents(); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.tg_incident_alerts__track_incidents() FROM PUBLIC;

--
-- Name: FUNCTION tg_incident_thoughts__notify(); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.tg_incident_thoughts__notify() FROM PUBLIC;

--
-- Name: FUNCTION tg_incidents__check_status_transition(); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.tg_incidents__check_status_transition() FROM PUBLIC;

--
-- Name: FUNCTION tg_incidents__count_opening_alert(); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.tg_incidents__count_opening_alert() FROM PUBLIC;

--
-- Name: FUNCTION tg_incidents__keep_updated_at_for_bookkeeping(); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.tg_incidents__keep_updated_at_for_bookkeeping() FROM PUBLIC;

--
-- Name: FUNCTION with_recent_text(p_texts text[], p_text text); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.with_recent_text(p_texts text[], p_text text) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.with_recent_text(p_texts text[], p_text text) TO aurora_app;
GRANT ALL ON FUNCTION aurora_private.with_recent_text(p_texts text[], p_text text) TO aurora_maintenance;

--
-- Name: FUNCTION with_recent_texts(p_texts text[], p_added text[]); Type: ACL; Schema: aurora_private; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION aurora_private.with_recent_texts(p_texts text[], p_added text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION aurora_private.with_recent_texts(p_texts text[], p_added text[]) TO aurora_app;
GRANT ALL ON FUNCTION aurora_private.with_recent_texts(p_texts text[], p_added text[]) TO aurora_maintenance;

--
-- Name: FUNCTION authenticate(email text, password text); Type: ACL; Schema: public; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION public.authenticate(email text, password text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.authenticate(email text, password text) TO aurora_app;

--
-- Name: FUNCTION change_password(user_id uuid, current_password text, new_password text); Type: ACL; Schema: public; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION public.change_password(user_id uuid, current_password text, new_password text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.change_password(user_id uuid, current_password text, new_password text) TO aurora_app;

--
-- Name: FUNCTION correlate_alerts(p_source public.monitoring_source, p_alert_ids bigint[], p_settings jsonb); Type: ACL; Schema: public; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION public.correlate_alerts(p_source public.monitoring_source, p_alert_ids bigint[], p_settings jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.correlate_alerts(p_source public.monitoring_source, p_alert_ids bigint[], p_settings jsonb) TO aurora_app;

--
-- Name: FUNCTION current_org_id(); Type: ACL; Schema: public; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION public.current_org_id() FROM PUBLIC;
GRANT ALL ON FUNCTION public.current_org_id() TO aurora_app;
GRANT ALL ON FUNCTION public.current_org_id() TO aurora_maintenance;

--
-- Name: FUNCTION current_user_id(); Type: ACL; Schema: public; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION public.current_user_id() FROM PUBLIC;
GRANT ALL ON FUNCTION public.current_user_id() TO aurora_app;
GRANT ALL ON FUNCTION public.current_user_id() TO aurora_maintenance;

--
-- Name: FUNCTION merge_incidents(p_from uuid, p_into uuid); Type: ACL; Schema: public; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION public.merge_incidents(p_from uuid, p_into uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.merge_incidents(p_from uuid, p_into uuid) TO aurora_app;

--
-- Name: FUNCTION register_user(email text, password text, display_name text); Type: ACL; Schema: public; Owner: aurora_owner
--

REVOKE ALL ON FUNCTION public.register_user(email text, password text, display_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.register_user(email text, password text, display_name text) TO aurora_app;

--
-- Name: SEQUENCE bigpanda_events_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.bigpanda_events_id_seq TO aurora_maintenance;

--
-- Name: TABLE chat_messages; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.chat_messages TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.chat_messages TO aurora_maintenance;

--
-- Name: SEQUENCE chat_messages_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.chat_messages_id_seq TO aurora_maintenance;

--
-- Name: TABLE chat_sessions; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.chat_sessions TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.chat_sessions TO aurora_maintenance;

--
-- Name: SEQUENCE cloudbees_events_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.cloudbees_events_id_seq TO aurora_maintenance;

--
-- Name: SEQUENCE datadog_events_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.datadog_events_id_seq TO aurora_maintenance;

--
-- Name: SEQUENCE dynatrace_problems_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.dynatrace_problems_id_seq TO aurora_maintenance;

--
-- Name: SEQUENCE grafana_alerts_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.grafana_alerts_id_seq TO aurora_maintenance;

--
-- Name: TABLE incident_alerts; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.incident_alerts TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.incident_alerts TO aurora_maintenance;

--
-- Name: SEQUENCE incident_alerts_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.incident_alerts_id_seq TO aurora_maintenance;

--
-- Name: TABLE incident_citations; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.incident_citations TO aurora_app;
GRANT SELECT ON TABLE public.incident_citations TO aurora_maintenance;

--
-- Name: SEQUENCE incident_citations_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.incident_citations_id_seq TO aurora_maintenance;

--
-- Name: TABLE incident_suggestions; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.incident_suggestions TO aurora_app;
GRANT SELECT ON TABLE public.incident_suggestions TO aurora_maintenance;

--
-- Name: SEQUENCE incident_suggestions_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.incident_suggestions_id_seq TO aurora_maintenance;

--
-- Name: TABLE incident_thoughts; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.incident_thoughts TO aurora_app;
GRANT SELECT ON TABLE public.incident_thoughts TO aurora_maintenance;

--
-- Name: SEQUENCE incident_thoughts_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.incident_thoughts_id_seq TO aurora_maintenance;

--
-- Name: TABLE integrations; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.integrations TO aurora_app;
GRANT SELECT ON TABLE public.integrations TO aurora_maintenance;

--
-- Name: SEQUENCE jenkins_events_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.jenkins_events_id_seq TO aurora_maintenance;

--
-- Name: TABLE k8s_deployments; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.k8s_deployments TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.k8s_deployments TO aurora_maintenance;

--
-- Name: SEQUENCE k8s_deployments_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.k8s_deployments_id_seq TO aurora_maintenance;

--
-- Name: TABLE k8s_ingresses; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.k8s_ingresses TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.k8s_ingresses TO aurora_maintenance;

--
-- Name: SEQUENCE k8s_ingresses_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.k8s_ingresses_id_seq TO aurora_maintenance;

--
-- Name: TABLE k8s_nodes; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.k8s_nodes TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.k8s_nodes TO aurora_maintenance;

--
-- Name: SEQUENCE k8s_nodes_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.k8s_nodes_id_seq TO aurora_maintenance;

--
-- Name: TABLE k8s_pods; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.k8s_pods TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.k8s_pods TO aurora_maintenance;

--
-- Name: SEQUENCE k8s_pods_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.k8s_pods_id_seq TO aurora_maintenance;

--
-- Name: TABLE k8s_services; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.k8s_services TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.k8s_services TO aurora_maintenance;

--
-- Name: SEQUENCE k8s_services_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.k8s_services_id_seq TO aurora_maintenance;

--
-- Name: TABLE llm_usage_tracking; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT ON TABLE public.llm_usage_tracking TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.llm_usage_tracking TO aurora_maintenance;

--
-- Name: SEQUENCE llm_usage_tracking_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.llm_usage_tracking_id_seq TO aurora_maintenance;

--
-- Name: SEQUENCE netdata_alerts_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.netdata_alerts_id_seq TO aurora_maintenance;

--
-- Name: TABLE org_members; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.org_members TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.org_members TO aurora_maintenance;

--
-- Name: TABLE organizations; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.organizations TO aurora_app;
GRANT SELECT,DELETE ON TABLE public.organizations TO aurora_maintenance;

--
-- Name: SEQUENCE pagerduty_events_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.pagerduty_events_id_seq TO aurora_maintenance;

--
-- Name: SEQUENCE splunk_alerts_id_seq; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT ON SEQUENCE public.splunk_alerts_id_seq TO aurora_maintenance;

--
-- Name: TABLE user_preferences; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.user_preferences TO aurora_app;
GRANT SELECT ON TABLE public.user_preferences TO aurora_maintenance;

--
-- Name: TABLE user_tokens; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.user_tokens TO aurora_app;
GRANT SELECT ON TABLE public.user_tokens TO aurora_maintenance;

--
-- Name: TABLE users; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT,DELETE ON TABLE public.users TO aurora_maintenance;

--
-- Name: COLUMN users.id; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT(id) ON TABLE public.users TO aurora_app;

--
-- Name: COLUMN users.email; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT(email),UPDATE(email) ON TABLE public.users TO aurora_app;

--
-- Name: COLUMN users.display_name; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT(display_name),UPDATE(display_name) ON TABLE public.users TO aurora_app;

--
-- Name: COLUMN users.created_at; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT(created_at) ON TABLE public.users TO aurora_app;

--
-- Name: COLUMN users.updated_at; Type: ACL; Schema: public; Owner: aurora_owner
--

GRANT SELECT(updated_at) ON TABLE public.users TO aurora_app;

--
-- Name: DEFAULT PRIVILEGES FOR SEQUENCES; Type: DEFAULT ACL; Schema: -; Owner: aurora_owner
--

ALTER DEFAULT PRIVILEGES FOR ROLE aurora_owner GRANT SELECT ON SEQUENCES  TO aurora_maintenance;

--
-- Name: DEFAULT PRIVILEGES FOR FUNCTIONS; Type: DEFAULT ACL; Schema: -; Owner: aurora_owner
--

ALTER DEFAULT PRIVILEGES FOR ROLE aurora_owner REVOKE ALL ON FUNCTIONS  FROM PUBLIC;

--
-- PostgreSQL database dump complete
--
