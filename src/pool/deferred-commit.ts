/**
 * Deferred COMMIT of units of work that wrote nothing.
 *
 * A unit whose write checks proved that it has no transaction id, that ran
 * under READ COMMITTED and that sent no NOTIFY has nothing for COMMIT to make
 * durable, deliver or reject. Its connection therefore goes back to the pool
 * while its transaction is still open, marked as owing a COMMIT. The mark is
 * settled by whichever comes first:
 *
 * - the next unit on that connection: its first batch starts with COMMIT,
 *   before its own BEGIN and tenant context (see transaction.ts). The COMMIT
 *   then costs no round trip of its own, and the earlier unit's
 *   transaction-local settings end before the next unit begins;
 * - a flush on the next turn of the event loop (`setImmediate`), which sends
 *   COMMIT alone when no unit has claimed the connection by then.
 *
 * The open transaction thus outlives its unit by at most one event-loop turn
 * plus one round trip. While it is open, the connection holds the unit's
 * relation locks (ACCESS SHARE) and shows as "idle in transaction".
 *
 * pg runs the queries of one client in the order they are issued, so a flush
 * COMMIT issued while another unit is about to use the connection is still
 * sent before that unit's BEGIN.
 */
import type { PoolClient } from "pg";

import type { Log } from "./logger.ts";
import { isConnectionError } from "./sqlstate.ts";

/** The COMMIT that a connection owes; `settle` resolves the owning unit's `released` promise. */
export interface PendingCommit {
  settle: () => void;
  log: Log;
}

interface OwedCommit {
  pending: PendingCommit;
  /** Whether the flush has sent it and waits for the reply. */
  isSending: boolean;
}

const owedCommits = new WeakMap<PoolClient, OwedCommit>();

/**
 * Marks `client` as owing a COMMIT and schedules the flush. Call it before
 * the client is released. The returned promise resolves once the COMMIT has
 * completed, or once the next unit has claimed it. It never rejects.
 */
export function deferCommit(client: PoolClient, log: Log): Promise<void> {
  return new Promise((resolve) => {
    markPendingCommit(client, { settle: resolve, log });
  });
}

/**
 * Removes and returns the COMMIT that `client` owes and that no flush has
 * sent yet. The caller must send it and then call `settle`, or hand it back
 * with `markPendingCommit`.
 */
export function takePendingCommit(
  client: PoolClient,
): PendingCommit | undefined {
  const owed = owedCommits.get(client);
  if (owed === undefined || owed.isSending) {
    return undefined;
  }
  owedCommits.delete(client);
  return owed.pending;
}

/** Marks `client` as owing `pending` and flushes it on the next event-loop turn. */
export function markPendingCommit(
  client: PoolClient,
  pending: PendingCommit,
): void {
  owedCommits.set(client, { pending, isSending: false });
  setImmediate(() => flushPendingCommit(client));
}

/**
 * Returns whether `client` is inside the transaction of an earlier unit
 * whose COMMIT is owed or on its way, which a unit that has not begun may
 * see as transaction status 'T'.
 */
export function owesCommit(client: PoolClient): boolean {
  return owedCommits.has(client);
}

/**
 * Forgets the COMMIT that `client` owes, for a connection that is being
 * closed: PostgreSQL then ends the transaction, which wrote nothing.
 */
export function dropPendingCommit(client: PoolClient): void {
  const owed = owedCommits.get(client);
  owedCommits.delete(client);
  owed?.pending.settle();
}

/** Sends the COMMIT that `client` owes on its own, unless a unit has claimed it. */
function flushPendingCommit(client: PoolClient): void {
  const owed = owedCommits.get(client);
  if (owed === undefined || owed.isSending) {
    return;
  }
  owed.isSending = true;
  const finish = () => {
    if (owedCommits.get(client) === owed) {
      owedCommits.delete(client);
    }
    owed.pending.settle();
  };
  client.query("commit").then(finish, (error: unknown) => {
    // A failed COMMIT still ends the transaction, which wrote nothing, so the
    // connection stays usable unless the failure was a lost connection, which
    // pg-pool or the unit holding the client then handles.
    owed.pending.log(
      isConnectionError(error) ? "warn" : "error",
      "Deferred COMMIT of a unit that wrote nothing failed",
      { error },
    );
    finish();
  });
}
