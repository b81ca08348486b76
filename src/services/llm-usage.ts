/**
 * LLM usage of the organization in context: one row per model request, and
 * cost reports. Totals, surcharges and sums are computed by PostgreSQL
 * (generated columns and numeric sums) and returned as decimal strings, so no
 * money passes through a JavaScript float on the way out.
 */
import { ValidationError } from "../errors.ts";
import {
  insertUsage,
  reportUsage,
  summarizeUsage,
  type IInsertUsageResult,
  type IReportUsageResult,
  type ISummarizeUsageResult,
} from "../../generated/llm-usage.queries.ts";
import { compileValidator } from "../validation/ajv.ts";
import {
  INSTANT,
  OPTIONAL_UUID,
  TEXT_LIMITS,
  inputObject,
  integer,
  text,
} from "../validation/fields.ts";
import type { Instant } from "./incidents.ts";
import { organizationMissing, runQuery, type Queryable } from "./run.ts";

export type LlmUsage = IInsertUsageResult;
export type LlmUsageReportRow = IReportUsageResult;
export type LlmUsageTotals = ISummarizeUsageResult;

/** The tables' bound on token counts, so that total_tokens fits an integer. */
const MAX_TOKENS = 1_000_000_000;

export interface RecordLlmUsageInput {
  model: string;
  /** Model vendor or gateway, such as openai or anthropic. */
  provider: string;
  /** Purpose of the request, such as chat, rca or summary. */
  requestType: string;
  inputTokens: number;
  outputTokens: number;
  /** Provider cost in US dollars: up to 8 integer digits and 6 decimals. */
  cost: number | string;
  /** Markup as a fraction of cost, 0.30 by default. */
  surchargeRate?: number | string | null;
  /** User the request ran for, by default the user in context. */
  userId?: string | null;
}

const LABEL = text(TEXT_LIMITS.llmLabel);
const TOKENS = integer(0, MAX_TOKENS);

const parseRecord = compileValidator<RecordLlmUsageInput>(
  "LLM usage",
  inputObject(
    {
      model: LABEL,
      provider: LABEL,
      requestType: LABEL,
      inputTokens: TOKENS,
      outputTokens: TOKENS,
      cost: { decimal: { precision: 14, scale: 6 } },
      surchargeRate: {
        anyOf: [{ type: "null" }, { decimal: { precision: 5, scale: 4 } }],
      },
      userId: OPTIONAL_UUID,
    },
    ["model", "provider", "requestType", "inputTokens", "outputTokens", "cost"],
  ),
);

/** Records one request. Throws NotFoundError when userId names no user. */
export async function recordLlmUsage(
  tx: Queryable,
  input: RecordLlmUsageInput,
): Promise<LlmUsage> {
  const usage = parseRecord(input);
  const [row] = await runQuery(
    tx,
    insertUsage,
    {
      model: usage.model,
      provider: usage.provider,
      requestType: usage.requestType,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      cost: String(usage.cost),
      surchargeRate:
        usage.surchargeRate == null ? null : String(usage.surchargeRate),
      userId: usage.userId ?? null,
    },
    {
      ...organizationMissing("llm_usage_tracking"),
      llm_usage_tracking_user_id_fkey: `User ${usage.userId} not found.`,
    },
  );
  return row!;
}

export interface LlmUsageReportInput {
  /** Start of the range, inclusive. */
  from: Instant;
  /** End of the range, exclusive, after `from`. */
  to: Instant;
  /** Only this user's requests. */
  userId?: string | null;
}

export interface LlmUsageReport {
  /** One row per UTC day, model, provider and user. */
  rows: LlmUsageReportRow[];
  totals: LlmUsageTotals;
}

const parseReport = compileValidator<LlmUsageReportInput>(
  "LLM usage report",
  inputObject({ from: INSTANT, to: INSTANT, userId: OPTIONAL_UUID }, [
    "from",
    "to",
  ]),
);

/** Reports tokens and cost over [from, to) by day, model and user, with totals. */
export async function reportLlmUsage(
  tx: Queryable,
  input: LlmUsageReportInput,
): Promise<LlmUsageReport> {
  const { from, to, userId } = parseReport(input);
  if (new Date(from).getTime() >= new Date(to).getTime()) {
    throw new ValidationError(
      "Invalid LLM usage report: /to must be after from.",
      [{ path: "/to", message: "must be after from" }],
    );
  }
  const params = { from, to, userId: userId ?? null };
  const rows = await runQuery(tx, reportUsage, params);
  const [totals] = await runQuery(tx, summarizeUsage, params);
  return { rows, totals: totals! };
}
