/** Types generated for queries found in "queries/tokens.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type token_provider = 'aws' | 'azure' | 'bigpanda' | 'cloudbees' | 'datadog' | 'dynatrace' | 'gcp' | 'github' | 'grafana' | 'jenkins' | 'netdata' | 'pagerduty' | 'slack' | 'splunk';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'InsertToken' parameters type */
export interface IInsertTokenParams {
  expiresAt?: DateOrString | null | void;
  metadata?: Json | null | void;
  provider: token_provider;
  secretRef: string;
}

/** 'InsertToken' return type */
export interface IInsertTokenResult {
  createdAt: Date;
  /** When the credential stops working, if the provider said so. */
  expiresAt: Date | null;
  id: string;
  /** Non-secret facts about the credential (account id, scopes, region). A key that looks like a secret at any depth (access_token, client_secret, password, api_key and similar) raises AU003; see aurora_private.jsonb_secret_key_path(). */
  metadata: Json;
  provider: token_provider;
  /** When the user or a service revoked the token; NULL while it is usable. */
  revokedAt: Date | null;
  /** Vault path of the secret, written as vault:<path>, for example vault:secret/data/aurora/x. */
  secretRef: string;
  updatedAt: Date;
}

/** 'InsertToken' query type */
export interface IInsertTokenQuery {
  params: IInsertTokenParams;
  result: IInsertTokenResult;
}

const insertTokenIR: any = {"usedParamSet":{"provider":true,"secretRef":true,"metadata":true,"expiresAt":true},"params":[{"name":"provider","required":true,"transform":{"type":"scalar"},"locs":[{"a":134,"b":143}]},{"name":"secretRef","required":true,"transform":{"type":"scalar"},"locs":[{"a":146,"b":156}]},{"name":"metadata","required":false,"transform":{"type":"scalar"},"locs":[{"a":170,"b":178}]},{"name":"expiresAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":195,"b":204}]}],"statement":"insert into user_tokens (org_id, user_id, provider, secret_ref, metadata, expires_at)\nvalues (\n  current_org_id(), current_user_id(), :provider!, :secretRef!,\n  coalesce(:metadata::jsonb, '{}'), :expiresAt\n)\nreturning\n  id, provider, secret_ref as \"secretRef\", metadata, expires_at as \"expiresAt\",\n  revoked_at as \"revokedAt\", created_at as \"createdAt\", updated_at as \"updatedAt\""};

/**
 * Query generated from SQL:
 * ```
 * insert into user_tokens (org_id, user_id, provider, secret_ref, metadata, expires_at)
 * values (
 *   current_org_id(), current_user_id(), :provider!, :secretRef!,
 *   coalesce(:metadata::jsonb, '{}'), :expiresAt
 * )
 * returning
 *   id, provider, secret_ref as "secretRef", metadata, expires_at as "expiresAt",
 *   revoked_at as "revokedAt", created_at as "createdAt", updated_at as "updatedAt"
 * ```
 */
export const insertToken = new PreparedQuery<IInsertTokenParams,IInsertTokenResult>(insertTokenIR);


/** 'ListTokens' parameters type */
export interface IListTokensParams {
  includeRevoked: boolean;
}

/** 'ListTokens' return type */
export interface IListTokensResult {
  createdAt: Date;
  /** When the credential stops working, if the provider said so. */
  expiresAt: Date | null;
  id: string;
  /** Non-secret facts about the credential (account id, scopes, region). A key that looks like a secret at any depth (access_token, client_secret, password, api_key and similar) raises AU003; see aurora_private.jsonb_secret_key_path(). */
  metadata: Json;
  provider: token_provider;
  /** When the user or a service revoked the token; NULL while it is usable. */
  revokedAt: Date | null;
  /** Vault path of the secret, written as vault:<path>, for example vault:secret/data/aurora/x. */
  secretRef: string;
  updatedAt: Date;
}

/** 'ListTokens' query type */
export interface IListTokensQuery {
  params: IListTokensParams;
  result: IListTokensResult;
}

const listTokensIR: any = {"usedParamSet":{"includeRevoked":true},"params":[{"name":"includeRevoked","required":true,"transform":{"type":"scalar"},"locs":[{"a":463,"b":478}]}],"statement":"-- Unrevoked tokens only unless includeRevoked is true. With includeRevoked false the filter\n-- folds to revoked_at is null, which lets user_tokens_org_id_user_id_provider_key serve it.\nselect\n  id, provider, secret_ref as \"secretRef\", metadata, expires_at as \"expiresAt\",\n  revoked_at as \"revokedAt\", created_at as \"createdAt\", updated_at as \"updatedAt\"\nfrom user_tokens\nwhere org_id = (select current_org_id())\n  and user_id = (select current_user_id())\n  and (:includeRevoked!::boolean or revoked_at is null)\norder by provider, created_at, id"};

/**
 * Query generated from SQL:
 * ```
 * -- Unrevoked tokens only unless includeRevoked is true. With includeRevoked false the filter
 * -- folds to revoked_at is null, which lets user_tokens_org_id_user_id_provider_key serve it.
 * select
 *   id, provider, secret_ref as "secretRef", metadata, expires_at as "expiresAt",
 *   revoked_at as "revokedAt", created_at as "createdAt", updated_at as "updatedAt"
 * from user_tokens
 * where org_id = (select current_org_id())
 *   and user_id = (select current_user_id())
 *   and (:includeRevoked!::boolean or revoked_at is null)
 * order by provider, created_at, id
 * ```
 */
export const listTokens = new PreparedQuery<IListTokensParams,IListTokensResult>(listTokensIR);


/** 'RevokeToken' parameters type */
export interface IRevokeTokenParams {
  id: string;
}

/** 'RevokeToken' return type */
export interface IRevokeTokenResult {
  createdAt: Date;
  /** When the credential stops working, if the provider said so. */
  expiresAt: Date | null;
  id: string;
  /** Non-secret facts about the credential (account id, scopes, region). A key that looks like a secret at any depth (access_token, client_secret, password, api_key and similar) raises AU003; see aurora_private.jsonb_secret_key_path(). */
  metadata: Json;
  provider: token_provider;
  /** When the user or a service revoked the token; NULL while it is usable. */
  revokedAt: Date | null;
  /** Vault path of the secret, written as vault:<path>, for example vault:secret/data/aurora/x. */
  secretRef: string;
  updatedAt: Date;
}

/** 'RevokeToken' query type */
export interface IRevokeTokenQuery {
  params: IRevokeTokenParams;
  result: IRevokeTokenResult;
}

const revokeTokenIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":220,"b":223}]}],"statement":"-- Revoking a revoked token keeps its first revocation time.\nupdate user_tokens\nset revoked_at = coalesce(revoked_at, now())\nwhere org_id = (select current_org_id())\n  and user_id = (select current_user_id())\n  and id = :id!\nreturning\n  id, provider, secret_ref as \"secretRef\", metadata, expires_at as \"expiresAt\",\n  revoked_at as \"revokedAt\", created_at as \"createdAt\", updated_at as \"updatedAt\""};

/**
 * Query generated from SQL:
 * ```
 * -- Revoking a revoked token keeps its first revocation time.
 * update user_tokens
 * set revoked_at = coalesce(revoked_at, now())
 * where org_id = (select current_org_id())
 *   and user_id = (select current_user_id())
 *   and id = :id!
 * returning
 *   id, provider, secret_ref as "secretRef", metadata, expires_at as "expiresAt",
 *   revoked_at as "revokedAt", created_at as "createdAt", updated_at as "updatedAt"
 * ```
 */
export const revokeToken = new PreparedQuery<IRevokeTokenParams,IRevokeTokenResult>(revokeTokenIR);


