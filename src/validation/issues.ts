/**
 * Conversion of Ajv errors into ValidationError issues: one issue per
 * rejected value, with the JSON Pointer of that value and a message that
 * names the expected value.
 */
import type { ErrorObject } from "ajv";

import type { ValidationIssue } from "../errors.ts";

/** Converts Ajv errors into issues whose paths name the offending field. */
export function issuesFromErrors(
  errors: ErrorObject[] | null | undefined,
  basePath = "",
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const issue of summarizeAnyOf(errors ?? [], basePath)) {
    const key = `${issue.path}\u0001${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

/**
 * Replaces each failed `anyOf` and the errors of its branches with fewer,
 * clearer issues: "must have at least one of: a, b" when every branch lacked a
 * required field, "must be null or string" when every branch wanted another
 * type, and otherwise the errors of the branches whose type matched.
 */
function summarizeAnyOf(
  errors: ErrorObject[],
  basePath: string,
): ValidationIssue[] {
  const consumed = new Set<ErrorObject>();
  const issues: ValidationIssue[] = [];
  for (const error of errors) {
    if (error.keyword !== "anyOf" || consumed.has(error)) continue;
    consumed.add(error);
    const branches = errors.filter(
      (other) =>
        other.schemaPath.startsWith(`${error.schemaPath}/`) &&
        other.instancePath.startsWith(error.instancePath),
    );
    branches.forEach((branch) => consumed.add(branch));
    issues.push(...anyOfIssues(error, branches, basePath));
  }
  for (const error of errors) {
    if (consumed.has(error)) continue;
    const issue = issueFromError(error, basePath);
    if (issue !== null) issues.push(issue);
  }
  return issues;
}

function anyOfIssues(
  error: ErrorObject,
  children: ErrorObject[],
  basePath: string,
): ValidationIssue[] {
  const path = basePath + error.instancePath;
  const branches = groupByBranch(error, children);
  const direct = children.filter((c) => c.instancePath === error.instancePath);
  if (direct.length > 0 && direct.every((c) => c.keyword === "required")) {
    const names = direct.map((c) => String(c.params.missingProperty));
    return [
      { path, message: `must have at least one of: ${names.join(", ")}` },
    ];
  }
  // A branch whose type did not match says nothing useful about the value.
  const typeMismatch = (branch: ErrorObject[]) =>
    branch.some(
      (c) => c.keyword === "type" && c.instancePath === error.instancePath,
    );
  const matching = branches.filter((branch) => !typeMismatch(branch));
  if (matching.length === 0) {
    const types = branches.flatMap((branch) =>
      branch
        .filter(
          (c) => c.keyword === "type" && c.instancePath === error.instancePath,
        )
        .map((c) => String(c.params.type)),
    );
    return [{ path, message: `must be ${[...new Set(types)].join(" or ")}` }];
  }
  return matching.flat().flatMap((c) => issueFromError(c, basePath) ?? []);
}

/** Splits the errors under an `anyOf` by the index of the branch that reported them. */
function groupByBranch(
  error: ErrorObject,
  children: ErrorObject[],
): ErrorObject[][] {
  const branches = new Map<string, ErrorObject[]>();
  for (const child of children) {
    const rest = child.schemaPath.slice(error.schemaPath.length + 1);
    const index = rest.split("/")[0]!;
    branches.set(index, [...(branches.get(index) ?? []), child]);
  }
  return [...branches.values()];
}

function issueFromError(
  error: ErrorObject,
  basePath: string,
): ValidationIssue | null {
  const path = basePath + error.instancePath;
  switch (error.keyword) {
    case "required":
      return {
        path: `${path}/${error.params.missingProperty}`,
        message: "is required",
      };
    case "additionalProperties":
      return {
        path: `${path}/${error.params.additionalProperty}`,
        message: "is not an allowed field; check its spelling",
      };
    case "enum":
      return {
        path,
        message: `must be one of: ${formatAllowedValues(error.params.allowedValues as unknown[])}`,
      };
    case "if":
      // The failing branch reports its own errors.
      return null;
    default:
      return { path, message: error.message ?? "is invalid" };
  }
}

/**
 * Lists enum values for a message. `null` (allowed in nullable fields) is
 * written as the word null, because `Array.join` turns it into an empty item.
 */
export function formatAllowedValues(values: readonly unknown[]): string {
  return values
    .map((value) => (typeof value === "string" ? value : JSON.stringify(value)))
    .join(", ");
}
