/**
 * The inventory collections that an input covers. A sync replaces only
 * those: the output of `kubectl get pods -o json` lists no nodes, yet its
 * parsed inventory has an empty `nodes` list, as an empty cluster's has.
 */

import { decodeBody } from "../ingest/body.ts";
import type { InventoryCollection, KubernetesInventory } from "./rows.ts";

/** The collection of each kind that has a table. */
export const COLLECTION_OF_KIND: Readonly<Record<string, InventoryCollection>> =
  {
    Pod: "pods",
    Node: "nodes",
    Service: "services",
    Deployment: "deployments",
    Ingress: "ingresses",
  };

export const INVENTORY_COLLECTIONS: readonly InventoryCollection[] = [
  "pods",
  "nodes",
  "services",
  "deployments",
  "ingresses",
];

export interface InputKinds {
  /** Collections the input has objects of, or that its typed list (`PodList`) names. */
  collections: Set<InventoryCollection>;
  /**
   * True for a list without items whose kind names no item kind (`kind: List`
   * or no kind): it may mean an empty cluster or the output of the wrong
   * command, so a sync replaces nothing for it unless pruning is requested.
   */
  isEmptyList: boolean;
}

/**
 * Returns the collections that one parsed input covers. `bytes` is read
 * again only when the inventory has no rows, to tell an empty typed list
 * (`PodList` without items, which means the cluster has no pods) from an
 * empty `kind: List`, which names no kind. Call it after
 * `parseKubernetesInventory` accepted the same bytes.
 */
export function inputKinds(
  inventory: KubernetesInventory,
  bytes: Uint8Array,
  file: string,
): InputKinds {
  const collections = new Set(
    INVENTORY_COLLECTIONS.filter((name) => inventory[name].length > 0),
  );
  if (collections.size > 0) return { collections, isEmptyList: false };
  const listKind = topLevelKind(bytes, file);
  if (listKind === null || listKind === "List") {
    return { collections, isEmptyList: true };
  }
  // A typed list names its item kind; one without a table (ConfigMapList) names none.
  const itemKind = listKind.endsWith("List")
    ? listKind.slice(0, -"List".length)
    : listKind;
  if (Object.hasOwn(COLLECTION_OF_KIND, itemKind)) {
    collections.add(COLLECTION_OF_KIND[itemKind] as InventoryCollection);
  }
  return { collections, isEmptyList: false };
}

/** Returns the top-level `kind` of the input, or null when it has none. */
function topLevelKind(bytes: Uint8Array, file: string): string | null {
  const { value } = decodeBody(bytes, file, {
    maxBodyBytes: bytes.byteLength,
  });
  return typeof value.kind === "string" ? value.kind : null;
}
