import { setTimeout as sleep } from "node:timers/promises";

import type { Log } from "./logger.ts";
import type { ResolvedRetry } from "./options.ts";
import { isTransactionConflict } from "./sqlstate.ts";

/**
 * Runs `run` until it succeeds, retrying only serialization failures (40001)
 * and deadlocks (40P01), at most `retry.attempts` runs in all. Each run is a
 * whole unit of work in a fresh transaction, so a retried unit starts from
 * committed data, without the rolled-back writes of an earlier run.
 */
export async function runWithRetry<T>(
  retry: ResolvedRetry,
  log: Log,
  label: string,
  run: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= retry.attempts || !isTransactionConflict(error)) {
        throw error;
      }
      const delayMillis = backoffMillis(retry.baseDelayMillis, attempt);
      log("info", "Retrying a unit of work after a transaction conflict", {
        unit: label,
        attempt,
        maxAttempts: retry.attempts,
        delayMillis,
        error,
      });
      await sleep(delayMillis);
    }
  }
}

/**
 * Returns a delay that doubles with each attempt, drawn between half and all
 * of that value so that units that conflicted do not retry in lockstep.
 */
function backoffMillis(baseDelayMillis: number, attempt: number): number {
  const ceiling = baseDelayMillis * 2 ** (attempt - 1);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
