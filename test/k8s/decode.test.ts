import { test } from "uvu";
import * as assert from "uvu/assert";
import { InputError, ValidationError } from "../../src/errors.ts";
import { parseKubernetesInventory } from "../../src/k8s/index.ts";

const POD = JSON.stringify({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web-0", namespace: "shop" },
});

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Parses `input` and returns the error of class `type` that it must raise. */
function errorFor<T extends Error>(
  type: new (...args: never[]) => T,
  input: Uint8Array,
  file = "pods.json",
): T {
  try {
    parseKubernetesInventory(input, file);
  } catch (error) {
    assert.instance(error, type);
    return error as T;
  }
  assert.unreachable(`expected a ${type.name}`);
  throw new Error("unreachable");
}

function inputErrorFor(input: Uint8Array, file = "pods.json"): InputError {
  const error = errorFor(InputError, input, file);
  assert.is(error.file, file);
  assert.ok(error.message.startsWith(`${file}: `), error.message);
  return error;
}

test("accepts one object with whitespace around it", () => {
  const inventory = parseKubernetesInventory(bytes(`\r\n\t ${POD} \n`), "-");
  assert.is(inventory.pods.length, 1);
});

test("rejects a byte order mark", () => {
  const input = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(POD)]);
  assert.match(inputErrorFor(input).message, /byte-order mark/);
});

test("rejects invalid UTF-8 with its offset", () => {
  const valid = bytes('{"kind":"Pod","metadata":{"name":"caf');
  const input = new Uint8Array([...valid, 0xc3, 0x28, ...bytes('"}}')]);
  assert.match(
    inputErrorFor(input).message,
    /not valid UTF-8 at byte offset 37/,
  );
});

test("rejects an encoded surrogate", () => {
  const input = new Uint8Array([
    ...bytes('{"a":"'),
    0xed,
    0xa0,
    0x80,
    ...bytes('"}'),
  ]);
  assert.match(
    inputErrorFor(input).message,
    /not valid UTF-8 at byte offset 6/,
  );
});

test("rejects a syntax error", () => {
  const error = inputErrorFor(bytes('{"kind": "Pod",}'));
  assert.match(error.message, /invalid JSON at line 1, column 16/);
});

test("rejects two concatenated documents", () => {
  const error = inputErrorFor(bytes(`${POD}\n${POD}\n`), "-");
  assert.match(error.message, /more than one JSON document/);
  assert.match(error.message, /line 2, column 1/);
});

test("rejects an array at the top level", () => {
  const error = inputErrorFor(bytes(`[${POD}]`));
  assert.match(
    error.message,
    /expected a JSON object at the top level but found an array/,
  );
});

test("rejects a scalar at the top level", () => {
  assert.match(inputErrorFor(bytes('"Pod"')).message, /found a string/);
  assert.match(inputErrorFor(bytes("null")).message, /found null/);
});

test("rejects empty input", () => {
  assert.match(inputErrorFor(bytes(" \n")).message, /expected a JSON object/);
  assert.match(inputErrorFor(new Uint8Array()).message, /is empty/);
});

test("rejects input above maxBodyBytes", () => {
  const input = bytes(POD);
  assert.is(parseKubernetesInventory(input, "-").pods.length, 1);
  try {
    parseKubernetesInventory(input, "-", { maxBodyBytes: input.length - 1 });
    assert.unreachable("expected an InputError");
  } catch (error) {
    assert.instance(error, InputError);
    assert.match((error as Error).message, /more than the maximum/);
  }
});

test("rejects text PostgreSQL cannot store", () => {
  const input = bytes(
    '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-0",' +
      '"annotations":{"note":"a\\u0000b","hint":"\\ud800"}}}',
  );
  const error = errorFor(ValidationError, input);
  assert.match(error.message, /^pods\.json: invalid Kubernetes objects: /);
  assert.equal(
    error.issues.map(({ path }) => path),
    ["/metadata/annotations/note", "/metadata/annotations/hint"],
  );
  assert.match(error.issues[0]?.message ?? "", /U\+0000/);
  assert.match(error.issues[1]?.message ?? "", /unpaired UTF-16 surrogate/);
});

test("accepts numbers that round as doubles", () => {
  const input = bytes(
    '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-0"},' +
      '"spec":{"priority":9007199254740993}}',
  );
  const [row] = parseKubernetesInventory(input, "pods.json").pods;
  assert.is((row?.object.spec as { priority: number }).priority, 2 ** 53);
});

test("rejects numbers beyond a double", () => {
  const input = bytes(
    '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-0"},"spec":{"priority":1e400}}',
  );
  const error = errorFor(ValidationError, input);
  assert.equal(error.issues, [
    {
      path: "/spec/priority",
      message:
        "contains a number too large to store; JSON numbers must fit a double",
    },
  ]);
});

test.run();
