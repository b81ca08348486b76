/**
 * `ingestBodies`: webhook bodies in, stored and correlated alerts out.
 *
 * Every body is parsed and validated before anything is written, so one bad
 * body (invalid JSON, a byte-order mark, NDJSON, an invalid alert, ...)
 * rejects the whole call and nothing is written. Then each body is stored in
 * its own transaction: a body is written whole or not at all. When the
 * database fails part-way, the bodies before the failing one stay stored.
 * Ingesting the same bodies again is safe, because redelivered alerts count
 * as duplicates and change nothing.
 */

import {
  AuroraError,
  ConfigurationError,
  DatabaseError,
  InputError,
  ValidationError,
} from "../errors.ts";
import {
  resolveCorrelationSettings,
  type CorrelationSettings,
} from "../correlation/settings.ts";
import type { Db } from "../pool/index.ts";
import { parseAlerts, type ParseOptions } from "./index.ts";
import {
  resolveOrganization,
  type ResolvedOrganization,
} from "./organization.ts";
import {
  addCounts,
  emptyCounts,
  storeAlerts,
  type StoreCounts,
} from "./store.ts";
import type { IngestSource, NormalizedAlert } from "./types.ts";

/** One webhook body and the name used in messages (a file name, or `-` for stdin). */
export interface IngestInput {
  name: string;
  bytes: Uint8Array;
}

export interface IngestOptions {
  /** The organization: its id (a UUID) or its slug. */
  org: string;
  /** Sender of every body; `alertmanager` bodies are stored in grafana_alerts. */
  source: IngestSource;
  inputs: readonly IngestInput[];
  /** Overrides of the correlation settings; see `CorrelationSettings`. */
  correlation?: Partial<CorrelationSettings>;
  /** Environment with the `AURORA_CORRELATION_*` overrides. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Parser options, such as the maximum body size. */
  parse?: ParseOptions;
  /** Called after each body is stored, in input order. */
  onBody?: (result: BodyResult, index: number, total: number) => void;
}

/** Counts of one stored body, with its name. */
export interface BodyResult extends StoreCounts {
  name: string;
}

export interface IngestSummary extends StoreCounts {
  organization: ResolvedOrganization;
  source: IngestSource;
  /** Bodies stored. */
  files: number;
  bodies: BodyResult[];
}

/**
 * Several inputs were rejected before anything was written. `rejected`
 * contains one error per bad input, each naming its input.
 */
export class InputsRejectedError extends InputError {
  readonly rejected: AuroraError[];

  /** `noun` names the inputs in the message, such as "bodies" or "files". */
  constructor(rejected: AuroraError[], total: number, noun: string) {
    super(
      `${rejected.length} of ${total} ${noun} were rejected, so nothing was written:\n` +
        rejected.map((error) => `  ${error.message}`).join("\n"),
    );
    this.rejected = rejected;
  }
}

/** SQLSTATE of a call to a function that does not exist. */
const UNDEFINED_FUNCTION = "42883";

interface ParsedBody {
  name: string;
  alerts: NormalizedAlert[];
}

/**
 * Throws a ValidationError naming `inputs` unless `options.inputs` is an
 * array of `{ name: string, bytes: Uint8Array }`, so that a library caller
 * gets a message in place of a TypeError from deep inside the loop.
 */
export function requireInputs(options: unknown, caller: string): void {
  const inputs = (options as { inputs?: unknown } | null | undefined)?.inputs;
  if (!Array.isArray(inputs)) {
    const message = `missing: ${caller} needs \`inputs\`, an array of { name, bytes }`;
    throw new ValidationError(`/inputs: ${message}`, [
      { path: "/inputs", message },
    ]);
  }
  for (const [index, input] of inputs.entries()) {
    const item = input as { name?: unknown; bytes?: unknown } | null;
    const valid =
      typeof item === "object" &&
      item !== null &&
      typeof item.name === "string" &&
      item.bytes instanceof Uint8Array;
    if (!valid) {
      const message = "invalid: expected { name: string, bytes: Uint8Array }";
      throw new ValidationError(`/inputs/${index}: ${message}`, [
        { path: `/inputs/${index}`, message },
      ]);
    }
  }
}

/**
 * Parses, stores and correlates the bodies; see the file comment for what is
 * written when something fails. Throws InputError or ValidationError for a
 * bad body (InputsRejectedError when several are bad), NotFoundError for an
 * unknown organization and ConfigurationError for invalid settings.
 */
export async function ingestBodies(
  db: Db,
  options: IngestOptions,
): Promise<IngestSummary> {
  requireInputs(options, "ingestBodies");
  const settings = resolveCorrelationSettings(
    options.correlation,
    options.env ?? process.env,
  );
  const bodies = parseBodies(options);
  const organization = await resolveOrganization(db, options.org);
  const summary: IngestSummary = {
    organization,
    source: options.source,
    files: 0,
    ...emptyCounts(),
    bodies: [],
  };
  for (const [index, body] of bodies.entries()) {
    const counts = await storeBody(db, organization.id, body, settings);
    const result = { name: body.name, ...counts };
    summary.bodies.push(result);
    summary.files += 1;
    addCounts(summary, counts);
    options.onBody?.(result, index, bodies.length);
  }
  return summary;
}

/** Parses every body; throws before any write when one or more are bad. */
function parseBodies(options: IngestOptions): ParsedBody[] {
  if (options.inputs.length === 0) {
    throw new InputError(
      "No webhook bodies given: pass at least one file, or - for stdin.",
    );
  }
  const parsed: ParsedBody[] = [];
  const rejected: AuroraError[] = [];
  for (const input of options.inputs) {
    try {
      const { alerts } = parseAlerts(
        options.source,
        input.bytes,
        input.name,
        options.parse,
      );
      parsed.push({ name: input.name, alerts });
    } catch (error) {
      if (!(error instanceof AuroraError)) throw error;
      rejected.push(error);
    }
  }
  if (rejected.length === 1) throw rejected[0];
  if (rejected.length > 1) {
    throw new InputsRejectedError(rejected, options.inputs.length, "bodies");
  }
  return parsed;
}

/** Stores one body in its own transaction; errors name the body. */
async function storeBody(
  db: Db,
  orgId: string,
  body: ParsedBody,
  settings: CorrelationSettings,
): Promise<StoreCounts> {
  try {
    return await db.withTenant({ orgId }, (tx) =>
      storeAlerts(tx, body.alerts, settings),
    );
  } catch (error) {
    throw nameBody(error, body.name);
  }
}

/**
 * Prefixes the body's name to a validation error from PostgreSQL, and
 * explains a database that lacks the correlation functions.
 */
function nameBody(error: unknown, name: string): unknown {
  if (
    error instanceof DatabaseError &&
    error.sqlState === UNDEFINED_FUNCTION &&
    error.message.includes("correlate_alerts")
  ) {
    return new ConfigurationError(
      "The database has no correlate_alerts(), which migrations/current/2-correlation.sql " +
        "creates: apply the working migration (npm run db:watch), then ingest again.",
    );
  }
  if (error instanceof ValidationError && !error.message.startsWith(name)) {
    return new ValidationError(
      `${name}: ${error.message}; nothing of this body was written`,
      error.issues,
      { cause: error },
    );
  }
  return error;
}
