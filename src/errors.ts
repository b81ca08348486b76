/**
 * Typed errors that callers of aurora-db can switch on by class or by `code`.
 * PostgreSQL errors are mapped to these in one place, `fromPgError`.
 */

export type AuroraErrorCode =
  | "validation"
  | "not_found"
  | "conflict"
  | "missing_tenant_context"
  | "pool_timeout"
  | "database"
  | "configuration"
  | "input";

export class AuroraError extends Error {
  readonly code: AuroraErrorCode;

  constructor(code: AuroraErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** One rejected value: where it sits (a JSON path such as `/alerts/3/labels`) and why. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/**
 * A value failed validation, either before it reached SQL or in PostgreSQL
 * (a type, range, not-null or check constraint). The rejected statement wrote nothing.
 */
export class ValidationError extends AuroraError {
  readonly issues: ValidationIssue[];

  constructor(
    message: string,
    issues: ValidationIssue[] = [],
    options?: ErrorOptions,
  ) {
    super("validation", message, options);
    this.issues = issues;
  }
}

/** The row does not exist, or row-level security hides it from this tenant. */
export class NotFoundError extends AuroraError {
  constructor(message: string, options?: ErrorOptions) {
    super("not_found", message, options);
  }
}

/** A unique or exclusion constraint, or a state transition rule (AU002), rejected the write. */
export class ConflictError extends AuroraError {
  readonly constraint: string | undefined;

  constructor(message: string, constraint?: string, options?: ErrorOptions) {
    super("conflict", message, options);
    this.constraint = constraint;
  }
}

/** Tenant-scoped work ran without an org (and, where required, a user) in context. */
export class MissingTenantContextError extends AuroraError {
  constructor(message: string, options?: ErrorOptions) {
    super("missing_tenant_context", message, options);
  }
}

/**
 * No connection became available within the configured wait, because all were
 * busy or a new one was slow to open.
 */
export class PoolTimeoutError extends AuroraError {
  readonly waitedMillis: number;

  constructor(message: string, waitedMillis: number, options?: ErrorOptions) {
    super("pool_timeout", message, options);
    this.waitedMillis = waitedMillis;
  }
}

/** A setting is missing or malformed; the message names it and the fix. */
export class ConfigurationError extends AuroraError {
  readonly setting: string | undefined;

  constructor(message: string, setting?: string) {
    super("configuration", message);
    this.setting = setting;
  }
}

/** An input file or body could not be read or parsed; nothing was written. */
export class InputError extends AuroraError {
  readonly file: string | undefined;

  constructor(message: string, file?: string) {
    super("input", message);
    this.file = file;
  }
}

/** Any other PostgreSQL error, with the server's own fields kept. */
export class DatabaseError extends AuroraError {
  /** The five-character SQLSTATE, for example `23503`. */
  readonly sqlState: string | undefined;
  readonly constraint: string | undefined;
  readonly detail: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;

  constructor(
    message: string,
    fields: {
      sqlState?: string;
      constraint?: string;
      detail?: string;
      table?: string;
      column?: string;
    },
    options?: ErrorOptions,
  ) {
    super("database", message, options);
    this.sqlState = fields.sqlState;
    this.constraint = fields.constraint;
    this.detail = fields.detail;
    this.table = fields.table;
    this.column = fields.column;
  }
}
