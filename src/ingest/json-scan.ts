/**
 * A strict RFC 8259 scanner that runs before `JSON.parse`. It exists because
 * V8's `JSON.parse` messages differ between Node versions and often give no
 * position, and because `JSON.parse` silently rounds number literals. The
 * scanner builds no values: it reports the first syntax error with its offset
 * and lists the number literals that lose precision as doubles.
 */

/** Maximum nesting of objects and arrays; deeper bodies are rejected. */
export const MAX_JSON_DEPTH = 1000;

export type JsonValueType =
  "object" | "array" | "string" | "number" | "boolean" | "null";

export type JsonScanErrorKind =
  "syntax" | "truncated" | "extra_value" | "depth";

/** The first problem found in the text, at a UTF-16 offset. */
export class JsonScanError extends Error {
  readonly kind: JsonScanErrorKind;
  readonly offset: number;

  constructor(kind: JsonScanErrorKind, offset: number, message: string) {
    super(message);
    this.name = "JsonScanError";
    this.kind = kind;
    this.offset = offset;
  }
}

export interface JsonScanResult {
  topLevelType: JsonValueType;
  /** JSON pointers of number literals that a double would not keep unchanged. */
  impreciseNumberPaths: string[];
}

interface Frame {
  isObject: boolean;
  key: string;
  index: number;
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const SIMPLE_ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const ESCAPED_CHARACTERS: Record<string, string> = {
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};
const NUMBER_PATTERN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4_PATTERN = /^[0-9a-fA-F]{4}$/;

/** Scans `text` as exactly one JSON value; throws `JsonScanError` on the first problem. */
export function scanJson(text: string): JsonScanResult {
  const scanner = new JsonScanner(text);
  return scanner.scanDocument();
}

/**
 * Tells whether a JSON number literal changes when read as a double and
 * written back. `9007199254740993`, `1e400` and `1152921504606846976` (2^60,
 * written back as 1152921504606847000) do; `44.23943737541908` and
 * `2473545728` do not, although the first has 16 significant digits.
 */
export function losesPrecisionAsDouble(literal: string): boolean {
  const value = Number(literal);
  if (!Number.isFinite(value)) return true;
  return canonicalDecimal(literal) !== canonicalDecimal(String(value));
}

/** Rewrites a decimal literal as `<sign><digits>e<exponent>` without redundant zeros. */
function canonicalDecimal(literal: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  if (!match) return literal;
  const fraction = match[3] ?? "";
  let digits = (match[2] + fraction).replace(/^0+/, "");
  if (digits === "") return "0";
  let exponent = Number(match[4] ?? "0") - fraction.length;
  const withoutTrailingZeros = digits.replace(/0+$/, "");
  exponent += digits.length - withoutTrailingZeros.length;
  digits = withoutTrailingZeros;
  return `${match[1]}${digits}e${exponent}`;
}

/** Encodes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

class JsonScanner {
  private readonly text: string;
  private position = 0;
  private readonly stack: Frame[] = [];
  private readonly impreciseNumberPaths: string[] = [];

  constructor(text: string) {
    this.text = text;
  }

  scanDocument(): JsonScanResult {
    this.skipWhitespace();
    const topLevelType = this.peekValueType();
    this.scanValueTree();
    this.skipWhitespace();
    if (this.position < this.text.length) {
      throw new JsonScanError(
        "extra_value",
        this.position,
        "more than one JSON value: text continues after the first complete value",
      );
    }
    return { topLevelType, impreciseNumberPaths: this.impreciseNumberPaths };
  }

  private peekValueType(): JsonValueType {
    const character = this.text[this.position];
    if (character === "{") return "object";
    if (character === "[") return "array";
    if (character === '"') return "string";
    if (character === "t" || character === "f") return "boolean";
    if (character === "n") return "null";
    return "number";
  }

  /** Scans one value and everything nested in it, without recursion. */
  private scanValueTree(): void {
    let expectValue = true;
    for (;;) {
      if (expectValue) {
        this.skipWhitespace();
        expectValue = this.scanValueStart();
        continue;
      }
      if (this.stack.length === 0) return;
      expectValue = this.scanAfterMember();
    }
  }

  /** Scans a scalar, or opens a container; returns whether a value must follow. */
  private scanValueStart(): boolean {
    const character = this.text[this.position];
    if (character === undefined) this.failTruncated();
    if (character === "{") return this.openContainer(true, "}");
    if (character === "[") return this.openContainer(false, "]");
    if (character === '"') {
      this.scanString();
      return false;
    }
    if (character === "-" || (character >= "0" && character <= "9")) {
      this.scanNumber();
      return false;
    }
    if (character === "t") return this.scanLiteral("true");
    if (character === "f") return this.scanLiteral("false");
    if (character === "n") return this.scanLiteral("null");
    throw new JsonScanError(
      "syntax",
      this.position,
      `unexpected character ${describeCharacter(character)} where a value was expected`,
    );
  }

  private openContainer(isObject: boolean, closer: string): boolean {
    if (this.stack.length >= MAX_JSON_DEPTH) {
      throw new JsonScanError(
        "depth",
        this.position,
        `objects and arrays are nested deeper than ${MAX_JSON_DEPTH} levels`,
      );
    }
    this.position += 1;
    this.skipWhitespace();
    if (this.text[this.position] === closer) {
      this.position += 1;
      return false;
    }
    const frame: Frame = { isObject, key: "", index: 0 };
    this.stack.push(frame);
    if (isObject) frame.key = this.scanMemberName();
    return true;
  }

  /** Handles `,`, `}` or `]` after a member; returns whether a value must follow. */
  private scanAfterMember(): boolean {
    this.skipWhitespace();
    const frame = this.stack[this.stack.length - 1] as Frame;
    const character = this.text[this.position];
    if (character === undefined) this.failTruncated();
    if (character === ",") {
      this.position += 1;
      if (frame.isObject) frame.key = this.scanMemberName();
      else frame.index += 1;
      return true;
    }
    const closer = frame.isObject ? "}" : "]";
    if (character === closer) {
      this.position += 1;
      this.stack.pop();
      return false;
    }
    throw new JsonScanError(
      "syntax",
      this.position,
      `expected ',' or '${closer}' but found ${describeCharacter(character)}`,
    );
  }

  private scanMemberName(): string {
    this.skipWhitespace();
    const character = this.text[this.position];
    if (character === undefined) this.failTruncated();
    if (character !== '"') {
      throw new JsonScanError(
        "syntax",
        this.position,
        `expected a property name in double quotes but found ${describeCharacter(character)}`,
      );
    }
    const name = this.scanString();
    this.skipWhitespace();
    const separator = this.text[this.position];
    if (separator === undefined) this.failTruncated();
    if (separator !== ":") {
      throw new JsonScanError(
        "syntax",
        this.position,
        `expected ':' after a property name but found ${describeCharacter(separator)}`,
      );
    }
    this.position += 1;
    return name;
  }

  /** Scans a string literal and returns its decoded value. */
  private scanString(): string {
    this.position += 1;
    let value = "";
    for (;;) {
      const character = this.text[this.position];
      if (character === undefined) this.failTruncated();
      if (character === '"') {
        this.position += 1;
        return value;
      }
      if (character === "\\") {
        value += this.scanEscape();
        continue;
      }
      if (character < " ") {
        throw new JsonScanError(
          "syntax",
          this.position,
          `unescaped control character ${describeCharacter(character)} inside a string; write it as a \\u escape`,
        );
      }
      value += character;
      this.position += 1;
    }
  }

  private scanEscape(): string {
    const escape = this.text[this.position + 1];
    if (escape === undefined) this.failTruncated();
    if (SIMPLE_ESCAPES.has(escape)) {
      this.position += 2;
      return ESCAPED_CHARACTERS[escape] ?? escape;
    }
    if (escape === "u") {
      const hex = this.text.slice(this.position + 2, this.position + 6);
      if (hex.length < 4 && this.position + 6 > this.text.length) {
        this.failTruncated();
      }
      if (!HEX4_PATTERN.test(hex)) {
        throw new JsonScanError(
          "syntax",
          this.position,
          "invalid \\u escape: expected four hexadecimal digits",
        );
      }
      this.position += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    throw new JsonScanError(
      "syntax",
      this.position,
      `invalid escape sequence \\${escape}`,
    );
  }

  private scanNumber(): void {
    NUMBER_PATTERN.lastIndex = this.position;
    const literal = NUMBER_PATTERN.exec(this.text)?.[0] ?? "";
    const end = this.position + literal.length;
    const rest = this.text.slice(end, end + 32);
    const continuesAsNumber = /^[0-9.eE+-]/.test(rest);
    if (literal === "" || continuesAsNumber) {
      // "-", "1." or "1e+" at the very end of the text is a cut-off number.
      if (/^[0-9.eE+-]*$/.test(this.text.slice(this.position))) {
        this.failTruncated();
      }
      throw new JsonScanError(
        "syntax",
        this.position,
        'invalid number: JSON numbers have no leading zeros or "+", and need digits after "." and "e"',
      );
    }
    if (losesPrecisionAsDouble(literal)) {
      this.impreciseNumberPaths.push(this.currentPath());
    }
    this.position = end;
  }

  private scanLiteral(word: "true" | "false" | "null"): boolean {
    const found = this.text.slice(this.position, this.position + word.length);
    if (found === word) {
      this.position += word.length;
      return false;
    }
    const atEnd = this.position + found.length === this.text.length;
    if (atEnd && word.startsWith(found)) this.failTruncated();
    throw new JsonScanError(
      "syntax",
      this.position,
      `unexpected character ${describeCharacter(this.text[this.position] ?? "")} where a value was expected`,
    );
  }

  private currentPath(): string {
    return this.stack
      .map(
        (frame) =>
          "/" + pointerSegment(frame.isObject ? frame.key : frame.index),
      )
      .join("");
  }

  private skipWhitespace(): void {
    while (WHITESPACE.has(this.text[this.position] as string)) {
      this.position += 1;
    }
  }

  private failTruncated(): never {
    throw new JsonScanError(
      "truncated",
      this.text.length,
      "the text ends before the JSON value is complete (truncated body?)",
    );
  }
}

function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) {
    return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return `\`${character}\``;
}
