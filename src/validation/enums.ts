/**
 * The values of the schema's enum types, for checks before SQL. Each list is
 * checked at compile time against the union that pgTyped generated from the
 * database, in both directions, so a value added to an enum in a migration
 * fails the typecheck until it is added here too.
 */
import type {
  analysis_status,
  correlation_strategy,
  incident_status,
  monitoring_source,
  severity,
} from "../../generated/incidents.queries.ts";
import type {
  citation_status,
  suggestion_risk,
  suggestion_type,
  thought_type,
} from "../../generated/rca.queries.ts";
import type {
  chat_message_role,
  chat_session_status,
} from "../../generated/chat.queries.ts";
import type { org_member_role } from "../../generated/identity.queries.ts";
import type { token_provider } from "../../generated/tokens.queries.ts";
import type { integration_kind } from "../../generated/integrations.queries.ts";

/** Fails to compile unless `List` contains exactly the members of `Union`. */
type SameMembers<List extends readonly string[], Union extends string> = [
  Exclude<Union, List[number]>,
] extends [never]
  ? List
  : never;

function enumValues<Union extends string>() {
  return <const List extends readonly Union[]>(
    values: SameMembers<List, Union>,
  ): List => values;
}

export const ORG_MEMBER_ROLES = enumValues<org_member_role>()([
  "owner",
  "admin",
  "member",
  "viewer",
]);

export const TOKEN_PROVIDERS = enumValues<token_provider>()([
  "gcp",
  "aws",
  "azure",
  "github",
  "slack",
  "grafana",
  "datadog",
  "pagerduty",
  "netdata",
  "splunk",
  "dynatrace",
  "bigpanda",
  "jenkins",
  "cloudbees",
]);

export const INCIDENT_STATUSES = enumValues<incident_status>()([
  "investigating",
  "analyzed",
  "resolved",
  "merged",
]);

/** Statuses of an open incident, the predicate of the started_at list index. */
export const OPEN_INCIDENT_STATUSES = ["investigating", "analyzed"] as const;

export const ANALYSIS_STATUSES = enumValues<analysis_status>()([
  "idle",
  "running",
  "complete",
  "error",
]);

export const MONITORING_SOURCES = enumValues<monitoring_source>()([
  "grafana",
  "datadog",
  "netdata",
  "pagerduty",
  "splunk",
  "dynatrace",
  "bigpanda",
  "jenkins",
  "cloudbees",
]);

export const SEVERITIES = enumValues<severity>()([
  "critical",
  "high",
  "medium",
  "low",
  "info",
]);

export const CORRELATION_STRATEGIES = enumValues<correlation_strategy>()([
  "time_window",
  "service_match",
  "semantic",
  "manual",
]);

export const THOUGHT_TYPES = enumValues<thought_type>()([
  "analysis",
  "hypothesis",
  "evidence",
  "conclusion",
]);

export const SUGGESTION_TYPES = enumValues<suggestion_type>()([
  "diagnostic",
  "fix",
  "mitigation",
  "investigation",
]);

export const SUGGESTION_RISKS = enumValues<suggestion_risk>()([
  "safe",
  "medium",
  "high",
]);

export const CITATION_STATUSES = enumValues<citation_status>()([
  "success",
  "error",
  "timeout",
]);

export const CHAT_SESSION_STATUSES = enumValues<chat_session_status>()([
  "active",
  "completed",
  "cancelled",
  "in_progress",
]);

export const CHAT_MESSAGE_ROLES = enumValues<chat_message_role>()([
  "user",
  "assistant",
  "system",
  "tool",
]);

export const INTEGRATION_KINDS = enumValues<integration_kind>()([
  "github",
  "slack",
  "jenkins",
  "cloudbees",
  "grafana",
  "datadog",
  "pagerduty",
  "netdata",
  "splunk",
  "dynatrace",
  "bigpanda",
  "gitlab",
  "jira",
  "confluence",
]);

export type OrgMemberRole = org_member_role;
export type TokenProvider = token_provider;
export type IncidentStatus = incident_status;
export type AnalysisStatus = analysis_status;
export type MonitoringSource = monitoring_source;
export type Severity = severity;
export type CorrelationStrategy = correlation_strategy;
export type ThoughtType = thought_type;
export type SuggestionType = suggestion_type;
export type SuggestionRisk = suggestion_risk;
export type CitationStatus = citation_status;
export type ChatSessionStatus = chat_session_status;
export type ChatMessageRole = chat_message_role;
export type IntegrationKind = integration_kind;
