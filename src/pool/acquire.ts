import type { Pool, PoolClient } from "pg";

import { PoolTimeoutError } from "../errors.ts";
import { fromPgError } from "./sqlstate.ts";

/**
 * Extra time that pg-pool's own connection timeout gets beyond ours. Its timer
 * only drops a request that already failed with PoolTimeoutError from the
 * pool's queue, so it must never fire first.
 */
export const POOL_QUEUE_CLEANUP_MILLIS = 1000;

/** Number of callers waiting for a connection of one pool. */
export interface WaitingCounter {
  count: number;
}

/**
 * Checks a client out of the pool, failing with PoolTimeoutError after
 * `timeoutMillis`. A client that arrives after the timeout goes straight back
 * to the pool.
 */
export function acquireClient(
  pool: Pool,
  max: number,
  timeoutMillis: number,
  waiting: WaitingCounter,
): Promise<PoolClient> {
  const started = performance.now();
  const poolWasFull = pool.totalCount >= max && pool.idleCount === 0;
  waiting.count += 1;
  return new Promise((resolve, reject) => {
    let isSettled = false;
    const settle = () => {
      isSettled = true;
      waiting.count -= 1;
    };
    const timer = setTimeout(() => {
      settle();
      const waitedMillis = Math.round(performance.now() - started);
      reject(poolTimeout(poolWasFull, max, timeoutMillis, waitedMillis));
    }, timeoutMillis);
    pool.connect().then(
      (client) => {
        if (isSettled) {
          client.release();
          return;
        }
        settle();
        clearTimeout(timer);
        resolve(client);
      },
      (error: unknown) => {
        if (isSettled) {
          return;
        }
        settle();
        clearTimeout(timer);
        reject(fromPgError(error));
      },
    );
  });
}

function poolTimeout(
  poolWasFull: boolean,
  max: number,
  timeoutMillis: number,
  waitedMillis: number,
): PoolTimeoutError {
  const reason = poolWasFull
    ? `all ${max} connections of the pool were busy. ` +
      "Shorten the units of work that hold connections, or raise max or acquireTimeoutMillis."
    : "opening a new connection took too long. " +
      "Check that PostgreSQL is reachable and accepting connections.";
  return new PoolTimeoutError(
    `No database connection became available within ${timeoutMillis} ms ` +
      `(acquireTimeoutMillis): ${reason}`,
    waitedMillis,
  );
}
