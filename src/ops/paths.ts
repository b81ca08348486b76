import { constants } from "node:fs";
import type { Stats } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.ts";

/**
 * Checks of the files and folders that the operational commands read and
 * write, made before any of them is opened. A wrong path then fails with one
 * sentence naming it and the fix, instead of a raw ENOENT or ENOTDIR.
 */

/** The kind of path a command reads or writes. */
export type PathKind = "file" | "folder";

/** Owner-only modes of backups, exports and their manifests, which contain tenant data. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

async function statOrUndefined(file: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}

function kindOf(stat: Stats): PathKind | "special file" {
  if (stat.isDirectory()) return "folder";
  if (stat.isFile()) return "file";
  return "special file";
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function isAccessible(file: string, mode: number): Promise<boolean> {
  try {
    await fs.access(file, mode);
    return true;
  } catch {
    return false;
  }
}

/**
 * Throws an InputError unless `target` exists, is a `kind` and is readable.
 * `label` names the path in the message, such as "The backup file", and
 * `fix` is the advice that ends it.
 */
export async function requireInputPath(
  target: string,
  kind: PathKind,
  label: string,
  fix: string,
): Promise<void> {
  const stat = await statOrUndefined(target);
  if (!stat) {
    throw new InputError(`${label} ${target} does not exist: ${fix}.`, target);
  }
  const found = kindOf(stat);
  if (found !== kind) {
    throw new InputError(
      `${label} ${target} is a ${found}, not a ${kind}: ${fix}.`,
      target,
    );
  }
  const mode =
    kind === "folder" ? constants.R_OK | constants.X_OK : constants.R_OK;
  if (!(await isAccessible(target, mode))) {
    throw new InputError(
      `${label} ${target} is not readable by this user: change its permissions, or ${fix}.`,
      target,
    );
  }
}

/**
 * Throws an InputError unless a `kind` named `target` can be created: its
 * parent must be an existing, writable folder, and `target` itself must not
 * be a path of the other kind. It creates nothing, and callers create only
 * `target` (never missing parents), because Node 20's recursive mkdir does
 * not return on some paths under /proc.
 */
export async function requireOutputPath(
  target: string,
  kind: PathKind,
  label: string,
): Promise<void> {
  const parent = path.dirname(target);
  const parentStat = await statOrUndefined(parent);
  if (!parentStat) {
    throw new InputError(
      `The folder ${parent} does not exist, so ${label} ${target} cannot be created: ` +
        `create that folder first, or name a path in an existing folder.`,
      target,
    );
  }
  if (!parentStat.isDirectory()) {
    throw new InputError(
      `${parent} is a ${kindOf(parentStat)}, not a folder, so ${label} ${target} cannot be created in it: ` +
        "name a path inside a folder.",
      target,
    );
  }
  if (!(await isAccessible(parent, constants.W_OK | constants.X_OK))) {
    throw new InputError(
      `The folder ${parent} is not writable by this user, so ${label} ${target} cannot be created: ` +
        "name a path in a folder you can write to.",
      target,
    );
  }
  const stat = await statOrUndefined(target);
  if (stat && kindOf(stat) !== kind) {
    const example =
      kind === "file"
        ? `a new file, such as ${path.join(target, "aurora.dump")}`
        : "a new or empty folder";
    throw new InputError(
      `${capitalize(label)} ${target} is a ${kindOf(stat)}, but this command writes a ${kind}: name ${example}.`,
      target,
    );
  }
}
