/**
 * Resolves the organization that ingest, Kubernetes sync and the incident
 * commands write into, given as a UUID or a slug.
 *
 * The app role can read an organization only once its id is in context, so
 * it cannot look a slug up. A slug is therefore resolved with one read of
 * organizations as the maintenance role (`db.withMaintenance`); everything
 * after that runs as the app role in the organization's context. A UUID is
 * used directly, after a check in its own context that the organization
 * exists.
 */

import {
  findOrganizationIdBySlug as findOrganizationIdBySlugQuery,
  getOrganization,
} from "../../generated/identity.queries.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import type { Db } from "../pool/index.ts";

const CANONICAL_UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The slug format of organizations.slug (its check constraint). */
const SLUG = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export interface ResolvedOrganization {
  id: string;
  slug: string;
  name: string;
}

/**
 * Returns the organization named by `org`, a UUID or a slug. Throws
 * ValidationError when `org` is neither, and NotFoundError when no
 * organization has it.
 */
export async function resolveOrganization(
  db: Db,
  org: string,
): Promise<ResolvedOrganization> {
  const trimmed = org.trim();
  if (CANONICAL_UUID.test(trimmed)) {
    return organizationById(db, trimmed.toLowerCase());
  }
  if (!SLUG.test(trimmed)) {
    throw new ValidationError(
      `Invalid organization ${JSON.stringify(org)}: expected an organization id (a UUID) ` +
        "or a slug of lowercase letters, digits and inner hyphens, up to 63 characters.",
      [{ path: "/org", message: "expected a UUID or a slug" }],
    );
  }
  const id = await organizationIdBySlug(db, trimmed);
  return organizationById(db, id);
}

async function organizationById(
  db: Db,
  orgId: string,
): Promise<ResolvedOrganization> {
  const [organization] = await db.withTenant({ orgId }, (tx) =>
    getOrganization.run(undefined as void, tx),
  );
  if (!organization) {
    throw new NotFoundError(
      `Organization ${orgId} not found: check the id, or pass the organization's slug.`,
    );
  }
  return {
    id: organization.id,
    slug: organization.slug,
    name: organization.name,
  };
}

/**
 * Returns the id of the organization with this slug, or null when there is
 * none. Reads organizations as the maintenance role; see the file comment.
 */
export async function findOrganizationIdBySlug(
  db: Db,
  slug: string,
): Promise<string | null> {
  const [row] = await db.withMaintenance((tx) =>
    findOrganizationIdBySlugQuery.run({ slug }, tx),
  );
  return row?.id ?? null;
}

async function organizationIdBySlug(db: Db, slug: string): Promise<string> {
  const id = await findOrganizationIdBySlug(db, slug);
  if (id === null) {
    throw new NotFoundError(
      `Organization "${slug}" not found: no organization has this slug.`,
    );
  }
  return id;
}
