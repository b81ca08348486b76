import { INVENTORY_COLLECTIONS } from "../../k8s/kinds.ts";
import { syncCluster, type SyncSummary } from "../../k8s/sync.ts";
import type { Command } from "../command.ts";
import { progressLine, readInputs, requireOption, withDb } from "./ingest.ts";
import { countOf } from "../plural.ts";

/** Formats the summary as a table of kinds, for people. */
export function formatSyncSummary(summary: SyncSummary): string {
  const { organization } = summary;
  const lines = [
    `cluster ${summary.cluster} of ${organization.slug} (${organization.id}), ` +
      countOf(summary.files, "files"),
    `${"kind".padEnd(13)}${"objects".padStart(8)}${"inserted".padStart(10)}` +
      `${"updated".padStart(9)}${"unchanged".padStart(11)}${"deleted".padStart(9)}`,
  ];
  for (const kind of INVENTORY_COLLECTIONS) {
    const counts = summary.kinds[kind];
    if (!counts.replaced) {
      lines.push(`${kind.padEnd(13)}not in the input, kept as stored`);
      continue;
    }
    lines.push(
      `${kind.padEnd(13)}${String(counts.objects).padStart(8)}` +
        `${String(counts.inserted).padStart(10)}${String(counts.updated).padStart(9)}` +
        `${String(counts.unchanged).padStart(11)}${String(counts.deleted).padStart(9)}`,
    );
  }
  return lines.join("\n");
}

export const k8sSyncCommand: Command = {
  name: "k8s sync",
  maxPositionals: Infinity,
  summary:
    "replace a cluster's Kubernetes snapshot with kubectl -o json output",
  help: `Usage: aurora-db k8s sync --org <slug or id> --cluster <name> [--prune-empty] [--json] <file>... | -

Reads the output of "kubectl get pods,nodes,services,deployments,ingresses
--all-namespaces -o json" (one or more files, or stdin with -) and replaces
the stored snapshot of the cluster in one transaction: objects are upserted,
and stored objects of the same kinds that the input lacks are deleted.

Only the kinds the input names are replaced: syncing the output of
"kubectl get pods -o json" keeps the stored nodes, services, deployments and
ingresses. An empty "kind: List" names no kind and changes nothing, unless
--prune-empty is given; then it means an empty cluster and every stored
object of the cluster is deleted.

Options:
  --org          organization slug or id (UUID)
  --cluster      the cluster's name in Aurora, a DNS-1123 name such as prod-eu-1
  --prune-empty  let an empty list delete every stored object of the cluster
  --json         print the counts per kind as JSON`,
  options: {
    org: { type: "string" },
    cluster: { type: "string" },
    "prune-empty": { type: "boolean" },
  },
  async run({ values, positionals, out }) {
    const org = requireOption(values, "org");
    const cluster = requireOption(values, "cluster");
    const inputs = await readInputs(positionals);
    const progress = progressLine(out);
    progress.show(
      `syncing ${countOf(inputs.length, "files")} into cluster ${cluster}`,
    );
    const summary = await withDb(out, (db) =>
      syncCluster(db, {
        org,
        cluster,
        inputs,
        pruneEmpty: values["prune-empty"] === true,
      }).finally(() => progress.clear()),
    );
    out.result(summary, () => formatSyncSummary(summary));
    return 0;
  },
};
