/** Wording of validation messages. */

import { test } from "uvu";
import * as assert from "uvu/assert";
import { ValidationError } from "../../src/errors.ts";
import { enumField } from "../../src/validation/fields.ts";
import {
  CHAT_SESSION_STATUSES,
  compileValidator,
  SEVERITIES,
} from "../../src/validation/index.ts";

function rejectionOf(schema: object, value: unknown): ValidationError {
  const validate = compileValidator<unknown>("value", schema);
  try {
    validate(value);
  } catch (error) {
    assert.instance(error, ValidationError);
    return error as ValidationError;
  }
  throw new Error("expected a ValidationError");
}

test("nullable enum lists null by name", () => {
  const error = rejectionOf(enumField(SEVERITIES, true), "urgent");
  const message = error.issues[0]?.message ?? "";
  assert.is(message, "must be one of: critical, high, medium, low, info, null");
  assert.not.match(error.message, /, \./);
  assert.not.match(error.message, /, ,/);
});

test("enum message lists every value", () => {
  const error = rejectionOf(enumField(CHAT_SESSION_STATUSES, true), "done");
  assert.match(error.issues[0]?.message ?? "", "in_progress, null");
  assert.not.match(error.message, /in_progress, \./);
});

test("non-nullable enum has no null", () => {
  const error = rejectionOf(enumField(SEVERITIES), "urgent");
  assert.is(
    error.issues[0]?.message,
    "must be one of: critical, high, medium, low, info",
  );
});

test.run();
