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

/** The maximum duration accepted: 100 years of 365.25 days. */
const MAX_SECONDS = 100 * 365.25 * 86_400;

/** Parses `text` strictly; throws an InputError naming `option`, the value and the accepted forms. */
export function parseDuration(text: string, option: string): Duration {
  const match = /^([1-9][0-9]{0,9})([smhdw])$/.exec(text);
  const accepted =
    "a whole number above 0 followed by s, m, h, d or w (seconds, minutes, hours, days, weeks), such as 30d or 12h";
  if (!match) {
    throw new InputError(`${option} is "${text}", but it must be ${accepted}.`);
  }
  const unit = UNITS[match[2]!]!;
  const count = Number(match[1]);
  const seconds = count * unit.seconds;
  if (seconds > MAX_SECONDS) {
    throw new InputError(
      `${option} is "${text}", which is more than 100 years: use a shorter duration.`,
    );
  }
  return { text, interval: `${count} ${unit.name}`, seconds };
}
