/**
 * Result rows of the benchmark, printed as a table and written to
 * bench/RESULTS.md with the machine and versions they were measured on.
 */
import fs from "node:fs/promises";

import type { MachineInfo } from "./database.ts";

/** One figure: a value and its unit, such as 1234 "units/s" or 2.5 "ms". */
export interface Figure {
  label: string;
  value: number;
  unit: string;
}

/** One measured case of a scenario, compared with its raw baseline. */
export interface ResultRow {
  scenario: string;
  case: string;
  /** Data size, such as "1,000,000 incidents in 100 orgs". */
  size: string;
  baseline: Figure | undefined;
  measured: Figure;
  /**
   * Whether a larger measured value is better (rates) or a smaller one
   * (durations, memory). The ratio is always measured / baseline.
   */
  higherIsBetter: boolean;
  /** The target as text, such as ">= 0.8x", and whether it was met. */
  target?: { text: string; met: boolean };
  /** Short remark, such as the plan node that ran. */
  note?: string;
}

export function ratioOf(row: ResultRow): number | undefined {
  return row.baseline ? row.measured.value / row.baseline.value : undefined;
}

/** Builds a row and checks its ratio against a bound: `min` for rates, `max` for durations. */
export function compared(
  row: Omit<ResultRow, "target">,
  bound?: { min?: number; max?: number },
): ResultRow {
  const ratio = ratioOf(row as ResultRow);
  if (bound === undefined || ratio === undefined) {
    return row;
  }
  if (bound.min !== undefined) {
    return {
      ...row,
      target: { text: `>= ${bound.min}x`, met: ratio >= bound.min },
    };
  }
  return {
    ...row,
    target: { text: `<= ${bound.max}x`, met: ratio <= bound.max! },
  };
}

export function formatNumber(value: number): string {
  if (value >= 100) {
    return Math.round(value).toLocaleString("en-US");
  }
  if (value >= 10) {
    return value.toFixed(1);
  }
  return value.toPrecision(3);
}

function formatFigure(figure: Figure | undefined): string {
  return figure
    ? `${figure.label}: ${formatNumber(figure.value)} ${figure.unit}`
    : "";
}

function cells(row: ResultRow): string[] {
  const ratio = ratioOf(row);
  const target = row.target
    ? `${row.target.text} ${row.target.met ? "met" : "NOT met"}`
    : "";
  return [
    row.scenario,
    row.case,
    row.size,
    formatFigure(row.baseline),
    formatFigure(row.measured),
    ratio === undefined ? "" : `${ratio.toFixed(2)}x`,
    target,
    row.note ?? "",
  ];
}

const HEADERS = [
  "scenario",
  "case",
  "data size",
  "baseline",
  "measured",
  "ratio",
  "target",
  "note",
];

/** Prints the rows as a plain-text table on stdout. */
export function printTable(rows: readonly ResultRow[]): void {
  const table = [HEADERS, ...rows.map(cells)];
  const widths = HEADERS.map((_, column) =>
    Math.max(...table.map((line) => line[column]!.length)),
  );
  for (const line of table) {
    const text = line
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join(" | ");
    process.stdout.write(`${text.trimEnd()}\n`);
  }
}

export interface RunDescription {
  command: string;
  machine: MachineInfo;
  serverVersion: string;
  serverKind: string;
  startedAt: Date;
  durationSeconds: number;
  /** Extra sections: query plans and findings, as Markdown. */
  sections: string[];
}

/** Writes the results page in Markdown. */
export async function writeResults(
  file: URL,
  rows: readonly ResultRow[],
  run: RunDescription,
): Promise<void> {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  const lines = [
    "# Benchmark results",
    "",
    "Produced by `npm run bench` (bench/run.ts). Each figure is the median of " +
      "several timed runs after warm-up runs. The ratio is measured / baseline, " +
      "both measured in the same run on the same database.",
    "",
    `- Command: \`${run.command}\``,
    `- Date: ${run.startedAt.toISOString()} (run took ${Math.round(run.durationSeconds)} s)`,
    `- Machine: ${run.machine.cores} cores, ${run.machine.memory} memory, ${run.machine.cpuModel}`,
    `- PostgreSQL: ${run.serverVersion} (${run.serverKind} server)`,
    `- Node.js: ${run.machine.node}`,
    "",
    `| ${HEADERS.join(" | ")} |`,
    `|${HEADERS.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${cells(row).map(escape).join(" | ")} |`),
    "",
    ...run.sections,
  ];
  await fs.writeFile(file, `${lines.join("\n").trimEnd()}\n`);
}
