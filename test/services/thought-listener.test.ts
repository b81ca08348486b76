import { test } from "uvu";
import * as assert from "uvu/assert";

import {
  appendThought,
  createIncident,
  listenForThoughts,
  listThoughts,
  parseThoughtPayload,
  type ThoughtNotification,
} from "../../src/services/index.ts";
import {
  asOwner,
  openServiceDatabase,
  seedTenant,
  type ServiceDatabase,
  type Tenant,
} from "./helpers.ts";

let service: ServiceDatabase;
let mine: Tenant;
let theirs: Tenant;

test.before(async () => {
  service = await openServiceDatabase();
  mine = await seedTenant(service.database);
  theirs = await seedTenant(service.database);
});

test.after(async () => {
  await service?.close();
});

/** Resolves once `condition` holds, checking every 20 ms for up to 5 s. */
async function waitUntil(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test("listener hears each new thought of its org only", async () => {
  const { db } = service;
  const heard: ThoughtNotification[] = [];
  const stop = await listenForThoughts(db, mine.orgId, (notification) => {
    heard.push(notification);
  });
  try {
    const incident = await asOwner(db, mine, (tx) =>
      createIncident(tx, { title: "Streamed" }),
    );
    const foreign = await asOwner(db, theirs, (tx) =>
      createIncident(tx, { title: "Not yours" }),
    );
    const written: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      await asOwner(db, theirs, (tx) =>
        appendThought(tx, {
          incidentId: foreign.id,
          type: "analysis",
          content: `theirs ${index}`,
        }),
      );
      const thought = await asOwner(db, mine, (tx) =>
        appendThought(tx, {
          incidentId: incident.id,
          type: "analysis",
          content: `mine ${index}`,
        }),
      );
      written.push(thought.id);
    }
    // A thought that is rolled back is never announced.
    await asOwner(db, mine, async (tx) => {
      await appendThought(tx, {
        incidentId: incident.id,
        type: "analysis",
        content: "x",
      });
      throw new Error("roll back");
    }).catch(() => undefined);
    const last = await asOwner(db, theirs, (tx) =>
      appendThought(tx, {
        incidentId: foreign.id,
        type: "conclusion",
        content: "end",
      }),
    );
    const marker = await asOwner(db, mine, (tx) =>
      appendThought(tx, {
        incidentId: incident.id,
        type: "conclusion",
        content: "end",
      }),
    );
    written.push(marker.id);
    await waitUntil(() => heard.some((n) => n.thoughtId === marker.id));
    assert.equal(
      heard.map((notification) => notification.thoughtId),
      written,
    );
    assert.ok(heard.every((n) => n.orgId === mine.orgId));
    assert.ok(heard.every((n) => n.incidentId === incident.id));
    assert.not.ok(heard.some((n) => n.thoughtId === last.id));
    const read = await asOwner(db, mine, (tx) =>
      listThoughts(tx, { incidentId: heard[0]!.incidentId }),
    );
    assert.is(read.items.length, written.length);
  } finally {
    await stop();
  }
});

test("listener can narrow to one incident", async () => {
  const { db } = service;
  const [watched, other] = await asOwner(db, mine, async (tx) => [
    await createIncident(tx, { title: "Watched" }),
    await createIncident(tx, { title: "Other" }),
  ]);
  const heard: string[] = [];
  const stop = await listenForThoughts(
    db,
    mine.orgId.toUpperCase(),
    (notification) => {
      heard.push(notification.thoughtId);
    },
    { incidentId: watched!.id },
  );
  try {
    await asOwner(db, mine, (tx) =>
      appendThought(tx, {
        incidentId: other!.id,
        type: "analysis",
        content: "no",
      }),
    );
    const wanted = await asOwner(db, mine, (tx) =>
      appendThought(tx, {
        incidentId: watched!.id,
        type: "analysis",
        content: "yes",
      }),
    );
    await waitUntil(() => heard.length > 0);
    assert.equal(heard, [wanted.id]);
  } finally {
    await stop();
  }
});

test("payload parser keeps big ids exact", () => {
  const parsed = parseThoughtPayload(
    '{"org_id" : "5d6f7a8b-9c0d-4e7b-8c21-3f2b8c1e9a4d", "incident_id" : "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d", "thought_id" : 9007199254740993}',
  );
  assert.is(parsed.thoughtId, "9007199254740993");
  assert.throws(
    () => parseThoughtPayload('{"org_id": 1}'),
    /Unexpected payload/,
  );
});

test.run();
