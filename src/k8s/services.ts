import type { ValidationIssue } from "../errors.ts";
import {
  checkAddresses,
  type LocatedAddress,
  readLoadBalancerAddresses,
  uniqueValues,
} from "./addresses.ts";
import {
  checkIpAddress,
  checkNamespacedObjectColumns,
  checkPortNumber,
} from "./checks.ts";
import { describeJsonType, FieldReader, jsonPointer } from "./fields.ts";
import { readNamespacedObjectColumns } from "./metadata.ts";
import type { ServiceRow } from "./rows.ts";

export const SERVICE_API_VERSIONS = ["v1"];

/** The type the API server gives a Service that does not set one. */
const DEFAULT_SERVICE_TYPE = "ClusterIP";

/** spec.clusterIP of a headless Service. */
const HEADLESS_CLUSTER_IP = "None";

export function readServiceRow(
  fields: FieldReader,
  apiVersion: string,
): ServiceRow {
  return {
    ...readNamespacedObjectColumns(fields, apiVersion),
    type: fields.string(["spec", "type"]) ?? DEFAULT_SERVICE_TYPE,
    cluster_ip: readClusterIp(fields),
    external_ips: uniqueValues(readExternalAddresses(fields)),
    ports: fields.objects(["spec", "ports"]).map(({ value }) => value),
    selector: fields.stringMap(["spec", "selector"]),
  };
}

/** ExternalName Services have an empty or absent clusterIP, headless ones "None". */
function readClusterIp(fields: FieldReader): string | null {
  const clusterIp = fields.string(["spec", "clusterIP"]);
  if (clusterIp === null || clusterIp === "") return null;
  return clusterIp === HEADLESS_CLUSTER_IP ? null : clusterIp;
}

function readExternalAddresses(fields: FieldReader): LocatedAddress[] {
  const externalIps = fields
    .array(["spec", "externalIPs"])
    .map((_entry, index): LocatedAddress | null => {
      const path = ["spec", "externalIPs", index];
      const value = fields.string(path);
      return value === null ? null : { value, path, format: "ip" };
    })
    .filter((address) => address !== null);
  return [...externalIps, ...readLoadBalancerAddresses(fields)];
}

export function checkServiceRow(
  row: ServiceRow,
  at: string,
): ValidationIssue[] {
  const fields = new FieldReader(row.object, at);
  const portIssues = fields.objects(["spec", "ports"]).flatMap(({ path }) => {
    const port = fields.value([...path, "port"]);
    const pointer = at + jsonPointer([...path, "port"]);
    if (typeof port === "number") return checkPortNumber(port, pointer);
    const found = describeJsonType(port);
    return [
      { path: pointer, message: `expected a port number, found ${found}` },
    ];
  });
  return [
    ...checkNamespacedObjectColumns(row, at),
    ...checkIpAddress(row.cluster_ip, `${at}/spec/clusterIP`),
    ...checkAddresses(readExternalAddresses(fields), at),
    ...portIssues,
  ];
}
