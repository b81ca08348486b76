/** Count phrases for human-readable output. */

/** Irregular plurals of the nouns that output counts. */
const SINGULARS: Readonly<Record<string, string>> = {
  ingresses: "ingress",
};

/**
 * Formats `count` with `noun` in the singular for exactly 1, such as
 * "1 row" and "3 rows". `noun` is the plural form. The singular is looked up
 * for irregular nouns, otherwise the final "s" is dropped.
 */
export function countOf(count: number | bigint | string, noun: string): string {
  return `${count} ${nounFor(count, noun)}`;
}

/** Returns `noun` (a plural) in the singular when `count` is exactly 1. */
export function nounFor(count: number | bigint | string, noun: string): string {
  return String(count) === "1" ? singularOf(noun) : noun;
}

function singularOf(noun: string): string {
  if (Object.hasOwn(SINGULARS, noun)) return SINGULARS[noun] as string;
  return noun.endsWith("s") ? noun.slice(0, -1) : noun;
}
