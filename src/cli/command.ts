import type { ParseArgsConfig } from "node:util";
import type { Output } from "./output.ts";

type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface CommandContext {
  /** Parsed `--option` values. */
  values: Record<string, string | boolean | string[] | undefined>;
  /** Arguments after the command name that are not options. */
  positionals: string[];
  out: Output;
}

/** One `aurora-db` subcommand: its help text, its options and what it runs. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The usage line and option descriptions shown by `--help`. */
  help: string;
  options?: OptionSpec;
  /**
   * The maximum number of positional arguments (default 0). The command line
   * is rejected with a usage error before `run` when it has more.
   */
  maxPositionals?: number;
  /** Resolves to the process exit code. */
  run(context: CommandContext): Promise<number>;
}

/** Thrown for a wrong command line; printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
