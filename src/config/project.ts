import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The folder that contains aurora-db's package.json. */
export const projectRoot = findProjectRoot(
  path.dirname(fileURLToPath(import.meta.url)),
);

function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`No package.json found above ${start}.`);
    }
    dir = parent;
  }
  return dir;
}

/**
 * Returns the state folder: the embedded server's data, its port and its
 * generated passwords. It is ignored by git; `AURORA_STATE_DIR` moves it.
 */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.AURORA_STATE_DIR;
  return configured
    ? path.resolve(configured)
    : path.join(projectRoot, ".aurora");
}

export const migrationsFolder = path.join(projectRoot, "migrations");
