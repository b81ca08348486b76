/** Count phrases in human-readable output. */

import { test } from "uvu";
import * as assert from "uvu/assert";
import { countOf, nounFor } from "../../src/cli/plural.ts";

test("countOf uses the singular for 1", () => {
  assert.is(countOf(1, "rows"), "1 row");
  assert.is(countOf(1, "deployments"), "1 deployment");
  assert.is(countOf(1, "ingresses"), "1 ingress");
  assert.is(countOf(1n, "tables"), "1 table");
  assert.is(countOf("1", "bytes"), "1 byte");
});

test("countOf uses the plural otherwise", () => {
  assert.is(countOf(0, "rows"), "0 rows");
  assert.is(countOf(2, "ingresses"), "2 ingresses");
  assert.is(countOf(11, "files"), "11 files");
  assert.is(countOf("10", "rows"), "10 rows");
});

test("nounFor returns only the noun", () => {
  assert.is(nounFor(1, "rows"), "row");
  assert.is(nounFor(7, "rows"), "rows");
});

test.run();
