/** Paths and loaders shared by the ingest tests. */

import fs from "node:fs";
import path from "node:path";
import * as assert from "uvu/assert";
import { projectRoot } from "../../src/config/project.ts";
import { parseAlerts } from "../../src/ingest/index.ts";
import type { IngestSource, NormalizedAlert } from "../../src/ingest/index.ts";

export { projectRoot };

/** Public sample payloads kept beside the project, not inside it. */
export const samplesDir = path.resolve(projectRoot, "..", "shared", "samples");

export const fixturesDir = path.join(projectRoot, "test", "fixtures", "alerts");

/** Parses a file as `source`, naming it by its path below `root`. */
export function parseFile(
  source: IngestSource,
  root: string,
  relativePath: string,
): NormalizedAlert[] {
  const bytes = fs.readFileSync(path.join(root, relativePath));
  return parseAlerts(source, bytes, relativePath).alerts;
}

/** Lists `<folder>/<file>.json` below `root`, skipping `skipFolders`. */
export function listJsonFiles(
  root: string,
  skipFolders: string[] = [],
): string[] {
  const files: string[] = [];
  for (const folder of fs.readdirSync(root).sort()) {
    const folderPath = path.join(root, folder);
    if (
      skipFolders.includes(folder) ||
      !fs.statSync(folderPath).isDirectory()
    ) {
      continue;
    }
    for (const file of fs.readdirSync(folderPath).sort()) {
      if (file.endsWith(".json")) files.push(`${folder}/${file}`);
    }
  }
  return files;
}

/** The fields that the sample and fixture tables check exactly. */
export interface ExpectedAlert {
  title: string;
  state: "firing" | "resolved";
  sourceState: string;
  severity: NormalizedAlert["severity"];
  service: string | null;
  environment: string | null;
  startsAt: string | null;
  endsAt: string | null;
}

export function pickExpected(alert: NormalizedAlert): ExpectedAlert {
  return {
    title: alert.title,
    state: alert.state,
    sourceState: alert.sourceState,
    severity: alert.severity,
    service: alert.service,
    environment: alert.environment,
    startsAt: alert.startsAt,
    endsAt: alert.endsAt,
  };
}

/** Runs `run` and returns the error it throws, which must be an `errorClass`. */
export function thrownBy<T extends Error>(
  run: () => unknown,
  errorClass: new (...args: never[]) => T,
): T {
  try {
    run();
  } catch (error) {
    assert.instance(error, errorClass);
    return error as T;
  }
  assert.unreachable(`expected a ${errorClass.name}`);
  throw new Error("unreachable");
}
