/*
 * Integrations: an organization's connections to external systems. config holds non-secret
 * settings only (the table rejects secret-looking keys with AU003) and secret_ref the Vault path
 * of the credentials. Lists follow the unique index on (org_id, kind, name).
 */

/* @name InsertIntegration */
-- created_by is the user in context, or NULL for work done on behalf of the organization.
insert into integrations (org_id, kind, name, config, secret_ref, is_enabled, created_by)
values (
  current_org_id(), :kind!, :name!, coalesce(:config::jsonb, '{}'), :secretRef,
  coalesce(:isEnabled::boolean, true), current_user_id()
)
returning
  id, kind, name, config, secret_ref as "secretRef", is_enabled as "isEnabled",
  created_by as "createdBy", created_at as "createdAt", updated_at as "updatedAt";

/* @name GetIntegration */
select
  id, kind, name, config, secret_ref as "secretRef", is_enabled as "isEnabled",
  created_by as "createdBy", created_at as "createdAt", updated_at as "updatedAt"
from integrations
where org_id = (select current_org_id()) and id = :id!;

/* @name ListIntegrations */
select
  id, kind, name, config, secret_ref as "secretRef", is_enabled as "isEnabled",
  created_by as "createdBy", created_at as "createdAt", updated_at as "updatedAt"
from integrations
where org_id = (select current_org_id())
  and (:kind::integration_kind is null or kind = :kind)
order by kind, name;

/* @name UpdateIntegration */
-- A null parameter keeps the column's value. secret_ref is replaced only when setSecretRef is
-- true, so that it can also be cleared.
update integrations
set
  name = coalesce(:name, name),
  config = coalesce(:config::jsonb, config),
  is_enabled = coalesce(:isEnabled::boolean, is_enabled),
  secret_ref = case when :setSecretRef!::boolean then :secretRef else secret_ref end
where org_id = (select current_org_id()) and id = :id!
returning
  id, kind, name, config, secret_ref as "secretRef", is_enabled as "isEnabled",
  created_by as "createdBy", created_at as "createdAt", updated_at as "updatedAt";

/* @name DeleteIntegration */
delete from integrations
where org_id = (select current_org_id()) and id = :id!
returning id, kind, name;
