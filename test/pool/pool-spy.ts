/**
 * Test-only observation of the clients that the pool hands out. It wraps
 * pg.Pool.prototype.connect and records every client.query call. In
 * non-pipeline mode each call is one round trip (one Sync, one
 * ReadyForQuery), so the record counts round trips.
 */
import pg from "pg";

export interface PoolSpy {
  clients: Set<pg.PoolClient>;
  /** Every client.query call in order: a string for text, 'submittable' for objects. */
  queries: string[];
  restore(): void;
}

export function spyOnPoolClients(): PoolSpy {
  const clients = new Set<pg.PoolClient>();
  const queries: string[] = [];
  const prototype = pg.Pool.prototype as unknown as {
    connect(...args: unknown[]): Promise<pg.PoolClient>;
  };
  const originalConnect = prototype.connect;
  prototype.connect = function (this: pg.Pool, ...args: unknown[]) {
    if (args.length > 0) {
      // The callback form is what pool.query uses; the pool under test never does.
      return originalConnect.apply(this, args);
    }
    const pending = originalConnect.apply(this, args);
    return pending.then((client) => {
      if (!clients.has(client)) {
        clients.add(client);
        wrapQuery(client, queries);
      }
      return client;
    });
  };
  return {
    clients,
    queries,
    restore: () => {
      prototype.connect = originalConnect;
    },
  };
}

function wrapQuery(client: pg.PoolClient, queries: string[]): void {
  const originalQuery = client.query.bind(client) as (
    ...args: unknown[]
  ) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (
    ...args: unknown[]
  ) => {
    const [first] = args;
    queries.push(typeof first === "string" ? first : "submittable");
    return originalQuery(...args);
  };
}

/** Waits until `condition` holds, checking every 10 ms, for at most `timeoutMillis`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMillis = 5000,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMillis;
  while (Date.now() < deadline) {
    if (await condition()) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return condition();
}
