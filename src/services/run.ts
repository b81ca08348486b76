/**
 * Helpers that run generated queries on the connection a service was given:
 * the `tx` of `withTenant`, or any pg client inside a transaction with the
 * tenant context set. PostgreSQL errors are mapped by the pool's SQLSTATE
 * table, and foreign key violations on known constraints become
 * NotFoundErrors that name the missing row.
 */
import type { IDatabaseConnection } from "@pgtyped/runtime";

import { DatabaseError, NotFoundError } from "../errors.ts";
import { fromPgError } from "../pool/sqlstate.ts";

/**
 * A connection that runs one statement with `$n` parameters. The unit of
 * work's `tx` and pg's clients both fit, because pgTyped reads only `rows`.
 */
export interface Queryable {
  query(text: string, values: any[]): Promise<{ rows: any[] }>;
}

/** A generated pgTyped query. */
export interface GeneratedQuery<Params, Result> {
  run(params: Params, connection: IDatabaseConnection): Promise<Result[]>;
}

/** Messages of NotFoundErrors by the foreign key whose violation means that row is missing. */
export type MissingReferences = Readonly<Record<string, string>>;

/** Runs `query` and returns its rows. Errors are mapped by src/pool/sqlstate.ts. */
export async function runQuery<Params, Result>(
  tx: Queryable,
  query: GeneratedQuery<Params, Result>,
  params: Params,
  missing: MissingReferences = {},
): Promise<Result[]> {
  try {
    return await query.run(params, tx as IDatabaseConnection);
  } catch (error) {
    throw mapMissingReference(fromPgError(error), missing);
  }
}

/** Runs `query` and returns its first row, or undefined when it returned none. */
export async function runFirst<Params, Result>(
  tx: Queryable,
  query: GeneratedQuery<Params, Result>,
  params: Params,
  missing: MissingReferences = {},
): Promise<Result | undefined> {
  const rows = await runQuery(tx, query, params, missing);
  return rows[0];
}

/** Runs `query` and returns its first row, or throws NotFoundError(`notFound`) when there is none. */
export async function runOne<Params, Result>(
  tx: Queryable,
  query: GeneratedQuery<Params, Result>,
  params: Params,
  notFound: string,
  missing: MissingReferences = {},
): Promise<Result> {
  const row = await runFirst(tx, query, params, missing);
  if (row === undefined) throw new NotFoundError(notFound);
  return row;
}

function mapMissingReference(error: Error, missing: MissingReferences): Error {
  if (
    error instanceof DatabaseError &&
    error.sqlState === "23503" &&
    error.constraint !== undefined &&
    Object.hasOwn(missing, error.constraint)
  ) {
    return new NotFoundError(missing[error.constraint]!, { cause: error });
  }
  return error;
}

/** Returns the message for a missing organization in context (deleted, or a wrong id). */
export function organizationMissing(table: string): MissingReferences {
  return {
    [`${table}_org_id_fkey`]:
      "Organization not found: the organization in context does not exist. Check the orgId given to withTenant.",
  };
}

/** Returns the message for a user in context who is not a member of the organization. */
export function membershipMissing(table: string): MissingReferences {
  return {
    [`${table}_org_id_user_id_fkey`]:
      "Membership not found: the user in context is not a member of the organization in context. Add the membership first.",
  };
}
