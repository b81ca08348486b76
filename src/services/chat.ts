/**
 * Chat sessions of the user in context and their messages. Every function
 * needs a user in the tenant context: sessions and messages are private to
 * their user, and another user's session reads as not found.
 */
import {
  getSession,
  insertMessage,
  insertSession,
  listMessages as listMessagesQuery,
  listSessions as listSessionsQuery,
  updateSessionStatus,
  updateSessionUiState,
  type IGetSessionResult,
  type IInsertMessageResult,
} from "../../generated/chat.queries.ts";
import { compileValidator } from "../validation/ajv.ts";
import {
  CHAT_MESSAGE_ROLES,
  CHAT_SESSION_STATUSES,
  type ChatMessageRole,
  type ChatSessionStatus,
} from "../validation/enums.ts";
import {
  CURSOR,
  OPTIONAL_UUID,
  PAGE_SIZE,
  TEXT_LIMITS,
  UUID,
  enumField,
  inputObject,
  oneOrMany,
  optionalText,
} from "../validation/fields.ts";
import {
  chatMessageContentSchema,
  chatUiStateSchema,
} from "../validation/jsonb.ts";
import type { ChatMessageContent, ChatUiState } from "../validation/types.ts";
import { incidentNotFound } from "./incidents.ts";
import { decodeCursor, pageSize, toPage, type Page } from "./pagination.ts";
import {
  membershipMissing,
  organizationMissing,
  runOne,
  runQuery,
  type Queryable,
} from "./run.ts";

export type ChatSession = Omit<IGetSessionResult, "uiState"> & {
  uiState: ChatUiState;
};
export type ChatMessage = Omit<IInsertMessageResult, "content"> & {
  content: ChatMessageContent;
};

const SESSIONS_LIST = "chat sessions";
const MESSAGES_LIST = "chat messages";

export interface CreateChatSessionInput {
  title?: string | null;
  /** active by default. */
  status?: ChatSessionStatus | null;
  uiState?: ChatUiState | null;
  /** Incident the conversation is about. */
  incidentId?: string | null;
}

const parseCreateSession = compileValidator<CreateChatSessionInput>(
  "chat session",
  inputObject({
    title: optionalText(TEXT_LIMITS.title),
    status: enumField(CHAT_SESSION_STATUSES, true),
    uiState: { anyOf: [{ type: "null" }, chatUiStateSchema] },
    incidentId: OPTIONAL_UUID,
  }),
);

/** Starts a chat session of the user in context. */
export async function createChatSession(
  tx: Queryable,
  input: CreateChatSessionInput = {},
): Promise<ChatSession> {
  const session = parseCreateSession(input);
  const missing = {
    ...organizationMissing("chat_sessions"),
    ...membershipMissing("chat_sessions"),
    chat_sessions_org_id_incident_id_fkey: incidentNotFound(
      session.incidentId ?? "",
    ),
  };
  const [row] = await runQuery(
    tx,
    insertSession,
    {
      title: session.title ?? null,
      status: session.status ?? null,
      uiState: session.uiState == null ? null : JSON.stringify(session.uiState),
      incidentId: session.incidentId ?? null,
    },
    missing,
  );
  return row as ChatSession;
}

const parseSessionId = compileValidator<string>("chat session id", UUID, "/id");

export async function getChatSession(
  tx: Queryable,
  id: string,
): Promise<ChatSession> {
  const sessionId = parseSessionId(id);
  const row = await runOne(
    tx,
    getSession,
    { id: sessionId },
    sessionNotFound(sessionId),
  );
  return row as ChatSession;
}

export interface ListChatSessionsInput {
  status?: ChatSessionStatus | ChatSessionStatus[] | null;
  after?: string | null;
  limit?: number | null;
}

const parseListSessions = compileValidator<ListChatSessionsInput>(
  "chat session list",
  inputObject({
    status: oneOrMany(CHAT_SESSION_STATUSES),
    after: CURSOR,
    limit: PAGE_SIZE,
  }),
);

/** Lists the user's sessions, newest first. */
export async function listChatSessions(
  tx: Queryable,
  input: ListChatSessionsInput = {},
): Promise<Page<ChatSession>> {
  const { status, after, limit } = parseListSessions(input);
  const position = decodeCursor(SESSIONS_LIST, after, "uuid");
  const size = pageSize(limit);
  const rows = await runQuery(tx, listSessionsQuery, {
    statuses: status == null ? null : Array.isArray(status) ? status : [status],
    afterTime: position?.time ?? null,
    afterId: position?.id ?? null,
    limit: size + 1,
  });
  return toPage(SESSIONS_LIST, rows, size) as Page<ChatSession>;
}

export interface UpdateChatSessionStatusInput {
  id: string;
  status: ChatSessionStatus;
}

const parseUpdateStatus = compileValidator<UpdateChatSessionStatusInput>(
  "chat session status change",
  inputObject({ id: UUID, status: enumField(CHAT_SESSION_STATUSES) }, [
    "id",
    "status",
  ]),
);

export async function updateChatSessionStatus(
  tx: Queryable,
  input: UpdateChatSessionStatusInput,
): Promise<ChatSession> {
  const { id, status } = parseUpdateStatus(input);
  const row = await runOne(
    tx,
    updateSessionStatus,
    { id, status },
    sessionNotFound(id),
  );
  return row as ChatSession;
}

export interface UpdateChatSessionUiStateInput {
  id: string;
  uiState: ChatUiState;
}

const parseUpdateUiState = compileValidator<UpdateChatSessionUiStateInput>(
  "chat UI state change",
  inputObject({ id: UUID, uiState: chatUiStateSchema }, ["id", "uiState"]),
);

/** Replaces the UI state of a session. */
export async function updateChatSessionUiState(
  tx: Queryable,
  input: UpdateChatSessionUiStateInput,
): Promise<ChatSession> {
  const { id, uiState } = parseUpdateUiState(input);
  const row = await runOne(
    tx,
    updateSessionUiState,
    { id, uiState: JSON.stringify(uiState) },
    sessionNotFound(id),
  );
  return row as ChatSession;
}

export interface AppendChatMessageInput {
  sessionId: string;
  role: ChatMessageRole;
  content: ChatMessageContent;
}

const parseAppendMessage = compileValidator<AppendChatMessageInput>(
  "chat message",
  inputObject(
    {
      sessionId: UUID,
      role: enumField(CHAT_MESSAGE_ROLES),
      content: chatMessageContentSchema,
    },
    ["sessionId", "role", "content"],
  ),
);

/** Appends a message to a session of the user in context. */
export async function appendChatMessage(
  tx: Queryable,
  input: AppendChatMessageInput,
): Promise<ChatMessage> {
  const { sessionId, role, content } = parseAppendMessage(input);
  const [row] = await runQuery(
    tx,
    insertMessage,
    { sessionId, role, content: JSON.stringify(content) },
    {
      ...organizationMissing("chat_messages"),
      chat_messages_org_id_session_id_user_id_fkey: sessionNotFound(sessionId),
    },
  );
  return row as ChatMessage;
}

export interface ListChatMessagesInput {
  sessionId: string;
  after?: string | null;
  limit?: number | null;
}

const parseListMessages = compileValidator<ListChatMessagesInput>(
  "chat message list",
  inputObject({ sessionId: UUID, after: CURSOR, limit: PAGE_SIZE }, [
    "sessionId",
  ]),
);

/** Lists the messages of a session, oldest first. */
export async function listChatMessages(
  tx: Queryable,
  input: ListChatMessagesInput,
): Promise<Page<ChatMessage>> {
  const { sessionId, after, limit } = parseListMessages(input);
  const position = decodeCursor(MESSAGES_LIST, after, "bigint");
  const size = pageSize(limit);
  const rows = await runQuery(tx, listMessagesQuery, {
    sessionId,
    afterTime: position?.time ?? null,
    afterId: position?.id ?? null,
    limit: size + 1,
  });
  return toPage(MESSAGES_LIST, rows, size) as Page<ChatMessage>;
}

function sessionNotFound(id: string): string {
  return `Chat session ${id} not found for the user in context.`;
}
