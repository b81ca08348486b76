import path from "node:path";
import { projectRoot } from "../../src/config/project.ts";

export { projectRoot };

/** Public Kubernetes objects kept beside the project; absent on some machines. */
export const kubernetesSamplesDir = path.resolve(
  projectRoot,
  "..",
  "shared",
  "samples",
  "kubernetes",
);

export const fixturesDir = path.join(projectRoot, "test", "fixtures", "k8s");
