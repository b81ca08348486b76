import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  type InventoryCollection,
  type JsonObject,
  type KubernetesInventory,
  LAST_APPLIED_ANNOTATION,
  parseKubernetesInventory,
} from "../../src/k8s/index.ts";
import { kubernetesSamplesDir } from "./paths.ts";

/** Every column except `object`, which is checked on its own below. */
type ExpectedRows = {
  [C in InventoryCollection]?: Omit<KubernetesInventory[C][number], "object">[];
};

const EXPECTED: Record<string, ExpectedRows> = {
  "deployment-postgres.json": {
    deployments: [
      {
        namespace: "icx",
        name: "icx-db",
        uid: "6f6143bc-a5f3-11e9-990f-42010a800218",
        api_version: "apps/v1",
        labels: { app: "icx-db" },
        creation_timestamp: "2019-07-14T04:54:17.000Z",
        replicas: 1,
        ready_replicas: 1,
        available_replicas: 1,
        updated_replicas: 1,
        strategy: "RollingUpdate",
        images: ["postgres:9.2-alpine"],
      },
    ],
  },
  "ingress-extensions-v1beta1.json": {
    ingresses: [
      {
        namespace: "default",
        name: "test-ingress",
        uid: "45e44c1d-cb68-11e9-990f-42010a800218",
        api_version: "extensions/v1beta1",
        labels: { role: "ingress" },
        creation_timestamp: "2019-08-30T20:53:52.000Z",
        ingress_class: null,
        hosts: [],
        addresses: [],
        rules: [
          {
            host: null,
            path: "/testpath",
            pathType: null,
            backend: { service: { name: "test", port: { number: 80 } } },
          },
        ],
      },
    ],
  },
  "node-minikube.json": {
    nodes: [
      {
        name: "minikube",
        uid: "3a554aa2-fee7-435b-ae1b-e67bdaac069a",
        api_version: "v1",
        labels: {
          "beta.kubernetes.io/arch": "amd64",
          "beta.kubernetes.io/os": "linux",
          "kubernetes.io/arch": "amd64",
          "kubernetes.io/hostname": "minikube",
          "kubernetes.io/os": "linux",
          "node-role.kubernetes.io/master": "",
        },
        creation_timestamp: "2019-08-26T21:52:09.000Z",
        status: "Ready",
        roles: ["master"],
        internal_ip: "192.168.64.107",
        kubelet_version: "v1.15.2",
        os_image: "Buildroot 2018.05.3",
        cpu_capacity: "4",
        memory_capacity: "8165556Ki",
        is_unschedulable: false,
      },
    ],
  },
  "pod-init-container-last-applied-annotation.json": {
    pods: [
      {
        namespace: "default",
        name: "nginx",
        uid: "614908ed-415b-4506-8370-e3e36fa8cc13",
        api_version: "v1",
        labels: {},
        creation_timestamp: "2019-08-09T05:12:19.000Z",
        phase: "Running",
        node_name: "minikube",
        pod_ip: "172.17.0.6",
        host_ip: "192.168.64.104",
        restart_count: 0,
        ready_containers: 1,
        // The init container ic1 has no restartPolicy, so it is not counted.
        total_containers: 1,
        owner_kind: null,
        owner_name: null,
        started_at: "2019-08-09T05:12:19.000Z",
      },
    ],
  },
  "pod-native-sidecar-init-restartpolicy-always.json": {
    pods: [
      {
        namespace: "default",
        name: "sleep",
        uid: "35079257-0ffb-4b09-b2c1-3c0d416f2523",
        api_version: "v1",
        labels: {},
        creation_timestamp: "2024-08-24T01:54:32.000Z",
        phase: "Running",
        node_name: "kind-control-plane",
        pod_ip: "10.244.0.8",
        host_ip: "172.18.0.2",
        restart_count: 0,
        // sleep plus the sidecar; the finished init container is left out.
        ready_containers: 2,
        total_containers: 2,
        owner_kind: null,
        owner_name: null,
        started_at: "2024-08-24T01:54:32.000Z",
      },
    ],
  },
  "pod-running-gke-deployment-owned.json": {
    pods: [
      {
        namespace: "default",
        name: "nginx-7fb78fb6d8-2w75j",
        uid: "91bb1cf2-2c03-11ea-883f-42010a800044",
        api_version: "v1",
        labels: { app: "nginx", "pod-template-hash": "7fb78fb6d8" },
        creation_timestamp: "2019-12-31T19:27:22.000Z",
        phase: "Running",
        node_name: "gke-k9s-default-pool-0fa2fb89-lbtf",
        pod_ip: "10.44.0.229",
        host_ip: "10.128.0.15",
        restart_count: 0,
        ready_containers: 1,
        total_containers: 1,
        owner_kind: "ReplicaSet",
        owner_name: "nginx-7fb78fb6d8",
        started_at: "2019-12-31T19:27:23.000Z",
      },
    ],
  },
  "pods-list-kubectl-get-o-json.json": {
    pods: [
      {
        namespace: "default",
        name: "queue-l4dv8",
        uid: "d8aa9a47-ad0f-4bbe-bc12-ab31605d3211",
        api_version: "v1",
        labels: { app: "work-queue", chapter: "jobs", component: "queue" },
        creation_timestamp: "2022-12-23T09:36:45.000Z",
        phase: "Running",
        node_name: "minikube",
        pod_ip: "172.17.0.6",
        host_ip: "192.168.49.2",
        restart_count: 0,
        ready_containers: 1,
        total_containers: 1,
        owner_kind: "ReplicaSet",
        owner_name: "queue",
        started_at: "2022-12-23T09:36:45.000Z",
      },
    ],
  },
  "service-clusterip.json": {
    services: [
      {
        namespace: "default",
        name: "dictionary1",
        uid: "f1007a5c-a367-11e9-990f-42010a800218",
        api_version: "v1",
        labels: {},
        creation_timestamp: "2019-07-10T23:10:43.000Z",
        type: "ClusterIP",
        cluster_ip: "10.47.248.116",
        external_ips: [],
        ports: [
          { name: "http", port: 4001, protocol: "TCP", targetPort: "http" },
        ],
        selector: { app: "dictionary1" },
      },
    ],
  },
};

const COLLECTIONS: InventoryCollection[] = [
  "pods",
  "nodes",
  "services",
  "deployments",
  "ingresses",
];

function readSample(file: string): Buffer {
  return readFileSync(path.join(kubernetesSamplesDir, file));
}

/** Returns the objects of a sample: its items, or the sample itself. */
function sampleObjects(file: string): JsonObject[] {
  const document = JSON.parse(readSample(file).toString("utf8")) as JsonObject;
  return Array.isArray(document.items)
    ? (document.items as JsonObject[])
    : [document];
}

/** Removes what the parser strips, written out here independently of it. */
function expectedStoredObject(original: JsonObject): JsonObject {
  const copy = structuredClone(original);
  const metadata = copy.metadata as JsonObject;
  delete metadata.managedFields;
  const annotations = metadata.annotations as JsonObject | undefined;
  if (annotations !== undefined) delete annotations[LAST_APPLIED_ANNOTATION];
  return copy;
}

if (!existsSync(kubernetesSamplesDir)) {
  console.log(
    `note: ${kubernetesSamplesDir} does not exist, so the Kubernetes sample tests are skipped`,
  );
} else {
  test("every sample has expected rows", () => {
    const files = readdirSync(kubernetesSamplesDir).filter((file) =>
      file.endsWith(".json"),
    );
    assert.equal(files.sort(), Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    test(`parses ${file}`, () => {
      const inventory = parseKubernetesInventory(readSample(file), file);
      for (const collection of COLLECTIONS) {
        const rows = inventory[collection].map(
          ({ object: _object, ...columns }) => columns,
        );
        assert.equal(rows, expected[collection] ?? [], collection);
      }
    });

    test(`stores ${file} objects without bulky metadata`, () => {
      const inventory = parseKubernetesInventory(readSample(file), file);
      const stored = COLLECTIONS.flatMap((collection) =>
        inventory[collection].map((row) => row.object),
      );
      assert.equal(stored, sampleObjects(file).map(expectedStoredObject));
    });
  }

  test("drops only the last-applied annotation", () => {
    const file = "deployment-postgres.json";
    const [row] = parseKubernetesInventory(readSample(file), file).deployments;
    const metadata = row?.object.metadata as JsonObject;
    assert.equal(metadata.annotations, {
      "deployment.kubernetes.io/revision": "1",
    });
  });

  test("keeps creationTimestamp null in templates", () => {
    const file = "deployment-postgres.json";
    const [row] = parseKubernetesInventory(readSample(file), file).deployments;
    const template = (row?.object.spec as JsonObject).template as JsonObject;
    assert.is((template.metadata as JsonObject).creationTimestamp, null);
  });
}

test.run();
