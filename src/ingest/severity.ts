/**
 * The common severity scale. Every source word maps to one of critical,
 * high, medium, low, info, or to null when the word carries no severity.
 * Recovery words (ok, clear, resolved, success) map to null on purpose: a
 * recovery has no severity of its own, and null lets the store keep the
 * severity that the firing notification set.
 */

import type { Severity } from "./types.ts";

const SEVERITY_BY_WORD: Readonly<Record<string, Severity>> = {
  critical: "critical",
  crit: "critical",
  fatal: "critical",
  emergency: "critical",
  emerg: "critical",
  disaster: "critical",
  page: "critical",
  p1: "critical",
  sev1: "critical",
  high: "high",
  error: "high",
  err: "high",
  major: "high",
  p2: "high",
  sev2: "high",
  medium: "medium",
  moderate: "medium",
  average: "medium",
  warning: "medium",
  warn: "medium",
  p3: "medium",
  sev3: "medium",
  low: "low",
  minor: "low",
  p4: "low",
  sev4: "low",
  info: "info",
  informational: "info",
  information: "info",
  notice: "info",
  debug: "info",
  p5: "info",
  sev5: "info",
};

/** Maps a severity, priority or urgency word (any case) to the common scale. */
export function severityFromWord(word: string | null): Severity | null {
  if (word === null) return null;
  return SEVERITY_BY_WORD[word.trim().toLowerCase()] ?? null;
}
