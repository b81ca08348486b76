/*
 * Chat: sessions between a user and the agent, and the messages appended to them.
 *
 * Sessions and messages are private to the user in context: inserts take user_id from
 * current_user_id(), and reads name it so that the (org_id, user_id, ...) and
 * (org_id, session_id, ...) indexes serve them. Lists use keyset pagination on
 * (created_at, id) with "cursorTime", the exact UTC text of created_at (see incidents.sql).
 */

/* @name InsertSession */
insert into chat_sessions (org_id, user_id, title, status, ui_state, incident_id)
values (
  current_org_id(), current_user_id(), :title, coalesce(:status::chat_session_status, 'active'),
  coalesce(:uiState::jsonb, '{}'), :incidentId
)
returning
  id, title, status, ui_state as "uiState", incident_id as "incidentId",
  created_at as "createdAt", updated_at as "updatedAt";

/* @name GetSession */
select
  id, title, status, ui_state as "uiState", incident_id as "incidentId",
  created_at as "createdAt", updated_at as "updatedAt"
from chat_sessions
where org_id = (select current_org_id())
  and user_id = (select current_user_id())
  and id = :id!;

/* @name ListSessions */
-- Newest first, through chat_sessions_org_id_user_id_created_at_id_idx.
select
  id, title, status, ui_state as "uiState", incident_id as "incidentId",
  created_at as "createdAt", updated_at as "updatedAt",
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorTime!"
from chat_sessions
where org_id = (select current_org_id())
  and user_id = (select current_user_id())
  and (:statuses::chat_session_status[] is null or status = any(:statuses))
  and (
    :afterTime::timestamptz is null
    or (created_at, id) < (:afterTime, :afterId::uuid)
  )
order by created_at desc, id desc
limit :limit!::int;

/* @name UpdateSessionStatus */
update chat_sessions
set status = :status!
where org_id = (select current_org_id())
  and user_id = (select current_user_id())
  and id = :id!
returning
  id, title, status, ui_state as "uiState", incident_id as "incidentId",
  created_at as "createdAt", updated_at as "updatedAt";

/* @name UpdateSessionUiState */
update chat_sessions
set ui_state = :uiState!::jsonb
where org_id = (select current_org_id())
  and user_id = (select current_user_id())
  and id = :id!
returning
  id, title, status, ui_state as "uiState", incident_id as "incidentId",
  created_at as "createdAt", updated_at as "updatedAt";

/* @name InsertMessage */
-- The foreign key (org_id, session_id, user_id) rejects a session that is missing or belongs to
-- another user.
insert into chat_messages (org_id, session_id, user_id, role, content)
values (current_org_id(), :sessionId!, current_user_id(), :role!, :content!::jsonb)
returning
  id, session_id as "sessionId", role, content, created_at as "createdAt";

/* @name ListMessages */
-- Oldest first (the order of a transcript), through a backward scan of
-- chat_messages_org_id_session_id_created_at_id_idx.
select
  id, session_id as "sessionId", role, content, created_at as "createdAt",
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorTime!"
from chat_messages
where org_id = (select current_org_id())
  and user_id = (select current_user_id())
  and session_id = :sessionId!
  and (
    :afterTime::timestamptz is null
    or (created_at, id) > (:afterTime, :afterId::int8)
  )
order by created_at, id
limit :limit!::int;
