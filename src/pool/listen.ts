/**
 * LISTEN/NOTIFY on one dedicated connection, shared by every subscription.
 *
 * LISTEN is session state, so this connection is not taken from the pool. It
 * must reach PostgreSQL directly or through PgBouncer in session mode. Behind
 * PgBouncer in transaction mode, notifications would reach whichever client
 * happens to be using the server session.
 *
 * When the connection drops, the listener reconnects with exponential backoff
 * and LISTENs again on every channel. Notifications sent while it was
 * disconnected are lost, so each subscription can pass `onReconnect` to catch
 * up, for example by re-reading recent rows.
 *
 * NOTE: NOTIFY payloads bypass row-level security. Every listener on a channel
 * gets every org's payloads, so a tenant-facing wrapper must filter by org and
 * read the rows themselves through withTenant.
 */
import pg from "pg";
import type { Notification } from "pg";

import { ValidationError } from "../errors.ts";
import type { Log } from "./logger.ts";
import { fromPgError } from "./sqlstate.ts";

/** Receives one notification; a thrown error or rejected promise is logged, never re-thrown. */
export type NotificationHandler = (
  payload: string,
  notification: Notification,
) => void | Promise<void>;

export interface ListenOptions {
  /**
   * Called after the listener reconnected: notifications sent while it was
   * disconnected were lost, so catch up here.
   */
  onReconnect?: () => void;
}

/** Stops one subscription; the channel is UNLISTENed when it has no subscriptions left. */
export type Unsubscribe = () => Promise<void>;

export interface ListenerSettings {
  connectionString: string | undefined;
  baseDelayMillis: number;
  maxDelayMillis: number;
  log: Log;
}

interface Subscription {
  handler: NotificationHandler;
  onReconnect: (() => void) | undefined;
  /** Whether this subscription has been LISTENing at least once. */
  isActive: boolean;
}

/** PostgreSQL truncates identifiers to NAMEDATALEN - 1 = 63 bytes. */
const MAX_CHANNEL_BYTES = 63;

export class NotificationListener {
  private readonly settings: ListenerSettings;
  private readonly subscriptions = new Map<string, Set<Subscription>>();
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private listening = new Set<string>();
  /** LISTEN and UNLISTEN run one at a time, so pg never queues a query behind another. */
  private commands: Promise<unknown> = Promise.resolve();
  private reconnectTimer: NodeJS.Timeout | undefined;
  private failedAttempts = 0;
  /** Whether a connection was ever established, so that the next one is a reconnect. */
  private hadClient = false;
  private isClosed = false;

  constructor(settings: ListenerSettings) {
    this.settings = settings;
  }

  /** Subscribes `handler` to `channel`; resolves once the channel is LISTENed. */
  async subscribe(
    channel: string,
    handler: NotificationHandler,
    options: ListenOptions = {},
  ): Promise<Unsubscribe> {
    validateChannel(channel);
    if (this.isClosed) {
      throw new Error(
        "Cannot listen: the database handle is closed. Create a new one with createDb.",
      );
    }
    const subscription: Subscription = {
      handler,
      onReconnect: options.onReconnect,
      isActive: false,
    };
    this.addSubscription(channel, subscription);
    try {
      const client = await this.connect();
      await this.listenOn(client, channel);
    } catch (error) {
      this.removeSubscription(channel, subscription);
      throw fromPgError(error);
    }
    subscription.isActive = true;
    let unsubscribed: Promise<void> | undefined;
    return () => (unsubscribed ??= this.unsubscribe(channel, subscription));
  }

  /** Stops reconnecting, drops every subscription and closes the connection. */
  async close(): Promise<void> {
    this.isClosed = true;
    clearTimeout(this.reconnectTimer);
    this.subscriptions.clear();
    const pending = this.connecting?.catch(() => undefined);
    const client = this.client ?? (await pending);
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private addSubscription(channel: string, subscription: Subscription): void {
    let channelSubscriptions = this.subscriptions.get(channel);
    if (channelSubscriptions === undefined) {
      channelSubscriptions = new Set();
      this.subscriptions.set(channel, channelSubscriptions);
    }
    channelSubscriptions.add(subscription);
  }

  /** Returns whether the channel has no subscriptions left. */
  private removeSubscription(
    channel: string,
    subscription: Subscription,
  ): boolean {
    const channelSubscriptions = this.subscriptions.get(channel);
    channelSubscriptions?.delete(subscription);
    if (channelSubscriptions?.size === 0) {
      this.subscriptions.delete(channel);
      return true;
    }
    return false;
  }

  private async unsubscribe(
    channel: string,
    subscription: Subscription,
  ): Promise<void> {
    const isLast = this.removeSubscription(channel, subscription);
    const client = this.client;
    if (!isLast || client === undefined || !this.listening.has(channel)) {
      return;
    }
    // Forget the channel before UNLISTEN is sent, so that a subscription made
    // meanwhile queues a new LISTEN behind it.
    this.listening.delete(channel);
    try {
      await this.runCommand(client, `unlisten ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      // The connection is going away, which ends the LISTEN anyway.
      this.settings.log("warn", "UNLISTEN failed", { channel, error });
    }
  }

  private connect(): Promise<pg.Client> {
    if (this.client) {
      return Promise.resolve(this.client);
    }
    this.connecting ??= this.openClient().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async openClient(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.settings.connectionString,
      keepAlive: true,
      fallback_application_name: "aurora-db-listen",
    });
    client.on("error", (error) => {
      this.settings.log("warn", "The listen connection failed", { error });
    });
    client.on("notification", (notification) => this.dispatch(notification));
    client.on("end", () => this.handleEnd(client));
    await client.connect();
    if (this.isClosed) {
      await client.end();
      throw new Error(
        "The database handle was closed while listening started.",
      );
    }
    const isReconnect = this.hadClient;
    this.client = client;
    this.hadClient = true;
    this.listening = new Set();
    for (const channel of this.subscriptions.keys()) {
      await this.listenOn(client, channel);
    }
    this.failedAttempts = 0;
    if (isReconnect) {
      this.reportReconnect();
    }
    return client;
  }

  private async listenOn(client: pg.Client, channel: string): Promise<void> {
    if (this.listening.has(channel)) {
      return;
    }
    await this.runCommand(client, `listen ${pg.escapeIdentifier(channel)}`);
    this.listening.add(channel);
  }

  private runCommand(client: pg.Client, sql: string): Promise<unknown> {
    const run = () => client.query(sql);
    const result = this.commands.then(run, run);
    this.commands = result.catch(() => undefined);
    return result;
  }

  private handleEnd(client: pg.Client): void {
    if (client !== this.client) {
      return;
    }
    this.client = undefined;
    this.listening = new Set();
    if (this.isClosed || this.subscriptions.size === 0) {
      return;
    }
    this.settings.log("warn", "The listen connection closed; reconnecting", {
      channels: [...this.subscriptions.keys()],
    });
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer !== undefined || this.isClosed) {
      return;
    }
    const { baseDelayMillis, maxDelayMillis } = this.settings;
    const ceiling = Math.min(
      maxDelayMillis,
      baseDelayMillis * 2 ** this.failedAttempts,
    );
    const delayMillis = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.reconnect();
    }, delayMillis);
  }

  private reconnect(): void {
    if (this.isClosed || this.client !== undefined) {
      return;
    }
    this.connect().then(
      () => {
        this.settings.log("info", "The listen connection reconnected", {
          channels: [...this.subscriptions.keys()],
        });
      },
      (error: unknown) => {
        this.failedAttempts += 1;
        this.settings.log("warn", "Reconnecting the listen connection failed", {
          attempt: this.failedAttempts,
          error,
        });
        this.scheduleReconnect();
      },
    );
  }

  private reportReconnect(): void {
    for (const channelSubscriptions of this.subscriptions.values()) {
      for (const subscription of channelSubscriptions) {
        if (subscription.isActive && subscription.onReconnect) {
          this.callSafely(() => subscription.onReconnect!(), "onReconnect");
        }
      }
    }
  }

  private dispatch(notification: Notification): void {
    const channelSubscriptions = this.subscriptions.get(notification.channel);
    if (channelSubscriptions === undefined) {
      return;
    }
    const payload = notification.payload ?? "";
    for (const subscription of channelSubscriptions) {
      this.callSafely(
        () => subscription.handler(payload, notification),
        "notification handler",
        notification.channel,
      );
    }
  }

  /** Calls subscriber code so that neither a throw nor a rejection escapes. */
  private callSafely(
    call: () => unknown,
    callbackName: string,
    channel?: string,
  ): void {
    const report = (error: unknown) =>
      this.settings.log("error", `The ${callbackName} failed`, {
        channel,
        error,
      });
    try {
      const result = call();
      if (result instanceof Promise) {
        result.catch(report);
      }
    } catch (error) {
      report(error);
    }
  }
}

function validateChannel(channel: unknown): asserts channel is string {
  if (
    typeof channel !== "string" ||
    channel === "" ||
    Buffer.byteLength(channel) > MAX_CHANNEL_BYTES
  ) {
    const printedChannel =
      typeof channel === "string"
        ? JSON.stringify(channel.slice(0, 80))
        : typeof channel;
    throw new ValidationError(
      `Invalid channel ${printedChannel}: expected a channel name of 1 to ` +
        `${MAX_CHANNEL_BYTES} bytes, such as "aurora_thoughts".`,
      [{ path: "/channel", message: "must be a name of 1 to 63 bytes" }],
    );
  }
}
