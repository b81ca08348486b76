/** Types generated for queries found in "queries/llm-usage.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

/** 'InsertUsage' parameters type */
export interface IInsertUsageParams {
  cost: string;
  inputTokens: number;
  model: string;
  outputTokens: number;
  provider: string;
  requestType: string;
  surchargeRate?: string | null | void;
  userId?: string | null | void;
}

/** 'InsertUsage' return type */
export interface IInsertUsageResult {
  /** Provider cost of the request in US dollars. */
  cost: string;
  createdAt: Date;
  id: string;
  /** Prompt tokens, at most 10^9 so that total_tokens fits in an integer. */
  inputTokens: number;
  model: string;
  outputTokens: number;
  /** Model vendor or gateway, such as openai, anthropic, google or openrouter. */
  provider: string;
  /** What the request was for, such as chat, rca or summary. */
  requestType: string;
  /** cost x surcharge_rate rounded to 6 decimals (generated). */
  surchargeAmount: string;
  /** Platform markup as a fraction of cost; 0.30 (30 percent) by default. */
  surchargeRate: string;
  /** cost + surcharge_amount, the amount charged to the org (generated). */
  totalCostWithSurcharge: string;
  /** input_tokens + output_tokens (generated). */
  totalTokens: number;
  /** User the request ran for; NULL for background work and after the user is deleted. */
  userId: string | null;
}

/** 'InsertUsage' query type */
export interface IInsertUsageQuery {
  params: IInsertUsageParams;
  result: IInsertUsageResult;
}

const insertUsageIR: any = {"usedParamSet":{"userId":true,"model":true,"provider":true,"requestType":true,"inputTokens":true,"outputTokens":true,"cost":true,"surchargeRate":true},"params":[{"name":"userId","required":false,"transform":{"type":"scalar"},"locs":[{"a":346,"b":352}]},{"name":"model","required":true,"transform":{"type":"scalar"},"locs":[{"a":381,"b":387}]},{"name":"provider","required":true,"transform":{"type":"scalar"},"locs":[{"a":390,"b":399}]},{"name":"requestType","required":true,"transform":{"type":"scalar"},"locs":[{"a":404,"b":416}]},{"name":"inputTokens","required":true,"transform":{"type":"scalar"},"locs":[{"a":419,"b":431}]},{"name":"outputTokens","required":true,"transform":{"type":"scalar"},"locs":[{"a":434,"b":447}]},{"name":"cost","required":true,"transform":{"type":"scalar"},"locs":[{"a":450,"b":455}]},{"name":"surchargeRate","required":false,"transform":{"type":"scalar"},"locs":[{"a":469,"b":482}]}],"statement":"-- user_id is the given user, else the user in context, else NULL (background work).\n-- surcharge_rate falls back to the column default (0.30) when the parameter is null.\ninsert into llm_usage_tracking (\n  org_id, user_id, model, provider, request_type, input_tokens, output_tokens, cost,\n  surcharge_rate\n)\nvalues (\n  current_org_id(), coalesce(:userId::uuid, current_user_id()), :model!, :provider!,\n  :requestType!, :inputTokens!, :outputTokens!, :cost!,\n  coalesce(:surchargeRate::numeric, 0.30)\n)\nreturning\n  id, user_id as \"userId\", model, provider, request_type as \"requestType\",\n  input_tokens as \"inputTokens\", output_tokens as \"outputTokens\", total_tokens as \"totalTokens\",\n  cost, surcharge_rate as \"surchargeRate\", surcharge_amount as \"surchargeAmount\",\n  total_cost_with_surcharge as \"totalCostWithSurcharge\", created_at as \"createdAt\""};

/**
 * Query generated from SQL:
 * ```
 * -- user_id is the given user, else the user in context, else NULL (background work).
 * -- surcharge_rate falls back to the column default (0.30) when the parameter is null.
 * insert into llm_usage_tracking (
 *   org_id, user_id, model, provider, request_type, input_tokens, output_tokens, cost,
 *   surcharge_rate
 * )
 * values (
 *   current_org_id(), coalesce(:userId::uuid, current_user_id()), :model!, :provider!,
 *   :requestType!, :inputTokens!, :outputTokens!, :cost!,
 *   coalesce(:surchargeRate::numeric, 0.30)
 * )
 * returning
 *   id, user_id as "userId", model, provider, request_type as "requestType",
 *   input_tokens as "inputTokens", output_tokens as "outputTokens", total_tokens as "totalTokens",
 *   cost, surcharge_rate as "surchargeRate", surcharge_amount as "surchargeAmount",
 *   total_cost_with_surcharge as "totalCostWithSurcharge", created_at as "createdAt"
 * ```
 */
export const insertUsage = new PreparedQuery<IInsertUsageParams,IInsertUsageResult>(insertUsageIR);


/** 'ReportUsage' parameters type */
export interface IReportUsageParams {
  from: DateOrString;
  to: DateOrString;
  userId?: string | null | void;
}

/** 'ReportUsage' return type */
export interface IReportUsageResult {
  cost: string;
  day: string;
  inputTokens: string;
  model: string;
  outputTokens: string;
  /** Model vendor or gateway, such as openai, anthropic, google or openrouter. */
  provider: string;
  requests: number;
  surchargeAmount: string;
  totalCostWithSurcharge: string;
  totalTokens: string;
  /** Sign-in address as the user typed it. Unique ignoring case, through users_email_key on lower(email); look users up with lower(email) = lower($1) to use that index. */
  userEmail: string | null;
  /** User the request ran for; NULL for background work and after the user is deleted. */
  userId: string | null;
}

/** 'ReportUsage' query type */
export interface IReportUsageQuery {
  params: IReportUsageParams;
  result: IReportUsageResult;
}

const reportUsageIR: any = {"usedParamSet":{"from":true,"to":true,"userId":true},"params":[{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":822,"b":827}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":850,"b":853}]},{"name":"userId","required":false,"transform":{"type":"scalar"},"locs":[{"a":864,"b":870},{"a":899,"b":905}]}],"statement":"-- One row per UTC day, model, provider and user, in that order. Rows are grouped first and then\n-- joined to users, so each user is looked up once per group. userEmail comes from an outer\n-- join: it is null for background work and for users deleted since.\nwith usage_groups as (\n  select\n    to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day,\n    model,\n    provider,\n    user_id,\n    count(*)::int as requests,\n    sum(input_tokens)::numeric as input_tokens,\n    sum(output_tokens)::numeric as output_tokens,\n    sum(total_tokens)::numeric as total_tokens,\n    sum(cost)::numeric as cost,\n    sum(surcharge_amount)::numeric as surcharge_amount,\n    sum(total_cost_with_surcharge)::numeric as total_cost_with_surcharge\n  from llm_usage_tracking\n  where org_id = (select current_org_id())\n    and created_at >= :from!\n    and created_at < :to!\n    and (:userId::uuid is null or user_id = :userId)\n  group by 1, model, provider, user_id\n)\nselect\n  usage_groups.day as \"day!\",\n  usage_groups.model as \"model!\",\n  usage_groups.provider as \"provider!\",\n  usage_groups.user_id as \"userId\",\n  users.email as \"userEmail?\",\n  usage_groups.requests as \"requests!\",\n  usage_groups.input_tokens as \"inputTokens!\",\n  usage_groups.output_tokens as \"outputTokens!\",\n  usage_groups.total_tokens as \"totalTokens!\",\n  usage_groups.cost as \"cost!\",\n  usage_groups.surcharge_amount as \"surchargeAmount!\",\n  usage_groups.total_cost_with_surcharge as \"totalCostWithSurcharge!\"\nfrom usage_groups\nleft join users on users.id = usage_groups.user_id\norder by usage_groups.day, usage_groups.model, usage_groups.provider,\n  usage_groups.user_id nulls first"};

/**
 * Query generated from SQL:
 * ```
 * -- One row per UTC day, model, provider and user, in that order. Rows are grouped first and then
 * -- joined to users, so each user is looked up once per group. userEmail comes from an outer
 * -- join: it is null for background work and for users deleted since.
 * with usage_groups as (
 *   select
 *     to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day,
 *     model,
 *     provider,
 *     user_id,
 *     count(*)::int as requests,
 *     sum(input_tokens)::numeric as input_tokens,
 *     sum(output_tokens)::numeric as output_tokens,
 *     sum(total_tokens)::numeric as total_tokens,
 *     sum(cost)::numeric as cost,
 *     sum(surcharge_amount)::numeric as surcharge_amount,
 *     sum(total_cost_with_surcharge)::numeric as total_cost_with_surcharge
 *   from llm_usage_tracking
 *   where org_id = (select current_org_id())
 *     and created_at >= :from!
 *     and created_at < :to!
 *     and (:userId::uuid is null or user_id = :userId)
 *   group by 1, model, provider, user_id
 * )
 * select
 *   usage_groups.day as "day!",
 *   usage_groups.model as "model!",
 *   usage_groups.provider as "provider!",
 *   usage_groups.user_id as "userId",
 *   users.email as "userEmail?",
 *   usage_groups.requests as "requests!",
 *   usage_groups.input_tokens as "inputTokens!",
 *   usage_groups.output_tokens as "outputTokens!",
 *   usage_groups.total_tokens as "totalTokens!",
 *   usage_groups.cost as "cost!",
 *   usage_groups.surcharge_amount as "surchargeAmount!",
 *   usage_groups.total_cost_with_surcharge as "totalCostWithSurcharge!"
 * from usage_groups
 * left join users on users.id = usage_groups.user_id
 * order by usage_groups.day, usage_groups.model, usage_groups.provider,
 *   usage_groups.user_id nulls first
 * ```
 */
export const reportUsage = new PreparedQuery<IReportUsageParams,IReportUsageResult>(reportUsageIR);


/** 'SummarizeUsage' parameters type */
export interface ISummarizeUsageParams {
  from: DateOrString;
  to: DateOrString;
  userId?: string | null | void;
}

/** 'SummarizeUsage' return type */
export interface ISummarizeUsageResult {
  cost: string;
  inputTokens: string;
  outputTokens: string;
  requests: number;
  surchargeAmount: string;
  totalCostWithSurcharge: string;
  totalTokens: string;
}

/** 'SummarizeUsage' query type */
export interface ISummarizeUsageQuery {
  params: ISummarizeUsageParams;
  result: ISummarizeUsageResult;
}

const summarizeUsageIR: any = {"usedParamSet":{"from":true,"to":true,"userId":true},"params":[{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":597,"b":602}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":623,"b":626}]},{"name":"userId","required":false,"transform":{"type":"scalar"},"locs":[{"a":635,"b":641},{"a":670,"b":676}]}],"statement":"-- Totals over the range. An empty range gives one row with zero requests and zero sums.\nselect\n  count(*)::int as \"requests!\",\n  coalesce(sum(input_tokens), 0)::numeric as \"inputTokens!\",\n  coalesce(sum(output_tokens), 0)::numeric as \"outputTokens!\",\n  coalesce(sum(total_tokens), 0)::numeric as \"totalTokens!\",\n  coalesce(sum(cost), 0)::numeric as \"cost!\",\n  coalesce(sum(surcharge_amount), 0)::numeric as \"surchargeAmount!\",\n  coalesce(sum(total_cost_with_surcharge), 0)::numeric as \"totalCostWithSurcharge!\"\nfrom llm_usage_tracking\nwhere org_id = (select current_org_id())\n  and created_at >= :from!\n  and created_at < :to!\n  and (:userId::uuid is null or user_id = :userId)"};

/**
 * Query generated from SQL:
 * ```
 * -- Totals over the range. An empty range gives one row with zero requests and zero sums.
 * select
 *   count(*)::int as "requests!",
 *   coalesce(sum(input_tokens), 0)::numeric as "inputTokens!",
 *   coalesce(sum(output_tokens), 0)::numeric as "outputTokens!",
 *   coalesce(sum(total_tokens), 0)::numeric as "totalTokens!",
 *   coalesce(sum(cost), 0)::numeric as "cost!",
 *   coalesce(sum(surcharge_amount), 0)::numeric as "surchargeAmount!",
 *   coalesce(sum(total_cost_with_surcharge), 0)::numeric as "totalCostWithSurcharge!"
 * from llm_usage_tracking
 * where org_id = (select current_org_id())
 *   and created_at >= :from!
 *   and created_at < :to!
 *   and (:userId::uuid is null or user_id = :userId)
 * ```
 */
export const summarizeUsage = new PreparedQuery<ISummarizeUsageParams,ISummarizeUsageResult>(summarizeUsageIR);


