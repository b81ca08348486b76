/**
 * The statements that open a unit of work. They travel in the same round trip
 * as the unit's first query (see pipelined-query.ts), so opening a transaction
 * and setting its context costs no extra wait.
 *
 * Every setting is transaction-local (`set_config(name, value, true)`), so it
 * ends with the transaction and nothing depends on session state. That is what
 * lets a unit run unchanged behind PgBouncer in transaction pooling mode, and
 * what keeps one tenant's context off the next unit that reuses the connection.
 */
import type { PipelinedStatement } from "./pipelined-query.ts";

/** The settings of one unit of work. */
export interface PreludeSettings {
  /** Role to switch to for the rest of the transaction. */
  role: string;
  /** Org id, or '' for none (maintenance work). */
  orgId: string;
  /** User id, or '' for none. */
  userId: string;
  /** `statement_timeout` in milliseconds; undefined keeps the server's setting. */
  statementTimeoutMillis: number | undefined;
  /**
   * `idle_in_transaction_session_timeout` in milliseconds; undefined keeps the
   * server's setting.
   */
  idleInTransactionTimeoutMillis: number | undefined;
}

/** The deferred COMMIT of the previous unit on the connection; see deferred-commit.ts. */
export const COMMIT_STATEMENT: PipelinedStatement = {
  kind: "commit",
  text: "commit",
  values: [],
};

export const BEGIN_STATEMENT: PipelinedStatement = {
  kind: "begin",
  text: "begin",
  values: [],
};

/**
 * Reports whether the transaction has been assigned a transaction id.
 * PostgreSQL assigns one before the first write of any kind (rows, row locks,
 * DDL), so `false` proves that the transaction has written nothing yet.
 */
export const WRITE_CHECK_STATEMENT: PipelinedStatement = {
  kind: "write-check",
  text: "select pg_current_xact_id_if_assigned() is not null",
  values: [],
};

const preludeTexts = new Map<string, string>();

/**
 * Builds the statement that switches role, sets the tenant context and the
 * timeouts, and reads the isolation level. Each user id is set, empty when
 * absent, so that a unit without a user never sees a user id set earlier on
 * the same session by anything else.
 */
export function buildPreludeStatement(
  settings: PreludeSettings,
): PipelinedStatement {
  const names = ["role", "aurora.org_id", "aurora.user_id"];
  const values = [settings.role, settings.orgId, settings.userId];
  if (settings.statementTimeoutMillis !== undefined) {
    names.push("statement_timeout");
    values.push(String(settings.statementTimeoutMillis));
  }
  if (settings.idleInTransactionTimeoutMillis !== undefined) {
    names.push("idle_in_transaction_session_timeout");
    values.push(String(settings.idleInTransactionTimeoutMillis));
  }
  return { kind: "prelude", text: preludeText(names), values };
}

/**
 * Returns the prelude's SQL for these setting names, built once per list.
 * The names are fixed in this file and never come from the caller, and only
 * the values are parameters.
 */
function preludeText(names: string[]): string {
  const key = names.join(",");
  let text = preludeTexts.get(key);
  if (text === undefined) {
    const calls = names.map(
      (name, index) => `set_config('${name}', $${index + 1}, true)`,
    );
    // The isolation level is read last, after the settings are applied. The
    // pool uses it to decide whether COMMIT must be awaited.
    text = `select ${calls.join(", ")}, current_setting('transaction_isolation')`;
    preludeTexts.set(key, text);
  }
  return text;
}
