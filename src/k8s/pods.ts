import type { ValidationIssue } from "../errors.ts";
import {
  checkDnsSubdomain,
  checkInt32Count,
  checkIpAddress,
  checkNamespacedObjectColumns,
} from "./checks.ts";
import type { FieldReader } from "./fields.ts";
import { readNamespacedObjectColumns } from "./metadata.ts";
import type { JsonObject, PodRow } from "./rows.ts";

export const POD_API_VERSIONS = ["v1"];

export function readPodRow(fields: FieldReader, apiVersion: string): PodRow {
  const common = readNamespacedObjectColumns(fields, apiVersion);
  const owner = readControllerOwner(fields);
  const containers = readContainerCounts(fields);
  return {
    ...common,
    phase: fields.string(["status", "phase"]),
    node_name: fields.string(["spec", "nodeName"]),
    pod_ip: fields.string(["status", "podIP"]),
    host_ip: fields.string(["status", "hostIP"]),
    restart_count: containers.restarts,
    ready_containers: containers.ready,
    total_containers: containers.total,
    owner_kind: owner?.kind ?? null,
    owner_name: owner?.name ?? null,
    started_at: fields.timestamp(["status", "startTime"]),
  };
}

interface ContainerCounts {
  total: number;
  ready: number;
  restarts: number;
}

/**
 * Counts containers the way kubectl's pod table printer (kubernetes
 * pkg/printers/internalversion, in releases with native sidecars) fills the
 * READY and RESTARTS columns. App containers and native sidecars count:
 * sidecars are init containers with `restartPolicy: Always` (Kubernetes
 * 1.28+) that keep running beside the app. Restarts of the other init
 * containers count only while the pod is initializing, because only then
 * are they the ones failing (Init:CrashLoopBackOff).
 */
function readContainerCounts(fields: FieldReader): ContainerCounts {
  const sidecarNames = readSidecarNames(fields);
  const initStatuses = fields.objects(["status", "initContainerStatuses"]);
  const sidecarStatuses = initStatuses.filter(({ value }) =>
    isSidecarStatus(value, sidecarNames),
  );
  const running = [
    ...fields.objects(["status", "containerStatuses"]),
    ...sidecarStatuses,
  ];
  let ready = 0;
  let restarts = 0;
  for (const { path } of running) {
    if (fields.boolean([...path, "ready"]) === true) ready++;
    restarts += fields.count([...path, "restartCount"]) ?? 0;
  }
  if (!isInitialized(fields)) {
    const pending = initStatuses.filter(
      ({ value }) => !isSidecarStatus(value, sidecarNames),
    );
    for (const { path } of pending) {
      restarts += fields.count([...path, "restartCount"]) ?? 0;
    }
  }
  const total =
    fields.objects(["spec", "containers"]).length + sidecarNames.size;
  return { total, ready, restarts };
}

/** Returns whether the pod's Initialized condition is True. */
function isInitialized(fields: FieldReader): boolean {
  const condition = fields
    .objects(["status", "conditions"])
    .find(({ value }) => value.type === "Initialized");
  if (condition === undefined) return false;
  return fields.string([...condition.path, "status"]) === "True";
}

function readSidecarNames(fields: FieldReader): Set<string> {
  const names = new Set<string>();
  for (const { path } of fields.objects(["spec", "initContainers"])) {
    const name = fields.string([...path, "name"]);
    const restartPolicy = fields.string([...path, "restartPolicy"]);
    if (name !== null && restartPolicy === "Always") names.add(name);
  }
  return names;
}

function isSidecarStatus(
  status: JsonObject,
  sidecarNames: Set<string>,
): boolean {
  return typeof status.name === "string" && sidecarNames.has(status.name);
}

/** Reads the ownerReference marked `controller: true`, if any. */
function readControllerOwner(
  fields: FieldReader,
): { kind: string | null; name: string | null } | null {
  const references = fields.objects(["metadata", "ownerReferences"]);
  const controller = references.find(({ value }) => value.controller === true);
  if (controller === undefined) return null;
  return {
    kind: fields.string([...controller.path, "kind"]),
    name: fields.string([...controller.path, "name"]),
  };
}

export function checkPodRow(row: PodRow, at: string): ValidationIssue[] {
  return [
    ...checkNamespacedObjectColumns(row, at),
    ...(row.node_name === null
      ? []
      : checkDnsSubdomain(row.node_name, `${at}/spec/nodeName`)),
    ...checkIpAddress(row.pod_ip, `${at}/status/podIP`),
    ...checkIpAddress(row.host_ip, `${at}/status/hostIP`),
    ...checkInt32Count(row.restart_count, `${at}/status/containerStatuses`),
    ...checkInt32Count(row.ready_containers, `${at}/status/containerStatuses`),
    ...checkInt32Count(row.total_containers, `${at}/spec/containers`),
  ];
}
