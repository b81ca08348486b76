/**
 * Regenerates `generated/` from `queries/*.sql` with pgTyped, against a
 * scratch database migrated from the committed migrations (and the working
 * migration), so the types match the schema in the repository rather than
 * whatever a developer's database holds. The work is done by src/ops/codegen.ts.
 *
 * Usage: npm run codegen            rewrite generated/
 *        npm run codegen:check      exit 1 when generated/ differs from what would be generated
 */
import { projectRoot } from "../src/config/project.ts";
import { bootstrap, resolveServer } from "../src/server/index.ts";
import {
  checkGenerated,
  generate,
  writeGenerated,
} from "../src/ops/codegen.ts";

export { checkGenerated, generate } from "../src/ops/codegen.ts";

async function main(): Promise<number> {
  const check = process.argv.includes("--check");
  const { settings } = await resolveServer(process.env, (message) =>
    process.stderr.write(`${message}\n`),
  );
  await bootstrap(settings);
  if (check) {
    const problems = await checkGenerated(settings);
    for (const line of problems) process.stderr.write(`${line}\n`);
    process.stdout.write(
      problems.length === 0 ? "generated/ is up to date\n" : "",
    );
    return problems.length === 0 ? 0 : 1;
  }
  const fresh = await generate(settings);
  await writeGenerated(projectRoot, fresh);
  process.stdout.write(`wrote ${fresh.size} files to generated/\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main();
}
