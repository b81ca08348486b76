import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import type { WriteStream } from "node:fs";
import fs from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import readline from "node:readline";
import type pg from "pg";
import Cursor from "pg-cursor";
import { InputError, NotFoundError } from "../errors.ts";
import { PRIVATE_FILE_MODE, requireInputPath } from "./paths.ts";

/**
 * The files of a tenant export: one NDJSON file per table (one JSON object
 * per row, as row_to_json prints it) and `manifest.json`, which names the
 * schema version, each file's row count and its sha256.
 */

export const EXPORT_FORMAT = "aurora-db export";
export const USERS_FILE = "users.ndjson";

export interface ExportedFile {
  /** Table name in schema public, or `users`. */
  table: string;
  file: string;
  /** Columns in each row object, in table order. */
  columns: string[];
  rows: number;
  sha256: string;
}

export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  organization: { id: string; slug: string };
  /** The last committed migration the source database recorded. */
  schema: { migration: string; hash: string };
  /** Files in the order import loads them, parents first; users.ndjson last. */
  files: ExportedFile[];
}

/** Rows fetched per cursor read; bounds memory whatever the table's size. */
const CURSOR_BATCH = 1000;

/** An NDJSON file being written, with its running row count and sha256. */
export class NdjsonWriter {
  readonly file: string;
  rows = 0;
  private readonly hash = createHash("sha256");
  private readonly stream: WriteStream;

  constructor(file: string) {
    this.file = file;
    this.stream = createWriteStream(file, {
      flags: "wx",
      mode: PRIVATE_FILE_MODE,
    });
  }

  /** Streams the `line` column of `sql` into the file through a cursor. */
  async writeQuery(
    client: pg.ClientBase,
    sql: string,
    values: unknown[] = [],
  ): Promise<void> {
    const cursor = client.query(new Cursor<{ line: string }>(sql, values));
    try {
      for (;;) {
        const rows = await cursor.read(CURSOR_BATCH);
        if (rows.length === 0) break;
        await this.write(rows.map((row) => `${row.line}\n`).join(""));
        this.rows += rows.length;
      }
    } finally {
      await cursor.close();
    }
  }

  private async write(chunk: string): Promise<void> {
    this.hash.update(chunk);
    if (!this.stream.write(chunk)) await once(this.stream, "drain");
  }

  /** Closes the file and returns its sha256. */
  async close(): Promise<string> {
    this.stream.end();
    await once(this.stream, "finish");
    return this.hash.digest("hex");
  }
}

/** Reads and checks `manifest.json` of an export folder. */
export async function readExportManifest(dir: string): Promise<ExportManifest> {
  await requireInputPath(
    dir,
    "folder",
    "The export folder",
    'name a folder written by "aurora-db export"',
  );
  const file = path.join(dir, "manifest.json");
  const text = await fs.readFile(file, "utf8").catch(() => {
    throw new NotFoundError(
      `${file} does not exist: name a folder written by "aurora-db export".`,
    );
  });
  let manifest: ExportManifest;
  try {
    manifest = JSON.parse(text) as ExportManifest;
  } catch (error) {
    throw new InputError(
      `${file} is not valid JSON: ${(error as Error).message}.`,
      file,
    );
  }
  if (manifest.format !== EXPORT_FORMAT || manifest.version !== 1) {
    throw new InputError(
      `${file} is not an aurora-db export manifest of version 1.`,
      file,
    );
  }
  return manifest;
}

/** Checks every file of an export against the sha256 in its manifest, before anything is written. */
export async function verifyExportFiles(
  dir: string,
  manifest: ExportManifest,
): Promise<void> {
  for (const entry of manifest.files) {
    if (path.basename(entry.file) !== entry.file) {
      throw new InputError(
        `manifest.json names the file "${entry.file}", which is not a plain file name.`,
        entry.file,
      );
    }
    const file = path.join(dir, entry.file);
    const hash = createHash("sha256");
    try {
      for await (const chunk of createReadStream(file)) hash.update(chunk);
    } catch {
      throw new InputError(
        `${file} is missing, but manifest.json lists it.`,
        file,
      );
    }
    const actual = hash.digest("hex");
    if (actual !== entry.sha256) {
      throw new InputError(
        `${file} does not match manifest.json (sha256 ${actual}, expected ${entry.sha256}): ` +
          "the file was changed or damaged after the export; nothing was imported.",
        file,
      );
    }
  }
}

/** Yields the lines of an NDJSON file in batches of at most `size`. */
export async function* readNdjsonBatches(
  file: string,
  size: number,
): AsyncGenerator<string[]> {
  const lines = readline.createInterface({
    input: createReadStream(file, "utf8"),
    crlfDelay: Infinity,
  });
  let batch: string[] = [];
  for await (const line of lines) {
    if (!line) continue;
    batch.push(line);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
