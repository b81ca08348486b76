/**
 * `createDb`: the tenant-aware entry point to PostgreSQL. Each unit of work
 * runs in its own transaction as the app role, with the org and user set
 * transaction-locally, so row-level security shows it only its tenant's rows.
 */
import pg from "pg";

import { ConfigurationError } from "../errors.ts";
import { POOL_QUEUE_CLEANUP_MILLIS, type WaitingCounter } from "./acquire.ts";
import { createLog, type Log } from "./logger.ts";
import {
  NotificationListener,
  type ListenOptions,
  type NotificationHandler,
  type Unsubscribe,
} from "./listen.ts";
import {
  resolveOptions,
  type DbOptions,
  type ResolvedOptions,
} from "./options.ts";
import { buildPreludeStatement } from "./prelude.ts";
import { runWithRetry } from "./retry.ts";
import type { ErrorScope } from "./sqlstate.ts";
import {
  validateTenantContext,
  type TenantContext,
  type ValidatedTenantContext,
} from "./tenant-context.ts";
import type {
  MaintenanceTransaction,
  TenantTransaction,
} from "./transaction.ts";
import {
  runUnitOfWork,
  type UnitOutcome,
  type UnitSettings,
} from "./unit-of-work.ts";

/** Per-call settings of one unit of work. */
export interface UnitOptions {
  /** Overrides the `statementTimeoutMillis` option for this unit, in milliseconds. */
  statementTimeoutMillis?: number;
}

/** Connection counts of the app pool. */
export interface PoolStats {
  /** Open connections, busy or idle. */
  total: number;
  /** Open connections not checked out. */
  idle: number;
  /** Units of work waiting for a connection. */
  waiting: number;
}

export interface Db {
  /**
   * Runs `work` in one transaction as the app role with the tenant context
   * set, commits when it resolves and rolls back when it throws (re-throwing
   * its error). Ids are validated before anything reaches SQL.
   */
  withTenant<T>(
    context: TenantContext,
    work: (tx: TenantTransaction) => Promise<T>,
    options?: UnitOptions,
  ): Promise<T>;
  /**
   * Runs `work` like `withTenant`, but as the maintenance role (BYPASSRLS) and
   * without tenant context. Only for explicit cross-tenant jobs such as
   * retention. Request code must use `withTenant`.
   */
  withMaintenance<T>(
    work: (tx: MaintenanceTransaction) => Promise<T>,
    options?: UnitOptions,
  ): Promise<T>;
  /**
   * Calls `handler` for each notification on `channel`, over a dedicated
   * connection that reconnects by itself (see `listenUrl`). Resolves once the
   * channel is LISTENed, with a function that ends the subscription.
   */
  listen(
    channel: string,
    handler: NotificationHandler,
    options?: ListenOptions,
  ): Promise<Unsubscribe>;
  /** Connection counts of the app pool. */
  stats(): PoolStats;
  /**
   * Rejects new units of work, waits for the running ones (including COMMITs
   * still in flight), then closes the listener and the pools. Calling it
   * again returns the same promise.
   */
  close(): Promise<void>;
}

/** Creates the pools lazily on first use; see {@link DbOptions} for every option. */
export function createDb(options: DbOptions = {}): Db {
  return new TenantDb(resolveOptions(options));
}

/** Pool, role and tenant context of one unit of work. */
interface UnitTarget {
  label: string;
  role: string;
  /** The tenant context; undefined for maintenance work. */
  tenant: ValidatedTenantContext | undefined;
  /** Returns the pool to use, creating it on first use; throws when it is not configured. */
  openPool: () => pg.Pool;
  waiting: WaitingCounter;
}

class TenantDb implements Db {
  private readonly options: ResolvedOptions;
  private readonly log: Log;
  private readonly appPool: pg.Pool;
  private maintenancePool: pg.Pool | undefined;
  private listener: NotificationListener | undefined;
  private readonly running = new Set<Promise<void>>();
  private readonly appWaiting: WaitingCounter = { count: 0 };
  private readonly maintenanceWaiting: WaitingCounter = { count: 0 };
  private closing: Promise<void> | undefined;

  constructor(options: ResolvedOptions) {
    this.options = options;
    this.log = createLog(options.logger);
    this.appPool = this.createPool(options.url, "app");
  }

  withTenant<T>(
    context: TenantContext,
    work: (tx: TenantTransaction) => Promise<T>,
    options: UnitOptions = {},
  ): Promise<T> {
    let tenant: ValidatedTenantContext;
    try {
      this.assertOpen();
      tenant = validateTenantContext(context);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.runScoped(
      {
        label: `withTenant (org ${tenant.orgId})`,
        role: this.options.appRole,
        tenant,
        openPool: () => this.appPool,
        waiting: this.appWaiting,
      },
      work,
      options,
    );
  }

  withMaintenance<T>(
    work: (tx: MaintenanceTransaction) => Promise<T>,
    options: UnitOptions = {},
  ): Promise<T> {
    try {
      this.assertOpen();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.runScoped(
      {
        label: "withMaintenance",
        role: this.options.maintenanceRole,
        tenant: undefined,
        openPool: () => this.openMaintenancePool(),
        waiting: this.maintenanceWaiting,
      },
      work,
      options,
    );
  }

  async listen(
    channel: string,
    handler: NotificationHandler,
    options?: ListenOptions,
  ): Promise<Unsubscribe> {
    this.assertOpen();
    this.listener ??= new NotificationListener({
      connectionString: this.options.listenUrl ?? this.options.url,
      ...this.options.listenReconnect,
      log: this.log,
    });
    return this.listener.subscribe(channel, handler, options);
  }

  stats(): PoolStats {
    return {
      total: this.appPool.totalCount,
      idle: this.appPool.idleCount,
      waiting: this.appWaiting.count,
    };
  }

  close(): Promise<void> {
    this.closing ??= this.drainAndEnd();
    return this.closing;
  }

  /** Builds the prelude and error scope of one unit of work, then runs it. */
  private runScoped<T>(
    target: UnitTarget,
    work: (tx: TenantTransaction) => Promise<T>,
    options: UnitOptions,
  ): Promise<T> {
    let pool: pg.Pool;
    let statementTimeoutMillis: number | undefined;
    try {
      statementTimeoutMillis = this.statementTimeout(options);
      pool = target.openPool();
    } catch (error) {
      return Promise.reject(error);
    }
    const { tenant } = target;
    const scope: ErrorScope = tenant
      ? { kind: "tenant", ...tenant, statementTimeoutMillis }
      : { kind: "maintenance", statementTimeoutMillis };
    const prelude = buildPreludeStatement({
      role: target.role,
      orgId: tenant?.orgId ?? "",
      userId: tenant?.userId ?? "",
      statementTimeoutMillis,
      idleInTransactionTimeoutMillis:
        this.options.idleInTransactionTimeoutMillis,
    });
    const settings: UnitSettings = {
      pool,
      waiting: target.waiting,
      max: this.options.max,
      acquireTimeoutMillis: this.options.acquireTimeoutMillis,
      prelude,
      role: target.role,
      scope,
      label: target.label,
      log: this.log,
    };
    return this.track(() => runUnitOfWork(settings, work), target.label);
  }

  /**
   * Runs a unit of work with retry, and keeps it in `running` until its client
   * is released. For a unit that wrote nothing, that is once its deferred
   * COMMIT has completed or been taken over by the next unit on the connection.
   */
  private track<T>(
    run: () => Promise<UnitOutcome<T>>,
    label: string,
  ): Promise<T> {
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    this.running.add(done);
    done.then(() => this.running.delete(done));
    return runWithRetry(this.options.retry, this.log, label, run).then(
      ({ value, released }) => {
        released.then(finish);
        return value;
      },
      (error: unknown) => {
        finish();
        throw error;
      },
    );
  }

  private async drainAndEnd(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.all(this.running);
    }
    await this.listener?.close();
    await Promise.all([this.appPool.end(), this.maintenancePool?.end()]);
  }

  private assertOpen(): void {
    if (this.closing) {
      throw new Error(
        "The database handle is closed: close() was called, so no new unit of work " +
          "or subscription can start. Create a new handle with createDb.",
      );
    }
  }

  private statementTimeout(options: UnitOptions): number | undefined {
    const override = options.statementTimeoutMillis;
    if (override === undefined) {
      return this.options.statementTimeoutMillis;
    }
    if (!Number.isInteger(override) || override < 0) {
      throw new ConfigurationError(
        `Invalid statementTimeoutMillis ${override}: ` +
          "expected a whole number of milliseconds, 0 or more.",
        "statementTimeoutMillis",
      );
    }
    return override;
  }

  private openMaintenancePool(): pg.Pool {
    if (this.options.maintenanceUrl === undefined) {
      throw new ConfigurationError(
        "withMaintenance needs the maintenanceUrl option: the connection string " +
          "of a role that can switch to the maintenance role (which has BYPASSRLS).",
        "maintenanceUrl",
      );
    }
    this.maintenancePool ??= this.createPool(
      this.options.maintenanceUrl,
      "maintenance",
    );
    return this.maintenancePool;
  }

  private createPool(url: string | undefined, name: string): pg.Pool {
    const pool = new pg.Pool({
      connectionString: url,
      max: this.options.max,
      connectionTimeoutMillis:
        this.options.acquireTimeoutMillis + POOL_QUEUE_CLEANUP_MILLIS,
      keepAlive: true,
      fallback_application_name: `aurora-db-${name}`,
    });
    // pg-pool removes an idle client whose connection breaks and emits 'error'
    // on the pool. Without this listener that event would crash the process.
    pool.on("error", (error) => {
      this.log("warn", "An idle database connection failed and was removed", {
        pool: name,
        error,
      });
    });
    return pool;
  }
}
