/**
 * Library entry points called with missing or malformed arguments: each
 * fails with a ValidationError naming the argument, before any query runs.
 */

import { test } from "uvu";
import * as assert from "uvu/assert";
import { ValidationError } from "../../src/errors.ts";
import { parseAlerts } from "../../src/ingest/index.ts";
import { ingestBodies, type IngestOptions } from "../../src/ingest/ingest.ts";
import { syncCluster, type SyncOptions } from "../../src/k8s/sync.ts";
import {
  openServiceDatabase,
  type ServiceDatabase,
} from "../services/helpers.ts";

let service: ServiceDatabase;

test.before(async () => {
  service = await openServiceDatabase();
});

test.after(async () => {
  await service.close();
});

async function rejectionOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    assert.instance(error, ValidationError);
    return error as ValidationError;
  }
  throw new Error("expected a ValidationError");
}

test("ingestBodies without inputs names inputs", async () => {
  const options = { org: "acme", source: "datadog" } as IngestOptions;
  const error = await rejectionOf(() => ingestBodies(service.db, options));
  assert.is(error.issues[0]?.path, "/inputs");
  assert.match(error.message, "inputs");
  assert.not.match(error.message, "Cannot read properties");
});

test("ingestBodies without options names inputs", async () => {
  const error = await rejectionOf(() =>
    ingestBodies(service.db, undefined as unknown as IngestOptions),
  );
  assert.is(error.issues[0]?.path, "/inputs");
});

test("ingestBodies rejects an input without bytes", async () => {
  const options = {
    org: "acme",
    source: "datadog",
    inputs: [{ name: "a.json" }],
  } as unknown as IngestOptions;
  const error = await rejectionOf(() => ingestBodies(service.db, options));
  assert.is(error.issues[0]?.path, "/inputs/0");
});

test("syncCluster without inputs names inputs", async () => {
  const options = { org: "acme", cluster: "prod" } as SyncOptions;
  const error = await rejectionOf(() => syncCluster(service.db, options));
  assert.is(error.issues[0]?.path, "/inputs");
  assert.match(error.message, "syncCluster");
});

test("parseAlerts names an unnamed body", () => {
  try {
    parseAlerts("datadog", Buffer.from("{}"));
  } catch (error) {
    assert.instance(error, ValidationError);
    const message = (error as Error).message;
    assert.ok(message.startsWith("body: "), message);
    assert.not.match(message, "undefined");
    return;
  }
  assert.unreachable("expected a ValidationError");
});

test.run();
