import { randomUUID } from "node:crypto";

import { test } from "uvu";
import * as assert from "uvu/assert";

import { NotFoundError, ValidationError } from "../../src/errors.ts";
import {
  addCitation,
  addSuggestion,
  appendThought,
  createIncident,
  listCitations,
  listSuggestions,
  listThoughts,
  markSuggestionApplied,
  resolveThoughtCitations,
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
let incidentId: string;

test.before(async () => {
  service = await openServiceDatabase();
  tenant = await seedTenant(service.database);
  const incident = await asOwner(service.db, tenant, (tx) =>
    createIncident(tx, { title: "Checkout errors" }),
  );
  incidentId = incident.id;
});

test.after(async () => {
  await service?.close();
});

test("thoughts stream in order after an id", async () => {
  const { db } = service;
  const written: string[] = [];
  for (const [index, type] of (
    ["analysis", "hypothesis", "evidence", "conclusion", "analysis"] as const
  ).entries()) {
    const thought = await asOwner(db, tenant, (tx) =>
      appendThought(tx, { incidentId, type, content: `step ${index}` }),
    );
    written.push(thought.id);
  }
  const first = await asOwner(db, tenant, (tx) =>
    listThoughts(tx, { incidentId, limit: 2 }),
  );
  assert.equal(
    first.items.map((thought) => thought.id),
    written.slice(0, 2),
  );
  const rest = await asOwner(db, tenant, (tx) =>
    listThoughts(tx, { incidentId, afterId: first.lastId }),
  );
  assert.equal(
    rest.items.map((thought) => thought.id),
    written.slice(2),
  );
  const none = await asOwner(db, tenant, (tx) =>
    listThoughts(tx, { incidentId, afterId: rest.lastId }),
  );
  assert.is(none.items.length, 0);
  assert.is(none.lastId, rest.lastId);
});

test("appendThought to a missing incident is not found", async () => {
  const { db, database } = service;
  const before = await countRows(database, "incident_thoughts");
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      appendThought(tx, {
        incidentId: randomUUID(),
        type: "analysis",
        content: "x",
      }),
    ),
    NotFoundError,
  );
  assert.is(await countRows(database, "incident_thoughts"), before);
});

test("fix suggestions can be applied, others cannot", async () => {
  const { db } = service;
  const fix = await asOwner(db, tenant, (tx) =>
    addSuggestion(tx, {
      incidentId,
      type: "fix",
      title: "Raise the pool size",
      risk: "medium",
      filePath: "deploy/values.yaml",
      originalContent: "pool: 5\n",
      suggestedContent: "pool: 20\n",
      repository: "acme/checkout",
    }),
  );
  const diagnostic = await asOwner(db, tenant, (tx) =>
    addSuggestion(tx, {
      incidentId,
      type: "diagnostic",
      title: "Check the pool",
      command: "kubectl logs deploy/checkout",
    }),
  );
  assert.is(diagnostic.risk, "safe");
  const applied = await asOwner(db, tenant, (tx) =>
    markSuggestionApplied(tx, {
      id: fix.id,
      prUrl: "https://github.com/acme/checkout/pull/7",
      prNumber: 7,
    }),
  );
  assert.ok(applied.appliedAt instanceof Date);
  assert.is(applied.prNumber, 7);
  const again = await asOwner(db, tenant, (tx) =>
    markSuggestionApplied(tx, { id: fix.id }),
  );
  assert.equal(again.appliedAt, applied.appliedAt);
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      markSuggestionApplied(tx, { id: diagnostic.id }),
    ),
    ValidationError,
  );
  await rejectsWith(
    asOwner(db, tenant, (tx) => markSuggestionApplied(tx, { id: "999999" })),
    NotFoundError,
  );
  const listed = await asOwner(db, tenant, (tx) =>
    listSuggestions(tx, incidentId),
  );
  assert.equal(
    listed.map((suggestion) => suggestion.id),
    [fix.id, diagnostic.id],
  );
});

test("file fields are rejected on non-fix suggestions", async () => {
  const { db, database } = service;
  const before = await countRows(database, "incident_suggestions");
  const error = await rejectsWith(
    asOwner(db, tenant, (tx) =>
      addSuggestion(tx, {
        incidentId,
        type: "mitigation",
        title: "Scale up",
        filePath: "x.yaml",
        prNumber: 3,
      }),
    ),
    ValidationError,
  );
  assert.equal(
    error.issues.map((issue) => issue.path),
    ["/filePath", "/prNumber"],
  );
  assert.is(await countRows(database, "incident_suggestions"), before);
});

test("concurrent citations get consecutive keys", async () => {
  const { db } = service;
  const incident = await asOwner(db, tenant, (tx) =>
    createIncident(tx, { title: "Citations" }),
  );
  const writers = Array.from({ length: 12 }, (_, index) =>
    asOwner(db, tenant, (tx) =>
      addCitation(tx, {
        incidentId: incident.id,
        tool: "kubectl",
        command: `get pods # ${index}`,
        output: "ok",
        durationMs: index,
      }),
    ),
  );
  const citations = await Promise.all(writers);
  const keys = citations
    .map((citation) => citation.citationKey)
    .sort((a, b) => a - b);
  assert.equal(
    keys,
    Array.from({ length: 12 }, (_, index) => index + 1),
  );
  const listed = await asOwner(db, tenant, (tx) =>
    listCitations(tx, incident.id),
  );
  assert.is(listed.length, 12);
});

test("thought citations resolve by their marks", async () => {
  const { db } = service;
  const incident = await asOwner(db, tenant, (tx) =>
    createIncident(tx, { title: "Marks" }),
  );
  for (const tool of ["kubectl", "aws", "gcloud"]) {
    await asOwner(db, tenant, (tx) =>
      addCitation(tx, { incidentId: incident.id, tool }),
    );
  }
  const thought = await asOwner(db, tenant, (tx) =>
    appendThought(tx, {
      incidentId: incident.id,
      type: "evidence",
      content:
        "Pods restart [1] while the ELB is healthy [3][1]; see also [9] and [x].",
    }),
  );
  const resolved = await asOwner(db, tenant, (tx) =>
    resolveThoughtCitations(tx, thought.id),
  );
  assert.equal(
    resolved.citations.map((citation) => [citation.citationKey, citation.tool]),
    [
      [1, "kubectl"],
      [3, "gcloud"],
    ],
  );
  assert.equal(resolved.missingKeys, [9]);
  const plain = await asOwner(db, tenant, (tx) =>
    appendThought(tx, {
      incidentId: incident.id,
      type: "analysis",
      content: "no marks",
    }),
  );
  const empty = await asOwner(db, tenant, (tx) =>
    resolveThoughtCitations(tx, Number(plain.id)),
  );
  assert.equal(empty, { citations: [], missingKeys: [] });
  await rejectsWith(
    asOwner(db, tenant, (tx) => resolveThoughtCitations(tx, "123456789")),
    NotFoundError,
  );
});

test("addCitation to a missing incident is not found", async () => {
  const { db } = service;
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      addCitation(tx, { incidentId: randomUUID(), tool: "kubectl" }),
    ),
    NotFoundError,
  );
});

test.run();
