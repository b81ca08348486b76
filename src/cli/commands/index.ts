import type { Command } from "../command.ts";
import { auditCommand } from "./audit.ts";
import { migrateCommand } from "./migrate.ts";
import { statusCommand } from "./status.ts";
import { stopCommand } from "./stop.ts";
import { upCommand } from "./up.ts";
import { urlCommand } from "./url.ts";

/** Every subcommand, in the order `aurora-db --help` lists them. */
export const commands: Command[] = [
  upCommand,
  migrateCommand,
  statusCommand,
  urlCommand,
  stopCommand,
  auditCommand,
];
