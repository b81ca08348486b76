/** Types generated for queries found in "queries/kubernetes.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'LockClusterSync' parameters type */
export interface ILockClusterSyncParams {
  cluster: string;
}

/** 'LockClusterSync' return type */
export interface ILockClusterSyncResult {
  locked: boolean | null;
}

/** 'LockClusterSync' query type */
export interface ILockClusterSyncQuery {
  params: ILockClusterSyncParams;
  result: ILockClusterSyncResult;
}

const lockClusterSyncIR: any = {"usedParamSet":{"cluster":true},"params":[{"name":"cluster","required":true,"transform":{"type":"scalar"},"locs":[{"a":275,"b":283}]}],"statement":"-- Waits until no other transaction syncs the same cluster of the organization in context, and\n-- holds the lock until this transaction ends.\nselect true as locked\nfrom pg_advisory_xact_lock(\n  hashtextextended('aurora.k8s_sync/' || (select current_org_id())::text || '/' || :cluster!, 0)\n)"};

/**
 * Query generated from SQL:
 * ```
 * -- Waits until no other transaction syncs the same cluster of the organization in context, and
 * -- holds the lock until this transaction ends.
 * select true as locked
 * from pg_advisory_xact_lock(
 *   hashtextextended('aurora.k8s_sync/' || (select current_org_id())::text || '/' || :cluster!, 0)
 * )
 * ```
 */
export const lockClusterSync = new PreparedQuery<ILockClusterSyncParams,ILockClusterSyncResult>(lockClusterSyncIR);


/** 'UpsertPods' parameters type */
export interface IUpsertPodsParams {
  cluster: string;
  rows: Json;
}

/** 'UpsertPods' return type */
export interface IUpsertPodsResult {
  id: string;
  inserted: boolean;
}

/** 'UpsertPods' query type */
export interface IUpsertPodsQuery {
  params: IUpsertPodsParams;
  result: IUpsertPodsResult;
}

const upsertPodsIR: any = {"usedParamSet":{"cluster":true,"rows":true},"params":[{"name":"cluster","required":true,"transform":{"type":"scalar"},"locs":[{"a":286,"b":294}]},{"name":"rows","required":true,"transform":{"type":"scalar"},"locs":[{"a":620,"b":625}]}],"statement":"insert into k8s_pods as stored (\n  org_id, cluster, namespace, name, uid, api_version, labels, creation_timestamp, object, phase,\n  node_name, pod_ip, host_ip, restart_count, ready_containers, total_containers, owner_kind,\n  owner_name, started_at\n)\nselect\n  (select current_org_id()), :cluster!, item.namespace, item.name, item.uid, item.api_version,\n  coalesce(item.labels, '{}'), item.creation_timestamp, item.object, item.phase, item.node_name,\n  item.pod_ip, item.host_ip, item.restart_count, item.ready_containers, item.total_containers,\n  item.owner_kind, item.owner_name, item.started_at\nfrom jsonb_to_recordset(:rows!::jsonb) as item (\n  namespace text, name text, uid text, api_version text, labels jsonb,\n  creation_timestamp timestamptz, object jsonb, phase text, node_name text, pod_ip inet,\n  host_ip inet, restart_count integer, ready_containers integer, total_containers integer,\n  owner_kind text, owner_name text, started_at timestamptz\n)\non conflict (org_id, cluster, namespace, name) do update\nset uid = excluded.uid,\n  api_version = excluded.api_version,\n  labels = excluded.labels,\n  creation_timestamp = excluded.creation_timestamp,\n  object = excluded.object,\n  phase = excluded.phase,\n  node_name = excluded.node_name,\n  pod_ip = excluded.pod_ip,\n  host_ip = excluded.host_ip,\n  restart_count = excluded.restart_count,\n  ready_containers = excluded.ready_containers,\n  total_containers = excluded.total_containers,\n  owner_kind = excluded.owner_kind,\n  owner_name = excluded.owner_name,\n  started_at = excluded.started_at,\n  synced_at = now()\nwhere (\n  stored.uid, stored.api_version, stored.labels, stored.creation_timestamp, stored.object,\n  stored.phase, stored.node_name, stored.pod_ip, stored.host_ip, stored.restart_count,\n  stored.ready_containers, stored.total_containers, stored.owner_kind, stored.owner_name,\n  stored.started_at\n) is distinct from (\n  excluded.uid, excluded.api_version, excluded.labels, excluded.creation_timestamp,\n  excluded.object, excluded.phase, excluded.node_name, excluded.pod_ip, excluded.host_ip,\n  excluded.restart_count, excluded.ready_containers, excluded.total_containers,\n  excluded.owner_kind, excluded.owner_name, excluded.started_at\n)\nreturning id, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into k8s_pods as stored (
 *   org_id, cluster, namespace, name, uid, api_version, labels, creation_timestamp, object, phase,
 *   node_name, pod_ip, host_ip, restart_count, ready_containers, total_containers, owner_kind,
 *   owner_name, started_at
 * )
 * select
 *   (select current_org_id()), :cluster!, item.namespace, item.name, item.uid, item.api_version,
 *   coalesce(item.labels, '{}'), item.creation_timestamp, item.object, item.phase, item.node_name,
 *   item.pod_ip, item.host_ip, item.restart_count, item.ready_containers, item.total_containers,
 *   item.owner_kind, item.owner_name, item.started_at
 * from jsonb_to_recordset(:rows!::jsonb) as item (
 *   namespace text, name text, uid text, api_version text, labels jsonb,
 *   creation_timestamp timestamptz, object jsonb, phase text, node_name text, pod_ip inet,
 *   host_ip inet, restart_count integer, ready_containers integer, total_containers integer,
 *   owner_kind text, owner_name text, started_at timestamptz
 * )
 * on conflict (org_id, cluster, namespace, name) do update
 * set uid = excluded.uid,
 *   api_version = excluded.api_version,
 *   labels = excluded.labels,
 *   creation_timestamp = excluded.creation_timestamp,
 *   object = excluded.object,
 *   phase = excluded.phase,
 *   node_name = excluded.node_name,
 *   pod_ip = excluded.pod_ip,
 *   host_ip = excluded.host_ip,
 *   restart_count = excluded.restart_count,
 *   ready_containers = excluded.ready_containers,
 *   total_containers = excluded.total_containers,
 *   owner_kind = excluded.owner_kind,
 *   owner_name = excluded.owner_name,
 *   started_at = excluded.started_at,
 *   synced_at = now()
 * where (
 *   stored.uid, stored.api_version, stored.labels, stored.creation_timestamp, stored.object,
 *   stored.phase, stored.node_name, stored.pod_ip, stored.host_ip, stored.restart_count,
 *   stored.ready_containers, stored.total_containers, stored.owner_kind, stored.owner_name,
 *   stored.started_at
 * ) is distinct from (
 *   excluded.uid, excluded.api_version, excluded.labels, excluded.creation_timestamp,
 *   excluded.object, excluded.phase, excluded.node_name, excluded.pod_ip, excluded.host_ip,
 *   excluded.restart_count, excluded.ready_containers, excluded.total_containers,
 *   excluded.owner_kind, excluded.owner_name, excluded.started_at
 * )
 * returning id, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertPods = new PreparedQuery<IUpsertPodsParams,IUpsertPodsResult>(upsertPodsIR);


/** 'DeleteStalePods' parameters type */
export interface IDeleteStalePodsParams {
  cluster: string;
  names: stringArray;
  namespaces: stringArray;
}

/** 'DeleteStalePods' return type */
export interface IDeleteStalePodsResult {
  name: string;
  namespace: string;
}

/** 'DeleteStalePods' query type */
export interface IDeleteStalePodsQuery {
  params: IDeleteStalePodsParams;
  result: IDeleteStalePodsResult;
}

const deleteStalePodsIR: any = {"usedParamSet":{"cluster":true,"namespaces":true,"names":true},"params":[{"name":"cluster","required":true,"transform":{"type":"scalar"},"locs":[{"a":185,"b":193}]},{"name":"namespaces","required":true,"transform":{"type":"scalar"},"locs":[{"a":241,"b":252}]},{"name":"names","required":true,"transform":{"type":"scalar"},"locs":[{"a":263,"b":269}]}],"statement":"-- Deletes the pods of the cluster whose (namespace, name) is not in the snapshot.\ndelete from k8s_pods as stored\nwhere stored.org_id = (select current_org_id())\n  and stored.cluster = :cluster!\n  and not exists (\n    select\n    from unnest(:namespaces!::text[], :names!::text[]) as kept (namespace, name)\n    where kept.namespace = stored.namespace and kept.name = stored.name\n  )\nreturning stored.namespace, stored.name"};

/**
 * Query generated from SQL:
 * ```
 * -- Deletes the pods of the cluster whose (namespace, name) is not in the snapshot.
 * delete from k8s_pods as stored
 * where stored.org_id = (select current_org_id())
 *   and stored.cluster = :cluster!
 *   and not exists (
 *     select
 *     from unnest(:namespaces!::text[], :names!::text[]) as kept (namespace, name)
 *     where kept.namespace = stored.namespace and kept.name = stored.name
 *   )
 * returning stored.namespace, stored.name
 * ```
 */
export const deleteStalePods = new PreparedQuery<IDeleteStalePodsParams,IDeleteStalePodsResult>(deleteStalePodsIR);


/** 'UpsertNodes' parameters type */
export interface IUpsertNodesParams {
  cluster: string;
  rows: Json;
}

/** 'UpsertNodes' return type */
export interface IUpsertNodesResult {
  id: string;
  inserted: boolean;
}

/** 'UpsertNodes' query type */
export interface IUpsertNodesQuery {
  params: IUpsertNodesParams;
  result: IUpsertNodesResult;
}

const upsertNodesIR: any = {"usedParamSet":{"cluster":true,"rows":true},"params":[{"name":"cluster","required":true,"transform":{"type":"scalar"},"locs":[{"a":256,"b":264}]},{"name":"rows","required":true,"transform":{"type":"scalar"},"locs":[{"a":546,"b":551}]}],"statement":"insert into k8s_nodes as stored (\n  org_id, cluster, name, uid, api_version, labels, creation_timestamp, object, status, roles,\n  internal_ip, kubelet_version, os_image, cpu_capacity, memory_capacity, is_unschedulable\n)\nselect\n  (select current_org_id()), :cluster!, item.name, item.uid, item.api_version,\n  coalesce(item.labels, '{}'), item.creation_timestamp, item.object, item.status, item.roles,\n  item.internal_ip, item.kubelet_version, item.os_image, item.cpu_capacity, item.memory_capacity,\n  item.is_unschedulable\nfrom jsonb_to_recordset(:rows!::jsonb) as item (\n  name text, uid text, api_version text, labels jsonb, creation_timestamp timestamptz,\n  object jsonb, status text, roles text[], internal_ip inet, kubelet_version text, os_image text,\n  cpu_capacity text, memory_capacity text, is_unschedulable boolean\n)\non conflict (org_id, cluster, name) do update\nset uid = excluded.uid,\n  api_version = excluded.api_version,\n  labels = excluded.labels,\n  creation_timestamp = excluded.creation_timestamp,\n  object = excluded.object,\n  status = excluded.status,\n  roles = excluded.roles,\n  internal_ip = excluded.internal_ip,\n  kubelet_version = excluded.kubelet_version,\n  os_image = excluded.os_image,\n  cpu_capacity = excluded.cpu_capacity,\n  memory_capacity = excluded.memory_capacity,\n  is_unschedulable = excluded.is_unschedulable,\n  synced_at = now()\nwhere (\n  stored.uid, stored.api_version, stored.labels, stored.creation_timestamp, stored.object,\n  stored.status, stored.roles, stored.internal_ip, stored.kubelet_version, stored.os_image,\n  stored.cpu_capacity, stored.memory_capacity, stored.is_unschedulable\n) is distinct from (\n  excluded.uid, excluded.api_version, excluded.labels, excluded.creation_timestamp,\n  excluded.object, excluded.status, excluded.roles, excluded.internal_ip,\n  excluded.kubelet_version, excluded.os_image, excluded.cpu_capacity, excluded.memory_capacity,\n  excluded.is_unschedulable\n)\nreturning id, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into k8s_nodes as stored (
 *   org_id, cluster, name, uid, api_version, labels, creation_timestamp, object, status, roles,
 *   internal_ip, kubelet_version, os_image, cpu_capacity, memory_capacity, is_unschedulable
 * )
 * select
 *   (select current_org_id()), :cluster!, item.name, item.uid, item.api_version,
 *   coalesce(item.labels, '{}'), item.creation_timestamp, item.object, item.status, item.roles,
 *   item.internal_ip, item.kubelet_version, item.os_image, item.cpu_capacity, item.memory_capacity,
 *   item.is_unschedulable
 * from jsonb_to_recordset(:rows!::jsonb) as item (
 *   name text, uid text, api_version text, labels jsonb, creation_timestamp timestamptz,
 *   object jsonb, status text, roles text[], internal_ip inet, kubelet_version text, os_image text,
 *   cpu_capacity text, memory_capacity text, is_unschedulable boolean
 * )
 * on conflict (org_id, cluster, name) do update
 * set uid = excluded.uid,
 *   api_version = excluded.api_version,
 *   labels = excluded.labels,
 *   creation_timestamp = excluded.creation_timestamp,
 *   object = excluded.object,
 *   status = excluded.status,
 *   roles = excluded.roles,
 *   internal_ip = excluded.internal_ip,
 *   kubelet_version = excluded.kubelet_version,
 *   os_image = excluded.os_image,
 *   cpu_capacity = excluded.cpu_capacity,
 *   memory_capacity = excluded.memory_capacity,
 *   is_unschedulable = excluded.is_unschedulable,
 *   synced_at = now()
 * where (
 *   stored.uid, stored.api_version, stored.labels, stored.creation_timestamp, stored.object,
 *   stored.status, stored.roles, stored.internal_ip, stored.kubelet_version, stored.os_image,
 *   stored.cpu_capacity, stored.memory_capacity, stored.is_unschedulable
 * ) is distinct from (
 *   excluded.uid, excluded.api_version, excluded.labels, excluded.creation_timestamp,
 *   excluded.object, excluded.status, excluded.roles, excluded.internal_ip,
 *   excluded.kubelet_version, excluded.os_image, excluded.cpu_capacity, excluded.memory_capacity,
 *   excluded.is_unschedulable
 * )
 * returning id, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertNodes = new PreparedQuery<IUpsertNodesParams,IUpsertNodesResult>(upsertNodesIR);


/** 'DeleteStaleNodes' parameters type */
export interface IDeleteStaleNodesParams {
  cluster: string;
  names: stringArray;
}

/** 'DeleteStaleNodes' return type */
export interface IDeleteStaleNodesResult {
  name: string;
}

/** 'DeleteStaleNodes' query type */
export interface IDeleteStaleNodesQuery {
  params: IDeleteStaleNodesParams;
  result: IDeleteStaleNodesResult;
}

const deleteStaleNodesIR: any = {"usedParamSet":{"cluster":true,"names":true},"params":[{"name":"cluster","required":true,"transform":{"type":"scalar"},"locs":[{"a":174,"b":182}]},{"name":"names","required":true,"transform":{"type":"scalar"},"locs":[{"a":230,"b":236}]}],"statement":"-- Deletes the nodes of the cluster whose name is not in the snapshot.\ndelete from k8s_nodes as stored\nwhere stored.org_id = (select current_org_id())\n  and stored.cluster = :cluster!\n  and not exists (\n    select\n    from unnest(:names!::text[]) as kept (name)\n    where kept.name = stored.name\n  )\nreturning stored.name"};

/**
 * Query generated from SQL:
 * ```
 * -- Deletes the nodes of the cluster whose name is not in the snapshot.
 * delete from k8s_nodes as stored
 * where stored.org_id = (select current_org_id())
 *   and stored.cluster = :cluster!
 *   and not exists (
 *     select
 *     from unnest(:names!::text[]) as kept (name)
 *     where kept.name = stored.name
 *   )
 * returning stored.name
 * ```
 */
export const deleteStaleNodes = new PreparedQuery<IDeleteStaleNodesParams,IDeleteStaleNodesResult>(deleteStaleNodesIR);


/** 'UpsertServices' parameters type */
export interface IUpsertServicesParams {
  cluster: string;
  rows: Json;
}

/** 'UpsertServices' return type */
export interface IUpsertServicesResult {
  id: string;
  inserted: boolean;
}

/** 'UpsertServices' query type */
export interface IUpsertServicesQuery {
  params: IUpsertServicesParams;
  result: IUpsertServicesResult;
}

const upsertServicesIR: any = {"usedParamSet":{"cluster":true,"rows":true},"params":[{"name":"cluster","required":true,"transform":{"type":"scalar"},"locs":[{"a":215,"b":223}]},{"name":"rows","required":true,"transform":{"type":"scalar"},"locs":[{"a":449,"b":454}]}],"statement":"insert into k8s_services as stored (\n  org_id, cluster, namespace, name, uid, api_version, labels, creation_timestamp, object, type,\n  cluster_ip, external_ips, ports, selector\n)\nselect\n  (select current_org_id()), :cluster!, item.namespace, item.name, item.uid, item.api_version,\n  coalesce(item.labels, '{}'), item.creation_timestamp, item.object, item.type, item.cluster_ip,\n  item.external_ips, item.ports, item.selector\nfrom jsonb_to_recordset(:rows!::jsonb) as item (\n  namespace text, name text, uid text, api_version text, labels jsonb,\n  creation_timestamp timestamptz, object jsonb, type text, cluster_ip inet, external_ips text[],\n  ports jsonb, selector jsonb\n)\non conflict (org_id, cluster, namespace, name) do update\nset uid = excluded.uid,\n  api_version = excluded.api_version,\n  labels = excluded.labels,\n  creation_timestamp = excluded.creation_timestamp,\n  object = excluded.object,\n  type = excluded.type,\n  cluster_ip = excluded.cluster_ip,\n  external_ips = excluded.external_ips,\n  ports = excluded.ports,\n  selector = excluded.selector,\n  synced_at = now()\nwhere (\n  stored.uid, stored.api_version, stored.labels, stored.creation_timestamp, stored.object,\n  stored.type, stored.cluster_ip, stored.external_ips, stored.ports, stored.selector\n) is distinct from (\n  excluded.uid, excluded.api_version, excluded.labels, excluded.creation_timestamp,\n  excluded.object, excluded.type, excluded.cluster_ip, excluded.external_ips, excluded.ports,\n  excluded.selector\n)\nreturning id, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into k8s_services as stored (
 *   org_id, cluster, namespace, name, uid, api_version, labels, creation_timestamp, object, type,
 *   cluster_ip, external_ips, ports, selector
 * )
 * select
 *   (select current_org_id()), :cluster!, item.namespace, item.name, item.uid, item.api_version,
 *   coalesce(item.labels, '{}'), item.creation_timestamp, item.object, item.type, item.cluster_ip,
 *   item.external_ips, item.ports, item.selector
 * from jsonb_to_recordset(:rows!::jsonb) as item (
 *   namespace text, name text, uid text, api_version text, labels jsonb,
 *   creation_timestamp timestamptz, object jsonb, type text, cluster_ip inet, external_ips text[],
 *   ports jsonb, selector jsonb
 * )
 * on conflict (org_id, cluster, namespace, name) do update
 * set uid = excluded.uid,
 *   api_version = excluded.api_version,
 *   labels = excluded.labels,
 *   creation_timestamp = excluded.creation_timestamp,
 *   object = excluded.object,
 *   type = excluded.type,
 *   cluster_ip = excluded.cluster_ip,
 *   external_ips = excluded.external_ips,
 *   ports = excluded.ports,
 *   selector = excluded.selector,
 *   synced_at = now()
 * where (
 *   stored.uid, stored.api_version, stored.labels, stored.creation_timestamp, stored.object,
 *   stored.type, stored.cluster_ip, stored.external_ips, stored.ports, stored.selector
 * ) is distinct from (
 *   excluded.uid, excluded.api_version, excluded.labels, excluded.creation_timestamp,
 *   excluded.object, excluded.type, excluded.cluster_ip, excluded.external_ips, excluded.ports,
 *   excluded.selector
 * )
 * returning id, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertServices = new PreparedQuery<IUpsertServicesParams,IUpsertServicesResult>(upsertServicesIR);


/** 'DeleteStaleServices' parameters type */
export interface IDeleteStaleServicesParams {
  cluster: string;
  names: stringArray;
  namespaces: stringArray;
}

/** 'DeleteStaleServices' return type */
export interface IDeleteStaleServicesResult {
  name: string;
  namespace: string;
}

/** 'DeleteStaleServices' query type */
export interface IDeleteStaleServicesQuery {
  params: IDeleteStaleServicesParams;
  result: IDeleteStaleServicesResult;
}

const deleteStaleServicesIR: any = {"usedParamSet":{"cluster":true,"namespaces":true,"names":true},"params":[{"name":"cluster","required":true,"transform":{"type":"scalar"},"locs":[{"a":193,"b":201}]},{"name":"namespaces","required":true,"transform":{"type":"scalar"},"locs":[{"a":249,"b":260}]},{"name":"names","required":true,"transform":{"type":"scalar"},"locs":[{"a":271,"b":277}]}],"statement":"-- Deletes the services of the cluster whose (namespace, name) is not in the snapshot.\ndelete from k8s_services as stored\nwhere stored.org_id = (select current_org_id())\n  and stored.cluster = :cluster!\n  and not exists (\n    select\n    from unnest(:namespaces!::text[], :names!::text[]) as kept (namespace, name)\n    where kept.namespace = stored.namespace and kept.name = stored.name\n  )\nreturning stored.namespace, stored.name"};

/**
 * Query generated from SQL:
 * ```
 * -- Deletes the services of the cluster whose (namespace, name) is not in the snapshot.
 * delete from k8s_services as stored
 * where stored.org_id = (select current_org_id())
 *   and stored.cluster = :cluster!
 *   and not exists (
 *     select
 *     from unnest(:namespaces!::text[], :names!::text[]) as kept (namespace, name)
 *     where kept.namespace = stored.namespace and kept.name = stored.name
 *   )
 * returning stored.namespace, stored.name
 * ```
 */
export const deleteStaleServices = new PreparedQuery<IDeleteStaleServicesParams,IDeleteStaleServicesResult>(deleteStaleServicesIR);


/** 'UpsertDeployments' parameters type */
export interface IUpsertDeploymentsParams {
  cluster: string;
  rows: Json;
}

/** 'UpsertDeployments' return type */
export interface IUpsertDeploymentsResult {
  id: string;
  inserted: boolean;
}

/** 'UpsertDeployments' query type */
export interface IUpsertDeploymentsQuery {
  params: IUpsertDeploymentsParams;
  result: IUpsertDeploymentsResult;
}

const upsertDeploymentsIR: any = {"usedParamSet":{"cluster":true,"rows":true},"params":[{"name":"cluster","required":true,"transform":{"type":"scalar"},"locs":[{"a":251,"b":259}]},{"name":"rows","required":true,"transform":{"type":"scalar"},"locs":[{"a":523,"b":528}]}],"statement":"insert into k8s_deployments as stored (\n  org_id, cluster, namespace, name, uid, api_version, labels, creation_timestamp, object,\n  replicas, ready_replicas, available_replicas, updated_replicas, strategy, images\n)\nselect\n  (select current_org_id()), :cluster!, item.namespace, item.name, item.uid, item.api_version,\n  coalesce(item.labels, '{}'), item.creation_timestamp, item.object, item.replicas,\n  item.ready_replicas, item.available_replicas, item.updated_replicas, item.strategy, item.images\nfrom jsonb_to_recordset(:rows!::jsonb) as item (\n  namespace text, name text, uid text, api_version text, labels jsonb,\n  creation_timestamp timestamptz, object jsonb, replicas integer, ready_replicas integer,\n  available_replicas integer, updated_replicas integer, strategy text, images text[]\n)\non conflict (org_id, cluster, namespace, name) do update\nset uid = excluded.uid,\n  api_version = excluded.api_version,\n  labels = excluded.labels,\n  creation_timestamp = excluded.creation_timestamp,\n  object = excluded.object,\n  replicas = excluded.replicas,\n  ready_replicas = excluded.ready_replicas,\n  available_replicas = excluded.available_replicas,\n  updated_replicas = excluded.updated_replicas,\n  strategy = excluded.strategy,\n  images = excluded.images,\n  synced_at = now()\nwhere (\n  stored.uid, stored.api_version, stored.labels, stored.creation_timestamp, stored.object,\n  stored.replicas, stored.ready_replicas, stored.available_replicas, stored.updated_replicas,\n  stored.strategy, stored.images\n) is distinct from (\n  excluded.uid, excluded.api_version, excluded.labels, excluded.creation_timestamp,\n  excluded.object, excluded.replicas, excluded.ready_replicas, excluded.available_replicas,\n  excluded.updated_replicas, excluded.strategy, excluded.images\n)\nreturning id, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into k8s_deployments as stored (
 *   org_id, cluster, namespace, name, uid, api_version, labels, creation_timestamp, object,
 *   replicas, ready_replicas, available_replicas, updated_replicas, strategy, images
 * )
 * select
 *   (select current_org_id()), :cluster!, item.namespace, item.name, item.uid, item.api_version,
 *   coalesce(item.labels, '{}'), item.creation_timestamp, item.object, item.replicas,
 *   item.ready_replicas, item.available_replicas, item.updated_replicas, item.strategy, item.images
 * from jsonb_to_recordset(:rows!::jsonb) as item (
 *   namespace text, name text, uid text, api_version text, labels jsonb,
 *   creation_timestamp timestamptz, object jsonb, replicas integer, ready_replicas integer,
 *   available_replicas integer, updated_replicas integer, strategy text, images text[]
 * )
 * on conflict (org_id, cluster, namespace, name) do update
 * set uid = excluded.uid,
 *   api_version = excluded.api_version,
 *   labels = excluded.labels,
 *   creation_timestamp = excluded.creation_timestamp,
 *   object = excluded.object,
 *   replicas = excluded.replicas,
 *   ready_replicas = excluded.ready_replicas,
 *   available_replicas = excluded.available_replicas,
 *   updated_replicas = excluded.updated_replicas,
 *   strategy = excluded.strategy,
 *   images = excluded.images,
 *   synced_at = now()
 * where (
 *   stored.uid, stored.api_version, stored.labels, stored.creation_timestamp, stored.object,
 *   stored.replicas, stored.ready_replicas, stored.available_replicas, stored.updated_replicas,
 *   stored.strategy, stored.images
 * ) is distinct from (
 *   excluded.uid, excluded.api_version, excluded.labels, excluded.creation_timestamp,
 *   excluded.object, excluded.replicas, excluded.ready_replicas, excluded.available_replicas,
 *   excluded.updated_replicas, excluded.strategy, excluded.images
 * )
 * returning id, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertDeployments = new PreparedQuery<IUpsertDeploymentsParams,IUpsertDeploymentsResult>(upsertDeploymentsIR);


/** 'DeleteStaleDeployments' parameters type */
export interface IDeleteStaleDeploymentsParams {
  cluster: string;
  names: stringArray;
  namespaces: stringArray;
}

/** 'DeleteStaleDeployments' return type */
export interface IDeleteStaleDeploymentsResult {
  name: string;
  namespace: string;
}

/** 'DeleteStaleDeployments' query type */
export interface IDeleteStaleDeploymentsQuery {
  params: IDeleteStaleDeploymentsParams;
  result: IDeleteStaleDeploymentsResult;
}

const deleteStaleDeploymentsIR: any = {"usedParamSet":{"cluster":true,"namespaces":true,"names":true},"params":[{"name":"cluster","required":true,"transform":{"type":"scalar"},"locs":[{"a":199,"b":207}]},{"name":"namespaces","required":true,"transform":{"type":"scalar"},"locs":[{"a":255,"b":266}]},{"name":"names","required":true,"transform":{"type":"scalar"},"locs":[{"a":277,"b":283}]}],"statement":"-- Deletes the deployments of the cluster whose (namespace, name) is not in the snapshot.\ndelete from k8s_deployments as stored\nwhere stored.org_id = (select current_org_id())\n  and stored.cluster = :cluster!\n  and not exists (\n    select\n    from unnest(:namespaces!::text[], :names!::text[]) as kept (namespace, name)\n    where kept.namespace = stored.namespace and kept.name = stored.name\n  )\nreturning stored.namespace, stored.name"};

/**
 * Query generated from SQL:
 * ```
 * -- Deletes the deployments of the cluster whose (namespace, name) is not in the snapshot.
 * delete from k8s_deployments as stored
 * where stored.org_id = (select current_org_id())
 *   and stored.cluster = :cluster!
 *   and not exists (
 *     select
 *     from unnest(:namespaces!::text[], :names!::text[]) as kept (namespace, name)
 *     where kept.namespace = stored.namespace and kept.name = stored.name
 *   )
 * returning stored.namespace, stored.name
 * ```
 */
export const deleteStaleDeployments = new PreparedQuery<IDeleteStaleDeploymentsParams,IDeleteStaleDeploymentsResult>(deleteStaleDeploymentsIR);


/** 'UpsertIngresses' parameters type */
export interface IUpsertIngressesParams {
  cluster: string;
  rows: Json;
}

/** 'UpsertIngresses' return type */
export interface IUpsertIngressesResult {
  id: string;
  inserted: boolean;
}

/** 'UpsertIngresses' query type */
export interface IUpsertIngressesQuery {
  params: IUpsertIngressesParams;
  result: IUpsertIngressesResult;
}

const upsertIngressesIR: any = {"usedParamSet":{"cluster":true,"rows":true},"params":[{"name":"cluster","required":true,"transform":{"type":"scalar"},"locs":[{"a":207,"b":215}]},{"name":"rows","required":true,"transform":{"type":"scalar"},"locs":[{"a":427,"b":432}]}],"statement":"insert into k8s_ingresses as stored (\n  org_id, cluster, namespace, name, uid, api_version, labels, creation_timestamp, object,\n  ingress_class, hosts, addresses, rules\n)\nselect\n  (select current_org_id()), :cluster!, item.namespace, item.name, item.uid, item.api_version,\n  coalesce(item.labels, '{}'), item.creation_timestamp, item.object, item.ingress_class,\n  item.hosts, item.addresses, item.rules\nfrom jsonb_to_recordset(:rows!::jsonb) as item (\n  namespace text, name text, uid text, api_version text, labels jsonb,\n  creation_timestamp timestamptz, object jsonb, ingress_class text, hosts text[],\n  addresses text[], rules jsonb\n)\non conflict (org_id, cluster, namespace, name) do update\nset uid = excluded.uid,\n  api_version = excluded.api_version,\n  labels = excluded.labels,\n  creation_timestamp = excluded.creation_timestamp,\n  object = excluded.object,\n  ingress_class = excluded.ingress_class,\n  hosts = excluded.hosts,\n  addresses = excluded.addresses,\n  rules = excluded.rules,\n  synced_at = now()\nwhere (\n  stored.uid, stored.api_version, stored.labels, stored.creation_timestamp, stored.object,\n  stored.ingress_class, stored.hosts, stored.addresses, stored.rules\n) is distinct from (\n  excluded.uid, excluded.api_version, excluded.labels, excluded.creation_timestamp,\n  excluded.object, excluded.ingress_class, excluded.hosts, excluded.addresses, excluded.rules\n)\nreturning id, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into k8s_ingresses as stored (
 *   org_id, cluster, namespace, name, uid, api_version, labels, creation_timestamp, object,
 *   ingress_class, hosts, addresses, rules
 * )
 * select
 *   (select current_org_id()), :cluster!, item.namespace, item.name, item.uid, item.api_version,
 *   coalesce(item.labels, '{}'), item.creation_timestamp, item.object, item.ingress_class,
 *   item.hosts, item.addresses, item.rules
 * from jsonb_to_recordset(:rows!::jsonb) as item (
 *   namespace text, name text, uid text, api_version text, labels jsonb,
 *   creation_timestamp timestamptz, object jsonb, ingress_class text, hosts text[],
 *   addresses text[], rules jsonb
 * )
 * on conflict (org_id, cluster, namespace, name) do update
 * set uid = excluded.uid,
 *   api_version = excluded.api_version,
 *   labels = excluded.labels,
 *   creation_timestamp = excluded.creation_timestamp,
 *   object = excluded.object,
 *   ingress_class = excluded.ingress_class,
 *   hosts = excluded.hosts,
 *   addresses = excluded.addresses,
 *   rules = excluded.rules,
 *   synced_at = now()
 * where (
 *   stored.uid, stored.api_version, stored.labels, stored.creation_timestamp, stored.object,
 *   stored.ingress_class, stored.hosts, stored.addresses, stored.rules
 * ) is distinct from (
 *   excluded.uid, excluded.api_version, excluded.labels, excluded.creation_timestamp,
 *   excluded.object, excluded.ingress_class, excluded.hosts, excluded.addresses, excluded.rules
 * )
 * returning id, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertIngresses = new PreparedQuery<IUpsertIngressesParams,IUpsertIngressesResult>(upsertIngressesIR);


/** 'DeleteStaleIngresses' parameters type */
export interface IDeleteStaleIngressesParams {
  cluster: string;
  names: stringArray;
  namespaces: stringArray;
}

/** 'DeleteStaleIngresses' return type */
export interface IDeleteStaleIngressesResult {
  name: string;
  namespace: string;
}

/** 'DeleteStaleIngresses' query type */
export interface IDeleteStaleIngressesQuery {
  params: IDeleteStaleIngressesParams;
  result: IDeleteStaleIngressesResult;
}

const deleteStaleIngressesIR: any = {"usedParamSet":{"cluster":true,"namespaces":true,"names":true},"params":[{"name":"cluster","required":true,"transform":{"type":"scalar"},"locs":[{"a":195,"b":203}]},{"name":"namespaces","required":true,"transform":{"type":"scalar"},"locs":[{"a":251,"b":262}]},{"name":"names","required":true,"transform":{"type":"scalar"},"locs":[{"a":273,"b":279}]}],"statement":"-- Deletes the ingresses of the cluster whose (namespace, name) is not in the snapshot.\ndelete from k8s_ingresses as stored\nwhere stored.org_id = (select current_org_id())\n  and stored.cluster = :cluster!\n  and not exists (\n    select\n    from unnest(:namespaces!::text[], :names!::text[]) as kept (namespace, name)\n    where kept.namespace = stored.namespace and kept.name = stored.name\n  )\nreturning stored.namespace, stored.name"};

/**
 * Query generated from SQL:
 * ```
 * -- Deletes the ingresses of the cluster whose (namespace, name) is not in the snapshot.
 * delete from k8s_ingresses as stored
 * where stored.org_id = (select current_org_id())
 *   and stored.cluster = :cluster!
 *   and not exists (
 *     select
 *     from unnest(:namespaces!::text[], :names!::text[]) as kept (namespace, name)
 *     where kept.namespace = stored.namespace and kept.name = stored.name
 *   )
 * returning stored.namespace, stored.name
 * ```
 */
export const deleteStaleIngresses = new PreparedQuery<IDeleteStaleIngressesParams,IDeleteStaleIngressesResult>(deleteStaleIngressesIR);


/** 'CountClusterObjects' parameters type */
export interface ICountClusterObjectsParams {
  cluster: string;
}

/** 'CountClusterObjects' return type */
export interface ICountClusterObjectsResult {
  kind: string | null;
  objects: string | null;
}

/** 'CountClusterObjects' query type */
export interface ICountClusterObjectsQuery {
  params: ICountClusterObjectsParams;
  result: ICountClusterObjectsResult;
}

const countClusterObjectsIR: any = {"usedParamSet":{"cluster":true},"params":[{"name":"cluster","required":true,"transform":{"type":"scalar"},"locs":[{"a":184,"b":192},{"a":299,"b":307},{"a":420,"b":428},{"a":547,"b":555},{"a":670,"b":678}]}],"statement":"-- Rows per kind stored for one cluster of the organization in context.\nselect 'pods' as kind, count(*) as objects\nfrom k8s_pods\nwhere org_id = (select current_org_id()) and cluster = :cluster!\nunion all\nselect 'nodes', count(*)\nfrom k8s_nodes\nwhere org_id = (select current_org_id()) and cluster = :cluster!\nunion all\nselect 'services', count(*)\nfrom k8s_services\nwhere org_id = (select current_org_id()) and cluster = :cluster!\nunion all\nselect 'deployments', count(*)\nfrom k8s_deployments\nwhere org_id = (select current_org_id()) and cluster = :cluster!\nunion all\nselect 'ingresses', count(*)\nfrom k8s_ingresses\nwhere org_id = (select current_org_id()) and cluster = :cluster!"};

/**
 * Query generated from SQL:
 * ```
 * -- Rows per kind stored for one cluster of the organization in context.
 * select 'pods' as kind, count(*) as objects
 * from k8s_pods
 * where org_id = (select current_org_id()) and cluster = :cluster!
 * union all
 * select 'nodes', count(*)
 * from k8s_nodes
 * where org_id = (select current_org_id()) and cluster = :cluster!
 * union all
 * select 'services', count(*)
 * from k8s_services
 * where org_id = (select current_org_id()) and cluster = :cluster!
 * union all
 * select 'deployments', count(*)
 * from k8s_deployments
 * where org_id = (select current_org_id()) and cluster = :cluster!
 * union all
 * select 'ingresses', count(*)
 * from k8s_ingresses
 * where org_id = (select current_org_id()) and cluster = :cluster!
 * ```
 */
export const countClusterObjects = new PreparedQuery<ICountClusterObjectsParams,ICountClusterObjectsResult>(countClusterObjectsIR);


