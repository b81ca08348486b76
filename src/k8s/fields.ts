import type { ValidationIssue } from "../errors.ts";
import type { JsonObject, JsonValue } from "./rows.ts";

/** A step into a JSON value: an object key or an array index. */
export type PathSegment = string | number;

/** A value read from an object, with the path it was read from. */
export interface Located<T> {
  value: T;
  path: PathSegment[];
}

/** Builds an RFC 6901 JSON pointer, escaping `~` and `/` inside keys. */
export function jsonPointer(segments: readonly PathSegment[]): string {
  return segments
    .map((segment) => {
      const escaped = String(segment).replaceAll("~", "~0");
      return "/" + escaped.replaceAll("/", "~1");
    })
    .join("");
}

/** Issues without repeats, in the order they were first found. */
export class IssueList {
  readonly #seen = new Set<string>();
  readonly items: ValidationIssue[] = [];

  add(path: string, message: string): void {
    const key = `${path}\n${message}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.items.push({ path, message });
  }

  addAll(issues: readonly ValidationIssue[]): void {
    for (const issue of issues) this.add(issue.path, issue.message);
  }
}

/**
 * Reads typed fields from one Kubernetes object. Absent and null fields read
 * as null or an empty default. A field of the wrong type also reads as null,
 * and adds an issue at its JSON pointer. Pointers start with `at`, the
 * object's own pointer in the input, such as `/items/3`.
 */
export class FieldReader {
  constructor(
    readonly item: JsonObject,
    readonly at: string,
    readonly issues: IssueList = new IssueList(),
  ) {}

  pathOf(segments: readonly PathSegment[]): string {
    return this.at + jsonPointer(segments);
  }

  /** Returns the value at `segments`, or undefined when any step is absent. */
  value(segments: readonly PathSegment[]): JsonValue | undefined {
    let current: JsonValue | undefined = this.item;
    for (let i = 0; i < segments.length; i++) {
      if (current === undefined || current === null) return undefined;
      const segment = segments[i] as PathSegment;
      if (typeof segment === "number") {
        current = Array.isArray(current) ? current[segment] : undefined;
      } else if (typeof current === "object" && !Array.isArray(current)) {
        current = Object.hasOwn(current, segment)
          ? current[segment]
          : undefined;
      } else {
        this.expected(segments.slice(0, i), "an object", current);
        return undefined;
      }
    }
    return current;
  }

  string(segments: readonly PathSegment[]): string | null {
    const value = this.value(segments);
    if (value === undefined || value === null) return null;
    if (typeof value === "string") return value;
    this.expected(segments, "a string", value);
    return null;
  }

  boolean(segments: readonly PathSegment[]): boolean | null {
    const value = this.value(segments);
    if (value === undefined || value === null) return null;
    if (typeof value === "boolean") return value;
    this.expected(segments, "a boolean", value);
    return null;
  }

  /** Reads a non-negative integer, such as a count or a replica number. */
  count(segments: readonly PathSegment[]): number | null {
    const value = this.value(segments);
    if (value === undefined || value === null) return null;
    if (
      typeof value === "number" &&
      Number.isSafeInteger(value) &&
      value >= 0
    ) {
      return value;
    }
    this.expected(segments, "a non-negative integer", value);
    return null;
  }

  object(segments: readonly PathSegment[]): JsonObject | null {
    const value = this.value(segments);
    if (value === undefined || value === null) return null;
    if (typeof value === "object" && !Array.isArray(value)) return value;
    this.expected(segments, "an object", value);
    return null;
  }

  /** Reads an array, which is empty when absent or null. */
  array(segments: readonly PathSegment[]): JsonValue[] {
    const value = this.value(segments);
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    this.expected(segments, "an array", value);
    return [];
  }

  /**
   * Reads an array of objects, such as containers or ports, each with its
   * own path. Entries that are not objects are reported and skipped.
   */
  objects(segments: readonly PathSegment[]): Located<JsonObject>[] {
    const located: Located<JsonObject>[] = [];
    this.array(segments).forEach((entry, index) => {
      const path = [...segments, index];
      if (
        entry !== null &&
        typeof entry === "object" &&
        !Array.isArray(entry)
      ) {
        located.push({ value: entry, path });
      } else {
        this.expected(path, "an object", entry);
      }
    });
    return located;
  }

  /** Reads a string-to-string map such as labels, or null when absent. */
  stringMap(segments: readonly PathSegment[]): Record<string, string> | null {
    const map = this.object(segments);
    if (map === null) return null;
    const strings: [string, string][] = [];
    for (const [key, value] of Object.entries(map)) {
      if (typeof value === "string") strings.push([key, value]);
      else this.expected([...segments, key], "a string", value);
    }
    // fromEntries keeps a "__proto__" key as data, where assignment would not.
    return Object.fromEntries(strings);
  }

  /** Reads an RFC 3339 time and returns it in UTC ISO-8601. */
  timestamp(segments: readonly PathSegment[]): string | null {
    const text = this.string(segments);
    if (text === null) return null;
    const iso = parseRfc3339(text);
    if (iso === null) {
      this.issues.add(
        this.pathOf(segments),
        `invalid timestamp ${JSON.stringify(text)}, expected RFC 3339 such as 2024-05-01T12:00:00Z`,
      );
    }
    return iso;
  }

  private expected(
    segments: readonly PathSegment[],
    expected: string,
    actual: JsonValue | undefined,
  ): void {
    this.issues.add(
      this.pathOf(segments),
      `expected ${expected}, found ${describeJsonType(actual)}`,
    );
  }
}

const RFC_3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Parses an RFC 3339 date-time into UTC ISO-8601 with millisecond precision
 * (Kubernetes writes whole seconds), or returns null. Unlike `Date.parse`, it
 * rejects impossible dates such as February 30.
 */
export function parseRfc3339(text: string): string | null {
  const match = RFC_3339.exec(text);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map(Number) as [number, number, number, number, number, number];
  const calendar = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0-99 as written.
  calendar.setUTCFullYear(year, month - 1, day);
  const dayExists =
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day;
  if (!dayExists || hour > 23 || minute > 59 || second > 59) return null;
  const millis = Date.parse(text.toUpperCase());
  return Number.isNaN(millis) ? null : new Date(millis).toISOString();
}

/** Describes a JSON value's type for messages: "a string", "an array", "null". */
export function describeJsonType(value: JsonValue | undefined): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
