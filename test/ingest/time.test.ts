/** Source timestamps to canonical UTC strings. */

import { test } from "uvu";
import * as assert from "uvu/assert";
import { thrownBy } from "./helpers.ts";
import { ValidationError } from "../../src/errors.ts";
import { parseEpoch, parseSourceTime } from "../../src/ingest/time.ts";

function rejection(
  value: unknown,
  field = "/alerts/0/startsAt",
): ValidationError {
  return thrownBy(() => parseSourceTime(value, field), ValidationError);
}

test("converts offsets to UTC", () => {
  assert.is(
    parseSourceTime("2021-10-12T09:51:03.157076+02:00", "/t"),
    "2021-10-12T07:51:03.157076Z",
  );
  assert.is(
    parseSourceTime("2018-03-07T06:33:21.873077559-05:00", "/t"),
    "2018-03-07T11:33:21.873077Z",
  );
  assert.is(
    parseSourceTime("2026-11-30T09:15:00z", "/t"),
    "2026-11-30T09:15:00Z",
  );
  assert.is(
    parseSourceTime("2026-11-30 09:15:00+0530", "/t"),
    "2026-11-30T03:45:00Z",
  );
});

test("truncates nanoseconds to microseconds", () => {
  assert.is(
    parseSourceTime("2022-06-17T00:51:24.067337833Z", "/t"),
    "2022-06-17T00:51:24.067337Z",
  );
  assert.is(
    parseSourceTime("2019-01-09T15:20:40.341301999Z", "/t"),
    "2019-01-09T15:20:40.341301Z",
  );
});

test("drops trailing zeros of the fraction", () => {
  assert.is(
    parseSourceTime("2026-11-30T09:15:00.000Z", "/t"),
    "2026-11-30T09:15:00Z",
  );
  assert.is(
    parseSourceTime("2026-11-30T09:15:00.5Z", "/t"),
    "2026-11-30T09:15:00.5Z",
  );
  assert.is(
    parseSourceTime("2026-11-30T09:15:00.120000Z", "/t"),
    "2026-11-30T09:15:00.12Z",
  );
});

test("gives one string per instant", () => {
  const forms = [
    "2018-11-04T22:43:58.283995108+01:00",
    "2018-11-04T21:43:58.283995Z",
    "2018-11-04T16:43:58.283995-05:00",
  ];
  const parsed = new Set(forms.map((form) => parseSourceTime(form, "/t")));
  assert.equal([...parsed], ["2018-11-04T21:43:58.283995Z"]);
});

test("reads Go zero time as null", () => {
  assert.is(parseSourceTime("0001-01-01T00:00:00Z", "/t"), null);
});

test("reads absent values as null", () => {
  assert.is(parseSourceTime(undefined, "/t"), null);
  assert.is(parseSourceTime(null, "/t"), null);
  assert.is(parseSourceTime("", "/t"), null);
});

test("reads epoch milliseconds strings", () => {
  assert.is(parseSourceTime("1733929712000", "/date"), "2024-12-11T15:08:32Z");
});

test("reads epoch seconds strings", () => {
  assert.is(
    parseSourceTime("1483557272", "/result/_time"),
    "2017-01-04T19:14:32Z",
  );
  assert.is(
    parseSourceTime("1483557272.123", "/result/_time"),
    "2017-01-04T19:14:32.123Z",
  );
});

test("reads epoch milliseconds numbers", () => {
  assert.is(parseSourceTime(1641223491837, "/t"), "2022-01-03T15:24:51.837Z");
});

test("honours an explicit epoch unit", () => {
  assert.is(
    parseSourceTime(1796030040, "/start", { epochUnit: "s" }),
    "2026-11-30T09:14:00Z",
  );
  assert.is(parseEpoch("1796030040000", "/t", "ms"), "2026-11-30T09:14:00Z");
  assert.is(parseEpoch(90, "/t", "ms"), "1970-01-01T00:00:00.09Z");
});

test("reads negative epochs", () => {
  assert.is(parseEpoch("-1.5", "/t", "s"), "1969-12-31T23:59:58.5Z");
});

test("rolls a leap second over", () => {
  assert.is(
    parseSourceTime("2016-12-31T23:59:60Z", "/t"),
    "2017-01-01T00:00:00Z",
  );
});

test("rejects impossible dates naming the field", () => {
  const error = rejection("2026-02-30T10:00:00Z");
  assert.equal(error.issues, [
    {
      path: "/alerts/0/startsAt",
      message:
        'invalid time "2026-02-30T10:00:00Z": day 30 does not exist in 2026-02',
    },
  ]);
  assert.match(error.message, /^\/alerts\/0\/startsAt: invalid time/);
});

test("rejects impossible fields", () => {
  assert.match(
    rejection("2026-13-01T00:00:00Z").message,
    /month 13 does not exist/,
  );
  assert.match(
    rejection("2026-11-30T24:00:00Z").message,
    /time of day is out of range/,
  );
  assert.match(
    rejection("2026-11-30T10:61:00Z").message,
    /time of day is out of range/,
  );
  assert.match(
    rejection("0000-01-01T00:00:00Z").message,
    /year 0000 does not exist/,
  );
  assert.match(
    rejection("2025-02-29T00:00:00Z").message,
    /day 29 does not exist/,
  );
  assert.match(
    rejection("2026-11-30T10:00:00+24:00").message,
    /offset is out of range/,
  );
});

test("accepts leap days", () => {
  assert.is(
    parseSourceTime("2024-02-29T12:00:00Z", "/t"),
    "2024-02-29T12:00:00Z",
  );
  assert.is(
    parseSourceTime("2000-02-29T12:00:00Z", "/t"),
    "2000-02-29T12:00:00Z",
  );
});

test("rejects text that is no time", () => {
  assert.match(rejection("yesterday").message, /expected RFC 3339/);
  assert.match(rejection("2026-11-30").message, /expected RFC 3339/);
  assert.match(rejection("30/11/2026 09:15").message, /expected RFC 3339/);
  assert.match(rejection(true).message, /expected a string or a number/);
  assert.match(rejection({}).message, /expected a string or a number/);
});

test("rejects instants outside 0001 to 9999", () => {
  assert.match(
    rejection("9999-12-31T23:59:59-01:00").message,
    /outside the years/,
  );
  assert.match(rejection(1e17).message, /outside the years|plain decimal/);
  assert.match(rejection(Number.NaN).message, /not a finite number/);
});

test.run();
