import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  type JsonObject,
  type KubernetesInventory,
  parseKubernetesInventory,
} from "../../src/k8s/index.ts";
import { fixturesDir } from "./paths.ts";

function parseFixture(file: string): KubernetesInventory {
  return parseKubernetesInventory(
    readFileSync(path.join(fixturesDir, file)),
    file,
  );
}

function byName<T extends { name: string }>(rows: T[], name: string): T {
  const row = rows.find((candidate) => candidate.name === name);
  if (row === undefined) throw new Error(`no row named ${name}`);
  return row;
}

test("reads demo-prod nodes", () => {
  const { nodes } = parseFixture("demo-prod-nodes.json");
  assert.equal(
    nodes.map(({ name }) => name),
    ["demo-prod-node-a", "demo-prod-node-b"],
  );
  const nodeA = byName(nodes, "demo-prod-node-a");
  assert.is(nodeA.status, "Ready");
  assert.equal(nodeA.roles, ["control-plane"]);
  assert.is(nodeA.internal_ip, "10.20.0.11");
  assert.is(nodeA.kubelet_version, "v1.29.4");
  assert.is(nodeA.os_image, "Ubuntu 22.04.4 LTS");
  assert.is(nodeA.cpu_capacity, "4");
  assert.is(nodeA.memory_capacity, "16393220Ki");
  assert.is(nodeA.is_unschedulable, false);
  assert.is(nodeA.creation_timestamp, "2024-03-02T08:15:40.000Z");
});

test("reads the NotReady node", () => {
  const nodeB = byName(
    parseFixture("demo-prod-nodes.json").nodes,
    "demo-prod-node-b",
  );
  assert.is(nodeB.status, "NotReady");
  assert.equal(nodeB.roles, ["database", "worker"]);
  // The first InternalIP; the IPv6 one follows it.
  assert.is(nodeB.internal_ip, "10.20.1.12");
  assert.is(nodeB.kubelet_version, "v1.28.9");
  assert.is(nodeB.cpu_capacity, "8");
  assert.is(nodeB.is_unschedulable, true);
});

test("fills NodeList items and strips managedFields", () => {
  const nodeA = byName(
    parseFixture("demo-prod-nodes.json").nodes,
    "demo-prod-node-a",
  );
  assert.is(nodeA.api_version, "v1");
  assert.is(nodeA.object.kind, "Node");
  assert.is(nodeA.object.apiVersion, "v1");
  const metadata = nodeA.object.metadata as JsonObject;
  assert.not.ok("managedFields" in metadata);
  assert.is(
    (metadata.annotations as JsonObject)["node.alpha.kubernetes.io/ttl"],
    "0",
  );
});

test("reads the checkout deployment", () => {
  const { deployments } = parseFixture("demo-prod-deployments.json");
  assert.equal(deployments.length, 1);
  const { object, ...columns } = byName(deployments, "checkout");
  assert.equal(columns, {
    namespace: "shop",
    name: "checkout",
    uid: "a504ae61-7c7c-48ea-8341-4a0f783633bd",
    api_version: "apps/v1",
    labels: {
      "app.kubernetes.io/name": "checkout",
      "app.kubernetes.io/part-of": "storefront",
    },
    creation_timestamp: "2024-03-04T10:00:00.000Z",
    replicas: 3,
    ready_replicas: 2,
    available_replicas: 2,
    updated_replicas: 3,
    strategy: "RollingUpdate",
    images: [
      "registry.example.com/shop/checkout:2.14.1",
      "envoyproxy/envoy:v1.30.1",
    ],
  });
  assert.equal((object.metadata as JsonObject).annotations, {
    "deployment.kubernetes.io/revision": "14",
  });
});

test("reads the checkout pods", () => {
  const { pods } = parseFixture("demo-prod-pods.json");
  const checkout = pods.filter(
    ({ owner_name }) => owner_name === "checkout-6d8f9c7b5d",
  );
  assert.equal(
    checkout.map(({ name }) => name),
    [
      "checkout-6d8f9c7b5d-4xk2p",
      "checkout-6d8f9c7b5d-9mz7q",
      "checkout-6d8f9c7b5d-tq8vn",
    ],
  );
  for (const row of checkout) {
    assert.is(row.namespace, "shop");
    assert.is(row.phase, "Running");
    assert.is(row.node_name, "demo-prod-node-a");
    assert.is(row.host_ip, "10.20.0.11");
    assert.is(row.owner_kind, "ReplicaSet");
    assert.is(row.total_containers, 2);
  }
  assert.equal(
    checkout.map(({ pod_ip }) => pod_ip),
    ["10.244.0.21", "10.244.0.22", "10.244.0.23"],
  );
});

test("sums restarts of the crashing pod", () => {
  const { pods } = parseFixture("demo-prod-pods.json");
  const crashing = byName(pods, "checkout-6d8f9c7b5d-tq8vn");
  // checkout restarted 7 times (CrashLoopBackOff), envoy once.
  assert.is(crashing.restart_count, 8);
  assert.is(crashing.ready_containers, 1);
  assert.is(crashing.started_at, "2024-06-11T09:34:30.000Z");
  const healthy = byName(pods, "checkout-6d8f9c7b5d-4xk2p");
  assert.is(healthy.restart_count, 0);
  assert.is(healthy.ready_containers, 2);
});

test("reads the StatefulSet pod", () => {
  const row = byName(parseFixture("demo-prod-pods.json").pods, "payments-db-0");
  assert.is(row.namespace, "payments");
  assert.is(row.owner_kind, "StatefulSet");
  assert.is(row.owner_name, "payments-db");
  assert.is(row.node_name, "demo-prod-node-b");
  assert.is(row.pod_ip, "10.244.1.8");
  assert.is(row.host_ip, "10.20.1.12");
  assert.is(row.restart_count, 2);
  assert.is(row.ready_containers, 0);
  assert.is(row.total_containers, 1);
});

test("reads the pending Job pod", () => {
  const row = byName(
    parseFixture("demo-prod-pods.json").pods,
    "payments-db-backup-28634515-x7k2d",
  );
  assert.is(row.phase, "Pending");
  assert.is(row.node_name, null);
  assert.is(row.pod_ip, null);
  assert.is(row.host_ip, null);
  assert.is(row.started_at, null);
  assert.is(row.restart_count, 0);
  assert.is(row.ready_containers, 0);
  assert.is(row.total_containers, 1);
  assert.is(row.owner_kind, "Job");
});

test("reads demo-prod services", () => {
  const { services } = parseFixture("demo-prod-services.json");
  const checkout = byName(services, "checkout");
  assert.is(checkout.type, "ClusterIP");
  assert.is(checkout.cluster_ip, "10.96.112.40");
  assert.equal(checkout.external_ips, []);
  assert.equal(checkout.ports, [
    { name: "http", port: 80, protocol: "TCP", targetPort: "http" },
  ]);
  assert.equal(checkout.selector, { "app.kubernetes.io/name": "checkout" });

  const headless = byName(services, "payments-db");
  assert.is(headless.cluster_ip, null);

  const edge = byName(services, "storefront-edge");
  assert.is(edge.type, "LoadBalancer");
  assert.equal(edge.external_ips, [
    "198.51.100.7",
    "203.0.113.25",
    "storefront-edge-4f2a.elb.example.com",
  ]);

  const external = byName(services, "ledger");
  assert.is(external.type, "ExternalName");
  assert.is(external.cluster_ip, null);
  assert.equal(external.ports, []);
  assert.is(external.selector, null);
});

test("reads the v1 storefront ingress", () => {
  const [row] = parseFixture("demo-prod-ingresses.json").ingresses;
  assert.is(row?.name, "storefront");
  assert.is(row?.ingress_class, "nginx");
  assert.equal(row?.hosts, [
    "shop.demo-prod.example.com",
    "*.shop.demo-prod.example.com",
  ]);
  assert.equal(row?.addresses, [
    "203.0.113.25",
    "storefront-edge-4f2a.elb.example.com",
  ]);
  assert.equal(row?.rules, [
    {
      host: "shop.demo-prod.example.com",
      path: "/",
      pathType: "Prefix",
      backend: { service: { name: "storefront-edge", port: { number: 443 } } },
    },
    {
      host: "shop.demo-prod.example.com",
      path: "/api/checkout",
      pathType: "Prefix",
      backend: { service: { name: "checkout", port: { name: "http" } } },
    },
    {
      host: "*.shop.demo-prod.example.com",
      path: "/static",
      pathType: "ImplementationSpecific",
      backend: {
        resource: {
          apiGroup: "storage.example.com",
          kind: "StaticBucket",
          name: "storefront-assets",
        },
      },
    },
    {
      host: "shop.demo-prod.example.com",
      path: "/cart",
      pathType: "Exact",
      backend: { service: { name: "checkout", port: { number: 80 } } },
    },
  ]);
});

test("reads older Deployment API versions", () => {
  const { deployments } = parseFixture("legacy-api-versions.json");
  const summary = deployments.map((row) => ({
    name: row.name,
    namespace: row.namespace,
    api_version: row.api_version,
    replicas: row.replicas,
    ready_replicas: row.ready_replicas,
    available_replicas: row.available_replicas,
    updated_replicas: row.updated_replicas,
    strategy: row.strategy,
    images: row.images,
  }));
  assert.equal(summary, [
    {
      name: "legacy-web",
      namespace: "legacy",
      api_version: "apps/v1beta1",
      replicas: 2,
      ready_replicas: 0,
      available_replicas: 0,
      updated_replicas: 0,
      strategy: "Recreate",
      images: ["nginx:1.15"],
    },
    {
      name: "legacy-worker",
      namespace: "legacy",
      api_version: "apps/v1beta2",
      replicas: 4,
      ready_replicas: 3,
      available_replicas: 3,
      updated_replicas: 4,
      strategy: "RollingUpdate",
      images: [
        "registry.example.com/legacy/worker:3.2",
        "prom/statsd-exporter:v0.8.0",
      ],
    },
    {
      // No namespace, spec.replicas, status or strategy in the input.
      name: "legacy-cron-ui",
      namespace: "default",
      api_version: "extensions/v1beta1",
      replicas: 1,
      ready_replicas: 0,
      available_replicas: 0,
      updated_replicas: 0,
      strategy: null,
      images: ["registry.example.com/legacy/cron-ui:0.9"],
    },
  ]);
});

test("maps v1beta1 ingress backends to v1", () => {
  const [row] = parseFixture("legacy-api-versions.json").ingresses;
  assert.is(row?.api_version, "networking.k8s.io/v1beta1");
  assert.is(row?.ingress_class, "nginx");
  assert.equal(row?.hosts, [
    "legacy.demo-prod.example.com",
    "legacy-admin.demo-prod.example.com",
  ]);
  assert.equal(row?.addresses, ["2001:db8::25"]);
  assert.equal(row?.rules, [
    {
      host: "legacy.demo-prod.example.com",
      path: "/",
      pathType: null,
      backend: { service: { name: "legacy-web", port: { name: "http" } } },
    },
    {
      host: "legacy.demo-prod.example.com",
      path: "/metrics",
      pathType: "Exact",
      backend: { service: { name: "legacy-web", port: { number: 9102 } } },
    },
    {
      host: "legacy-admin.demo-prod.example.com",
      path: null,
      pathType: null,
      backend: null,
    },
  ]);
});

test.run();
