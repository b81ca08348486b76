import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { backupDatabase } from "../../src/ops/backup.ts";
import { manifestPath } from "../../src/ops/backup-manifest.ts";
import { userTables } from "../../src/ops/checksum.ts";
import { restoreDatabase } from "../../src/ops/restore.ts";
import { dropDatabase } from "../../src/ops/scratch.ts";
import type { TestDatabase } from "../helpers/database.ts";
import { createTestDatabase, rejection } from "../helpers/database.ts";
import { seedTwoOrgs } from "../helpers/seed.ts";
import { pgDumpProblem, removeDir, skipNote, tableDigests } from "./helpers.ts";

let database: TestDatabase;
let folder: string;
let skipReason: string | undefined;
const restored: string[] = [];

test.before(async () => {
  database = await createTestDatabase();
  skipReason = await pgDumpProblem(database.settings);
  await seedTwoOrgs(database);
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "aurora-backup-"));
});

test.after(async () => {
  for (const name of restored) await dropDatabase(database.settings, name);
  await database.drop();
  await removeDir(folder);
});

function restoreTarget(): string {
  const name = `aurora_test_restore_${randomBytes(4).toString("hex")}`;
  restored.push(name);
  return name;
}

async function exists(file: string): Promise<boolean> {
  return Boolean(await fs.stat(file).catch(() => undefined));
}

test("backup restores with identical rows", async () => {
  if (skipReason) return skipNote("backup restores", skipReason);
  const file = path.join(folder, "full.dump");
  const progress: string[] = [];
  const backup = await backupDatabase(database.settings, file, {
    onProgress: (event) => progress.push(`${event.index}/${event.total}`),
  });
  assert.ok(backup.rows > 0);
  assert.ok(progress.length > 0);
  assert.ok(await exists(manifestPath(file)));
  assert.not.ok(await exists(`${file}.partial`));

  const target = restoreTarget();
  const result = await restoreDatabase(database.settings, file, {
    database: target,
  });
  assert.is(result.created, true);
  assert.equal(result.mismatches, []);

  const tables = await userTables(database.root);
  const publicTables = tables.filter((table) => table.startsWith("public."));
  const rootUrl = database.settings.rootUrl!;
  const before = await tableDigests(rootUrl, database.name, publicTables);
  const after = await tableDigests(rootUrl, target, publicTables);
  assert.equal(after, before);
  assert.ok(Object.values(before).some((digest) => !digest.startsWith("0:")));
});

test("interrupted backup leaves nothing to restore", async () => {
  if (skipReason) return skipNote("interrupted backup", skipReason);
  const file = path.join(folder, "interrupted.dump");
  const controller = new AbortController();
  const error = await rejection(
    backupDatabase(database.settings, file, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    }),
  );
  assert.match(error.message, /abort/i);
  assert.not.ok(await exists(file));
  assert.not.ok(await exists(`${file}.partial`));
  assert.not.ok(await exists(manifestPath(file)));
  const restore = await rejection(
    restoreDatabase(database.settings, file, { database: restoreTarget() }),
  );
  assert.match(restore.message, /does not exist/);
});

test("restore rejects a dump without manifest", async () => {
  if (skipReason) return skipNote("dump without manifest", skipReason);
  const file = path.join(folder, "complete.dump");
  await backupDatabase(database.settings, file);
  const orphan = path.join(folder, "orphan.dump");
  await fs.copyFile(file, orphan);
  const error = await rejection(
    restoreDatabase(database.settings, orphan, { database: restoreTarget() }),
  );
  assert.match(error.message, /has no manifest/);
});

test("restore rejects a damaged dump", async () => {
  if (skipReason) return skipNote("damaged dump", skipReason);
  const file = path.join(folder, "complete.dump");
  await fs.appendFile(file, "x");
  const error = await rejection(
    restoreDatabase(database.settings, file, { database: restoreTarget() }),
  );
  assert.match(error.message, /does not match its manifest/);
});

test("restore rejects a non-empty database", async () => {
  if (skipReason) return skipNote("non-empty database", skipReason);
  const file = path.join(folder, "full.dump");
  const error = await rejection(restoreDatabase(database.settings, file));
  assert.match(
    error.message,
    /already has \d+ tables in schema public: restore only into an empty database/,
  );
});

test("backup refuses to overwrite a backup", async () => {
  if (skipReason) return skipNote("overwrite", skipReason);
  const error = await rejection(
    backupDatabase(database.settings, path.join(folder, "full.dump")),
  );
  assert.match(error.message, /already exists/);
});

test.run();
