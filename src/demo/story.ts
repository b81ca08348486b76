/**
 * Contents of the demo organization besides ingested alerts: who signs in,
 * the incident the agent analysed, its RCA (citations, thoughts,
 * suggestions), a chat about it and the LLM requests that cost money.
 *
 * The story follows the fixtures: deploy checkout-deploy #87 failed at
 * 09:02 and left the checkout pods crash-looping with a database pool of
 * five connections; latency and error alerts followed from 09:08 until the
 * rollback (#88) at 09:42.
 */

import type {
  AddCitationInput,
  AddSuggestionInput,
  AppendThoughtInput,
  RecordLlmUsageInput,
} from "../services/index.ts";
import type { ChatMessageContent } from "../validation/types.ts";

export const DEMO_ORG = { slug: "demo", name: "Demo Org" } as const;

/**
 * The demo user's sign-in. The password is fixed and printed by the demo,
 * so it is no secret: it only opens the local demo database.
 */
export const DEMO_USER = {
  email: "demo@aurora.example",
  password: "aurora-demo-password",
  displayName: "Demo User",
} as const;

/** Title of the incident the demo analyses: the one the checkout alerts joined. */
export const ANALYSED_INCIDENT_TITLE = "Checkout p99 latency above 2s";

/** Title of the incident that the failed deploy opened; the demo merges it into the analysed one. */
export const DEPLOY_INCIDENT_TITLE = "Build checkout-deploy #87 failed";

export const RCA_SUMMARY =
  "Deploy #87 lowered the checkout database pool from 50 to 5 connections; the pods " +
  "exhausted it under load, crash-looped and slowed checkout until the rollback in #88.";

export const CITATIONS: Omit<AddCitationInput, "incidentId">[] = [
  {
    tool: "kubectl",
    command: "kubectl get pods -n shop -l app.kubernetes.io/name=checkout",
    output: [
      "NAME                        READY   STATUS             RESTARTS   AGE",
      "checkout-7d9c6b5f4d-2xkqp   1/2     CrashLoopBackOff   6          11m",
      "checkout-7d9c6b5f4d-8wz5n   1/2     CrashLoopBackOff   5          11m",
      "checkout-6c4f9d8b7a-q7lmr   2/2     Running            0          3d",
    ].join("\n"),
    executedAt: "2026-11-30T09:13:02Z",
    durationMs: 412,
  },
  {
    tool: "kubectl",
    command:
      "kubectl logs -n shop checkout-7d9c6b5f4d-2xkqp -c checkout --previous",
    output: [
      "2026-11-30T09:09:41Z INFO  starting checkout 2.14.1",
      "2026-11-30T09:10:12Z WARN  db pool: 5/5 connections busy, waiting",
      "2026-11-30T09:10:42Z ERROR db pool: timed out after 30s waiting for a connection",
      "2026-11-30T09:10:42Z FATAL readiness: database unavailable, exiting",
    ].join("\n"),
    executedAt: "2026-11-30T09:13:20Z",
    durationMs: 655,
  },
  {
    tool: "github",
    command:
      "git diff checkout-2.14.0..checkout-2.14.1 -- config/production.yaml",
    output: [
      "--- a/config/production.yaml",
      "+++ b/config/production.yaml",
      "@@ -12,7 +12,7 @@ database:",
      "   host: checkout-db.shop.svc",
      "-  pool_size: 50",
      "+  pool_size: 5",
    ].join("\n"),
    executedAt: "2026-11-30T09:14:05Z",
    durationMs: 930,
  },
];

export const THOUGHTS: Omit<AppendThoughtInput, "incidentId">[] = [
  {
    type: "analysis",
    content:
      "Checkout latency and error alerts start at 09:08, six minutes after deploy " +
      "checkout-deploy #87 failed. Two of the three checkout pods are in CrashLoopBackOff [1].",
  },
  {
    type: "hypothesis",
    content:
      "The new release cannot get database connections: the crashed container logs a " +
      "pool of 5 busy connections and a 30 s timeout before exiting [2].",
  },
  {
    type: "evidence",
    content:
      "Release 2.14.1 changed pool_size in config/production.yaml from 50 to 5 [3], " +
      "which matches the pool size in the logs [2].",
  },
  {
    type: "conclusion",
    content:
      "Root cause: the database pool of checkout 2.14.1 is ten times too small [3]. The " +
      "rollback in checkout-deploy #88 restored service at 09:42; restore pool_size: 50 " +
      "before deploying 2.14.1 again.",
  },
];

export const SUGGESTIONS: Omit<AddSuggestionInput, "incidentId">[] = [
  {
    type: "diagnostic",
    title: "Check database connections of the checkout pods",
    description:
      "Shows how many connections each checkout pod holds on checkout-db.",
    command:
      "kubectl exec -n shop deploy/checkout-db -- psql -c " +
      '"select client_addr, count(*) from pg_stat_activity group by 1"',
    risk: "safe",
  },
  {
    type: "mitigation",
    title: "Roll checkout back to 2.14.0",
    description: "Returns to the release with a pool of 50 connections.",
    command: "kubectl rollout undo deployment/checkout -n shop",
    risk: "medium",
  },
  {
    type: "fix",
    title: "Restore the checkout database pool to 50 connections",
    description: "Reverts the pool_size change of release 2.14.1.",
    risk: "medium",
    filePath: "config/production.yaml",
    originalContent:
      "database:\n  host: checkout-db.shop.svc\n  pool_size: 5\n",
    suggestedContent:
      "database:\n  host: checkout-db.shop.svc\n  pool_size: 50\n",
    repository: "example-shop/checkout",
    prUrl: "https://github.com/example-shop/checkout/pull/482",
    prNumber: 482,
  },
];

export const CHAT_TITLE = "Why is checkout slow?";

export const CHAT_MESSAGES: Array<{
  role: "user" | "assistant";
  content: ChatMessageContent;
}> = [
  {
    role: "user",
    content: { text: "Checkout has been slow since 09:10. What happened?" },
  },
  {
    role: "assistant",
    content: {
      text:
        "Deploy #87 shipped checkout 2.14.1 with a database pool of 5 instead of 50. The " +
        "pods ran out of connections and crash-looped, which raised latency and errors. " +
        "The rollback in #88 fixed it at 09:42.",
      metadata: {
        model: "claude-sonnet-4",
        incidentTitle: ANALYSED_INCIDENT_TITLE,
      },
    },
  },
  {
    role: "user",
    content: { text: "Open a pull request that restores the pool size." },
  },
  {
    role: "assistant",
    content: {
      text: "Opened https://github.com/example-shop/checkout/pull/482 with pool_size: 50.",
      metadata: { model: "claude-sonnet-4" },
    },
  },
];

/** LLM requests of the analysis and the chat; costs in US dollars. */
export const LLM_USAGE: RecordLlmUsageInput[] = [
  {
    model: "claude-sonnet-4",
    provider: "anthropic",
    requestType: "rca",
    inputTokens: 48210,
    outputTokens: 3120,
    cost: "0.191430",
  },
  {
    model: "claude-sonnet-4",
    provider: "anthropic",
    requestType: "rca",
    inputTokens: 52840,
    outputTokens: 2870,
    cost: "0.201570",
  },
  {
    model: "claude-sonnet-4",
    provider: "anthropic",
    requestType: "chat",
    inputTokens: 9120,
    outputTokens: 610,
    cost: "0.036510",
  },
  {
    model: "gpt-4o-mini",
    provider: "openai",
    requestType: "summary",
    inputTokens: 6400,
    outputTokens: 420,
    cost: "0.001212",
  },
  {
    model: "gemini-2.5-flash",
    provider: "google",
    requestType: "triage",
    inputTokens: 12800,
    outputTokens: 950,
    cost: "0.006215",
  },
];
