import { bootstrap, resolveServer } from "../../server/index.ts";
import { migrate } from "../../migrations/index.ts";
import { withClient } from "../../server/connect.ts";
import { redactUrl } from "../../config/settings.ts";
import type { Command } from "../command.ts";

export interface UpSummary {
  server: {
    kind: "embedded" | "configured";
    version: string;
    started: boolean;
    url: string;
  };
  database: string;
  roles: { owner: string; app: string; maintenance: string };
  bootstrap: string[];
  migrations: { applied: string[]; total: number };
}

/** Starts or connects, bootstraps and migrates; shared by `up` and the demo. */
export async function bringUp(
  note: (message: string) => void,
): Promise<UpSummary> {
  const target = await resolveServer(process.env, note);
  if (target.started) note("started the embedded PostgreSQL");
  const { settings } = target;
  const actions = await bootstrap(settings);
  for (const action of actions) note(action);
  const migrations = await migrate(settings);
  const version = await withClient(
    settings.ownerUrl,
    "DATABASE_URL",
    async (client) => {
      const { rows } = await client.query<{ server_version: string }>(
        "show server_version",
      );
      return rows[0]!.server_version;
    },
  );
  return {
    server: {
      kind: target.kind,
      version,
      started: target.started,
      url: redactUrl(settings.ownerUrl),
    },
    database: settings.database,
    roles: settings.roles,
    bootstrap: actions,
    migrations,
  };
}

export function formatUpSummary(summary: UpSummary): string {
  const { server, roles, migrations } = summary;
  return [
    `server      PostgreSQL ${server.version} (${server.kind}${server.started ? ", started now" : ""})`,
    `database    ${summary.database} at ${server.url}`,
    `roles       owner ${roles.owner}, app ${roles.app}, maintenance ${roles.maintenance}`,
    `migrations  ${migrations.total} applied (${migrations.applied.length} new)`,
  ].join("\n");
}

export const upCommand: Command = {
  name: "up",
  summary: "start or connect, bootstrap, migrate, and print a summary",
  help: `Usage: aurora-db up [--demo] [--json]

Starts the embedded PostgreSQL when no connection settings are given (or
connects to DATABASE_URL), creates the database, shadow database, roles and
extensions that are missing, applies the committed migrations, and prints the
server version, database, roles and migrations applied.

Options:
  --demo   also load the demo organization and print its incidents
  --json   print the summary as JSON`,
  options: { demo: { type: "boolean" } },
  async run({ values, out }) {
    const summary = await bringUp(out.note);
    if (values.demo) {
      const { runDemo } = await import("../../demo/index.ts");
      await runDemo(summary, out);
      return 0;
    }
    out.result(summary, () => formatUpSummary(summary));
    return 0;
  },
};
