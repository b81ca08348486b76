/**
 * Plans of the hot queries, as the app role under row-level security, on
 * a few thousand rows spread over several organizations and analyzed. Each
 * generated query runs through a connection that prefixes EXPLAIN, so the
 * plan is the one PostgreSQL picks for that exact statement and its
 * parameters.
 */
import { randomUUID } from "node:crypto";

import type pg from "pg";
import { test } from "uvu";
import * as assert from "uvu/assert";

import * as chat from "../../generated/chat.queries.ts";
import * as incidents from "../../generated/incidents.queries.ts";
import * as llmUsage from "../../generated/llm-usage.queries.ts";
import * as rca from "../../generated/rca.queries.ts";
import type { GeneratedQuery } from "../../src/services/run.ts";
import { asApp } from "../helpers/database.ts";
import {
  openServiceDatabase,
  seedTenant,
  type ServiceDatabase,
  type Tenant,
} from "./helpers.ts";

const ORGS = 5;

let service: ServiceDatabase;
let tenants: Tenant[];
let tenant: Tenant;
let incidentId: string;
let sessionId: string;
let middleThoughtId: string;

test.before(async () => {
  service = await openServiceDatabase();
  tenants = [];
  for (let index = 0; index < ORGS; index += 1) {
    tenants.push(await seedTenant(service.database));
  }
  tenant = tenants[0]!;
  const root = service.database.root;
  // users is global. With a realistic number of rows, its lookups use users_pkey.
  await root.query(
    `insert into users (email) select 'user' || n || '@example.com' from generate_series(1, 5000) as n`,
  );
  for (const { orgId, userId } of tenants) {
    await seedOrganization(root, orgId, userId);
  }
  const incident = await root.query<{ id: string }>(
    "select id from incidents where org_id = $1 order by created_at desc limit 1",
    [tenant.orgId],
  );
  incidentId = incident.rows[0]!.id;
  const session = await root.query<{ id: string }>(
    "select id from chat_sessions where org_id = $1 and user_id = $2 order by created_at limit 1",
    [tenant.orgId, tenant.userId],
  );
  sessionId = session.rows[0]!.id;
  const thought = await root.query<{ id: string }>(
    `select id from incident_thoughts where org_id = $1 and incident_id = $2
     order by created_at, id offset 1500 limit 1`,
    [tenant.orgId, incidentId],
  );
  middleThoughtId = thought.rows[0]!.id;
  await root.query("analyze");
});

test.after(async () => {
  await service?.close();
});

/**
 * 1000 incidents, 2000 thoughts and 3000 citations, 300 chat sessions and
 * 3000 messages in one of them, 2000 LLM requests.
 */
async function seedOrganization(
  root: pg.Pool,
  orgId: string,
  userId: string,
): Promise<void> {
  await root.query(
    `insert into incidents (org_id, title, status, severity, service, started_at, created_at)
     select $1, 'incident ' || n,
       (array['investigating', 'analyzed', 'resolved', 'resolved'])[1 + n % 4]::incident_status,
       (array['critical', 'high', 'medium', 'low', 'info'])[1 + n % 5]::severity,
       'svc' || (n % 40), now() - n * interval '7 minutes', now() - n * interval '5 minutes'
     from generate_series(1, 1000) as n`,
    [orgId],
  );
  await root.query(
    `insert into incident_thoughts (org_id, incident_id, type, content, created_at)
     select $1, (select id from incidents where org_id = $1 order by created_at desc limit 1),
       'analysis', 'thought ' || n || ' [' || (1 + n % 3) || ']', now() - (3000 - n) * interval '1 second'
     from generate_series(1, 2000) as n`,
    [orgId],
  );
  await root.query(
    `insert into incident_citations (org_id, incident_id, citation_key, tool)
     select $1, incidents.id, n, 'kubectl'
     from (select id from incidents where org_id = $1 order by created_at desc limit 300) as incidents,
       generate_series(1, 10) as n`,
    [orgId],
  );
  await root.query(
    `insert into chat_sessions (org_id, id, user_id, title, created_at)
     select $1, gen_random_uuid(), $2, 'session ' || n, now() - n * interval '1 hour'
     from generate_series(1, 300) as n`,
    [orgId, userId],
  );
  await root.query(
    `insert into chat_messages (org_id, session_id, user_id, role, content, created_at)
     select $1, (select id from chat_sessions where org_id = $1 and user_id = $2 order by created_at limit 1),
       $2, 'user', jsonb_build_object('text', 'message ' || n), now() - (5000 - n) * interval '1 second'
     from generate_series(1, 3000) as n`,
    [orgId, userId],
  );
  await root.query(
    `insert into llm_usage_tracking (org_id, user_id, model, provider, request_type, input_tokens, cost, created_at)
     select $1, $2, 'model-' || (n % 3), 'test', 'chat', n, 0.01, now() - n * interval '10 minutes'
     from generate_series(1, 2000) as n`,
    [orgId, userId],
  );
}

/** Returns the text plan of a generated query run with `params` as the owner of the first organization. */
async function planOf<Params>(
  query: GeneratedQuery<Params, unknown>,
  params: Params,
): Promise<string> {
  return asApp(
    service.database,
    { orgId: tenant.orgId, userId: tenant.userId },
    async (client) => {
      const explaining = {
        query: (text: string, values: unknown[]) =>
          client.query(`explain (costs off) ${text}`, values),
      };
      const rows = (await query.run(params, explaining as never)) as Record<
        string,
        string
      >[];
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    },
  );
}

/**
 * Asserts that the plan reads `index` and scans no tenant table
 * sequentially. users is global, so a report that joins many groups to it
 * may hash the whole table, but every other table must be reached by an
 * index. With `ordered`, it also asserts that the index delivers the order
 * without a Sort. That is checked only for first pages of large lists,
 * because for a small estimated row count PostgreSQL prefers a bitmap scan
 * and a top-N sort.
 */
function assertIndexPlan(plan: string, index: string, ordered = false): void {
  assert.ok(plan.includes(index), `expected ${index} in:\n${plan}`);
  assert.not.ok(
    /Seq Scan on (?!users\b)/.test(plan),
    `unexpected Seq Scan in:\n${plan}`,
  );
  if (ordered) {
    assert.not.ok(/\bSort\b/.test(plan), `unexpected Sort in:\n${plan}`);
  }
}

const NO_FILTERS = {
  statuses: null,
  severities: null,
  service: null,
  from: null,
  to: null,
  afterTime: null,
  afterId: null,
  limit: 51,
};

test("incident list reads the created_at index", async () => {
  const plan = await planOf(incidents.listIncidents, NO_FILTERS);
  assertIndexPlan(plan, "incidents_org_id_created_at_id_idx", true);
});

test("incident list page uses the cursor as an index bound", async () => {
  const plan = await planOf(incidents.listIncidents, {
    ...NO_FILTERS,
    afterTime: new Date(Date.now() - 3600_000).toISOString(),
    afterId: randomUUID(),
  });
  assertIndexPlan(plan, "incidents_org_id_created_at_id_idx");
  assert.match(plan, /Index Cond: .*ROW\(created_at, id\) < ROW/);
});

test("incident list time range is an index bound", async () => {
  const plan = await planOf(incidents.listIncidents, {
    ...NO_FILTERS,
    from: new Date(Date.now() - 6 * 3600_000),
    to: new Date(Date.now() - 3600_000),
  });
  assertIndexPlan(plan, "incidents_org_id_created_at_id_idx");
  assert.match(plan, /Index Cond: .*created_at >= /);
});

test("filtered incident list still uses an index", async () => {
  const plan = await planOf(incidents.listIncidents, {
    ...NO_FILTERS,
    statuses: ["resolved"],
    severities: ["high", "critical"],
    service: "svc7",
    from: new Date(Date.now() - 48 * 3600_000),
  });
  assertIndexPlan(plan, "incidents_");
});

test("open incident list reads the partial started_at index", async () => {
  const plan = await planOf(incidents.listOpenIncidents, {
    ...NO_FILTERS,
    statuses: ["investigating"],
  });
  assertIndexPlan(plan, "incidents_org_id_started_at_id_idx", true);
});

test("get incident reads the primary key", async () => {
  const plan = await planOf(incidents.getIncident, { id: incidentId });
  assertIndexPlan(plan, "incidents_pkey");
  assert.match(plan, /users_pkey/);
});

test("thought stream reads its index after a position", async () => {
  const plan = await planOf(rca.listThoughts, {
    incidentId,
    afterId: middleThoughtId,
    limit: 100,
  });
  assertIndexPlan(
    plan,
    "incident_thoughts_org_id_incident_id_created_at_id_idx",
  );
  assert.match(plan, /incident_thoughts_pkey/);
  assert.match(plan, /Index Cond: .*ROW\(created_at, id\) > ROW/);
});

test("thought citations resolve through indexes", async () => {
  const plan = await planOf(rca.resolveThoughtCitations, {
    thoughtId: middleThoughtId,
  });
  assertIndexPlan(plan, "incident_thoughts_pkey");
  assert.match(plan, /incident_citations_org_id_incident_id_citation_key_key/);
});

test("next citation key reads the unique index", async () => {
  const plan = await planOf(rca.insertCitation, {
    incidentId,
    tool: "kubectl",
    command: null,
    output: null,
    status: null,
    executedAt: null,
    durationMs: null,
  });
  assertIndexPlan(
    plan,
    "incident_citations_org_id_incident_id_citation_key_key",
  );
});

test("chat message list reads the session index", async () => {
  const first = await planOf(chat.listMessages, {
    sessionId,
    afterTime: null,
    afterId: null,
    limit: 51,
  });
  assertIndexPlan(first, "chat_messages_org_id_session_id_created_at_id_idx");
  const next = await planOf(chat.listMessages, {
    sessionId,
    afterTime: new Date(Date.now() - 3600_000).toISOString(),
    afterId: "1500",
    limit: 51,
  });
  assertIndexPlan(next, "chat_messages_org_id_session_id_created_at_id_idx");
  assert.match(next, /Index Cond: .*ROW\(created_at, id\) > ROW/);
});

test("chat session list reads the user index", async () => {
  const plan = await planOf(chat.listSessions, {
    statuses: null,
    afterTime: null,
    afterId: null,
    limit: 51,
  });
  assertIndexPlan(plan, "chat_sessions_org_id_user_id_created_at_id_idx");
});

test("usage report reads a created_at index", async () => {
  const plan = await planOf(llmUsage.reportUsage, {
    from: new Date(Date.now() - 24 * 3600_000),
    to: new Date(),
    userId: null,
  });
  assertIndexPlan(plan, "llm_usage_tracking_org_id_");
});

test.run();
