import { ConfigurationError } from "../errors.ts";
import type { Logger } from "./logger.ts";

/** Role names that each unit of work switches to with `set_config('role', …, true)`. */
export interface RoleNames {
  /** Role for `withTenant`: no BYPASSRLS, not an owner. Default `aurora_app`. */
  app?: string;
  /** Role for `withMaintenance`: has BYPASSRLS. Default `aurora_maintenance`. */
  maintenance?: string;
}

/** Retry of a whole unit of work after a serialization failure or a deadlock. */
export interface RetryOptions {
  /**
   * Maximum number of runs of the unit of work, the first run included.
   * `1` disables retry. Default when `retry` is given: 3.
   */
  attempts?: number;
  /**
   * Delay before the first retry, in milliseconds. Each later retry doubles it,
   * and every delay is randomized between half and all of its value so that
   * conflicting units do not retry in lockstep. Default 20.
   */
  baseDelayMillis?: number;
}

/** Reconnect backoff of the `listen` connection. */
export interface ListenReconnectOptions {
  /** Delay before the first reconnect attempt, in milliseconds. Default 100. */
  baseDelayMillis?: number;
  /** Upper bound of the doubling delay between attempts, in milliseconds. Default 10000. */
  maxDelayMillis?: number;
}

/** Options of `createDb`; all are optional. */
export interface DbOptions {
  /**
   * Connection string of the role that `withTenant` logs in as, for example
   * `postgres://aurora_app:secret@db:5432/aurora`. It may point at PgBouncer in
   * transaction pooling mode. The login role must be the app role or a member
   * of it. When omitted, pg reads the standard `PG*` environment variables.
   */
  url?: string;
  /**
   * Connection string that `withMaintenance` logs in with. The login role must
   * be the maintenance role or a member of it. The pool is opened on the first
   * `withMaintenance` call, which throws a ConfigurationError without this option.
   */
  maintenanceUrl?: string;
  /**
   * Connection string for `listen`. LISTEN is session state, so this must reach
   * PostgreSQL directly (or through PgBouncer in session mode), never through
   * PgBouncer in transaction mode. Default: `url`.
   */
  listenUrl?: string;
  /** Role names, see {@link RoleNames}. */
  roles?: RoleNames;
  /** Maximum number of connections in each pool (app and maintenance). Default 10. */
  max?: number;
  /**
   * Maximum wait for a connection, either a pooled one to become free or a new
   * one to open, in milliseconds. Past it the unit fails with PoolTimeoutError.
   * Default 5000.
   */
  acquireTimeoutMillis?: number;
  /**
   * `statement_timeout` of every statement in a unit of work, in milliseconds,
   * set transaction-locally in the unit's first round trip so that it also works
   * behind PgBouncer. `0` disables the timeout. Default: the server's setting.
   */
  statementTimeoutMillis?: number;
  /**
   * `idle_in_transaction_session_timeout` while a unit of work keeps its
   * transaction open, in milliseconds, set transaction-locally like
   * `statementTimeoutMillis`. PostgreSQL closes a connection that stays idle
   * inside the transaction for longer. `0` disables it. Default: the server's setting.
   */
  idleInTransactionTimeoutMillis?: number;
  /** Retry on SQLSTATE 40001 and 40P01, off unless given. See {@link RetryOptions}. */
  retry?: RetryOptions;
  /** Structured logger. Without one the pool logs nothing. */
  logger?: Logger;
  /** Backoff of the `listen` connection, see {@link ListenReconnectOptions}. */
  listenReconnect?: ListenReconnectOptions;
}

export interface ResolvedRetry {
  attempts: number;
  baseDelayMillis: number;
}

export interface ResolvedOptions {
  url: string | undefined;
  maintenanceUrl: string | undefined;
  listenUrl: string | undefined;
  appRole: string;
  maintenanceRole: string;
  max: number;
  acquireTimeoutMillis: number;
  statementTimeoutMillis: number | undefined;
  idleInTransactionTimeoutMillis: number | undefined;
  retry: ResolvedRetry;
  logger: Logger | undefined;
  listenReconnect: Required<ListenReconnectOptions>;
}

const NO_RETRY: ResolvedRetry = { attempts: 1, baseDelayMillis: 0 };

/** PostgreSQL stores timeouts as a 32-bit count of milliseconds. */
const MAX_POSTGRES_MILLIS = 2_147_483_647;

/** Applies defaults and throws ConfigurationError naming the first invalid option. */
export function resolveOptions(options: DbOptions = {}): ResolvedOptions {
  return {
    url: optionalText(options.url, "url"),
    maintenanceUrl: optionalText(options.maintenanceUrl, "maintenanceUrl"),
    listenUrl: optionalText(options.listenUrl, "listenUrl"),
    appRole: roleName(options.roles?.app, "roles.app", "aurora_app"),
    maintenanceRole: roleName(
      options.roles?.maintenance,
      "roles.maintenance",
      "aurora_maintenance",
    ),
    max: integerInRange(options.max, "max", 10, 1, 10_000),
    acquireTimeoutMillis: integerInRange(
      options.acquireTimeoutMillis,
      "acquireTimeoutMillis",
      5000,
      1,
      MAX_POSTGRES_MILLIS,
    ),
    statementTimeoutMillis: optionalMillis(
      options.statementTimeoutMillis,
      "statementTimeoutMillis",
    ),
    idleInTransactionTimeoutMillis: optionalMillis(
      options.idleInTransactionTimeoutMillis,
      "idleInTransactionTimeoutMillis",
    ),
    retry: resolveRetry(options.retry),
    logger: resolveLogger(options.logger),
    listenReconnect: resolveListenReconnect(options.listenReconnect),
  };
}

function resolveRetry(retry: RetryOptions | undefined): ResolvedRetry {
  if (retry === undefined) {
    return NO_RETRY;
  }
  return {
    attempts: integerInRange(retry.attempts, "retry.attempts", 3, 1, 100),
    baseDelayMillis: integerInRange(
      retry.baseDelayMillis,
      "retry.baseDelayMillis",
      20,
      0,
      60_000,
    ),
  };
}

function resolveListenReconnect(
  reconnect: ListenReconnectOptions | undefined,
): Required<ListenReconnectOptions> {
  const baseDelayMillis = integerInRange(
    reconnect?.baseDelayMillis,
    "listenReconnect.baseDelayMillis",
    100,
    1,
    3_600_000,
  );
  const maxDelayMillis = integerInRange(
    reconnect?.maxDelayMillis,
    "listenReconnect.maxDelayMillis",
    10_000,
    baseDelayMillis,
    3_600_000,
  );
  return { baseDelayMillis, maxDelayMillis };
}

function resolveLogger(logger: Logger | undefined): Logger | undefined {
  if (logger === undefined) {
    return undefined;
  }
  if (
    typeof logger?.warn !== "function" ||
    typeof logger.error !== "function"
  ) {
    throw new ConfigurationError(
      "Invalid logger: it must have warn(message, fields) and error(message, fields) methods " +
        "(debug and info are optional).",
      "logger",
    );
  }
  return logger;
}

function optionalText(value: unknown, setting: string): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== "string" || value.trim() === "") {
    throw new ConfigurationError(
      `Invalid ${setting}: expected a non-empty connection string such as ` +
        `postgres://user:password@host:5432/database, got ${describeValue(value)}.`,
      setting,
    );
  }
  return value;
}

function roleName(value: unknown, setting: string, fallback: string): string {
  if (value === undefined) {
    return fallback;
  }
  // Role names reach SQL only as set_config parameters, so any non-empty name
  // of at most 63 bytes (PostgreSQL's identifier limit) is safe to pass on.
  if (
    typeof value !== "string" ||
    value === "" ||
    Buffer.byteLength(value) > 63
  ) {
    throw new ConfigurationError(
      `Invalid ${setting}: expected a role name of 1 to 63 bytes, got ${describeValue(value)}.`,
      setting,
    );
  }
  return value;
}

function optionalMillis(value: unknown, setting: string): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  return integerInRange(value, setting, 0, 0, MAX_POSTGRES_MILLIS);
}

function integerInRange(
  value: unknown,
  setting: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) {
    return fallback;
  }
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value < min ||
    value > max
  ) {
    throw new ConfigurationError(
      `Invalid ${setting}: expected an integer from ${min} to ${max}, got ${describeValue(value)}.`,
      setting,
    );
  }
  return value;
}

function describeValue(value: unknown): string {
  if (typeof value === "string") {
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  }
  if (value === null) {
    return "null";
  }
  if (Array.isArray(value)) {
    return "an array";
  }
  return typeof value === "object" ? "an object" : String(value);
}
