import type { ValidationIssue } from "../errors.ts";
import { checkHostname, checkIpAddress } from "./checks.ts";
import { type FieldReader, jsonPointer, type Located } from "./fields.ts";

/** An address read from an object, and whether it must be an IP literal or a host name. */
export interface LocatedAddress extends Located<string> {
  format: "ip" | "hostname";
}

/**
 * Reads status.loadBalancer.ingress of a Service or an Ingress: each entry
 * has an `ip` (most clouds), a `hostname` (AWS load balancers), or both.
 */
export function readLoadBalancerAddresses(
  fields: FieldReader,
): LocatedAddress[] {
  const addresses: LocatedAddress[] = [];
  const entries = fields.objects(["status", "loadBalancer", "ingress"]);
  for (const { path } of entries) {
    const ip = fields.string([...path, "ip"]);
    if (ip !== null)
      addresses.push({ value: ip, path: [...path, "ip"], format: "ip" });
    const hostname = fields.string([...path, "hostname"]);
    if (hostname !== null) {
      addresses.push({
        value: hostname,
        path: [...path, "hostname"],
        format: "hostname",
      });
    }
  }
  return addresses;
}

/** Returns the values in order of first appearance, without repeats. */
export function uniqueValues(located: readonly Located<string>[]): string[] {
  return [...new Set(located.map(({ value }) => value))];
}

export function checkAddresses(
  addresses: readonly LocatedAddress[],
  at: string,
): ValidationIssue[] {
  return addresses.flatMap(({ value, path, format }) => {
    const pointer = at + jsonPointer(path);
    return format === "ip"
      ? checkIpAddress(value, pointer)
      : checkHostname(value, pointer);
  });
}
