import { randomUUID } from "node:crypto";

import { test } from "uvu";
import * as assert from "uvu/assert";

import { NotFoundError } from "../../src/errors.ts";
import {
  appendChatMessage,
  createChatSession,
  createIncident,
  getChatSession,
  listChatMessages,
  listChatSessions,
  updateChatSessionStatus,
  updateChatSessionUiState,
  type ChatMessage,
} from "../../src/services/index.ts";
import {
  asOwner,
  countRows,
  openServiceDatabase,
  rejectsWith,
  seedTenant,
  type ServiceDatabase,
  type Tenant,
} from "./helpers.ts";

let service: ServiceDatabase;
let tenant: Tenant;

test.before(async () => {
  service = await openServiceDatabase();
  tenant = await seedTenant(service.database);
});

test.after(async () => {
  await service?.close();
});

function asMember<T>(work: Parameters<typeof asOwner<T>>[2]): Promise<T> {
  return service.db.withTenant(
    { orgId: tenant.orgId, userId: tenant.memberId },
    work,
  );
}

test("sessions are created, read and updated", async () => {
  const { db } = service;
  const incident = await asOwner(db, tenant, (tx) =>
    createIncident(tx, { title: "Chat about me" }),
  );
  const session = await asOwner(db, tenant, (tx) =>
    createChatSession(tx, {
      title: "Why is checkout slow?",
      incidentId: incident.id,
      uiState: { panels: ["timeline"], draft: "" },
    }),
  );
  assert.is(session.status, "active");
  assert.equal(session.uiState, { panels: ["timeline"], draft: "" });
  const updated = await asOwner(db, tenant, async (tx) => {
    await updateChatSessionStatus(tx, {
      id: session.id,
      status: "in_progress",
    });
    return updateChatSessionUiState(tx, {
      id: session.id,
      uiState: { panels: [], scroll: 120 },
    });
  });
  assert.is(updated.status, "in_progress");
  assert.equal(updated.uiState, { panels: [], scroll: 120 });
  const read = await asOwner(db, tenant, (tx) =>
    getChatSession(tx, session.id),
  );
  assert.is(read.incidentId, incident.id);
});

test("sessions are private to their user", async () => {
  const { db } = service;
  const session = await asOwner(db, tenant, (tx) =>
    createChatSession(tx, { title: "Mine" }),
  );
  await rejectsWith(
    asMember((tx) => getChatSession(tx, session.id)),
    NotFoundError,
  );
  await rejectsWith(
    asMember((tx) =>
      appendChatMessage(tx, {
        sessionId: session.id,
        role: "user",
        content: { text: "let me in" },
      }),
    ),
    NotFoundError,
  );
  const theirs = await asMember((tx) => listChatSessions(tx));
  assert.is(theirs.items.length, 0);
});

test("messages page oldest first", async () => {
  const { db, database } = service;
  const session = await asOwner(db, tenant, (tx) =>
    createChatSession(tx, { title: "Transcript" }),
  );
  const written: ChatMessage[] = [];
  for (let index = 0; index < 7; index += 1) {
    written.push(
      await asOwner(db, tenant, (tx) =>
        appendChatMessage(tx, {
          sessionId: session.id,
          role: index % 2 === 0 ? "user" : "assistant",
          content:
            index === 3
              ? {
                  parts: [
                    {
                      type: "tool_call",
                      toolCallId: "c1",
                      toolName: "kubectl",
                      arguments: { args: ["get", "pods"] },
                    },
                  ],
                }
              : { text: `message ${index}` },
        }),
      ),
    );
  }

  // Two messages in one transaction share created_at, so the id orders them.
  const sameTime = await asOwner(db, tenant, async (tx) => [
    await appendChatMessage(tx, {
      sessionId: session.id,
      role: "user",
      content: { text: "a" },
    }),
    await appendChatMessage(tx, {
      sessionId: session.id,
      role: "user",
      content: { text: "b" },
    }),
  ]);
  written.push(...sameTime);

  const seen: string[] = [];
  let after: string | null = null;
  do {
    const page = await asOwner(db, tenant, (tx) =>
      listChatMessages(tx, { sessionId: session.id, after, limit: 3 }),
    );
    seen.push(...page.items.map((message) => message.id));
    after = page.next;
  } while (after !== null);
  assert.equal(
    seen,
    written.map((message) => message.id),
  );
  assert.is(await countRows(database, "chat_messages"), written.length);
});

test("sessions page newest first, filtered", async () => {
  const { db } = service;
  const created: string[] = [];
  for (let index = 0; index < 5; index += 1) {
    const session = await asMember((tx) =>
      createChatSession(tx, {
        status: index % 2 === 0 ? "active" : "completed",
      }),
    );
    created.push(session.id);
  }
  const all = await asMember((tx) => listChatSessions(tx, { limit: 2 }));
  assert.is(all.items[0]!.id, created[4]);
  const second = await asMember((tx) =>
    listChatSessions(tx, { limit: 2, after: all.next }),
  );
  assert.is(second.items[0]!.id, created[2]);
  const completed = await asMember((tx) =>
    listChatSessions(tx, { status: "completed" }),
  );
  assert.equal(
    completed.items.map((session) => session.id),
    [created[3], created[1]],
  );
});

test("messages of a missing session are not found", async () => {
  const { db } = service;
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      appendChatMessage(tx, {
        sessionId: randomUUID(),
        role: "user",
        content: { text: "hello?" },
      }),
    ),
    NotFoundError,
  );
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      updateChatSessionStatus(tx, { id: randomUUID(), status: "cancelled" }),
    ),
    NotFoundError,
  );
});

test.run();
