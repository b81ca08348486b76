import { randomUUID } from "node:crypto";
import pg from "pg";
import { TENANT_ROOT } from "../../src/audit/index.ts";
import type { TestDatabase } from "./database.ts";

/**
 * Two organizations with rows in every tenant table, for tests that need
 * realistic data on both sides of a tenant boundary.
 *
 * Organization A (Acme Retail) has two members: A1, its owner, and A2.
 * Organization B (Globex Logistics) has one: B1, its owner. The rows are
 * inserted through the superuser pool, which bypasses row-level security,
 * one SEED_STEPS entry at a time, so parents exist before their children.
 * After the last step the seed reads the catalog: every table in `public`
 * with an org_id column, and organizations, must hold rows of both
 * organizations, so a new tenant table fails here until it gets a step.
 */

export type OrgKey = "A" | "B";

/** One row as column name to value; jsonb_populate_record converts the values. */
export type SeedRow = Record<string, unknown>;

/** Ids and rows that earlier steps created, for the steps that refer to them. */
export interface SeedContext {
  orgId(org: OrgKey): string;
  /** User ids of the members of `org`, owner first. */
  memberIds(org: OrgKey): string[];
  profile(org: OrgKey): OrgProfile;
  /** Rows inserted into `table` for `org` so far, as the database returned them. */
  rows(table: string, org: OrgKey): SeedRow[];
  /** The first such row; throws when an earlier step inserted none. */
  first(table: string, org: OrgKey): SeedRow;
}

/** Rows of one table, built once for each organization. */
export interface SeedStep {
  table: string;
  rows(context: SeedContext, org: OrgKey): SeedRow[];
}

export interface MemberProfile {
  displayName: string;
  /** Local part of the email address, before a per-seed suffix. */
  mailbox: string;
  role: "owner" | "admin" | "member" | "viewer";
}

/** The fictional company behind an organization, from which the rows take their values. */
export interface OrgProfile {
  name: string;
  slug: string;
  domain: string;
  members: MemberProfile[];
  /** The service whose outage the alerts and the incident describe. */
  service: string;
  cluster: string;
  namespace: string;
  githubOrg: string;
}

export const ORG_PROFILES: Record<OrgKey, OrgProfile> = {
  A: {
    name: "Acme Retail",
    slug: "acme-retail",
    domain: "acme.example",
    members: [
      { displayName: "Alice Novak", mailbox: "alice", role: "owner" },
      { displayName: "Arjun Mehta", mailbox: "arjun", role: "member" },
    ],
    service: "checkout-api",
    cluster: "acme-prod-eu-west-1",
    namespace: "shop",
    githubOrg: "acme-retail",
  },
  B: {
    name: "Globex Logistics",
    slug: "globex-logistics",
    domain: "globex.example",
    members: [{ displayName: "Bianca Ruiz", mailbox: "bianca", role: "owner" }],
    service: "route-planner",
    cluster: "globex-prod-us-east-2",
    namespace: "dispatch",
    githubOrg: "globex-logistics",
  },
};

export interface TwoOrgs {
  orgA: string;
  orgB: string;
  /** Owner of organization A. */
  userA1: string;
  /** Plain member of organization A. */
  userA2: string;
  /** Owner of organization B. */
  userB1: string;
  incidentA: string;
  incidentB: string;
  /** Chat sessions of A1, A2 and B1. */
  sessionA1: string;
  sessionA2: string;
  sessionB1: string;
  /** Every inserted row by table and organization, as the database returned it. */
  rows: Record<string, Record<OrgKey, SeedRow[]>>;
}

const STARTED_AT = "2025-03-14T09:26:53Z";
const RECEIVED_AT = "2025-03-14T09:27:05Z";

function commonAlertColumns(
  context: SeedContext,
  org: OrgKey,
  source: string,
  sourceState: string,
  payload: SeedRow,
): SeedRow {
  const profile = context.profile(org);
  const orgId = context.orgId(org);
  return {
    org_id: orgId,
    // The org id makes each organization's keys unique to it, so a key of one
    // organization in the other's rows or errors shows a leak.
    dedup_key: `${source}:${profile.service}:HighErrorRate:${orgId}`,
    fingerprint: `${source}-${profile.service}-high-error-rate-${orgId.slice(0, 8)}`,
    title: `${profile.service} 5xx rate above 5%`,
    state: "firing",
    source_state: sourceState,
    severity: "high",
    service: profile.service,
    environment: "production",
    starts_at: STARTED_AT,
    description: `More than 5% of ${profile.service} requests failed with a 5xx status for 5 minutes.`,
    labels: {
      alertname: "HighErrorRate",
      service: profile.service,
      env: "production",
    },
    payload,
    received_at: RECEIVED_AT,
  };
}

/** One step per monitoring table, each with the columns that source sends. */
const MONITORING_STEPS: SeedStep[] = [
  {
    table: "grafana_alerts",
    rows: (context, org) => {
      const { service } = context.profile(org);
      return [
        {
          ...commonAlertColumns(context, org, "grafana", "alerting", {
            status: "firing",
            labels: { alertname: "HighErrorRate", service },
            annotations: { summary: `${service} 5xx rate above 5%` },
            startsAt: STARTED_AT,
            values: { A: 7.2 },
          }),
          format: "unified",
          receiver: "aurora-webhook",
          group_key: `{}:{alertname="HighErrorRate"}`,
          external_url: "https://grafana.example/",
          generator_url: "https://grafana.example/alerting/grafana/b7e1/view",
          rule_uid: "b7e1c2d4",
          grafana_org_id: 1,
          annotations: { summary: `${service} 5xx rate above 5%` },
          metric_values: { A: 7.2 },
          value_string: "[ var='A' labels={} value=7.2 ]",
        },
      ];
    },
  },
  {
    table: "datadog_events",
    rows: (context, org) => {
      const { service } = context.profile(org);
      return [
        {
          ...commonAlertColumns(context, org, "datadog", "Triggered", {
            id: "7314587423195862310",
            title: `[Triggered] ${service} 5xx rate above 5%`,
            alert_transition: "Triggered",
          }),
          event_id: "7314587423195862310",
          monitor_id: 81234567,
          event_type: "query_alert_monitor",
          alert_type: "error",
          alert_transition: "Triggered",
          priority: "P2",
          alert_query: `avg(last_5m):sum:trace.http.request.errors{service:${service}} > 5`,
          scopes: [`service:${service}`],
          tags: [`service:${service}`, "env:production"],
          event_url:
            "https://app.datadoghq.com/event/event?id=7314587423195862310",
          datadog_org_id: "291844",
        },
      ];
    },
  },
  {
    table: "pagerduty_events",
    rows: (context, org) => [
      {
        ...commonAlertColumns(context, org, "pagerduty", "triggered", {
          event: {
            event_type: "incident.triggered",
            resource_type: "incident",
          },
        }),
        format: "v3",
        event_id: "01EZ3VAH9ZQJN1F0U6H2KD2WZR",
        event_type: "incident.triggered",
        incident_id: "Q1ZX0KP4B3N8RT",
        incident_number: 1423,
        urgency: "high",
        priority: "P2",
        html_url: `https://${context.profile(org).slug}.pagerduty.com/incidents/Q1ZX0KP4B3N8RT`,
        pd_service_id: "PK3NCQ2",
        occurred_at: STARTED_AT,
      },
    ],
  },
  {
    table: "netdata_alerts",
    rows: (context, org) => [
      {
        ...commonAlertColumns(context, org, "netdata", "CRITICAL", {
          alert: "web_log_5xx_rate",
          status: { text: "critical" },
        }),
        alert_name: "web_log_5xx_rate",
        host: "web-03",
        chart: "web_log_nginx.requests_by_type",
        context: "web_log.type_requests",
        family: "responses",
        alert_class: "Errors",
        space: "production",
        rooms: ["All nodes"],
        duration: "5 minutes",
        additional_active_critical_alerts: 0,
        additional_active_warning_alerts: 2,
      },
    ],
  },
  {
    table: "splunk_alerts",
    rows: (context, org) => [
      {
        ...commonAlertColumns(context, org, "splunk", "triggered", {
          search_name: "5xx spike",
          result: { count: "412" },
        }),
        search_name: "5xx spike",
        sid: "scheduler__admin__search__RMD5a1b2c3d4e5f6a7b8_at_1710408413_1021",
        results_link: "https://splunk.example:8000/app/search/search?sid=1021",
        app: "search",
        owner: "admin",
      },
    ],
  },
  {
    table: "dynatrace_problems",
    rows: (context, org) => [
      {
        ...commonAlertColumns(context, org, "dynatrace", "OPEN", {
          ProblemID: "P-2403114",
          State: "OPEN",
        }),
        problem_id: "-6425839273657198171_1710407213000V2",
        pid: "P-2403114",
        impacted_entity: context.profile(org).service,
        problem_impact: "SERVICE",
        problem_url:
          "https://abc12345.live.dynatrace.com/#problems/problemdetails;pid=-6425839273657198171_1710407213000V2",
        tags: ["env:production"],
      },
    ],
  },
  {
    table: "bigpanda_events",
    rows: (context, org) => [
      {
        ...commonAlertColumns(context, org, "bigpanda", "active", {
          id: "65f1c0d2e4b0a1b2c3d4e5f6",
          status: "active",
        }),
        incident_id: "65f1c0d2e4b0a1b2c3d4e5f6",
        primary_property: "host",
        secondary_property: "check",
        bigpanda_status: "active",
        source_system: "nagios",
        child_alert_count: 3,
      },
    ],
  },
  {
    table: "jenkins_events",
    rows: (context, org) => {
      const { service, githubOrg } = context.profile(org);
      return [
        {
          ...commonAlertColumns(context, org, "jenkins", "FAILURE", {
            name: `${service}-deploy`,
            build: { number: 482, phase: "COMPLETED", status: "FAILURE" },
          }),
          job_name: `${service}-deploy`,
          build_number: 482,
          phase: "COMPLETED",
          build_status: "FAILURE",
          build_url: `https://ci.example/job/${service}-deploy/482/`,
          scm_url: `https://github.com/${githubOrg}/${service}.git`,
          branch: "main",
          commit: "9f2c1e7a4b3d",
        },
      ];
    },
  },
  {
    table: "cloudbees_events",
    rows: (context, org) => {
      const { service, githubOrg } = context.profile(org);
      return [
        {
          ...commonAlertColumns(context, org, "cloudbees", "FAILURE", {
            name: `${service}-release`,
            build: { number: 77, phase: "COMPLETED", status: "FAILURE" },
          }),
          controller: "ci-prod",
          job_name: `${service}-release`,
          build_number: 77,
          phase: "COMPLETED",
          build_status: "FAILURE",
          build_url: `https://cloudbees.example/ci-prod/job/${service}-release/77/`,
          scm_url: `https://github.com/${githubOrg}/${service}.git`,
          branch: "release/2025.03",
          commit: "c41d0be91f22",
        },
      ];
    },
  },
];

const IDENTITY_STEPS: SeedStep[] = [
  {
    table: "organizations",
    rows: (context, org) => {
      const profile = context.profile(org);
      const orgId = context.orgId(org);
      // Slugs are unique across the server's organizations, so each seed adds its own suffix.
      return [
        {
          id: orgId,
          slug: `${profile.slug}-${orgId.slice(0, 8)}`,
          name: profile.name,
        },
      ];
    },
  },
  {
    table: "users",
    rows: (context, org) => {
      const profile = context.profile(org);
      const suffix = context.orgId(org).slice(0, 8);
      return profile.members.map((member, index) => ({
        id: context.memberIds(org)[index],
        email: `${member.mailbox}.${suffix}@${profile.domain}`,
        display_name: member.displayName,
      }));
    },
  },
  {
    table: "org_members",
    rows: (context, org) =>
      context.profile(org).members.map((member, index) => ({
        org_id: context.orgId(org),
        user_id: context.memberIds(org)[index],
        role: member.role,
      })),
  },
  {
    table: "user_preferences",
    rows: (context, org) =>
      context.memberIds(org).map((userId, index) => ({
        org_id: context.orgId(org),
        user_id: userId,
        key: "incident_list",
        value: {
          sort: "started_at",
          density: index === 0 ? "compact" : "comfortable",
        },
      })),
  },
  {
    table: "user_tokens",
    rows: (context, org) =>
      context.memberIds(org).map((userId) => ({
        org_id: context.orgId(org),
        user_id: userId,
        provider: "github",
        secret_ref: `vault:secret/data/aurora/${context.orgId(org)}/users/${userId}/github`,
        metadata: {
          login: `${context.profile(org).githubOrg}-oncall`,
          scopes: ["repo", "read:org"],
        },
        expires_at: "2025-09-14T00:00:00Z",
      })),
  },
];

const INCIDENT_STEPS: SeedStep[] = [
  {
    table: "incidents",
    rows: (context, org) => {
      const { service } = context.profile(org);
      return [
        {
          org_id: context.orgId(org),
          title: `${service} 5xx rate above 5%`,
          description: `Error rate of ${service} rose after the 09:20 deployment.`,
          status: "investigating",
          analysis_status: "running",
          severity: "high",
          source: "grafana",
          source_alert_id: context.first("grafana_alerts", org).id,
          service,
          affected_services: [service, "payments-gateway"],
          environment: "production",
          started_at: STARTED_AT,
        },
      ];
    },
  },
  {
    table: "incident_thoughts",
    rows: (context, org) => [
      {
        org_id: context.orgId(org),
        incident_id: context.first("incidents", org).id,
        type: "hypothesis",
        content: `The 09:20 deployment of ${context.profile(org).service} exhausts the database connection pool [1].`,
      },
    ],
  },
  {
    table: "incident_suggestions",
    rows: (context, org) => {
      const { service, githubOrg } = context.profile(org);
      return [
        {
          org_id: context.orgId(org),
          incident_id: context.first("incidents", org).id,
          type: "fix",
          title: "Raise the connection pool size back to 40",
          description: "The deployment lowered DB_POOL_MAX from 40 to 10.",
          risk: "medium",
          file_path: "deploy/values-production.yaml",
          original_content: "DB_POOL_MAX: 10\n",
          suggested_content: "DB_POOL_MAX: 40\n",
          repository: `${githubOrg}/${service}`,
        },
      ];
    },
  },
  {
    table: "incident_citations",
    rows: (context, org) => {
      const { service, namespace } = context.profile(org);
      return [
        {
          org_id: context.orgId(org),
          incident_id: context.first("incidents", org).id,
          citation_key: 1,
          tool: "kubectl",
          command: `kubectl logs deploy/${service} -n ${namespace} --tail=200`,
          output: "ERROR pool exhausted: 10 of 10 connections in use",
          status: "success",
          executed_at: "2025-03-14T09:31:12Z",
          duration_ms: 840,
        },
      ];
    },
  },
  {
    table: "incident_alerts",
    rows: (context, org) => [
      {
        org_id: context.orgId(org),
        incident_id: context.first("incidents", org).id,
        alert_source: "datadog",
        alert_id: context.first("datadog_events", org).id,
        strategy: "service_match",
        score: 0.84,
        details: { service: 0.5, time: 0.24, semantic: 0.1 },
      },
    ],
  },
];

const CHAT_STEPS: SeedStep[] = [
  {
    table: "chat_sessions",
    rows: (context, org) =>
      context.memberIds(org).map((userId) => ({
        org_id: context.orgId(org),
        user_id: userId,
        title: `Why is ${context.profile(org).service} failing?`,
        status: "active",
        ui_state: { panel: "timeline", draft: "" },
        incident_id: context.first("incidents", org).id,
      })),
  },
  {
    table: "chat_messages",
    rows: (context, org) =>
      context.rows("chat_sessions", org).flatMap((session) => [
        {
          org_id: context.orgId(org),
          session_id: session.id,
          user_id: session.user_id,
          role: "user",
          content: [{ type: "text", text: "What changed in the last hour?" }],
        },
        {
          org_id: context.orgId(org),
          session_id: session.id,
          user_id: session.user_id,
          role: "assistant",
          content: [
            {
              type: "text",
              text: "A deployment at 09:20 lowered DB_POOL_MAX [1].",
            },
          ],
        },
      ]),
  },
];

/** Columns that every Kubernetes table shares, for one object of the organization's cluster. */
function kubernetesObjectColumns(
  context: SeedContext,
  org: OrgKey,
  kind: string,
  name: string,
  apiVersion: string,
  namespaced = true,
): SeedRow {
  const { cluster, namespace, service } = context.profile(org);
  const metadata = namespaced ? { name, namespace } : { name };
  return {
    org_id: context.orgId(org),
    cluster,
    ...(namespaced ? { namespace } : {}),
    name,
    uid: randomUUID(),
    api_version: apiVersion,
    labels: { app: service },
    creation_timestamp: "2025-03-01T08:00:00Z",
    object: {
      apiVersion,
      kind,
      metadata: { ...metadata, labels: { app: service } },
    },
    synced_at: "2025-03-14T09:30:00Z",
  };
}

const KUBERNETES_STEPS: SeedStep[] = [
  {
    table: "k8s_pods",
    rows: (context, org) => {
      const { service } = context.profile(org);
      return [
        {
          ...kubernetesObjectColumns(
            context,
            org,
            "Pod",
            `${service}-7d9f8b6c5-x2x9q`,
            "v1",
          ),
          phase: "Running",
          node_name: "ip-10-0-3-17.ec2.internal",
          pod_ip: "10.0.3.41",
          host_ip: "10.0.3.17",
          restart_count: 4,
          ready_containers: 1,
          total_containers: 1,
          owner_kind: "ReplicaSet",
          owner_name: `${service}-7d9f8b6c5`,
          started_at: "2025-03-14T09:20:41Z",
        },
      ];
    },
  },
  {
    table: "k8s_nodes",
    rows: (context, org) => [
      {
        ...kubernetesObjectColumns(
          context,
          org,
          "Node",
          "ip-10-0-3-17.ec2.internal",
          "v1",
          false,
        ),
        status: "Ready",
        roles: ["worker"],
        internal_ip: "10.0.3.17",
        kubelet_version: "v1.29.6",
        os_image: "Amazon Linux 2",
        cpu_capacity: "4",
        memory_capacity: "16203156Ki",
      },
    ],
  },
  {
    table: "k8s_services",
    rows: (context, org) => {
      const { service } = context.profile(org);
      return [
        {
          ...kubernetesObjectColumns(context, org, "Service", service, "v1"),
          type: "ClusterIP",
          cluster_ip: "172.20.41.9",
          ports: [
            { name: "http", port: 80, targetPort: "http", protocol: "TCP" },
          ],
          selector: { app: service },
        },
      ];
    },
  },
  {
    table: "k8s_deployments",
    rows: (context, org) => {
      const { service } = context.profile(org);
      return [
        {
          ...kubernetesObjectColumns(
            context,
            org,
            "Deployment",
            service,
            "apps/v1",
          ),
          replicas: 3,
          ready_replicas: 2,
          available_replicas: 2,
          updated_replicas: 3,
          strategy: "RollingUpdate",
          images: [`registry.example/${service}:2025.03.14-1`],
        },
      ];
    },
  },
  {
    table: "k8s_ingresses",
    rows: (context, org) => {
      const { service, domain } = context.profile(org);
      return [
        {
          ...kubernetesObjectColumns(
            context,
            org,
            "Ingress",
            service,
            "networking.k8s.io/v1",
          ),
          ingress_class: "nginx",
          hosts: [`${service}.${domain}`],
          addresses: ["k8s-ingress-1234.elb.amazonaws.com"],
          rules: [
            { host: `${service}.${domain}`, http: { paths: [{ path: "/" }] } },
          ],
        },
      ];
    },
  },
];

const OTHER_STEPS: SeedStep[] = [
  {
    table: "llm_usage_tracking",
    rows: (context, org) => [
      {
        org_id: context.orgId(org),
        user_id: context.memberIds(org)[0],
        model: "claude-sonnet-4",
        provider: "anthropic",
        request_type: "rca",
        input_tokens: 12840,
        output_tokens: 1532,
        cost: 0.061512,
      },
    ],
  },
  {
    table: "integrations",
    rows: (context, org) => {
      const { githubOrg } = context.profile(org);
      return [
        {
          org_id: context.orgId(org),
          kind: "github",
          name: githubOrg,
          config: {
            base_url: "https://api.github.com",
            organization: githubOrg,
          },
          secret_ref: `vault:secret/data/aurora/${context.orgId(org)}/integrations/github`,
          created_by: context.memberIds(org)[0],
        },
      ];
    },
  },
];

/** Every step in insertion order: a table comes after the tables it references. */
export const SEED_STEPS: SeedStep[] = [
  ...IDENTITY_STEPS,
  ...MONITORING_STEPS,
  ...INCIDENT_STEPS,
  ...CHAT_STEPS,
  ...KUBERNETES_STEPS,
  ...OTHER_STEPS,
];

/**
 * Inserts organizations A and B with rows in every tenant table and returns
 * their ids. Each call creates new organizations and users, so a database
 * can be seeded more than once. Throws, naming the tables, when a tenant
 * table in the catalog got no rows for one of the organizations.
 */
export async function seedTwoOrgs(
  database: Pick<TestDatabase, "root">,
  steps: SeedStep[] = SEED_STEPS,
): Promise<TwoOrgs> {
  const orgIds: Record<OrgKey, string> = { A: randomUUID(), B: randomUUID() };
  const memberIds: Record<OrgKey, string[]> = {
    A: ORG_PROFILES.A.members.map(() => randomUUID()),
    B: ORG_PROFILES.B.members.map(() => randomUUID()),
  };
  const rows: TwoOrgs["rows"] = {};
  const context: SeedContext = {
    orgId: (org) => orgIds[org],
    memberIds: (org) => memberIds[org],
    profile: (org) => ORG_PROFILES[org],
    rows: (table, org) => rows[table]?.[org] ?? [],
    first(table, org) {
      const row = rows[table]?.[org]?.[0];
      if (!row) {
        throw new Error(
          `seed step needs a ${table} row of organization ${org}: put the ${table} step earlier in SEED_STEPS`,
        );
      }
      return row;
    },
  };

  const client = await database.root.connect();
  try {
    await client.query("begin");
    for (const step of steps) {
      for (const org of ["A", "B"] as const) {
        const inserted: SeedRow[] = [];
        for (const row of step.rows(context, org)) {
          inserted.push(await insertRow(client, step.table, row, org));
        }
        rows[step.table] ??= { A: [], B: [] };
        rows[step.table]![org].push(...inserted);
      }
    }
    await assertEveryTenantTableSeeded(client, orgIds);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }

  const sessionOf = (org: OrgKey, userId: string) =>
    String(rows.chat_sessions![org].find((row) => row.user_id === userId)!.id);
  return {
    orgA: orgIds.A,
    orgB: orgIds.B,
    userA1: memberIds.A[0]!,
    userA2: memberIds.A[1]!,
    userB1: memberIds.B[0]!,
    incidentA: String(context.first("incidents", "A").id),
    incidentB: String(context.first("incidents", "B").id),
    sessionA1: sessionOf("A", memberIds.A[0]!),
    sessionA2: sessionOf("A", memberIds.A[1]!),
    sessionB1: sessionOf("B", memberIds.B[0]!),
    rows,
  };
}

/**
 * Inserts one row, naming only its columns so the others take their
 * defaults. A failure names the table and the organization of the row.
 */
async function insertRow(
  client: pg.ClientBase,
  table: string,
  row: SeedRow,
  org: OrgKey,
): Promise<SeedRow> {
  const target = pg.escapeIdentifier(table);
  const columns = Object.keys(row).map((column) => pg.escapeIdentifier(column));
  const list = columns.join(", ");
  try {
    const { rows } = await client.query<{ row: SeedRow }>(
      `insert into ${target} as target (${list})
       select ${list} from jsonb_populate_record(null::${target}, $1)
       returning to_jsonb(target) as row`,
      [JSON.stringify(row)],
    );
    return rows[0]!.row;
  } catch (error) {
    throw new Error(
      `seed step ${table} failed for organization ${org}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/**
 * Tenant tables in the catalog: tables in `public` with an org_id column,
 * and the tenant root, organizations, whose own id is the organization.
 */
export async function listTenantTables(
  client: pg.ClientBase | pg.Pool,
): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public'
        and c.relkind in ('r', 'p')
        and (c.relname = $1
             or exists (select from pg_attribute a
                         where a.attrelid = c.oid and a.attname = 'org_id'
                           and not a.attisdropped))
      order by c.relname`,
    [TENANT_ROOT],
  );
  return rows.map((row) => row.name);
}

/** Returns the column that contains the organization id of a tenant table's rows. */
export function orgColumnOf(table: string): string {
  return table === TENANT_ROOT ? "id" : "org_id";
}

async function assertEveryTenantTableSeeded(
  client: pg.ClientBase,
  orgIds: Record<OrgKey, string>,
): Promise<void> {
  const missing: string[] = [];
  for (const table of await listTenantTables(client)) {
    const column = pg.escapeIdentifier(orgColumnOf(table));
    const { rows } = await client.query<{ a: number; b: number }>(
      `select count(*) filter (where ${column} = $1)::int as a,
              count(*) filter (where ${column} = $2)::int as b
         from ${pg.escapeIdentifier(table)}`,
      [orgIds.A, orgIds.B],
    );
    const counts = rows[0]!;
    if (counts.a === 0) missing.push(`${table} (organization A)`);
    if (counts.b === 0) missing.push(`${table} (organization B)`);
  }
  if (missing.length > 0) {
    throw new Error(
      `seedTwoOrgs inserted no rows into ${missing.join(", ")}. ` +
        "Every tenant table needs rows of both organizations: add a SeedStep " +
        "for each of these tables to SEED_STEPS in test/helpers/seed.ts.",
    );
  }
}
