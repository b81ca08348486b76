import { resolveServer } from "../../server/index.ts";
import type { Command } from "../command.ts";

const ROLES = ["owner", "app", "maintenance", "root"] as const;

export const urlCommand: Command = {
  name: "url",
  summary: "print a connection string (the owner role by default)",
  help: `Usage: aurora-db url [--role owner|app|maintenance|root] [--json]

Prints the connection string of the database, password included, so that
psql "$(npx aurora-db url)" opens it. Starts the embedded server if it is
not running.

Options:
  --role   which role to connect as (default: owner)
  --json   print every connection string as JSON`,
  options: { role: { type: "string" } },
  async run({ values, out }) {
    const role = (values.role as string | undefined) ?? "owner";
    if (!(ROLES as readonly string[]).includes(role)) {
      out.note(
        `--role is "${role}", but it must be one of ${ROLES.join(", ")}.`,
      );
      return 2;
    }
    const { settings } = await resolveServer(process.env, out.note);
    const urls = {
      owner: settings.ownerUrl,
      app: settings.appUrl,
      maintenance: settings.maintenanceUrl,
      root: settings.rootUrl,
    };
    const url = urls[role as keyof typeof urls];
    if (!url) {
      out.note("No root connection is configured: set ROOT_DATABASE_URL.");
      return 1;
    }
    out.result(urls, url);
    return 0;
  },
};
