/**
 * TypeScript types of the JSONB columns, matching the JSON Schemas in
 * jsonb.ts and integration-config.ts. The generated query types show these
 * columns as pgTyped's `Json`, and the services narrow them to these types,
 * having validated every value they write.
 *
 * The columns stay plain jsonb rather than domains over jsonb: PostgreSQL
 * describes a result column of a domain type by its base type's OID (checked
 * on PostgreSQL 15), so a pgTyped typesOverrides entry for a domain would
 * type query parameters but not results.
 */

/** Any JSON value. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/**
 * incident_alerts.details: why an alert was attached to an incident. Every
 * field is optional; correlators may add fields of their own.
 */
export interface CorrelationDetails {
  /** Score of each part of the correlation, from 0 to 1, by part name (such as topology, time, similarity). */
  scores?: { [part: string]: number };
  /** Weight of each part in the total score, from 0 to 1, by part name. */
  weights?: { [part: string]: number };
  /** Score the total had to reach to attach the alert, from 0 to 1. */
  threshold?: number;
  /** Service that the alert and the incident share. */
  matchedService?: string;
  /** Time between the alert and the incident, in seconds. */
  timeDeltaSeconds?: number;
  /** Reasons in words, for people reading the incident. */
  reasons?: string[];
  /** Note of the user who attached the alert by hand. */
  note?: string;
  [field: string]: JsonValue | undefined;
}

/** One part of a chat message. */
export type ChatMessagePart =
  | { type: "text"; text: string }
  | {
      type: "tool_call";
      /** Id that the matching tool_result part repeats. */
      toolCallId: string;
      toolName: string;
      arguments: JsonObject;
    }
  | {
      type: "tool_result";
      toolCallId: string;
      output: JsonValue;
      isError?: boolean;
    }
  | { type: "image"; url: string; alt?: string };

/** chat_messages.content: plain text, parts, or both. */
export interface ChatMessageContent {
  text?: string;
  parts?: ChatMessagePart[];
  /** Facts about how the message was produced, such as the model. */
  metadata?: JsonObject;
}

/** chat_sessions.ui_state: whatever the web app restores (panels, drafts, scroll position). */
export type ChatUiState = JsonObject;

/** user_preferences.value: any JSON value of bounded size. */
export type PreferenceValue = JsonValue;

/** user_tokens.metadata: non-secret facts about a credential. */
export interface TokenMetadata {
  /** Account, organization or tenant id at the provider. */
  accountId?: string;
  /** Name of the account the token belongs to, such as a GitHub login. */
  login?: string;
  /** Scopes or permissions the provider granted. */
  scopes?: string[];
  region?: string;
  [field: string]: JsonValue | undefined;
}

/** integrations.config: non-secret settings; the fields depend on the kind. */
export type IntegrationConfig = JsonObject;
