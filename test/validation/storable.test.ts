import { test } from "uvu";
import * as assert from "uvu/assert";

import {
  jsonValueIssues,
  unstorableTextReason,
} from "../../src/validation/index.ts";

const LIMITS = { maxBytes: 1000, maxDepth: 4 };

test("text with NUL or lone surrogates is unstorable", () => {
  assert.match(unstorableTextReason("a\u0000b") ?? "", /U\+0000/);
  assert.match(unstorableTextReason("a\ud800b") ?? "", /surrogate/);
  assert.match(unstorableTextReason("end\ud83d") ?? "", /surrogate/);
  assert.match(unstorableTextReason("\ude00start") ?? "", /surrogate/);
  assert.is(unstorableTextReason("emoji \ud83d\ude00 ok"), null);
  assert.is(unstorableTextReason("ünïcödé, 中文, tabs\tand\nlines"), null);
});

test("plain JSON values have no issues", () => {
  for (const value of [
    null,
    true,
    0,
    -1.5e300,
    "",
    [],
    {},
    { a: [1, { b: "c" }] },
    Object.assign(Object.create(null), { key: "value" }),
  ]) {
    assert.equal(
      jsonValueIssues(value, "/v", LIMITS),
      [],
      JSON.stringify(value),
    );
  }
});

test("values that are not JSON are named", () => {
  const issues = jsonValueIssues(
    {
      nan: NaN,
      inf: -Infinity,
      big: 1n,
      date: new Date(0),
      map: new Map(),
      fn: () => 1,
    },
    "",
    LIMITS,
  );
  assert.equal(
    issues.map((issue) => issue.path),
    ["/nan", "/inf", "/big", "/date", "/map", "/fn"],
  );
  assert.match(issues[3]!.message, /plain JSON object or array, got Date/);
});

test("undefined is dropped in objects but rejected in arrays", () => {
  assert.equal(jsonValueIssues({ a: undefined }, "", LIMITS), []);
  assert.equal(jsonValueIssues([1, undefined], "", LIMITS), [
    { path: "/1", message: "must be a JSON value, got undefined" },
  ]);
});

test("strings and keys are checked at any depth", () => {
  const issues = jsonValueIssues(
    { "a/b": ["ok", "x\u0000"], ["k~\u0000"]: 1 },
    "/doc",
    LIMITS,
  );
  assert.equal(
    issues.map((issue) => issue.path),
    ["/doc/a~1b/1", "/doc/k~0\u0000"],
  );
  assert.match(issues[1]!.message, /^key must not contain/);
});

test("depth, size and cycles are bounded", () => {
  assert.equal(jsonValueIssues([[[[1]]]], "", LIMITS), []);
  assert.equal(jsonValueIssues([[[[[1]]]]], "", LIMITS), [
    { path: "/0/0/0/0", message: "must be nested at most 4 levels deep" },
  ]);
  const big = jsonValueIssues({ text: "é".repeat(500) }, "", LIMITS);
  assert.equal(big, [
    {
      path: "",
      message: "must be at most 1000 bytes as JSON, but is 1011 bytes",
    },
  ]);
  const cyclic: unknown[] = [];
  cyclic.push(cyclic);
  assert.equal(jsonValueIssues(cyclic, "", LIMITS), [
    { path: "/0", message: "must not contain itself (a cycle)" },
  ]);
});

test("issues are capped at twenty", () => {
  const many = Array.from({ length: 50 }, () => "\u0000");
  assert.is(
    jsonValueIssues(many, "", { maxBytes: 10_000, maxDepth: 4 }).length,
    20,
  );
});

test.run();
