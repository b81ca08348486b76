--! Previous: sha1:903c02d2aafbaa02b71aeb7368d957383aa621b2
--! Hash: sha1:94892660dcb1d8d144a7e797c07860578cee73d9
--! Message: chat

-- Chat: conversations between a user and the agent. A session may concern an incident, and
-- its messages are rows appended to it rather than one JSONB array rewritten on every message.
--
-- Sessions and messages are private to their user: every policy checks the user in context as
-- well as the organization. A session references the membership of its user, and a message
-- references (org_id, session_id, user_id) of its session, so a message can be written only
-- into a session of the same user.

do $$
begin
  create type chat_session_status as enum ('active', 'completed', 'cancelled', 'in_progress');
exception
  when duplicate_object then null;
end
$$;
comment on type chat_session_status is
  'State of a chat session: active (open for messages), completed (finished), cancelled (the '
  'user stopped it) or in_progress (a background task is running for it).';

do $$
begin
  create type chat_message_role as enum ('user', 'assistant', 'system', 'tool');
exception
  when duplicate_object then null;
end
$$;
comment on type chat_message_role is
  'Author of a chat message: the user, the assistant (agent), the system prompt or a tool result.';

create table if not exists chat_sessions (
  org_id uuid not null references organizations on delete cascade,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  title text,
  status chat_session_status not null default 'active',
  ui_state jsonb not null default '{}' check (jsonb_typeof(ui_state) = 'object'),
  incident_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  constraint chat_sessions_org_id_id_user_id_key unique (org_id, id, user_id),
  foreign key (org_id, user_id) references org_members on delete cascade,
  foreign key (org_id, incident_id) references incidents on delete set null (incident_id)
);
create index if not exists chat_sessions_org_id_user_id_created_at_id_idx
  on chat_sessions (org_id, user_id, created_at desc, id desc);
create index if not exists chat_sessions_org_id_incident_id_idx
  on chat_sessions (org_id, incident_id)
  where incident_id is not null;
create or replace trigger _100_set_updated_at
  before update on chat_sessions
  for each row execute function aurora_private.tg__set_updated_at();
alter table chat_sessions enable row level security;
alter table chat_sessions force row level security;
drop policy if exists select_own_user on chat_sessions;
create policy select_own_user on chat_sessions for select to :AURORA_APP
  using (org_id = (select current_org_id()) and user_id = (select current_user_id()));
drop policy if exists insert_own_user on chat_sessions;
create policy insert_own_user on chat_sessions for insert to :AURORA_APP
  with check (org_id = (select current_org_id()) and user_id = (select current_user_id()));
drop policy if exists update_own_user on chat_sessions;
create policy update_own_user on chat_sessions for update to :AURORA_APP
  using (org_id = (select current_org_id()) and user_id = (select current_user_id()))
  with check (org_id = (select current_org_id()) and user_id = (select current_user_id()));
drop policy if exists delete_own_user on chat_sessions;
create policy delete_own_user on chat_sessions for delete to :AURORA_APP
  using (org_id = (select current_org_id()) and user_id = (select current_user_id()));
grant select, insert, update, delete on chat_sessions to :AURORA_APP;
grant select, delete on chat_sessions to :AURORA_MAINTENANCE;
comment on table chat_sessions is
  'Chat conversations of one user in one organization, listed newest first by '
  '(created_at, id). Deleting the incident of a session keeps the session and clears '
  'incident_id.';
comment on column chat_sessions.ui_state is
  'State of the chat screen that the web app restores (open panels, drafts, scroll position).';
comment on column chat_sessions.incident_id is
  'Incident the conversation is about, such as the one a background RCA session analyses.';

create table if not exists chat_messages (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  session_id uuid not null,
  user_id uuid not null,
  role chat_message_role not null,
  content jsonb not null,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, session_id, user_id)
    references chat_sessions (org_id, id, user_id) on delete cascade
);
create index if not exists chat_messages_org_id_session_id_created_at_id_idx
  on chat_messages (org_id, session_id, created_at desc, id desc);
alter table chat_messages enable row level security;
alter table chat_messages force row level security;
drop policy if exists select_own_user on chat_messages;
create policy select_own_user on chat_messages for select to :AURORA_APP
  using (org_id = (select current_org_id()) and user_id = (select current_user_id()));
drop policy if exists insert_own_user on chat_messages;
create policy insert_own_user on chat_messages for insert to :AURORA_APP
  with check (org_id = (select current_org_id()) and user_id = (select current_user_id()));
drop policy if exists update_own_user on chat_messages;
create policy update_own_user on chat_messages for update to :AURORA_APP
  using (org_id = (select current_org_id()) and user_id = (select current_user_id()))
  with check (org_id = (select current_org_id()) and user_id = (select current_user_id()));
drop policy if exists delete_own_user on chat_messages;
create policy delete_own_user on chat_messages for delete to :AURORA_APP
  using (org_id = (select current_org_id()) and user_id = (select current_user_id()));
grant select, insert, update, delete on chat_messages to :AURORA_APP;
grant select, delete on chat_messages to :AURORA_MAINTENANCE;
comment on table chat_messages is
  'Messages of a chat session in order of (created_at, id), one row each.';
comment on column chat_messages.user_id is
  'Owner of the session (not the author, which is role); repeated here so that policies check '
  'it without a join.';
comment on column chat_messages.content is
  'Message body as JSON: text parts, tool calls and tool results in the format the agent uses.';
