import { ValidationError, type ValidationIssue } from "../errors.ts";
import { checkDeploymentRow } from "./deployments.ts";
import { IssueList } from "./fields.ts";
import { checkIngressRow } from "./ingresses.ts";
import { checkNodeRow } from "./nodes.ts";
import { checkPodRow } from "./pods.ts";
import type { InventoryCollection, InventoryRow } from "./rows.ts";
import { checkServiceRow } from "./services.ts";

/** SQL table of each inventory collection. */
export const INVENTORY_TABLES = {
  pods: "k8s_pods",
  nodes: "k8s_nodes",
  services: "k8s_services",
  deployments: "k8s_deployments",
  ingresses: "k8s_ingresses",
} as const satisfies Record<InventoryCollection, string>;

const ROW_CHECKS: {
  [C in InventoryCollection]: (
    row: InventoryRow<C>,
    at: string,
  ) => ValidationIssue[];
} = {
  pods: checkPodRow,
  nodes: checkNodeRow,
  services: checkServiceRow,
  deployments: checkDeploymentRow,
  ingresses: checkIngressRow,
};

/**
 * Lists what is wrong with a row before it is written. Names must be DNS-1123
 * subdomains of up to 253 characters, which may contain dots. Namespaces and
 * service names must be single DNS-1123 labels of up to 63. IP columns must be
 * IPv4 or IPv6 literals, counts must fit PostgreSQL `integer`, ports must be
 * 1-65535, and a uid must be a UUID. Quantities must be well formed, and
 * `object` must contain no text or number that `jsonb` cannot store.
 *
 * `at` is the JSON pointer of the row's object in the input (such as
 * `/items/3`), so each issue path points at an input field, for example
 * `/items/3/metadata/name`. Array columns (external IPs, hosts, addresses,
 * rule backends) are checked entry by entry where they come from in
 * `row.object`, which is what gives them exact paths.
 */
export function findRowIssues<C extends InventoryCollection>(
  collection: C,
  row: InventoryRow<C>,
  at = "",
): ValidationIssue[] {
  const issues = new IssueList();
  issues.addAll(ROW_CHECKS[collection](row, at));
  return issues.items;
}

/** Throws a `ValidationError` listing every issue `findRowIssues` finds. */
export function validateRow<C extends InventoryCollection>(
  collection: C,
  row: InventoryRow<C>,
  at = "",
): void {
  const issues = findRowIssues(collection, row, at);
  if (issues.length === 0) return;
  const subject = `invalid ${INVENTORY_TABLES[collection]} row ${JSON.stringify(row.name)}`;
  throw new ValidationError(describeIssues(subject, issues), issues);
}

/** Issues quoted in an error message; the error's `issues` has them all. */
const MAX_ISSUES_IN_MESSAGE = 5;

/** Builds an error message from a subject and the first few issues. */
export function describeIssues(
  subject: string,
  issues: readonly ValidationIssue[],
): string {
  const quoted = issues
    .slice(0, MAX_ISSUES_IN_MESSAGE)
    .map(({ path, message }) => `${path || "/"}: ${message}`);
  const more = issues.length - quoted.length;
  const suffix = more > 0 ? `; and ${more} more` : "";
  return `${subject}: ${quoted.join("; ")}${suffix}`;
}
