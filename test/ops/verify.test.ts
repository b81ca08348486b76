import fs from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeProjectSchema } from "../../src/ops/schema-dump.ts";
import type { VerifyReport } from "../../src/ops/verify.ts";
import { verify } from "../../src/ops/verify.ts";
import { serverSettings } from "../helpers/database.ts";
import {
  copyProject,
  pgDumpProblem,
  removeDir,
  skipNote,
  writeProjectFile,
} from "./helpers.ts";

const settings = serverSettings();
const copies: string[] = [];

async function project(): Promise<string> {
  const dir = await copyProject();
  copies.push(dir);
  return dir;
}

function result(report: VerifyReport, id: string) {
  const found = report.checks.find((check) => check.id === id);
  assert.ok(found, `no result for ${id}`);
  return found!;
}

function assertFails(report: VerifyReport, id: string, pattern: RegExp) {
  const check = result(report, id);
  assert.is(check.status, "fail", `${id} passed, but it should fail`);
  assert.match(check.detail ?? "", pattern);
  assert.is(report.ok, false);
}

test.after(async () => {
  for (const dir of copies) await removeDir(dir);
});

test("verify passes on the repository", async () => {
  const report = await verify(settings);
  for (const check of report.checks) {
    assert.not.equal(check.status, "fail", `${check.label}: ${check.detail}`);
  }
  assert.is(report.ok, true);
  assert.is(report.checks.length, 8);
});

test("verify rejects an edited committed migration", async () => {
  const dir = await project();
  const file = path.join(dir, "migrations/committed/000005-chat.sql");
  const text = await fs.readFile(file, "utf8");
  await fs.writeFile(file, text.replace("rows appended", "rows added"));
  const report = await verify(settings, {
    projectDir: dir,
    checks: ["committed-unedited", "migrate-from-zero", "audit"],
  });
  assertFails(
    report,
    "committed-unedited",
    /migrations\/committed\/000005-chat\.sql was edited after it was committed/,
  );
  assertFails(
    report,
    "migrate-from-zero",
    /000005-chat\.sql was edited after it was committed/,
  );
  assert.is(result(report, "audit").status, "skip");
});

test("verify rejects a working migration that fails twice", async () => {
  const dir = await project();
  await writeProjectFile(
    dir,
    "migrations/current/1-probe.sql",
    "create table verify_probe (id int);\n",
  );
  const report = await verify(settings, {
    projectDir: dir,
    checks: ["working-migration"],
  });
  assertFails(
    report,
    "working-migration",
    /the 2nd run failed: relation "verify_probe" already exists/,
  );
});

test("verify rejects a working migration adding rows", async () => {
  const dir = await project();
  await writeProjectFile(
    dir,
    "migrations/current/1-probe.sql",
    "create table if not exists verify_probe (id int);\n" +
      "insert into verify_probe values (1);\n",
  );
  const report = await verify(settings, {
    projectDir: dir,
    checks: ["working-migration"],
  });
  assertFails(
    report,
    "working-migration",
    /the 2nd run changed the database: "rows public\.verify_probe count 1 .*" became "rows public\.verify_probe count 2/,
  );
});

test("verify rejects an unnamed index created each run", async () => {
  const dir = await project();
  await writeProjectFile(
    dir,
    "migrations/current/1-probe.sql",
    "create index on organizations (name);\n",
  );
  const report = await verify(settings, {
    projectDir: dir,
    checks: ["working-migration"],
  });
  assertFails(
    report,
    "working-migration",
    /the 2nd run changed the database: added "index public\.organizations_name_idx1/,
  );
});

test("verify accepts an idempotent working migration", async () => {
  const dir = await project();
  await writeProjectFile(
    dir,
    "migrations/current/1-probe.sql",
    "alter table organizations add column if not exists note text;\n" +
      "create index if not exists organizations_note_idx on organizations (note);\n",
  );
  const report = await verify(settings, {
    projectDir: dir,
    checks: ["working-migration", "reset-replay"],
  });
  assert.is(result(report, "working-migration").status, "ok");
  assert.is(result(report, "reset-replay").status, "ok");
});

test("verify rejects stale and orphaned generated files", async () => {
  const dir = await project();
  await writeProjectFile(
    dir,
    "queries/probe.sql",
    "/* @name FindOrganization */\nselect id, slug from organizations where id = :id;\n",
  );
  await writeProjectFile(
    dir,
    "generated/probe.queries.ts",
    "// written before the query changed\nexport {};\n",
  );
  await writeProjectFile(dir, "generated/gone.queries.ts", "export {};\n");
  const report = await verify(settings, {
    projectDir: dir,
    checks: ["codegen"],
  });
  assertFails(
    report,
    "codegen",
    /generated\/gone\.queries\.ts has no query file left: run npm run codegen/,
  );
  assertFails(
    report,
    "codegen",
    /generated\/probe\.queries\.ts is stale: run npm run codegen/,
  );
});

test("verify rejects an out-of-date schema dump", async () => {
  const problem = await pgDumpProblem(settings);
  if (problem) return skipNote("schema dump out of date", problem);
  const dir = await project();
  const written = await writeProjectSchema(settings, dir);
  assert.is(written.changed, true);
  await writeProjectFile(
    dir,
    "migrations/current/1-probe.sql",
    "create table if not exists verify_probe (id int);\n",
  );
  const stale = await verify(settings, {
    projectDir: dir,
    checks: ["schema-dump"],
  });
  assertFails(
    stale,
    "schema-dump",
    /generated\/schema\.sql is out of date at line \d+ .*verify_probe.*: run "aurora-db schema dump"/,
  );
  const rewritten = await writeProjectSchema(settings, dir);
  assert.is(rewritten.changed, true);
  const again = await verify(settings, {
    projectDir: dir,
    checks: ["schema-dump"],
  });
  assert.is(result(again, "schema-dump").status, "ok");
});

test("verify rejects an unknown check name", async () => {
  try {
    await verify(settings, { checks: ["everything"] });
    assert.unreachable("verify accepted an unknown check");
  } catch (error) {
    assert.match(
      (error as Error).message,
      /--check "everything" is not a check of aurora-db verify: use one of committed-unedited/,
    );
  }
});

test.run();
