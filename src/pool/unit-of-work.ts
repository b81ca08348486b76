/**
 * One unit of work: check out a client, run `work(tx)` in a transaction,
 * commit or roll back, and give the client back to the pool (or close it when
 * its connection broke).
 *
 * COMMIT is awaited before the caller gets its result whenever the outcome of
 * COMMIT could matter to the caller: the unit wrote, or its writes are not
 * known, or it ran under an isolation level other than READ COMMITTED. A unit
 * whose write checks all proved that it has no transaction id wrote nothing,
 * so PostgreSQL's COMMIT has nothing to make durable and nothing it could
 * reject: the caller gets its result at once, and the client goes back to the
 * pool with its COMMIT deferred to the next unit's first round trip (see
 * deferred-commit.ts).
 * Notifications are sent at COMMIT without needing a transaction id, so a
 * statement that mentions NOTIFY also makes the unit await COMMIT.
 * NOTE: a NOTIFY inside a function, called by a unit that writes nothing, is
 * not detected. Its delivery then waits for the deferred COMMIT, and a
 * failure of that COMMIT is only logged.
 */
import type { Pool, PoolClient } from "pg";

import { DatabaseError } from "../errors.ts";
import { acquireClient, type WaitingCounter } from "./acquire.ts";
import {
  deferCommit,
  dropPendingCommit,
  owesCommit,
} from "./deferred-commit.ts";
import type { Log } from "./logger.ts";
import type { PipelinedStatement } from "./pipelined-query.ts";
import { fromPgError, isConnectionError, type ErrorScope } from "./sqlstate.ts";
import { UnitTransaction } from "./transaction.ts";

export interface UnitSettings {
  pool: Pool;
  waiting: WaitingCounter;
  max: number;
  acquireTimeoutMillis: number;
  prelude: PipelinedStatement;
  role: string;
  scope: ErrorScope;
  /** Names the unit in messages and logs, such as `withTenant (org …)`. */
  label: string;
  log: Log;
}

export interface UnitOutcome<T> {
  value: T;
  /**
   * Resolves once the client is back in the pool (or closed) and its
   * transaction has ended or been handed to the next unit; never rejects.
   */
  released: Promise<void>;
}

const RELEASED: Promise<void> = Promise.resolve();

/** Runs `work` in one transaction; see the file comment for when COMMIT is awaited. */
export async function runUnitOfWork<T>(
  settings: UnitSettings,
  work: (tx: UnitTransaction) => Promise<T> | T,
): Promise<UnitOutcome<T>> {
  const client = await acquireClient(
    settings.pool,
    settings.max,
    settings.acquireTimeoutMillis,
    settings.waiting,
  );
  const unit = new UnitOfWork(client, settings);
  let value: T;
  try {
    value = await work(unit.transaction);
  } catch (error) {
    await unit.rollback();
    throw error;
  }
  return unit.commit(value);
}

class UnitOfWork {
  readonly transaction: UnitTransaction;
  private readonly client: PoolClient;
  private readonly settings: UnitSettings;
  private isReleased = false;
  private readonly onClientError = (error: Error) => {
    this.transaction.connectionError ??= error;
  };

  constructor(client: PoolClient, settings: UnitSettings) {
    this.client = client;
    this.settings = settings;
    this.transaction = new UnitTransaction({
      client,
      prelude: settings.prelude,
      role: settings.role,
      scope: settings.scope,
      label: settings.label,
      log: settings.log,
    });
    // pg-pool listens for errors only on idle clients. Without this listener,
    // a connection that breaks while checked out would crash the process.
    client.on("error", this.onClientError);
  }

  /** Rolls back after `work` threw. Does not throw, because the caller re-throws work's error. */
  async rollback(): Promise<void> {
    const tx = this.transaction;
    tx.close();
    await tx.settled();
    if (!tx.begun || tx.connectionError || tx.endedByStatement) {
      this.release();
      return;
    }
    try {
      await this.client.query("rollback");
      this.release();
    } catch (error) {
      // Closing the connection makes PostgreSQL roll the transaction back.
      this.release(error);
    }
  }

  async commit<T>(value: T): Promise<UnitOutcome<T>> {
    const tx = this.transaction;
    tx.close();
    await tx.settled();
    if (tx.endedByStatement) {
      this.release();
      throw new Error(
        `The ${this.settings.label} unit of work lost its transaction: a statement ` +
          "ended it before work returned, so the unit cannot vouch for what was committed.",
      );
    }
    if (!tx.begun) {
      this.release();
      return { value, released: RELEASED };
    }
    if (tx.connectionError) {
      // COMMIT cannot be sent, and PostgreSQL rolls back the transaction of a
      // closed connection. Work caught the connection error and resolved,
      // which is acceptable only when there was nothing to commit.
      this.release();
      if (tx.writeState !== "none") {
        throw fromPgError(tx.connectionError, this.settings.scope);
      }
      return { value, released: RELEASED };
    }
    if (tx.mustAwaitCommit()) {
      await this.sendCommit();
      return { value, released: RELEASED };
    }
    const released = deferCommit(this.client, this.settings.log);
    this.release(undefined, { commitDeferred: true });
    return { value, released };
  }

  private async sendCommit(): Promise<void> {
    let command: string;
    try {
      command = (await this.client.query("commit")).command;
    } catch (error) {
      // Map first: mapping removes details that must not reach the log.
      const failure = this.commitFailure(error);
      this.release(isConnectionError(error) ? failure : undefined);
      throw failure;
    }
    this.release();
    if (command === "ROLLBACK" && this.transaction.writeState !== "none") {
      throw new DatabaseError(
        `The ${this.settings.label} unit of work was rolled back, not committed: ` +
          "a statement in it failed and work caught the error, so PostgreSQL " +
          "discarded the whole transaction and nothing it wrote was kept. " +
          "Let the error propagate, or run the statement that may fail inside a savepoint.",
        { sqlState: "25P02" },
      );
    }
  }

  private commitFailure(error: unknown): Error {
    if (this.transaction.connectionError || isConnectionError(error)) {
      return new DatabaseError(
        `The database connection was lost during COMMIT of the ${this.settings.label} ` +
          "unit of work, so whether its writes were committed is unknown. " +
          "Check the data before running the unit again.",
        {},
        { cause: this.transaction.connectionError ?? error },
      );
    }
    return fromPgError(error, this.settings.scope);
  }

  /**
   * Gives the client back, or closes it when its connection failed, an error
   * is given, or it is still inside a transaction, so that no broken
   * connection and no open transaction ever returns to the pool. The one
   * exception is a transaction that wrote nothing and whose COMMIT is
   * deferred: it returns to the pool still open.
   */
  private release(
    error?: unknown,
    { commitDeferred = false }: { commitDeferred?: boolean } = {},
  ): void {
    if (this.isReleased) {
      return;
    }
    this.isReleased = true;
    this.client.removeListener("error", this.onClientError);
    const failure = this.transaction.connectionError ?? error;
    const status = this.client.getTransactionStatus();
    if (failure !== undefined) {
      this.settings.log("warn", "Closed a database connection that failed", {
        unit: this.settings.label,
        error: failure,
      });
      dropPendingCommit(this.client);
      this.client.release(true);
    } else if (commitDeferred || owesCommit(this.client)) {
      // The open transaction is one that wrote nothing, and its COMMIT is
      // deferred: this unit's, or an earlier one's when this unit never began.
      this.client.release();
    } else if (status !== "I") {
      this.settings.log(
        "warn",
        "Closed a connection left inside a transaction",
        {
          unit: this.settings.label,
          transactionStatus: status,
        },
      );
      dropPendingCommit(this.client);
      this.client.release(true);
    } else {
      this.client.release();
    }
  }
}
