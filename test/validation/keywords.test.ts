import { test } from "uvu";
import * as assert from "uvu/assert";

import { ValidationError } from "../../src/errors.ts";
import { compileValidator } from "../../src/validation/index.ts";

/** Returns the messages that a schema reports for `value`, or [] when it accepts it. */
function messages(schema: object, value: unknown): string[] {
  const validate = compileValidator<unknown>("value", schema);
  try {
    validate(value);
    return [];
  } catch (error) {
    assert.instance(error, ValidationError);
    return (error as ValidationError).issues.map((issue) => issue.message);
  }
}

test("instant accepts dates and zoned ISO text", () => {
  for (const value of [
    new Date(),
    "2024-05-01T12:00:00Z",
    "2024-05-01T12:00Z",
    "2024-05-01T12:00:00.123456+02:00",
    "2024-02-29T23:59:59-0530",
    "0001-01-01T00:00:00Z",
  ]) {
    assert.equal(messages({ instant: true }, value), [], String(value));
  }
});

test("instant rejects impossible or unzoned times", () => {
  for (const value of [
    "2024-02-30T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "2024-05-01T12:00:00",
    "2024-05-01t12:00:00z",
    "2024-05-01T12:00:00.1234567Z",
    "yesterday",
    1714564800000,
    new Date(Number.NaN),
    new Date("+010000-01-01T00:00:00Z"),
  ]) {
    assert.is(messages({ instant: true }, value).length, 1, String(value));
  }
});

test("bigintId bounds ids to bigint", () => {
  const schema = { bigintId: true };
  for (const value of ["1", "9223372036854775807", 42]) {
    assert.equal(messages(schema, value), [], String(value));
  }
  for (const value of [
    "0",
    "-1",
    "01",
    "9223372036854775808",
    1.5,
    2 ** 53,
    "1e3",
    " 1",
  ]) {
    assert.is(messages(schema, value).length, 1, String(value));
  }
});

test("decimal fits the column's precision", () => {
  const schema = { decimal: { precision: 14, scale: 6 } };
  for (const value of [0, "0", "12345678.123456", 99_999_999.5, "0.5"]) {
    assert.equal(messages(schema, value), [], String(value));
  }
  for (const value of [
    -0.1,
    1e8,
    "123456789",
    "1.1234567",
    "1,5",
    "",
    NaN,
    Infinity,
  ]) {
    assert.is(messages(schema, value).length, 1, String(value));
  }
});

test("uuid requires the canonical form", () => {
  const schema = { uuid: true };
  assert.equal(messages(schema, "3F2B8C1E-9A4D-4E7B-8C21-5D6F7A8B9C0D"), []);
  assert.equal(messages(schema, "3f2b8c1e9a4d4e7b8c215d6f7a8b9c0d"), [
    "must be a UUID in canonical form, such as 3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d",
  ]);
});

test("storableText names the NUL character", () => {
  assert.equal(messages({ type: "string", storableText: true }, "a\u0000"), [
    "must not contain the character U+0000 (NUL), which PostgreSQL cannot store; remove it",
  ]);
});

test.run();
