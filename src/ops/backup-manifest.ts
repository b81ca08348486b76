import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.ts";
import type { TableChecksum } from "./checksum.ts";
import { PRIVATE_FILE_MODE, requireInputPath } from "./paths.ts";

/**
 * The sidecar manifest of a backup, `<file>.manifest.json`: the dump's
 * size and sha256, and each table's row count and checksum at the snapshot
 * the dump was taken from. The manifest is written last, so a backup without
 * one is incomplete, and restore rejects it.
 */

export const BACKUP_FORMAT = "aurora-db backup";

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  database: string;
  /** The role pg_dump connected as. */
  role: string;
  server: { version: string; major: number };
  /** The version line of the pg_dump that wrote the dump. */
  pgDump: string;
  pgDumpMajor: number;
  dump: { file: string; bytes: number; sha256: string };
  /** The last committed migration recorded in the database, if it could be read. */
  lastMigration: { file: string; hash: string } | null;
  tables: TableChecksum[];
}

export function manifestPath(file: string): string {
  return `${file}.manifest.json`;
}

/** Returns the hex sha256 of a file, read as a stream. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}

/**
 * Writes `text` to `<file>.partial`, readable by the owner only, then renames
 * it to `file`, so readers never see half a file.
 */
export async function writeFileAtomically(
  file: string,
  text: string,
): Promise<void> {
  const partial = `${file}.partial`;
  await fs.rm(partial, { force: true });
  await fs.writeFile(partial, text, { mode: PRIVATE_FILE_MODE, flag: "wx" });
  await fs.rename(partial, file);
}

function parseManifest(text: string, file: string): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(text) as BackupManifest;
  } catch (error) {
    throw new InputError(
      `${file} is not valid JSON (${(error as Error).message}): the manifest is damaged; take a new backup.`,
      file,
    );
  }
  if (manifest.format !== BACKUP_FORMAT || manifest.version !== 1) {
    throw new InputError(
      `${file} is not an aurora-db backup manifest of version 1 (format "${manifest.format}", version ${manifest.version}).`,
      file,
    );
  }
  if (!Array.isArray(manifest.tables) || !manifest.dump?.sha256) {
    throw new InputError(
      `${file} lacks the tables or the dump checksum: the manifest is damaged; take a new backup.`,
      file,
    );
  }
  return manifest;
}

/**
 * Reads the manifest beside `file` and checks the dump against its size and
 * sha256. Throws an InputError when the dump or the manifest is missing, or
 * when they do not match.
 */
export async function readVerifiedManifest(
  file: string,
): Promise<BackupManifest> {
  await requireInputPath(
    file,
    "file",
    "The backup file",
    'name a file written by "aurora-db backup"',
  );
  const stat = await fs.stat(file);
  const sidecar = manifestPath(file);
  const text = await fs.readFile(sidecar, "utf8").catch(() => undefined);
  if (text === undefined) {
    throw new InputError(
      `${file} has no manifest (${path.basename(sidecar)}), so the backup is incomplete ` +
        "or was not written by aurora-db backup: restore another backup.",
      file,
    );
  }
  const manifest = parseManifest(text, sidecar);
  const actual = await sha256File(file);
  if (stat.size !== manifest.dump.bytes || actual !== manifest.dump.sha256) {
    throw new InputError(
      `${file} does not match its manifest (sha256 ${actual}, ${stat.size} bytes; ` +
        `expected ${manifest.dump.sha256}, ${manifest.dump.bytes} bytes): the file is damaged or incomplete.`,
      file,
    );
  }
  return manifest;
}
