import pg from "pg";
import { ConfigurationError } from "../errors.ts";
import { redactUrl } from "../config/settings.ts";

/**
 * Opens one client on `url` and turns the usual failures (unreachable host,
 * wrong password, missing database) into one sentence naming `setting`.
 */
export async function connectClient(
  url: string,
  setting: string,
): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 10_000,
  });
  // An error after connecting (the server shutting down) must not crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    throw explainConnectionError(error, url, setting);
  }
}

/** Runs `work` with a client on `url`, closing it afterwards. */
export async function withClient<T>(
  url: string,
  setting: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = await connectClient(url, setting);
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export function explainConnectionError(
  error: unknown,
  url: string,
  setting: string,
): Error {
  const shown = redactUrl(url);
  const err = error as { code?: string; message?: string };
  const target = new URL(url);
  const where = `${target.hostname}:${target.port || "5432"}`;
  switch (err.code) {
    case "ECONNREFUSED":
      return new ConfigurationError(
        `${setting} (${shown}) points at ${where}, where no PostgreSQL accepts connections: ` +
          `start the server or fix the host and port in ${setting}.`,
        setting,
      );
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new ConfigurationError(
        `${setting} (${shown}) names the host "${target.hostname}", which does not resolve: fix the host in ${setting}.`,
        setting,
      );
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
      return new ConfigurationError(
        `${setting} (${shown}) points at ${where}, which did not answer: check the host, port and firewall.`,
        setting,
      );
    case "28P01":
    case "28000":
      return new ConfigurationError(
        `${setting} (${shown}) was rejected by the server: the user or password is wrong (${err.message}).`,
        setting,
      );
    case "3D000":
      return new ConfigurationError(
        `${setting} (${shown}) names a database that does not exist: run "aurora-db up" to create it, or fix the name.`,
        setting,
      );
  }
  if (err.message?.includes("timeout")) {
    return new ConfigurationError(
      `${setting} (${shown}): connecting to ${where} timed out; check the host, port and firewall.`,
      setting,
    );
  }
  if (err.message?.includes("SASL") || err.message?.includes("password")) {
    return new ConfigurationError(
      `${setting} (${shown}) needs a password that it does not carry: add it to the URL.`,
      setting,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
