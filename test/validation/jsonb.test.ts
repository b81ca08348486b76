import { test } from "uvu";
import * as assert from "uvu/assert";

import { ValidationError, type ValidationIssue } from "../../src/errors.ts";
import {
  JSON_LIMITS,
  validateChatMessageContent,
  validateChatUiState,
  validateCorrelationDetails,
  validatePreferenceValue,
  validateTokenMetadata,
} from "../../src/validation/index.ts";

/** Returns the issues a validator throws, or [] when it accepts the value. */
function issuesOf(
  validate: (value: unknown) => unknown,
  value: unknown,
): ValidationIssue[] {
  try {
    validate(value);
    return [];
  } catch (error) {
    assert.instance(error, ValidationError);
    return (error as ValidationError).issues;
  }
}

const paths = (issues: ValidationIssue[]) => issues.map((issue) => issue.path);

test("chat content accepts text, parts and metadata", () => {
  const valid = [
    { text: "" },
    { text: "hello", metadata: { model: "gpt-4o", tokens: 12 } },
    {
      parts: [
        { type: "text", text: "Running kubectl" },
        {
          type: "tool_call",
          toolCallId: "c1",
          toolName: "kubectl",
          arguments: { args: ["get", "pods"] },
        },
        { type: "tool_result", toolCallId: "c1", output: null, isError: false },
        { type: "tool_result", toolCallId: "c2", output: ["any", { json: 1 }] },
        { type: "image", url: "https://example.com/graph.png", alt: "graph" },
      ],
    },
  ];
  for (const content of valid) {
    assert.equal(
      issuesOf(validateChatMessageContent, content),
      [],
      JSON.stringify(content),
    );
  }
});

test("chat content reports every bad part", () => {
  const issues = issuesOf(validateChatMessageContent, {
    parts: [
      { type: "text" },
      { type: "tool_call", toolCallId: "", toolName: "k", arguments: [] },
      { type: "image", url: "file:///etc/passwd" },
      { type: "text", text: "ok", extra: true },
    ],
  });
  assert.equal(paths(issues), [
    "/parts/0/text",
    "/parts/1/toolCallId",
    "/parts/1/arguments",
    "/parts/2/url",
    "/parts/3/extra",
  ]);
});

test("chat content needs text or parts", () => {
  assert.equal(issuesOf(validateChatMessageContent, { metadata: {} }), [
    { path: "", message: "must have at least one of: text, parts" },
  ]);
  assert.equal(paths(issuesOf(validateChatMessageContent, { parts: [] })), [
    "/parts",
  ]);
});

test("chat content is bounded", () => {
  const long = issuesOf(validateChatMessageContent, {
    text: "x".repeat(100_001),
  });
  assert.equal(paths(long), ["/text"]);
  const parts = Array.from({ length: 20 }, () => ({
    type: "text",
    text: "y".repeat(60_000),
  }));
  const big = issuesOf(validateChatMessageContent, { parts });
  assert.equal(paths(big), [""]);
  assert.match(
    big[0]!.message,
    new RegExp(`at most ${JSON_LIMITS.chatMessageContent.maxBytes} bytes`),
  );
});

test("UI state must be an object", () => {
  assert.equal(issuesOf(validateChatUiState, { panels: ["a"], scroll: 3 }), []);
  assert.equal(issuesOf(validateChatUiState, "state"), [
    { path: "", message: "must be object" },
  ]);
  assert.equal(issuesOf(validateChatUiState, null), [
    { path: "", message: "must be object" },
  ]);
});

test("preference values may be any bounded JSON", () => {
  for (const value of [
    null,
    false,
    3.5,
    "dark",
    [1, "a"],
    { nested: { ok: true } },
  ]) {
    assert.equal(issuesOf(validatePreferenceValue, value), []);
  }
  assert.equal(paths(issuesOf(validatePreferenceValue, undefined)), [""]);
  assert.equal(paths(issuesOf(validatePreferenceValue, { a: "\u0000" })), [
    "/a",
  ]);
});

test("token metadata rejects secret fields and typed mistakes", () => {
  assert.equal(
    issuesOf(validateTokenMetadata, {
      accountId: "123",
      scopes: ["repo"],
      region: "eu-west-1",
      extra: { ok: 1 },
    }),
    [],
  );
  assert.equal(
    paths(
      issuesOf(validateTokenMetadata, {
        scopes: "repo",
        nested: { refreshToken: "x" },
      }),
    ).sort(),
    ["/nested/refreshToken", "/scopes"],
  );
  assert.equal(paths(issuesOf(validateTokenMetadata, [])), [""]);
});

test("correlation details type the known fields", () => {
  assert.equal(
    issuesOf(validateCorrelationDetails, {
      scores: { topology: 1, time: 0.4, similarity: 0.2 },
      weights: { topology: 0.5, time: 0.3, similarity: 0.2 },
      threshold: 0.6,
      matchedService: "checkout",
      timeDeltaSeconds: 42,
      reasons: ["same service", "within 300 s"],
      customField: { any: ["json"] },
    }),
    [],
  );
  assert.equal(
    paths(
      issuesOf(validateCorrelationDetails, {
        threshold: -1,
        reasons: [1],
        timeDeltaSeconds: -5,
      }),
    ),
    ["/threshold", "/timeDeltaSeconds", "/reasons/0"],
  );
});

test("error message names the value and the first issue", () => {
  try {
    validateChatMessageContent({ text: 5, parts: "x" });
    assert.unreachable();
  } catch (error) {
    assert.instance(error, ValidationError);
    assert.is(
      (error as Error).message,
      "Invalid chat message content: /text must be string (and 1 more issue).",
    );
  }
});

test.run();
