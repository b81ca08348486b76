/**
 * The service layer: thin functions over the generated queries. Each takes
 * the transaction of a unit of work first (`tx` from `db.withTenant`) and
 * validates its input before any SQL. Errors are typed: ValidationError for
 * rejected input, NotFoundError when a row is missing, and ConflictError for
 * unique violations and forbidden state transitions.
 */
export * from "./identity.ts";
export * from "./incidents.ts";
export * from "./rca.ts";
export * from "./chat.ts";
export * from "./preferences.ts";
export * from "./tokens.ts";
export * from "./llm-usage.ts";
export * from "./integrations.ts";
export * from "./thought-listener.ts";
export type { Page } from "./pagination.ts";
export type { Queryable } from "./run.ts";
