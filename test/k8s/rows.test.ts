import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  type JsonObject,
  type KubernetesInventory,
  readKubernetesInventory,
} from "../../src/k8s/index.ts";

function read(document: JsonObject): KubernetesInventory {
  return readKubernetesInventory(document, "rows.json");
}

function podWith(spec: JsonObject, status: JsonObject): JsonObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web-0", namespace: "shop" },
    spec,
    status,
  };
}

const INIT_AND_APP = {
  initContainers: [{ name: "migrate", image: "migrate:1" }],
  containers: [{ name: "web", image: "web:1" }],
};

test("counts init restarts while initializing", () => {
  const document = podWith(INIT_AND_APP, {
    phase: "Pending",
    conditions: [{ type: "Initialized", status: "False" }],
    initContainerStatuses: [
      {
        name: "migrate",
        ready: false,
        restartCount: 12,
        state: { waiting: { reason: "CrashLoopBackOff" } },
      },
    ],
    containerStatuses: [
      {
        name: "web",
        ready: false,
        restartCount: 0,
        state: { waiting: { reason: "PodInitializing" } },
      },
    ],
  });
  const [row] = read(document).pods;
  assert.is(row?.restart_count, 12);
  assert.is(row?.ready_containers, 0);
  assert.is(row?.total_containers, 1);
});

test("ignores init restarts once initialized", () => {
  const document = podWith(INIT_AND_APP, {
    phase: "Running",
    conditions: [{ type: "Initialized", status: "True" }],
    initContainerStatuses: [{ name: "migrate", ready: true, restartCount: 3 }],
    containerStatuses: [{ name: "web", ready: true, restartCount: 1 }],
  });
  const [row] = read(document).pods;
  assert.is(row?.restart_count, 1);
  assert.is(row?.ready_containers, 1);
});

test("counts sidecar restarts and readiness", () => {
  const document = podWith(
    {
      initContainers: [
        { name: "migrate", image: "migrate:1" },
        { name: "proxy", image: "proxy:1", restartPolicy: "Always" },
      ],
      containers: [
        { name: "web", image: "web:1" },
        { name: "worker", image: "worker:1" },
      ],
    },
    {
      conditions: [{ type: "Initialized", status: "True" }],
      initContainerStatuses: [
        { name: "migrate", ready: false, restartCount: 2 },
        { name: "proxy", ready: true, restartCount: 4 },
      ],
      containerStatuses: [
        { name: "web", ready: true, restartCount: 1 },
        { name: "worker", ready: false, restartCount: 5 },
      ],
    },
  );
  const [row] = read(document).pods;
  assert.is(row?.total_containers, 3);
  assert.is(row?.ready_containers, 2);
  assert.is(row?.restart_count, 10);
});

test("picks the controller owner reference", () => {
  const document = podWith({ containers: [] }, {});
  (document.metadata as JsonObject).ownerReferences = [
    { apiVersion: "v1", kind: "ConfigMap", name: "settings", uid: "x" },
    {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      name: "log-agent",
      uid: "y",
      controller: true,
    },
  ];
  const [row] = read(document).pods;
  assert.is(row?.owner_kind, "DaemonSet");
  assert.is(row?.owner_name, "log-agent");
});

test("leaves owner null without a controller", () => {
  const document = podWith({ containers: [] }, {});
  (document.metadata as JsonObject).ownerReferences = [
    { apiVersion: "v1", kind: "ConfigMap", name: "settings", uid: "x" },
  ];
  const [row] = read(document).pods;
  assert.is(row?.owner_kind, null);
  assert.is(row?.owner_name, null);
});

function nodeWith(status: JsonObject, labels: JsonObject = {}): JsonObject {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: "node-1", labels },
    status,
  };
}

test("maps node Ready condition", () => {
  const cases: Array<[JsonObject, string]> = [
    [{ conditions: [{ type: "Ready", status: "True" }] }, "Ready"],
    [{ conditions: [{ type: "Ready", status: "False" }] }, "NotReady"],
    [{ conditions: [{ type: "Ready", status: "Unknown" }] }, "Unknown"],
    [{ conditions: [{ type: "MemoryPressure", status: "False" }] }, "Unknown"],
    [{}, "Unknown"],
  ];
  for (const [status, expected] of cases) {
    const [row] = read(nodeWith(status)).nodes;
    assert.is(row?.status, expected, JSON.stringify(status));
  }
});

test("reads node roles from both labels", () => {
  const labels = {
    "node-role.kubernetes.io/control-plane": "",
    "node-role.kubernetes.io/master": "",
    "kubernetes.io/role": "master",
    "node-role.kubernetes.io/": "",
  };
  const [row] = read(nodeWith({}, labels)).nodes;
  assert.equal(row?.roles, ["control-plane", "master"]);
});

test("reads an empty node", () => {
  const [row] = read(nodeWith({})).nodes;
  assert.equal(row?.roles, []);
  assert.is(row?.internal_ip, null);
  assert.is(row?.kubelet_version, null);
  assert.is(row?.cpu_capacity, null);
  assert.is(row?.is_unschedulable, false);
});

test("defaults the service type", () => {
  const [row] = read({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "web", namespace: "shop" },
    spec: { ports: [{ port: 80 }], clusterIP: "" },
  }).services;
  assert.is(row?.type, "ClusterIP");
  assert.is(row?.cluster_ip, null);
  assert.is(row?.selector, null);
});

test("keeps repeated load balancer addresses once", () => {
  const [row] = read({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "edge", namespace: "shop" },
    spec: { type: "LoadBalancer", externalIPs: ["203.0.113.9"] },
    status: {
      loadBalancer: {
        ingress: [
          { ip: "203.0.113.9" },
          { hostname: "edge.elb.example.com" },
          { ip: "2001:db8::9", hostname: "edge.elb.example.com" },
        ],
      },
    },
  }).services;
  assert.equal(row?.external_ips, [
    "203.0.113.9",
    "edge.elb.example.com",
    "2001:db8::9",
  ]);
});

function ingressWith(
  spec: JsonObject,
  annotations: JsonObject = {},
): JsonObject {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { name: "web", namespace: "shop", annotations },
    spec,
  };
}

test("prefers ingressClassName to the annotation", () => {
  const annotation = { "kubernetes.io/ingress.class": "traefik" };
  const both = read(ingressWith({ ingressClassName: "nginx" }, annotation));
  assert.is(both.ingresses[0]?.ingress_class, "nginx");
  const onlyAnnotation = read(ingressWith({}, annotation));
  assert.is(onlyAnnotation.ingresses[0]?.ingress_class, "traefik");
  const neither = read(ingressWith({}));
  assert.is(neither.ingresses[0]?.ingress_class, null);
});

test("reads a catch-all rule without host", () => {
  const [row] = read(
    ingressWith({
      rules: [
        {
          host: "",
          http: {
            paths: [
              {
                path: "/",
                pathType: "Prefix",
                backend: { service: { name: "web", port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    }),
  ).ingresses;
  assert.equal(row?.hosts, []);
  assert.equal(row?.rules, [
    {
      host: null,
      path: "/",
      pathType: "Prefix",
      backend: { service: { name: "web", port: { number: 80 } } },
    },
  ]);
});

test("keeps a __proto__ label as data", () => {
  const document = JSON.parse(
    '{"apiVersion":"v1","kind":"Node","metadata":{"name":"node-1",' +
      '"labels":{"__proto__":"x","zone":"a"}}}',
  ) as JsonObject;
  const [row] = read(document).nodes;
  assert.equal(Object.keys(row?.labels ?? {}), ["__proto__", "zone"]);
  assert.is(Object.getPrototypeOf(row?.labels), Object.prototype);
});

test.run();
