/*
 * Identity: organizations, users and memberships.
 *
 * Tenant-scoped statements read the organization and the user from the transaction's context
 * (current_org_id(), current_user_id()) instead of taking them as parameters, so a service
 * cannot write into an organization other than the one in context. users has no row-level
 * security and the app role cannot read password_hash, so every statement on users names its
 * columns.
 */

/* @name CurrentTenant */
select current_org_id() as "orgId", current_user_id() as "userId";

/* @name InsertOrganizationWithOwner */
-- Creates the organization whose id the caller put in aurora.org_id, and makes the user in
-- aurora.user_id its owner, in one statement. The foreign key from org_members to organizations
-- is checked at the end of the statement, when the organization row exists.
with organization as (
  insert into organizations (id, slug, name)
  values (current_org_id(), :slug!, :name!)
  returning id, slug, name, created_at, updated_at
), owner as (
  insert into org_members (org_id, user_id, role)
  select organization.id, current_user_id(), 'owner'
  from organization
  returning user_id
)
select
  organization.id as "id!",
  organization.slug as "slug!",
  organization.name as "name!",
  owner.user_id as "ownerId!",
  organization.created_at as "createdAt!",
  organization.updated_at as "updatedAt!"
from organization
cross join owner;

/* @name GetOrganization */
select id, slug, name, created_at as "createdAt", updated_at as "updatedAt"
from organizations
where id = (select current_org_id());

/*
  The id of the organization with this slug. The app role sees an organization only once its id
  is in context, so this query runs as the maintenance role, before any tenant context exists.
*/
/* @name FindOrganizationIdBySlug */
select id from organizations where slug = :slug!;

/* @name RegisterUser */
select register_user(:email!, :password!, :displayName) as "id!";

/* @name Authenticate */
-- Returns NULL for an unknown address or a wrong password. The hash never leaves the server.
select authenticate(:email!, :password!) as "userId";

/* @name GetUser */
select id, email, display_name as "displayName", created_at as "createdAt"
from users
where id = :id!;

/* @name FindUserByEmail */
-- lower(email) matches the expression of users_email_key, so the lookup uses that index.
select id, email, display_name as "displayName", created_at as "createdAt"
from users
where lower(email) = lower(:email!);

/* @name InsertMember */
insert into org_members (org_id, user_id, role)
values (current_org_id(), :userId!, :role!)
returning user_id as "userId", role, created_at as "createdAt", updated_at as "updatedAt";

/* @name GetMember */
select
  members.user_id as "userId",
  members.role,
  users.email,
  users.display_name as "displayName",
  members.created_at as "createdAt",
  members.updated_at as "updatedAt"
from org_members as members
join users on users.id = members.user_id
where members.org_id = (select current_org_id()) and members.user_id = :userId!;

/* @name ListMembers */
-- Keyset pagination on the primary key (org_id, user_id), so every page is an index range.
select
  members.user_id as "userId",
  members.role,
  users.email,
  users.display_name as "displayName",
  members.created_at as "createdAt",
  members.updated_at as "updatedAt"
from org_members as members
join users on users.id = members.user_id
where members.org_id = (select current_org_id())
  and (:afterUserId::uuid is null or members.user_id > :afterUserId)
order by members.user_id
limit :limit!::int;

/* @name LockOwners */
-- Locks every owner row of the organization and counts them. A service that demotes or removes
-- an owner runs this first, so two concurrent demotions cannot leave the organization without an
-- owner: the second waits for the first and, under read committed, then counts the rows as
-- they are after the first committed.
select count(*)::int as "owners!"
from (
  select user_id
  from org_members
  where org_id = (select current_org_id()) and role = 'owner'
  for update
) as owners;

/* @name UpdateMemberRole */
update org_members
set role = :role!
where org_id = (select current_org_id()) and user_id = :userId!
returning user_id as "userId", role, created_at as "createdAt", updated_at as "updatedAt";

/* @name DeleteMember */
delete from org_members
where org_id = (select current_org_id()) and user_id = :userId!
returning user_id as "userId", role;
