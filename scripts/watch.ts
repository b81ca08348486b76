/**
 * The DBA's watch loop: brings the database up (embedded by default), then
 * re-applies migrations/current.sql on every save, as graphile-migrate's
 * `watch` does. Stop it with Ctrl-C; commit with `npx graphile-migrate commit`
 * (the placeholders are read from AURORA_OWNER, AURORA_APP and AURORA_MAINTENANCE).
 */
import { bootstrap, resolveServer } from "../src/server/index.ts";
import { migrate, watchCurrent } from "../src/migrations/index.ts";

const note = (message: string) => process.stderr.write(`${message}\n`);
const { settings } = await resolveServer(process.env, note);
await bootstrap(settings);
await migrate(settings);
note(
  `watching migrations/current.sql on ${settings.database}; press Ctrl-C to stop`,
);
await watchCurrent(settings, (level, message) => note(`[${level}] ${message}`));
