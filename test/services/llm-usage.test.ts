import { randomUUID } from "node:crypto";

import { test } from "uvu";
import * as assert from "uvu/assert";

import { NotFoundError, ValidationError } from "../../src/errors.ts";
import { recordLlmUsage, reportLlmUsage } from "../../src/services/index.ts";
import {
  asOwner,
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

test("recordLlmUsage returns the generated amounts", async () => {
  const { db } = service;
  const usage = await asOwner(db, tenant, (tx) =>
    recordLlmUsage(tx, {
      model: "gpt-4o",
      provider: "openai",
      requestType: "rca",
      inputTokens: 1200,
      outputTokens: 300,
      cost: "0.012345",
    }),
  );
  assert.is(usage.totalTokens, 1500);
  assert.is(usage.cost, "0.012345");
  assert.is(usage.surchargeRate, "0.3000");
  assert.is(usage.surchargeAmount, "0.003704");
  assert.is(usage.totalCostWithSurcharge, "0.016049");
  assert.is(usage.userId, tenant.userId);
});

test("reportLlmUsage groups by day, model and user", async () => {
  const { db, database } = service;
  const rows: [string, string, string | null, number, string][] = [
    ["2024-03-01 10:00+00", "gpt-4o", tenant.userId, 100, "1.000000"],
    ["2024-03-01 23:59:59.999999+00", "gpt-4o", tenant.userId, 50, "0.500000"],
    ["2024-03-02 00:00+00", "gpt-4o", tenant.userId, 10, "0.100000"],
    ["2024-03-01 12:00+00", "claude", null, 7, "2.000000"],
    ["2024-03-01 12:00+00", "claude", tenant.memberId, 3, "0.000001"],
  ];
  for (const [at, model, userId, tokens, cost] of rows) {
    await database.root.query(
      `insert into llm_usage_tracking
         (org_id, user_id, model, provider, request_type, input_tokens, output_tokens, cost, created_at)
       values ($1, $2, $3, 'test', 'chat', $4, 1, $5, $6)`,
      [tenant.orgId, userId, model, tokens, cost, at],
    );
  }

  const report = await asOwner(db, tenant, (tx) =>
    reportLlmUsage(tx, {
      from: "2024-03-01T00:00:00Z",
      to: "2024-03-03T00:00:00Z",
    }),
  );
  assert.equal(
    report.rows.map((row) => [
      row.day,
      row.model,
      row.userEmail === null,
      row.requests,
      row.inputTokens,
      row.cost,
    ]),
    [
      ["2024-03-01", "claude", true, 1, "7", "2.000000"],
      ["2024-03-01", "claude", false, 1, "3", "0.000001"],
      ["2024-03-01", "gpt-4o", false, 2, "150", "1.500000"],
      ["2024-03-02", "gpt-4o", false, 1, "10", "0.100000"],
    ],
  );
  assert.is(report.totals.requests, 5);
  assert.is(report.totals.cost, "3.600001");
  assert.is(report.totals.totalTokens, "175");

  const mine = await asOwner(db, tenant, (tx) =>
    reportLlmUsage(tx, {
      from: new Date("2024-03-01T00:00:00Z"),
      to: new Date("2024-03-02T00:00:00Z"),
      userId: tenant.userId,
    }),
  );
  assert.is(mine.totals.requests, 2);
  const empty = await asOwner(db, tenant, (tx) =>
    reportLlmUsage(tx, {
      from: "2020-01-01T00:00:00Z",
      to: "2020-01-02T00:00:00Z",
    }),
  );
  assert.equal(empty.rows, []);
  assert.is(empty.totals.requests, 0);
  assert.is(empty.totals.cost, "0");
});

test("usage of an unknown user is not found", async () => {
  const { db } = service;
  await rejectsWith(
    asOwner(db, tenant, (tx) =>
      recordLlmUsage(tx, {
        model: "m",
        provider: "p",
        requestType: "chat",
        inputTokens: 1,
        outputTokens: 1,
        cost: 0,
        userId: randomUUID(),
      }),
    ),
    NotFoundError,
  );
});

test("report range must be ordered", async () => {
  const { db } = service;
  const error = await rejectsWith(
    asOwner(db, tenant, (tx) =>
      reportLlmUsage(tx, {
        from: "2024-03-02T00:00:00Z",
        to: "2024-03-01T00:00:00Z",
      }),
    ),
    ValidationError,
  );
  assert.is(error.issues[0]?.path, "/to");
});

test.run();
