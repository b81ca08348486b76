/**
 * The demo's inputs: the project's own webhook fixtures
 * (test/fixtures/alerts/<source>/) and the Kubernetes snapshot of the
 * demo-prod cluster (test/fixtures/k8s/demo-prod-*.json).
 */

import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../config/project.ts";
import {
  INGEST_SOURCES,
  parseAlerts,
  type IngestSource,
} from "../ingest/index.ts";

export const ALERT_FIXTURES_DIR = path.join(
  projectRoot,
  "test",
  "fixtures",
  "alerts",
);

export const K8S_FIXTURES_DIR = path.join(
  projectRoot,
  "test",
  "fixtures",
  "k8s",
);

/** Name of the cluster the Kubernetes fixtures describe. */
export const DEMO_CLUSTER = "demo-prod";

export interface DemoBody {
  source: IngestSource;
  /** `<source>/<file>`. */
  name: string;
  bytes: Buffer;
  /** Latest start or end of the body's alerts; null when they carry no time. */
  at: string | null;
}

/**
 * Returns every alert fixture in the order the events happened, so that a
 * firing notification is stored before its resolution, as a webhook
 * receiver would see them. Bodies without any time come last.
 */
export function demoAlertBodies(root = ALERT_FIXTURES_DIR): DemoBody[] {
  const bodies: DemoBody[] = [];
  for (const source of INGEST_SOURCES) {
    const folder = path.join(root, source);
    if (!fs.existsSync(folder)) continue;
    for (const file of fs.readdirSync(folder).sort()) {
      if (!file.endsWith(".json")) continue;
      const name = `${source}/${file}`;
      const bytes = fs.readFileSync(path.join(folder, file));
      bodies.push({ source, name, bytes, at: latestTime(source, bytes, name) });
    }
  }
  return bodies.sort(byTimeThenName);
}

function latestTime(
  source: IngestSource,
  bytes: Buffer,
  name: string,
): string | null {
  const times = parseAlerts(source, bytes, name)
    .alerts.flatMap((alert) => [alert.startsAt, alert.endsAt])
    .filter((time): time is string => time !== null)
    .map((time) => new Date(time).toISOString())
    .sort();
  return times.at(-1) ?? null;
}

function byTimeThenName(left: DemoBody, right: DemoBody): number {
  if (left.at !== right.at) {
    if (left.at === null) return 1;
    if (right.at === null) return -1;
    return left.at < right.at ? -1 : 1;
  }
  return left.name.localeCompare(right.name);
}

/** Returns the demo cluster's `kubectl get … -o json` files. */
export function demoKubernetesInputs(
  root = K8S_FIXTURES_DIR,
): Array<{ name: string; bytes: Buffer }> {
  return fs
    .readdirSync(root)
    .filter(
      (file) => file.startsWith(`${DEMO_CLUSTER}-`) && file.endsWith(".json"),
    )
    .sort()
    .map((file) => ({
      name: file,
      bytes: fs.readFileSync(path.join(root, file)),
    }));
}
