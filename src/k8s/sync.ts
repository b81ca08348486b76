/**
 * `syncCluster`: replaces one cluster's Kubernetes snapshot with the objects
 * of `kubectl get … -o json` outputs, in one transaction.
 *
 * Only the collections that the inputs cover are replaced (see
 * kinds.ts): syncing `kubectl get pods -o json` upserts the pods it lists,
 * deletes the cluster's other pods and leaves nodes, services, deployments
 * and ingresses alone. An input that is an empty `kind: List` names no kind
 * and replaces nothing, unless `pruneEmpty` is set: then it means an
 * empty cluster and the sync deletes every stored object of the cluster.
 *
 * Every input is parsed before anything is written, and one bad input
 * rejects the whole sync. Readers see the old snapshot or the new one,
 * never a mix, and two syncs of the same cluster wait for each other.
 */

import {
  deleteStaleDeployments,
  deleteStaleIngresses,
  deleteStaleNodes,
  deleteStalePods,
  deleteStaleServices,
  lockClusterSync,
  upsertDeployments,
  upsertIngresses,
  upsertNodes,
  upsertPods,
  upsertServices,
} from "../../generated/kubernetes.queries.ts";
import { AuroraError, ValidationError } from "../errors.ts";
import { InputsRejectedError, requireInputs } from "../ingest/ingest.ts";
import {
  resolveOrganization,
  type ResolvedOrganization,
} from "../ingest/organization.ts";
import type { Db, TenantTransaction } from "../pool/index.ts";
import { parseKubernetesInventory } from "./inventory.ts";
import { INVENTORY_COLLECTIONS, inputKinds } from "./kinds.ts";
import type {
  InventoryCollection,
  InventoryRow,
  KubernetesInventory,
} from "./rows.ts";

/** Maximum rows per upsert statement; pods with their status run to a few KiB each. */
export const MAX_SYNC_BATCH_ROWS = 500;

/** One `kubectl get … -o json` output and its name in messages (`-` for stdin). */
export interface SyncInput {
  name: string;
  bytes: Uint8Array;
}

export interface SyncOptions {
  /** The organization: its id (a UUID) or its slug. */
  org: string;
  /** The cluster's name in Aurora: a DNS-1123 subdomain. */
  cluster: string;
  inputs: readonly SyncInput[];
  /** Let an empty `kind: List` delete every object of the cluster. Default false. */
  pruneEmpty?: boolean;
  /** Maximum size of each input in bytes; see `parseKubernetesInventory`. */
  maxBodyBytes?: number;
}

/** Counts of one collection in a sync. */
export interface KindCounts {
  /** Whether the inputs cover this collection, so that it was replaced. */
  replaced: boolean;
  /** Objects of this kind in the inputs. */
  objects: number;
  /** Rows written: inserted plus updated. */
  upserted: number;
  inserted: number;
  updated: number;
  /** Objects identical to the stored row, so not written. */
  unchanged: number;
  /** Stored rows of the cluster that the snapshot no longer has. */
  deleted: number;
}

export interface SyncSummary {
  organization: ResolvedOrganization;
  cluster: string;
  files: number;
  kinds: Record<InventoryCollection, KindCounts>;
}

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Throws ValidationError unless `cluster` is a DNS-1123 subdomain: lowercase
 * letters, digits, `-` and `.`, at most 253 characters, in dot-separated
 * labels of 1 to 63 characters that start and end with a letter or digit.
 */
export function validateClusterName(cluster: string): void {
  const labels = cluster.split(".");
  const valid =
    cluster.length > 0 &&
    cluster.length <= 253 &&
    labels.every((label) => label.length <= 63 && DNS_1123_LABEL.test(label));
  if (valid) return;
  const displayed = cluster.length > 80 ? `${cluster.slice(0, 80)}…` : cluster;
  throw new ValidationError(
    `Invalid cluster name ${JSON.stringify(displayed)}: expected a DNS-1123 name such as ` +
      `"prod-eu-1" or "gke.prod": lowercase letters, digits, "-" and ".", at most 253 ` +
      "characters, each dot-separated part 1 to 63 characters starting and ending with a " +
      "letter or digit.",
    [{ path: "/cluster", message: "expected a DNS-1123 subdomain" }],
  );
}

interface Snapshot {
  inventory: KubernetesInventory;
  replaced: Set<InventoryCollection>;
}

/** Replaces the cluster's snapshot; see the file comment. */
export async function syncCluster(
  db: Db,
  options: SyncOptions,
): Promise<SyncSummary> {
  requireInputs(options, "syncCluster");
  validateClusterName(options.cluster);
  const snapshot = readSnapshot(options);
  const organization = await resolveOrganization(db, options.org);
  const kinds = await db.withTenant({ orgId: organization.id }, (tx) =>
    writeSnapshot(tx, options.cluster, snapshot),
  );
  return {
    organization,
    cluster: options.cluster,
    files: options.inputs.length,
    kinds,
  };
}

/** Parses every input and merges them; throws before any write when one is bad. */
function readSnapshot(options: SyncOptions): Snapshot {
  if (options.inputs.length === 0) {
    throw new ValidationError(
      "No Kubernetes inputs given: pass at least one file of kubectl get … -o json output, or - for stdin.",
    );
  }
  const inventory = emptyInventory();
  const replaced = new Set<InventoryCollection>();
  const rejected: AuroraError[] = [];
  const seen = new Map<string, string>();
  for (const input of options.inputs) {
    try {
      const parsed = parseKubernetesInventory(input.bytes, input.name, {
        maxBodyBytes: options.maxBodyBytes,
      });
      const kinds = inputKinds(parsed, input.bytes, input.name);
      const covered =
        kinds.isEmptyList && options.pruneEmpty
          ? new Set(INVENTORY_COLLECTIONS)
          : kinds.collections;
      for (const collection of covered) replaced.add(collection);
      mergeInventory(inventory, parsed, input.name, seen);
    } catch (error) {
      if (!(error instanceof AuroraError)) throw error;
      rejected.push(error);
    }
  }
  if (rejected.length === 1) throw rejected[0];
  if (rejected.length > 1) {
    throw new InputsRejectedError(rejected, options.inputs.length, "files");
  }
  return { inventory, replaced };
}

function emptyInventory(): KubernetesInventory {
  return { pods: [], nodes: [], services: [], deployments: [], ingresses: [] };
}

/**
 * Appends `parsed` to `inventory`, rejecting an object that an earlier input
 * already had: two versions of one object leave no way to tell which is current.
 */
function mergeInventory(
  inventory: KubernetesInventory,
  parsed: KubernetesInventory,
  file: string,
  seen: Map<string, string>,
): void {
  for (const collection of INVENTORY_COLLECTIONS) {
    for (const row of parsed[collection] as InventoryRow[]) {
      const key = JSON.stringify([collection, rowNamespace(row), row.name]);
      const first = seen.get(key);
      if (first !== undefined) {
        throw new ValidationError(
          `${file}: ${collection} ${describeObject(row)} is also in ${first}; ` +
            "each object may appear in only one input of a sync",
          [{ path: "/metadata/name", message: `duplicate of ${first}` }],
        );
      }
      seen.set(key, file);
      (inventory[collection] as InventoryRow[]).push(row);
    }
  }
}

function rowNamespace(row: InventoryRow): string | null {
  return "namespace" in row ? row.namespace : null;
}

function describeObject(row: InventoryRow): string {
  const namespace = rowNamespace(row);
  return namespace === null ? row.name : `${namespace}/${row.name}`;
}

async function writeSnapshot(
  tx: TenantTransaction,
  cluster: string,
  snapshot: Snapshot,
): Promise<Record<InventoryCollection, KindCounts>> {
  await lockClusterSync.run({ cluster }, tx);
  const kinds = {} as Record<InventoryCollection, KindCounts>;
  for (const collection of INVENTORY_COLLECTIONS) {
    const rows = snapshot.inventory[collection] as InventoryRow[];
    kinds[collection] = snapshot.replaced.has(collection)
      ? await replaceCollection(tx, cluster, collection, rows)
      : { ...zeroCounts(), objects: rows.length };
  }
  return kinds;
}

function zeroCounts(): KindCounts {
  return {
    replaced: false,
    objects: 0,
    upserted: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
  };
}

async function replaceCollection(
  tx: TenantTransaction,
  cluster: string,
  collection: InventoryCollection,
  rows: InventoryRow[],
): Promise<KindCounts> {
  const counts = { ...zeroCounts(), replaced: true, objects: rows.length };
  for (let start = 0; start < rows.length; start += MAX_SYNC_BATCH_ROWS) {
    const batch = rows.slice(start, start + MAX_SYNC_BATCH_ROWS);
    const written = await COLLECTION_STATEMENTS[collection].upsert(
      tx,
      cluster,
      JSON.stringify(batch),
    );
    counts.inserted += written.filter((row) => row.inserted).length;
    counts.updated += written.filter((row) => !row.inserted).length;
    counts.unchanged += batch.length - written.length;
  }
  counts.upserted = counts.inserted + counts.updated;
  counts.deleted = await COLLECTION_STATEMENTS[collection].deleteStale(
    tx,
    cluster,
    rows,
  );
  return counts;
}

interface CollectionStatements {
  upsert(
    tx: TenantTransaction,
    cluster: string,
    rows: string,
  ): Promise<{ inserted: boolean }[]>;
  /** Deletes the cluster's rows that `snapshotRows` lacks; returns how many. */
  deleteStale(
    tx: TenantTransaction,
    cluster: string,
    snapshotRows: InventoryRow[],
  ): Promise<number>;
}

/** Statements for a namespaced collection, whose key is (namespace, name). */
function namespaced(
  upsert: CollectionStatements["upsert"],
  deleteStale: (
    tx: TenantTransaction,
    params: { cluster: string; namespaces: string[]; names: string[] },
  ) => Promise<unknown[]>,
): CollectionStatements {
  return {
    upsert,
    async deleteStale(tx, cluster, snapshotRows) {
      const deleted = await deleteStale(tx, {
        cluster,
        namespaces: snapshotRows.map((row) => rowNamespace(row) ?? ""),
        names: snapshotRows.map((row) => row.name),
      });
      return deleted.length;
    },
  };
}

const COLLECTION_STATEMENTS: Readonly<
  Record<InventoryCollection, CollectionStatements>
> = {
  pods: namespaced(
    (tx, cluster, rows) => upsertPods.run({ cluster, rows }, tx),
    (tx, params) => deleteStalePods.run(params, tx),
  ),
  services: namespaced(
    (tx, cluster, rows) => upsertServices.run({ cluster, rows }, tx),
    (tx, params) => deleteStaleServices.run(params, tx),
  ),
  deployments: namespaced(
    (tx, cluster, rows) => upsertDeployments.run({ cluster, rows }, tx),
    (tx, params) => deleteStaleDeployments.run(params, tx),
  ),
  ingresses: namespaced(
    (tx, cluster, rows) => upsertIngresses.run({ cluster, rows }, tx),
    (tx, params) => deleteStaleIngresses.run(params, tx),
  ),
  nodes: {
    upsert: (tx, cluster, rows) => upsertNodes.run({ cluster, rows }, tx),
    async deleteStale(tx, cluster, snapshotRows) {
      const names = snapshotRows.map((row) => row.name);
      const deleted = await deleteStaleNodes.run({ cluster, names }, tx);
      return deleted.length;
    },
  },
};
