/**
 * Bad input through every service function: each case must fail with a
 * ValidationError naming the field, before any statement reaches
 * PostgreSQL, and no table may change. Text that looks like SQL is valid
 * input and must come back exactly as it was sent.
 */
import { randomUUID } from "node:crypto";

import { test } from "uvu";
import * as assert from "uvu/assert";

import { ValidationError } from "../../src/errors.ts";
import type { TenantTransaction } from "../../src/pool/index.ts";
import * as services from "../../src/services/index.ts";
import {
  asOwner,
  countRows,
  openServiceDatabase,
  seedTenant,
  type ServiceDatabase,
  type Tenant,
} from "./helpers.ts";

const TABLES = [
  "organizations",
  "users",
  "org_members",
  "incidents",
  "incident_thoughts",
  "incident_suggestions",
  "incident_citations",
  "incident_alerts",
  "chat_sessions",
  "chat_messages",
  "user_preferences",
  "user_tokens",
  "llm_usage_tracking",
  "integrations",
];

const SQL_TEXT = "'; drop table incidents; --";
const NUL = "bad\u0000text";
const LONE_SURROGATE = "bad\ud800text";
const BAD_UUIDS = [
  "not-a-uuid",
  "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0",
  "{3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d}",
  "3f2b8c1e9a4d4e7b8c215d6f7a8b9c0d",
  "urn:uuid:3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d",
  `${SQL_TEXT}`,
];

let service: ServiceDatabase;
let tenant: Tenant;
let incidentId: string;
let sessionId: string;
let suggestionId: string;
let integrationId: string;

test.before(async () => {
  service = await openServiceDatabase();
  tenant = await seedTenant(service.database);
  const ids = await asOwner(service.db, tenant, async (tx) => ({
    incident: await services.createIncident(tx, { title: "Fixture" }),
    session: await services.createChatSession(tx, { title: "Fixture" }),
    integration: await services.addIntegration(tx, {
      kind: "slack",
      name: "Fixture",
    }),
  }));
  incidentId = ids.incident.id;
  sessionId = ids.session.id;
  integrationId = ids.integration.id;
  const suggestion = await asOwner(service.db, tenant, (tx) =>
    services.addSuggestion(tx, { incidentId, type: "fix", title: "Fixture" }),
  );
  suggestionId = suggestion.id;
});

test.after(async () => {
  await service?.close();
});

type Call = (tx: TenantTransaction) => Promise<unknown>;

/** One bad input: the call and the path of the issue it must report first. */
interface BadCase {
  name: string;
  path: string;
  call: Call;
}

const any = <T>(value: unknown) => value as T;

function cases(): BadCase[] {
  return [
    ...identityCases(),
    ...incidentCases(),
    ...rcaCases(),
    ...chatCases(),
    ...settingsCases(),
    ...usageCases(),
  ];
}

function uuidCases(
  name: string,
  path: string,
  call: (id: string) => Call,
): BadCase[] {
  return BAD_UUIDS.map((id) => ({
    name: `${name} ${id}`,
    path,
    call: call(id),
  }));
}

function identityCases(): BadCase[] {
  const s = services;
  return [
    {
      name: "org slug uppercase",
      path: "/slug",
      call: (tx) => s.createOrganization(tx, { slug: "Acme", name: "A" }),
    },
    {
      name: "org name blank",
      path: "/name",
      call: (tx) => s.createOrganization(tx, { slug: "acme", name: "   " }),
    },
    {
      name: "org name NUL",
      path: "/name",
      call: (tx) => s.createOrganization(tx, { slug: "acme", name: NUL }),
    },
    {
      name: "org not an object",
      path: "",
      call: (tx) => s.createOrganization(tx, any(null)),
    },
    {
      name: "register email invalid",
      path: "/email",
      call: (tx) => s.registerUser(tx, { email: "no-at-sign", password: "x" }),
    },
    {
      name: "register email NUL",
      path: "/email",
      call: (tx) => s.registerUser(tx, { email: "a\u0000@b.c", password: "x" }),
    },
    {
      name: "register password empty",
      path: "/password",
      call: (tx) => s.registerUser(tx, { email: "a@b.c", password: "" }),
    },
    {
      name: "register password NUL",
      path: "/password",
      call: (tx) => s.registerUser(tx, { email: "a@b.c", password: NUL }),
    },
    {
      name: "register password number",
      path: "/password",
      call: (tx) =>
        s.registerUser(tx, { email: "a@b.c", password: any(12345678) }),
    },
    {
      name: "register unknown field",
      path: "/role",
      call: (tx) =>
        s.registerUser(
          tx,
          any({ email: "a@b.c", password: "x", role: "owner" }),
        ),
    },
    {
      name: "authenticate password missing",
      path: "/password",
      call: (tx) => s.authenticate(tx, any({ email: "a@b.c" })),
    },
    {
      name: "authenticate email lone surrogate",
      path: "/email",
      call: (tx) =>
        s.authenticate(tx, { email: LONE_SURROGATE, password: "x" }),
    },
    ...uuidCases("getUser", "/userId", (id) => (tx) => s.getUser(tx, id)),
    {
      name: "findUserByEmail number",
      path: "/email",
      call: (tx) => s.findUserByEmail(tx, any(5)),
    },
    {
      name: "addMember role invalid",
      path: "/role",
      call: (tx) =>
        s.addMember(tx, { userId: tenant.memberId, role: any("superuser") }),
    },
    ...uuidCases(
      "addMember",
      "/userId",
      (id) => (tx) => s.addMember(tx, { userId: id, role: "member" }),
    ),
    ...uuidCases("getMember", "/userId", (id) => (tx) => s.getMember(tx, id)),
    {
      name: "listMembers limit 0",
      path: "/limit",
      call: (tx) => s.listMembers(tx, { limit: 0 }),
    },
    {
      name: "listMembers limit huge",
      path: "/limit",
      call: (tx) => s.listMembers(tx, { limit: 501 }),
    },
    {
      name: "listMembers after",
      path: "/after",
      call: (tx) => s.listMembers(tx, { after: SQL_TEXT }),
    },
    {
      name: "changeMemberRole role",
      path: "/role",
      call: (tx) =>
        s.changeMemberRole(tx, { userId: tenant.memberId, role: any("OWNER") }),
    },
    ...uuidCases(
      "removeMember",
      "/userId",
      (id) => (tx) => s.removeMember(tx, id),
    ),
  ];
}

function incidentCases(): BadCase[] {
  const s = services;
  return [
    {
      name: "incident title missing",
      path: "/title",
      call: (tx) => s.createIncident(tx, any({})),
    },
    {
      name: "incident title number",
      path: "/title",
      call: (tx) => s.createIncident(tx, any({ title: 42 })),
    },
    {
      name: "incident title empty",
      path: "/title",
      call: (tx) => s.createIncident(tx, { title: "" }),
    },
    {
      name: "incident title too long",
      path: "/title",
      call: (tx) => s.createIncident(tx, { title: "x".repeat(1001) }),
    },
    {
      name: "incident title NUL",
      path: "/title",
      call: (tx) => s.createIncident(tx, { title: NUL }),
    },
    {
      name: "incident title lone surrogate",
      path: "/title",
      call: (tx) => s.createIncident(tx, { title: LONE_SURROGATE }),
    },
    {
      name: "incident severity invalid",
      path: "/severity",
      call: (tx) =>
        s.createIncident(tx, { title: "t", severity: any("urgent") }),
    },
    {
      name: "incident source invalid",
      path: "/source",
      call: (tx) => s.createIncident(tx, { title: "t", source: any("nagios") }),
    },
    {
      name: "incident alert id without source",
      path: "/source",
      call: (tx) => s.createIncident(tx, { title: "t", sourceAlertId: "5" }),
    },
    {
      name: "incident alert id zero",
      path: "/sourceAlertId",
      call: (tx) =>
        s.createIncident(tx, {
          title: "t",
          source: "grafana",
          sourceAlertId: "0",
        }),
    },
    {
      name: "incident alert id beyond bigint",
      path: "/sourceAlertId",
      call: (tx) =>
        s.createIncident(tx, {
          title: "t",
          source: "grafana",
          sourceAlertId: "9223372036854775808",
        }),
    },
    {
      name: "incident alert id fraction",
      path: "/sourceAlertId",
      call: (tx) =>
        s.createIncident(tx, {
          title: "t",
          source: "grafana",
          sourceAlertId: 1.5,
        }),
    },
    {
      name: "incident services NUL",
      path: "/affectedServices/1",
      call: (tx) =>
        s.createIncident(tx, { title: "t", affectedServices: ["a", NUL] }),
    },
    {
      name: "incident startedAt text",
      path: "/startedAt",
      call: (tx) =>
        s.createIncident(tx, { title: "t", startedAt: "yesterday" }),
    },
    {
      name: "incident startedAt no zone",
      path: "/startedAt",
      call: (tx) =>
        s.createIncident(tx, { title: "t", startedAt: "2024-05-01T12:00:00" }),
    },
    {
      name: "incident startedAt invalid date",
      path: "/startedAt",
      call: (tx) =>
        s.createIncident(tx, { title: "t", startedAt: new Date("nope") }),
    },
    {
      name: "incident startedAt out of range",
      path: "/startedAt",
      call: (tx) =>
        s.createIncident(tx, { title: "t", startedAt: new Date(8.64e15) }),
    },
    {
      name: "incident unknown field",
      path: "/status",
      call: (tx) =>
        s.createIncident(tx, any({ title: "t", status: "resolved" })),
    },
    ...uuidCases("getIncident", "/id", (id) => (tx) => s.getIncident(tx, id)),
    {
      name: "list status invalid",
      path: "/status",
      call: (tx) => s.listIncidents(tx, { status: any("open") }),
    },
    {
      name: "list severity array invalid",
      path: "/severity/1",
      call: (tx) => s.listIncidents(tx, { severity: any(["high", "sev1"]) }),
    },
    {
      name: "list service NUL",
      path: "/service",
      call: (tx) => s.listIncidents(tx, { service: NUL }),
    },
    {
      name: "list from invalid",
      path: "/from",
      call: (tx) => s.listIncidents(tx, { from: "2024-13-45T00:00:00Z" }),
    },
    {
      name: "list after forged",
      path: "/after",
      call: (tx) =>
        s.listIncidents(tx, {
          after: Buffer.from(
            JSON.stringify(["incidents", SQL_TEXT, "x"]),
          ).toString("base64url"),
        }),
    },
    {
      name: "list limit string",
      path: "/limit",
      call: (tx) => s.listIncidents(tx, { limit: any("10") }),
    },
    {
      name: "status merged",
      path: "/status",
      call: (tx) =>
        s.updateIncidentStatus(tx, { id: incidentId, status: any("merged") }),
    },
    ...uuidCases(
      "updateIncidentStatus",
      "/id",
      (id) => (tx) => s.updateIncidentStatus(tx, { id, status: "resolved" }),
    ),
    {
      name: "analysis status invalid",
      path: "/analysisStatus",
      call: (tx) =>
        s.updateAnalysisStatus(tx, {
          id: incidentId,
          analysisStatus: any("done"),
        }),
    },
    {
      name: "analysis summary too long",
      path: "/summary",
      call: (tx) =>
        s.updateAnalysisStatus(tx, {
          id: incidentId,
          analysisStatus: "running",
          summary: "x".repeat(65_537),
        }),
    },
    ...uuidCases(
      "mergeIncident",
      "/intoId",
      (id) => (tx) => s.mergeIncident(tx, { id: incidentId, intoId: id }),
    ),
    {
      name: "merge into itself",
      path: "/intoId",
      call: (tx) =>
        s.mergeIncident(tx, {
          id: incidentId,
          intoId: incidentId.toUpperCase(),
        }),
    },
    {
      name: "attach score above 1",
      path: "/score",
      call: (tx) =>
        s.attachAlert(tx, {
          incidentId,
          alertSource: "grafana",
          alertId: "1",
          strategy: "manual",
          score: 1.5,
        }),
    },
    {
      name: "attach score NaN",
      path: "/score",
      call: (tx) =>
        s.attachAlert(tx, {
          incidentId,
          alertSource: "grafana",
          alertId: "1",
          strategy: "manual",
          score: NaN,
        }),
    },
    {
      name: "attach strategy invalid",
      path: "/strategy",
      call: (tx) =>
        s.attachAlert(tx, {
          incidentId,
          alertSource: "grafana",
          alertId: "1",
          strategy: any("magic"),
          score: 0.5,
        }),
    },
    {
      name: "attach source alertmanager",
      path: "/alertSource",
      call: (tx) =>
        s.attachAlert(tx, {
          incidentId,
          alertSource: any("alertmanager"),
          alertId: "1",
          strategy: "manual",
          score: 0.5,
        }),
    },
    {
      name: "attach alert id negative",
      path: "/alertId",
      call: (tx) =>
        s.attachAlert(tx, {
          incidentId,
          alertSource: "grafana",
          alertId: -1,
          strategy: "manual",
          score: 0.5,
        }),
    },
    {
      name: "attach details array",
      path: "/details",
      call: (tx) =>
        s.attachAlert(tx, {
          incidentId,
          alertSource: "grafana",
          alertId: "1",
          strategy: "manual",
          score: 0.5,
          details: any([1]),
        }),
    },
    {
      name: "attach details NUL key",
      path: "/details/a\u0000b",
      call: (tx) =>
        s.attachAlert(tx, {
          incidentId,
          alertSource: "grafana",
          alertId: "1",
          strategy: "manual",
          score: 0.5,
          details: { ["a\u0000b"]: 1 },
        }),
    },
    {
      name: "attach details score part",
      path: "/details/scores/time",
      call: (tx) =>
        s.attachAlert(tx, {
          incidentId,
          alertSource: "grafana",
          alertId: "1",
          strategy: "manual",
          score: 0.5,
          details: { scores: { time: 2 } },
        }),
    },
    ...uuidCases(
      "listIncidentAlerts",
      "/id",
      (id) => (tx) => s.listIncidentAlerts(tx, id),
    ),
  ];
}

function rcaCases(): BadCase[] {
  const s = services;
  return [
    {
      name: "thought type invalid",
      path: "/type",
      call: (tx) =>
        s.appendThought(tx, { incidentId, type: any("guess"), content: "x" }),
    },
    {
      name: "thought content too long",
      path: "/content",
      call: (tx) =>
        s.appendThought(tx, {
          incidentId,
          type: "analysis",
          content: "x".repeat(100_001),
        }),
    },
    {
      name: "thought content NUL",
      path: "/content",
      call: (tx) =>
        s.appendThought(tx, { incidentId, type: "analysis", content: NUL }),
    },
    ...uuidCases(
      "appendThought",
      "/incidentId",
      (id) => (tx) =>
        s.appendThought(tx, { incidentId: id, type: "analysis", content: "x" }),
    ),
    {
      name: "thoughts after id text",
      path: "/afterId",
      call: (tx) => s.listThoughts(tx, { incidentId, afterId: SQL_TEXT }),
    },
    {
      name: "thoughts after id unsafe number",
      path: "/afterId",
      call: (tx) => s.listThoughts(tx, { incidentId, afterId: 2 ** 60 }),
    },
    {
      name: "suggestion type invalid",
      path: "/type",
      call: (tx) =>
        s.addSuggestion(tx, { incidentId, type: any("patch"), title: "t" }),
    },
    {
      name: "suggestion risk invalid",
      path: "/risk",
      call: (tx) =>
        s.addSuggestion(tx, {
          incidentId,
          type: "fix",
          title: "t",
          risk: any("low"),
        }),
    },
    {
      name: "suggestion pr number zero",
      path: "/prNumber",
      call: (tx) =>
        s.addSuggestion(tx, {
          incidentId,
          type: "fix",
          title: "t",
          prNumber: 0,
        }),
    },
    {
      name: "suggestion pr url scheme",
      path: "/prUrl",
      call: (tx) =>
        s.addSuggestion(tx, {
          incidentId,
          type: "fix",
          title: "t",
          prUrl: "javascript:alert(1)",
        }),
    },
    {
      name: "suggestion repository shape",
      path: "/repository",
      call: (tx) =>
        s.addSuggestion(tx, {
          incidentId,
          type: "fix",
          title: "t",
          repository: "no-slash",
        }),
    },
    {
      name: "suggestion command NUL",
      path: "/command",
      call: (tx) =>
        s.addSuggestion(tx, {
          incidentId,
          type: "diagnostic",
          title: "t",
          command: NUL,
        }),
    },
    ...uuidCases(
      "listSuggestions",
      "/incidentId",
      (id) => (tx) => s.listSuggestions(tx, id),
    ),
    {
      name: "applied id uuid",
      path: "/id",
      call: (tx) => s.markSuggestionApplied(tx, { id: incidentId }),
    },
    {
      name: "applied pr number huge",
      path: "/prNumber",
      call: (tx) =>
        s.markSuggestionApplied(tx, { id: suggestionId, prNumber: 2 ** 31 }),
    },
    {
      name: "citation tool empty",
      path: "/tool",
      call: (tx) => s.addCitation(tx, { incidentId, tool: "" }),
    },
    {
      name: "citation status invalid",
      path: "/status",
      call: (tx) =>
        s.addCitation(tx, { incidentId, tool: "t", status: any("ok") }),
    },
    {
      name: "citation duration negative",
      path: "/durationMs",
      call: (tx) =>
        s.addCitation(tx, { incidentId, tool: "t", durationMs: -5 }),
    },
    {
      name: "citation duration fraction",
      path: "/durationMs",
      call: (tx) =>
        s.addCitation(tx, { incidentId, tool: "t", durationMs: 1.5 }),
    },
    {
      name: "citation output NUL",
      path: "/output",
      call: (tx) => s.addCitation(tx, { incidentId, tool: "t", output: NUL }),
    },
    {
      name: "citation output too long",
      path: "/output",
      call: (tx) =>
        s.addCitation(tx, {
          incidentId,
          tool: "t",
          output: "x".repeat(1_000_001),
        }),
    },
    ...uuidCases(
      "listCitations",
      "/incidentId",
      (id) => (tx) => s.listCitations(tx, id),
    ),
    {
      name: "resolve citations bad id",
      path: "/thoughtId",
      call: (tx) => s.resolveThoughtCitations(tx, "1; select 1"),
    },
  ];
}

function chatCases(): BadCase[] {
  const s = services;
  const big = { blob: "x".repeat(70_000) };
  let deep: unknown = "leaf";
  for (let level = 0; level < 20; level += 1) deep = { next: deep };
  return [
    {
      name: "session status invalid",
      path: "/status",
      call: (tx) => s.createChatSession(tx, { status: any("open") }),
    },
    {
      name: "session ui state array",
      path: "/uiState",
      call: (tx) => s.createChatSession(tx, { uiState: any([]) }),
    },
    {
      name: "session ui state too big",
      path: "/uiState",
      call: (tx) => s.createChatSession(tx, { uiState: big }),
    },
    {
      name: "session ui state too deep",
      path: `/uiState${"/next".repeat(16)}`,
      call: (tx) => s.createChatSession(tx, { uiState: any(deep) }),
    },
    {
      name: "session ui state NUL",
      path: "/uiState/draft",
      call: (tx) => s.createChatSession(tx, { uiState: { draft: NUL } }),
    },
    {
      name: "session ui state Infinity",
      path: "/uiState/scroll",
      call: (tx) =>
        s.createChatSession(tx, { uiState: any({ scroll: Infinity }) }),
    },
    {
      name: "session title too long",
      path: "/title",
      call: (tx) => s.createChatSession(tx, { title: "x".repeat(1001) }),
    },
    ...uuidCases(
      "createChatSession",
      "/incidentId",
      (id) => (tx) => s.createChatSession(tx, { incidentId: id }),
    ),
    ...uuidCases(
      "getChatSession",
      "/id",
      (id) => (tx) => s.getChatSession(tx, id),
    ),
    {
      name: "sessions status list invalid",
      path: "/status/0",
      call: (tx) => s.listChatSessions(tx, { status: any(["done"]) }),
    },
    {
      name: "session status change invalid",
      path: "/status",
      call: (tx) =>
        s.updateChatSessionStatus(tx, { id: sessionId, status: any("closed") }),
    },
    {
      name: "ui state change missing",
      path: "/uiState",
      call: (tx) => s.updateChatSessionUiState(tx, any({ id: sessionId })),
    },
    {
      name: "message role invalid",
      path: "/role",
      call: (tx) =>
        s.appendChatMessage(tx, {
          sessionId,
          role: any("bot"),
          content: { text: "x" },
        }),
    },
    {
      name: "message text NUL",
      path: "/content/text",
      call: (tx) =>
        s.appendChatMessage(tx, {
          sessionId,
          role: "user",
          content: { text: NUL },
        }),
    },
    {
      name: "message text too long",
      path: "/content/text",
      call: (tx) =>
        s.appendChatMessage(tx, {
          sessionId,
          role: "user",
          content: { text: "x".repeat(100_001) },
        }),
    },
    {
      name: "message content empty",
      path: "/content",
      call: (tx) =>
        s.appendChatMessage(tx, { sessionId, role: "user", content: {} }),
    },
    {
      name: "message content string",
      path: "/content",
      call: (tx) =>
        s.appendChatMessage(tx, {
          sessionId,
          role: "user",
          content: any("hello"),
        }),
    },
    {
      name: "message part type",
      path: "/content/parts/0/type",
      call: (tx) =>
        s.appendChatMessage(tx, {
          sessionId,
          role: "tool",
          content: any({ parts: [{ type: "audio" }] }),
        }),
    },
    {
      name: "message tool call arguments",
      path: "/content/parts/0/arguments",
      call: (tx) =>
        s.appendChatMessage(tx, {
          sessionId,
          role: "assistant",
          content: any({
            parts: [
              {
                type: "tool_call",
                toolCallId: "1",
                toolName: "k",
                arguments: "get pods",
              },
            ],
          }),
        }),
    },
    {
      name: "message tool output lone surrogate",
      path: "/content/parts/0/output/log",
      call: (tx) =>
        s.appendChatMessage(tx, {
          sessionId,
          role: "tool",
          content: {
            parts: [
              {
                type: "tool_result",
                toolCallId: "1",
                output: { log: LONE_SURROGATE },
              },
            ],
          },
        }),
    },
    {
      name: "message bigint in metadata",
      path: "/content/metadata/tokens",
      call: (tx) =>
        s.appendChatMessage(tx, {
          sessionId,
          role: "user",
          content: any({ text: "x", metadata: { tokens: 10n } }),
        }),
    },
    ...uuidCases(
      "appendChatMessage",
      "/sessionId",
      (id) => (tx) =>
        s.appendChatMessage(tx, {
          sessionId: id,
          role: "user",
          content: { text: "x" },
        }),
    ),
    {
      name: "messages cursor of sessions",
      path: "/after",
      call: (tx) =>
        s.listChatMessages(tx, {
          sessionId,
          after: Buffer.from(
            JSON.stringify([
              "chat sessions",
              "2024-01-01T00:00:00.000000Z",
              randomUUID(),
            ]),
          ).toString("base64url"),
        }),
    },
  ];
}

function settingsCases(): BadCase[] {
  const s = services;
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  return [
    {
      name: "preference key empty",
      path: "/key",
      call: (tx) => s.getPreference(tx, ""),
    },
    {
      name: "preference key too long",
      path: "/key",
      call: (tx) => s.setPreference(tx, { key: "k".repeat(201), value: 1 }),
    },
    {
      name: "preference key NUL",
      path: "/key",
      call: (tx) => s.deletePreference(tx, NUL),
    },
    {
      name: "preference value undefined",
      path: "/value",
      call: (tx) => s.setPreference(tx, any({ key: "k" })),
    },
    {
      name: "preference value cycle",
      path: "/value/self",
      call: (tx) => s.setPreference(tx, { key: "k", value: any(cyclic) }),
    },
    {
      name: "preference value Date",
      path: "/value",
      call: (tx) => s.setPreference(tx, { key: "k", value: any(new Date()) }),
    },
    {
      name: "preference value too big",
      path: "/value",
      call: (tx) =>
        s.setPreference(tx, { key: "k", value: "x".repeat(70_000) }),
    },
    {
      name: "preference value array hole",
      path: "/value/1",
      call: (tx) =>
        s.setPreference(tx, { key: "k", value: any([1, undefined]) }),
    },
    {
      name: "token provider invalid",
      path: "/provider",
      call: (tx) =>
        s.addToken(tx, { provider: any("gitlab"), secretRef: "vault:x" }),
    },
    {
      name: "token secret ref plain",
      path: "/secretRef",
      call: (tx) => s.addToken(tx, { provider: "aws", secretRef: "AKIA123" }),
    },
    {
      name: "token secret ref space",
      path: "/secretRef",
      call: (tx) => s.addToken(tx, { provider: "aws", secretRef: "vault:a b" }),
    },
    {
      name: "token metadata password",
      path: "/metadata/password",
      call: (tx) =>
        s.addToken(tx, {
          provider: "aws",
          secretRef: "vault:x",
          metadata: { password: "hunter2" },
        }),
    },
    {
      name: "token metadata nested api key",
      path: "/metadata/items/0/API_KEY",
      call: (tx) =>
        s.addToken(tx, {
          provider: "aws",
          secretRef: "vault:x",
          metadata: { items: [{ API_KEY: "k" }] },
        }),
    },
    {
      name: "token secret field",
      path: "/secret",
      call: (tx) =>
        s.addToken(
          tx,
          any({ provider: "aws", secretRef: "vault:x", secret: "k" }),
        ),
    },
    {
      name: "token expiry text",
      path: "/expiresAt",
      call: (tx) =>
        s.addToken(tx, {
          provider: "aws",
          secretRef: "vault:x",
          expiresAt: "soon",
        }),
    },
    {
      name: "token list flag string",
      path: "/includeRevoked",
      call: (tx) => s.listTokens(tx, { includeRevoked: any("yes") }),
    },
    ...uuidCases("revokeToken", "/id", (id) => (tx) => s.revokeToken(tx, id)),
    {
      name: "integration kind invalid",
      path: "/kind",
      call: (tx) => s.addIntegration(tx, { kind: any("teams"), name: "t" }),
    },
    {
      name: "integration name blank",
      path: "/name",
      call: (tx) => s.addIntegration(tx, { kind: "slack", name: " " }),
    },
    {
      name: "integration config token",
      path: "/config/botToken",
      call: (tx) =>
        s.addIntegration(tx, {
          kind: "slack",
          name: "t",
          config: { botToken: "xoxb" },
        }),
    },
    {
      name: "integration config url",
      path: "/config/baseUrl",
      call: (tx) =>
        s.addIntegration(tx, {
          kind: "jenkins",
          name: "t",
          config: { baseUrl: "not a url" },
        }),
    },
    {
      name: "integration config array",
      path: "/config",
      call: (tx) =>
        s.addIntegration(tx, { kind: "slack", name: "t", config: any(["x"]) }),
    },
    ...uuidCases(
      "getIntegration",
      "/id",
      (id) => (tx) => s.getIntegration(tx, id),
    ),
    {
      name: "integration list kind",
      path: "/kind",
      call: (tx) => s.listIntegrations(tx, { kind: any("teams") }),
    },
    {
      name: "integration update config secret",
      path: "/config/oauth/clientSecret",
      call: (tx) =>
        s.updateIntegration(tx, {
          id: integrationId,
          config: { oauth: { clientSecret: "x" } },
        }),
    },
    {
      name: "integration update name NUL",
      path: "/name",
      call: (tx) => s.updateIntegration(tx, { id: integrationId, name: NUL }),
    },
    ...uuidCases(
      "removeIntegration",
      "/id",
      (id) => (tx) => s.removeIntegration(tx, id),
    ),
  ];
}

function usageCases(): BadCase[] {
  const s = services;
  const usage = {
    model: "m",
    provider: "p",
    requestType: "chat",
    inputTokens: 1,
    outputTokens: 1,
    cost: 0,
  };
  return [
    {
      name: "usage tokens negative",
      path: "/inputTokens",
      call: (tx) => s.recordLlmUsage(tx, { ...usage, inputTokens: -1 }),
    },
    {
      name: "usage tokens above 1e9",
      path: "/outputTokens",
      call: (tx) => s.recordLlmUsage(tx, { ...usage, outputTokens: 1e10 }),
    },
    {
      name: "usage tokens fraction",
      path: "/inputTokens",
      call: (tx) => s.recordLlmUsage(tx, { ...usage, inputTokens: 0.5 }),
    },
    {
      name: "usage cost negative",
      path: "/cost",
      call: (tx) => s.recordLlmUsage(tx, { ...usage, cost: -1 }),
    },
    {
      name: "usage cost too large",
      path: "/cost",
      call: (tx) => s.recordLlmUsage(tx, { ...usage, cost: 1e9 }),
    },
    {
      name: "usage cost 7 decimals",
      path: "/cost",
      call: (tx) => s.recordLlmUsage(tx, { ...usage, cost: "0.0000001" }),
    },
    {
      name: "usage cost SQL",
      path: "/cost",
      call: (tx) => s.recordLlmUsage(tx, { ...usage, cost: SQL_TEXT }),
    },
    {
      name: "usage surcharge too large",
      path: "/surchargeRate",
      call: (tx) => s.recordLlmUsage(tx, { ...usage, surchargeRate: 10 }),
    },
    {
      name: "usage model empty",
      path: "/model",
      call: (tx) => s.recordLlmUsage(tx, { ...usage, model: "" }),
    },
    {
      name: "usage provider NUL",
      path: "/provider",
      call: (tx) => s.recordLlmUsage(tx, { ...usage, provider: NUL }),
    },
    ...uuidCases(
      "recordLlmUsage",
      "/userId",
      (id) => (tx) => s.recordLlmUsage(tx, { ...usage, userId: id }),
    ),
    {
      name: "report from missing",
      path: "/from",
      call: (tx) => s.reportLlmUsage(tx, any({ to: "2024-01-01T00:00:00Z" })),
    },
    {
      name: "report to number",
      path: "/to",
      call: (tx) =>
        s.reportLlmUsage(tx, any({ from: "2024-01-01T00:00:00Z", to: 5 })),
    },
  ];
}

async function snapshotCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    counts[table] = await countRows(service.database, table);
  }
  return counts;
}

test("every bad input is rejected before SQL", async () => {
  const before = await snapshotCounts();
  const failures: string[] = [];
  for (const { name, path, call } of cases()) {
    const statements: string[] = [];
    let error: unknown;
    try {
      await asOwner(service.db, tenant, (tx) => {
        const recording = Object.assign(Object.create(tx), {
          query: (text: string, values: unknown[]) => {
            statements.push(text);
            return tx.query(text, values);
          },
        }) as TenantTransaction;
        return call(recording);
      });
    } catch (caught) {
      error = caught;
    }
    if (!(error instanceof ValidationError)) {
      failures.push(`${name}: expected ValidationError, got ${String(error)}`);
    } else if (error.issues[0]?.path !== path) {
      failures.push(
        `${name}: expected the first issue at ${JSON.stringify(path)}, got ${JSON.stringify(error.issues)}`,
      );
    } else if (!error.message.startsWith("Invalid ")) {
      failures.push(`${name}: message ${JSON.stringify(error.message)}`);
    }
    if (statements.length > 0) {
      failures.push(
        `${name}: ran ${statements.length} statement(s) before failing`,
      );
    }
  }
  assert.equal(failures, []);
  assert.equal(await snapshotCounts(), before);
});

test("listenForThoughts rejects a malformed org id", async () => {
  for (const id of BAD_UUIDS) {
    let error: unknown;
    try {
      await services.listenForThoughts(service.db, id, () => {});
    } catch (caught) {
      error = caught;
    }
    assert.instance(error, ValidationError, id);
    assert.is((error as ValidationError).issues[0]?.path, "/orgId");
  }
});

test("SQL-looking text is stored verbatim", async () => {
  const { db } = service;
  const stored = await asOwner(db, tenant, async (tx) => {
    const thought = await services.appendThought(tx, {
      incidentId,
      type: "analysis",
      content: SQL_TEXT,
    });
    const message = await services.appendChatMessage(tx, {
      sessionId,
      role: "user",
      content: { text: SQL_TEXT, metadata: { [SQL_TEXT]: SQL_TEXT } },
    });
    const preference = await services.setPreference(tx, {
      key: SQL_TEXT,
      value: SQL_TEXT,
    });
    const citation = await services.addCitation(tx, {
      incidentId,
      tool: SQL_TEXT,
      command: "select pg_sleep(10); --",
    });
    return { thought, message, preference, citation };
  });
  assert.is(stored.thought.content, SQL_TEXT);
  assert.equal(stored.message.content, {
    text: SQL_TEXT,
    metadata: { [SQL_TEXT]: SQL_TEXT },
  });
  assert.is(stored.preference.key, SQL_TEXT);
  assert.is(stored.preference.value, SQL_TEXT);
  assert.is(stored.citation.tool, SQL_TEXT);
  const again = await asOwner(db, tenant, (tx) =>
    services.getPreference(tx, SQL_TEXT),
  );
  assert.is(again.value, SQL_TEXT);
  assert.ok((await countRows(service.database, "incidents")) >= 1);
});

test.run();
