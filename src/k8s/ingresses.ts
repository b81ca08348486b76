import type { ValidationIssue } from "../errors.ts";
import {
  checkAddresses,
  readLoadBalancerAddresses,
  uniqueValues,
} from "./addresses.ts";
import {
  checkDnsLabel,
  checkHostname,
  checkNamespacedObjectColumns,
  checkPortNumber,
} from "./checks.ts";
import {
  describeJsonType,
  FieldReader,
  jsonPointer,
  type Located,
  type PathSegment,
} from "./fields.ts";
import { readAnnotations, readNamespacedObjectColumns } from "./metadata.ts";
import type {
  IngressBackend,
  IngressRow,
  IngressRule,
  ServiceBackendPort,
} from "./rows.ts";

/**
 * networking.k8s.io/v1 (Kubernetes 1.19+) and the two versions removed in
 * 1.22, whose backends name the service as `serviceName`/`servicePort`.
 */
export const INGRESS_API_VERSIONS = [
  "networking.k8s.io/v1",
  "networking.k8s.io/v1beta1",
  "extensions/v1beta1",
];

/** The annotation that named the ingress controller before spec.ingressClassName. */
const INGRESS_CLASS_ANNOTATION = "kubernetes.io/ingress.class";

/**
 * Reads an Ingress. `rules` has one entry per path of each rule (a rule
 * without paths gives one entry with a null path and backend). The default
 * backend (spec.defaultBackend, spec.backend before v1) stays in `object` only.
 */
export function readIngressRow(
  fields: FieldReader,
  apiVersion: string,
): IngressRow {
  const annotations = readAnnotations(fields);
  return {
    ...readNamespacedObjectColumns(fields, apiVersion),
    ingress_class:
      fields.string(["spec", "ingressClassName"]) ??
      annotations[INGRESS_CLASS_ANNOTATION] ??
      null,
    hosts: uniqueValues(readHosts(fields)),
    addresses: uniqueValues(readLoadBalancerAddresses(fields)),
    rules: readRules(fields).map(({ value }) => value),
  };
}

function readHosts(fields: FieldReader): Located<string>[] {
  const hosts: Located<string>[] = [];
  for (const { path } of fields.objects(["spec", "rules"])) {
    const host = fields.string([...path, "host"]);
    if (host !== null && host !== "") {
      hosts.push({ value: host, path: [...path, "host"] });
    }
  }
  return hosts;
}

function readRules(fields: FieldReader): Located<IngressRule>[] {
  return fields.objects(["spec", "rules"]).flatMap(({ path }) => {
    const host = fields.string([...path, "host"]) || null;
    const paths = fields.objects([...path, "http", "paths"]);
    if (paths.length === 0) {
      const rule = { host, path: null, pathType: null, backend: null };
      return [{ value: rule, path }];
    }
    return paths.map((entry) => ({
      value: {
        host,
        path: fields.string([...entry.path, "path"]),
        pathType: fields.string([...entry.path, "pathType"]),
        backend: readBackend(fields, [...entry.path, "backend"]),
      },
      path: entry.path,
    }));
  });
}

/** Reads a backend in either shape and returns it in the v1 shape. */
function readBackend(
  fields: FieldReader,
  path: PathSegment[],
): IngressBackend | null {
  if (fields.object(path) === null) return null;
  const resource = fields.object([...path, "resource"]);
  if (resource !== null) return { resource };
  if (fields.object([...path, "service"]) !== null) {
    return {
      service: {
        name: fields.string([...path, "service", "name"]) ?? "",
        port: readV1ServicePort(fields, [...path, "service", "port"]),
      },
    };
  }
  const serviceName = fields.string([...path, "serviceName"]);
  if (serviceName === null) return null;
  return {
    service: {
      name: serviceName,
      port: readV1beta1ServicePort(fields, [...path, "servicePort"]),
    },
  };
}

function readV1ServicePort(
  fields: FieldReader,
  path: PathSegment[],
): ServiceBackendPort | null {
  const number = fields.count([...path, "number"]);
  if (number !== null) return { number };
  const name = fields.string([...path, "name"]);
  return name === null ? null : { name };
}

/**
 * Converts a v1beta1 `servicePort`, an int-or-string: a number is a port
 * number and a string is a port name, even when it contains digits, as the
 * API server's own conversion to v1 treats it.
 */
function readV1beta1ServicePort(
  fields: FieldReader,
  path: PathSegment[],
): ServiceBackendPort | null {
  const port = fields.value(path);
  if (port === undefined || port === null) return null;
  if (typeof port === "string") return { name: port };
  if (typeof port === "number" && Number.isSafeInteger(port)) {
    return { number: port };
  }
  fields.issues.add(
    fields.pathOf(path),
    `expected a port number or name, found ${describeJsonType(port)}`,
  );
  return null;
}

export function checkIngressRow(
  row: IngressRow,
  at: string,
): ValidationIssue[] {
  const fields = new FieldReader(row.object, at);
  const hostIssues = readHosts(fields).flatMap(({ value, path }) =>
    checkHostname(value, at + jsonPointer(path)),
  );
  const backendIssues = readRules(fields).flatMap(({ value, path }) =>
    checkBackend(fields, [...path, "backend"], value.backend),
  );
  return [
    ...checkNamespacedObjectColumns(row, at),
    ...hostIssues,
    ...checkAddresses(readLoadBalancerAddresses(fields), at),
    ...backendIssues,
  ];
}

/** Checks a service backend, at the fields that the input used (v1 or v1beta1). */
function checkBackend(
  fields: FieldReader,
  path: PathSegment[],
  backend: IngressBackend | null,
): ValidationIssue[] {
  const service = backend?.service;
  if (service === undefined) return [];
  const isV1 = fields.object([...path, "service"]) !== null;
  const namePath = isV1
    ? [...path, "service", "name"]
    : [...path, "serviceName"];
  const portPath = isV1
    ? [...path, "service", "port", "number"]
    : [...path, "servicePort"];
  const port = service.port;
  return [
    ...checkDnsLabel(service.name, fields.pathOf(namePath)),
    ...(port !== null && "number" in port
      ? checkPortNumber(port.number, fields.pathOf(portPath))
      : []),
  ];
}
