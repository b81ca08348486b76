import type { ValidationIssue } from "../errors.ts";
import {
  checkClusterObjectColumns,
  checkIpAddress,
  checkQuantity,
} from "./checks.ts";
import { FieldReader, jsonPointer, type PathSegment } from "./fields.ts";
import { readClusterObjectColumns } from "./metadata.ts";
import type { NodeReadiness, NodeRow } from "./rows.ts";

export const NODE_API_VERSIONS = ["v1"];

const ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";

/** The older role label, whose value is the role. kubectl reads both. */
const LEGACY_ROLE_LABEL = "kubernetes.io/role";

export function readNodeRow(fields: FieldReader, apiVersion: string): NodeRow {
  const common = readClusterObjectColumns(fields, apiVersion);
  const internalAddress = findInternalAddress(fields);
  return {
    ...common,
    status: readReadiness(fields),
    roles: readRoles(common.labels),
    internal_ip:
      internalAddress === null
        ? null
        : fields.string([...internalAddress, "address"]),
    kubelet_version: fields.string(["status", "nodeInfo", "kubeletVersion"]),
    os_image: fields.string(["status", "nodeInfo", "osImage"]),
    cpu_capacity: fields.string(["status", "capacity", "cpu"]),
    memory_capacity: fields.string(["status", "capacity", "memory"]),
    is_unschedulable: fields.boolean(["spec", "unschedulable"]) ?? false,
  };
}

/**
 * Maps the Ready condition's status ("True", "False", "Unknown") to the
 * words `kubectl get nodes` prints. A node without the condition is Unknown.
 */
function readReadiness(fields: FieldReader): NodeReadiness {
  const ready = fields
    .objects(["status", "conditions"])
    .find(({ value }) => value.type === "Ready");
  if (ready === undefined) return "Unknown";
  const status = fields.string([...ready.path, "status"]);
  if (status === "True") return "Ready";
  if (status === "False") return "NotReady";
  return "Unknown";
}

/** Returns the roles named by role labels, sorted and without repeats. */
function readRoles(labels: Record<string, string>): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(labels)) {
    if (key.startsWith(ROLE_LABEL_PREFIX)) {
      const role = key.slice(ROLE_LABEL_PREFIX.length);
      if (role !== "") roles.add(role);
    } else if (key === LEGACY_ROLE_LABEL && value !== "") {
      roles.add(value);
    }
  }
  return [...roles].sort();
}

/** Returns the path of the first InternalIP entry in status.addresses. */
function findInternalAddress(fields: FieldReader): PathSegment[] | null {
  const address = fields
    .objects(["status", "addresses"])
    .find(({ value }) => value.type === "InternalIP");
  return address?.path ?? null;
}

export function checkNodeRow(row: NodeRow, at: string): ValidationIssue[] {
  const internalAddress = findInternalAddress(new FieldReader(row.object, at));
  const internalIpPath =
    internalAddress === null
      ? "/status/addresses"
      : jsonPointer([...internalAddress, "address"]);
  return [
    ...checkClusterObjectColumns(row, at),
    ...checkIpAddress(row.internal_ip, at + internalIpPath),
    ...checkQuantity(row.cpu_capacity, `${at}/status/capacity/cpu`),
    ...checkQuantity(row.memory_capacity, `${at}/status/capacity/memory`),
  ];
}
