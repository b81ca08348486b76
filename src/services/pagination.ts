/**
 * Keyset pagination: a list returns up to `limit` items and, when more rows
 * follow, an opaque `next` cursor naming the last item's position (its exact
 * ordering timestamp and id). Passing `next` back as `after` continues after
 * that item, however many rows were inserted or deleted meanwhile.
 *
 * A cursor is base64url JSON of [list, time, id]. The list name keeps a
 * cursor of one list from being used on another.
 */
import { ValidationError } from "../errors.ts";
import { PAGE_LIMITS } from "../validation/fields.ts";

export interface Page<T> {
  items: T[];
  /** Cursor of the next page, or null when this page is the last. */
  next: string | null;
}

/** A decoded cursor: the ordering timestamp as exact UTC text, and the id. */
export interface CursorPosition {
  time: string;
  id: string;
}

export type CursorIdKind = "uuid" | "bigint";

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const ID_PATTERNS: Record<CursorIdKind, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  bigint: /^[1-9][0-9]{0,18}$/,
};

/** Returns `limit` when given, else the default page size. */
export function pageSize(limit: number | null | undefined): number {
  return limit ?? PAGE_LIMITS.default;
}

export function encodeCursor(list: string, position: CursorPosition): string {
  const json = JSON.stringify([list, position.time, position.id]);
  return Buffer.from(json, "utf8").toString("base64url");
}

/**
 * Decodes `cursor` of `list`. Returns null for a missing cursor and throws a
 * ValidationError at /after for one that this list did not return.
 */
export function decodeCursor(
  list: string,
  cursor: string | null | undefined,
  idKind: CursorIdKind,
): CursorPosition | null {
  if (cursor === undefined || cursor === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 3 &&
    parsed[0] === list &&
    typeof parsed[1] === "string" &&
    CURSOR_TIME.test(parsed[1]) &&
    typeof parsed[2] === "string" &&
    ID_PATTERNS[idKind].test(parsed[2])
  ) {
    return { time: parsed[1], id: parsed[2] };
  }
  throw new ValidationError(
    `Invalid cursor: pass the "next" value that the previous page of ${list} returned, unchanged.`,
    [{ path: "/after", message: `must be a cursor returned by ${list}` }],
  );
}

/**
 * Builds a page from rows fetched with `limit + 1`, where the extra row only
 * shows that a next page exists. `cursorTime` is removed from the items.
 */
export function toPage<Row extends { cursorTime: string; id: string }>(
  list: string,
  rows: Row[],
  limit: number,
): Page<Omit<Row, "cursorTime">> {
  const items = rows.slice(0, limit).map(({ cursorTime: _, ...item }) => item);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items,
    next: last
      ? encodeCursor(list, { time: last.cursorTime, id: last.id })
      : null,
  };
}
