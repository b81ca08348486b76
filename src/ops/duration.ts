import { InputError } from "../errors.ts";

/**
 * Durations on the command line: a whole number and a unit, such as 30d or
 * 12h. They become PostgreSQL intervals, so `30d` means 30 calendar days
 * (an hour more or less across a daylight saving change in the server's time zone).
 */

export interface Duration {
  /** The text as given, such as `30d`. */
  text: string;
  /** The same as a PostgreSQL interval, such as `30 days`. */
  interval: string;
  /** Approximate length in seconds (a day counted as 86,400), for bounds checks. */
  seconds: number;
}

const UNITS: Record<string, { name: string; seconds: number }> = {
  s: { name: "seconds", seconds: 1 },
  m: { name: "minutes", seconds: 60 },
  h: { name: "hours", seconds: 3600 },
  d: { name: "days", seconds: 86_400 },
  w: { name: "weeks", seconds: 604_800 },
};

/** The maximum duration accepted: 100 years of 365.25 days, which is 36525d. */
const MAX_SECONDS = 100 * 365.25 * 86_400;

/**
 * Parses `text` strictly. A malformed value and one above the maximum get
 * the same InputError, naming `option`, the value, the accepted forms and the maximum.
 */
export function parseDuration(text: string, option: string): Duration {
  const match = /^([1-9][0-9]*)([smhdw])$/.exec(text);
  const unit = match ? UNITS[match[2]!]! : undefined;
  // Number() of a long digit string is approximate, but far above the maximum either way.
  const count = match ? Number(match[1]) : 0;
  if (!unit || count * unit.seconds > MAX_SECONDS) {
    throw new InputError(
      `${option} is "${text}", but it must be <n>s, <n>m, <n>h, <n>d or <n>w ` +
        "(seconds, minutes, hours, days or weeks) with a whole number n above 0, " +
        "at most 100 years (36525d), such as 30d or 12h.",
    );
  }
  return {
    text,
    interval: `${count} ${unit.name}`,
    seconds: count * unit.seconds,
  };
}
