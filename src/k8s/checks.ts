import { isIP } from "node:net";
import type { ValidationIssue } from "../errors.ts";
import { jsonPointer } from "./fields.ts";
import type {
  ClusterObjectColumns,
  JsonValue,
  NamespacedObjectColumns,
} from "./rows.ts";

/** Largest value of a PostgreSQL `integer` (int4) column. */
export const INT32_MAX = 2_147_483_647;

/** Maximum length of a DNS-1123 subdomain, and so of most object names. */
export const MAX_NAME_LENGTH = 253;

/** Maximum length of a DNS-1123 label, and so of a namespace or service name. */
export const MAX_LABEL_LENGTH = 63;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The issues a check found, empty when the value is valid. */
type Issues = ValidationIssue[];

/** Checks a DNS-1123 subdomain: lowercase labels joined by dots, such as a pod or node name. */
export function checkDnsSubdomain(value: string, path: string): Issues {
  if (value === "") return [{ path, message: "is missing or empty" }];
  if (value.length > MAX_NAME_LENGTH) {
    return [
      {
        path,
        message: `is ${value.length} characters long, the maximum is ${MAX_NAME_LENGTH}`,
      },
    ];
  }
  const labels = value.split(".");
  const valid = labels.every(
    (label) => label.length <= MAX_LABEL_LENGTH && DNS_LABEL.test(label),
  );
  if (valid) return [];
  return [
    {
      path,
      message:
        `invalid name ${JSON.stringify(value)}: expected a DNS-1123 subdomain ` +
        '(lowercase letters, digits, "-" and ".", starting and ending with a letter or digit)',
    },
  ];
}

/** Checks a DNS-1123 label, such as a namespace: a subdomain without dots, at most 63 characters. */
export function checkDnsLabel(value: string, path: string): Issues {
  if (value === "") return [{ path, message: "is missing or empty" }];
  if (value.length <= MAX_LABEL_LENGTH && DNS_LABEL.test(value)) return [];
  return [
    {
      path,
      message:
        `invalid name ${JSON.stringify(value)}: expected a DNS-1123 label of at most ` +
        `${MAX_LABEL_LENGTH} characters (lowercase letters, digits and "-", ` +
        "starting and ending with a letter or digit)",
    },
  ];
}

/** Checks a host name that may start with a `*.` wildcard, as in ingress rules. */
export function checkHostname(value: string, path: string): Issues {
  const withoutWildcard = value.startsWith("*.") ? value.slice(2) : value;
  const issues = checkDnsSubdomain(withoutWildcard, path);
  if (issues.length === 0) return [];
  return [
    {
      path,
      message: `invalid host name ${JSON.stringify(value)}: expected a DNS name such as shop.example.com`,
    },
  ];
}

/**
 * Checks an IPv4 or IPv6 literal that PostgreSQL's `inet` type accepts.
 * IPv6 zone ids (`fe80::1%eth0`) are rejected because `inet` rejects them.
 */
export function checkIpAddress(value: string | null, path: string): Issues {
  if (value === null) return [];
  if (isIP(value) !== 0 && !value.includes("%")) return [];
  return [
    {
      path,
      message: `invalid IP address ${JSON.stringify(value)}: expected an IPv4 or IPv6 literal`,
    },
  ];
}

/** Checks a count that must fit a PostgreSQL `integer` column. */
export function checkInt32Count(value: number, path: string): Issues {
  if (Number.isInteger(value) && value >= 0 && value <= INT32_MAX) return [];
  return [
    {
      path,
      message: `invalid count ${value}: expected an integer from 0 to ${INT32_MAX}`,
    },
  ];
}

export function checkPortNumber(value: number, path: string): Issues {
  if (Number.isInteger(value) && value >= 1 && value <= 65535) return [];
  return [
    {
      path,
      message: `invalid port ${value}: expected an integer from 1 to 65535`,
    },
  ];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks metadata.uid, which the API server sets to a UUID. */
export function checkUid(value: string | null, path: string): Issues {
  if (value === null || UUID.test(value)) return [];
  return [
    { path, message: `invalid uid ${JSON.stringify(value)}: expected a UUID` },
  ];
}

// A Kubernetes resource quantity: a decimal number with an optional binary
// (Ki, Mi, ...), decimal (m, k, M, ...) or exponent suffix.
const QUANTITY =
  /^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

export function checkQuantity(value: string | null, path: string): Issues {
  if (value === null || QUANTITY.test(value)) return [];
  return [
    {
      path,
      message: `invalid quantity ${JSON.stringify(value)}: expected a Kubernetes quantity such as "4", "500m" or "8Gi"`,
    },
  ];
}

/** Checks the name, namespace and uid columns against their metadata fields. */
export function checkClusterObjectColumns(
  row: ClusterObjectColumns,
  at: string,
): Issues {
  return [
    ...checkDnsSubdomain(row.name, `${at}/metadata/name`),
    ...checkUid(row.uid, `${at}/metadata/uid`),
    ...checkStorableJson(row.object, at),
  ];
}

export function checkNamespacedObjectColumns(
  row: NamespacedObjectColumns,
  at: string,
): Issues {
  return [
    ...checkDnsLabel(row.namespace, `${at}/metadata/namespace`),
    ...checkClusterObjectColumns(row, at),
  ];
}

/** At most this many unstorable values are listed per object. */
const MAX_UNSTORABLE_ISSUES = 10;

// An unpaired UTF-16 surrogate: a high one not followed by a low one, or a
// low one not preceded by a high one.
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Finds values that PostgreSQL `jsonb` cannot store: U+0000 and unpaired
 * surrogates in keys or strings, and numbers too large for a double (JSON.parse
 * turns them into Infinity, which JSON.stringify would write as null).
 */
export function checkStorableJson(value: JsonValue, at: string): Issues {
  const issues: Issues = [];
  const pending: Array<{ value: JsonValue; path: string }> = [
    { value, path: at },
  ];
  // An explicit stack, because recursion could overflow on deeply nested input.
  while (pending.length > 0 && issues.length < MAX_UNSTORABLE_ISSUES) {
    const { value: current, path } = pending.pop() as {
      value: JsonValue;
      path: string;
    };
    const problem = findUnstorable(current);
    if (problem !== null) issues.push({ path, message: problem });
    if (current === null || typeof current !== "object") continue;
    const entries = Array.isArray(current)
      ? current.entries()
      : Object.entries(current);
    for (const [key, child] of entries) {
      const childPath = path + jsonPointer([key]);
      const keyProblem =
        typeof key === "string" ? findUnstorableText(key) : null;
      if (keyProblem !== null)
        issues.push({ path: childPath, message: `key ${keyProblem}` });
      pending.push({ value: child, path: childPath });
    }
  }
  return issues.slice(0, MAX_UNSTORABLE_ISSUES);
}

function findUnstorable(value: JsonValue): string | null {
  if (typeof value === "string") return findUnstorableText(value);
  if (typeof value === "number" && !Number.isFinite(value)) {
    return "contains a number too large to store; JSON numbers must fit a double";
  }
  return null;
}

function findUnstorableText(text: string): string | null {
  if (text.includes("\u0000")) {
    return "contains the character U+0000, which PostgreSQL cannot store";
  }
  if (LONE_SURROGATE.test(text)) {
    return "contains an unpaired UTF-16 surrogate, which is not valid Unicode";
  }
  return null;
}
