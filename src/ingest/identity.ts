/**
 * Fingerprints and dedup keys.
 *
 * A fingerprint names an alert rule with its label set, and is shared by all
 * of its occurrences. A dedup key names one occurrence: a redelivered webhook
 * and a later state change of the same occurrence produce the same key, so
 * the store updates that row in place (unique `(org_id, dedup_key)`).
 */

import { createHash } from "node:crypto";

/**
 * Maximum length of a fingerprint or dedup key. Longer values are replaced
 * by `sha256:<hex>` so that the unique btree index stays far below its
 * 2704-byte entry limit.
 */
export const MAX_IDENTITY_LENGTH = 512;

/** SHA-256 hex of the JSON text of `parts` (an array keeps the order fixed). */
export function sha256Hex(parts: readonly unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/** Replaces an identity longer than `MAX_IDENTITY_LENGTH` by its SHA-256. */
export function boundedIdentity(identity: string): string {
  if (identity.length <= MAX_IDENTITY_LENGTH) return identity;
  return `sha256:${createHash("sha256").update(identity).digest("hex")}`;
}

const FNV64_OFFSET_BASIS = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const UINT64_MASK = (1n << 64n) - 1n;
const LABEL_SEPARATOR = 0xff;

/**
 * Computes the fingerprint that Prometheus and Alertmanager give a label set
 * (`model.LabelSet.Fingerprint` in prometheus/common): FNV-1a 64 over the
 * label names in byte order, each name and value followed by the byte 0xff,
 * as 16 lowercase hex digits. Bodies from Alertmanager versions that send no
 * `fingerprint` thus get the key that newer versions send. Grafana's own
 * fingerprints differ from this hash of the labels it sends, so they cannot
 * be recomputed, but unified alerting bodies carry them.
 */
export function labelSetFingerprint(labels: Record<string, string>): string {
  const encoder = new TextEncoder();
  const names = Object.keys(labels).sort(compareUtf8);
  let hash = FNV64_OFFSET_BASIS;
  const addBytes = (bytes: Iterable<number>) => {
    for (const byte of bytes) {
      hash = ((hash ^ BigInt(byte)) * FNV64_PRIME) & UINT64_MASK;
    }
  };
  for (const name of names) {
    addBytes(encoder.encode(name));
    addBytes([LABEL_SEPARATOR]);
    addBytes(encoder.encode(labels[name]));
    addBytes([LABEL_SEPARATOR]);
  }
  return hash.toString(16).padStart(16, "0");
}

/** Orders strings by their UTF-8 bytes, as Go's `sort.Strings` does. */
function compareUtf8(left: string, right: string): number {
  return Buffer.compare(Buffer.from(left), Buffer.from(right));
}
