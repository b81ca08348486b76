/**
 * The tenant-aware pool: `createDb` and the types of its options, units of
 * work and subscriptions. `fromPgError` maps PostgreSQL errors for code that
 * talks to pg directly.
 */
export { createDb } from "./db.ts";
export type { Db, PoolStats, UnitOptions } from "./db.ts";
export type {
  DbOptions,
  ListenReconnectOptions,
  RetryOptions,
  RoleNames,
} from "./options.ts";
export type { Logger } from "./logger.ts";
export type { TenantContext } from "./tenant-context.ts";
export type {
  MaintenanceTransaction,
  TenantTransaction,
  Transaction,
} from "./transaction.ts";
export type { QueryResult } from "./pipelined-query.ts";
export type {
  ListenOptions,
  NotificationHandler,
  Unsubscribe,
} from "./listen.ts";
export { fromPgError } from "./sqlstate.ts";
export type { ErrorScope } from "./sqlstate.ts";
