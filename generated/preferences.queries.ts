/** Types generated for queries found in "queries/preferences.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'GetPreference' parameters type */
export interface IGetPreferenceParams {
  key: string;
}

/** 'GetPreference' return type */
export interface IGetPreferenceResult {
  createdAt: Date;
  key: string;
  updatedAt: Date;
  /** Any JSON value; services validate it against the JSON Schema registered for the key. */
  value: Json;
}

/** 'GetPreference' query type */
export interface IGetPreferenceQuery {
  params: IGetPreferenceParams;
  result: IGetPreferenceResult;
}

const getPreferenceIR: any = {"usedParamSet":{"key":true},"params":[{"name":"key","required":true,"transform":{"type":"scalar"},"locs":[{"a":190,"b":194}]}],"statement":"select key, value, created_at as \"createdAt\", updated_at as \"updatedAt\"\nfrom user_preferences\nwhere org_id = (select current_org_id())\n  and user_id = (select current_user_id())\n  and key = :key!"};

/**
 * Query generated from SQL:
 * ```
 * select key, value, created_at as "createdAt", updated_at as "updatedAt"
 * from user_preferences
 * where org_id = (select current_org_id())
 *   and user_id = (select current_user_id())
 *   and key = :key!
 * ```
 */
export const getPreference = new PreparedQuery<IGetPreferenceParams,IGetPreferenceResult>(getPreferenceIR);


/** 'ListPreferences' parameters type */
export type IListPreferencesParams = void;

/** 'ListPreferences' return type */
export interface IListPreferencesResult {
  createdAt: Date;
  key: string;
  updatedAt: Date;
  /** Any JSON value; services validate it against the JSON Schema registered for the key. */
  value: Json;
}

/** 'ListPreferences' query type */
export interface IListPreferencesQuery {
  params: IListPreferencesParams;
  result: IListPreferencesResult;
}

const listPreferencesIR: any = {"usedParamSet":{},"params":[],"statement":"select key, value, created_at as \"createdAt\", updated_at as \"updatedAt\"\nfrom user_preferences\nwhere org_id = (select current_org_id()) and user_id = (select current_user_id())\norder by key"};

/**
 * Query generated from SQL:
 * ```
 * select key, value, created_at as "createdAt", updated_at as "updatedAt"
 * from user_preferences
 * where org_id = (select current_org_id()) and user_id = (select current_user_id())
 * order by key
 * ```
 */
export const listPreferences = new PreparedQuery<IListPreferencesParams,IListPreferencesResult>(listPreferencesIR);


/** 'UpsertPreference' parameters type */
export interface IUpsertPreferenceParams {
  key: string;
  value: Json;
}

/** 'UpsertPreference' return type */
export interface IUpsertPreferenceResult {
  createdAt: Date;
  key: string;
  updatedAt: Date;
  /** Any JSON value; services validate it against the JSON Schema registered for the key. */
  value: Json;
}

/** 'UpsertPreference' query type */
export interface IUpsertPreferenceQuery {
  params: IUpsertPreferenceParams;
  result: IUpsertPreferenceResult;
}

const upsertPreferenceIR: any = {"usedParamSet":{"key":true,"value":true},"params":[{"name":"key","required":true,"transform":{"type":"scalar"},"locs":[{"a":104,"b":108}]},{"name":"value","required":true,"transform":{"type":"scalar"},"locs":[{"a":111,"b":117}]}],"statement":"insert into user_preferences (org_id, user_id, key, value)\nvalues (current_org_id(), current_user_id(), :key!, :value!::jsonb)\non conflict (org_id, user_id, key) do update set value = excluded.value\nreturning key, value, created_at as \"createdAt\", updated_at as \"updatedAt\""};

/**
 * Query generated from SQL:
 * ```
 * insert into user_preferences (org_id, user_id, key, value)
 * values (current_org_id(), current_user_id(), :key!, :value!::jsonb)
 * on conflict (org_id, user_id, key) do update set value = excluded.value
 * returning key, value, created_at as "createdAt", updated_at as "updatedAt"
 * ```
 */
export const upsertPreference = new PreparedQuery<IUpsertPreferenceParams,IUpsertPreferenceResult>(upsertPreferenceIR);


/** 'DeletePreference' parameters type */
export interface IDeletePreferenceParams {
  key: string;
}

/** 'DeletePreference' return type */
export interface IDeletePreferenceResult {
  key: string;
}

/** 'DeletePreference' query type */
export interface IDeletePreferenceQuery {
  params: IDeletePreferenceParams;
  result: IDeletePreferenceResult;
}

const deletePreferenceIR: any = {"usedParamSet":{"key":true},"params":[{"name":"key","required":true,"transform":{"type":"scalar"},"locs":[{"a":125,"b":129}]}],"statement":"delete from user_preferences\nwhere org_id = (select current_org_id())\n  and user_id = (select current_user_id())\n  and key = :key!\nreturning key"};

/**
 * Query generated from SQL:
 * ```
 * delete from user_preferences
 * where org_id = (select current_org_id())
 *   and user_id = (select current_user_id())
 *   and key = :key!
 * returning key
 * ```
 */
export const deletePreference = new PreparedQuery<IDeletePreferenceParams,IDeletePreferenceResult>(deletePreferenceIR);


