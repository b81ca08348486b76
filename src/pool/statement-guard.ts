/**
 * Rejects statements that would end the unit's transaction or leave state on
 * the session. Ending the transaction ends the transaction-local tenant
 * context while the unit still runs. Session state outlives the unit: it
 * stays on the connection for the next tenant's unit, and behind PgBouncer in
 * transaction mode the unit's next transaction may not even see it.
 *
 * The check reads the statement's first keyword, after leading comments.
 * NOTE: it does not catch session state created in other ways, which queries
 * must avoid: `set_config(name, value, false)`, `pg_advisory_lock`, temporary
 * tables without ON COMMIT DROP, and cursors declared WITH HOLD.
 */

const LEADING_COMMENTS = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;

/**
 * First keywords of rejected statements, as regular expressions.
 * `rollback to savepoint`, `set local`, `set constraints` and
 * `set transaction` are allowed because they stay inside the transaction.
 */
const REJECTED_KEYWORDS = [
  "begin",
  "start",
  "commit",
  "end",
  "abort",
  "rollback(?!\\s+(?:(?:work|transaction)\\s+)?to\\b)",
  "prepare",
  "deallocate",
  "set(?!\\s+(?:local|constraints|transaction)\\b)",
  "reset",
  "discard",
  "listen",
  "unlisten",
  "load",
];

const SESSION_OR_TRANSACTION_CONTROL = new RegExp(
  `^(${REJECTED_KEYWORDS.join("|")})\\b`,
  "i",
);

/** Returns the rejected keyword in upper case, or undefined when the statement is allowed. */
export function findSessionStatement(text: string): string | undefined {
  const statement = text.replace(LEADING_COMMENTS, "");
  const match = SESSION_OR_TRANSACTION_CONTROL.exec(statement);
  return match ? match[1]!.toUpperCase() : undefined;
}
