/**
 * Strict decoding of one webhook body: bytes in, one JSON object out.
 *
 * A body is rejected with `InputError` when it is too large, empty, not
 * UTF-8, starts with a byte-order mark, is not exactly one JSON value, or is
 * not an object. Values that PostgreSQL cannot store are replaced instead, so
 * that no alert is lost, and each replacement is reported as a finding:
 * - U+0000 in a string or key becomes U+FFFD (`nul_replaced`), because jsonb
 *   and text reject U+0000.
 * - An unpaired UTF-16 surrogate, which JSON can carry as an escape such as
 *   `\ud800`, becomes U+FFFD (`lone_surrogate_replaced`), because jsonb
 *   rejects it.
 * - A number literal that would not come back with the same value from
 *   `JSON.parse` and `JSON.stringify` (`9007199254740993`, `1e400`, or 2^60,
 *   which comes back as 1152921504606847000) is kept as the nearest double
 *   and reported as `imprecise_number`. The test compares the literal with
 *   the shortest decimal of its double, so `44.23943737541908` (16
 *   significant digits, written by Go from a double) is not reported.
 *   Sources that send ids beyond 2^53 as strings, such as Datadog's 19-digit
 *   event ids, are unaffected.
 */

import { InputError } from "../errors.ts";
import { JsonScanError, pointerSegment, scanJson } from "./json-scan.ts";
import type { BodyFinding } from "./types.ts";

/** Default maximum body size: 10 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface DecodeOptions {
  /** Maximum body size in bytes; larger bodies are rejected. Default 10 MiB. */
  maxBodyBytes?: number;
}

export interface DecodedBody {
  value: Record<string, unknown>;
  findings: BodyFinding[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const NUL = /\u0000/g;
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const REPLACEMENT_CHARACTER = "\uFFFD";

/**
 * Decodes `bytes` as one UTF-8 JSON object. `name` is the file name, or `-`
 * for stdin, and starts every error message.
 */
export function decodeBody(
  bytes: Uint8Array,
  name: string,
  options: DecodeOptions = {},
): DecodedBody {
  checkSize(bytes, name, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  checkByteOrderMark(bytes, name);
  const text = decodeUtf8(bytes, name);
  if (text.trim() === "") {
    throw new InputError(
      `${name}: body contains only whitespace; expected a JSON object`,
      name,
    );
  }
  const scan = scanOrReject(text, name);
  if (scan.topLevelType !== "object") {
    throw new InputError(
      `${name}: expected a JSON object at the top level but found ${describeType(scan.topLevelType)}`,
      name,
    );
  }
  const parsed = JSON.parse(text) as Record<string, unknown>;
  const findings: BodyFinding[] = scan.impreciseNumberPaths.map((path) => ({
    transform: "imprecise_number",
    path,
  }));
  const value = replaceUnstorableText(parsed, "", findings) as Record<
    string,
    unknown
  >;
  return { value, findings };
}

function checkSize(bytes: Uint8Array, name: string, maxBodyBytes: number) {
  if (!(bytes instanceof Uint8Array)) {
    throw new InputError(
      `${name}: body must be bytes (Buffer or Uint8Array)`,
      name,
    );
  }
  if (bytes.byteLength > maxBodyBytes) {
    throw new InputError(
      `${name}: body is ${bytes.byteLength} bytes, more than the maximum of ${maxBodyBytes} bytes: ` +
        "split it into smaller bodies, or raise the maximum (--max-body-mib of aurora-db ingest, " +
        "or the maxBodyBytes option of the library)",
      name,
    );
  }
  if (bytes.byteLength === 0) {
    throw new InputError(
      `${name}: body is empty; expected a JSON object`,
      name,
    );
  }
}

function checkByteOrderMark(bytes: Uint8Array, name: string) {
  if (UTF8_BOM.every((byte, index) => bytes[index] === byte)) {
    throw new InputError(
      `${name}: body starts with a UTF-8 byte-order mark (EF BB BF); send UTF-8 without a byte-order mark`,
      name,
    );
  }
  const first = bytes[0];
  const second = bytes[1];
  if (
    (first === 0xff && second === 0xfe) ||
    (first === 0xfe && second === 0xff)
  ) {
    throw new InputError(
      `${name}: body starts with a UTF-16 byte-order mark; send UTF-8`,
      name,
    );
  }
}

function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(
      bytes,
    );
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const where =
      offset === -1
        ? ""
        : ` at byte offset ${offset} (0x${(bytes[offset] ?? 0).toString(16).padStart(2, "0")})`;
    throw new InputError(
      `${name}: body is not valid UTF-8${where}; send JSON encoded as UTF-8`,
      name,
    );
  }
}

/**
 * Returns the offset of the first byte that starts an invalid UTF-8 sequence
 * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or -1.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const length = utf8SequenceLength(bytes, index);
    if (length === 0) return index;
    index += length;
  }
  return -1;
}

function utf8SequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index] as number;
  if (lead < 0x80) return 1;
  let length: number;
  let minimum: number;
  if (lead >= 0xc2 && lead <= 0xdf) [length, minimum] = [2, 0x80];
  else if (lead >= 0xe0 && lead <= 0xef) [length, minimum] = [3, 0x800];
  else if (lead >= 0xf0 && lead <= 0xf4) [length, minimum] = [4, 0x10000];
  else return 0;
  let codePoint = lead & (0xff >> (length + 1));
  for (let offset = 1; offset < length; offset += 1) {
    const next = bytes[index + offset];
    if (next === undefined || (next & 0xc0) !== 0x80) return 0;
    codePoint = (codePoint << 6) | (next & 0x3f);
  }
  const isSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  if (codePoint < minimum || codePoint > 0x10ffff || isSurrogate) return 0;
  return length;
}

function scanOrReject(text: string, name: string) {
  try {
    return scanJson(text);
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error;
    const { line, column } = lineAndColumn(text, error.offset);
    const where = `line ${line}, column ${column}`;
    const messages: Record<JsonScanError["kind"], string> = {
      syntax: `invalid JSON at ${where}: ${error.message}`,
      truncated: `truncated JSON: the body ends at ${where} before the JSON value is complete`,
      extra_value: `body holds more than one JSON document (NDJSON or concatenated JSON); the second starts at ${where}. Send one JSON object per body`,
      depth: `invalid JSON at ${where}: ${error.message}`,
    };
    throw new InputError(`${name}: ${messages[error.kind]}`, name);
  }
}

/** Converts a UTF-16 offset to a 1-based line and a 1-based column in code points. */
export function lineAndColumn(
  text: string,
  offset: number,
): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  let line = 1;
  for (let index = 0; index < lineStart; index += 1) {
    if (before.charCodeAt(index) === 0x0a) line += 1;
  }
  const column = [...before.slice(lineStart)].length + 1;
  return { line, column };
}

function describeType(type: string): string {
  if (type === "null") return "null";
  if (type === "array") return "an array";
  return `a ${type}`;
}

/**
 * Replaces U+0000 and unpaired surrogates in every string and key, recording
 * one finding per changed string. Objects whose keys change are rebuilt with
 * `Object.fromEntries`, which keeps key order and treats `__proto__` as data.
 */
function replaceUnstorableText(
  value: unknown,
  path: string,
  findings: BodyFinding[],
): unknown {
  if (typeof value === "string") return replaceInString(value, path, findings);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const itemPath = `${path}/${index}`;
      value[index] = replaceUnstorableText(value[index], itemPath, findings);
    }
    return value;
  }
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  let keyChanged = false;
  const entries = Object.keys(record).map((key): [string, unknown] => {
    const storableKey = replaceInString(key, path, findings);
    if (storableKey !== key) keyChanged = true;
    const memberPath = `${path}/${pointerSegment(storableKey)}`;
    const member = replaceUnstorableText(record[key], memberPath, findings);
    return [storableKey, member];
  });
  if (keyChanged) return Object.fromEntries(entries);
  for (const [key, member] of entries) {
    if (record[key] !== member) record[key] = member;
  }
  return record;
}

function replaceInString(
  text: string,
  path: string,
  findings: BodyFinding[],
): string {
  let result = text;
  if (result.includes("\u0000")) {
    result = result.replace(NUL, REPLACEMENT_CHARACTER);
    findings.push({ transform: "nul_replaced", path });
  }
  LONE_SURROGATE.lastIndex = 0;
  if (LONE_SURROGATE.test(result)) {
    result = result.replace(LONE_SURROGATE, REPLACEMENT_CHARACTER);
    findings.push({ transform: "lone_surrogate_replaced", path });
  }
  return result;
}
