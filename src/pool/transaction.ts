/**
 * The `tx` object that a unit of work receives. Its `query` matches pgTyped's
 * connection interface, so generated functions run as `query.run(params, tx)`.
 *
 * The first query of the unit carries BEGIN and the prelude (role, tenant
 * context, timeouts) in its round trip. When the previous unit on the
 * connection deferred its COMMIT (deferred-commit.ts), that COMMIT goes
 * first in the same round trip. Until the unit is known to have written,
 * each query also carries a write check. At the end the unit can
 * then tell, without another round trip, whether COMMIT may finish after the
 * caller has its result.
 */
import type { PoolClient } from "pg";

import {
  fromPgError,
  fromSetupError,
  isConnectionError,
  type ErrorScope,
} from "./sqlstate.ts";
import {
  PipelinedQuery,
  type PipelinedStatement,
  type QueryResult,
} from "./pipelined-query.ts";
import {
  BEGIN_STATEMENT,
  COMMIT_STATEMENT,
  WRITE_CHECK_STATEMENT,
} from "./prelude.ts";
import {
  markPendingCommit,
  takePendingCommit,
  type PendingCommit,
} from "./deferred-commit.ts";
import type { Log } from "./logger.ts";
import { findSessionStatement } from "./statement-guard.ts";

/** Matches NOTIFY statements and pg_notify calls, and harmlessly any other mention. */
const NOTIFY_MENTION = /notify/i;

/**
 * Query interface of a unit of work's transaction.
 * NOTE: pgTyped's optional `stream` (a server-side cursor) is not offered, so
 * generated `query.stream(params, tx)` calls fail. Read large results in pages.
 */
export interface Transaction {
  /**
   * Runs one statement with `$1`-style parameters inside the unit's
   * transaction. Errors are mapped to the typed errors of `src/errors.ts`.
   * Statements that would end the transaction or change the session
   * (BEGIN, COMMIT, ROLLBACK without TO, SET without LOCAL, RESET, DISCARD,
   * LISTEN, PREPARE) are rejected before they are sent.
   */
  query<Row = Record<string, any>>(
    text: string,
    values?: readonly unknown[],
  ): Promise<QueryResult<Row>>;
}

/** The transaction of a `withTenant` unit of work. */
export interface TenantTransaction extends Transaction {
  /** The org in context, lowercased. */
  readonly orgId: string;
  /** The user in context, lowercased, or null when the unit has none. */
  readonly userId: string | null;
}

/** The transaction of a `withMaintenance` unit of work: no tenant context, BYPASSRLS. */
export type MaintenanceTransaction = Transaction;

/**
 * Writes of the unit so far. `none` is proven by write checks, and `wrote` by
 * a check that found a transaction id. `unknown` means that a check could not
 * run after a statement that succeeded, or that a statement sent a
 * notification, which only COMMIT delivers.
 */
export type WriteState = "none" | "wrote" | "unknown";

export interface UnitTransactionSettings {
  client: PoolClient;
  prelude: PipelinedStatement;
  role: string;
  scope: ErrorScope;
  /** Names the unit in error messages, such as `withTenant (org …)`. */
  label: string;
  log: Log;
}

export class UnitTransaction implements TenantTransaction {
  readonly orgId: string;
  readonly userId: string | null;
  /** Whether BEGIN has been sent. */
  begun = false;
  writeState: WriteState = "none";
  /** `transaction_isolation` as read by the prelude. */
  isolation: string | undefined;
  /** The first `error` event of the client during the unit: the connection is unusable. */
  connectionError: Error | undefined;
  /** Set when a statement ended the transaction behind the unit's back. */
  endedByStatement = false;

  private readonly settings: UnitTransactionSettings;
  private isOpen = true;
  private tail: Promise<unknown> = Promise.resolve();
  /** The previous unit's COMMIT, taken into the batch being sent. */
  private carriedCommit: PendingCommit | undefined;

  constructor(settings: UnitTransactionSettings) {
    this.settings = settings;
    this.orgId = settings.scope.kind === "tenant" ? settings.scope.orgId : "";
    this.userId =
      settings.scope.kind === "tenant" ? settings.scope.userId : null;
  }

  query = <Row = Record<string, any>>(
    text: string,
    values: readonly unknown[] = [],
  ): Promise<QueryResult<Row>> => {
    const rejection = this.checkQuery(text, values);
    if (rejection) {
      return Promise.reject(rejection);
    }
    // Queries of one unit run one after another, in call order, even when the
    // caller does not await each one.
    const run = () => this.runQuery(text, values);
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result as Promise<QueryResult<Row>>;
  };

  /** Rejects every later query; queries already called still run. */
  close(): void {
    this.isOpen = false;
  }

  /** Resolves when every query called so far has settled. */
  settled(): Promise<unknown> {
    return this.tail;
  }

  /** Whether COMMIT must finish before the caller gets the unit's result. */
  mustAwaitCommit(): boolean {
    // Under SERIALIZABLE even data read by a read-only transaction is valid
    // only once it commits (PostgreSQL manual, "Serializable Isolation Level").
    // REPEATABLE READ is awaited too, as the cautious choice.
    return this.writeState !== "none" || this.isolation !== "read committed";
  }

  private checkQuery(text: unknown, values: unknown): Error | undefined {
    if (!this.isOpen) {
      return new Error(
        `This transaction has ended: the ${this.settings.label} unit of work ` +
          "already committed or rolled back. Run queries only inside work(tx), " +
          "and await them before work returns.",
      );
    }
    if (typeof text !== "string") {
      return new TypeError(
        `tx.query expects SQL text as a string, got ${typeof text}.`,
      );
    }
    if (!Array.isArray(values)) {
      return new TypeError(
        `tx.query expects its parameter values as an array, got ${typeof values}.`,
      );
    }
    const keyword = findSessionStatement(text);
    if (keyword !== undefined) {
      return new Error(
        `tx.query rejected a ${keyword} statement: the unit of work begins and ends ` +
          "its transaction itself, and session-level state would outlive it. " +
          "Use SET LOCAL or set_config(name, value, true) for settings, and " +
          "SAVEPOINT with ROLLBACK TO for partial rollback.",
      );
    }
    return undefined;
  }

  private async runQuery(
    text: string,
    values: readonly unknown[],
  ): Promise<QueryResult> {
    if (this.connectionError) {
      throw fromPgError(this.connectionError, this.settings.scope);
    }
    if (this.endedByStatement) {
      throw transactionEndedError(this.settings.label);
    }
    const { client } = this.settings;
    const opensTransaction = !this.begun;
    const query = new PipelinedQuery(
      this.nextBatch({ kind: "query", text, values }),
      (oid) => client.getTypeParser(oid, "text"),
      () => client.getTransactionStatus(),
    );
    client.query(query);
    let result: QueryResult;
    try {
      result = await query.result;
    } catch (error) {
      this.settleCarriedCommit(query);
      if (opensTransaction && !query.wasSubmitted) {
        // Nothing reached the server, BEGIN included, so the next query must
        // open the transaction and set the context.
        this.begun = false;
      }
      if (query.failedKind === "commit" && !isConnectionError(error)) {
        return this.resendAfterFailedCommit(error, text, values);
      }
      this.recordOutcome(query);
      throw this.mapQueryError(error, query);
    }
    this.settleCarriedCommit(query);
    this.recordOutcome(query);
    if (this.writeState === "none" && NOTIFY_MENTION.test(text)) {
      // NOTIFY assigns no transaction id but is delivered only by COMMIT.
      this.writeState = "unknown";
    }
    if (query.transactionStatus === "I") {
      this.endedByStatement = true;
      throw transactionEndedError(this.settings.label);
    }
    return result;
  }

  private nextBatch(statement: PipelinedStatement): PipelinedStatement[] {
    const batch: PipelinedStatement[] = [];
    if (!this.begun) {
      // The previous unit's transaction must end before this one begins, so
      // that none of its transaction-local settings reach this unit.
      this.carriedCommit = takePendingCommit(this.settings.client);
      if (this.carriedCommit) {
        batch.push(COMMIT_STATEMENT);
      }
      batch.push(BEGIN_STATEMENT, this.settings.prelude);
      this.begun = true;
    }
    batch.push(statement);
    if (this.needsWriteCheck()) {
      batch.push(WRITE_CHECK_STATEMENT);
    }
    return batch;
  }

  /**
   * Settles the previous unit's COMMIT once the batch that carried it has
   * reached the server, or hands it back to the connection when the batch
   * was never written.
   */
  private settleCarriedCommit(query: PipelinedQuery): void {
    const carried = this.carriedCommit;
    this.carriedCommit = undefined;
    if (carried === undefined) {
      return;
    }
    if (query.wasSubmitted) {
      carried.settle();
    } else {
      markPendingCommit(this.settings.client, carried);
    }
  }

  /**
   * Runs the statement again after the previous unit's COMMIT failed. That
   * COMMIT ended the earlier transaction, which wrote nothing, and the server
   * skipped the rest of the batch, so this unit has not begun yet.
   * NOTE: no test reaches this path. Such a COMMIT fails only when it is
   * cancelled or interrupted without losing the connection.
   */
  private resendAfterFailedCommit(
    error: unknown,
    text: string,
    values: readonly unknown[],
  ): Promise<QueryResult> {
    this.settings.log(
      "error",
      "Deferred COMMIT of a unit that wrote nothing failed",
      { unit: this.settings.label, error },
    );
    this.begun = false;
    return this.runQuery(text, values);
  }

  /** Returns whether to add a write check, which helps only while COMMIT may still finish later. */
  private needsWriteCheck(): boolean {
    return (
      this.writeState === "none" &&
      (this.isolation === undefined || this.isolation === "read committed")
    );
  }

  private recordOutcome(query: PipelinedQuery): void {
    if (query.isolation !== undefined) {
      this.isolation = query.isolation;
    }
    if (query.hasTransactionId === true) {
      this.writeState = "wrote";
    } else if (query.failedKind === "write-check") {
      // The user's statement succeeded but nothing proves it wrote nothing.
      // A statement that failed itself is rolled back, by the failed
      // transaction or by ROLLBACK TO SAVEPOINT, so it needs no mark.
      this.writeState = "unknown";
    }
  }

  private mapQueryError(error: unknown, query: PipelinedQuery): unknown {
    if (this.connectionError && isConnectionError(error)) {
      // The client's own error event names the cause, for example an
      // idle-in-transaction timeout, where the query only saw a closed socket.
      return fromPgError(this.connectionError, this.settings.scope);
    }
    if (query.failedKind === "begin" || query.failedKind === "prelude") {
      return fromSetupError(error, this.settings.role);
    }
    return fromPgError(error, this.settings.scope);
  }
}

function transactionEndedError(label: string): Error {
  return new Error(
    `A statement ended the transaction of the ${label} unit of work, ` +
      "so its tenant context is gone. Statements must not commit or roll back; " +
      "the unit of work does that itself.",
  );
}
