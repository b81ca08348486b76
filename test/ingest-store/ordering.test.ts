import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ingestBodies } from "../../src/ingest/ingest.ts";
import { alertFixturesDir, openHarness, type Harness } from "./helpers.ts";

let harness: Harness;

test.before(async () => {
  harness = await openHarness();
});

test.after(async () => {
  await harness.close();
});

function fixture(name: string) {
  const file = path.join(alertFixturesDir, "datadog", name);
  return { name: file, bytes: readFileSync(file) };
}

async function storedState(orgId: string): Promise<string[]> {
  const { rows } = await harness.database.root.query<{ source_state: string }>(
    "select source_state from datadog_events where org_id = $1 order by id",
    [orgId],
  );
  return rows.map((row) => row.source_state);
}

/** The triggered fixture as an earlier Warn transition of the same alert cycle. */
function earlierWarn() {
  const triggered = fixture("checkout-error-rate-triggered-p1.json");
  const body = JSON.parse(triggered.bytes.toString("utf8"));
  const earlier = String(Number(body.last_updated) - 6 * 60 * 1000);
  body.alert_transition = "Warn";
  body.alert_type = "warning";
  body.title = String(body.title).replace("[Triggered]", "[Warn]");
  body.date = earlier;
  body.last_updated = earlier;
  return {
    name: "warn.json",
    bytes: Buffer.from(JSON.stringify(body), "utf8"),
  };
}

test("older datadog event changes nothing", async () => {
  const org = await harness.newOrg();
  const warn = earlierWarn();
  const triggered = fixture("checkout-error-rate-triggered-p1.json");
  await ingestBodies(harness.db, {
    org: org.id,
    source: "datadog",
    inputs: [warn, triggered],
  });
  assert.equal(await storedState(org.id), ["Triggered"]);

  const again = await ingestBodies(harness.db, {
    org: org.id,
    source: "datadog",
    inputs: [warn, triggered],
  });
  assert.is(again.duplicates, 2, "both redelivered events are duplicates");
  assert.is(again.updated, 0);
  assert.equal(await storedState(org.id), ["Triggered"]);
});

test("newer datadog event still updates", async () => {
  const org = await harness.newOrg();
  const triggered = fixture("checkout-error-rate-triggered-p1.json");
  const recovered = fixture("checkout-error-rate-recovered.json");
  await ingestBodies(harness.db, {
    org: org.id,
    source: "datadog",
    inputs: [triggered],
  });
  const later = await ingestBodies(harness.db, {
    org: org.id,
    source: "datadog",
    inputs: [recovered],
  });
  assert.is(later.updated, 1);
  assert.equal(await storedState(org.id), ["Recovered"]);
});

test.run();
