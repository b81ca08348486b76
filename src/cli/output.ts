/**
 * The CLI's two channels: results go to stdout (as text, or as JSON with
 * `--json`), diagnostics and progress go to stderr.
 */
export interface Output {
  json: boolean;
  /** Prints a result: `text` normally, `value` as JSON with `--json`. */
  result(value: unknown, text: string | (() => string)): void;
  /** Prints a diagnostic line to stderr. */
  note(message: string): void;
  /** True when stderr is a terminal, so progress lines may be redrawn. */
  interactive: boolean;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    interactive: Boolean(process.stderr.isTTY),
    result(value, text) {
      if (json) {
        process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      } else {
        const body = typeof text === "function" ? text() : text;
        if (body)
          process.stdout.write(body.endsWith("\n") ? body : `${body}\n`);
      }
    },
    note(message) {
      process.stderr.write(`${message}\n`);
    },
  };
}
