/**
 * aurora-db's library entry point: the tenant pool, the services per domain,
 * JSON Schema validation, ingest and Kubernetes sync, and the typed errors.
 * Services take the `tx` of `db.withTenant(...)` as their first argument.
 */
export * from "./errors.ts";
export * from "./pool/index.ts";
export * from "./services/index.ts";
export * as validation from "./validation/index.ts";
export { parseAlerts, INGEST_SOURCES } from "./ingest/index.ts";
export type {
  IngestSource,
  MonitoringSource,
  NormalizedAlert,
} from "./ingest/index.ts";
export { ingestBodies } from "./ingest/ingest.ts";
export { parseKubernetesInventory } from "./k8s/index.ts";
export { syncCluster } from "./k8s/sync.ts";
export { mergeIncidents } from "./correlation/merge.ts";
export {
  DEFAULT_CORRELATION_SETTINGS,
  resolveCorrelationSettings,
} from "./correlation/settings.ts";
export type { CorrelationSettings } from "./correlation/settings.ts";
export { resolveSettings } from "./config/settings.ts";
export type { ConfiguredSettings, RoleNames } from "./config/settings.ts";
export { resolveServer } from "./server/index.ts";
export { auditDatabase } from "./audit/index.ts";
