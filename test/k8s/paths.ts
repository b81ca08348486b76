import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Returns the nearest folder above `start` that contains package.json. */
function findProjectRoot(start: string): string {
  let folder = start;
  while (!existsSync(path.join(folder, "package.json"))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${start}`);
    folder = parent;
  }
  return folder;
}

export const projectRoot = findProjectRoot(
  path.dirname(fileURLToPath(import.meta.url)),
);

/** Public Kubernetes objects kept beside the project; absent on some machines. */
export const kubernetesSamplesDir = path.resolve(
  projectRoot,
  "..",
  "shared",
  "samples",
  "kubernetes",
);

export const fixturesDir = path.join(projectRoot, "test", "fixtures", "k8s");
