import { test } from "uvu";
import * as assert from "uvu/assert";
import { ValidationError, type ValidationIssue } from "../../src/errors.ts";
import {
  findRowIssues,
  type JsonObject,
  readKubernetesInventory,
  validateRow,
} from "../../src/k8s/index.ts";

const FILE = "cluster.json";

function list(...items: JsonObject[]): JsonObject {
  return { apiVersion: "v1", kind: "List", items };
}

function pod(name: string, extra: JsonObject = {}): JsonObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "shop" },
    ...extra,
  };
}

/** Returns the issues of the ValidationError that reading `document` must raise. */
function issuesFor(document: JsonObject): ValidationIssue[] {
  try {
    readKubernetesInventory(document, FILE);
  } catch (error) {
    assert.instance(error, ValidationError);
    assert.match(
      (error as Error).message,
      /^cluster\.json: invalid Kubernetes objects: /,
    );
    return (error as ValidationError).issues;
  }
  assert.unreachable("expected a ValidationError");
  return [];
}

function issuePaths(document: JsonObject): string[] {
  return issuesFor(document).map(({ path }) => path);
}

test("rejects an invalid pod IP", () => {
  const document = list(
    pod("web-0"),
    pod("web-1"),
    pod("web-2"),
    pod("web-3", { status: { podIP: "10.244.0.300", hostIP: "10.20.0.11" } }),
  );
  const issues = issuesFor(document);
  assert.equal(issues, [
    {
      path: "/items/3/status/podIP",
      message:
        'invalid IP address "10.244.0.300": expected an IPv4 or IPv6 literal',
    },
  ]);
});

test("accepts IPv6 pod and host IPs", () => {
  const document = pod("web-0", {
    status: { podIP: "fd00:10:244::8", hostIP: "::1" },
  });
  const [row] = readKubernetesInventory(document, FILE).pods;
  assert.is(row?.pod_ip, "fd00:10:244::8");
});

test("rejects an IPv6 zone id", () => {
  const document = pod("web-0", { status: { hostIP: "fe80::1%eth0" } });
  assert.equal(issuePaths(document), ["/status/hostIP"]);
});

test("rejects names that are not DNS-1123", () => {
  const long = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(62)}`;
  assert.is(long.length, 254);
  const cases: Array<[string, RegExp]> = [
    ["Web-0", /invalid name "Web-0": expected a DNS-1123 subdomain/],
    ["web_0", /invalid name "web_0"/],
    ["-web", /invalid name "-web"/],
    ["web..0", /invalid name "web\.\.0"/],
    [long, /is 254 characters long, the maximum is 253/],
    ["", /is missing or empty/],
  ];
  for (const [name, expected] of cases) {
    const issues = issuesFor(list(pod(name)));
    assert.is(issues.length, 1, name);
    assert.is(issues[0]?.path, "/items/0/metadata/name", name);
    assert.match(issues[0]?.message ?? "", expected);
  }
});

test("accepts dotted names up to 253", () => {
  const longest = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}`;
  assert.is(longest.length, 253);
  const names = ["node-1.ec2.internal", longest];
  for (const name of names) {
    const node = { apiVersion: "v1", kind: "Node", metadata: { name } };
    assert.is(readKubernetesInventory(node, FILE).nodes[0]?.name, name);
  }
});

test("rejects a namespace with a dot", () => {
  const document = pod("web-0", {
    metadata: { name: "web-0", namespace: "shop.prod" },
  });
  const issues = issuesFor(document);
  assert.is(issues[0]?.path, "/metadata/namespace");
  assert.match(
    issues[0]?.message ?? "",
    /expected a DNS-1123 label of at most 63 characters/,
  );
});

test("rejects a uid that is not a UUID", () => {
  const document = pod("web-0", { metadata: { name: "web-0", uid: "abc" } });
  assert.equal(issuesFor(document), [
    { path: "/metadata/uid", message: 'invalid uid "abc": expected a UUID' },
  ]);
});

test("rejects restart counts beyond int32", () => {
  const document = pod("web-0", {
    status: {
      containerStatuses: [
        { name: "a", ready: true, restartCount: 2_000_000_000 },
        { name: "b", ready: true, restartCount: 2_000_000_000 },
      ],
    },
  });
  assert.equal(issuesFor(document), [
    {
      path: "/status/containerStatuses",
      message:
        "invalid count 4000000000: expected an integer from 0 to 2147483647",
    },
  ]);
});

test("rejects replicas beyond int32", () => {
  const document = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "shop" },
    spec: { replicas: 2 ** 31 },
  };
  assert.equal(issuePaths(document), ["/spec/replicas"]);
});

test("rejects text jsonb cannot store", () => {
  const document = pod("web-0", {
    metadata: {
      name: "web-0",
      namespace: "shop",
      annotations: { note: "a\u0000b", ["key\ud800"]: "x" },
    },
  });
  assert.equal(issuesFor(document), [
    {
      path: "/metadata/annotations/key\ud800",
      message:
        "key contains an unpaired UTF-16 surrogate, which is not valid Unicode",
    },
    {
      path: "/metadata/annotations/note",
      message: "contains the character U+0000, which PostgreSQL cannot store",
    },
  ]);
});

test("rejects a number too large for a double", () => {
  const document = JSON.parse(
    '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-0"},"spec":{"priority":1e400}}',
  ) as JsonObject;
  assert.equal(issuePaths(document), ["/spec/priority"]);
});

test("checks service addresses at their source", () => {
  const document = list({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "edge", namespace: "shop" },
    spec: {
      type: "LoadBalancer",
      clusterIP: "10.96.0.1",
      externalIPs: ["198.51.100.7", "198.51.100.999"],
      ports: [{ port: 443 }, { port: 70000 }, { name: "no-port" }],
    },
    status: {
      loadBalancer: {
        ingress: [
          { ip: "lb.example.com" },
          { hostname: "Bad_Host.example.com" },
        ],
      },
    },
  });
  assert.equal(issuePaths(document), [
    "/items/0/spec/externalIPs/1",
    "/items/0/status/loadBalancer/ingress/0/ip",
    "/items/0/status/loadBalancer/ingress/1/hostname",
    "/items/0/spec/ports/1/port",
    "/items/0/spec/ports/2/port",
  ]);
});

test("rejects an invalid cluster IP", () => {
  const document = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "web", namespace: "shop" },
    spec: { clusterIP: "none" },
  };
  assert.equal(issuePaths(document), ["/spec/clusterIP"]);
});

test("rejects an invalid node internal IP", () => {
  const document = {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: "node-1" },
    status: {
      addresses: [
        { type: "Hostname", address: "node-1" },
        { type: "InternalIP", address: "node-1.internal" },
      ],
      capacity: { cpu: "4 cores", memory: "16Gi" },
    },
  };
  const issues = issuesFor(document);
  assert.equal(
    issues.map(({ path }) => path),
    ["/status/addresses/1/address", "/status/capacity/cpu"],
  );
  assert.match(issues[1]?.message ?? "", /invalid quantity "4 cores"/);
});

test("checks ingress hosts and backends", () => {
  const document = {
    apiVersion: "extensions/v1beta1",
    kind: "Ingress",
    metadata: { name: "web", namespace: "shop" },
    spec: {
      rules: [
        {
          host: "Shop.example.com",
          http: {
            paths: [
              {
                path: "/",
                backend: { serviceName: "web.shop", servicePort: 0 },
              },
              {
                path: "/x",
                backend: { serviceName: "web", servicePort: true },
              },
            ],
          },
        },
        {
          host: "*.example.com",
          http: {
            paths: [
              {
                backend: { service: { name: "web", port: { number: 65536 } } },
              },
            ],
          },
        },
      ],
    },
  };
  assert.equal(issuePaths(document), [
    "/spec/rules/0/http/paths/1/backend/servicePort",
    "/spec/rules/0/host",
    "/spec/rules/0/http/paths/0/backend/serviceName",
    "/spec/rules/0/http/paths/0/backend/servicePort",
    "/spec/rules/1/http/paths/0/backend/service/port/number",
  ]);
});

test("validateRow throws with the row name", () => {
  const [row] = readKubernetesInventory(pod("web-0"), FILE).pods;
  if (row === undefined) throw new Error("expected a pod row");
  const changed = { ...row, host_ip: "10.0.0.256" };
  try {
    validateRow("pods", changed, "/items/3");
    assert.unreachable("expected a ValidationError");
  } catch (error) {
    assert.instance(error, ValidationError);
    const { message, issues } = error as ValidationError;
    assert.match(
      message,
      /^invalid k8s_pods row "web-0": \/items\/3\/status\/hostIP: /,
    );
    assert.equal(
      issues.map(({ path }) => path),
      ["/items/3/status/hostIP"],
    );
  }
});

test("findRowIssues accepts a valid row", () => {
  const [row] = readKubernetesInventory(pod("web-0"), FILE).pods;
  if (row === undefined) throw new Error("expected a pod row");
  assert.equal(findRowIssues("pods", row), []);
});

test("lists five issues in the message", () => {
  const pods = Array.from({ length: 7 }, (_, index) => pod(`Web-${index}`));
  try {
    readKubernetesInventory(list(...pods), FILE);
    assert.unreachable("expected a ValidationError");
  } catch (error) {
    assert.instance(error, ValidationError);
    assert.is((error as ValidationError).issues.length, 7);
    assert.match((error as Error).message, /\/items\/4\/metadata\/name/);
    assert.not.match((error as Error).message, /\/items\/5\//);
    assert.match((error as Error).message, /; and 2 more$/);
  }
});

test.run();
