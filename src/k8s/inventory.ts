import { InputError, ValidationError } from "../errors.ts";
import { decodeBody } from "../ingest/body.ts";
import type { BodyFinding } from "../ingest/types.ts";
import { DEPLOYMENT_API_VERSIONS, readDeploymentRow } from "./deployments.ts";
import { describeJsonType, FieldReader, IssueList } from "./fields.ts";
import { INGRESS_API_VERSIONS, readIngressRow } from "./ingresses.ts";
import { prepareStoredObject } from "./metadata.ts";
import { NODE_API_VERSIONS, readNodeRow } from "./nodes.ts";
import { POD_API_VERSIONS, readPodRow } from "./pods.ts";
import type {
  InventoryCollection,
  InventoryRow,
  JsonObject,
  JsonValue,
  KubernetesInventory,
} from "./rows.ts";
import { readServiceRow, SERVICE_API_VERSIONS } from "./services.ts";
import { describeIssues, findRowIssues } from "./validate.ts";

interface KindReader<C extends InventoryCollection> {
  collection: C;
  apiVersions: readonly string[];
  read: (fields: FieldReader, apiVersion: string) => InventoryRow<C>;
}

type AnyKindReader = {
  [C in InventoryCollection]: KindReader<C>;
}[InventoryCollection];

/** The kinds that have a table. Every other kind is rejected. */
const KIND_READERS: Record<string, AnyKindReader> = {
  Pod: { collection: "pods", apiVersions: POD_API_VERSIONS, read: readPodRow },
  Node: {
    collection: "nodes",
    apiVersions: NODE_API_VERSIONS,
    read: readNodeRow,
  },
  Service: {
    collection: "services",
    apiVersions: SERVICE_API_VERSIONS,
    read: readServiceRow,
  },
  Deployment: {
    collection: "deployments",
    apiVersions: DEPLOYMENT_API_VERSIONS,
    read: readDeploymentRow,
  },
  Ingress: {
    collection: "ingresses",
    apiVersions: INGRESS_API_VERSIONS,
    read: readIngressRow,
  },
};

const SUPPORTED_KINDS_HINT =
  "aurora-db stores Pod, Node, Service, Deployment and Ingress objects; " +
  "select them with kubectl get pods,nodes,services,deployments,ingresses --all-namespaces -o json";

/** One object of the input, with its JSON pointer (`/items/3`, or '' for a lone object). */
interface InputObject {
  item: JsonObject;
  at: string;
  kind: string;
  apiVersion: string;
}

/**
 * Default maximum input size, 128 MiB: by estimate about 16,000 pods of
 * 8 KiB each as `kubectl get -o json` prints them. Larger clusters can raise
 * it or sync one namespace at a time.
 */
export const DEFAULT_MAX_INVENTORY_BYTES = 128 * 1024 * 1024;

export interface ParseInventoryOptions {
  /** Maximum input size in bytes; larger inputs raise `InputError`. */
  maxBodyBytes?: number;
}

/**
 * Parses `kubectl get … -o json` output into inventory rows.
 *
 * The input is one object or a list (`kind: List`, or a typed list such as
 * `PodList` whose items may leave out kind and apiVersion). `file` names the
 * input in errors (`-` for stdin). Raises `InputError` when the bytes are not
 * one JSON object or when an item has a kind or apiVersion without a table,
 * and `ValidationError` listing every invalid field, by JSON pointer, when
 * any row fails `findRowIssues`, a string contains text that PostgreSQL cannot
 * store, or an object appears twice. Either way no rows are returned.
 */
export function parseKubernetesInventory(
  bytes: Uint8Array,
  file: string,
  options: ParseInventoryOptions = {},
): KubernetesInventory {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_INVENTORY_BYTES;
  const { value, findings } = decodeBody(bytes, file, { maxBodyBytes });
  rejectReplacedText(findings, file);
  return readKubernetesInventory(value as JsonObject, file);
}

const REPLACED_TEXT_MESSAGES: Partial<
  Record<BodyFinding["transform"], string>
> = {
  nul_replaced:
    "a string or key here contains the character U+0000, which PostgreSQL cannot store",
  lone_surrogate_replaced:
    "a string or key here contains an unpaired UTF-16 surrogate, which is not valid Unicode",
};

/**
 * Rejects the text that the body decoder replaced with U+FFFD. Webhook
 * ingest keeps such bodies so that no alert is lost, but an inventory is
 * resent on the next sync, so it is rejected unchanged instead.
 * NOTE: number literals that lose precision as doubles (`imprecise_number`)
 * are accepted, and the object column then contains the nearest double.
 */
function rejectReplacedText(findings: readonly BodyFinding[], file: string) {
  const issues = findings.flatMap(({ transform, path }) => {
    const message = REPLACED_TEXT_MESSAGES[transform];
    return message === undefined ? [] : [{ path, message }];
  });
  if (issues.length === 0) return;
  const subject = `${file}: invalid Kubernetes objects`;
  throw new ValidationError(describeIssues(subject, issues), issues);
}

/** Builds inventory rows from an already decoded document; see `parseKubernetesInventory`. */
export function readKubernetesInventory(
  document: JsonObject,
  file: string,
): KubernetesInventory {
  const objects = listInputObjects(document, file);
  rejectUnsupportedObjects(objects, file);

  const inventory = emptyInventory();
  const issues = new IssueList();
  const seen = new Map<string, string>();
  for (const input of objects) {
    const reader = KIND_READERS[input.kind] as AnyKindReader;
    const stored = prepareStoredObject(
      input.item,
      input.kind,
      input.apiVersion,
    );
    const fields = new FieldReader(stored, input.at, issues);
    const row = reader.read(fields, input.apiVersion);
    issues.addAll(findRowIssues(reader.collection, row, input.at));
    checkDuplicate(seen, reader.collection, row, input.at, issues);
    (inventory[reader.collection] as InventoryRow[]).push(row);
  }

  if (issues.items.length > 0) {
    const subject = `${file}: invalid Kubernetes objects`;
    throw new ValidationError(
      describeIssues(subject, issues.items),
      issues.items,
    );
  }
  return inventory;
}

function emptyInventory(): KubernetesInventory {
  return { pods: [], nodes: [], services: [], deployments: [], ingresses: [] };
}

function listInputObjects(document: JsonObject, file: string): InputObject[] {
  if (!isList(document)) return [identifyObject(document, "", null, file)];
  const items = document.items;
  if (items === undefined) {
    throw new InputError(
      `${file}: is a ${String(document.kind)} without an items array`,
      file,
    );
  }
  // An empty list may arrive with `items: null`.
  if (items === null) return [];
  if (!Array.isArray(items)) {
    throw new InputError(
      `${file}: /items is ${describeJsonType(items)}, expected an array of Kubernetes objects`,
      file,
    );
  }
  const defaults = typedListDefaults(document);
  return items.map((item, index) =>
    identifyObject(item, `/items/${index}`, defaults, file),
  );
}

/** `kind: List`, a typed list such as `PodList`, or an untyped object with items. */
function isList(document: JsonObject): boolean {
  const kind = document.kind;
  if (typeof kind === "string") return kind.endsWith("List");
  return Object.hasOwn(document, "items");
}

interface ItemDefaults {
  kind: string;
  apiVersion: JsonValue | undefined;
}

/**
 * Returns the kind and apiVersion that items of a typed list (`PodList`)
 * inherit, because the API server leaves them out of each item. `kind: List`,
 * which kubectl prints, has none.
 */
function typedListDefaults(document: JsonObject): ItemDefaults | null {
  const kind = document.kind;
  if (typeof kind !== "string" || kind === "List") return null;
  return {
    kind: kind.slice(0, -"List".length),
    apiVersion: document.apiVersion,
  };
}

function identifyObject(
  item: JsonValue,
  at: string,
  defaults: ItemDefaults | null,
  file: string,
): InputObject {
  const where = at === "" ? "the top-level object" : at;
  if (item === null || typeof item !== "object" || Array.isArray(item)) {
    throw new InputError(
      `${file}: ${where} is ${describeJsonType(item)}, expected a Kubernetes object`,
      file,
    );
  }
  const kind = item.kind ?? defaults?.kind;
  const apiVersion = item.apiVersion ?? defaults?.apiVersion;
  if (typeof kind !== "string" || kind === "") {
    throw new InputError(
      `${file}: ${where} has no kind; ${SUPPORTED_KINDS_HINT}`,
      file,
    );
  }
  if (typeof apiVersion !== "string" || apiVersion === "") {
    throw new InputError(
      `${file}: ${where} (kind ${kind}) has no apiVersion; expected one such as v1 or apps/v1`,
      file,
    );
  }
  return { item, at, kind, apiVersion };
}

/** At most this many unsupported objects are named in the error message. */
const MAX_UNSUPPORTED_IN_MESSAGE = 5;

/**
 * Raises one `InputError` naming the unsupported objects. They are rejected,
 * not skipped, because a sync deletes what its input lacks: skipping would
 * let the output of the wrong `kubectl get` read as an empty cluster.
 */
function rejectUnsupportedObjects(
  objects: readonly InputObject[],
  file: string,
): void {
  const problems = objects
    .map(describeUnsupported)
    .filter((problem) => problem !== null);
  if (problems.length === 0) return;
  const named = problems.slice(0, MAX_UNSUPPORTED_IN_MESSAGE).join("; ");
  const more = problems.length - MAX_UNSUPPORTED_IN_MESSAGE;
  const suffix = more > 0 ? `; and ${more} more` : "";
  throw new InputError(
    `${file}: unsupported objects: ${named}${suffix}. ${SUPPORTED_KINDS_HINT}`,
    file,
  );
}

function describeUnsupported({
  at,
  kind,
  apiVersion,
}: InputObject): string | null {
  const where = at === "" ? "the top-level object" : at;
  const reader = Object.hasOwn(KIND_READERS, kind)
    ? KIND_READERS[kind]
    : undefined;
  if (reader === undefined) {
    return `${where} has kind ${kind} (apiVersion ${apiVersion}), which is not supported`;
  }
  if (reader.apiVersions.includes(apiVersion)) return null;
  return (
    `${where} is a ${kind} of apiVersion ${apiVersion}, ` +
    `expected one of ${reader.apiVersions.join(", ")}`
  );
}

/**
 * Reports an object whose namespace and name already appeared: a sync writes
 * one row per object, and a repeated key would make that write fail.
 */
function checkDuplicate(
  seen: Map<string, string>,
  collection: InventoryCollection,
  row: InventoryRow,
  at: string,
  issues: IssueList,
): void {
  const namespace = "namespace" in row ? row.namespace : "";
  const key = JSON.stringify([collection, namespace, row.name]);
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, at);
    return;
  }
  const object = namespace === "" ? row.name : `${namespace}/${row.name}`;
  issues.add(
    `${at}/metadata/name`,
    `duplicate of ${object} at ${first}; each object may appear only once`,
  );
}
