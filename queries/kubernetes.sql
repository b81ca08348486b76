/*
  Kubernetes inventory: the statements of a cluster sync. A sync runs in one transaction: it
  takes the cluster's lock, upserts each kind it read in batches, then deletes the rows of that
  kind that the snapshot no longer has, so readers see the old snapshot or the new one.

  Each upsert takes a batch as one JSON array of row objects keyed by column name
  (jsonb_to_recordset types them, arrays included). A row that the snapshot repeats unchanged
  is not written and not returned, so synced_at is the time of the last sync that changed it;
  `inserted` tells new rows from changed ones. A batch must not repeat a key.
*/

/* @name LockClusterSync */
-- Waits until no other transaction syncs the same cluster of the organization in context, and
-- holds the lock until this transaction ends.
select true as locked
from pg_advisory_xact_lock(
  hashtextextended('aurora.k8s_sync/' || (select current_org_id())::text || '/' || :cluster!, 0)
);

/* @name UpsertPods */
insert into k8s_pods as stored (
  org_id, cluster, namespace, name, uid, api_version, labels, creation_timestamp, object, phase,
  node_name, pod_ip, host_ip, restart_count, ready_containers, total_containers, owner_kind,
  owner_name, started_at
)
select
  (select current_org_id()), :cluster!, item.namespace, item.name, item.uid, item.api_version,
  coalesce(item.labels, '{}'), item.creation_timestamp, item.object, item.phase, item.node_name,
  item.pod_ip, item.host_ip, item.restart_count, item.ready_containers, item.total_containers,
  item.owner_kind, item.owner_name, item.started_at
from jsonb_to_recordset(:rows!::jsonb) as item (
  namespace text, name text, uid text, api_version text, labels jsonb,
  creation_timestamp timestamptz, object jsonb, phase text, node_name text, pod_ip inet,
  host_ip inet, restart_count integer, ready_containers integer, total_containers integer,
  owner_kind text, owner_name text, started_at timestamptz
)
on conflict (org_id, cluster, namespace, name) do update
set uid = excluded.uid,
  api_version = excluded.api_version,
  labels = excluded.labels,
  creation_timestamp = excluded.creation_timestamp,
  object = excluded.object,
  phase = excluded.phase,
  node_name = excluded.node_name,
  pod_ip = excluded.pod_ip,
  host_ip = excluded.host_ip,
  restart_count = excluded.restart_count,
  ready_containers = excluded.ready_containers,
  total_containers = excluded.total_containers,
  owner_kind = excluded.owner_kind,
  owner_name = excluded.owner_name,
  started_at = excluded.started_at,
  synced_at = now()
where (
  stored.uid, stored.api_version, stored.labels, stored.creation_timestamp, stored.object,
  stored.phase, stored.node_name, stored.pod_ip, stored.host_ip, stored.restart_count,
  stored.ready_containers, stored.total_containers, stored.owner_kind, stored.owner_name,
  stored.started_at
) is distinct from (
  excluded.uid, excluded.api_version, excluded.labels, excluded.creation_timestamp,
  excluded.object, excluded.phase, excluded.node_name, excluded.pod_ip, excluded.host_ip,
  excluded.restart_count, excluded.ready_containers, excluded.total_containers,
  excluded.owner_kind, excluded.owner_name, excluded.started_at
)
returning id, (xmax = 0) as "inserted!";

/* @name DeleteStalePods */
-- Deletes the pods of the cluster whose (namespace, name) is not in the snapshot.
delete from k8s_pods as stored
where stored.org_id = (select current_org_id())
  and stored.cluster = :cluster!
  and not exists (
    select
    from unnest(:namespaces!::text[], :names!::text[]) as kept (namespace, name)
    where kept.namespace = stored.namespace and kept.name = stored.name
  )
returning stored.namespace, stored.name;

/* @name UpsertNodes */
insert into k8s_nodes as stored (
  org_id, cluster, name, uid, api_version, labels, creation_timestamp, object, status, roles,
  internal_ip, kubelet_version, os_image, cpu_capacity, memory_capacity, is_unschedulable
)
select
  (select current_org_id()), :cluster!, item.name, item.uid, item.api_version,
  coalesce(item.labels, '{}'), item.creation_timestamp, item.object, item.status, item.roles,
  item.internal_ip, item.kubelet_version, item.os_image, item.cpu_capacity, item.memory_capacity,
  item.is_unschedulable
from jsonb_to_recordset(:rows!::jsonb) as item (
  name text, uid text, api_version text, labels jsonb, creation_timestamp timestamptz,
  object jsonb, status text, roles text[], internal_ip inet, kubelet_version text, os_image text,
  cpu_capacity text, memory_capacity text, is_unschedulable boolean
)
on conflict (org_id, cluster, name) do update
set uid = excluded.uid,
  api_version = excluded.api_version,
  labels = excluded.labels,
  creation_timestamp = excluded.creation_timestamp,
  object = excluded.object,
  status = excluded.status,
  roles = excluded.roles,
  internal_ip = excluded.internal_ip,
  kubelet_version = excluded.kubelet_version,
  os_image = excluded.os_image,
  cpu_capacity = excluded.cpu_capacity,
  memory_capacity = excluded.memory_capacity,
  is_unschedulable = excluded.is_unschedulable,
  synced_at = now()
where (
  stored.uid, stored.api_version, stored.labels, stored.creation_timestamp, stored.object,
  stored.status, stored.roles, stored.internal_ip, stored.kubelet_version, stored.os_image,
  stored.cpu_capacity, stored.memory_capacity, stored.is_unschedulable
) is distinct from (
  excluded.uid, excluded.api_version, excluded.labels, excluded.creation_timestamp,
  excluded.object, excluded.status, excluded.roles, excluded.internal_ip,
  excluded.kubelet_version, excluded.os_image, excluded.cpu_capacity, excluded.memory_capacity,
  excluded.is_unschedulable
)
returning id, (xmax = 0) as "inserted!";

/* @name DeleteStaleNodes */
-- Deletes the nodes of the cluster whose name is not in the snapshot.
delete from k8s_nodes as stored
where stored.org_id = (select current_org_id())
  and stored.cluster = :cluster!
  and not exists (
    select
    from unnest(:names!::text[]) as kept (name)
    where kept.name = stored.name
  )
returning stored.name;

/* @name UpsertServices */
insert into k8s_services as stored (
  org_id, cluster, namespace, name, uid, api_version, labels, creation_timestamp, object, type,
  cluster_ip, external_ips, ports, selector
)
select
  (select current_org_id()), :cluster!, item.namespace, item.name, item.uid, item.api_version,
  coalesce(item.labels, '{}'), item.creation_timestamp, item.object, item.type, item.cluster_ip,
  item.external_ips, item.ports, item.selector
from jsonb_to_recordset(:rows!::jsonb) as item (
  namespace text, name text, uid text, api_version text, labels jsonb,
  creation_timestamp timestamptz, object jsonb, type text, cluster_ip inet, external_ips text[],
  ports jsonb, selector jsonb
)
on conflict (org_id, cluster, namespace, name) do update
set uid = excluded.uid,
  api_version = excluded.api_version,
  labels = excluded.labels,
  creation_timestamp = excluded.creation_timestamp,
  object = excluded.object,
  type = excluded.type,
  cluster_ip = excluded.cluster_ip,
  external_ips = excluded.external_ips,
  ports = excluded.ports,
  selector = excluded.selector,
  synced_at = now()
where (
  stored.uid, stored.api_version, stored.labels, stored.creation_timestamp, stored.object,
  stored.type, stored.cluster_ip, stored.external_ips, stored.ports, stored.selector
) is distinct from (
  excluded.uid, excluded.api_version, excluded.labels, excluded.creation_timestamp,
  excluded.object, excluded.type, excluded.cluster_ip, excluded.external_ips, excluded.ports,
  excluded.selector
)
returning id, (xmax = 0) as "inserted!";

/* @name DeleteStaleServices */
-- Deletes the services of the cluster whose (namespace, name) is not in the snapshot.
delete from k8s_services as stored
where stored.org_id = (select current_org_id())
  and stored.cluster = :cluster!
  and not exists (
    select
    from unnest(:namespaces!::text[], :names!::text[]) as kept (namespace, name)
    where kept.namespace = stored.namespace and kept.name = stored.name
  )
returning stored.namespace, stored.name;

/* @name UpsertDeployments */
insert into k8s_deployments as stored (
  org_id, cluster, namespace, name, uid, api_version, labels, creation_timestamp, object,
  replicas, ready_replicas, available_replicas, updated_replicas, strategy, images
)
select
  (select current_org_id()), :cluster!, item.namespace, item.name, item.uid, item.api_version,
  coalesce(item.labels, '{}'), item.creation_timestamp, item.object, item.replicas,
  item.ready_replicas, item.available_replicas, item.updated_replicas, item.strategy, item.images
from jsonb_to_recordset(:rows!::jsonb) as item (
  namespace text, name text, uid text, api_version text, labels jsonb,
  creation_timestamp timestamptz, object jsonb, replicas integer, ready_replicas integer,
  available_replicas integer, updated_replicas integer, strategy text, images text[]
)
on conflict (org_id, cluster, namespace, name) do update
set uid = excluded.uid,
  api_version = excluded.api_version,
  labels = excluded.labels,
  creation_timestamp = excluded.creation_timestamp,
  object = excluded.object,
  replicas = excluded.replicas,
  ready_replicas = excluded.ready_replicas,
  available_replicas = excluded.available_replicas,
  updated_replicas = excluded.updated_replicas,
  strategy = excluded.strategy,
  images = excluded.images,
  synced_at = now()
where (
  stored.uid, stored.api_version, stored.labels, stored.creation_timestamp, stored.object,
  stored.replicas, stored.ready_replicas, stored.available_replicas, stored.updated_replicas,
  stored.strategy, stored.images
) is distinct from (
  excluded.uid, excluded.api_version, excluded.labels, excluded.creation_timestamp,
  excluded.object, excluded.replicas, excluded.ready_replicas, excluded.available_replicas,
  excluded.updated_replicas, excluded.strategy, excluded.images
)
returning id, (xmax = 0) as "inserted!";

/* @name DeleteStaleDeployments */
-- Deletes the deployments of the cluster whose (namespace, name) is not in the snapshot.
delete from k8s_deployments as stored
where stored.org_id = (select current_org_id())
  and stored.cluster = :cluster!
  and not exists (
    select
    from unnest(:namespaces!::text[], :names!::text[]) as kept (namespace, name)
    where kept.namespace = stored.namespace and kept.name = stored.name
  )
returning stored.namespace, stored.name;

/* @name UpsertIngresses */
insert into k8s_ingresses as stored (
  org_id, cluster, namespace, name, uid, api_version, labels, creation_timestamp, object,
  ingress_class, hosts, addresses, rules
)
select
  (select current_org_id()), :cluster!, item.namespace, item.name, item.uid, item.api_version,
  coalesce(item.labels, '{}'), item.creation_timestamp, item.object, item.ingress_class,
  item.hosts, item.addresses, item.rules
from jsonb_to_recordset(:rows!::jsonb) as item (
  namespace text, name text, uid text, api_version text, labels jsonb,
  creation_timestamp timestamptz, object jsonb, ingress_class text, hosts text[],
  addresses text[], rules jsonb
)
on conflict (org_id, cluster, namespace, name) do update
set uid = excluded.uid,
  api_version = excluded.api_version,
  labels = excluded.labels,
  creation_timestamp = excluded.creation_timestamp,
  object = excluded.object,
  ingress_class = excluded.ingress_class,
  hosts = excluded.hosts,
  addresses = excluded.addresses,
  rules = excluded.rules,
  synced_at = now()
where (
  stored.uid, stored.api_version, stored.labels, stored.creation_timestamp, stored.object,
  stored.ingress_class, stored.hosts, stored.addresses, stored.rules
) is distinct from (
  excluded.uid, excluded.api_version, excluded.labels, excluded.creation_timestamp,
  excluded.object, excluded.ingress_class, excluded.hosts, excluded.addresses, excluded.rules
)
returning id, (xmax = 0) as "inserted!";

/* @name DeleteStaleIngresses */
-- Deletes the ingresses of the cluster whose (namespace, name) is not in the snapshot.
delete from k8s_ingresses as stored
where stored.org_id = (select current_org_id())
  and stored.cluster = :cluster!
  and not exists (
    select
    from unnest(:namespaces!::text[], :names!::text[]) as kept (namespace, name)
    where kept.namespace = stored.namespace and kept.name = stored.name
  )
returning stored.namespace, stored.name;

/* @name CountClusterObjects */
-- Rows per kind stored for one cluster of the organization in context.
select 'pods' as kind, count(*) as objects
from k8s_pods
where org_id = (select current_org_id()) and cluster = :cluster!
union all
select 'nodes', count(*)
from k8s_nodes
where org_id = (select current_org_id()) and cluster = :cluster!
union all
select 'services', count(*)
from k8s_services
where org_id = (select current_org_id()) and cluster = :cluster!
union all
select 'deployments', count(*)
from k8s_deployments
where org_id = (select current_org_id()) and cluster = :cluster!
union all
select 'ingresses', count(*)
from k8s_ingresses
where org_id = (select current_org_id()) and cluster = :cluster!;
