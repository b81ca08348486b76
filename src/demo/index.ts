import type { UpSummary } from "../cli/commands/up.ts";
import { formatUpSummary } from "../cli/commands/up.ts";
import type { Output } from "../cli/output.ts";

/** Loads the demo organization and prints what it holds. */
export async function runDemo(summary: UpSummary, out: Output): Promise<void> {
  // TODO: load the demo organization once ingest exists; until then only the summary is printed.
  out.result({ summary }, () => formatUpSummary(summary));
}
