/**
 * Source timestamps to canonical ISO-8601 UTC strings.
 *
 * The output is `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`. Fractional digits are cut
 * to microseconds, the precision of PostgreSQL (which would round instead).
 * Trailing zeros are dropped, so one instant always gives one string, which
 * matters because dedup keys contain start times.
 */

import { ValidationError } from "../errors.ts";

/** Unit of an epoch value; 'auto' reads values of 1e11 and above as milliseconds. */
export type EpochUnit = "s" | "ms" | "auto";

export interface TimeOptions {
  /** Unit of numbers and numeric strings. Default 'auto'. */
  epochUnit?: EpochUnit;
}

/**
 * 1e11 seconds is the year 5138 but 1e11 milliseconds is 1973, so below it a
 * value is read as seconds and above it as milliseconds.
 */
const AUTO_MILLISECONDS_FROM = 1e11;

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;
const EPOCH_STRING = /^-?\d+(?:\.\d+)?$/;
const MAX_YEAR = 9999;

/**
 * Parses an RFC 3339 string or an epoch number or numeric string. Returns
 * null for an absent value (undefined, null, empty string) and for Go's zero
 * time `0001-01-01T00:00:00Z`, which Alertmanager and Grafana send for "not
 * set" or "not ended". Throws `ValidationError` naming `field` (a JSON
 * pointer) for anything else that is not a real instant.
 */
export function parseSourceTime(
  value: unknown,
  field: string,
  options: TimeOptions = {},
): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "number") {
    return parseEpoch(value, field, options.epochUnit ?? "auto");
  }
  if (typeof value !== "string") {
    throw invalidTime(field, value, "expected a string or a number");
  }
  const text = value.trim();
  if (EPOCH_STRING.test(text)) {
    return parseEpoch(text, field, options.epochUnit ?? "auto");
  }
  return parseRfc3339(text, field);
}

/**
 * Converts epoch seconds or milliseconds to the canonical string. The digits
 * are split as decimal text, so `1483557272.123` keeps exactly 123 ms.
 */
export function parseEpoch(
  value: number | string,
  field: string,
  unit: EpochUnit,
): string {
  const numeric = Number(value);
  if (!Number.isFinite(numeric)) {
    throw invalidTime(field, value, "the epoch value is not a finite number");
  }

  const isMilliseconds =
    unit === "ms" ||
    (unit === "auto" && Math.abs(numeric) >= AUTO_MILLISECONDS_FROM);
  const decimal = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(value).trim());
  if (!decimal) {
    throw invalidTime(field, value, "expected a plain decimal epoch value");
  }
  const [, sign, whole, fraction = ""] = decimal as unknown as [
    string,
    string,
    string,
    string | undefined,
  ];

  const digits = fraction.padEnd(6, "0");
  let milliseconds = isMilliseconds
    ? Number(whole)
    : Number(whole) * 1000 + Number(digits.slice(0, 3));
  let extraMicroseconds = Number(
    isMilliseconds ? digits.slice(0, 3) : digits.slice(3, 6),
  );
  if (sign === "-") {
    milliseconds = -milliseconds - (extraMicroseconds > 0 ? 1 : 0);
    extraMicroseconds = extraMicroseconds > 0 ? 1000 - extraMicroseconds : 0;
  }

  const date = new Date(milliseconds);
  checkYearRange(date, field, value);
  return formatInstant(date, extraMicroseconds);
}

function parseRfc3339(text: string, field: string): string | null {
  const match = RFC3339.exec(text);
  if (!match) {
    throw invalidTime(
      field,
      text,
      "expected RFC 3339 (for example 2026-11-30T09:15:00Z or 2026-11-30T10:15:00.123+01:00) or an epoch number",
    );
  }
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map(Number) as [number, number, number, number, number, number];
  const fraction = (match[7] ?? "").padEnd(9, "0");
  const offsetMinutes = parseOffset(match, field, text);
  checkFields(field, text, { year, month, day, hour, minute, second });
  if (isGoZeroTime(year, month, day, hour, minute, second, fraction)) {
    if (offsetMinutes === 0) return null;
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute - offsetMinutes, second, 0);
  checkYearRange(date, field, text);
  const microseconds = Number(fraction.slice(0, 6));
  date.setUTCMilliseconds(Math.floor(microseconds / 1000));
  return formatInstant(date, microseconds % 1000);
}

function parseOffset(
  match: RegExpExecArray,
  field: string,
  text: string,
): number {
  if (match[8]) return 0;
  const hours = Number(match[10]);
  const minutes = Number(match[11]);
  if (hours > 23 || minutes > 59) {
    throw invalidTime(field, text, "the UTC offset is out of range");
  }
  const sign = match[9] === "-" ? -1 : 1;
  return sign * (hours * 60 + minutes);
}

interface CivilFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function checkFields(field: string, text: string, fields: CivilFields) {
  const { year, month, day, hour, minute, second } = fields;
  if (year < 1) throw invalidTime(field, text, "year 0000 does not exist");
  if (month < 1 || month > 12) {
    throw invalidTime(field, text, `month ${month} does not exist`);
  }
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    throw invalidTime(
      field,
      text,
      `day ${day} does not exist in ${year}-${String(month).padStart(2, "0")}`,
    );
  }
  // Second 60 is a leap second; like PostgreSQL, it rolls over to the next minute.
  if (hour > 23 || minute > 59 || second > 60) {
    throw invalidTime(field, text, "the time of day is out of range");
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return isLeap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isGoZeroTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fraction: string,
): boolean {
  const isMidnight = hour === 0 && minute === 0 && second === 0;
  return (
    year === 1 &&
    month === 1 &&
    day === 1 &&
    isMidnight &&
    /^0*$/.test(fraction)
  );
}

function checkYearRange(date: Date, field: string, value: unknown) {
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1 || year > MAX_YEAR) {
    throw invalidTime(
      field,
      value,
      `the instant is outside the years 0001 to ${MAX_YEAR}`,
    );
  }
}

/** Formats a UTC instant plus 0-999 extra microseconds without trailing zeros. */
function formatInstant(date: Date, extraMicroseconds: number): string {
  const iso = date.toISOString();
  const wholeSeconds = iso.slice(0, 19);
  const micros =
    date.getUTCMilliseconds() * 1000 + Math.trunc(extraMicroseconds);
  if (micros === 0) return `${wholeSeconds}Z`;
  const fraction = String(micros).padStart(6, "0").replace(/0+$/, "");
  return `${wholeSeconds}.${fraction}Z`;
}

function invalidTime(
  field: string,
  value: unknown,
  reason: string,
): ValidationError {
  const quoted = typeof value === "string" ? `"${value}"` : String(value);
  const message = `invalid time ${quoted}: ${reason}`;
  return new ValidationError(`${field}: ${message}`, [
    { path: field, message },
  ]);
}
