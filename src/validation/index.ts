/**
 * Validation of everything services write: JSON Schemas of the JSONB
 * columns, envelopes of stored alert payloads, and the shared checks of
 * service inputs. Every failure is a ValidationError whose issues carry the
 * JSON Pointer of the rejected value.
 */
export {
  ajv,
  collectIssues,
  compileValidator,
  issuesFromErrors,
  throwIfIssues,
} from "./ajv.ts";
export * from "./enums.ts";
export { PAGE_LIMITS, TEXT_LIMITS } from "./fields.ts";
export {
  JSON_LIMITS,
  chatMessageContentSchema,
  chatUiStateSchema,
  correlationDetailsSchema,
  preferenceValueSchema,
  tokenMetadataSchema,
  validateChatMessageContent,
  validateChatUiState,
  validateCorrelationDetails,
  validatePreferenceValue,
  validateTokenMetadata,
} from "./jsonb.ts";
export {
  integrationConfigIssues,
  integrationConfigSchemas,
  validateIntegrationConfig,
} from "./integration-config.ts";
export {
  alertPayloadIssues,
  alertPayloadSchemas,
  validateAlertPayload,
} from "./alert-payloads.ts";
export { isSecretKey, normalizeKey, secretKeyPath } from "./secret-keys.ts";
export {
  jsonValueIssues,
  unstorableTextReason,
  type JsonLimits,
} from "./storable.ts";
export type * from "./types.ts";
