/**
 * Settings of alert correlation. The rules run in PostgreSQL
 * (`correlate_alerts()`), which receives these values as a JSON object on
 * every call, so the defaults live here and the SQL only fills in the same
 * defaults for callers that send none.
 *
 * The weights, the 300-second window, the 0.6 threshold and the cap of 50
 * alerts are those of Aurora's own correlator (`AlertCorrelator` in the
 * Arvo-AI/aurora server). The semantic window and threshold and the number
 * of candidates are this project's choices.
 */

import { ConfigurationError } from "../errors.ts";

export interface CorrelationSettings {
  /** Weight of a service match in the score, 0 to 1. Default 0.5. */
  serviceWeight: number;
  /** Weight of time proximity in the score, 0 to 1. Default 0.3. */
  timeWeight: number;
  /** Weight of trigram similarity of titles and descriptions, 0 to 1. Default 0.2. */
  similarityWeight: number;
  /**
   * Seconds within which an alert may join an incident by score; time
   * proximity falls linearly from 1 at no gap to 0 at this gap. Default 300.
   */
  windowSeconds: number;
  /** Minimum score, 0 to 1, for an alert to join an incident by score. Default 0.6. */
  scoreThreshold: number;
  /** Alerts an incident may hold, the one that opened it included. Default 50. */
  maxAlertsPerIncident: number;
  /** Seconds within which an alert may join an incident by title similarity alone. Default 3600. */
  semanticWindowSeconds: number;
  /** Minimum trigram similarity of titles, 0 to 1, for a semantic join. Default 0.5. */
  semanticThreshold: number;
  /** Open incidents, most recently started first, that each alert is scored against. Default 50. */
  maxCandidates: number;
}

export const DEFAULT_CORRELATION_SETTINGS: Readonly<CorrelationSettings> = {
  serviceWeight: 0.5,
  timeWeight: 0.3,
  similarityWeight: 0.2,
  windowSeconds: 300,
  scoreThreshold: 0.6,
  maxAlertsPerIncident: 50,
  semanticWindowSeconds: 3600,
  semanticThreshold: 0.5,
  maxCandidates: 50,
};

type SettingName = keyof CorrelationSettings;

interface SettingRule {
  /** Environment variable that overrides the default. */
  env: string;
  /** Key in the JSON object that correlate_alerts() reads. */
  sqlKey: string;
  kind: "fraction" | "seconds" | "count";
}

const RULES: Readonly<Record<SettingName, SettingRule>> = {
  serviceWeight: {
    env: "AURORA_CORRELATION_SERVICE_WEIGHT",
    sqlKey: "service_weight",
    kind: "fraction",
  },
  timeWeight: {
    env: "AURORA_CORRELATION_TIME_WEIGHT",
    sqlKey: "time_weight",
    kind: "fraction",
  },
  similarityWeight: {
    env: "AURORA_CORRELATION_SIMILARITY_WEIGHT",
    sqlKey: "similarity_weight",
    kind: "fraction",
  },
  windowSeconds: {
    env: "AURORA_CORRELATION_WINDOW_SECONDS",
    sqlKey: "window_seconds",
    kind: "seconds",
  },
  scoreThreshold: {
    env: "AURORA_CORRELATION_SCORE_THRESHOLD",
    sqlKey: "score_threshold",
    kind: "fraction",
  },
  maxAlertsPerIncident: {
    env: "AURORA_CORRELATION_MAX_ALERTS_PER_INCIDENT",
    sqlKey: "max_alerts_per_incident",
    kind: "count",
  },
  semanticWindowSeconds: {
    env: "AURORA_CORRELATION_SEMANTIC_WINDOW_SECONDS",
    sqlKey: "semantic_window_seconds",
    kind: "seconds",
  },
  semanticThreshold: {
    env: "AURORA_CORRELATION_SEMANTIC_THRESHOLD",
    sqlKey: "semantic_threshold",
    kind: "fraction",
  },
  maxCandidates: {
    env: "AURORA_CORRELATION_MAX_CANDIDATES",
    sqlKey: "max_candidates",
    kind: "count",
  },
};

const SETTING_NAMES = Object.keys(RULES) as SettingName[];

/** Maximum window: 7 days, in seconds. */
const MAX_WINDOW_SECONDS = 7 * 24 * 3600;

/** Maximum of the alert cap and of the number of candidates. */
const MAX_COUNT = 10_000;

/**
 * Returns the settings to use: `overrides` first, then the
 * `AURORA_CORRELATION_*` variables of `env`, then the defaults. Throws
 * ConfigurationError naming the first invalid value.
 */
export function resolveCorrelationSettings(
  overrides: Partial<CorrelationSettings> = {},
  env: NodeJS.ProcessEnv = process.env,
): CorrelationSettings {
  const settings = { ...DEFAULT_CORRELATION_SETTINGS };
  for (const name of SETTING_NAMES) {
    const rule = RULES[name];
    const fromEnv = env[rule.env];
    if (fromEnv !== undefined && fromEnv.trim() !== "") {
      settings[name] = checkedValue(name, Number(fromEnv), rule.env, fromEnv);
    }
    const override = overrides[name];
    if (override !== undefined) {
      settings[name] = checkedValue(name, override, name, String(override));
    }
  }
  for (const key of Object.keys(overrides)) {
    if (!Object.hasOwn(RULES, key)) {
      throw new ConfigurationError(
        `Unknown correlation setting "${key}"; expected one of ${SETTING_NAMES.join(", ")}.`,
        key,
      );
    }
  }
  return settings;
}

function checkedValue(
  name: SettingName,
  value: number,
  setting: string,
  rawValue: string,
): number {
  const { kind } = RULES[name];
  const valid =
    kind === "fraction"
      ? Number.isFinite(value) && value >= 0 && value <= 1
      : kind === "seconds"
        ? Number.isFinite(value) && value > 0 && value <= MAX_WINDOW_SECONDS
        : Number.isInteger(value) && value >= 1 && value <= MAX_COUNT;
  if (valid) return value;
  const expected =
    kind === "fraction"
      ? "a number from 0 to 1"
      : kind === "seconds"
        ? `a number of seconds above 0 and at most ${MAX_WINDOW_SECONDS}`
        : `a whole number from 1 to ${MAX_COUNT}`;
  throw new ConfigurationError(
    `Invalid correlation setting ${setting}=${JSON.stringify(rawValue)}: expected ${expected}.`,
    setting,
  );
}

/** Returns the settings as the JSON object that correlate_alerts() reads. */
export function toSqlSettings(
  settings: CorrelationSettings,
): Record<string, number> {
  const sql: Record<string, number> = {};
  for (const name of SETTING_NAMES) sql[RULES[name].sqlKey] = settings[name];
  return sql;
}

/** Returns the environment variable that overrides each setting, for help texts. */
export function correlationEnvironmentVariables(): Record<SettingName, string> {
  const variables = {} as Record<SettingName, string>;
  for (const name of SETTING_NAMES) variables[name] = RULES[name].env;
  return variables;
}
