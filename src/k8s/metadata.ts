import type { FieldReader } from "./fields.ts";
import type {
  ClusterObjectColumns,
  JsonObject,
  NamespacedObjectColumns,
} from "./rows.ts";

export const LAST_APPLIED_ANNOTATION =
  "kubectl.kubernetes.io/last-applied-configuration";

/**
 * Namespace of a namespaced object whose metadata has none. kubectl output
 * always includes one. Hand-written manifests may not, and the API server
 * would place them in `default`.
 */
export const DEFAULT_NAMESPACE = "default";

/**
 * Returns a copy of `item` with its kind and apiVersion set, and without
 * `metadata.managedFields` and the last-applied-configuration annotation.
 * Both repeat the object's own fields and are often most of its size.
 * The input is not modified.
 */
export function prepareStoredObject(
  item: JsonObject,
  kind: string,
  apiVersion: string,
): JsonObject {
  const stored: JsonObject = { ...item, apiVersion, kind };
  const metadata = item.metadata;
  if (
    metadata === null ||
    typeof metadata !== "object" ||
    Array.isArray(metadata)
  ) {
    return stored;
  }
  const { managedFields: _managedFields, ...keptMetadata } = metadata;
  const annotations = keptMetadata.annotations;
  if (
    annotations !== null &&
    typeof annotations === "object" &&
    !Array.isArray(annotations)
  ) {
    const { [LAST_APPLIED_ANNOTATION]: _lastApplied, ...keptAnnotations } =
      annotations;
    keptMetadata.annotations = keptAnnotations;
  }
  stored.metadata = keptMetadata;
  return stored;
}

/**
 * Reads the columns shared by every table. A missing name reads as the empty
 * string, which validation then rejects with the field's path.
 */
export function readClusterObjectColumns(
  fields: FieldReader,
  apiVersion: string,
): ClusterObjectColumns {
  return {
    name: fields.string(["metadata", "name"]) ?? "",
    uid: fields.string(["metadata", "uid"]),
    api_version: apiVersion,
    labels: fields.stringMap(["metadata", "labels"]) ?? {},
    creation_timestamp: fields.timestamp(["metadata", "creationTimestamp"]),
    object: fields.item,
  };
}

export function readNamespacedObjectColumns(
  fields: FieldReader,
  apiVersion: string,
): NamespacedObjectColumns {
  return {
    namespace: fields.string(["metadata", "namespace"]) ?? DEFAULT_NAMESPACE,
    ...readClusterObjectColumns(fields, apiVersion),
  };
}

/** Returns the annotations map, {} when absent. */
export function readAnnotations(fields: FieldReader): Record<string, string> {
  return fields.stringMap(["metadata", "annotations"]) ?? {};
}
