/**
 * Bodies that are not one storable JSON object: each gets one error naming
 * its file, and nothing of any body in the call is written. Text that
 * PostgreSQL cannot store (U+0000, lone surrogates) is replaced and flagged.
 */

import { test } from "uvu";
import * as assert from "uvu/assert";
import { AuroraError, InputError } from "../../src/errors.ts";
import {
  ingestBodies,
  InputsRejectedError,
  type IngestInput,
} from "../../src/ingest/ingest.ts";
import { rejection } from "../helpers/database.ts";
import { alertmanagerBody, openHarness, type Harness } from "./helpers.ts";

let harness: Harness;

test.before(async () => {
  harness = await openHarness();
});

test.after(async () => {
  await harness.close();
});

const GOOD = alertmanagerBody([
  {
    name: "HighLatency",
    service: "checkout",
    startsAt: "2026-11-30T09:00:00Z",
  },
]);

/** Each bad body and a pattern its error message must match. */
const BAD_BODIES: Array<[string, Buffer, RegExp]> = [
  [
    "invalid.json",
    Buffer.from('{"alerts": [}'),
    /invalid JSON at line 1, column 13/,
  ],
  [
    "bom.json",
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), GOOD]),
    /byte-order mark/,
  ],
  [
    "ndjson.json",
    Buffer.concat([GOOD, Buffer.from("\n"), GOOD]),
    /more than one JSON document/,
  ],
  ["truncated.json", GOOD.subarray(0, GOOD.length - 20), /truncated JSON/],
  [
    "latin1.json",
    Buffer.from('{"title": "caf\xe9"}', "latin1"),
    /not valid UTF-8 at byte offset 14/,
  ],
  [
    "null.json",
    Buffer.from("null"),
    /expected a JSON object at the top level but found null/,
  ],
  ["array.json", Buffer.from("[{}]"), /found an array/],
  [
    "raw-nul.json",
    Buffer.from('{"version": "4", "status": "fir\u0000ing"}'),
    /invalid JSON/,
  ],
  ["empty.json", Buffer.alloc(0), /body is empty/],
];

async function ingestInto(orgId: string, inputs: IngestInput[]) {
  return ingestBodies(harness.db, {
    org: orgId,
    source: "alertmanager",
    inputs,
  });
}

for (const [name, bytes, pattern] of BAD_BODIES) {
  test(`rejects ${name} naming the file`, async () => {
    const org = await harness.newOrg();
    const error = await rejection(ingestInto(org.id, [{ name, bytes }]));
    assert.instance(error, InputError);
    assert.ok(error.message.startsWith(`${name}: `), error.message);
    assert.match(error.message, pattern);
    assert.is((error as InputError).file, name);
    assert.is(await harness.count("grafana_alerts", org.id), 0);
  });
}

test("rejects every bad body and writes no good one", async () => {
  const org = await harness.newOrg();
  const inputs = [
    { name: "good.json", bytes: GOOD },
    ...BAD_BODIES.map(([name, bytes]) => ({ name, bytes })),
  ];
  const error = await rejection(ingestInto(org.id, inputs));
  assert.instance(error, InputsRejectedError);
  const rejected = (error as InputsRejectedError).rejected;
  assert.is(rejected.length, BAD_BODIES.length);
  assert.ok(rejected.every((item) => item instanceof AuroraError));
  assert.match(
    error.message,
    /^9 of 10 bodies were rejected, so nothing was written:/,
  );
  for (const [name] of BAD_BODIES) {
    assert.ok(error.message.includes(`\n  ${name}: `), `message names ${name}`);
  }
  assert.is(await harness.count("grafana_alerts", org.id), 0);
  assert.is(await harness.count("incidents", org.id), 0);
});

test("rejects an unknown organization", async () => {
  const error = await rejection(
    ingestBodies(harness.db, {
      org: "no-such-org",
      source: "alertmanager",
      inputs: [{ name: "good.json", bytes: GOOD }],
    }),
  );
  assert.is(error.code, "not_found");
  assert.match(error.message, /Organization "no-such-org" not found/);
  const invalid = await rejection(
    ingestBodies(harness.db, {
      org: "Not A Slug!",
      source: "alertmanager",
      inputs: [{ name: "good.json", bytes: GOOD }],
    }),
  );
  assert.is(invalid.code, "validation");
  const unknownId = await rejection(
    ingestBodies(harness.db, {
      org: "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d",
      source: "alertmanager",
      inputs: [{ name: "good.json", bytes: GOOD }],
    }),
  );
  assert.is(unknownId.code, "not_found");
  assert.match(
    unknownId.message,
    /Organization 3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d not found/,
  );
});

test("explains a database without correlation", async () => {
  const org = await harness.newOrg();
  const signature = "correlate_alerts(monitoring_source, bigint[], jsonb)";
  const root = harness.database.root;
  await root.query(
    `alter function ${signature} rename to correlate_alerts_hidden`,
  );
  try {
    const error = await rejection(
      ingestInto(org.id, [{ name: "good.json", bytes: GOOD }]),
    );
    assert.is(error.code, "configuration");
    assert.match(error.message, /has no correlate_alerts\(\)/);
  } finally {
    await root.query(
      "alter function correlate_alerts_hidden(monitoring_source, bigint[], jsonb) " +
        "rename to correlate_alerts",
    );
  }
  assert.is(await harness.count("grafana_alerts", org.id), 0);
});

test("stores U+0000 and lone surrogates replaced and flagged", async () => {
  const org = await harness.newOrg();
  const body = Buffer.from(
    JSON.stringify({
      version: "4",
      status: "firing",
      receiver: "aurora",
      externalURL: "",
      alerts: [
        {
          status: "firing",
          labels: { alertname: "Disk\\u0000Full", service: "db" },
          annotations: { summary: "bad \\ud800 text" },
          startsAt: "2026-11-30T09:00:00Z",
        },
      ],
    }).replaceAll("\\\\u", "\\u"),
  );
  const summary = await ingestInto(org.id, [{ name: "nul.json", bytes: body }]);
  assert.is(summary.stored, 1);
  assert.is(summary.transformed, 1);
  const { rows } = await harness.database.root.query(
    "select title, labels, payload, payload_transforms from grafana_alerts where org_id = $1",
    [org.id],
  );
  const row = rows[0];
  assert.is(row.title, "Disk\uFFFDFull");
  assert.is(row.labels.alertname, "Disk\uFFFDFull");
  assert.equal(row.payload_transforms, [
    "nul_replaced",
    "lone_surrogate_replaced",
  ]);
  assert.ok(JSON.stringify(row.payload).includes("bad \uFFFD text"));
});

test.run();
