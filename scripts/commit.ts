/**
 * Commits migrations/current.sql as the next numbered, hashed migration.
 * graphile-migrate first checks the migration against the shadow database.
 *
 * Usage: npm run db:commit [-- "message"]
 */
import { bootstrap, resolveServer } from "../src/server/index.ts";
import { commitCurrent } from "../src/migrations/index.ts";

const { settings } = await resolveServer(process.env, (message) =>
  process.stderr.write(`${message}\n`),
);
await bootstrap(settings);
await commitCurrent(settings, process.argv[2]);
process.stdout.write("committed migrations/current.sql\n");
