import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { backupDatabase } from "../../src/ops/backup.ts";
import { withConnection } from "../../src/config/settings.ts";
import { userTables } from "../../src/ops/checksum.ts";
import { manifestPath, sha256File } from "../../src/ops/backup-manifest.ts";
import { restoreDatabase } from "../../src/ops/restore.ts";
import { databaseExists, dropDatabase } from "../../src/ops/scratch.ts";
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
    new RegExp(
      `Database ${database.name} is not empty \\(it contains \\d+ objects, such as [^)]+\\): ` +
        "restore only into an empty database",
    ),
  );
});

test("restore rejects a database without tables", async () => {
  if (skipReason) return skipNote("database without tables", skipReason);
  const target = restoreTarget();
  await database.root.query(`create database ${target}`);
  const client = new pg.Client({
    connectionString: withConnection(database.settings.rootUrl!, {
      database: target,
    }),
  });
  await client.connect();
  try {
    await client.query(
      "create schema other; create function other.f() returns int language sql as 'select 1'",
    );
  } finally {
    await client.end();
  }
  const file = path.join(folder, "full.dump");
  const error = await rejection(
    restoreDatabase(database.settings, file, { database: target }),
  );
  assert.match(
    error.message,
    /is not empty \(it contains 2 objects, such as function other\.f\)/,
  );
});

test("restore rejects system and template databases", async () => {
  if (skipReason) return skipNote("system databases", skipReason);
  const file = path.join(folder, "full.dump");
  const template = restoreTarget();
  await database.root.query(`create database ${template} is_template true`);
  for (const name of ["postgres", "template0", "template1", template]) {
    for (const force of [false, true]) {
      const error = await rejection(
        restoreDatabase(database.settings, file, { database: name, force }),
      );
      assert.is(
        error.message,
        `Database ${name} is a PostgreSQL system or template database, so aurora-db restore does not ` +
          "write into it: name another database with --database, such as aurora_restored.",
      );
    }
  }
  const { rows } = await database.root.query<{ count: number }>(
    "select count(*)::int as count from pg_database where datname = 'template1'",
  );
  assert.is(rows[0]!.count, 1);
  await database.root.query(`alter database ${template} is_template false`);
});

test("failed pg_restore drops the database it created", async () => {
  if (skipReason) return skipNote("failed pg_restore", skipReason);
  const good = JSON.parse(
    await fs.readFile(manifestPath(path.join(folder, "full.dump")), "utf8"),
  ) as Record<string, unknown>;
  const file = path.join(folder, "garbage.dump");
  await fs.writeFile(file, "PGDMP but not really an archive\n");
  const bytes = (await fs.stat(file)).size;
  await fs.writeFile(
    manifestPath(file),
    JSON.stringify({
      ...good,
      dump: { file: "garbage.dump", bytes, sha256: await sha256File(file) },
    }),
  );
  const target = restoreTarget();
  const error = await rejection(
    restoreDatabase(database.settings, file, { database: target }),
  );
  assert.match(error.message, /pg_restore failed/);
  assert.is(await databaseExists(database.settings, target), false);
});

test("backup files are owner-only", async () => {
  if (skipReason) return skipNote("owner-only files", skipReason);
  const file = path.join(folder, "modes.dump");
  const stopped = path.join(folder, "stopped.dump");
  const controller = new AbortController();
  let partialMode: number | undefined;
  await rejection(
    backupDatabase(database.settings, stopped, {
      signal: controller.signal,
      onProgress: () => {
        partialMode ??= statSync(`${stopped}.partial`).mode & 0o777;
        controller.abort();
      },
    }),
  );
  assert.is(partialMode?.toString(8), "600", `${stopped}.partial`);
  await backupDatabase(database.settings, file);
  for (const written of [file, manifestPath(file)]) {
    const mode = (await fs.stat(written)).mode & 0o777;
    assert.is(mode.toString(8), "600", written);
  }
});

test("backup refuses to overwrite a backup", async () => {
  if (skipReason) return skipNote("overwrite", skipReason);
  const error = await rejection(
    backupDatabase(database.settings, path.join(folder, "full.dump")),
  );
  assert.match(error.message, /already exists/);
});

test.run();
