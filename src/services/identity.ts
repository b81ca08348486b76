/**
 * Organizations, users and memberships.
 *
 * To create an organization, generate its id, open a unit of work with that
 * id and the first owner in context (`withTenant({ orgId: randomUUID(),
 * userId })`), and call `createOrganization`: row-level security admits the
 * new row only because its id is the org in context. Users are global:
 * `registerUser` and `authenticate` run bcrypt inside PostgreSQL, and no
 * password hash ever reaches the app role.
 *
 * Roles are enforced here, not by policies: an organization keeps at least
 * one owner, so the last owner can be neither demoted nor removed.
 */
import {
  ConflictError,
  MissingTenantContextError,
  ValidationError,
} from "../errors.ts";
import {
  authenticate as authenticateQuery,
  currentTenant,
  deleteMember,
  findUserByEmail as findUserByEmailQuery,
  getMember as getMemberQuery,
  getOrganization as getOrganizationQuery,
  getUser as getUserQuery,
  insertMember,
  insertOrganizationWithOwner,
  listMembers as listMembersQuery,
  lockOwners,
  registerUser as registerUserQuery,
  updateMemberRole,
  type IGetMemberResult,
  type IGetOrganizationResult,
  type IGetUserResult,
  type IInsertMemberResult,
  type IInsertOrganizationWithOwnerResult,
} from "../../generated/identity.queries.ts";
import { compileValidator } from "../validation/ajv.ts";
import { ORG_MEMBER_ROLES, type OrgMemberRole } from "../validation/enums.ts";
import {
  PAGE_SIZE,
  TEXT_LIMITS,
  UUID,
  OPTIONAL_UUID,
  enumField,
  inputObject,
  optionalText,
  text,
} from "../validation/fields.ts";
import { pageSize, type Page } from "./pagination.ts";
import {
  organizationMissing,
  runFirst,
  runOne,
  runQuery,
  type Queryable,
} from "./run.ts";

export type Organization = IGetOrganizationResult;
export type NewOrganization = IInsertOrganizationWithOwnerResult;
export type User = IGetUserResult;
export type Member = IGetMemberResult;
export type MembershipChange = IInsertMemberResult;

/** The same address rule as the check on users.email. */
const EMAIL = {
  type: "string",
  maxLength: 320,
  pattern: "^[^@\\s]+@[^@\\s]+$",
  storableText: true,
};

/** bcrypt reads at most 72 bytes, so register_user() rejects longer passwords. */
const MAX_PASSWORD_BYTES = 72;

export interface CreateOrganizationInput {
  /** URL name: lowercase letters, digits and inner hyphens, 1 to 63 characters. */
  slug: string;
  name: string;
}

const parseCreateOrganization = compileValidator<CreateOrganizationInput>(
  "organization",
  inputObject(
    {
      slug: {
        type: "string",
        maxLength: 63,
        pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",
      },
      name: { ...text(TEXT_LIMITS.label), pattern: "\\S" },
    },
    ["slug", "name"],
  ),
);

/**
 * Inserts the organization whose id is the org in context and makes the user
 * in context its owner. Throws MissingTenantContextError without a user in
 * context, and ConflictError when the slug or the id is taken.
 */
export async function createOrganization(
  tx: Queryable,
  input: CreateOrganizationInput,
): Promise<NewOrganization> {
  const { slug, name } = parseCreateOrganization(input);
  const context = await runFirst(tx, currentTenant, undefined);
  if (!context?.orgId || !context.userId) {
    throw new MissingTenantContextError(
      "createOrganization needs the new organization's id as orgId and its first owner as " +
        "userId in the tenant context: withTenant({ orgId: randomUUID(), userId }).",
    );
  }
  const [row] = await runQuery(tx, insertOrganizationWithOwner, { slug, name });
  return row!;
}

/** Returns the organization in context. */
export async function getOrganization(tx: Queryable): Promise<Organization> {
  return runOne(
    tx,
    getOrganizationQuery,
    undefined,
    "Organization not found: the organization in context does not exist.",
  );
}

export interface RegisterUserInput {
  email: string;
  /** 1 to 72 bytes as UTF-8, stored only as a bcrypt hash (cost 12). */
  password: string;
  displayName?: string | null;
}

const parseRegisterUser = compileValidator<RegisterUserInput>(
  "user registration",
  inputObject(
    {
      email: EMAIL,
      password: text(MAX_PASSWORD_BYTES),
      displayName: optionalText(TEXT_LIMITS.label),
    },
    ["email", "password"],
  ),
);

/** Creates a user and returns its id. Throws ConflictError when the address is taken in any letter case. */
export async function registerUser(
  tx: Queryable,
  input: RegisterUserInput,
): Promise<string> {
  const { email, password, displayName } = parseRegisterUser(input);
  assertPasswordBytes(password);
  const [row] = await runQuery(tx, registerUserQuery, {
    email,
    password,
    displayName: displayName ?? null,
  });
  return row!.id;
}

function assertPasswordBytes(password: string): void {
  const bytes = Buffer.byteLength(password, "utf8");
  if (bytes > MAX_PASSWORD_BYTES) {
    throwInvalid(
      "user registration",
      "/password",
      `must be at most ${MAX_PASSWORD_BYTES} bytes as UTF-8, but is ${bytes} bytes`,
    );
  }
}

export interface Credentials {
  email: string;
  password: string;
}

const parseCredentials = compileValidator<Credentials>(
  "credentials",
  inputObject({ email: text(320), password: text(1024) }, [
    "email",
    "password",
  ]),
);

/** Returns the id of the user when the password matches, and null otherwise. */
export async function authenticate(
  tx: Queryable,
  credentials: Credentials,
): Promise<string | null> {
  const { email, password } = parseCredentials(credentials);
  const row = await runFirst(tx, authenticateQuery, { email, password });
  return row?.userId ?? null;
}

const parseUserId = compileValidator<string>("user id", UUID, "/userId");

export async function getUser(tx: Queryable, userId: string): Promise<User> {
  const id = parseUserId(userId);
  return runOne(tx, getUserQuery, { id }, `User ${id} not found.`);
}

const parseEmail = compileValidator<string>("email", EMAIL, "/email");

/** Returns the user with this address in any letter case, or null. */
export async function findUserByEmail(
  tx: Queryable,
  email: string,
): Promise<User | null> {
  const address = parseEmail(email);
  return (await runFirst(tx, findUserByEmailQuery, { email: address })) ?? null;
}

export interface MemberInput {
  userId: string;
  role: OrgMemberRole;
}

const parseMemberInput = compileValidator<MemberInput>(
  "membership",
  inputObject({ userId: UUID, role: enumField(ORG_MEMBER_ROLES) }, [
    "userId",
    "role",
  ]),
);

/** Adds a user to the organization in context. Throws ConflictError when already a member. */
export async function addMember(
  tx: Queryable,
  input: MemberInput,
): Promise<MembershipChange> {
  const { userId, role } = parseMemberInput(input);
  const [row] = await runQuery(
    tx,
    insertMember,
    { userId, role },
    {
      ...organizationMissing("org_members"),
      org_members_user_id_fkey: `User ${userId} not found.`,
    },
  );
  return row!;
}

export async function getMember(
  tx: Queryable,
  userId: string,
): Promise<Member> {
  const id = parseUserId(userId);
  return runOne(tx, getMemberQuery, { userId: id }, memberNotFound(id));
}

export interface ListMembersInput {
  /** `next` of the previous page: the last user id it returned. */
  after?: string | null;
  limit?: number | null;
}

const parseListMembers = compileValidator<ListMembersInput>(
  "member list",
  inputObject({ after: OPTIONAL_UUID, limit: PAGE_SIZE }),
);

/** Lists the members of the organization in context, ordered by user id. */
export async function listMembers(
  tx: Queryable,
  input: ListMembersInput = {},
): Promise<Page<Member>> {
  const { after, limit } = parseListMembers(input);
  const size = pageSize(limit);
  const rows = await runQuery(tx, listMembersQuery, {
    afterUserId: after ?? null,
    limit: size + 1,
  });
  const items = rows.slice(0, size);
  return {
    items,
    next: rows.length > size ? items[items.length - 1]!.userId : null,
  };
}

/**
 * Changes the role of a member. Throws ConflictError when that would demote
 * the last owner.
 */
export async function changeMemberRole(
  tx: Queryable,
  input: MemberInput,
): Promise<MembershipChange> {
  const { userId, role } = parseMemberInput(input);
  if (role !== "owner") await assertNotLastOwner(tx, userId, "demote");
  return runOne(tx, updateMemberRole, { userId, role }, memberNotFound(userId));
}

/** Removes a member. Throws ConflictError for the last owner. */
export async function removeMember(
  tx: Queryable,
  userId: string,
): Promise<void> {
  const id = parseUserId(userId);
  await assertNotLastOwner(tx, id, "remove");
  await runOne(tx, deleteMember, { userId: id }, memberNotFound(id));
}

/** Locks the owner rows, then rejects the change when `userId` is the only owner. */
async function assertNotLastOwner(
  tx: Queryable,
  userId: string,
  action: string,
): Promise<void> {
  const [owners] = await runQuery(tx, lockOwners, undefined);
  if (owners!.owners > 1) return;
  const member = await runOne(
    tx,
    getMemberQuery,
    { userId },
    memberNotFound(userId),
  );
  if (member.role === "owner") {
    throw new ConflictError(
      `Cannot ${action} user ${userId}: it is the only owner of the organization. ` +
        "Make another member owner first.",
    );
  }
}

function memberNotFound(userId: string): string {
  return `Member ${userId} not found in the organization in context.`;
}

function throwInvalid(what: string, path: string, message: string): never {
  throw new ValidationError(`Invalid ${what}: ${path} ${message}.`, [
    { path, message },
  ]);
}
