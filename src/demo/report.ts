/**
 * Reads back the contents of the demo organization and formats them for
 * people: incidents with their correlated alerts, the RCA with resolved
 * citations, the chat, LLM cost by model and the row-level security audit.
 */

import {
  formatIncidents,
  listIncidentsWithAlerts,
  type IncidentWithAlerts,
} from "../correlation/report.ts";
import { INVENTORY_COLLECTIONS } from "../k8s/kinds.ts";
import type { TenantTransaction } from "../pool/index.ts";
import {
  getIncident,
  listChatMessages,
  listChatSessions,
  listCitations,
  listSuggestions,
  listThoughts,
  reportLlmUsage,
  resolveThoughtCitations,
  type Citation,
  type Suggestion,
} from "../services/index.ts";
import type { DemoLoad } from "./load.ts";
import { ALL_TIME } from "./load.ts";
import { CHAT_TITLE, DEMO_ORG, DEMO_USER } from "./story.ts";
import { countOf } from "../cli/plural.ts";

export interface RcaThought {
  type: string;
  content: string;
  /** Citation keys the thought's [n] marks resolve to. */
  citationKeys: number[];
}

export interface DemoRca {
  incidentId: string;
  title: string;
  status: string;
  analysisStatus: string;
  summary: string | null;
  thoughts: RcaThought[];
  citations: Citation[];
  suggestions: Suggestion[];
}

export interface ModelCost {
  model: string;
  provider: string;
  requests: number;
  totalTokens: number;
  cost: string;
  costWithSurcharge: string;
}

export interface DemoReport {
  incidents: IncidentWithAlerts[];
  rca: DemoRca | null;
  chat: Array<{ role: string; text: string }>;
  costByModel: ModelCost[];
}

/** Reads the report in the demo organization's context, as the demo user. */
export async function readDemoReport(
  tx: TenantTransaction,
  analysedIncidentId: string | null,
): Promise<DemoReport> {
  const incidents = await listIncidentsWithAlerts(tx, { limit: 50 });
  incidents.sort(
    (left, right) =>
      left.incident.startedAt.getTime() - right.incident.startedAt.getTime(),
  );
  return {
    incidents,
    rca: analysedIncidentId ? await readRca(tx, analysedIncidentId) : null,
    chat: await readChat(tx),
    costByModel: await readCostByModel(tx),
  };
}

async function readRca(
  tx: TenantTransaction,
  incidentId: string,
): Promise<DemoRca> {
  const incident = await getIncident(tx, incidentId);
  const { items } = await listThoughts(tx, { incidentId, limit: 100 });
  const thoughts: RcaThought[] = [];
  for (const thought of items) {
    const { citations } = await resolveThoughtCitations(tx, thought.id);
    thoughts.push({
      type: thought.type,
      content: thought.content,
      citationKeys: citations.map((citation) => citation.citationKey),
    });
  }
  return {
    incidentId,
    title: incident.title,
    status: incident.status,
    analysisStatus: incident.analysisStatus,
    summary: incident.summary,
    thoughts,
    citations: await listCitations(tx, incidentId),
    suggestions: await listSuggestions(tx, incidentId),
  };
}

async function readChat(
  tx: TenantTransaction,
): Promise<Array<{ role: string; text: string }>> {
  const sessions = await listChatSessions(tx, { limit: 100 });
  const session = sessions.items.find((item) => item.title === CHAT_TITLE);
  if (!session) return [];
  const messages = await listChatMessages(tx, {
    sessionId: session.id,
    limit: 100,
  });
  return messages.items.map((message) => ({
    role: message.role,
    text: message.content.text ?? "",
  }));
}

async function readCostByModel(tx: TenantTransaction): Promise<ModelCost[]> {
  const { rows } = await reportLlmUsage(tx, ALL_TIME);
  const byModel = new Map<string, ModelCost>();
  for (const row of rows) {
    const key = `${row.provider}/${row.model}`;
    const total = byModel.get(key) ?? {
      model: row.model,
      provider: row.provider,
      requests: 0,
      totalTokens: 0,
      cost: "0",
      costWithSurcharge: "0",
    };
    total.requests += row.requests;
    total.totalTokens += Number(row.totalTokens);
    total.cost = addDecimal(total.cost, row.cost);
    total.costWithSurcharge = addDecimal(
      total.costWithSurcharge,
      row.totalCostWithSurcharge,
    );
    byModel.set(key, total);
  }
  return [...byModel.values()].sort((left, right) =>
    left.model.localeCompare(right.model),
  );
}

/** Adds two decimal strings of up to 6 decimals without floating-point error. */
function addDecimal(left: string, right: string): string {
  const scale = 1_000_000n;
  const toMicros = (value: string) => {
    const [whole, fraction = ""] = value.split(".");
    return BigInt(whole!) * scale + BigInt(fraction.padEnd(6, "0").slice(0, 6));
  };
  const sum = toMicros(left) + toMicros(right);
  return `${sum / scale}.${(sum % scale).toString().padStart(6, "0")}`;
}

function formatLoad(load: DemoLoad): string {
  const { alerts, kubernetes } = load;
  const objects = INVENTORY_COLLECTIONS.map((kind) =>
    countOf(kubernetes.kinds[kind].objects, kind),
  ).join(", ");
  const written = INVENTORY_COLLECTIONS.reduce(
    (sum, kind) => sum + kubernetes.kinds[kind].upserted,
    0,
  );
  const lines = [
    `organization  ${DEMO_ORG.name} (${DEMO_ORG.slug}, ${load.orgId})` +
      (load.isOrgCreated ? ", created now" : ", already loaded"),
    `user          ${DEMO_USER.email}, password ${DEMO_USER.password} ` +
      "(fixed demo password, not a secret)",
    `alerts        ${countOf(alerts.files, "files")}, ${countOf(alerts.alerts, "alerts")}: ${alerts.stored} stored, ` +
      `${countOf(alerts.duplicates, "duplicates")} skipped; incidents opened ${alerts.incidentsOpened}, ` +
      `joined ${alerts.incidentsJoined}, resolved ${alerts.incidentsResolved}`,
    `kubernetes    cluster ${kubernetes.cluster}: ${objects} (${written} written)`,
  ];
  if (load.merge) {
    lines.push(
      `merged        incident ${load.merge.from} into ${load.merge.into} ` +
        `(${countOf(load.merge.movedAlerts, "alerts")} moved)`,
    );
  }
  return lines.join("\n");
}

function formatRca(rca: DemoRca | null): string {
  if (!rca) return "No RCA: the fixtures opened no checkout latency incident.";
  const byKey = new Map(
    rca.citations.map((citation) => [citation.citationKey, citation]),
  );
  const lines = [
    `Root cause analysis of "${rca.title}" (${rca.status}, analysis ${rca.analysisStatus})`,
  ];
  if (rca.summary) lines.push(`  summary: ${rca.summary}`);
  for (const thought of rca.thoughts) {
    lines.push(`  ${thought.type.padEnd(11)}${thought.content}`);
    for (const key of thought.citationKeys) {
      const citation = byKey.get(key)!;
      const firstLine = (citation.output ?? "").split("\n")[0];
      lines.push(`             [${key}] ${citation.tool}: ${citation.command}`);
      if (firstLine) lines.push(`                 ${firstLine}`);
    }
  }
  lines.push("  suggestions");
  for (const suggestion of rca.suggestions) {
    lines.push(
      `    ${suggestion.type.padEnd(11)}${suggestion.title} (risk ${suggestion.risk})`,
    );
    if (suggestion.command)
      lines.push(`               $ ${suggestion.command}`);
    if (suggestion.prUrl) {
      lines.push(
        `               ${suggestion.filePath} in ${suggestion.repository}, pull request ${suggestion.prUrl}`,
      );
    }
  }
  return lines.join("\n");
}

function formatCost(costs: readonly ModelCost[]): string {
  const lines = [
    "LLM cost by model (USD, surcharge included in the last column)",
    `  ${"model".padEnd(18)}${"provider".padEnd(11)}${"requests".padStart(8)}` +
      `${"tokens".padStart(10)}${"cost".padStart(11)}${"with surcharge".padStart(16)}`,
  ];
  for (const cost of costs) {
    lines.push(
      `  ${cost.model.padEnd(18)}${cost.provider.padEnd(11)}${String(cost.requests).padStart(8)}` +
        `${String(cost.totalTokens).padStart(10)}${cost.cost.padStart(11)}` +
        `${cost.costWithSurcharge.padStart(16)}`,
    );
  }
  return lines.join("\n");
}

/** Formats the whole demo output: what was loaded, then what the organization contains. */
export function formatDemo(
  load: DemoLoad,
  report: DemoReport,
  auditLine: string,
): string {
  const chat = report.chat.map(
    (message) => `  ${message.role.padEnd(10)}${message.text}`,
  );
  return [
    formatLoad(load),
    `Incidents (${report.incidents.length}), oldest first`,
    formatIncidents(report.incidents),
    formatRca(report.rca),
    [`Chat "${CHAT_TITLE}"`, ...chat].join("\n"),
    formatCost(report.costByModel),
    auditLine,
  ].join("\n\n");
}
