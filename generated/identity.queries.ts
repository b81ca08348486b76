/** Types generated for queries found in "queries/identity.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type org_member_role = 'admin' | 'member' | 'owner' | 'viewer';

/** 'CurrentTenant' parameters type */
export type ICurrentTenantParams = void;

/** 'CurrentTenant' return type */
export interface ICurrentTenantResult {
  orgId: string | null;
  userId: string | null;
}

/** 'CurrentTenant' query type */
export interface ICurrentTenantQuery {
  params: ICurrentTenantParams;
  result: ICurrentTenantResult;
}

const currentTenantIR: any = {"usedParamSet":{},"params":[],"statement":"select current_org_id() as \"orgId\", current_user_id() as \"userId\""};

/**
 * Query generated from SQL:
 * ```
 * select current_org_id() as "orgId", current_user_id() as "userId"
 * ```
 */
export const currentTenant = new PreparedQuery<ICurrentTenantParams,ICurrentTenantResult>(currentTenantIR);


/** 'InsertOrganizationWithOwner' parameters type */
export interface IInsertOrganizationWithOwnerParams {
  name: string;
  slug: string;
}

/** 'InsertOrganizationWithOwner' return type */
export interface IInsertOrganizationWithOwnerResult {
  createdAt: Date;
  id: string;
  name: string;
  ownerId: string;
  /** Unique URL name: lowercase letters, digits and inner hyphens, 1 to 63 characters. */
  slug: string;
  updatedAt: Date;
}

/** 'InsertOrganizationWithOwner' query type */
export interface IInsertOrganizationWithOwnerQuery {
  params: IInsertOrganizationWithOwnerParams;
  result: IInsertOrganizationWithOwnerResult;
}

const insertOrganizationWithOwnerIR: any = {"usedParamSet":{"slug":true,"name":true},"params":[{"name":"slug","required":true,"transform":{"type":"scalar"},"locs":[{"a":362,"b":367}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":370,"b":375}]}],"statement":"-- Creates the organization whose id the caller put in aurora.org_id, and makes the user in\n-- aurora.user_id its owner, in one statement. The foreign key from org_members to organizations\n-- is checked at the end of the statement, when the organization row exists.\nwith organization as (\n  insert into organizations (id, slug, name)\n  values (current_org_id(), :slug!, :name!)\n  returning id, slug, name, created_at, updated_at\n), owner as (\n  insert into org_members (org_id, user_id, role)\n  select organization.id, current_user_id(), 'owner'\n  from organization\n  returning user_id\n)\nselect\n  organization.id as \"id!\",\n  organization.slug as \"slug!\",\n  organization.name as \"name!\",\n  owner.user_id as \"ownerId!\",\n  organization.created_at as \"createdAt!\",\n  organization.updated_at as \"updatedAt!\"\nfrom organization\ncross join owner"};

/**
 * Query generated from SQL:
 * ```
 * -- Creates the organization whose id the caller put in aurora.org_id, and makes the user in
 * -- aurora.user_id its owner, in one statement. The foreign key from org_members to organizations
 * -- is checked at the end of the statement, when the organization row exists.
 * with organization as (
 *   insert into organizations (id, slug, name)
 *   values (current_org_id(), :slug!, :name!)
 *   returning id, slug, name, created_at, updated_at
 * ), owner as (
 *   insert into org_members (org_id, user_id, role)
 *   select organization.id, current_user_id(), 'owner'
 *   from organization
 *   returning user_id
 * )
 * select
 *   organization.id as "id!",
 *   organization.slug as "slug!",
 *   organization.name as "name!",
 *   owner.user_id as "ownerId!",
 *   organization.created_at as "createdAt!",
 *   organization.updated_at as "updatedAt!"
 * from organization
 * cross join owner
 * ```
 */
export const insertOrganizationWithOwner = new PreparedQuery<IInsertOrganizationWithOwnerParams,IInsertOrganizationWithOwnerResult>(insertOrganizationWithOwnerIR);


/** 'GetOrganization' parameters type */
export type IGetOrganizationParams = void;

/** 'GetOrganization' return type */
export interface IGetOrganizationResult {
  createdAt: Date;
  id: string;
  name: string;
  /** Unique URL name: lowercase letters, digits and inner hyphens, 1 to 63 characters. */
  slug: string;
  updatedAt: Date;
}

/** 'GetOrganization' query type */
export interface IGetOrganizationQuery {
  params: IGetOrganizationParams;
  result: IGetOrganizationResult;
}

const getOrganizationIR: any = {"usedParamSet":{},"params":[],"statement":"select id, slug, name, created_at as \"createdAt\", updated_at as \"updatedAt\"\nfrom organizations\nwhere id = (select current_org_id())                                                                                                                                                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * select id, slug, name, created_at as "createdAt", updated_at as "updatedAt"
 * from organizations
 * where id = (select current_org_id())                                                                                                                                                                                                    
 * ```
 */
export const getOrganization = new PreparedQuery<IGetOrganizationParams,IGetOrganizationResult>(getOrganizationIR);


/** 'FindOrganizationIdBySlug' parameters type */
export interface IFindOrganizationIdBySlugParams {
  slug: string;
}

/** 'FindOrganizationIdBySlug' return type */
export interface IFindOrganizationIdBySlugResult {
  id: string;
}

/** 'FindOrganizationIdBySlug' query type */
export interface IFindOrganizationIdBySlugQuery {
  params: IFindOrganizationIdBySlugParams;
  result: IFindOrganizationIdBySlugResult;
}

const findOrganizationIdBySlugIR: any = {"usedParamSet":{"slug":true},"params":[{"name":"slug","required":true,"transform":{"type":"scalar"},"locs":[{"a":42,"b":47}]}],"statement":"select id from organizations where slug = :slug!"};

/**
 * Query generated from SQL:
 * ```
 * select id from organizations where slug = :slug!
 * ```
 */
export const findOrganizationIdBySlug = new PreparedQuery<IFindOrganizationIdBySlugParams,IFindOrganizationIdBySlugResult>(findOrganizationIdBySlugIR);


/** 'RegisterUser' parameters type */
export interface IRegisterUserParams {
  displayName?: string | null | void;
  email: string;
  password: string;
}

/** 'RegisterUser' return type */
export interface IRegisterUserResult {
  id: string;
}

/** 'RegisterUser' query type */
export interface IRegisterUserQuery {
  params: IRegisterUserParams;
  result: IRegisterUserResult;
}

const registerUserIR: any = {"usedParamSet":{"email":true,"password":true,"displayName":true},"params":[{"name":"email","required":true,"transform":{"type":"scalar"},"locs":[{"a":21,"b":27}]},{"name":"password","required":true,"transform":{"type":"scalar"},"locs":[{"a":30,"b":39}]},{"name":"displayName","required":false,"transform":{"type":"scalar"},"locs":[{"a":42,"b":53}]}],"statement":"select register_user(:email!, :password!, :displayName) as \"id!\""};

/**
 * Query generated from SQL:
 * ```
 * select register_user(:email!, :password!, :displayName) as "id!"
 * ```
 */
export const registerUser = new PreparedQuery<IRegisterUserParams,IRegisterUserResult>(registerUserIR);


/** 'Authenticate' parameters type */
export interface IAuthenticateParams {
  email: string;
  password: string;
}

/** 'Authenticate' return type */
export interface IAuthenticateResult {
  userId: string | null;
}

/** 'Authenticate' query type */
export interface IAuthenticateQuery {
  params: IAuthenticateParams;
  result: IAuthenticateResult;
}

const authenticateIR: any = {"usedParamSet":{"email":true,"password":true},"params":[{"name":"email","required":true,"transform":{"type":"scalar"},"locs":[{"a":114,"b":120}]},{"name":"password","required":true,"transform":{"type":"scalar"},"locs":[{"a":123,"b":132}]}],"statement":"-- Returns NULL for an unknown address or a wrong password. The hash never leaves the server.\nselect authenticate(:email!, :password!) as \"userId\""};

/**
 * Query generated from SQL:
 * ```
 * -- Returns NULL for an unknown address or a wrong password. The hash never leaves the server.
 * select authenticate(:email!, :password!) as "userId"
 * ```
 */
export const authenticate = new PreparedQuery<IAuthenticateParams,IAuthenticateResult>(authenticateIR);


/** 'GetUser' parameters type */
export interface IGetUserParams {
  id: string;
}

/** 'GetUser' return type */
export interface IGetUserResult {
  createdAt: Date;
  displayName: string | null;
  /** Sign-in address as the user typed it. Unique ignoring case, through users_email_key on lower(email); look users up with lower(email) = lower($1) to use that index. */
  email: string;
  id: string;
}

/** 'GetUser' query type */
export interface IGetUserQuery {
  params: IGetUserParams;
  result: IGetUserResult;
}

const getUserIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":97,"b":100}]}],"statement":"select id, email, display_name as \"displayName\", created_at as \"createdAt\"\nfrom users\nwhere id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * select id, email, display_name as "displayName", created_at as "createdAt"
 * from users
 * where id = :id!
 * ```
 */
export const getUser = new PreparedQuery<IGetUserParams,IGetUserResult>(getUserIR);


/** 'FindUserByEmail' parameters type */
export interface IFindUserByEmailParams {
  email: string;
}

/** 'FindUserByEmail' return type */
export interface IFindUserByEmailResult {
  createdAt: Date;
  displayName: string | null;
  /** Sign-in address as the user typed it. Unique ignoring case, through users_email_key on lower(email); look users up with lower(email) = lower($1) to use that index. */
  email: string;
  id: string;
}

/** 'FindUserByEmail' query type */
export interface IFindUserByEmailQuery {
  params: IFindUserByEmailParams;
  result: IFindUserByEmailResult;
}

const findUserByEmailIR: any = {"usedParamSet":{"email":true},"params":[{"name":"email","required":true,"transform":{"type":"scalar"},"locs":[{"a":203,"b":209}]}],"statement":"-- lower(email) matches the expression of users_email_key, so the lookup uses that index.\nselect id, email, display_name as \"displayName\", created_at as \"createdAt\"\nfrom users\nwhere lower(email) = lower(:email!)"};

/**
 * Query generated from SQL:
 * ```
 * -- lower(email) matches the expression of users_email_key, so the lookup uses that index.
 * select id, email, display_name as "displayName", created_at as "createdAt"
 * from users
 * where lower(email) = lower(:email!)
 * ```
 */
export const findUserByEmail = new PreparedQuery<IFindUserByEmailParams,IFindUserByEmailResult>(findUserByEmailIR);


/** 'InsertMember' parameters type */
export interface IInsertMemberParams {
  role: org_member_role;
  userId: string;
}

/** 'InsertMember' return type */
export interface IInsertMemberResult {
  createdAt: Date;
  role: org_member_role;
  updatedAt: Date;
  userId: string;
}

/** 'InsertMember' query type */
export interface IInsertMemberQuery {
  params: IInsertMemberParams;
  result: IInsertMemberResult;
}

const insertMemberIR: any = {"usedParamSet":{"userId":true,"role":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":74,"b":81}]},{"name":"role","required":true,"transform":{"type":"scalar"},"locs":[{"a":84,"b":89}]}],"statement":"insert into org_members (org_id, user_id, role)\nvalues (current_org_id(), :userId!, :role!)\nreturning user_id as \"userId\", role, created_at as \"createdAt\", updated_at as \"updatedAt\""};

/**
 * Query generated from SQL:
 * ```
 * insert into org_members (org_id, user_id, role)
 * values (current_org_id(), :userId!, :role!)
 * returning user_id as "userId", role, created_at as "createdAt", updated_at as "updatedAt"
 * ```
 */
export const insertMember = new PreparedQuery<IInsertMemberParams,IInsertMemberResult>(insertMemberIR);


/** 'GetMember' parameters type */
export interface IGetMemberParams {
  userId: string;
}

/** 'GetMember' return type */
export interface IGetMemberResult {
  createdAt: Date;
  displayName: string | null;
  /** Sign-in address as the user typed it. Unique ignoring case, through users_email_key on lower(email); look users up with lower(email) = lower($1) to use that index. */
  email: string;
  role: org_member_role;
  updatedAt: Date;
  userId: string;
}

/** 'GetMember' query type */
export interface IGetMemberQuery {
  params: IGetMemberParams;
  result: IGetMemberResult;
}

const getMemberIR: any = {"usedParamSet":{"userId":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":321,"b":328}]}],"statement":"select\n  members.user_id as \"userId\",\n  members.role,\n  users.email,\n  users.display_name as \"displayName\",\n  members.created_at as \"createdAt\",\n  members.updated_at as \"updatedAt\"\nfrom org_members as members\njoin users on users.id = members.user_id\nwhere members.org_id = (select current_org_id()) and members.user_id = :userId!"};

/**
 * Query generated from SQL:
 * ```
 * select
 *   members.user_id as "userId",
 *   members.role,
 *   users.email,
 *   users.display_name as "displayName",
 *   members.created_at as "createdAt",
 *   members.updated_at as "updatedAt"
 * from org_members as members
 * join users on users.id = members.user_id
 * where members.org_id = (select current_org_id()) and members.user_id = :userId!
 * ```
 */
export const getMember = new PreparedQuery<IGetMemberParams,IGetMemberResult>(getMemberIR);


/** 'ListMembers' parameters type */
export interface IListMembersParams {
  afterUserId?: string | null | void;
  limit: number;
}

/** 'ListMembers' return type */
export interface IListMembersResult {
  createdAt: Date;
  displayName: string | null;
  /** Sign-in address as the user typed it. Unique ignoring case, through users_email_key on lower(email); look users up with lower(email) = lower($1) to use that index. */
  email: string;
  role: org_member_role;
  updatedAt: Date;
  userId: string;
}

/** 'ListMembers' query type */
export interface IListMembersQuery {
  params: IListMembersParams;
  result: IListMembersResult;
}

const listMembersIR: any = {"usedParamSet":{"afterUserId":true,"limit":true},"params":[{"name":"afterUserId","required":false,"transform":{"type":"scalar"},"locs":[{"a":398,"b":409},{"a":446,"b":457}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":491,"b":497}]}],"statement":"-- Keyset pagination on the primary key (org_id, user_id), so every page is an index range.\nselect\n  members.user_id as \"userId\",\n  members.role,\n  users.email,\n  users.display_name as \"displayName\",\n  members.created_at as \"createdAt\",\n  members.updated_at as \"updatedAt\"\nfrom org_members as members\njoin users on users.id = members.user_id\nwhere members.org_id = (select current_org_id())\n  and (:afterUserId::uuid is null or members.user_id > :afterUserId)\norder by members.user_id\nlimit :limit!::int"};

/**
 * Query generated from SQL:
 * ```
 * -- Keyset pagination on the primary key (org_id, user_id), so every page is an index range.
 * select
 *   members.user_id as "userId",
 *   members.role,
 *   users.email,
 *   users.display_name as "displayName",
 *   members.created_at as "createdAt",
 *   members.updated_at as "updatedAt"
 * from org_members as members
 * join users on users.id = members.user_id
 * where members.org_id = (select current_org_id())
 *   and (:afterUserId::uuid is null or members.user_id > :afterUserId)
 * order by members.user_id
 * limit :limit!::int
 * ```
 */
export const listMembers = new PreparedQuery<IListMembersParams,IListMembersResult>(listMembersIR);


/** 'LockOwners' parameters type */
export type ILockOwnersParams = void;

/** 'LockOwners' return type */
export interface ILockOwnersResult {
  owners: number;
}

/** 'LockOwners' query type */
export interface ILockOwnersQuery {
  params: ILockOwnersParams;
  result: ILockOwnersResult;
}

const lockOwnersIR: any = {"usedParamSet":{},"params":[],"statement":"-- Locks every owner row of the organization and counts them. A service that demotes or removes\n-- an owner runs this first, so two concurrent demotions cannot leave the organization without an\n-- owner: the second waits for the first and, under read committed, then counts the rows as\n-- they are after the first committed.\nselect count(*)::int as \"owners!\"\nfrom (\n  select user_id\n  from org_members\n  where org_id = (select current_org_id()) and role = 'owner'\n  for update\n) as owners"};

/**
 * Query generated from SQL:
 * ```
 * -- Locks every owner row of the organization and counts them. A service that demotes or removes
 * -- an owner runs this first, so two concurrent demotions cannot leave the organization without an
 * -- owner: the second waits for the first and, under read committed, then counts the rows as
 * -- they are after the first committed.
 * select count(*)::int as "owners!"
 * from (
 *   select user_id
 *   from org_members
 *   where org_id = (select current_org_id()) and role = 'owner'
 *   for update
 * ) as owners
 * ```
 */
export const lockOwners = new PreparedQuery<ILockOwnersParams,ILockOwnersResult>(lockOwnersIR);


/** 'UpdateMemberRole' parameters type */
export interface IUpdateMemberRoleParams {
  role: org_member_role;
  userId: string;
}

/** 'UpdateMemberRole' return type */
export interface IUpdateMemberRoleResult {
  createdAt: Date;
  role: org_member_role;
  updatedAt: Date;
  userId: string;
}

/** 'UpdateMemberRole' query type */
export interface IUpdateMemberRoleQuery {
  params: IUpdateMemberRoleParams;
  result: IUpdateMemberRoleResult;
}

const updateMemberRoleIR: any = {"usedParamSet":{"role":true,"userId":true},"params":[{"name":"role","required":true,"transform":{"type":"scalar"},"locs":[{"a":30,"b":35}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":92,"b":99}]}],"statement":"update org_members\nset role = :role!\nwhere org_id = (select current_org_id()) and user_id = :userId!\nreturning user_id as \"userId\", role, created_at as \"createdAt\", updated_at as \"updatedAt\""};

/**
 * Query generated from SQL:
 * ```
 * update org_members
 * set role = :role!
 * where org_id = (select current_org_id()) and user_id = :userId!
 * returning user_id as "userId", role, created_at as "createdAt", updated_at as "updatedAt"
 * ```
 */
export const updateMemberRole = new PreparedQuery<IUpdateMemberRoleParams,IUpdateMemberRoleResult>(updateMemberRoleIR);


/** 'DeleteMember' parameters type */
export interface IDeleteMemberParams {
  userId: string;
}

/** 'DeleteMember' return type */
export interface IDeleteMemberResult {
  role: org_member_role;
  userId: string;
}

/** 'DeleteMember' query type */
export interface IDeleteMemberQuery {
  params: IDeleteMemberParams;
  result: IDeleteMemberResult;
}

const deleteMemberIR: any = {"usedParamSet":{"userId":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":79,"b":86}]}],"statement":"delete from org_members\nwhere org_id = (select current_org_id()) and user_id = :userId!\nreturning user_id as \"userId\", role"};

/**
 * Query generated from SQL:
 * ```
 * delete from org_members
 * where org_id = (select current_org_id()) and user_id = :userId!
 * returning user_id as "userId", role
 * ```
 */
export const deleteMember = new PreparedQuery<IDeleteMemberParams,IDeleteMemberResult>(deleteMemberIR);


