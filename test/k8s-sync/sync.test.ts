/**
 * Kubernetes sync: public samples and project fixtures stored with their
 * columns, snapshots replaced with upserts and deletes, and only the kinds
 * that the input names.
 */

import fs from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { InputError, ValidationError } from "../../src/errors.ts";
import { InputsRejectedError } from "../../src/ingest/ingest.ts";
import {
  parseKubernetesInventory,
  type InventoryCollection,
} from "../../src/k8s/index.ts";
import { INVENTORY_COLLECTIONS } from "../../src/k8s/kinds.ts";
import { syncCluster, validateClusterName } from "../../src/k8s/sync.ts";
import { deleteStalePods } from "../../generated/kubernetes.queries.ts";
import type { TenantTransaction } from "../../src/pool/index.ts";
import { rejection } from "../helpers/database.ts";
import {
  jsonBytes,
  k8sFixturesDir,
  openHarness,
  samplesDir,
  samplesPresent,
  type Harness,
  type Organization,
} from "../ingest-store/helpers.ts";

const TABLES: Record<InventoryCollection, string> = {
  pods: "k8s_pods",
  nodes: "k8s_nodes",
  services: "k8s_services",
  deployments: "k8s_deployments",
  ingresses: "k8s_ingresses",
};

let harness: Harness;

test.before(async () => {
  harness = await openHarness();
});

test.after(async () => {
  await harness.close();
});

/** Builds a pod object named web-<index> in namespace shop. */
function pod(index: number, image = "web:1"): Record<string, unknown> {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: `web-${index}`,
      namespace: "shop",
      uid: `6f6143bc-a5f3-11e9-990f-${String(index).padStart(12, "0")}`,
      creationTimestamp: "2026-11-30T08:00:00Z",
      labels: { app: "web" },
    },
    spec: { nodeName: "node-1", containers: [{ name: "app", image }] },
    status: {
      phase: "Running",
      podIP: `10.0.${Math.floor(index / 250)}.${(index % 250) + 1}`,
      hostIP: "10.1.0.1",
      startTime: "2026-11-30T08:00:05Z",
      containerStatuses: [{ name: "app", ready: true, restartCount: 0 }],
    },
  };
}

function list(items: unknown[], kind = "List"): Buffer {
  return jsonBytes({ apiVersion: "v1", kind, metadata: {}, items });
}

function sync(
  org: Organization,
  cluster: string,
  inputs: Array<{ name: string; bytes: Buffer }>,
  pruneEmpty = false,
) {
  return syncCluster(harness.db, { org: org.id, cluster, inputs, pruneEmpty });
}

async function storedRows(table: string, orgId: string, cluster: string) {
  const { rows } = await harness.database.root.query(
    `select * from ${table} where org_id = $1 and cluster = $2 order by name`,
    [orgId, cluster],
  );
  return rows;
}

/** Normalises a value read from PostgreSQL for comparison with a parsed row. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}

test("stores every Kubernetes sample with its columns", async () => {
  if (!samplesPresent("k8s-sync samples")) return;
  const folder = path.join(samplesDir, "kubernetes");
  const org = await harness.newOrg();
  for (const file of fs.readdirSync(folder).sort()) {
    const bytes = fs.readFileSync(path.join(folder, file));
    const parsed = parseKubernetesInventory(bytes, file);
    const cluster = file.replace(/\.json$/, "").slice(0, 60);
    const summary = await sync(org, cluster, [{ name: file, bytes }]);
    for (const collection of INVENTORY_COLLECTIONS) {
      const expected = parsed[collection] as unknown as Record<
        string,
        unknown
      >[];
      const counts = summary.kinds[collection];
      assert.is(counts.inserted, expected.length, `${file} ${collection}`);
      if (expected.length === 0) continue;
      const rows = await storedRows(TABLES[collection], org.id, cluster);
      assert.is(rows.length, expected.length, `${file} ${collection} rows`);
      const byName = new Map(rows.map((row) => [row.name, row]));
      for (const row of expected) {
        const stored = byName.get(row.name);
        assert.ok(stored, `${file}: ${row.name} not stored`);
        for (const [column, value] of Object.entries(row)) {
          assert.equal(
            comparable(stored[column]),
            value,
            `${file}: ${collection} ${row.name} column ${column}`,
          );
        }
      }
    }
    const again = await sync(org, cluster, [{ name: file, bytes }]);
    for (const collection of INVENTORY_COLLECTIONS) {
      const counts = again.kinds[collection];
      assert.is(counts.upserted, 0, `${file} second sync wrote ${collection}`);
      assert.is(counts.deleted, 0, `${file} second sync deleted ${collection}`);
      assert.is(counts.unchanged, parsed[collection].length);
    }
  }
});

test("syncs the project's cluster fixtures", async () => {
  const org = await harness.newOrg();
  const inputs = fs
    .readdirSync(k8sFixturesDir)
    .filter((file) => file.startsWith("demo-prod-"))
    .sort()
    .map((file) => ({
      name: file,
      bytes: fs.readFileSync(path.join(k8sFixturesDir, file)),
    }));
  const summary = await sync(org, "demo-prod", inputs);
  for (const collection of INVENTORY_COLLECTIONS) {
    const counts = summary.kinds[collection];
    assert.ok(counts.replaced, `${collection} replaced`);
    assert.ok(counts.inserted > 0, `fixtures hold ${collection}`);
    assert.is(await harness.count(TABLES[collection], org.id), counts.inserted);
  }
});

test("replaces a snapshot with 10% churn", async () => {
  const org = await harness.newOrg();
  const first = Array.from({ length: 100 }, (_, index) => pod(index));
  await sync(org, "prod-eu-1", [{ name: "pods.json", bytes: list(first) }]);
  // Ten pods gone (0-9), ten changed (10-19), ten new (100-109).
  const second = [
    ...Array.from({ length: 10 }, (_, index) => pod(index + 10, "web:2")),
    ...Array.from({ length: 80 }, (_, index) => pod(index + 20)),
    ...Array.from({ length: 10 }, (_, index) => pod(index + 100)),
  ];
  const summary = await sync(org, "prod-eu-1", [
    { name: "pods.json", bytes: list(second) },
  ]);
  const pods = summary.kinds.pods;
  assert.is(pods.objects, 100);
  assert.is(pods.inserted, 10);
  assert.is(pods.updated, 10);
  assert.is(pods.unchanged, 80);
  assert.is(pods.deleted, 10);
  const rows = await storedRows("k8s_pods", org.id, "prod-eu-1");
  const names = new Set(rows.map((row) => row.name));
  assert.is(names.size, 100);
  assert.not.ok(names.has("web-0"));
  assert.ok(names.has("web-109"));
  const changed = rows.find((row) => row.name === "web-10");
  assert.equal(changed.object.spec.containers[0].image, "web:2");
});

test("syncs in one transaction", async () => {
  const org = await harness.newOrg();
  const pods = Array.from({ length: 1200 }, (_, index) => pod(index));
  const summary = await sync(org, "big", [
    { name: "pods.json", bytes: list(pods) },
  ]);
  assert.is(summary.kinds.pods.inserted, 1200);
  const { rows } = await harness.database.root.query(
    "select count(distinct xmin::text) as transactions from k8s_pods where org_id = $1",
    [org.id],
  );
  assert.is(Number(rows[0].transactions), 1);
});

test("keeps the kinds the input does not name", async () => {
  const org = await harness.newOrg();
  const nodes = fs.readFileSync(
    path.join(k8sFixturesDir, "demo-prod-nodes.json"),
  );
  await sync(org, "prod", [
    { name: "pods.json", bytes: list([pod(1), pod(2)]) },
    { name: "nodes.json", bytes: nodes },
  ]);
  const nodeCount = await harness.count("k8s_nodes", org.id);
  assert.ok(nodeCount > 0);
  const summary = await sync(org, "prod", [
    { name: "pods.json", bytes: list([pod(1)]) },
  ]);
  assert.is(summary.kinds.pods.deleted, 1);
  assert.not.ok(summary.kinds.nodes.replaced);
  assert.is(await harness.count("k8s_nodes", org.id), nodeCount);
});

test("empty list deletes nothing unless pruning", async () => {
  const org = await harness.newOrg();
  await sync(org, "prod", [
    { name: "pods.json", bytes: list([pod(1), pod(2)]) },
  ]);
  const kept = await sync(org, "prod", [
    { name: "empty.json", bytes: list([]) },
  ]);
  for (const collection of INVENTORY_COLLECTIONS) {
    assert.not.ok(kept.kinds[collection].replaced, collection);
  }
  assert.is(await harness.count("k8s_pods", org.id), 2);

  const pruned = await sync(
    org,
    "prod",
    [{ name: "empty.json", bytes: list([]) }],
    true,
  );
  assert.is(pruned.kinds.pods.deleted, 2);
  assert.ok(pruned.kinds.nodes.replaced);
  assert.is(await harness.count("k8s_pods", org.id), 0);
});

test("empty typed list replaces its kind", async () => {
  const org = await harness.newOrg();
  await sync(org, "prod", [{ name: "pods.json", bytes: list([pod(1)]) }]);
  const summary = await sync(org, "prod", [
    { name: "pods.json", bytes: list([], "PodList") },
  ]);
  assert.ok(summary.kinds.pods.replaced);
  assert.is(summary.kinds.pods.deleted, 1);
  assert.not.ok(summary.kinds.services.replaced);
  const other = await sync(
    org,
    "prod",
    [{ name: "configmaps.json", bytes: list([], "ConfigMapList") }],
    true,
  );
  assert.not.ok(
    other.kinds.pods.replaced,
    "a list of another kind prunes nothing",
  );
});

test("leaves other clusters alone", async () => {
  const org = await harness.newOrg();
  await sync(org, "east", [
    { name: "pods.json", bytes: list([pod(1), pod(2)]) },
  ]);
  await sync(org, "west", [{ name: "pods.json", bytes: list([pod(3)]) }]);
  assert.is((await storedRows("k8s_pods", org.id, "east")).length, 2);
  assert.is((await storedRows("k8s_pods", org.id, "west")).length, 1);
});

test("rejects invalid cluster names", () => {
  for (const name of [
    "",
    "Prod",
    "prod_eu",
    "-prod",
    "prod.",
    "a".repeat(64),
    "é",
  ]) {
    const error = (() => {
      try {
        validateClusterName(name);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    assert.instance(
      error,
      ValidationError,
      `cluster name ${JSON.stringify(name)}`,
    );
  }
  for (const name of [
    "prod",
    "prod-eu-1",
    "gke.prod.example",
    `${"a".repeat(63)}.b`,
  ]) {
    validateClusterName(name);
  }
});

test("rejects bad inputs and writes nothing", async () => {
  const org = await harness.newOrg();
  const duplicate = await rejection(
    sync(org, "prod", [
      { name: "a.json", bytes: list([pod(1)]) },
      { name: "b.json", bytes: list([pod(1)]) },
    ]),
  );
  assert.instance(duplicate, ValidationError);
  assert.match(
    duplicate.message,
    /^b\.json: pods shop\/web-1 is also in a\.json/,
  );

  const several = await rejection(
    sync(org, "prod", [
      { name: "good.json", bytes: list([pod(1)]) },
      { name: "bad.json", bytes: Buffer.from("{") },
      {
        name: "cm.json",
        bytes: list([{ apiVersion: "v1", kind: "ConfigMap" }]),
      },
    ]),
  );
  assert.instance(several, InputsRejectedError);
  assert.match(several.message, /2 of 3 files were rejected/);

  const one = await rejection(
    sync(org, "prod", [{ name: "-", bytes: Buffer.from("[]") }]),
  );
  assert.instance(one, InputError);
  assert.match(one.message, /^-: /);
  assert.is(await harness.count("k8s_pods", org.id), 0);
});

test("stale-pod delete reads the cluster's index range", async () => {
  const org = await harness.newOrg();
  const pods = Array.from({ length: 50 }, (_, index) => pod(index));
  await sync(org, "prod", [{ name: "pods.json", bytes: list(pods) }]);
  await harness.database.root.query("analyze k8s_pods");
  let plan = "";
  await harness.db.withTenant({ orgId: org.id }, async (tx) => {
    const explain = {
      query: (async (text: string, values?: readonly unknown[]) => {
        const result = await tx.query(`explain (format json) ${text}`, values);
        plan = JSON.stringify(result.rows[0]);
        return { rows: [], rowCount: 0, fields: [], command: "EXPLAIN" };
      }) as TenantTransaction["query"],
    };
    await deleteStalePods.run(
      { cluster: "prod", namespaces: ["shop"], names: ["web-1"] },
      explain,
    );
  });
  // Any index led by (org_id, cluster) reads only this cluster's rows; the planner may pick
  // the unique key or the node index, depending on statistics. PostgreSQL 18 prints the
  // parameter as (InitPlan 1).col1 where 15 prints $0.
  assert.not.ok(plan.includes("Seq Scan"), `plan scans the table: ${plan}`);
  assert.match(
    plan,
    /"Index Cond":"\(\(org_id = (\$\d+|\(InitPlan \d+\)\.col\d+)\) AND \(cluster = /,
    `plan does not read the cluster's index range: ${plan}`,
  );
});

test.run();
