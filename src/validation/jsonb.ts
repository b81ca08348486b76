/**
 * JSON Schemas (2020-12) of the JSONB columns that services write, and one
 * compiled validator per column. The schemas are plain objects, so the input
 * schemas of the services can embed them. The validators are for callers
 * that check a document on its own.
 *
 * Every document is bounded in size and nesting (`storableJson`), which also
 * rejects what jsonb cannot store: U+0000 and unpaired surrogates in strings
 * and keys, NaN, Infinity and values that are not JSON.
 */
import { compileValidator } from "./ajv.ts";
import { TEXT_LIMITS, URL, text } from "./fields.ts";
import type {
  ChatMessageContent,
  ChatUiState,
  CorrelationDetails,
  PreferenceValue,
  TokenMetadata,
} from "./types.ts";

/** Size and nesting limits of each JSONB column. */
export const JSON_LIMITS = {
  correlationDetails: { maxBytes: 16_384, maxDepth: 8 },
  chatMessageContent: { maxBytes: 1_048_576, maxDepth: 32 },
  chatUiState: { maxBytes: 65_536, maxDepth: 16 },
  preferenceValue: { maxBytes: 65_536, maxDepth: 16 },
  tokenMetadata: { maxBytes: 16_384, maxDepth: 8 },
  integrationConfig: { maxBytes: 65_536, maxDepth: 8 },
} as const;

const FRACTION = { type: "number", minimum: 0, maximum: 1 };

const FRACTIONS_BY_NAME = {
  type: "object",
  maxProperties: 50,
  propertyNames: { maxLength: 100 },
  additionalProperties: FRACTION,
};

/** incident_alerts.details. */
export const correlationDetailsSchema = {
  type: "object",
  properties: {
    scores: FRACTIONS_BY_NAME,
    weights: FRACTIONS_BY_NAME,
    threshold: FRACTION,
    matchedService: text(TEXT_LIMITS.name),
    timeDeltaSeconds: { type: "number", minimum: 0 },
    reasons: {
      type: "array",
      maxItems: 50,
      items: text(TEXT_LIMITS.title),
    },
    note: text(TEXT_LIMITS.description),
  },
  storableJson: JSON_LIMITS.correlationDetails,
};

const JSON_OBJECT = { type: "object" };

const TEXT_PART = {
  properties: {
    type: { const: "text" },
    text: text(TEXT_LIMITS.messageText, 0),
  },
  required: ["type", "text"],
  additionalProperties: false,
};

const TOOL_CALL_PART = {
  properties: {
    type: { const: "tool_call" },
    toolCallId: text(TEXT_LIMITS.label),
    toolName: text(TEXT_LIMITS.label),
    arguments: JSON_OBJECT,
  },
  required: ["type", "toolCallId", "toolName", "arguments"],
  additionalProperties: false,
};

const TOOL_RESULT_PART = {
  properties: {
    type: { const: "tool_result" },
    toolCallId: text(TEXT_LIMITS.label),
    output: {},
    isError: { type: "boolean" },
  },
  required: ["type", "toolCallId", "output"],
  additionalProperties: false,
};

const IMAGE_PART = {
  properties: {
    type: { const: "image" },
    url: URL,
    alt: text(TEXT_LIMITS.title, 0),
  },
  required: ["type", "url"],
  additionalProperties: false,
};

/** Applies the schema of a part by its `type`, so errors name only that shape. */
function partBranch(type: string, schema: object): object {
  return {
    if: { properties: { type: { const: type } }, required: ["type"] },
    then: schema,
  };
}

const MESSAGE_PART = {
  type: "object",
  properties: {
    type: {
      type: "string",
      enum: ["text", "tool_call", "tool_result", "image"],
    },
  },
  required: ["type"],
  allOf: [
    partBranch("text", TEXT_PART),
    partBranch("tool_call", TOOL_CALL_PART),
    partBranch("tool_result", TOOL_RESULT_PART),
    partBranch("image", IMAGE_PART),
  ],
};

/** chat_messages.content: `text`, `parts`, or both, and optional `metadata`. */
export const chatMessageContentSchema = {
  type: "object",
  properties: {
    text: text(TEXT_LIMITS.messageText, 0),
    parts: { type: "array", minItems: 1, maxItems: 1000, items: MESSAGE_PART },
    metadata: JSON_OBJECT,
  },
  additionalProperties: false,
  anyOf: [{ required: ["text"] }, { required: ["parts"] }],
  storableJson: JSON_LIMITS.chatMessageContent,
};

/** chat_sessions.ui_state: any object of bounded size. */
export const chatUiStateSchema = {
  type: "object",
  storableJson: JSON_LIMITS.chatUiState,
};

/** user_preferences.value: any JSON value of bounded size. */
export const preferenceValueSchema = {
  storableJson: JSON_LIMITS.preferenceValue,
};

/** user_tokens.metadata: an object without secret fields. */
export const tokenMetadataSchema = {
  type: "object",
  properties: {
    accountId: text(TEXT_LIMITS.label),
    login: text(TEXT_LIMITS.label),
    scopes: { type: "array", maxItems: 200, items: text(TEXT_LIMITS.label) },
    region: text(TEXT_LIMITS.label),
  },
  secretFree: true,
  storableJson: JSON_LIMITS.tokenMetadata,
};

export const validateCorrelationDetails = compileValidator<CorrelationDetails>(
  "correlation details",
  correlationDetailsSchema,
);
export const validateChatMessageContent = compileValidator<ChatMessageContent>(
  "chat message content",
  chatMessageContentSchema,
);
export const validateChatUiState = compileValidator<ChatUiState>(
  "chat UI state",
  chatUiStateSchema,
);
export const validatePreferenceValue = compileValidator<PreferenceValue>(
  "preference value",
  preferenceValueSchema,
);
export const validateTokenMetadata = compileValidator<TokenMetadata>(
  "token metadata",
  tokenMetadataSchema,
);
