/**
 * Kubernetes sync: `syncCluster` replacing a 5,000-pod snapshot in which 10 %
 * of the pods changed (500 gone, 500 new), against a bare COPY of the same
 * 5,000 rows into the same table as the superuser.
 */
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { from as copyFrom } from "pg-copy-streams";

import { parseKubernetesInventory } from "../../src/k8s/inventory.ts";
import { syncCluster } from "../../src/k8s/sync.ts";
import { createDb } from "../../src/pool/index.ts";
import { copyLine } from "../copy-text.ts";
import { repetitions, type BenchContext, type Scenario } from "../context.ts";
import { ensureOrganizations, formatCount } from "../data.ts";
import { pairedRates } from "../measure.ts";
import { compared, type ResultRow } from "../report.ts";

const FIXTURE = new URL(
  "../../test/fixtures/k8s/demo-prod-pods.json",
  import.meta.url,
);

interface PodList {
  items: Record<string, any>[];
  [key: string]: unknown;
}

const fixture = JSON.parse(readFileSync(FIXTURE, "utf8")) as PodList;

/** Builds a `kubectl get pods -o json` list of the pods numbered `first` to `first + count - 1`. */
function podList(first: number, count: number): Uint8Array {
  const template = fixture.items[0]!;
  const items = Array.from({ length: count }, (_, offset) => {
    const number = first + offset;
    const hex = number.toString(16).padStart(12, "0");
    return {
      ...template,
      metadata: {
        ...template.metadata,
        name: `checkout-${number}`,
        uid: `00000000-0000-4000-8000-${hex}`,
        labels: { ...template.metadata.labels, shard: String(number % 50) },
      },
      status: {
        ...template.status,
        podIP: `10.${(number >> 16) & 255}.${(number >> 8) & 255}.${number & 255}`,
      },
    };
  });
  return Buffer.from(JSON.stringify({ ...fixture, items }));
}

export const k8sSync: Scenario = {
  name: "k8s-sync",
  summary: "syncCluster of 5,000 pods with 10 % churn versus COPY",
  async run(context: BenchContext): Promise<ResultRow[]> {
    const { bench, quick } = context;
    const podCount = 5000;
    const churn = podCount / 10;
    const [orgId] = await ensureOrganizations(bench.root, "k8s", 1);
    await bench.root.query("delete from k8s_pods where org_id = $1", [orgId]);
    const db = createDb({
      url: bench.settings.appUrl,
      roles: { app: bench.settings.roles.app },
    });
    const reps = repetitions(quick);
    try {
      const snapshot = (run: number) => ({
        org: orgId!,
        cluster: "bench",
        inputs: [
          {
            name: `pods-${run}.json`,
            bytes: podList((run + reps.warmup + 1) * churn, podCount),
          },
        ],
      });
      // The first snapshot, before the timed runs, only fills the table.
      await syncCluster(db, snapshot(-reps.warmup - 1));
      const snapshots = new Map<number, ReturnType<typeof snapshot>>();
      const copyText = new Map<number, string>();
      let columns: string[] = [];
      for (let run = -reps.warmup; run < reps.runs; run++) {
        snapshots.set(run, snapshot(run));
        const pods = parseKubernetesInventory(
          snapshots.get(run)!.inputs[0]!.bytes,
          "pods.json",
        ).pods;
        const keys = Object.keys(pods[0]!);
        columns = ["org_id", "cluster", ...keys];
        copyText.set(
          run,
          pods
            .map((pod) =>
              copyLine([
                orgId,
                `copy-${run}`,
                ...keys.map(
                  (key) => (pod as unknown as Record<string, unknown>)[key],
                ),
              ]),
            )
            .map((line) => `${line}\n`)
            .join(""),
        );
      }
      const sync = async (run: number) => {
        const summary = await syncCluster(db, snapshots.get(run)!);
        const pods = summary.kinds.pods;
        if (pods.inserted !== churn || pods.deleted !== churn) {
          throw new Error(
            `the sync inserted ${pods.inserted} and deleted ${pods.deleted} pods, expected ${churn} each`,
          );
        }
      };
      const copy = async (run: number) => {
        const client = await bench.root.connect();
        try {
          const stream = client.query(
            copyFrom(`copy k8s_pods (${columns.join(", ")}) from stdin`),
          );
          await pipeline(Readable.from([copyText.get(run)!]), stream);
        } finally {
          client.release();
        }
      };
      const rates = await pairedRates(copy, sync, podCount, reps);
      await bench.root.query(
        "delete from k8s_pods where org_id = $1 and cluster like 'copy-%'",
        [orgId],
      );
      return [
        compared({
          scenario: "4 k8s sync",
          case: "replace snapshot, 10 % churn",
          size: `${formatCount(podCount)} pods, ${formatCount(churn)} gone and ${formatCount(churn)} new`,
          baseline: { label: "COPY", value: rates.baseline, unit: "pods/s" },
          measured: {
            label: "syncCluster",
            value: rates.measured,
            unit: "pods/s",
          },
          higherIsBetter: true,
        }),
      ];
    } finally {
      await db.close();
    }
  },
};
