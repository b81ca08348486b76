/**
 * Loads the demo organization. Every step checks what is already there, so
 * a second run adds no row. Alerts and the Kubernetes snapshot come back as
 * duplicates and unchanged objects, and the merge, the RCA, the chat and the
 * LLM usage are written only when missing.
 */

import { randomUUID } from "node:crypto";
import { mergeInTransaction } from "../correlation/merge.ts";
import { NotFoundError } from "../errors.ts";
import { ingestBodies } from "../ingest/ingest.ts";
import { findOrganizationIdBySlug } from "../ingest/organization.ts";
import { addCounts, emptyCounts, type StoreCounts } from "../ingest/store.ts";
import { syncCluster, type SyncSummary } from "../k8s/sync.ts";
import type { Db, TenantTransaction } from "../pool/index.ts";
import {
  addCitation,
  addMember,
  addSuggestion,
  appendChatMessage,
  appendThought,
  createChatSession,
  createOrganization,
  findUserByEmail,
  getMember,
  listChatSessions,
  listIncidents,
  listThoughts,
  recordLlmUsage,
  registerUser,
  reportLlmUsage,
  updateAnalysisStatus,
  updateIncidentStatus,
  type IncidentSummary,
} from "../services/index.ts";
import {
  DEMO_CLUSTER,
  demoAlertBodies,
  demoKubernetesInputs,
} from "./fixtures.ts";
import {
  ANALYSED_INCIDENT_TITLE,
  CHAT_MESSAGES,
  CHAT_TITLE,
  CITATIONS,
  DEMO_ORG,
  DEMO_USER,
  DEPLOY_INCIDENT_TITLE,
  LLM_USAGE,
  RCA_SUMMARY,
  SUGGESTIONS,
  THOUGHTS,
} from "./story.ts";

export interface DemoLoad {
  orgId: string;
  userId: string;
  /** Whether this run created the organization (false when it existed). */
  isOrgCreated: boolean;
  /** Bodies ingested and what storing them did. */
  alerts: StoreCounts & { files: number };
  kubernetes: SyncSummary;
  /** The merge this run made, or null when it was made before. */
  merge: { from: string; into: string; movedAlerts: number } | null;
  /** The incident the RCA belongs to; null when the fixtures produced none. */
  analysedIncidentId: string | null;
  /** Parts that this run wrote; all false on a second run. */
  added: { rca: boolean; chat: boolean; usage: boolean };
}

/** Loads (or finds) the demo organization and everything in it. */
export async function loadDemo(db: Db): Promise<DemoLoad> {
  const { orgId, userId, isOrgCreated } = await ensureOrganization(db);
  const alerts = await ingestFixtures(db, orgId);
  const kubernetes = await syncCluster(db, {
    org: orgId,
    cluster: DEMO_CLUSTER,
    inputs: demoKubernetesInputs(),
  });
  const { merge, analysedIncidentId } = await db.withTenant(
    { orgId, userId },
    (tx) => mergeDeployIncident(tx),
  );
  const rca = analysedIncidentId
    ? await db.withTenant({ orgId, userId }, (tx) =>
        addRcaIfMissing(tx, analysedIncidentId),
      )
    : false;
  const chat = await db.withTenant({ orgId, userId }, (tx) =>
    addChatIfMissing(tx, analysedIncidentId),
  );
  const usage = await db.withTenant({ orgId, userId }, (tx) =>
    addUsageIfMissing(tx, userId),
  );
  return {
    orgId,
    userId,
    isOrgCreated,
    alerts,
    kubernetes,
    merge,
    analysedIncidentId,
    added: { rca, chat, usage },
  };
}

async function ensureOrganization(
  db: Db,
): Promise<{ orgId: string; userId: string; isOrgCreated: boolean }> {
  const existing = await findOrganizationIdBySlug(db, DEMO_ORG.slug);
  const orgId = existing ?? randomUUID();
  // users has no row-level security, so the lookup works before the organization exists.
  const userId = await db.withTenant({ orgId }, async (tx) => {
    const user = await findUserByEmail(tx, DEMO_USER.email);
    return user?.id ?? registerUser(tx, DEMO_USER);
  });
  if (existing === null) {
    await db.withTenant({ orgId, userId }, (tx) =>
      createOrganization(tx, DEMO_ORG),
    );
    return { orgId, userId, isOrgCreated: true };
  }
  await db.withTenant({ orgId }, async (tx) => {
    const isMember = await getMember(tx, userId).then(
      () => true,
      (error: unknown) => {
        if (error instanceof NotFoundError) return false;
        throw error;
      },
    );
    if (!isMember) await addMember(tx, { userId, role: "owner" });
  });
  return { orgId, userId, isOrgCreated: false };
}

async function ingestFixtures(
  db: Db,
  orgId: string,
): Promise<StoreCounts & { files: number }> {
  const totals = { ...emptyCounts(), files: 0 };
  for (const body of demoAlertBodies()) {
    const summary = await ingestBodies(db, {
      org: orgId,
      source: body.source,
      inputs: [body],
    });
    addCounts(totals, summary);
    totals.files += summary.files;
  }
  return totals;
}

async function incidentsByTitle(
  tx: TenantTransaction,
): Promise<Map<string, IncidentSummary>> {
  const page = await listIncidents(tx, { limit: 100 });
  const byTitle = new Map<string, IncidentSummary>();
  // Oldest first, so that the first incident with a title wins.
  for (const incident of [...page.items].reverse()) {
    if (incident.status !== "merged" && !byTitle.has(incident.title)) {
      byTitle.set(incident.title, incident);
    }
  }
  return byTitle;
}

/**
 * Merges the failed deploy's incident into the checkout latency incident,
 * as the on-call engineer would once the RCA links them.
 */
async function mergeDeployIncident(tx: TenantTransaction): Promise<{
  merge: DemoLoad["merge"];
  analysedIncidentId: string | null;
}> {
  const byTitle = await incidentsByTitle(tx);
  const analysed = byTitle.get(ANALYSED_INCIDENT_TITLE);
  const deploy = byTitle.get(DEPLOY_INCIDENT_TITLE);
  if (!analysed) return { merge: null, analysedIncidentId: null };
  if (!deploy) return { merge: null, analysedIncidentId: analysed.id };
  const movedAlerts = await mergeInTransaction(tx, deploy.id, analysed.id);
  return {
    merge: { from: deploy.id, into: analysed.id, movedAlerts },
    analysedIncidentId: analysed.id,
  };
}

async function addRcaIfMissing(
  tx: TenantTransaction,
  incidentId: string,
): Promise<boolean> {
  const existing = await listThoughts(tx, { incidentId, limit: 1 });
  if (existing.items.length > 0) return false;
  await updateAnalysisStatus(tx, { id: incidentId, analysisStatus: "running" });
  for (const citation of CITATIONS)
    await addCitation(tx, { incidentId, ...citation });
  for (const thought of THOUGHTS)
    await appendThought(tx, { incidentId, ...thought });
  for (const suggestion of SUGGESTIONS) {
    await addSuggestion(tx, { incidentId, ...suggestion });
  }
  await updateAnalysisStatus(tx, {
    id: incidentId,
    analysisStatus: "complete",
    summary: RCA_SUMMARY,
  });
  await updateIncidentStatus(tx, { id: incidentId, status: "analyzed" });
  return true;
}

async function addChatIfMissing(
  tx: TenantTransaction,
  incidentId: string | null,
): Promise<boolean> {
  const sessions = await listChatSessions(tx, { limit: 100 });
  if (sessions.items.some((session) => session.title === CHAT_TITLE))
    return false;
  const session = await createChatSession(tx, {
    title: CHAT_TITLE,
    status: "completed",
    incidentId,
    uiState: { panel: "rca", isSidebarOpen: true },
  });
  for (const message of CHAT_MESSAGES) {
    await appendChatMessage(tx, { sessionId: session.id, ...message });
  }
  return true;
}

/** All LLM usage of the organization lies in this range. */
export const ALL_TIME = {
  from: "2000-01-01T00:00:00Z",
  to: "2100-01-01T00:00:00Z",
} as const;

async function addUsageIfMissing(
  tx: TenantTransaction,
  userId: string,
): Promise<boolean> {
  const { totals } = await reportLlmUsage(tx, ALL_TIME);
  if (totals.requests > 0) return false;
  for (const usage of LLM_USAGE) await recordLlmUsage(tx, { ...usage, userId });
  return true;
}
