/**
 * Kubernetes inventory: parses `kubectl get … -o json` output into rows for
 * the k8s_pods, k8s_nodes, k8s_services, k8s_deployments and k8s_ingresses
 * tables, without touching the database.
 */

export { parseRfc3339 } from "./fields.ts";
export {
  DEFAULT_MAX_INVENTORY_BYTES,
  parseKubernetesInventory,
  type ParseInventoryOptions,
  readKubernetesInventory,
} from "./inventory.ts";
export {
  DEFAULT_NAMESPACE,
  LAST_APPLIED_ANNOTATION,
  prepareStoredObject,
} from "./metadata.ts";
export type * from "./rows.ts";
export { findRowIssues, INVENTORY_TABLES, validateRow } from "./validate.ts";
