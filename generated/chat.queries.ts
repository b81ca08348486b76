/** Types generated for queries found in "queries/chat.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type chat_message_role = 'assistant' | 'system' | 'tool' | 'user';

export type chat_session_status = 'active' | 'cancelled' | 'completed' | 'in_progress';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type chat_session_statusArray = (chat_session_status)[];

/** 'InsertSession' parameters type */
export interface IInsertSessionParams {
  incidentId?: string | null | void;
  status?: chat_session_status | null | void;
  title?: string | null | void;
  uiState?: Json | null | void;
}

/** 'InsertSession' return type */
export interface IInsertSessionResult {
  createdAt: Date;
  id: string;
  /** Incident the conversation is about, such as the one a background RCA session analyses. */
  incidentId: string | null;
  status: chat_session_status;
  title: string | null;
  /** State of the chat screen that the web app restores (open panels, drafts, scroll position). */
  uiState: Json;
  updatedAt: Date;
}

/** 'InsertSession' query type */
export interface IInsertSessionQuery {
  params: IInsertSessionParams;
  result: IInsertSessionResult;
}

const insertSessionIR: any = {"usedParamSet":{"title":true,"status":true,"uiState":true,"incidentId":true},"params":[{"name":"title","required":false,"transform":{"type":"scalar"},"locs":[{"a":130,"b":135}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":147,"b":153}]},{"name":"uiState","required":false,"transform":{"type":"scalar"},"locs":[{"a":199,"b":206}]},{"name":"incidentId","required":false,"transform":{"type":"scalar"},"locs":[{"a":223,"b":233}]}],"statement":"insert into chat_sessions (org_id, user_id, title, status, ui_state, incident_id)\nvalues (\n  current_org_id(), current_user_id(), :title, coalesce(:status::chat_session_status, 'active'),\n  coalesce(:uiState::jsonb, '{}'), :incidentId\n)\nreturning\n  id, title, status, ui_state as \"uiState\", incident_id as \"incidentId\",\n  created_at as \"createdAt\", updated_at as \"updatedAt\""};

/**
 * Query generated from SQL:
 * ```
 * insert into chat_sessions (org_id, user_id, title, status, ui_state, incident_id)
 * values (
 *   current_org_id(), current_user_id(), :title, coalesce(:status::chat_session_status, 'active'),
 *   coalesce(:uiState::jsonb, '{}'), :incidentId
 * )
 * returning
 *   id, title, status, ui_state as "uiState", incident_id as "incidentId",
 *   created_at as "createdAt", updated_at as "updatedAt"
 * ```
 */
export const insertSession = new PreparedQuery<IInsertSessionParams,IInsertSessionResult>(insertSessionIR);


/** 'GetSession' parameters type */
export interface IGetSessionParams {
  id: string;
}

/** 'GetSession' return type */
export interface IGetSessionResult {
  createdAt: Date;
  id: string;
  /** Incident the conversation is about, such as the one a background RCA session analyses. */
  incidentId: string | null;
  status: chat_session_status;
  title: string | null;
  /** State of the chat screen that the web app restores (open panels, drafts, scroll position). */
  uiState: Json;
  updatedAt: Date;
}

/** 'GetSession' query type */
export interface IGetSessionQuery {
  params: IGetSessionParams;
  result: IGetSessionResult;
}

const getSessionIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":249,"b":252}]}],"statement":"select\n  id, title, status, ui_state as \"uiState\", incident_id as \"incidentId\",\n  created_at as \"createdAt\", updated_at as \"updatedAt\"\nfrom chat_sessions\nwhere org_id = (select current_org_id())\n  and user_id = (select current_user_id())\n  and id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * select
 *   id, title, status, ui_state as "uiState", incident_id as "incidentId",
 *   created_at as "createdAt", updated_at as "updatedAt"
 * from chat_sessions
 * where org_id = (select current_org_id())
 *   and user_id = (select current_user_id())
 *   and id = :id!
 * ```
 */
export const getSession = new PreparedQuery<IGetSessionParams,IGetSessionResult>(getSessionIR);


/** 'ListSessions' parameters type */
export interface IListSessionsParams {
  afterId?: string | null | void;
  afterTime?: DateOrString | null | void;
  limit: number;
  statuses?: chat_session_statusArray | null | void;
}

/** 'ListSessions' return type */
export interface IListSessionsResult {
  createdAt: Date;
  cursorTime: string;
  id: string;
  /** Incident the conversation is about, such as the one a background RCA session analyses. */
  incidentId: string | null;
  status: chat_session_status;
  title: string | null;
  /** State of the chat screen that the web app restores (open panels, drafts, scroll position). */
  uiState: Json;
  updatedAt: Date;
}

/** 'ListSessions' query type */
export interface IListSessionsQuery {
  params: IListSessionsParams;
  result: IListSessionsResult;
}

const listSessionsIR: any = {"usedParamSet":{"statuses":true,"afterTime":true,"afterId":true,"limit":true},"params":[{"name":"statuses","required":false,"transform":{"type":"scalar"},"locs":[{"a":410,"b":418},{"a":467,"b":475}]},{"name":"afterTime","required":false,"transform":{"type":"scalar"},"locs":[{"a":491,"b":500},{"a":550,"b":559}]},{"name":"afterId","required":false,"transform":{"type":"scalar"},"locs":[{"a":562,"b":569}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":622,"b":628}]}],"statement":"-- Newest first, through chat_sessions_org_id_user_id_created_at_id_idx.\nselect\n  id, title, status, ui_state as \"uiState\", incident_id as \"incidentId\",\n  created_at as \"createdAt\", updated_at as \"updatedAt\",\n  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as \"cursorTime!\"\nfrom chat_sessions\nwhere org_id = (select current_org_id())\n  and user_id = (select current_user_id())\n  and (:statuses::chat_session_status[] is null or status = any(:statuses))\n  and (\n    :afterTime::timestamptz is null\n    or (created_at, id) < (:afterTime, :afterId::uuid)\n  )\norder by created_at desc, id desc\nlimit :limit!::int"};

/**
 * Query generated from SQL:
 * ```
 * -- Newest first, through chat_sessions_org_id_user_id_created_at_id_idx.
 * select
 *   id, title, status, ui_state as "uiState", incident_id as "incidentId",
 *   created_at as "createdAt", updated_at as "updatedAt",
 *   to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorTime!"
 * from chat_sessions
 * where org_id = (select current_org_id())
 *   and user_id = (select current_user_id())
 *   and (:statuses::chat_session_status[] is null or status = any(:statuses))
 *   and (
 *     :afterTime::timestamptz is null
 *     or (created_at, id) < (:afterTime, :afterId::uuid)
 *   )
 * order by created_at desc, id desc
 * limit :limit!::int
 * ```
 */
export const listSessions = new PreparedQuery<IListSessionsParams,IListSessionsResult>(listSessionsIR);


/** 'UpdateSessionStatus' parameters type */
export interface IUpdateSessionStatusParams {
  id: string;
  status: chat_session_status;
}

/** 'UpdateSessionStatus' return type */
export interface IUpdateSessionStatusResult {
  createdAt: Date;
  id: string;
  /** Incident the conversation is about, such as the one a background RCA session analyses. */
  incidentId: string | null;
  status: chat_session_status;
  title: string | null;
  /** State of the chat screen that the web app restores (open panels, drafts, scroll position). */
  uiState: Json;
  updatedAt: Date;
}

/** 'UpdateSessionStatus' query type */
export interface IUpdateSessionStatusQuery {
  params: IUpdateSessionStatusParams;
  result: IUpdateSessionStatusResult;
}

const updateSessionStatusIR: any = {"usedParamSet":{"status":true,"id":true},"params":[{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":34,"b":41}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":138,"b":141}]}],"statement":"update chat_sessions\nset status = :status!\nwhere org_id = (select current_org_id())\n  and user_id = (select current_user_id())\n  and id = :id!\nreturning\n  id, title, status, ui_state as \"uiState\", incident_id as \"incidentId\",\n  created_at as \"createdAt\", updated_at as \"updatedAt\""};

/**
 * Query generated from SQL:
 * ```
 * update chat_sessions
 * set status = :status!
 * where org_id = (select current_org_id())
 *   and user_id = (select current_user_id())
 *   and id = :id!
 * returning
 *   id, title, status, ui_state as "uiState", incident_id as "incidentId",
 *   created_at as "createdAt", updated_at as "updatedAt"
 * ```
 */
export const updateSessionStatus = new PreparedQuery<IUpdateSessionStatusParams,IUpdateSessionStatusResult>(updateSessionStatusIR);


/** 'UpdateSessionUiState' parameters type */
export interface IUpdateSessionUiStateParams {
  id: string;
  uiState: Json;
}

/** 'UpdateSessionUiState' return type */
export interface IUpdateSessionUiStateResult {
  createdAt: Date;
  id: string;
  /** Incident the conversation is about, such as the one a background RCA session analyses. */
  incidentId: string | null;
  status: chat_session_status;
  title: string | null;
  /** State of the chat screen that the web app restores (open panels, drafts, scroll position). */
  uiState: Json;
  updatedAt: Date;
}

/** 'UpdateSessionUiState' query type */
export interface IUpdateSessionUiStateQuery {
  params: IUpdateSessionUiStateParams;
  result: IUpdateSessionUiStateResult;
}

const updateSessionUiStateIR: any = {"usedParamSet":{"uiState":true,"id":true},"params":[{"name":"uiState","required":true,"transform":{"type":"scalar"},"locs":[{"a":36,"b":44}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":148,"b":151}]}],"statement":"update chat_sessions\nset ui_state = :uiState!::jsonb\nwhere org_id = (select current_org_id())\n  and user_id = (select current_user_id())\n  and id = :id!\nreturning\n  id, title, status, ui_state as \"uiState\", incident_id as \"incidentId\",\n  created_at as \"createdAt\", updated_at as \"updatedAt\""};

/**
 * Query generated from SQL:
 * ```
 * update chat_sessions
 * set ui_state = :uiState!::jsonb
 * where org_id = (select current_org_id())
 *   and user_id = (select current_user_id())
 *   and id = :id!
 * returning
 *   id, title, status, ui_state as "uiState", incident_id as "incidentId",
 *   created_at as "createdAt", updated_at as "updatedAt"
 * ```
 */
export const updateSessionUiState = new PreparedQuery<IUpdateSessionUiStateParams,IUpdateSessionUiStateResult>(updateSessionUiStateIR);


/** 'InsertMessage' parameters type */
export interface IInsertMessageParams {
  content: Json;
  role: chat_message_role;
  sessionId: string;
}

/** 'InsertMessage' return type */
export interface IInsertMessageResult {
  /** Message body as JSON: text parts, tool calls and tool results in the format the agent uses. */
  content: Json;
  createdAt: Date;
  id: string;
  role: chat_message_role;
  sessionId: string;
}

/** 'InsertMessage' query type */
export interface IInsertMessageQuery {
  params: IInsertMessageParams;
  result: IInsertMessageResult;
}

const insertMessageIR: any = {"usedParamSet":{"sessionId":true,"role":true,"content":true},"params":[{"name":"sessionId","required":true,"transform":{"type":"scalar"},"locs":[{"a":211,"b":221}]},{"name":"role","required":true,"transform":{"type":"scalar"},"locs":[{"a":243,"b":248}]},{"name":"content","required":true,"transform":{"type":"scalar"},"locs":[{"a":251,"b":259}]}],"statement":"-- The foreign key (org_id, session_id, user_id) rejects a session that is missing or belongs to\n-- another user.\ninsert into chat_messages (org_id, session_id, user_id, role, content)\nvalues (current_org_id(), :sessionId!, current_user_id(), :role!, :content!::jsonb)\nreturning\n  id, session_id as \"sessionId\", role, content, created_at as \"createdAt\""};

/**
 * Query generated from SQL:
 * ```
 * -- The foreign key (org_id, session_id, user_id) rejects a session that is missing or belongs to
 * -- another user.
 * insert into chat_messages (org_id, session_id, user_id, role, content)
 * values (current_org_id(), :sessionId!, current_user_id(), :role!, :content!::jsonb)
 * returning
 *   id, session_id as "sessionId", role, content, created_at as "createdAt"
 * ```
 */
export const insertMessage = new PreparedQuery<IInsertMessageParams,IInsertMessageResult>(insertMessageIR);


/** 'ListMessages' parameters type */
export interface IListMessagesParams {
  afterId?: string | null | void;
  afterTime?: DateOrString | null | void;
  limit: number;
  sessionId: string;
}

/** 'ListMessages' return type */
export interface IListMessagesResult {
  /** Message body as JSON: text parts, tool calls and tool results in the format the agent uses. */
  content: Json;
  createdAt: Date;
  cursorTime: string;
  id: string;
  role: chat_message_role;
  sessionId: string;
}

/** 'ListMessages' query type */
export interface IListMessagesQuery {
  params: IListMessagesParams;
  result: IListMessagesResult;
}

const listMessagesIR: any = {"usedParamSet":{"sessionId":true,"afterTime":true,"afterId":true,"limit":true},"params":[{"name":"sessionId","required":true,"transform":{"type":"scalar"},"locs":[{"a":421,"b":431}]},{"name":"afterTime","required":false,"transform":{"type":"scalar"},"locs":[{"a":445,"b":454},{"a":504,"b":513}]},{"name":"afterId","required":false,"transform":{"type":"scalar"},"locs":[{"a":516,"b":523}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":566,"b":572}]}],"statement":"-- Oldest first (the order of a transcript), through a backward scan of\n-- chat_messages_org_id_session_id_created_at_id_idx.\nselect\n  id, session_id as \"sessionId\", role, content, created_at as \"createdAt\",\n  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as \"cursorTime!\"\nfrom chat_messages\nwhere org_id = (select current_org_id())\n  and user_id = (select current_user_id())\n  and session_id = :sessionId!\n  and (\n    :afterTime::timestamptz is null\n    or (created_at, id) > (:afterTime, :afterId::int8)\n  )\norder by created_at, id\nlimit :limit!::int"};

/**
 * Query generated from SQL:
 * ```
 * -- Oldest first (the order of a transcript), through a backward scan of
 * -- chat_messages_org_id_session_id_created_at_id_idx.
 * select
 *   id, session_id as "sessionId", role, content, created_at as "createdAt",
 *   to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorTime!"
 * from chat_messages
 * where org_id = (select current_org_id())
 *   and user_id = (select current_user_id())
 *   and session_id = :sessionId!
 *   and (
 *     :afterTime::timestamptz is null
 *     or (created_at, id) > (:afterTime, :afterId::int8)
 *   )
 * order by created_at, id
 * limit :limit!::int
 * ```
 */
export const listMessages = new PreparedQuery<IListMessagesParams,IListMessagesResult>(listMessagesIR);


