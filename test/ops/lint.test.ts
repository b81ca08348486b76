import { test } from "uvu";
import * as assert from "uvu/assert";
import { lintMigrations } from "../../src/ops/lint.ts";
import { serverSettings } from "../helpers/database.ts";
import { copyProject, removeDir, writeProjectFile } from "./helpers.ts";

const roles = serverSettings().roles;
const copies: string[] = [];

async function project(): Promise<string> {
  const dir = await copyProject();
  copies.push(dir);
  return dir;
}

test.after(async () => {
  for (const dir of copies) await removeDir(dir);
});

test("lint passes on the repository", async () => {
  const report = await lintMigrations(roles);
  assert.equal(report.violations, []);
  assert.ok(
    report.files.includes("migrations/committed/000001-foundation.sql"),
  );
});

test("lint reports a rule with file and line", async () => {
  const dir = await project();
  await writeProjectFile(
    dir,
    "migrations/current/1-probe.sql",
    "-- Adds a note.\nalter table organizations add column note varchar(40);\n",
  );
  const report = await lintMigrations(roles, { projectDir: dir });
  assert.is(report.violations.length, 1);
  const violation = report.violations[0]!;
  assert.is(violation.file, "migrations/current/1-probe.sql");
  assert.is(violation.line, 2);
  assert.is(violation.rule, "prefer-text-field");
});

test("lint replaces role placeholders first", async () => {
  const dir = await project();
  await writeProjectFile(
    dir,
    "migrations/current.sql",
    "grant select on organizations to :AURORA_APP, :AURORA_MAINTENANCE;\n",
  );
  await removeDir(`${dir}/migrations/current`);
  const report = await lintMigrations(roles, { projectDir: dir });
  assert.equal(report.violations, []);
  assert.ok(report.files.includes("migrations/current.sql"));
});

test("lint drops the transaction assumption on request", async () => {
  const dir = await project();
  await writeProjectFile(
    dir,
    "migrations/current.sql",
    "--! no-transaction\ncreate index if not exists organizations_name_idx on organizations (name);\n",
  );
  await removeDir(`${dir}/migrations/current`);
  const report = await lintMigrations(roles, { projectDir: dir });
  assert.equal(
    report.violations.map((violation) => violation.rule),
    ["require-concurrent-index-creation"],
  );
});

test.run();
