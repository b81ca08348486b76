--! Previous: sha1:94892660dcb1d8d144a7e797c07860578cee73d9
--! Hash: sha1:bac635c1e6555d927bde7556177e9e97157bc4fc
--! Message: llm-usage

-- LLM usage: one row per request to a language model, for cost reports and billing.
--
-- The derived amounts are generated columns, so every reader gets the same arithmetic:
-- total_tokens = input_tokens + output_tokens, surcharge_amount = cost x surcharge_rate rounded
-- to 6 decimals, and total_cost_with_surcharge = cost + surcharge_amount. Rows are facts about
-- past spend: the app role inserts and reads them but never changes them.

create table if not exists llm_usage_tracking (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  user_id uuid references users on delete set null,
  model text not null check (model <> ''),
  provider text not null check (provider <> ''),
  request_type text not null check (request_type <> ''),
  input_tokens integer not null default 0 check (input_tokens between 0 and 1000000000),
  output_tokens integer not null default 0 check (output_tokens between 0 and 1000000000),
  total_tokens integer not null generated always as (input_tokens + output_tokens) stored,
  cost numeric(14, 6) not null default 0 check (cost >= 0),
  surcharge_rate numeric(5, 4) not null default 0.30 check (surcharge_rate >= 0),
  surcharge_amount numeric(16, 6) not null
    generated always as (round(cost * surcharge_rate, 6)) stored,
  total_cost_with_surcharge numeric(16, 6) not null
    generated always as (cost + round(cost * surcharge_rate, 6)) stored,
  created_at timestamptz not null default now(),
  primary key (org_id, id)
);
create index if not exists llm_usage_tracking_org_id_created_at_id_idx
  on llm_usage_tracking (org_id, created_at desc, id desc);
create index if not exists llm_usage_tracking_org_id_user_id_created_at_idx
  on llm_usage_tracking (org_id, user_id, created_at);
alter table llm_usage_tracking enable row level security;
alter table llm_usage_tracking force row level security;
drop policy if exists select_own_org on llm_usage_tracking;
create policy select_own_org on llm_usage_tracking for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on llm_usage_tracking;
create policy insert_own_org on llm_usage_tracking for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on llm_usage_tracking;
create policy update_own_org on llm_usage_tracking for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on llm_usage_tracking;
create policy delete_own_org on llm_usage_tracking for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert on llm_usage_tracking to :AURORA_APP;
grant select, delete on llm_usage_tracking to :AURORA_MAINTENANCE;
comment on table llm_usage_tracking is
  'One row per LLM request with its tokens and cost. Reports group by org, user, model and day '
  'over a created_at range. The update and delete policies exist for uniformity; the app role '
  'has no update or delete privilege here.';
comment on column llm_usage_tracking.user_id is
  'User the request ran for; NULL for background work and after the user is deleted.';
comment on column llm_usage_tracking.provider is
  'Model vendor or gateway, such as openai, anthropic, google or openrouter.';
comment on column llm_usage_tracking.request_type is
  'What the request was for, such as chat, rca or summary.';
comment on column llm_usage_tracking.input_tokens is
  'Prompt tokens, at most 10^9 so that total_tokens fits in an integer.';
comment on column llm_usage_tracking.total_tokens is
  'input_tokens + output_tokens (generated).';
comment on column llm_usage_tracking.cost is
  'Provider cost of the request in US dollars.';
comment on column llm_usage_tracking.surcharge_rate is
  'Platform markup as a fraction of cost; 0.30 (30 percent) by default.';
comment on column llm_usage_tracking.surcharge_amount is
  'cost x surcharge_rate rounded to 6 decimals (generated).';
comment on column llm_usage_tracking.total_cost_with_surcharge is
  'cost + surcharge_amount, the amount charged to the org (generated).';
