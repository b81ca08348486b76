import { parseArgs } from "node:util";
import { AuroraError } from "../errors.ts";
import type { Command } from "./command.ts";
import { UsageError } from "./command.ts";
import { createOutput } from "./output.ts";
import { commands } from "./commands/index.ts";

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

async function main(argv: string[]): Promise<number> {
  if (
    argv.length === 0 ||
    argv[0] === "--help" ||
    argv[0] === "-h" ||
    argv[0] === "help"
  ) {
    process.stdout.write(`${GENERAL_HELP()}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    process.stderr.write(
      `Unknown command "${argv[0]}". Run "aurora-db --help" for the list.\n`,
    );
    return 2;
  }
  const { command, rest } = found;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        ...command.options,
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${command.help}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  const out = createOutput(Boolean(parsed.values.json));
  try {
    return await command.run({
      values: parsed.values,
      positionals: parsed.positionals,
      out,
    });
  } catch (error) {
    return report(error, command);
  }
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
  process.stderr.write(`aurora-db ${command.name} failed: ${message}\n`);
  if (process.env.AURORA_DEBUG && error instanceof Error)
    process.stderr.write(`${error.stack}\n`);
  else process.stderr.write("Set AURORA_DEBUG=1 to print the stack trace.\n");
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
