import type { ValidationIssue } from "../errors.ts";
import { checkInt32Count, checkNamespacedObjectColumns } from "./checks.ts";
import type { FieldReader } from "./fields.ts";
import { readNamespacedObjectColumns } from "./metadata.ts";
import type { DeploymentRow } from "./rows.ts";

/**
 * apps/v1 and the versions it replaced: apps/v1beta1 and apps/v1beta2
 * (removed in Kubernetes 1.16) and extensions/v1beta1 (removed in 1.16).
 * The fields read here have the same shape in all four.
 */
export const DEPLOYMENT_API_VERSIONS = [
  "apps/v1",
  "apps/v1beta2",
  "apps/v1beta1",
  "extensions/v1beta1",
];

/** spec.replicas when absent, as the API server defaults it. */
const DEFAULT_REPLICAS = 1;

export function readDeploymentRow(
  fields: FieldReader,
  apiVersion: string,
): DeploymentRow {
  return {
    ...readNamespacedObjectColumns(fields, apiVersion),
    replicas: fields.count(["spec", "replicas"]) ?? DEFAULT_REPLICAS,
    // The API server leaves zero counts out of status, so absent means 0.
    ready_replicas: fields.count(["status", "readyReplicas"]) ?? 0,
    available_replicas: fields.count(["status", "availableReplicas"]) ?? 0,
    updated_replicas: fields.count(["status", "updatedReplicas"]) ?? 0,
    strategy: fields.string(["spec", "strategy", "type"]),
    images: readImages(fields),
  };
}

/** Reads the images of the pod template's app containers, in order. */
function readImages(fields: FieldReader): string[] {
  const containers = fields.objects(["spec", "template", "spec", "containers"]);
  return containers
    .map(({ path }) => fields.string([...path, "image"]))
    .filter((image) => image !== null);
}

export function checkDeploymentRow(
  row: DeploymentRow,
  at: string,
): ValidationIssue[] {
  return [
    ...checkNamespacedObjectColumns(row, at),
    ...checkInt32Count(row.replicas, `${at}/spec/replicas`),
    ...checkInt32Count(row.ready_replicas, `${at}/status/readyReplicas`),
    ...checkInt32Count(
      row.available_replicas,
      `${at}/status/availableReplicas`,
    ),
    ...checkInt32Count(row.updated_replicas, `${at}/status/updatedReplicas`),
  ];
}
