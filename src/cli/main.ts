import { parseArgs } from "node:util";
import { AuroraError } from "../errors.ts";
import type { Command } from "./command.ts";
import { UsageError } from "./command.ts";
import { createOutput } from "./output.ts";
import { commands } from "./commands/index.ts";
import { countOf } from "./plural.ts";
import { isConnectionError } from "../server/connect.ts";

const GENERAL_HELP = () => `Usage: aurora-db <command> [options]

The PostgreSQL data layer of Aurora. With no connection settings it runs an
embedded PostgreSQL; set DATABASE_URL (and ROOT_DATABASE_URL) to use yours.

Commands:
${commands.map((command) => `  ${command.name.padEnd(18)}${command.summary}`).join("\n")}

Run "aurora-db <command> --help" for a command's options.`;

/** Finds the command named by the leading positionals, such as `k8s sync`. */
function findCommand(
  argv: string[],
): { command: Command; rest: string[] } | undefined {
  for (const command of commands) {
    const words = command.name.split(" ");
    if (words.every((word, index) => argv[index] === word)) {
      return { command, rest: argv.slice(words.length) };
    }
  }
  return undefined;
}

/** Lists the commands whose name starts with `word`, such as `k8s sync` for `k8s`. */
function subcommandList(word: string): string | undefined {
  const matches = commands.filter((command) =>
    command.name.startsWith(`${word} `),
  );
  if (matches.length === 0) return undefined;
  const lines = matches.map(
    (command) => `  ${command.name.padEnd(18)}${command.summary}`,
  );
  return `Usage: aurora-db ${word} <subcommand> [options]

Subcommands:
${lines.join("\n")}

Run "aurora-db ${word} <subcommand> --help" for its options.`;
}

function isHelpFlag(arg: string | undefined): boolean {
  return arg === "--help" || arg === "-h" || arg === "help";
}

/** Handles a command line that names no command, or only a command group. */
function reportNoCommand(argv: string[]): number {
  const group = subcommandList(argv[0]!);
  if (group !== undefined) {
    if (argv.slice(1).some(isHelpFlag)) {
      process.stdout.write(`${group}\n`);
      return 0;
    }
    const subcommand = argv[1];
    const problem =
      subcommand === undefined
        ? `"${argv[0]}" needs a subcommand.`
        : `Unknown subcommand "${argv[0]} ${subcommand}".`;
    process.stderr.write(`${problem}\n\n${group}\n`);
    return 2;
  }
  process.stderr.write(
    `Unknown command "${argv[0]}". Run "aurora-db --help" for the list.\n`,
  );
  return 2;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0) {
    process.stderr.write(`${GENERAL_HELP()}\n`);
    return 2;
  }
  if (isHelpFlag(argv[0])) {
    process.stdout.write(`${GENERAL_HELP()}\n`);
    return 0;
  }
  const found = findCommand(argv);
  if (!found) return reportNoCommand(argv);
  const { command, rest } = found;
  const options = {
    ...command.options,
    json: { type: "boolean" as const },
    help: { type: "boolean" as const, short: "h" },
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(rest, options),
      allowPositionals: true,
      strict: true,
      options,
    });
  } catch (error) {
    process.stderr.write(`${parseErrorMessage(error)}\n\n${command.help}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  const out = createOutput(Boolean(parsed.values.json));
  try {
    checkPositionals(command, parsed.positionals);
    return await command.run({
      values: parsed.values,
      positionals: parsed.positionals,
      out,
    });
  } catch (error) {
    return report(error, command);
  }
}

type OptionSpecs = Record<string, { type: "string" | "boolean" }>;

/**
 * Rewrites `--limit -1` as `--limit=-1` for string options, so that a
 * negative number reaches the command's own check. parseArgs otherwise
 * rejects the value as ambiguous because it starts with a dash.
 */
function joinNegativeValues(args: string[], options: OptionSpecs): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const next = args[index + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : null;
    const isStringOption =
      name !== null &&
      Object.hasOwn(options, name) &&
      options[name]!.type === "string";
    if (arg === "--") {
      joined.push(...args.slice(index));
      break;
    }
    if (isStringOption && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      index += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** Rewrites a parseArgs error as one plain sentence. */
function parseErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (option === undefined) return message;
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `Unknown option ${option}.`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (message.includes("does not take an argument")) {
        return `Option ${option} takes no value.`;
      }
      if (message.includes("ambiguous")) {
        return `Option ${option} needs a value. To pass a value that starts with a dash, write ${option}=<value>.`;
      }
      return `Option ${option} needs a value.`;
    default:
      return message;
  }
}

function checkPositionals(command: Command, positionals: string[]): void {
  const max = command.maxPositionals ?? 0;
  if (positionals.length <= max) return;
  const stray = positionals
    .slice(max)
    .map((value) => JSON.stringify(value))
    .join(", ");
  const limit =
    max === 0
      ? "takes no arguments"
      : `takes at most ${countOf(max, "arguments")}`;
  throw new UsageError(
    `aurora-db ${command.name} ${limit}. Unexpected: ${stray}.`,
  );
}

function report(error: unknown, command: Command): number {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${command.help}\n`);
    return 2;
  }
  if (error instanceof AuroraError) {
    process.stderr.write(`aurora-db ${command.name}: ${error.message}\n`);
    if (process.env.AURORA_DEBUG) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (isConnectionError(error)) {
    // A path that connected without connectClient: name every setting that
    // can hold the failing URL, since the error does not say which it was.
    process.stderr.write(
      `aurora-db ${command.name}: connecting to PostgreSQL failed (${message}). ` +
        "Check DATABASE_URL, and for the app and maintenance roles set " +
        "AURORA_APP_PASSWORD and AURORA_MAINTENANCE_PASSWORD, or give " +
        "APP_DATABASE_URL and MAINTENANCE_DATABASE_URL in full.\n",
    );
    if (process.env.AURORA_DEBUG && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    return 1;
  }
  process.stderr.write(`aurora-db ${command.name} failed: ${message}\n`);
  if (process.env.AURORA_DEBUG && error instanceof Error)
    process.stderr.write(`${error.stack}\n`);
  else process.stderr.write("Set AURORA_DEBUG=1 to print the stack trace.\n");
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
