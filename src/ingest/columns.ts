/**
 * Source-specific columns. Each source module exports a `ColumnTable` that
 * lists the columns it fills, with their PostgreSQL types, so the store can
 * be written from it. Every alert's `columns` contains exactly the keys of its
 * table, with null for values the body did not carry.
 */

import { setOwn } from "./fields.ts";

export type ColumnType =
  | "text"
  | "integer"
  | "bigint"
  | "boolean"
  | "text[]"
  | "jsonb"
  | "timestamptz";

export interface ColumnSpec {
  type: ColumnType;
  /** Content of the column and where it comes from in the body. */
  description: string;
}

export type ColumnTable = Readonly<Record<string, ColumnSpec>>;

/**
 * Returns `values` with every column of `table` present. Throws a plain
 * `Error` for a key that the table does not list, because that is a bug in
 * the parser rather than bad input.
 */
export function buildColumns(
  table: ColumnTable,
  values: Record<string, unknown>,
): Record<string, unknown> {
  for (const key of Object.keys(values)) {
    if (!Object.hasOwn(table, key)) {
      throw new Error(`column "${key}" is not in the source's column table`);
    }
  }
  const columns: Record<string, unknown> = {};
  for (const key of Object.keys(table)) {
    setOwn(columns, key, values[key] ?? null);
  }
  return columns;
}

const INT4_MAX = 2 ** 31 - 1;
const INT4_MIN = -(2 ** 31);

/** Describes why `value` does not fit a column of `type`, or returns null. */
export function columnTypeProblem(
  type: ColumnType,
  value: unknown,
): string | null {
  if (value === null) return null;
  switch (type) {
    case "text":
      return typeof value === "string" ? null : "expected a string";
    case "integer":
      return Number.isInteger(value) &&
        (value as number) >= INT4_MIN &&
        (value as number) <= INT4_MAX
        ? null
        : "expected an integer between -2^31 and 2^31-1";
    case "bigint":
      return Number.isSafeInteger(value) ? null : "expected a safe integer";
    case "boolean":
      return typeof value === "boolean" ? null : "expected a boolean";
    case "text[]":
      return Array.isArray(value) &&
        value.every((item) => typeof item === "string")
        ? null
        : "expected an array of strings";
    case "jsonb":
      return value === undefined ? "expected a JSON value" : null;
    case "timestamptz":
      return typeof value === "string" && CANONICAL_INSTANT.test(value)
        ? null
        : "expected an ISO-8601 UTC time";
  }
}

/** The output format of `parseSourceTime`. */
export const CANONICAL_INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;
