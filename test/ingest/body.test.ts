/** Bad and unstorable webhook bodies, through `decodeBody` and `parseAlerts`. */

import { test } from "uvu";
import * as assert from "uvu/assert";
import { thrownBy } from "./helpers.ts";
import { InputError } from "../../src/errors.ts";
import {
  DEFAULT_MAX_BODY_BYTES,
  decodeBody,
  firstInvalidUtf8Offset,
} from "../../src/ingest/body.ts";
import { losesPrecisionAsDouble } from "../../src/ingest/json-scan.ts";
import { parseAlerts } from "../../src/ingest/index.ts";

const FILE = "hooks/incoming-42.json";

function bytes(text: string): Buffer {
  return Buffer.from(text, "utf8");
}

/** Runs `decodeBody` and returns the InputError it must throw. */
function decodeError(body: Uint8Array, maxBodyBytes?: number): InputError {
  const options = maxBodyBytes === undefined ? {} : { maxBodyBytes };
  return thrownBy(() => decodeBody(body, FILE, options), InputError);
}

function assertRejected(
  body: Uint8Array,
  messagePart: RegExp,
  maxBodyBytes?: number,
): void {
  const error = decodeError(body, maxBodyBytes);
  assert.is(error.file, FILE);
  assert.is(error.code, "input");
  assert.ok(error.message.startsWith(`${FILE}: `), error.message);
  assert.match(error.message, messagePart);
}

test("rejects invalid JSON with line and column", () => {
  assertRejected(
    bytes('{\n  "a": 1,\n  "b": }\n'),
    /invalid JSON at line 3, column 8: unexpected character `}`/,
  );
});

test("rejects single-quoted JSON", () => {
  assertRejected(
    bytes("{'a': 1}"),
    /line 1, column 2: expected a property name in double quotes/,
  );
});

test("rejects a UTF-8 byte-order mark", () => {
  assertRejected(bytes('\uFEFF{"a":1}'), /UTF-8 byte-order mark/);
});

test("rejects a UTF-16 byte-order mark", () => {
  assertRejected(Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), /UTF-16/);
});

test("rejects NDJSON", () => {
  assertRejected(
    bytes('{"a":1}\n{"a":2}\n'),
    /more than one JSON document \(NDJSON or concatenated JSON\); the second starts at line 2, column 1/,
  );
});

test("rejects concatenated objects", () => {
  assertRejected(
    bytes('{"a":1}{"a":2}'),
    /more than one JSON document.*line 1, column 8/,
  );
});

test("rejects a truncated object", () => {
  assertRejected(
    bytes('{"alerts": [{"status": "firing"'),
    /truncated JSON: the body ends at line 1, column 32/,
  );
});

test("rejects a truncated string", () => {
  assertRejected(bytes('{"title": "CPU hi'), /truncated JSON/);
});

test("rejects a truncated literal and number", () => {
  assertRejected(bytes('{"a": tru'), /truncated JSON/);
  assertRejected(bytes('{"a": -'), /truncated JSON/);
  assertRejected(bytes('{"a": 1.'), /truncated JSON/);
});

test("rejects bytes that are not UTF-8", () => {
  const body = Buffer.concat([
    bytes('{"a":"'),
    Buffer.from([0xc3, 0x28]),
    bytes('"}'),
  ]);
  assertRejected(body, /not valid UTF-8 at byte offset 6 \(0xc3\)/);
});

test("rejects Latin-1 text", () => {
  assertRejected(
    Buffer.from('{"city":"M\xfcnchen"}', "latin1"),
    /not valid UTF-8/,
  );
});

test("rejects a top-level null", () => {
  assertRejected(
    bytes("null"),
    /expected a JSON object at the top level but found null/,
  );
});

test("rejects a top-level array", () => {
  assertRejected(bytes('[{"a":1}]'), /but found an array/);
});

test("rejects top-level scalars", () => {
  assertRejected(bytes('"firing"'), /but found a string/);
  assertRejected(bytes("42"), /but found a number/);
  assertRejected(bytes("true"), /but found a boolean/);
});

test("rejects an empty body", () => {
  assertRejected(Buffer.alloc(0), /body is empty/);
});

test("rejects a whitespace body", () => {
  assertRejected(bytes(" \r\n\t"), /only whitespace/);
});

test("rejects an oversized body", () => {
  const body = bytes(`{"a":"${"x".repeat(100)}"}`);
  assertRejected(
    body,
    /is 108 bytes, more than the maximum of 64 bytes: split it into smaller bodies, or raise the maximum/,
    64,
  );
});

test("defaults the maximum to 10 MiB", () => {
  assert.is(DEFAULT_MAX_BODY_BYTES, 10 * 1024 * 1024);
  const body = Buffer.alloc(DEFAULT_MAX_BODY_BYTES + 1, 0x20);
  assertRejected(body, /more than the maximum of 10485760 bytes/);
});

test("rejects raw control characters in strings", () => {
  assertRejected(bytes('{"a":"x\ty"}'), /unescaped control character U\+0009/);
});

test("rejects leading zeros", () => {
  assertRejected(bytes('{"a": 01}'), /invalid number/);
});

test("rejects nesting deeper than 1000", () => {
  const body = bytes(`{"a":${"[".repeat(1001)}${"]".repeat(1001)}}`);
  assertRejected(body, /nested deeper than 1000 levels/);
});

test("rejects bad bodies in parseAlerts too", () => {
  const error = thrownBy(
    () => parseAlerts("grafana", bytes("[]"), FILE),
    InputError,
  );
  assert.is(error.file, FILE);
  assert.match(error.message, /^hooks\/incoming-42\.json: /);
});

test("replaces NUL in values and keys", () => {
  const { value, findings } = decodeBody(
    bytes('{"ti\\u0000tle":"disk\\u0000full","ok":"fine"}'),
    FILE,
  );
  assert.equal(value, { "ti\uFFFDtle": "disk\uFFFDfull", ok: "fine" });
  assert.equal(findings, [
    { transform: "nul_replaced", path: "" },
    { transform: "nul_replaced", path: "/ti\uFFFDtle" },
  ]);
});

test("replaces lone surrogates", () => {
  const { value, findings } = decodeBody(
    bytes('{"a":["ok","x\\ud800y","\\udc00","\\ud83d\\ude00"]}'),
    FILE,
  );
  assert.equal(value, { a: ["ok", "x\uFFFDy", "\uFFFD", "\u{1F600}"] });
  assert.equal(findings, [
    { transform: "lone_surrogate_replaced", path: "/a/1" },
    { transform: "lone_surrogate_replaced", path: "/a/2" },
  ]);
});

test("keeps __proto__ keys as data", () => {
  const { value } = decodeBody(
    bytes('{"__proto__":{"polluted":"\\u0000"}}'),
    FILE,
  );
  assert.is(Object.getPrototypeOf(value), Object.prototype);
  assert.equal(Object.keys(value), ["__proto__"]);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test("reports numbers that lose precision", () => {
  const { value, findings } = decodeBody(
    bytes(
      '{"id":7879702138782271851,"f":44.23943737541908,"big":1e400,"ok":2473545728,"pow":1152921504606846976}',
    ),
    FILE,
  );
  assert.is(value.f, 44.23943737541908);
  assert.equal(findings, [
    { transform: "imprecise_number", path: "/id" },
    { transform: "imprecise_number", path: "/big" },
    { transform: "imprecise_number", path: "/pow" },
  ]);
});

test("compares literals with their doubles", () => {
  assert.is(losesPrecisionAsDouble("9007199254740993"), true);
  assert.is(losesPrecisionAsDouble("9007199254740992"), false);
  assert.is(losesPrecisionAsDouble("0.1"), false);
  assert.is(losesPrecisionAsDouble("1.00000000000000000001"), true);
  assert.is(losesPrecisionAsDouble("1e-400"), true);
  assert.is(losesPrecisionAsDouble("-0"), false);
  assert.is(losesPrecisionAsDouble("12.50e3"), false);
});

test("finds the first invalid UTF-8 byte", () => {
  assert.is(firstInvalidUtf8Offset(bytes("ok ✓")), -1);
  assert.is(firstInvalidUtf8Offset(Buffer.from([0x61, 0xc0, 0x80])), 1);
  assert.is(firstInvalidUtf8Offset(Buffer.from([0xed, 0xa0, 0x80])), 0);
  assert.is(firstInvalidUtf8Offset(Buffer.from([0x61, 0xe2, 0x9c])), 1);
});

test("accepts CRLF and tabs", () => {
  const { value } = decodeBody(bytes('{\r\n\t"a": 1\r\n}\r\n'), FILE);
  assert.equal(value, { a: 1 });
});

test.run();
