import { randomUUID } from "node:crypto";

import { test } from "uvu";
import * as assert from "uvu/assert";

import {
  ConflictError,
  NotFoundError,
  ValidationError,
} from "../../src/errors.ts";
import {
  attachAlert,
  createIncident,
  getIncident,
  listIncidentAlerts,
  listIncidents,
  mergeIncident,
  updateAnalysisStatus,
  updateIncidentStatus,
  type IncidentSummary,
  type ListIncidentsInput,
} from "../../src/services/index.ts";
import {
  asOwner,
  countRows,
  openServiceDatabase,
  rejectsWith,
  seedGrafanaAlert,
  seedTenant,
  type ServiceDatabase,
  type Tenant,
} from "./helpers.ts";

let service: ServiceDatabase;
let tenant: Tenant;
let other: Tenant;

test.before(async () => {
  service = await openServiceDatabase();
  tenant = await seedTenant(service.database);
  other = await seedTenant(service.database);
});

test.after(async () => {
  await service?.close();
});

test("createIncident stores every field", async () => {
  const { db } = service;
  const created = await asOwner(db, tenant, (tx) =>
    createIncident(tx, {
      title: "Checkout latency",
      description: "p99 above 2 s",
      severity: "high",
      service: "checkout",
      affectedServices: ["checkout", "payments"],
      environment: "production",
      startedAt: "2024-05-01T12:00:00.123456Z",
    }),
  );
  assert.is(created.status, "investigating");
  assert.is(created.analysisStatus, "idle");
  assert.is(created.createdBy, tenant.userId);
  assert.equal(created.affectedServices, ["checkout", "payments"]);
  assert.ok(created.startedAt instanceof Date);
  const read = await asOwner(db, tenant, (tx) => getIncident(tx, created.id));
  assert.is(read.title, "Checkout latency");
  assert.match(read.createdByEmail ?? "", /^owner-/);
});

test("getIncident of another organization is not found", async () => {
  const { db } = service;
  const created = await asOwner(db, tenant, (tx) =>
    createIncident(tx, { title: "Private" }),
  );
  await rejectsWith(
    asOwner(db, other, (tx) => getIncident(tx, created.id)),
    NotFoundError,
  );
});

test("SQL text in a title is stored verbatim", async () => {
  const { db, database } = service;
  const title = "'; drop table incidents; --";
  const created = await asOwner(db, tenant, (tx) =>
    createIncident(tx, { title, description: "$1 :title /* */" }),
  );
  const read = await asOwner(db, tenant, (tx) => getIncident(tx, created.id));
  assert.is(read.title, title);
  assert.is(read.description, "$1 :title /* */");
  assert.ok((await countRows(database, "incidents")) > 0);
});

test("status changes record and clear resolved_at", async () => {
  const { db } = service;
  const { id } = await asOwner(db, tenant, (tx) =>
    createIncident(tx, { title: "Disk full" }),
  );
  const resolved = await asOwner(db, tenant, (tx) =>
    updateIncidentStatus(tx, { id, status: "resolved" }),
  );
  assert.ok(resolved.resolvedAt instanceof Date);
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      updateIncidentStatus(tx, { id, status: "analyzed" }),
    ),
    ConflictError,
  );
  const reopened = await asOwner(db, tenant, (tx) =>
    updateIncidentStatus(tx, { id, status: "investigating" }),
  );
  assert.is(reopened.resolvedAt, null);
});

test("analysis must run before it completes", async () => {
  const { db } = service;
  const { id } = await asOwner(db, tenant, (tx) =>
    createIncident(tx, { title: "Queue backlog" }),
  );
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      updateAnalysisStatus(tx, { id, analysisStatus: "complete" }),
    ),
    ConflictError,
  );
  await asOwner(db, tenant, (tx) =>
    updateAnalysisStatus(tx, { id, analysisStatus: "running" }),
  );
  const done = await asOwner(db, tenant, (tx) =>
    updateAnalysisStatus(tx, {
      id,
      analysisStatus: "complete",
      summary: "A consumer stopped.",
    }),
  );
  assert.is(done.analysisStatus, "complete");
  assert.is(done.summary, "A consumer stopped.");
});

test("updates of a missing incident are not found", async () => {
  const { db } = service;
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      updateIncidentStatus(tx, { id: randomUUID(), status: "resolved" }),
    ),
    NotFoundError,
  );
});

test("attachAlert records strategy, score and details", async () => {
  const { db, database } = service;
  const { id } = await asOwner(db, tenant, (tx) =>
    createIncident(tx, { title: "Latency" }),
  );
  const alertId = await seedGrafanaAlert(database, tenant.orgId);
  const attached = await asOwner(db, tenant, (tx) =>
    attachAlert(tx, {
      incidentId: id,
      alertSource: "grafana",
      alertId,
      strategy: "manual",
      score: 0.75,
      details: { note: "same deploy", scores: { topology: 1 } },
    }),
  );
  assert.is(attached.score, "0.7500");
  assert.is(attached.attachedBy, tenant.userId);
  assert.equal(attached.details, {
    note: "same deploy",
    scores: { topology: 1 },
  });

  const listed = await asOwner(db, tenant, (tx) => listIncidentAlerts(tx, id));
  assert.is(listed.length, 1);
  assert.is(listed[0]!.title, "High latency");
  assert.is(listed[0]!.state, "firing");

  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      attachAlert(tx, {
        incidentId: id,
        alertSource: "grafana",
        alertId,
        strategy: "time_window",
        score: 0.7,
      }),
    ),
    ConflictError,
  );
});

test("attachAlert reports missing alert or incident", async () => {
  const { db, database } = service;
  const { id } = await asOwner(db, tenant, (tx) =>
    createIncident(tx, { title: "Orphan" }),
  );
  const before = await countRows(database, "incident_alerts");
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      attachAlert(tx, {
        incidentId: id,
        alertSource: "datadog",
        alertId: "987654321",
        strategy: "semantic",
        score: 0.9,
      }),
    ),
    NotFoundError,
  );
  const alertId = await seedGrafanaAlert(database, tenant.orgId);
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      attachAlert(tx, {
        incidentId: randomUUID(),
        alertSource: "grafana",
        alertId,
        strategy: "semantic",
        score: 0.9,
      }),
    ),
    NotFoundError,
  );
  assert.is(await countRows(database, "incident_alerts"), before);
});

test("mergeIncident moves alerts and services", async () => {
  const { db, database } = service;
  const source = await asOwner(db, tenant, (tx) =>
    createIncident(tx, { title: "Dup", service: "payments" }),
  );
  const target = await asOwner(db, tenant, (tx) =>
    createIncident(tx, { title: "Main", affectedServices: ["checkout"] }),
  );
  const alertId = await seedGrafanaAlert(database, tenant.orgId);
  await asOwner(db, tenant, (tx) =>
    attachAlert(tx, {
      incidentId: source.id,
      alertSource: "grafana",
      alertId,
      strategy: "service_match",
      score: 0.6,
    }),
  );

  const merged = await asOwner(db, tenant, (tx) =>
    mergeIncident(tx, { id: source.id, intoId: target.id }),
  );
  assert.equal(merged, {
    id: source.id,
    mergedIntoId: target.id,
    movedAlerts: 1,
  });
  const after = await asOwner(db, tenant, async (tx) => ({
    source: await getIncident(tx, source.id),
    target: await getIncident(tx, target.id),
    alerts: await listIncidentAlerts(tx, target.id),
  }));
  assert.is(after.source.status, "merged");
  assert.is(after.source.mergedIntoId, target.id);
  assert.equal(after.target.affectedServices, ["checkout", "payments"]);
  assert.is(after.alerts.length, 1);

  const again = await asOwner(db, tenant, (tx) =>
    mergeIncident(tx, { id: source.id, intoId: target.id }),
  );
  assert.is(again.movedAlerts, 0);
  const third = await asOwner(db, tenant, (tx) =>
    createIncident(tx, { title: "Third" }),
  );
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      mergeIncident(tx, { id: source.id, intoId: third.id }),
    ),
    ConflictError,
  );
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      mergeIncident(tx, { id: third.id, intoId: source.id }),
    ),
    ConflictError,
  );
});

test("mergeIncident names the missing incident", async () => {
  const { db } = service;
  const { id } = await asOwner(db, tenant, (tx) =>
    createIncident(tx, { title: "Lonely" }),
  );
  const missing = randomUUID();
  const error = await rejectsWith(
    asOwner(db, tenant, (tx) => mergeIncident(tx, { id, intoId: missing })),
    NotFoundError,
  );
  assert.ok(error.message.includes(missing));
  await rejectsWith(
    asOwner(db, tenant, (tx) => mergeIncident(tx, { id, intoId: id })),
    ValidationError,
  );
});

/** Follows `next` until the last page and returns every item in order. */
async function readAllPages(
  filters: ListIncidentsInput,
  pageLimit: number,
): Promise<{ items: IncidentSummary[]; pages: number }> {
  const items: IncidentSummary[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const page = await asOwner(service.db, tenant, (tx) =>
      listIncidents(tx, { ...filters, after, limit: pageLimit }),
    );
    items.push(...page.items);
    after = page.next;
    pages += 1;
    assert.ok(pages < 1000, "pagination does not end");
  } while (after !== null);
  return { items, pages };
}

test("listIncidents pages through rows with equal times", async () => {
  const { database } = service;
  const paged = await seedTenant(database);
  tenant = paged;
  // 25 incidents share one created_at, so the id alone orders them; 5 more
  // differ only in the microseconds that a JavaScript Date cannot hold.
  await database.root.query(
    `insert into incidents (org_id, title, service, severity, created_at, started_at)
     select $1, 'same time ' || n, 'svc' || (n % 3), 'high', '2024-05-01 12:00:00.000001+00',
       '2024-05-01 12:00:00+00'
     from generate_series(1, 25) as n`,
    [paged.orgId],
  );
  await database.root.query(
    `insert into incidents (org_id, title, service, severity, created_at, started_at)
     select $1, 'micro ' || n, 'svc0', 'low',
       '2024-05-01 12:00:00.0001+00'::timestamptz + n * interval '1 microsecond',
       '2024-05-01 11:00:00+00'
     from generate_series(1, 5) as n`,
    [paged.orgId],
  );
  const { rows } = await database.root.query<{ id: string }>(
    "select id from incidents where org_id = $1 order by created_at desc, id desc",
    [paged.orgId],
  );
  const expected = rows.map((row) => row.id);
  for (const pageLimit of [1, 4, 7, 30, 31]) {
    const { items, pages } = await readAllPages({}, pageLimit);
    assert.equal(
      items.map((item) => item.id),
      expected,
      `page size ${pageLimit}`,
    );
    assert.is(pages, Math.max(1, Math.ceil(expected.length / pageLimit)));
  }
});

test("listIncidents applies filters across pages", async () => {
  const { database } = service;
  const { rows } = await database.root.query<{ id: string }>(
    `select id from incidents where org_id = $1 and service = 'svc0' and severity = 'low'
     order by created_at desc, id desc`,
    [tenant.orgId],
  );
  const { items } = await readAllPages(
    { service: "svc0", severity: ["low"] },
    2,
  );
  assert.equal(
    items.map((item) => item.id),
    rows.map((row) => row.id),
  );
  const ranged = await readAllPages(
    { from: "2024-05-01T12:00:00.0001Z", to: "2024-05-01T12:00:00.000104Z" },
    2,
  );
  assert.is(ranged.items.length, 3);
});

test("open list sorts by start time", async () => {
  const { db } = service;
  const page = await asOwner(db, tenant, (tx) =>
    listIncidents(tx, { open: true, limit: 100 }),
  );
  assert.is(page.items.length, 30);
  assert.ok(page.items.every((item) => item.status === "investigating"));
  assert.is(page.items[0]!.title.startsWith("same time"), true);
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      listIncidents(tx, { open: true, status: "resolved" }),
    ),
    ValidationError,
  );
});

test("cursor of one list is rejected by another", async () => {
  const { db } = service;
  const page = await asOwner(db, tenant, (tx) =>
    listIncidents(tx, { limit: 1 }),
  );
  const error = await rejectsWith(
    asOwner(db, tenant, (tx) =>
      listIncidents(tx, { open: true, after: page.next }),
    ),
    ValidationError,
  );
  assert.equal(error.issues[0]?.path, "/after");
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      listIncidents(tx, { after: "bm90IGEgY3Vyc29y" }),
    ),
    ValidationError,
  );
});

test.run();
