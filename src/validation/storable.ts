/**
 * Checks for values that PostgreSQL cannot store as they are. Text and JSONB
 * reject U+0000, and jsonb rejects the escape of an unpaired UTF-16
 * surrogate; pg would silently turn an unpaired surrogate in a text parameter
 * into U+FFFD. Such values are rejected here, before any SQL runs, with the
 * JSON Pointer of the offending string or key.
 */
import type { ValidationIssue } from "../errors.ts";

/** Limits of one JSON document. */
export interface JsonLimits {
  /** Maximum size of the document as JSON text, in UTF-8 bytes. */
  maxBytes: number;
  /** Maximum nesting of arrays and objects; a scalar has depth 0. */
  maxDepth: number;
}

/** At most this many issues are listed for one document. */
const MAX_ISSUES = 20;

const UNPAIRED_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Returns why PostgreSQL cannot store the string, or null when it can. */
export function unstorableTextReason(text: string): string | null {
  if (text.includes("\u0000")) {
    return "must not contain the character U+0000 (NUL), which PostgreSQL cannot store; remove it";
  }
  if (UNPAIRED_SURROGATE.test(text)) {
    return "must not contain an unpaired UTF-16 surrogate (U+D800 to U+DFFF), which PostgreSQL cannot store; send well-formed Unicode";
  }
  return null;
}

/** Escapes a key for a JSON Pointer (RFC 6901). */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Returns the issues that keep `value` from being stored as jsonb: values that
 * are not JSON (undefined, functions, NaN, Infinity, bigint, class instances,
 * cycles), unstorable strings or keys, nesting deeper than `maxDepth`, and a
 * JSON text longer than `maxBytes`. Paths start at `path`.
 */
export function jsonValueIssues(
  value: unknown,
  path: string,
  limits: JsonLimits,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  walkJson(value, path, 0, limits.maxDepth, new Set(), issues);
  if (issues.length === 0) {
    const bytes = Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
    if (bytes > limits.maxBytes) {
      issues.push({
        path,
        message: `must be at most ${limits.maxBytes} bytes as JSON, but is ${bytes} bytes`,
      });
    }
  }
  return issues.slice(0, MAX_ISSUES);
}

function walkJson(
  value: unknown,
  path: string,
  depth: number,
  maxDepth: number,
  ancestors: Set<object>,
  issues: ValidationIssue[],
): void {
  if (issues.length >= MAX_ISSUES) return;
  if (value === null || typeof value === "boolean") return;
  if (typeof value === "string") {
    const reason = unstorableTextReason(value);
    if (reason !== null) issues.push({ path, message: reason });
    return;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      issues.push({ path, message: `must be a finite number, got ${value}` });
    }
    return;
  }
  if (typeof value !== "object") {
    const got = value === undefined ? "undefined" : `a ${typeof value}`;
    issues.push({ path, message: `must be a JSON value, got ${got}` });
    return;
  }
  walkContainer(value, path, depth, maxDepth, ancestors, issues);
}

function walkContainer(
  value: object,
  path: string,
  depth: number,
  maxDepth: number,
  ancestors: Set<object>,
  issues: ValidationIssue[],
): void {
  if (ancestors.has(value)) {
    issues.push({ path, message: "must not contain itself (a cycle)" });
    return;
  }
  if (depth + 1 > maxDepth) {
    issues.push({
      path,
      message: `must be nested at most ${maxDepth} levels deep`,
    });
    return;
  }
  if (!Array.isArray(value) && !isPlainObject(value)) {
    issues.push({
      path,
      message: `must be a plain JSON object or array, got ${value.constructor?.name ?? "an object"}`,
    });
    return;
  }
  ancestors.add(value);
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  for (const [key, item] of entries) {
    // JSON.stringify leaves out object members whose value is undefined, as
    // optional fields of TypeScript objects often are; in an array it would
    // write null instead, so there undefined is rejected.
    if (item === undefined && !Array.isArray(value)) continue;
    const itemPath = `${path}/${pointerSegment(key)}`;
    const keyReason = Array.isArray(value) ? null : unstorableTextReason(key);
    if (keyReason !== null) {
      issues.push({ path: itemPath, message: `key ${keyReason}` });
      continue;
    }
    walkJson(item, itemPath, depth + 1, maxDepth, ancestors, issues);
  }
  ancestors.delete(value);
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
