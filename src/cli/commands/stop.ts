import { resolveSettings } from "../../config/settings.ts";
import { stopEmbedded } from "../../server/index.ts";
import type { Command } from "../command.ts";

export const stopCommand: Command = {
  name: "stop",
  summary: "stop the embedded PostgreSQL (its data is kept)",
  help: `Usage: aurora-db stop [--json]

Stops the embedded server started by "aurora-db up". The data folder is
kept, so the next "aurora-db up" finds the same data. A server of yours
(DATABASE_URL or PG* variables) is never stopped.

Options:
  --json   print the result as JSON`,
  async run({ out }) {
    const request = resolveSettings();
    if (request.kind === "configured") {
      out.note(
        `Nothing to stop: aurora-db uses the server in ${request.origin}, which it does not manage.`,
      );
      return 0;
    }
    const stopped = await stopEmbedded(request.version);
    out.result(
      { stopped },
      stopped
        ? "stopped the embedded PostgreSQL"
        : "the embedded PostgreSQL was not running",
    );
    return 0;
  },
};
