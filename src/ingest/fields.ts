/**
 * Readers for untyped webhook JSON. Each returns null for an absent or empty
 * value and throws `ValidationError` with a JSON pointer only where a parser
 * cannot go on without the value.
 */

import { ValidationError } from "../errors.ts";
import type { BodyFinding, ParseContext, PayloadTransform } from "./types.ts";

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Creates a `ValidationError` with one issue at `path`. */
export function invalidField(path: string, message: string): ValidationError {
  return new ValidationError(`${path || "/"}: ${message}`, [{ path, message }]);
}

export function requireRecord(
  value: unknown,
  path: string,
  expected: string,
): JsonObject {
  if (isRecord(value)) return value;
  throw invalidField(path, `expected ${expected}, found ${describe(value)}`);
}

export function requireArray(
  value: unknown,
  path: string,
  expected: string,
): unknown[] {
  if (Array.isArray(value)) return value;
  throw invalidField(path, `expected ${expected}, found ${describe(value)}`);
}

export function recordOrNull(value: unknown): JsonObject | null {
  return isRecord(value) ? value : null;
}

export function arrayOrEmpty(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Reads a string or number as trimmed text. Empty strings, booleans, objects
 * and arrays read as null.
 */
export function text(value: unknown): string | null {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? null : trimmed;
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return value.toString();
  return null;
}

/** Returns the first value that reads as text. */
export function firstText(...values: unknown[]): string | null {
  for (const value of values) {
    const found = text(value);
    if (found !== null) return found;
  }
  return null;
}

/** Reads a safe integer from a number or a decimal string. */
export function integer(value: unknown): number | null {
  const numeric =
    typeof value === "string" && /^-?\d+$/.test(value.trim())
      ? Number(value)
      : value;
  if (typeof numeric === "number" && Number.isSafeInteger(numeric)) {
    return numeric;
  }
  return null;
}

export function booleanOrNull(value: unknown): boolean | null {
  return typeof value === "boolean" ? value : null;
}

/**
 * Reads a label map. Strings are kept as sent (labels are identity, so they
 * are not trimmed), numbers and booleans become strings, null is dropped and
 * anything else is rejected.
 */
export function stringMap(
  value: unknown,
  path: string,
): Record<string, string> {
  if (value === undefined || value === null) return {};
  const record = requireRecord(value, path, "an object of strings");
  const result: Record<string, string> = {};
  for (const [key, member] of Object.entries(record)) {
    if (member === null) continue;
    if (typeof member === "string") setOwn(result, key, member);
    else if (typeof member === "number" || typeof member === "boolean") {
      setOwn(result, key, String(member));
    } else {
      throw invalidField(
        `${path}/${key}`,
        `expected a string, found ${describe(member)}`,
      );
    }
  }
  return result;
}

/** Returns the value of the first key present (compared case-insensitively). */
export function pickFromMap(
  map: Record<string, unknown>,
  keys: readonly string[],
): string | null {
  const byLowerKey = new Map<string, unknown>();
  for (const [key, value] of Object.entries(map)) {
    const lower = key.toLowerCase();
    if (!byLowerKey.has(lower)) byLowerKey.set(lower, value);
  }
  for (const key of keys) {
    const found = text(byLowerKey.get(key.toLowerCase()));
    if (found !== null) return found;
  }
  return null;
}

/** Splits `a, b,c` or reads a string array; empty items are dropped. */
export function tagList(value: unknown): string[] {
  const items = Array.isArray(value)
    ? value
    : typeof value === "string"
      ? value.split(",")
      : [];
  return items
    .map((item) => text(item))
    .filter((item): item is string => item !== null);
}

/**
 * Turns `key:value` tags into labels. A tag without a colon becomes a label
 * with an empty value; when a key repeats, the first value is kept.
 */
export function labelsFromTags(
  tags: readonly string[],
): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const tag of tags) {
    const colon = tag.indexOf(":");
    const key = colon === -1 ? tag : tag.slice(0, colon);
    const value = colon === -1 ? "" : tag.slice(colon + 1);
    if (!Object.hasOwn(labels, key)) setOwn(labels, key, value);
  }
  return labels;
}

/**
 * Sets an own enumerable property. Plain assignment would treat the key
 * `__proto__` as the prototype instead of data.
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** The order of `PayloadTransform`, used for every payloadTransforms list. */
const TRANSFORM_ORDER: readonly PayloadTransform[] = [
  "nul_replaced",
  "lone_surrogate_replaced",
  "imprecise_number",
  "title_truncated",
  "description_truncated",
  "service_truncated",
  "environment_truncated",
  "source_state_truncated",
  "label_truncated",
];

/** Orders payload transforms as listed in `PayloadTransform` and drops repeats. */
export function orderTransforms(
  transforms: Iterable<PayloadTransform>,
): PayloadTransform[] {
  const present = new Set(transforms);
  return TRANSFORM_ORDER.filter((transform) => present.has(transform));
}

/** Returns the transforms of the findings whose path `belongs` accepts. */
export function transformsWhere(
  context: ParseContext,
  belongs: (path: string) => boolean,
): PayloadTransform[] {
  return orderTransforms(
    context.findings
      .filter((finding: BodyFinding) => belongs(finding.path))
      .map((finding) => finding.transform),
  );
}

/** Returns every transform of the body, for sources whose payload is the whole body. */
export function allTransforms(context: ParseContext): PayloadTransform[] {
  return transformsWhere(context, () => true);
}

/**
 * Accepts paths of the envelope and of item `index` of the array at
 * `arrayPointer`, so that a grouped body's other items do not flag this one.
 */
export function belongsToItem(
  arrayPointer: string,
  index: number,
): (path: string) => boolean {
  const prefix = `${arrayPointer}/`;
  return (path) => {
    if (!path.startsWith(prefix)) return true;
    return path.slice(prefix.length).split("/")[0] === String(index);
  };
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
