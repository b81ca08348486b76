import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { projectRoot } from "../../src/config/project.ts";
import { decodeBody } from "../../src/ingest/body.ts";

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

test("retention rejects malformed and long durations", () => {
  for (const value of ["3x", "10000000000d", "99999999w"]) {
    const result = cli("retention", "--older-than", value, "--dry-run");
    assert.is(result.status, 1, value);
    assert.is(result.stdout, "", value);
    assert.is(
      result.stderr,
      `aurora-db retention: --older-than is "${value}", but it must be <n>s, <n>m, <n>h, <n>d or <n>w ` +
        "(seconds, minutes, hours, days or weeks) with a whole number n above 0, " +
        "at most 100 years (36525d), such as 30d or 12h.\n",
    );
  }
});

test("ingest rejects a bad --max-body-mib", () => {
  for (const value of ["0", "1.5", "1025", "ten"]) {
    const result = cli(
      "ingest",
      "--org",
      "demo",
      "--source",
      "grafana",
      "--max-body-mib",
      value,
      "-",
    );
    assert.is(result.status, 2, value);
    assert.match(
      result.stderr,
      `--max-body-mib is "${value}", but it must be a whole number from 1 to 1024.`,
    );
  }
});

test("oversized body names what to change", () => {
  assert.throws(
    () =>
      decodeBody(Buffer.from('{"a":"xxxxxxxxxx"}'), "big.json", {
        maxBodyBytes: 8,
      }),
    (error: Error) =>
      error.message ===
      "big.json: body is 18 bytes, more than the maximum of 8 bytes: split it into smaller bodies, " +
        "or raise the maximum (--max-body-mib of aurora-db ingest, or the maxBodyBytes option of the library)",
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
