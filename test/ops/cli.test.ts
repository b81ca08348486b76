import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { projectRoot } from "../../src/config/project.ts";

/** Runs the CLI; only for command lines that fail or finish before any database is needed. */
function cli(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [path.join(projectRoot, "bin", "aurora-db.js"), ...args],
    { encoding: "utf8", cwd: projectRoot },
  );
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

test("retention rejects a malformed duration", () => {
  const result = cli("retention", "--older-than", "3x", "--dry-run");
  assert.is(result.status, 1);
  assert.is(result.stdout, "");
  assert.is(
    result.stderr,
    'aurora-db retention: --older-than is "3x", but it must be a whole number above 0 ' +
      "followed by s, m, h, d or w (seconds, minutes, hours, days, weeks), such as 30d or 12h.\n",
  );
});

test("backup without a file prints its usage", () => {
  const result = cli("backup");
  assert.is(result.status, 2);
  assert.match(result.stderr, /Expected one backup file, got 0\./);
  assert.match(result.stderr, /Usage: aurora-db backup <file>/);
});

test("lint prints JSON with --json", () => {
  const result = cli("lint", "--json");
  assert.is(result.status, 0, result.stderr);
  const report = JSON.parse(result.stdout) as { violations: unknown[] };
  assert.equal(report.violations, []);
});

test.run();
