/**
 * The one Ajv instance (JSON Schema 2020-12, ajv-formats, allErrors) with the
 * project's keywords, and helpers that turn its errors into ValidationErrors
 * (through issues.ts). Schemas are compiled once, when the module that
 * declares them is loaded.
 *
 * Keywords, defined in keywords.ts:
 * - `storableText: true`: a string PostgreSQL can store (no U+0000, no
 *   unpaired surrogate).
 * - `storableJson: { maxBytes, maxDepth }`: a JSON value jsonb can store, of
 *   bounded size and nesting.
 * - `secretFree: true`: no key that the schema's secret rule rejects.
 * - `uuid: true`: a UUID string in canonical 8-4-4-4-12 form.
 * - `bigintId: true`: an id of a bigint identity column, as a string of
 *   digits or a safe integer, from 1 to 2^63 - 1.
 * - `instant: true`: a valid Date, or an ISO 8601 date-time string with a
 *   time zone.
 * - `decimal: { precision, scale }`: a non-negative number or decimal string
 *   that fits numeric(precision, scale). A string may have at most `scale`
 *   decimals. For a number only the range is checked, and PostgreSQL rounds
 *   it to `scale` decimals.
 */
import Ajv2020 from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

import { ValidationError, type ValidationIssue } from "../errors.ts";
import { issuesFromErrors } from "./issues.ts";
import { KEYWORDS } from "./keywords.ts";

export { issuesFromErrors } from "./issues.ts";

/** The shared instance. Schemas that use the project's keywords must be compiled with it. */
export const ajv = new Ajv2020.default({
  allErrors: true,
  strict: true,
  // `anyOf: [{ required: [a] }, { required: [b] }]` names properties that
  // the branches do not declare, which is the usual way to require one of two.
  strictRequired: false,
  allowUnionTypes: true,
});
addFormats.default(ajv);
for (const definition of KEYWORDS) {
  ajv.addKeyword(definition);
}

/** Returns the issues of `value` against a compiled schema, or [] when it is valid. */
export function collectIssues(
  validate: ValidateFunction,
  value: unknown,
  basePath = "",
): ValidationIssue[] {
  return validate(value) ? [] : issuesFromErrors(validate.errors, basePath);
}

/**
 * Throws one ValidationError for `issues`, naming `what` and the first issue,
 * when there is any.
 */
export function throwIfIssues(what: string, issues: ValidationIssue[]): void {
  if (issues.length === 0) return;
  const first = issues[0]!;
  const more =
    issues.length > 1
      ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? "s" : ""})`
      : "";
  const where = first.path === "" ? "" : `${first.path} `;
  throw new ValidationError(
    `Invalid ${what}: ${where}${first.message}${more}.`,
    issues,
  );
}

/**
 * Compiles `schema` once and returns a function that returns its argument as
 * `T` when it is valid and throws a ValidationError listing every issue
 * otherwise. `what` names the value in the message, such as "incident", and
 * `basePath` prefixes every issue path, such as "/id" for a lone argument.
 */
export function compileValidator<T>(
  what: string,
  schema: object,
  basePath = "",
): (value: unknown) => T {
  const validate = ajv.compile(schema);
  return (value: unknown): T => {
    throwIfIssues(what, collectIssues(validate, value, basePath));
    return value as T;
  };
}
