import pg from "pg";
import { ConfigurationError } from "../errors.ts";
import {
  connectionSetting,
  redactUrl,
  resolveSettings,
  type ConnectionSetting,
} from "../config/settings.ts";

/**
 * Opens one client on `url` and turns the usual failures (unreachable host,
 * wrong password, missing database) into one sentence naming `setting`.
 */
export async function connectClient(
  url: string,
  setting: string | ConnectionSetting,
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
  setting: string | ConnectionSetting,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = await connectClient(url, setting);
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Turns a failed connection into a ConfigurationError that names the
 * variable to fix. `setting` is the variable name, or a ConnectionSetting
 * from `connectionSetting()` when the URL may have been derived.
 * Other errors are returned unchanged.
 */
export function explainConnectionError(
  error: unknown,
  url: string,
  setting: string | ConnectionSetting,
): Error {
  const source = describeSource(url, setting);
  const { name, label } = source;
  const err = error as { code?: string; message?: string };
  const target = new URL(url);
  const where = `${target.hostname}:${target.port || "5432"}`;
  switch (err.code) {
    case "ECONNREFUSED":
      return new ConfigurationError(
        `${label} points at ${where}, where no PostgreSQL accepts connections: ` +
          `start the server or fix the host and port in ${source.hostVariable}.`,
        name,
      );
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new ConfigurationError(
        `${label} names the host "${target.hostname}", which does not resolve: fix the host in ${source.hostVariable}.`,
        name,
      );
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
      return new ConfigurationError(
        `${label} points at ${where}, which did not answer: check the host, port and firewall.`,
        name,
      );
    case "28P01":
    case "28000":
      return new ConfigurationError(
        `${label} was rejected by the server because the user or password is wrong (${err.message}): ` +
          `${source.credentialsFix}.`,
        name,
      );
    case "3D000":
      return new ConfigurationError(
        `${label} names a database that does not exist: run "aurora-db up" to create it, or fix the name.`,
        name,
      );
  }
  if (err.message?.includes("timeout")) {
    return new ConfigurationError(
      `${label}: connecting to ${where} timed out. Check the host, port and firewall.`,
      name,
    );
  }
  if (err.message?.includes("SASL") || err.message?.includes("password")) {
    return new ConfigurationError(
      `${label} carries no password, but the server requires one: ${source.passwordFix}.`,
      name,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Returns true for the errors `explainConnectionError` rewrites. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  if (code !== undefined && CONNECTION_ERROR_CODES.has(code)) return true;
  return /^SASL: |client password must be a string|Connection terminated due to connection timeout/.test(
    error.message,
  );
}

const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "28P01",
  "28000",
  "3D000",
]);

interface SourceWording {
  name: string;
  /** Names the URL in a message, with its password hidden. */
  label: string;
  /** The variable that sets the host and port. */
  hostVariable: string;
  /** The fix for a wrong user or password: a clause without a final period. */
  credentialsFix: string;
  /** The fix for a URL without a password: a clause without a final period. */
  passwordFix: string;
}

function describeSource(
  url: string,
  setting: string | ConnectionSetting,
): SourceWording {
  const shown = redactUrl(url);
  const resolved =
    typeof setting === "string" ? derivedSetting(url, setting) : setting;
  const { name, derivedPasswordVariable, derivedFrom, role } = resolved;
  if (
    derivedPasswordVariable === undefined ||
    derivedFrom === undefined ||
    role === undefined
  ) {
    return {
      name,
      label: `${name} (${shown})`,
      hostVariable: name,
      credentialsFix: `fix the user or password in ${name}`,
      passwordFix: `add the role's password to ${name}`,
    };
  }
  return {
    name,
    label: `The ${role} role's URL (${shown}, derived from ${derivedFrom})`,
    hostVariable: derivedFrom,
    credentialsFix:
      `set ${derivedPasswordVariable} to the role's password, ` +
      `or set ${name} to the full URL`,
    passwordFix:
      `set ${derivedPasswordVariable} to the role's password, ` +
      `or set ${name} to the full URL`,
  };
}

/**
 * Finds out whether the APP_DATABASE_URL or MAINTENANCE_DATABASE_URL that a
 * caller named was derived, by resolving the settings from the environment.
 * A URL that differs from the derived one is treated as given.
 */
function derivedSetting(url: string, setting: string): ConnectionSetting {
  const role =
    setting === "APP_DATABASE_URL"
      ? "app"
      : setting === "MAINTENANCE_DATABASE_URL"
        ? "maintenance"
        : undefined;
  if (role === undefined) return { name: setting };
  let settings;
  try {
    settings = resolveSettings(process.env);
  } catch {
    return { name: setting };
  }
  if (settings.kind !== "configured") return { name: setting };
  const roleUrl = role === "app" ? settings.appUrl : settings.maintenanceUrl;
  if (!sameServerAndRole(roleUrl, url)) return { name: setting };
  return connectionSetting(settings, role);
}

/** Compares two URLs ignoring the database, which commands may change. */
function sameServerAndRole(a: string, b: string): boolean {
  const left = new URL(a);
  const right = new URL(b);
  return (
    left.hostname === right.hostname &&
    left.port === right.port &&
    left.username === right.username &&
    left.password === right.password
  );
}
