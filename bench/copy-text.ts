/** COPY's text format, for the COPY baselines of the benchmark. */

/** Encodes one value in COPY's text format. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) {
    return "\\N";
  }
  let text: string;
  if (Array.isArray(value)) {
    text = `{${value.map((item) => JSON.stringify(String(item))).join(",")}}`;
  } else if (typeof value === "object") {
    text = JSON.stringify(value);
  } else {
    text = String(value);
  }
  return text.replace(/[\\\t\n\r]/g, (character) => {
    switch (character) {
      case "\t":
        return "\\t";
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      default:
        return "\\\\";
    }
  });
}

/** Encodes one row as a COPY text line, without the newline. */
export function copyLine(values: readonly unknown[]): string {
  return values.map(copyField).join("\t");
}
