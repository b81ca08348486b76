/**
 * The structured logger that the pool reports through. The pool logs nothing
 * unless one is given. Each method takes the message first and then the
 * fields, so a logger that expects another order needs a small adapter.
 */
export interface Logger {
  debug?(message: string, fields: Record<string, unknown>): void;
  info?(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}

export type LogLevel = "debug" | "info" | "warn" | "error";

/** Sends one entry to the injected logger, if there is one. */
export type Log = (
  level: LogLevel,
  message: string,
  fields?: Record<string, unknown>,
) => void;

/**
 * Wraps the injected logger so that a throwing logger never breaks a unit of
 * work or turns a handled connection error into an uncaught one.
 */
export function createLog(logger: Logger | undefined): Log {
  if (!logger) {
    return () => {};
  }
  return (level, message, fields = {}) => {
    try {
      logger[level]?.(message, fields);
    } catch {
      // A broken logger must not take the pool down with it.
    }
  };
}
