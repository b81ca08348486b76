/*
 * Credentials that the user in context connected. A row holds the Vault path of the secret
 * (secret_ref) and non-secret metadata, never the secret, and every statement works on the
 * rows of the user in context only.
 */

/* @name InsertToken */
insert into user_tokens (org_id, user_id, provider, secret_ref, metadata, expires_at)
values (
  current_org_id(), current_user_id(), :provider!, :secretRef!,
  coalesce(:metadata::jsonb, '{}'), :expiresAt
)
returning
  id, provider, secret_ref as "secretRef", metadata, expires_at as "expiresAt",
  revoked_at as "revokedAt", created_at as "createdAt", updated_at as "updatedAt";

/* @name ListTokens */
-- Unrevoked tokens only unless includeRevoked is true. With includeRevoked false the filter
-- folds to revoked_at is null, which lets user_tokens_org_id_user_id_provider_key serve it.
select
  id, provider, secret_ref as "secretRef", metadata, expires_at as "expiresAt",
  revoked_at as "revokedAt", created_at as "createdAt", updated_at as "updatedAt"
from user_tokens
where org_id = (select current_org_id())
  and user_id = (select current_user_id())
  and (:includeRevoked!::boolean or revoked_at is null)
order by provider, created_at, id;

/* @name RevokeToken */
-- Revoking a revoked token keeps its first revocation time.
update user_tokens
set revoked_at = coalesce(revoked_at, now())
where org_id = (select current_org_id())
  and user_id = (select current_user_id())
  and id = :id!
returning
  id, provider, secret_ref as "secretRef", metadata, expires_at as "expiresAt",
  revoked_at as "revokedAt", created_at as "createdAt", updated_at as "updatedAt";
