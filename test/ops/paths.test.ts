import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { backupDatabase } from "../../src/ops/backup.ts";
import { exportOrganization } from "../../src/ops/export.ts";
import { importOrganization } from "../../src/ops/import.ts";
import { requireOutputPath } from "../../src/ops/paths.ts";
import { restoreDatabase } from "../../src/ops/restore.ts";
import { verify } from "../../src/ops/verify.ts";
import { projectRoot } from "../../src/config/project.ts";
import { InputError } from "../../src/errors.ts";
import { rejection, serverSettings } from "../helpers/database.ts";
import { removeDir } from "./helpers.ts";

const pathsModule = new URL("../../src/ops/paths.ts", import.meta.url).href;

// Every path below is checked before any database is touched, so the
// server's settings suffice and no test database is needed.
const settings = serverSettings();
let folder: string;
let file: string;

test.before(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "aurora-paths-"));
  file = path.join(folder, "plain.txt");
  await fs.writeFile(file, "not a backup\n");
});

test.after(async () => {
  await removeDir(folder);
});

/** Asserts one InputError whose message is one sentence naming `target`. */
function assertOneSentence(error: Error, target: string, pattern: RegExp) {
  assert.instance(error, InputError);
  assert.ok(error.message.includes(target), error.message);
  assert.match(error.message, pattern);
  assert.not.match(error.message, /ENOENT|ENOTDIR|EACCES|scandir/);
  assert.is(error.message.split(". ").length, 1, error.message);
}

test("restore of a folder names it", async () => {
  const error = await rejection(restoreDatabase(settings, folder));
  assertOneSentence(error, folder, /is a folder, not a file: name a file/);
});

test("restore of a missing file", async () => {
  const missing = path.join(folder, "missing.dump");
  const error = await rejection(restoreDatabase(settings, missing));
  assertOneSentence(error, missing, /does not exist: name a file written/);
});

test("import of a file names it", async () => {
  const error = await rejection(importOrganization(settings, file));
  assertOneSentence(error, file, /is a file, not a folder: name a folder/);
});

test("import of a missing folder", async () => {
  const missing = path.join(folder, "nowhere");
  const error = await rejection(importOrganization(settings, missing));
  assertOneSentence(error, missing, /does not exist: name a folder written/);
});

test("verify of a missing project", async () => {
  const missing = path.join(folder, "no-project");
  const error = await rejection(verify(settings, { projectDir: missing }));
  assertOneSentence(error, missing, /The project folder .* does not exist/);
});

test("verify of a file as project", async () => {
  const error = await rejection(verify(settings, { projectDir: file }));
  assertOneSentence(error, file, /is a file, not a folder/);
});

test("verify of a folder without migrations", async () => {
  const error = await rejection(verify(settings, { projectDir: folder }));
  assertOneSentence(
    error,
    path.join(folder, "migrations"),
    /The migrations folder .* does not exist: name an aurora-db project folder/,
  );
});

test("export into a file names it", async () => {
  const error = await rejection(exportOrganization(settings, "demo", file));
  assertOneSentence(error, file, /is a file, but this command writes a folder/);
});

test("export under a file names the file", async () => {
  const target = path.join(file, "x");
  const error = await rejection(exportOrganization(settings, "demo", target));
  assertOneSentence(error, target, /plain\.txt is a file, not a folder/);
});

test("export under /proc/nope returns at once", async () => {
  const target = "/proc/nope/x";
  const started = Date.now();
  const error = await rejection(exportOrganization(settings, "demo", target));
  assertOneSentence(error, target, /The folder \/proc\/nope does not exist/);
  assert.ok(Date.now() - started < 5000, "took more than 5 s");
});

test("export under a missing folder", async () => {
  const target = path.join(folder, "a", "b");
  const error = await rejection(exportOrganization(settings, "demo", target));
  assertOneSentence(error, target, /create that folder first/);
  assert.not.ok(await fs.stat(path.join(folder, "a")).catch(() => undefined));
});

test("backup into a folder names it", async () => {
  const error = await rejection(backupDatabase(settings, folder));
  assertOneSentence(
    error,
    folder,
    /is a folder, but this command writes a file/,
  );
});

test("backup under a missing folder", async () => {
  const target = path.join(folder, "missing", "full.dump");
  const error = await rejection(backupDatabase(settings, target));
  assertOneSentence(error, target, /does not exist, so the backup/);
});

test("output under a read-only folder", async () => {
  const locked = path.join(folder, "locked");
  await fs.mkdir(locked);
  await fs.chmod(locked, 0o555);
  const target = path.join(locked, "x");
  if (process.getuid?.() !== 0) {
    const error = await rejection(requireOutputPath(target, "folder", "the x"));
    return assertOneSentence(error, target, /is not writable by this user/);
  }
  // Root may write into any folder, so the check runs as the user nobody.
  await fs.chmod(folder, 0o755);
  const script =
    `import(${JSON.stringify(pathsModule)}).then((paths) => paths.requireOutputPath(` +
    `${JSON.stringify(target)}, "folder", "the x")).then(() => console.log("created"), ` +
    "(error) => console.log(error.message))";
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    { encoding: "utf8", uid: 65534, gid: 65534, cwd: projectRoot },
  );
  assert.is(child.status, 0, child.stderr);
  assert.is(
    child.stdout.trim(),
    `The folder ${locked} is not writable by this user, so the x ${target} cannot be created: ` +
      "name a path in a folder you can write to.",
  );
});

test.run();
