import { ValidationError } from "../errors.ts";

/** Tenant of a unit of work: the org, and optionally the user inside it. */
export interface TenantContext {
  /** Organization id (UUID). Row-level security shows only this org's rows. */
  orgId: string;
  /**
   * User id (UUID). Tables private to a user (tokens, preferences, chat) show
   * only this user's rows, and none when it is omitted. Omit it for work done
   * on behalf of the org.
   */
  userId?: string | null;
}

/** A context whose ids are checked and lowercased. */
export interface ValidatedTenantContext {
  orgId: string;
  userId: string | null;
}

/** 8-4-4-4-12 hexadecimal digits, the canonical text form of a UUID, in either case. */
const CANONICAL_UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const UUID_EXAMPLE = "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d";

/**
 * Checks both ids before anything reaches SQL and returns them in lowercase.
 * Throws ValidationError naming the field and the rejected value.
 */
export function validateTenantContext(
  context: unknown,
): ValidatedTenantContext {
  if (typeof context !== "object" || context === null) {
    throw new ValidationError(
      `Invalid tenant context: expected an object like { orgId: '${UUID_EXAMPLE}' }, ` +
        `got ${context === null ? "null" : typeof context}.`,
      [
        {
          path: "",
          message: "must be an object with orgId and optional userId",
        },
      ],
    );
  }
  const { orgId, userId } = context as Record<string, unknown>;
  return {
    orgId: validateUuid(orgId, "orgId"),
    userId:
      userId === undefined || userId === null
        ? null
        : validateUuid(userId, "userId"),
  };
}

function validateUuid(value: unknown, field: "orgId" | "userId"): string {
  if (typeof value === "string" && CANONICAL_UUID.test(value)) {
    return value.toLowerCase();
  }
  const printedValue = describeRejectedValue(value);
  throw new ValidationError(
    `Invalid ${field} ${printedValue}: expected a UUID in canonical form, ` +
      `32 hexadecimal digits in groups of 8-4-4-4-12 such as ${UUID_EXAMPLE}.`,
    [
      {
        path: `/${field}`,
        message: `must be a canonical UUID, got ${printedValue}`,
      },
    ],
  );
}

function describeRejectedValue(value: unknown): string {
  if (typeof value === "string") {
    const shortened = value.length > 64 ? `${value.slice(0, 64)}…` : value;
    return JSON.stringify(shortened);
  }
  if (value === undefined || value === null) {
    return `(${String(value)})`;
  }
  return `(a ${typeof value})`;
}
