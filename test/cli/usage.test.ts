/**
 * Command lines rejected before any connection: usage goes to stderr with
 * exit code 2, and each error is one plain sentence.
 */

import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { commands } from "../../src/cli/commands/index.ts";
import { projectRoot } from "../ingest/helpers.ts";

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without connection settings; none of these cases connects. */
function runCli(...args: string[]): CliRun {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(PG|DATABASE_URL|ROOT_DATABASE_URL|AURORA_|APP_|MAINT)/.test(key)) {
      env[key] = value;
    }
  }
  const result = spawnSync(
    process.execPath,
    [path.join(projectRoot, "bin", "aurora-db.js"), ...args],
    { cwd: projectRoot, env, encoding: "utf8", timeout: 60_000 },
  );
  return {
    code: result.status ?? 1,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

test("bare command prints usage to stderr", () => {
  const run = runCli();
  assert.is(run.code, 2);
  assert.is(run.stdout, "");
  assert.match(run.stderr, "Usage: aurora-db <command>");
});

test("--help prints usage to stdout", () => {
  const run = runCli("--help");
  assert.is(run.code, 0);
  assert.match(run.stdout, "Usage: aurora-db <command>");
});

for (const group of ["k8s", "incidents", "schema"]) {
  const names = commands
    .map((command) => command.name)
    .filter((name) => name.startsWith(`${group} `));

  test(`${group} --help lists subcommands`, () => {
    const run = runCli(group, "--help");
    assert.is(run.code, 0, run.stderr);
    assert.not.match(run.stderr, "Unknown command");
    assert.ok(names.length > 0);
    for (const name of names) assert.match(run.stdout, name);
  });

  test(`${group} alone lists subcommands`, () => {
    const run = runCli(group);
    assert.is(run.code, 2);
    assert.match(run.stderr, "needs a subcommand");
    for (const name of names) assert.match(run.stderr, name);
  });
}

test("unknown subcommand is named", () => {
  const run = runCli("k8s", "purge");
  assert.is(run.code, 2);
  assert.match(run.stderr, 'Unknown subcommand "k8s purge"');
  assert.match(run.stderr, "k8s sync");
});

test("commands reject stray positionals", () => {
  const withoutPositionals = commands.filter(
    (command) => (command.maxPositionals ?? 0) === 0,
  );
  assert.ok(withoutPositionals.length >= 8);
  for (const command of withoutPositionals) {
    const run = runCli(...command.name.split(" "), "stray");
    assert.is(run.code, 2, `${command.name}: ${run.stderr}`);
    assert.match(
      run.stderr,
      `aurora-db ${command.name} takes no arguments. Unexpected: "stray".`,
    );
  }
});

test("one-argument commands reject a second", () => {
  const run = runCli("backup", "a.dump", "b.dump");
  assert.is(run.code, 2);
  assert.match(run.stderr, 'takes at most 1 argument. Unexpected: "b.dump".');
});

test("unknown option is one sentence", () => {
  const run = runCli("status", "--bogus");
  assert.is(run.code, 2);
  assert.ok(run.stderr.startsWith("Unknown option --bogus.\n"), run.stderr);
  assert.not.match(run.stderr, "as in '--");
});

test("negative --limit reaches the range check", () => {
  const run = runCli("incidents", "list", "--org", "acme", "--limit", "-1");
  assert.is(run.code, 2);
  assert.not.match(run.stderr, "ambiguous");
  assert.match(run.stderr, 'Invalid --limit "-1"');
});

test("option without value is one sentence", () => {
  const missing = runCli("incidents", "list", "--limit");
  assert.is(missing.code, 2);
  assert.ok(
    missing.stderr.startsWith("Option --limit needs a value.\n"),
    missing.stderr,
  );
  const ambiguous = runCli("incidents", "list", "--limit", "--open");
  assert.is(ambiguous.code, 2);
  assert.match(ambiguous.stderr, "write --limit=<value>");
  assert.not.match(ambiguous.stderr, "ambiguous");
});

test("boolean option rejects a value", () => {
  const run = runCli("status", "--json=yes");
  assert.is(run.code, 2);
  assert.ok(run.stderr.startsWith("Option --json takes no value.\n"));
});

test.run();
