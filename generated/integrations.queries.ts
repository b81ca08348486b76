/** Types generated for queries found in "queries/integrations.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type integration_kind = 'bigpanda' | 'cloudbees' | 'confluence' | 'datadog' | 'dynatrace' | 'github' | 'gitlab' | 'grafana' | 'jenkins' | 'jira' | 'netdata' | 'pagerduty' | 'slack' | 'splunk';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'InsertIntegration' parameters type */
export interface IInsertIntegrationParams {
  config?: Json | null | void;
  isEnabled?: boolean | null | void;
  kind: integration_kind;
  name: string;
  secretRef?: string | null | void;
}

/** 'InsertIntegration' return type */
export interface IInsertIntegrationResult {
  /** Non-secret settings (base URL, project keys, channel ids), validated by the JSON Schema of the kind. A key that looks like a secret at any depth raises AU003; see aurora_private.jsonb_secret_key_path(). */
  config: Json;
  createdAt: Date;
  /** User who connected the integration; NULL after that user is deleted. */
  createdBy: string | null;
  id: string;
  /** Whether Aurora uses the integration; disabled ones keep their settings. */
  isEnabled: boolean;
  kind: integration_kind;
  /** Label that tells several integrations of one kind apart, such as a GitHub org name. */
  name: string;
  /** Vault path of the credentials, written as vault:<path>; NULL for integrations that need none. */
  secretRef: string | null;
  updatedAt: Date;
}

/** 'InsertIntegration' query type */
export interface IInsertIntegrationQuery {
  params: IInsertIntegrationParams;
  result: IInsertIntegrationResult;
}

const insertIntegrationIR: any = {"usedParamSet":{"kind":true,"name":true,"config":true,"secretRef":true,"isEnabled":true},"params":[{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":210,"b":215}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":218,"b":223}]},{"name":"config","required":false,"transform":{"type":"scalar"},"locs":[{"a":235,"b":241}]},{"name":"secretRef","required":false,"transform":{"type":"scalar"},"locs":[{"a":258,"b":267}]},{"name":"isEnabled","required":false,"transform":{"type":"scalar"},"locs":[{"a":281,"b":290}]}],"statement":"-- created_by is the user in context, or NULL for work done on behalf of the organization.\ninsert into integrations (org_id, kind, name, config, secret_ref, is_enabled, created_by)\nvalues (\n  current_org_id(), :kind!, :name!, coalesce(:config::jsonb, '{}'), :secretRef,\n  coalesce(:isEnabled::boolean, true), current_user_id()\n)\nreturning\n  id, kind, name, config, secret_ref as \"secretRef\", is_enabled as \"isEnabled\",\n  created_by as \"createdBy\", created_at as \"createdAt\", updated_at as \"updatedAt\""};

/**
 * Query generated from SQL:
 * ```
 * -- created_by is the user in context, or NULL for work done on behalf of the organization.
 * insert into integrations (org_id, kind, name, config, secret_ref, is_enabled, created_by)
 * values (
 *   current_org_id(), :kind!, :name!, coalesce(:config::jsonb, '{}'), :secretRef,
 *   coalesce(:isEnabled::boolean, true), current_user_id()
 * )
 * returning
 *   id, kind, name, config, secret_ref as "secretRef", is_enabled as "isEnabled",
 *   created_by as "createdBy", created_at as "createdAt", updated_at as "updatedAt"
 * ```
 */
export const insertIntegration = new PreparedQuery<IInsertIntegrationParams,IInsertIntegrationResult>(insertIntegrationIR);


/** 'GetIntegration' parameters type */
export interface IGetIntegrationParams {
  id: string;
}

/** 'GetIntegration' return type */
export interface IGetIntegrationResult {
  /** Non-secret settings (base URL, project keys, channel ids), validated by the JSON Schema of the kind. A key that looks like a secret at any depth raises AU003; see aurora_private.jsonb_secret_key_path(). */
  config: Json;
  createdAt: Date;
  /** User who connected the integration; NULL after that user is deleted. */
  createdBy: string | null;
  id: string;
  /** Whether Aurora uses the integration; disabled ones keep their settings. */
  isEnabled: boolean;
  kind: integration_kind;
  /** Label that tells several integrations of one kind apart, such as a GitHub org name. */
  name: string;
  /** Vault path of the credentials, written as vault:<path>; NULL for integrations that need none. */
  secretRef: string | null;
  updatedAt: Date;
}

/** 'GetIntegration' query type */
export interface IGetIntegrationQuery {
  params: IGetIntegrationParams;
  result: IGetIntegrationResult;
}

const getIntegrationIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":237,"b":240}]}],"statement":"select\n  id, kind, name, config, secret_ref as \"secretRef\", is_enabled as \"isEnabled\",\n  created_by as \"createdBy\", created_at as \"createdAt\", updated_at as \"updatedAt\"\nfrom integrations\nwhere org_id = (select current_org_id()) and id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * select
 *   id, kind, name, config, secret_ref as "secretRef", is_enabled as "isEnabled",
 *   created_by as "createdBy", created_at as "createdAt", updated_at as "updatedAt"
 * from integrations
 * where org_id = (select current_org_id()) and id = :id!
 * ```
 */
export const getIntegration = new PreparedQuery<IGetIntegrationParams,IGetIntegrationResult>(getIntegrationIR);


/** 'ListIntegrations' parameters type */
export interface IListIntegrationsParams {
  kind?: integration_kind | null | void;
}

/** 'ListIntegrations' return type */
export interface IListIntegrationsResult {
  /** Non-secret settings (base URL, project keys, channel ids), validated by the JSON Schema of the kind. A key that looks like a secret at any depth raises AU003; see aurora_private.jsonb_secret_key_path(). */
  config: Json;
  createdAt: Date;
  /** User who connected the integration; NULL after that user is deleted. */
  createdBy: string | null;
  id: string;
  /** Whether Aurora uses the integration; disabled ones keep their settings. */
  isEnabled: boolean;
  kind: integration_kind;
  /** Label that tells several integrations of one kind apart, such as a GitHub org name. */
  name: string;
  /** Vault path of the credentials, written as vault:<path>; NULL for integrations that need none. */
  secretRef: string | null;
  updatedAt: Date;
}

/** 'ListIntegrations' query type */
export interface IListIntegrationsQuery {
  params: IListIntegrationsParams;
  result: IListIntegrationsResult;
}

const listIntegrationsIR: any = {"usedParamSet":{"kind":true},"params":[{"name":"kind","required":false,"transform":{"type":"scalar"},"locs":[{"a":235,"b":239},{"a":277,"b":281}]}],"statement":"select\n  id, kind, name, config, secret_ref as \"secretRef\", is_enabled as \"isEnabled\",\n  created_by as \"createdBy\", created_at as \"createdAt\", updated_at as \"updatedAt\"\nfrom integrations\nwhere org_id = (select current_org_id())\n  and (:kind::integration_kind is null or kind = :kind)\norder by kind, name"};

/**
 * Query generated from SQL:
 * ```
 * select
 *   id, kind, name, config, secret_ref as "secretRef", is_enabled as "isEnabled",
 *   created_by as "createdBy", created_at as "createdAt", updated_at as "updatedAt"
 * from integrations
 * where org_id = (select current_org_id())
 *   and (:kind::integration_kind is null or kind = :kind)
 * order by kind, name
 * ```
 */
export const listIntegrations = new PreparedQuery<IListIntegrationsParams,IListIntegrationsResult>(listIntegrationsIR);


/** 'UpdateIntegration' parameters type */
export interface IUpdateIntegrationParams {
  config?: Json | null | void;
  id: string;
  isEnabled?: boolean | null | void;
  name?: string | null | void;
  secretRef?: string | null | void;
  setSecretRef: boolean;
}

/** 'UpdateIntegration' return type */
export interface IUpdateIntegrationResult {
  /** Non-secret settings (base URL, project keys, channel ids), validated by the JSON Schema of the kind. A key that looks like a secret at any depth raises AU003; see aurora_private.jsonb_secret_key_path(). */
  config: Json;
  createdAt: Date;
  /** User who connected the integration; NULL after that user is deleted. */
  createdBy: string | null;
  id: string;
  /** Whether Aurora uses the integration; disabled ones keep their settings. */
  isEnabled: boolean;
  kind: integration_kind;
  /** Label that tells several integrations of one kind apart, such as a GitHub org name. */
  name: string;
  /** Vault path of the credentials, written as vault:<path>; NULL for integrations that need none. */
  secretRef: string | null;
  updatedAt: Date;
}

/** 'UpdateIntegration' query type */
export interface IUpdateIntegrationQuery {
  params: IUpdateIntegrationParams;
  result: IUpdateIntegrationResult;
}

const updateIntegrationIR: any = {"usedParamSet":{"name":true,"config":true,"isEnabled":true,"setSecretRef":true,"secretRef":true,"id":true},"params":[{"name":"name","required":false,"transform":{"type":"scalar"},"locs":[{"a":178,"b":182}]},{"name":"config","required":false,"transform":{"type":"scalar"},"locs":[{"a":212,"b":218}]},{"name":"isEnabled","required":false,"transform":{"type":"scalar"},"locs":[{"a":261,"b":270}]},{"name":"setSecretRef","required":true,"transform":{"type":"scalar"},"locs":[{"a":320,"b":333}]},{"name":"secretRef","required":false,"transform":{"type":"scalar"},"locs":[{"a":349,"b":358}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":430,"b":433}]}],"statement":"-- A null parameter keeps the column's value. secret_ref is replaced only when setSecretRef is\n-- true, so that it can also be cleared.\nupdate integrations\nset\n  name = coalesce(:name, name),\n  config = coalesce(:config::jsonb, config),\n  is_enabled = coalesce(:isEnabled::boolean, is_enabled),\n  secret_ref = case when :setSecretRef!::boolean then :secretRef else secret_ref end\nwhere org_id = (select current_org_id()) and id = :id!\nreturning\n  id, kind, name, config, secret_ref as \"secretRef\", is_enabled as \"isEnabled\",\n  created_by as \"createdBy\", created_at as \"createdAt\", updated_at as \"updatedAt\""};

/**
 * Query generated from SQL:
 * ```
 * -- A null parameter keeps the column's value. secret_ref is replaced only when setSecretRef is
 * -- true, so that it can also be cleared.
 * update integrations
 * set
 *   name = coalesce(:name, name),
 *   config = coalesce(:config::jsonb, config),
 *   is_enabled = coalesce(:isEnabled::boolean, is_enabled),
 *   secret_ref = case when :setSecretRef!::boolean then :secretRef else secret_ref end
 * where org_id = (select current_org_id()) and id = :id!
 * returning
 *   id, kind, name, config, secret_ref as "secretRef", is_enabled as "isEnabled",
 *   created_by as "createdBy", created_at as "createdAt", updated_at as "updatedAt"
 * ```
 */
export const updateIntegration = new PreparedQuery<IUpdateIntegrationParams,IUpdateIntegrationResult>(updateIntegrationIR);


/** 'DeleteIntegration' parameters type */
export interface IDeleteIntegrationParams {
  id: string;
}

/** 'DeleteIntegration' return type */
export interface IDeleteIntegrationResult {
  id: string;
  kind: integration_kind;
  /** Label that tells several integrations of one kind apart, such as a GitHub org name. */
  name: string;
}

/** 'DeleteIntegration' query type */
export interface IDeleteIntegrationQuery {
  params: IDeleteIntegrationParams;
  result: IDeleteIntegrationResult;
}

const deleteIntegrationIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":75,"b":78}]}],"statement":"delete from integrations\nwhere org_id = (select current_org_id()) and id = :id!\nreturning id, kind, name"};

/**
 * Query generated from SQL:
 * ```
 * delete from integrations
 * where org_id = (select current_org_id()) and id = :id!
 * returning id, kind, name
 * ```
 */
export const deleteIntegration = new PreparedQuery<IDeleteIntegrationParams,IDeleteIntegrationResult>(deleteIntegrationIR);


