import { test } from "uvu";
import * as assert from "uvu/assert";
import { InputError, ValidationError } from "../../src/errors.ts";
import {
  type JsonObject,
  type KubernetesInventory,
  parseKubernetesInventory,
  readKubernetesInventory,
} from "../../src/k8s/index.ts";

const FILE = "cluster.json";

function parse(document: JsonObject): KubernetesInventory {
  const input = new TextEncoder().encode(JSON.stringify(document));
  return parseKubernetesInventory(input, FILE);
}

function list(...items: JsonObject[]): JsonObject {
  return { apiVersion: "v1", kind: "List", metadata: {}, items };
}

function pod(name: string, extra: JsonObject = {}): JsonObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "shop" },
    ...extra,
  };
}

/** Runs `action` and returns the error of class `type` that it must raise. */
function errorFrom<T extends Error>(
  type: new (...args: never[]) => T,
  action: () => unknown,
): T {
  try {
    action();
  } catch (error) {
    assert.instance(error, type);
    return error as T;
  }
  assert.unreachable(`expected a ${type.name}`);
  throw new Error("unreachable");
}

test("accepts a single object", () => {
  const inventory = parse(pod("web-0"));
  assert.is(inventory.pods.length, 1);
  assert.is(inventory.pods[0]?.name, "web-0");
  assert.equal(inventory.nodes, []);
});

test("sorts list items by kind", () => {
  const inventory = parse(
    list(
      pod("web-0"),
      { apiVersion: "v1", kind: "Node", metadata: { name: "node-1" } },
      {
        apiVersion: "v1",
        kind: "Service",
        metadata: { name: "web", namespace: "shop" },
      },
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "web", namespace: "shop" },
      },
      {
        apiVersion: "networking.k8s.io/v1",
        kind: "Ingress",
        metadata: { name: "web", namespace: "shop" },
      },
    ),
  );
  assert.equal(
    Object.fromEntries(
      Object.entries(inventory).map(([key, rows]) => [key, rows.length]),
    ),
    { pods: 1, nodes: 1, services: 1, deployments: 1, ingresses: 1 },
  );
});

test("accepts an empty list", () => {
  const empty = {
    pods: [],
    nodes: [],
    services: [],
    deployments: [],
    ingresses: [],
  };
  assert.equal(parse(list()), empty);
  assert.equal(
    parse({ apiVersion: "v1", kind: "PodList", items: null }),
    empty,
  );
});

test("fills kind and apiVersion in typed lists", () => {
  const inventory = parse({
    apiVersion: "v1",
    kind: "PodList",
    metadata: { resourceVersion: "42" },
    items: [{ metadata: { name: "web-0", namespace: "shop" } }],
  });
  const [row] = inventory.pods;
  assert.is(row?.api_version, "v1");
  assert.is(row?.object.kind, "Pod");
  assert.is(row?.object.apiVersion, "v1");
});

test("defaults a missing namespace", () => {
  const [row] = parse({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web-0" },
  }).pods;
  assert.is(row?.namespace, "default");
});

test("reads null creationTimestamp as null", () => {
  const [row] = parse(
    pod("web-0", { metadata: { name: "web-0", creationTimestamp: null } }),
  ).pods;
  assert.is(row?.creation_timestamp, null);
  assert.equal(row?.labels, {});
});

test("converts timestamps to UTC", () => {
  const [row] = parse(
    pod("web-0", {
      metadata: {
        name: "web-0",
        creationTimestamp: "2019-12-31T12:26:47-07:00",
      },
    }),
  ).pods;
  assert.is(row?.creation_timestamp, "2019-12-31T19:26:47.000Z");
});

test("strips managedFields and last-applied", () => {
  const original = pod("web-0", {
    metadata: {
      name: "web-0",
      namespace: "shop",
      annotations: {
        "kubectl.kubernetes.io/last-applied-configuration": '{"kind":"Pod"}\n',
        "prometheus.io/scrape": "true",
      },
      managedFields: [{ manager: "kubectl", operation: "Update" }],
    },
  });
  const snapshot = structuredClone(original);
  const [row] = readKubernetesInventory(original, FILE).pods;
  assert.equal(row?.object.metadata, {
    name: "web-0",
    namespace: "shop",
    annotations: { "prometheus.io/scrape": "true" },
  });
  assert.equal(original, snapshot, "the input object is not modified");
});

test("rejects an unknown kind naming the item", () => {
  const document = list(pod("web-0"), {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name: "payments-db", namespace: "payments" },
  });
  const error = errorFrom(InputError, () => parse(document));
  assert.is(error.file, FILE);
  assert.match(error.message, /^cluster\.json: unsupported objects: /);
  assert.match(
    error.message,
    /\/items\/1 has kind StatefulSet \(apiVersion apps\/v1\), which is not supported/,
  );
  assert.match(
    error.message,
    /kubectl get pods,nodes,services,deployments,ingresses/,
  );
});

test("names up to five unsupported items", () => {
  const configMaps = Array.from({ length: 7 }, (_, index) => ({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: `settings-${index}`, namespace: "shop" },
  }));
  const error = errorFrom(InputError, () => parse(list(...configMaps)));
  assert.match(error.message, /\/items\/4 has kind ConfigMap/);
  assert.not.match(error.message, /\/items\/5/);
  assert.match(error.message, /and 2 more/);
});

test("rejects an unsupported apiVersion", () => {
  const document = {
    apiVersion: "example.com/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "shop" },
  };
  const error = errorFrom(InputError, () => parse(document));
  assert.match(
    error.message,
    /the top-level object is a Deployment of apiVersion example\.com\/v1, expected one of apps\/v1, /,
  );
});

test("rejects an item without kind", () => {
  const error = errorFrom(InputError, () =>
    parse(list({ apiVersion: "v1", metadata: { name: "x" } })),
  );
  assert.match(error.message, /^cluster\.json: \/items\/0 has no kind/);
});

test("rejects an item without apiVersion", () => {
  const error = errorFrom(InputError, () =>
    parse(list({ kind: "Pod", metadata: { name: "x" } })),
  );
  assert.match(error.message, /\/items\/0 \(kind Pod\) has no apiVersion/);
});

test("rejects an item that is not an object", () => {
  const error = errorFrom(InputError, () =>
    parse(list(pod("web-0"), "web-1" as never)),
  );
  assert.match(
    error.message,
    /\/items\/1 is a string, expected a Kubernetes object/,
  );
});

test("rejects a list without items", () => {
  const error = errorFrom(InputError, () =>
    parse({ apiVersion: "v1", kind: "List" }),
  );
  assert.match(error.message, /is a List without an items array/);
  const notArray = errorFrom(InputError, () =>
    parse({ apiVersion: "v1", kind: "List", items: {} }),
  );
  assert.match(notArray.message, /\/items is an object, expected an array/);
});

test("rejects a missing name with its path", () => {
  const document = list(pod("web-0"), pod("web-1"), pod("web-2"), {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { namespace: "shop" },
  });
  const error = errorFrom(ValidationError, () => parse(document));
  assert.equal(error.issues, [
    { path: "/items/3/metadata/name", message: "is missing or empty" },
  ]);
  assert.match(error.message, /^cluster\.json: invalid Kubernetes objects: /);
  assert.match(
    error.message,
    /\/items\/3\/metadata\/name: is missing or empty/,
  );
});

test("rejects a repeated namespace and name", () => {
  const error = errorFrom(ValidationError, () =>
    parse(list(pod("web-0"), pod("web-1"), pod("web-0"))),
  );
  assert.equal(error.issues, [
    {
      path: "/items/2/metadata/name",
      message:
        "duplicate of shop/web-0 at /items/0; each object may appear only once",
    },
  ]);
});

test("accepts one name in two namespaces", () => {
  const other = pod("web-0", {
    metadata: { name: "web-0", namespace: "staging" },
  });
  assert.is(parse(list(pod("web-0"), other)).pods.length, 2);
});

test("reports wrongly typed fields", () => {
  const document = list(
    pod("web-0", {
      metadata: { name: "web-0", namespace: "shop", labels: { tier: 3 } },
      spec: { nodeName: 7 },
      status: {
        containerStatuses: [{ name: "web", ready: "yes", restartCount: -1 }],
      },
    }),
  );
  const error = errorFrom(ValidationError, () => parse(document));
  assert.equal(error.issues, [
    {
      path: "/items/0/metadata/labels/tier",
      message: "expected a string, found a number",
    },
    {
      path: "/items/0/status/containerStatuses/0/ready",
      message: "expected a boolean, found a string",
    },
    {
      path: "/items/0/status/containerStatuses/0/restartCount",
      message: "expected a non-negative integer, found a number",
    },
    {
      path: "/items/0/spec/nodeName",
      message: "expected a string, found a number",
    },
  ]);
});

test("escapes label keys in paths", () => {
  const document = pod("web-0", {
    metadata: { name: "web-0", labels: { "app.kubernetes.io/name": null } },
  });
  const error = errorFrom(ValidationError, () => parse(document));
  assert.equal(error.issues, [
    {
      path: "/metadata/labels/app.kubernetes.io~1name",
      message: "expected a string, found null",
    },
  ]);
});

test("rejects an impossible timestamp", () => {
  const document = pod("web-0", {
    status: { startTime: "2024-02-30T10:00:00Z" },
  });
  const error = errorFrom(ValidationError, () => parse(document));
  assert.is(error.issues[0]?.path, "/status/startTime");
  assert.match(
    error.issues[0]?.message ?? "",
    /invalid timestamp "2024-02-30T10:00:00Z"/,
  );
});

test.run();
