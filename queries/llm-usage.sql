/*
 * LLM usage: one row per request, and cost reports over a created_at range.
 *
 * Reports cast every aggregate so that the generated type matches what pg returns: sums of
 * tokens and money are numeric (a string, exact), counts are integer (a number). Days are UTC
 * dates as text (YYYY-MM-DD), because pg would turn a date into a JavaScript Date at local
 * midnight. The range [from, to) is served by llm_usage_tracking_org_id_created_at_id_idx, or by
 * llm_usage_tracking_org_id_user_id_created_at_idx when userId is given.
 */

/* @name InsertUsage */
-- user_id is the given user, else the user in context, else NULL (background work).
-- surcharge_rate falls back to the column default (0.30) when the parameter is null.
insert into llm_usage_tracking (
  org_id, user_id, model, provider, request_type, input_tokens, output_tokens, cost,
  surcharge_rate
)
values (
  current_org_id(), coalesce(:userId::uuid, current_user_id()), :model!, :provider!,
  :requestType!, :inputTokens!, :outputTokens!, :cost!,
  coalesce(:surchargeRate::numeric, 0.30)
)
returning
  id, user_id as "userId", model, provider, request_type as "requestType",
  input_tokens as "inputTokens", output_tokens as "outputTokens", total_tokens as "totalTokens",
  cost, surcharge_rate as "surchargeRate", surcharge_amount as "surchargeAmount",
  total_cost_with_surcharge as "totalCostWithSurcharge", created_at as "createdAt";

/* @name ReportUsage */
-- One row per UTC day, model, provider and user, in that order. Rows are grouped first and then
-- joined to users, so each user is looked up once per group. userEmail comes from an outer
-- join: it is null for background work and for users deleted since.
with usage_groups as (
  select
    to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day,
    model,
    provider,
    user_id,
    count(*)::int as requests,
    sum(input_tokens)::numeric as input_tokens,
    sum(output_tokens)::numeric as output_tokens,
    sum(total_tokens)::numeric as total_tokens,
    sum(cost)::numeric as cost,
    sum(surcharge_amount)::numeric as surcharge_amount,
    sum(total_cost_with_surcharge)::numeric as total_cost_with_surcharge
  from llm_usage_tracking
  where org_id = (select current_org_id())
    and created_at >= :from!
    and created_at < :to!
    and (:userId::uuid is null or user_id = :userId)
  group by 1, model, provider, user_id
)
select
  usage_groups.day as "day!",
  usage_groups.model as "model!",
  usage_groups.provider as "provider!",
  usage_groups.user_id as "userId",
  users.email as "userEmail?",
  usage_groups.requests as "requests!",
  usage_groups.input_tokens as "inputTokens!",
  usage_groups.output_tokens as "outputTokens!",
  usage_groups.total_tokens as "totalTokens!",
  usage_groups.cost as "cost!",
  usage_groups.surcharge_amount as "surchargeAmount!",
  usage_groups.total_cost_with_surcharge as "totalCostWithSurcharge!"
from usage_groups
left join users on users.id = usage_groups.user_id
order by usage_groups.day, usage_groups.model, usage_groups.provider,
  usage_groups.user_id nulls first;

/* @name SummarizeUsage */
-- Totals over the range. An empty range gives one row with zero requests and zero sums.
select
  count(*)::int as "requests!",
  coalesce(sum(input_tokens), 0)::numeric as "inputTokens!",
  coalesce(sum(output_tokens), 0)::numeric as "outputTokens!",
  coalesce(sum(total_tokens), 0)::numeric as "totalTokens!",
  coalesce(sum(cost), 0)::numeric as "cost!",
  coalesce(sum(surcharge_amount), 0)::numeric as "surchargeAmount!",
  coalesce(sum(total_cost_with_surcharge), 0)::numeric as "totalCostWithSurcharge!"
from llm_usage_tracking
where org_id = (select current_org_id())
  and created_at >= :from!
  and created_at < :to!
  and (:userId::uuid is null or user_id = :userId);
