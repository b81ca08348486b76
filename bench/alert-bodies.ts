/**
 * Alertmanager webhook bodies for the ingest benchmark, built from the
 * project's fixture: each alert is a copy of the fixture's first alert with
 * its own pod, service and fingerprint, so that every body stores new rows.
 */
import { readFileSync } from "node:fs";

import { alertRow } from "../src/ingest/alert-rows.ts";
import { parseAlerts } from "../src/ingest/index.ts";
import { copyField } from "./copy-text.ts";

const FIXTURE = new URL(
  "../test/fixtures/alerts/alertmanager/checkout-crashlooping-firing.json",
  import.meta.url,
);

interface AlertGroup {
  alerts: Record<string, unknown>[];
  [key: string]: unknown;
}

const fixture = JSON.parse(readFileSync(FIXTURE, "utf8")) as AlertGroup;

/** Services the alerts spread over, so that correlation opens and joins incidents. */
const SERVICE_COUNT = 20;

/**
 * Returns one Alertmanager group body with `count` alerts. `batch` makes the
 * fingerprints unique across bodies.
 */
export function alertGroupBody(batch: string, count: number): Uint8Array {
  const template = fixture.alerts[0]!;
  const labels = template.labels as Record<string, string>;
  const alerts = Array.from({ length: count }, (_, index) => {
    const service = `service-${index % SERVICE_COUNT}`;
    return {
      ...template,
      labels: {
        ...labels,
        service,
        pod: `${service}-${batch}-${index}`,
      },
      fingerprint: fingerprintOf(`${batch}/${index}`),
    };
  });
  return Buffer.from(JSON.stringify({ ...fixture, alerts }));
}

/** Returns the number of alerts whose body is about `bytes` long. */
export function alertsForBytes(bytes: number): number {
  const one = alertGroupBody("size", 1).byteLength;
  const two = alertGroupBody("size", 2).byteLength;
  return Math.ceil((bytes - one) / (two - one)) + 1;
}

/** 16 hexadecimal digits, like Alertmanager's fingerprints. */
function fingerprintOf(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

/**
 * Returns the body's rows as COPY text lines for grafana_alerts, and the
 * column list, parsed and normalised by the ingest parser as ingest stores them.
 */
export function copyRows(
  orgId: string,
  body: Uint8Array,
): { columns: string[]; lines: string[] } {
  const { alerts } = parseAlerts("alertmanager", body, "bench");
  const rows = alerts.map(alertRow);
  const columns = ["org_id", ...Object.keys(rows[0]!)];
  const lines = rows.map((row) =>
    [orgId, ...Object.values(row)].map(copyField).join("\t"),
  );
  return { columns, lines };
}
