/**
 * The one place where PostgreSQL errors become the typed errors of
 * `src/errors.ts`. Every mapped error keeps the original error as `cause`.
 *
 * - 23505 unique_violation, 23P01 exclusion_violation: ConflictError. The
 *   `detail` is removed, from the cause too, because it prints the key.
 * - AU002 invalid state transition: ConflictError.
 * - 23503 foreign_key_violation: DatabaseError with `constraint` and `table`.
 * - 22P02, 22007, 22008, 22003, 22001 (values PostgreSQL cannot convert or
 *   store), and AU003 secret field: ValidationError.
 * - 23514 check_violation, 23502 not_null_violation: ValidationError naming
 *   the constraint or column. The `detail` is removed because it prints the row.
 * - AU001 missing tenant context: MissingTenantContextError.
 * - 42501 insufficient_privilege, which row-level security violations also
 *   raise: MissingTenantContextError when the error has no tenant scope,
 *   DatabaseError otherwise.
 * - AU004 not found: NotFoundError.
 * - 57014 query_canceled (statement timeout, cancel request): DatabaseError.
 * - 40001 serialization_failure, 40P01 deadlock_detected: DatabaseError,
 *   which the retry option retries.
 * - 25P02 in_failed_sql_transaction: DatabaseError naming the cause.
 * - 57P01, 57P02, 57P03, 57P05, 25P03 and class 08 except 08P01 (the server
 *   closed the connection): DatabaseError saying the connection was lost.
 * - Any other SQLSTATE: DatabaseError with the server's message and fields.
 *
 * Foreign key violations are DatabaseErrors, not ValidationErrors, because one
 * SQLSTATE covers two different faults (a write that points at a missing row,
 * and a delete of a row that others still reference). The caller can tell them
 * apart by `constraint`, which a ValidationError would not carry.
 *
 * Node errors such as ECONNREFUSED and pg's "Connection terminated" errors
 * become a DatabaseError saying the connection was lost.
 */
import pg from "pg";

import {
  AuroraError,
  ConflictError,
  DatabaseError,
  MissingTenantContextError,
  NotFoundError,
  ValidationError,
} from "../errors.ts";

type PgServerError = InstanceType<typeof pg.DatabaseError>;

/** Origin of an error: the kind of unit of work and its context, which messages name. */
export type ErrorScope =
  | {
      kind: "tenant";
      orgId: string;
      userId: string | null;
      /** The statement timeout in force, in milliseconds, if one was set. */
      statementTimeoutMillis?: number | undefined;
    }
  | { kind: "maintenance"; statementTimeoutMillis?: number | undefined };

type ServerErrorMapper = (error: PgServerError, scope?: ErrorScope) => Error;

const SERVER_ERROR_MAPPERS: Record<string, ServerErrorMapper> = {
  "23505": uniqueViolation,
  "23P01": exclusionViolation,
  AU002: (error) =>
    new ConflictError(error.message, error.constraint, { cause: error }),
  "23503": foreignKeyViolation,
  "22P02": invalidValue,
  "22007": invalidValue,
  "22008": invalidValue,
  "22003": invalidValue,
  "22001": invalidValue,
  "23514": checkViolation,
  "23502": notNullViolation,
  AU003: invalidValue,
  AU001: missingTenantContext,
  "42501": insufficientPrivilege,
  AU004: (error) => new NotFoundError(error.message, { cause: error }),
  "57014": queryCanceled,
  "40001": transactionConflict,
  "40P01": transactionConflict,
  "25P02": inFailedTransaction,
};

/**
 * SQLSTATEs that come with the server closing the connection: shutdown,
 * crash, idle timeouts, and the connection exception class (class 08).
 * 08P01 is left out because it is an ordinary protocol error on a live connection.
 */
const CONNECTION_CLOSED_SQLSTATES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "57P05",
  "25P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

/** Node socket errors that mean the server could not be reached or went away. */
const SOCKET_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * Messages of the plain Errors that pg raises when a socket closes or cannot
 * open (pg 8.x: "Connection terminated", "Connection terminated unexpectedly",
 * "Connection terminated due to connection timeout", "Client has encountered a
 * connection error and is not queryable", "timeout expired").
 */
const PG_CONNECTION_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|timeout expired$)/;

/**
 * Maps an error thrown by pg to the matching typed error. Errors that are
 * already typed, and errors that do not come from PostgreSQL or the
 * connection, are returned unchanged.
 */
export function fromPgError(error: unknown, scope?: ErrorScope): Error {
  if (error instanceof AuroraError) {
    return error;
  }
  if (error instanceof pg.DatabaseError) {
    return fromServerError(error, scope);
  }
  if (isConnectionError(error)) {
    return connectionLost(error);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Maps an error of the statements that open a unit of work (BEGIN, and the
 * switch to `role` with the tenant settings). A server error there is a
 * deployment problem, most often a login role that is not a member of `role`.
 */
export function fromSetupError(error: unknown, role: string): Error {
  if (!(error instanceof pg.DatabaseError)) {
    return fromPgError(error);
  }
  if (CONNECTION_CLOSED_SQLSTATES.has(error.code ?? "")) {
    return connectionLost(error);
  }
  return databaseError(
    `Could not open the unit of work as role "${role}": ${error.message}. ` +
      `The login role of the connection string must be "${role}" or a member of it. ` +
      "Check the url and roles options.",
    error,
  );
}

/** Returns whether the error means that the connection is gone and must not be reused. */
export function isConnectionError(error: unknown): error is Error {
  if (error instanceof DatabaseError) {
    return error.sqlState === undefined
      ? error.cause !== undefined && isConnectionError(error.cause)
      : CONNECTION_CLOSED_SQLSTATES.has(error.sqlState);
  }
  if (error instanceof pg.DatabaseError) {
    return CONNECTION_CLOSED_SQLSTATES.has(error.code ?? "");
  }
  if (!(error instanceof Error)) {
    return false;
  }
  const code = (error as NodeJS.ErrnoException).code;
  return (
    (code !== undefined && SOCKET_ERROR_CODES.has(code)) ||
    PG_CONNECTION_MESSAGE.test(error.message)
  );
}

/** Returns whether the error, or one of its causes, is a serialization failure or a deadlock. */
export function isTransactionConflict(error: unknown): boolean {
  for (let current = error, depth = 0; depth < 5; depth++) {
    if (current instanceof DatabaseError) {
      if (current.sqlState === "40001" || current.sqlState === "40P01") {
        return true;
      }
    } else if (current instanceof pg.DatabaseError) {
      return current.code === "40001" || current.code === "40P01";
    }
    if (!(current instanceof Error) || current.cause === undefined) {
      return false;
    }
    current = current.cause;
  }
  return false;
}

function fromServerError(error: PgServerError, scope?: ErrorScope): Error {
  const code = error.code ?? "";
  const mapper = SERVER_ERROR_MAPPERS[code];
  if (mapper) {
    return mapper(error, scope);
  }
  if (CONNECTION_CLOSED_SQLSTATES.has(code)) {
    return connectionLost(error);
  }
  return databaseError(error.message, error);
}

function uniqueViolation(error: PgServerError): Error {
  // PostgreSQL's detail for 23505 prints the conflicting key. On a global
  // table that key can belong to another tenant's row, so the detail is
  // dropped from the cause as well as from the message.
  removeDetail(error);
  return new ConflictError(
    `${constraintPhrase("Unique constraint", error)} rejected the write: ` +
      "a row with the same key already exists. " +
      "Change the conflicting value, or update the existing row instead.",
    error.constraint,
    { cause: error },
  );
}

function exclusionViolation(error: PgServerError): Error {
  // The detail of 23P01 shows the key of the existing row it conflicts with.
  removeDetail(error);
  return new ConflictError(
    `${constraintPhrase("Exclusion constraint", error)} rejected the write: ` +
      "it conflicts with an existing row.",
    error.constraint,
    { cause: error },
  );
}

function foreignKeyViolation(error: PgServerError): Error {
  // The detail is in English unless lc_messages selects another language, so
  // an unknown wording gets the reason that covers both cases.
  const detail = error.detail ?? "";
  let reason =
    "a row it refers to does not exist in this organization, or other rows " +
    "still reference the row being deleted";
  if (detail.includes("still referenced")) {
    reason =
      "other rows still reference the row being changed or deleted, " +
      "so delete or repoint those rows first";
  } else if (detail.includes("is not present")) {
    reason =
      "the row it refers to does not exist in this organization, " +
      "so check the ids that the write refers to";
  }
  return databaseError(`${error.message}: ${reason}.`, error);
}

function invalidValue(error: PgServerError): Error {
  const column = error.column ? ` in column "${error.column}"` : "";
  return new ValidationError(
    `Invalid value${column}: ${error.message}.`,
    [{ path: issuePath(error), message: error.message }],
    { cause: error },
  );
}

function checkViolation(error: PgServerError): Error {
  // The detail of 23514 prints the whole rejected row, which may contain secrets
  // that the constraint exists to keep out.
  removeDetail(error);
  const message =
    `${constraintPhrase("Check constraint", error)} rejected the row. ` +
    "Correct the value that the constraint checks.";
  return new ValidationError(
    message,
    [{ path: issuePath(error), message: error.message }],
    { cause: error },
  );
}

function notNullViolation(error: PgServerError): Error {
  // Like 23514, the detail of 23502 prints the whole rejected row.
  removeDetail(error);
  const column = error.column ? `Column "${error.column}"` : "A column";
  const table = error.table ? ` of table "${error.table}"` : "";
  return new ValidationError(
    `${column}${table} must not be null. Supply a value for it.`,
    [{ path: issuePath(error), message: "must not be null" }],
    { cause: error },
  );
}

function missingTenantContext(error: PgServerError): Error {
  return new MissingTenantContextError(
    `${error.message}. Run the statement inside withTenant({ orgId, userId }).`,
    { cause: error },
  );
}

function insufficientPrivilege(
  error: PgServerError,
  scope?: ErrorScope,
): Error {
  const isPolicy = error.message.includes("row-level security");
  if (scope === undefined) {
    return new MissingTenantContextError(
      `${error.message}: no tenant context was set. ` +
        "Run the statement inside withTenant({ orgId, userId }).",
      { cause: error },
    );
  }
  if (!isPolicy) {
    return databaseError(
      `${error.message}: the role of this unit of work lacks the privilege. ` +
        "Grant it in a migration, or use withMaintenance for cross-tenant jobs.",
      error,
    );
  }
  return databaseError(`${error.message}: ${policyHint(scope)}`, error);
}

function policyHint(scope: ErrorScope): string {
  if (scope.kind === "maintenance") {
    return "the maintenance role needs BYPASSRLS.";
  }
  const userHint =
    scope.userId === null
      ? " Tables private to a user also need userId in withTenant."
      : ` Rows private to a user must also carry user_id ${scope.userId}.`;
  return `the row's org_id must be the org in context (${scope.orgId}).${userHint}`;
}

function queryCanceled(error: PgServerError, scope?: ErrorScope): Error {
  const limit =
    scope?.statementTimeoutMillis === undefined
      ? ""
      : ` (statementTimeoutMillis is ${scope.statementTimeoutMillis} ms)`;
  return databaseError(
    `The statement was canceled: ${error.message}${limit}. ` +
      "Make the query cheaper (check its plan and indexes) or raise the timeout.",
    error,
  );
}

function transactionConflict(error: PgServerError): Error {
  return databaseError(
    `${error.message}: the transaction conflicted with a concurrent one. ` +
      "Run the unit of work again, or set the retry option to let the pool do it.",
    error,
  );
}

function inFailedTransaction(error: PgServerError): Error {
  return databaseError(
    `${error.message}: an earlier statement of this unit of work failed. ` +
      "Let the first error propagate, or wrap the statement that may fail in a savepoint.",
    error,
  );
}

function connectionLost(error: Error): DatabaseError {
  const pgCode =
    error instanceof pg.DatabaseError
      ? error.code
      : (error as NodeJS.ErrnoException).code;
  const reason = pgCode ? `${error.message} (${pgCode})` : error.message;
  return new DatabaseError(
    `The database connection was lost: ${reason}. ` +
      "PostgreSQL rolled back any transaction still open on it. " +
      "Check that the server is reachable, then run the unit of work again.",
    { sqlState: error instanceof pg.DatabaseError ? error.code : undefined },
    { cause: error },
  );
}

function databaseError(message: string, error: PgServerError): DatabaseError {
  return new DatabaseError(
    message,
    {
      sqlState: error.code,
      constraint: error.constraint,
      detail: error.detail,
      table: error.table,
      column: error.column,
    },
    { cause: error },
  );
}

function constraintPhrase(kind: string, error: PgServerError): string {
  const name = error.constraint ? ` "${error.constraint}"` : "";
  const table = error.table ? ` on table "${error.table}"` : "";
  return `${kind}${name}${table}`;
}

/** Returns the column as a JSON path of the written row, or '' when PostgreSQL did not name it. */
function issuePath(error: PgServerError): string {
  return error.column ? `/${error.column}` : "";
}

function removeDetail(error: PgServerError): void {
  error.detail = undefined;
}
