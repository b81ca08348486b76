/**
 * The generated types must describe what pg really returns. Counts are
 * numbers, bigint ids and numeric sums are strings, timestamps are Dates,
 * outer-joined columns can be null and enums are their labels. Every field
 * name in a type is a key of the row: pgTyped's camelCase option renames only
 * the types, so the queries alias their columns.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";

import {
  addCitation,
  appendThought,
  createIncident,
  getIncident,
  recordLlmUsage,
  reportLlmUsage,
  resolveThoughtCitations,
} from "../../src/services/index.ts";
import { ORG_MEMBER_ROLES } from "../../src/validation/enums.ts";
import * as enums from "../../src/validation/enums.ts";
import {
  openServiceDatabase,
  seedTenant,
  type ServiceDatabase,
  type Tenant,
} from "./helpers.ts";

let service: ServiceDatabase;
let tenant: Tenant;

test.before(async () => {
  service = await openServiceDatabase();
  tenant = await seedTenant(service.database);
});

test.after(async () => {
  await service?.close();
});

test("incident fields have their declared runtime types", async () => {
  const { db } = service;
  const incident = await db.withTenant({ orgId: tenant.orgId }, async (tx) => {
    const created = await createIncident(tx, {
      title: "Types",
      source: null,
      affectedServices: ["a"],
    });
    return getIncident(tx, created.id);
  });
  assert.type(incident.id, "string");
  assert.ok(incident.createdAt instanceof Date);
  assert.ok(Array.isArray(incident.affectedServices));
  assert.is(incident.status, "investigating");
  // No user in context: created_by is null, and so is the joined address.
  assert.is(incident.createdBy, null);
  assert.is(incident.createdByEmail, null);
  assert.equal(Object.keys(incident).sort(), [
    "affectedServices",
    "analysisStatus",
    "createdAt",
    "createdBy",
    "createdByEmail",
    "description",
    "environment",
    "id",
    "mergedIntoId",
    "resolvedAt",
    "service",
    "severity",
    "source",
    "sourceAlertId",
    "startedAt",
    "status",
    "summary",
    "title",
    "updatedAt",
  ]);
});

test("ids are strings, counts numbers, sums strings", async () => {
  const { db } = service;
  const result = await db.withTenant(
    { orgId: tenant.orgId, userId: tenant.userId },
    async (tx) => {
      const incident = await createIncident(tx, { title: "Sums" });
      const citation = await addCitation(tx, {
        incidentId: incident.id,
        tool: "kubectl",
        durationMs: 12,
      });
      const thought = await appendThought(tx, {
        incidentId: incident.id,
        type: "evidence",
        content: "see [1] and [2]",
      });
      const resolved = await resolveThoughtCitations(tx, thought.id);
      const usage = await recordLlmUsage(tx, {
        model: "m",
        provider: "p",
        requestType: "chat",
        inputTokens: 5,
        outputTokens: 6,
        cost: 0.5,
      });
      const report = await reportLlmUsage(tx, {
        from: new Date(Date.now() - 60_000),
        to: new Date(Date.now() + 60_000),
      });
      return { citation, thought, resolved, usage, report };
    },
  );

  assert.type(result.citation.id, "string");
  assert.type(result.citation.citationKey, "number");
  assert.type(result.citation.durationMs, "number");
  assert.type(result.thought.id, "string");
  assert.match(result.thought.id, /^\d+$/);
  assert.equal(result.resolved.missingKeys, [2]);
  assert.type(result.usage.totalTokens, "number");
  assert.type(result.usage.cost, "string");

  const row = result.report.rows[0]!;
  assert.type(row.requests, "number");
  assert.type(row.inputTokens, "string");
  assert.type(row.cost, "string");
  assert.type(row.day, "string");
  assert.match(row.day, /^\d{4}-\d{2}-\d{2}$/);
  assert.type(result.report.totals.requests, "number");
  assert.type(result.report.totals.totalCostWithSurcharge, "string");
});

test("enum lists match the database enums", async () => {
  const lists: Record<string, readonly string[]> = {
    org_member_role: ORG_MEMBER_ROLES,
    token_provider: enums.TOKEN_PROVIDERS,
    incident_status: enums.INCIDENT_STATUSES,
    analysis_status: enums.ANALYSIS_STATUSES,
    monitoring_source: enums.MONITORING_SOURCES,
    severity: enums.SEVERITIES,
    correlation_strategy: enums.CORRELATION_STRATEGIES,
    thought_type: enums.THOUGHT_TYPES,
    suggestion_type: enums.SUGGESTION_TYPES,
    suggestion_risk: enums.SUGGESTION_RISKS,
    citation_status: enums.CITATION_STATUSES,
    chat_session_status: enums.CHAT_SESSION_STATUSES,
    chat_message_role: enums.CHAT_MESSAGE_ROLES,
    integration_kind: enums.INTEGRATION_KINDS,
  };
  for (const [type, values] of Object.entries(lists)) {
    const { rows } = await service.database.root.query<{ labels: string[] }>(
      `select array_agg(enumlabel::text order by enumsortorder) as labels
       from pg_enum where enumtypid = $1::regtype`,
      [type],
    );
    assert.equal([...values], rows[0]!.labels, type);
  }
});

test.run();
