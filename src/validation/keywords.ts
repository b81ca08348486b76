/**
 * The project's Ajv keywords, listed with their meaning in ajv.ts. Each
 * reports its own message at the path of the rejected value.
 */
import type { DataValidationCxt } from "ajv/dist/types/index.js";
import type {
  ErrorObject,
  FuncKeywordDefinition,
  SchemaValidateFunction,
} from "ajv";

import { secretKeyPath } from "./secret-keys.ts";
import {
  jsonValueIssues,
  unstorableTextReason,
  type JsonLimits,
} from "./storable.ts";

const CANONICAL_UUID =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const UUID_EXAMPLE = "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d";

const MAX_BIGINT = 9223372036854775807n;

/** ISO 8601 date-time with seconds optional, up to 6 fraction digits, and a zone. */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Years that both PostgreSQL timestamptz and a four-digit ISO 8601 year cover. */
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

type KeywordErrors = Partial<ErrorObject>[];

/** Builds a keyword whose `check` returns null when valid, or the messages to report at the data's path. */
function keyword(
  name: string,
  check: (
    schema: never,
    data: unknown,
    path: string,
  ) => KeywordErrors | string | null,
  options: Partial<FuncKeywordDefinition> = {},
): FuncKeywordDefinition {
  const validate: SchemaValidateFunction = (
    schema: unknown,
    data: unknown,
    _parent?: unknown,
    context?: DataValidationCxt,
  ): boolean => {
    const path = context?.instancePath ?? "";
    const result = check(schema as never, data, path);
    if (result === null) return true;
    validate.errors =
      typeof result === "string"
        ? [{ keyword: name, instancePath: path, message: result, params: {} }]
        : result.map((error) => ({ keyword: name, params: {}, ...error }));
    return false;
  };
  return { keyword: name, validate, errors: true, ...options };
}

const storableText = keyword(
  "storableText",
  (_schema, data) => unstorableTextReason(data as string),
  { type: "string", schemaType: "boolean" },
);

const storableJson = keyword(
  "storableJson",
  (limits: JsonLimits, data, path) => {
    const issues = jsonValueIssues(data, path, limits);
    if (issues.length === 0) return null;
    return issues.map((issue) => ({
      instancePath: issue.path,
      message: issue.message,
    }));
  },
  { schemaType: "object" },
);

const secretFree = keyword(
  "secretFree",
  (_schema, data, path) => {
    const found = secretKeyPath(data, path);
    if (found === null) return null;
    return [
      {
        instancePath: found,
        message:
          "is a secret field, which must not be stored here; put the secret in Vault and pass its path as secretRef",
      },
    ];
  },
  { schemaType: "boolean" },
);

const uuid = keyword(
  "uuid",
  (_schema, data) =>
    typeof data === "string" && CANONICAL_UUID.test(data)
      ? null
      : `must be a UUID in canonical form, such as ${UUID_EXAMPLE}`,
  { schemaType: "boolean" },
);

const bigintId = keyword(
  "bigintId",
  (_schema, data) =>
    isBigintId(data)
      ? null
      : "must be an id from 1 to 2^63 - 1, as a string of digits or a safe integer",
  { schemaType: "boolean" },
);

const instant = keyword("instant", (_schema, data) => instantProblem(data), {
  schemaType: "boolean",
});

const decimal = keyword(
  "decimal",
  (format: { precision: number; scale: number }, data) =>
    decimalProblem(data, format.precision, format.scale),
  { schemaType: "object" },
);

function isBigintId(data: unknown): boolean {
  if (typeof data === "number") {
    return Number.isSafeInteger(data) && data >= 1;
  }
  if (typeof data !== "string" || !/^[1-9][0-9]{0,18}$/.test(data)) {
    return false;
  }
  return BigInt(data) <= MAX_BIGINT;
}

function instantProblem(data: unknown): string | null {
  const expected =
    "must be a Date or an ISO 8601 date-time with a time zone, such as 2024-05-01T12:00:00Z";
  let time: number;
  if (data instanceof Date) {
    time = data.getTime();
  } else if (typeof data === "string" && ISO_INSTANT.test(data)) {
    time = isCalendarDate(data) ? Date.parse(data) : NaN;
  } else {
    return expected;
  }
  if (Number.isNaN(time)) return `${expected}; this one is not a valid time`;
  const year = new Date(time).getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return `must be between the years ${MIN_YEAR} and ${MAX_YEAR}`;
  }
  return null;
}

/**
 * Returns whether the date part names a real day. V8's Date.parse turns
 * 2024-02-30 into March 1, which PostgreSQL rejects.
 */
function isCalendarDate(text: string): boolean {
  const [, year, month, day] = ISO_INSTANT.exec(text)!.map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!);
  return date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
}

function decimalProblem(
  data: unknown,
  precision: number,
  scale: number,
): string | null {
  const integerDigits = precision - scale;
  const expected = `must be a non-negative number below 10^${integerDigits} with at most ${scale} decimals, as a number or a decimal string`;
  if (typeof data === "number") {
    return Number.isFinite(data) && data >= 0 && data < 10 ** integerDigits
      ? null
      : expected;
  }
  const pattern = new RegExp(
    `^[0-9]{1,${integerDigits}}(\\.[0-9]{1,${scale}})?$`,
  );
  return typeof data === "string" && pattern.test(data) ? null : expected;
}

/** Every keyword above, for `ajv.addKeyword`. */
export const KEYWORDS: readonly FuncKeywordDefinition[] = [
  storableText,
  storableJson,
  secretFree,
  uuid,
  bigintId,
  instant,
  decimal,
];
