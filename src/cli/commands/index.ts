import type { Command } from "../command.ts";
import { auditCommand } from "./audit.ts";
import { backupCommand, restoreCommand } from "./backup.ts";
import { exportCommand, importCommand } from "./export.ts";
import { incidentsListCommand, incidentsMergeCommand } from "./incidents.ts";
import { ingestCommand } from "./ingest.ts";
import { k8sSyncCommand } from "./k8s.ts";
import { lintCommand } from "./lint.ts";
import { migrateCommand } from "./migrate.ts";
import { retentionCommand } from "./retention.ts";
import { statusCommand } from "./status.ts";
import { stopCommand } from "./stop.ts";
import { upCommand } from "./up.ts";
import { urlCommand } from "./url.ts";
import { schemaDumpCommand, verifyCommand } from "./verify.ts";

/** Every subcommand, in the order `aurora-db --help` lists them. */
export const commands: Command[] = [
  upCommand,
  migrateCommand,
  statusCommand,
  urlCommand,
  stopCommand,
  auditCommand,
  ingestCommand,
  k8sSyncCommand,
  incidentsListCommand,
  incidentsMergeCommand,
  verifyCommand,
  schemaDumpCommand,
  lintCommand,
  backupCommand,
  restoreCommand,
  exportCommand,
  importCommand,
  retentionCommand,
];
