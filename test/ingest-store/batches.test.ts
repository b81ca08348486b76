/**
 * Large bodies: one transaction per body, several statements per body when
 * it exceeds a batch, and nothing written when any alert or statement fails.
 */

import { test } from "uvu";
import * as assert from "uvu/assert";
import { ValidationError } from "../../src/errors.ts";
import { ingestBodies } from "../../src/ingest/ingest.ts";
import { MAX_BATCH_ALERTS, splitIntoBatches } from "../../src/ingest/store.ts";
import type { NormalizedAlert } from "../../src/ingest/types.ts";
import { rejection } from "../helpers/database.ts";
import { jsonBytes, openHarness, type Harness } from "./helpers.ts";

let harness: Harness;

test.before(async () => {
  harness = await openHarness();
});

test.after(async () => {
  await harness.close();
});

/** Builds an Alertmanager body of `count` firing alerts of one service, a second apart. */
function largeBody(
  count: number,
  change: (alert: Record<string, any>, index: number) => void = () => {},
): Buffer {
  const alerts = Array.from({ length: count }, (_, index) => {
    const alert: Record<string, any> = {
      status: "firing",
      labels: {
        alertname: "TargetDown",
        instance: `node-${index}`,
        service: "fleet",
      },
      annotations: { summary: `node-${index} is down` },
      startsAt: new Date(
        Date.UTC(2026, 10, 30, 9, 0, index % 60),
      ).toISOString(),
      endsAt: "0001-01-01T00:00:00Z",
    };
    change(alert, index);
    return alert;
  });
  return jsonBytes({
    version: "4",
    groupKey: '{}:{alertname="TargetDown"}',
    status: "firing",
    receiver: "aurora",
    groupLabels: { alertname: "TargetDown" },
    commonLabels: {},
    commonAnnotations: {},
    externalURL: "http://alertmanager.example:9093",
    alerts,
  });
}

async function transactionsOf(orgId: string): Promise<number> {
  const { rows } = await harness.database.root.query<{ count: string }>(
    "select count(distinct xmin::text) from grafana_alerts where org_id = $1",
    [orgId],
  );
  return Number(rows[0]!.count);
}

test("stores a 300-alert body in one transaction", async () => {
  const org = await harness.newOrg();
  const summary = await ingestBodies(harness.db, {
    org: org.id,
    source: "alertmanager",
    inputs: [{ name: "fleet.json", bytes: largeBody(300) }],
  });
  assert.is(summary.inserted, 300);
  assert.is(await harness.count("grafana_alerts", org.id), 300);
  assert.is(await transactionsOf(org.id), 1, "rows written by one transaction");
  // 300 alerts of one service: cap 50, so 6 incidents of 50.
  assert.is(summary.incidentsOpened, 6);
  assert.is(summary.incidentsJoined, 294);
});

test("stores a body larger than one batch", async () => {
  const count = MAX_BATCH_ALERTS + 10;
  const org = await harness.newOrg();
  const summary = await ingestBodies(harness.db, {
    org: org.id,
    source: "alertmanager",
    inputs: [{ name: "fleet.json", bytes: largeBody(count) }],
  });
  assert.is(summary.inserted, count);
  assert.is(await transactionsOf(org.id), 1);
});

test("one invalid alert writes nothing of the body", async () => {
  const org = await harness.newOrg();
  const body = largeBody(300, (alert, index) => {
    if (index === 3) alert.startsAt = "yesterday";
  });
  const error = await rejection(
    ingestBodies(harness.db, {
      org: org.id,
      source: "alertmanager",
      inputs: [{ name: "fleet.json", bytes: body }],
    }),
  );
  assert.instance(error, ValidationError);
  assert.match(error.message, /^fleet\.json: /);
  const issues = (error as ValidationError).issues;
  assert.is(issues[0]!.path, "/alerts/3/startsAt");
  assert.is(await harness.count("grafana_alerts", org.id), 0);
  assert.is(await harness.count("incidents", org.id), 0);
});

/** Runs `work` while a trigger in this test's database rejects alerts titled Poison. */
async function withPoisonTrigger(work: () => Promise<void>): Promise<void> {
  const root = harness.database.root;
  await root.query(`
    create function test_reject_poison() returns trigger language plpgsql as $$
    begin
      if new.title = 'Poison' then
        raise exception using errcode = '23514', message = 'poison alert rejected';
      end if;
      return new;
    end $$`);
  await root.query(
    "create trigger reject_poison before insert on grafana_alerts " +
      "for each row execute function test_reject_poison()",
  );
  try {
    await work();
  } finally {
    await root.query("drop trigger reject_poison on grafana_alerts");
    await root.query("drop function test_reject_poison()");
  }
}

function poisonAt(position: number) {
  return (alert: Record<string, any>, index: number) => {
    if (index === position) alert.labels.alertname = "Poison";
  };
}

test("failed statement rolls back the whole body", async () => {
  const org = await harness.newOrg();
  await withPoisonTrigger(async () => {
    // The poison alert sits in the second batch, so the first batch was written.
    const body = largeBody(
      MAX_BATCH_ALERTS + 10,
      poisonAt(MAX_BATCH_ALERTS + 5),
    );
    const error = await rejection(
      ingestBodies(harness.db, {
        org: org.id,
        source: "alertmanager",
        inputs: [{ name: "fleet.json", bytes: body }],
      }),
    );
    assert.instance(error, ValidationError);
    assert.match(
      error.message,
      /^fleet\.json: .*nothing of this body was written/,
    );
  });
  assert.is(await harness.count("grafana_alerts", org.id), 0);
  assert.is(await harness.count("incidents", org.id), 0);
});

test("earlier bodies stay after a failed one", async () => {
  const org = await harness.newOrg();
  await withPoisonTrigger(async () => {
    const error = await rejection(
      ingestBodies(harness.db, {
        org: org.id,
        source: "alertmanager",
        inputs: [
          { name: "first.json", bytes: largeBody(2) },
          { name: "second.json", bytes: largeBody(2, poisonAt(1)) },
          { name: "third.json", bytes: largeBody(3) },
        ],
      }),
    );
    assert.match(error.message, /^second\.json: /);
  });
  // first.json committed; second.json rolled back; third.json was never reached.
  assert.is(await harness.count("grafana_alerts", org.id), 2);
});

function alertWithKey(dedupKey: string): NormalizedAlert {
  return { dedupKey } as NormalizedAlert;
}

test("splitIntoBatches keeps keys unique per batch", () => {
  const keys = ["a", "b", "a", "c", "c", "d"];
  const batches = splitIntoBatches(keys.map(alertWithKey), 3);
  assert.equal(
    batches.map((batch) => batch.map((alert) => alert.dedupKey)),
    [
      ["a", "b"],
      ["a", "c"],
      ["c", "d"],
    ],
  );
  const sized = splitIntoBatches(
    ["a", "b", "c", "d", "e"].map(alertWithKey),
    2,
  );
  assert.equal(
    sized.map((batch) => batch.length),
    [2, 2, 1],
  );
});

test.run();
