/** The context that every scenario receives, and the shape of a scenario. */
import type { BenchDatabase } from "./database.ts";
import type { Repetitions } from "./measure.ts";
import type { ResultRow } from "./report.ts";

export interface BenchContext {
  bench: BenchDatabase;
  /** Smaller data and fewer runs, for a quick check. */
  quick: boolean;
  log(message: string): void;
  /** Adds a Markdown section (plans, findings) after the results table. */
  addSection(title: string, body: string): void;
}

export interface Scenario {
  name: string;
  summary: string;
  run(context: BenchContext): Promise<ResultRow[]>;
}

/** Warm-up and timed runs: fewer with `--quick`. */
export function repetitions(quick: boolean): Repetitions {
  return quick ? { warmup: 1, runs: 3 } : { warmup: 2, runs: 5 };
}
