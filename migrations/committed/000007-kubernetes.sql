--! Previous: sha1:bac635c1e6555d927bde7556177e9e97157bc4fc
--! Hash: sha1:0a5b6dc729023070f883ff1e5e84978cdc3d0f14
--! Message: kubernetes

-- Kubernetes: the latest snapshot of the pods, nodes, services, deployments and ingresses of
-- each cluster an organization connected, for the RCA agent to consult.
--
-- A sync replaces one cluster's snapshot in one transaction: it upserts every object it read
-- on the natural key (org_id, cluster, namespace, name), or (org_id, cluster, name) for nodes,
-- and then deletes the rows of that cluster that it did not see. Each table keeps the whole
-- object as JSONB beside the columns that operators filter and sort on.

create table if not exists k8s_pods (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  cluster text not null check (cluster <> ''),
  namespace text not null check (namespace <> ''),
  name text not null check (name <> ''),
  uid text,
  api_version text,
  labels jsonb not null default '{}' check (aurora_private.jsonb_is_string_map(labels)),
  creation_timestamp timestamptz,
  object jsonb not null check (jsonb_typeof(object) = 'object'),
  synced_at timestamptz not null default now(),
  phase text,
  node_name text,
  pod_ip inet,
  host_ip inet,
  restart_count integer check (restart_count >= 0),
  ready_containers integer check (ready_containers >= 0),
  total_containers integer check (total_containers >= 0),
  owner_kind text,
  owner_name text,
  started_at timestamptz,
  primary key (org_id, id),
  unique (org_id, cluster, namespace, name)
);
create index if not exists k8s_pods_org_id_cluster_node_name_idx
  on k8s_pods (org_id, cluster, node_name);
alter table k8s_pods enable row level security;
alter table k8s_pods force row level security;
drop policy if exists select_own_org on k8s_pods;
create policy select_own_org on k8s_pods for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on k8s_pods;
create policy insert_own_org on k8s_pods for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on k8s_pods;
create policy update_own_org on k8s_pods for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on k8s_pods;
create policy delete_own_org on k8s_pods for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update, delete on k8s_pods to :AURORA_APP;
grant select, delete on k8s_pods to :AURORA_MAINTENANCE;
comment on table k8s_pods is
  'Pods, one row per pod of a cluster snapshot.';
comment on column k8s_pods.cluster is
  'Name the organization gave the cluster when connecting it.';
comment on column k8s_pods.uid is
  'metadata.uid, which changes when the object is deleted and created again.';
comment on column k8s_pods.api_version is
  'apiVersion of the object, such as v1, apps/v1 or extensions/v1beta1.';
comment on column k8s_pods.labels is
  'metadata.labels as a map of strings to strings.';
comment on column k8s_pods.creation_timestamp is
  'metadata.creationTimestamp.';
comment on column k8s_pods.object is
  'The whole object as the API server returned it.';
comment on column k8s_pods.synced_at is
  'When the last sync that saw this object wrote the row.';
comment on column k8s_pods.phase is
  'status.phase: Pending, Running, Succeeded, Failed or Unknown.';
comment on column k8s_pods.node_name is
  'spec.nodeName: node the pod is scheduled on.';
comment on column k8s_pods.pod_ip is
  'status.podIP.';
comment on column k8s_pods.host_ip is
  'status.hostIP: IP of the node.';
comment on column k8s_pods.restart_count is
  'Sum of restartCount over the container statuses.';
comment on column k8s_pods.ready_containers is
  'Containers reporting ready.';
comment on column k8s_pods.total_containers is
  'Containers in spec.containers (init containers not counted).';
comment on column k8s_pods.owner_kind is
  'Kind of the controlling owner reference, such as ReplicaSet.';
comment on column k8s_pods.owner_name is
  'Name of the controlling owner reference.';
comment on column k8s_pods.started_at is
  'status.startTime.';

create table if not exists k8s_nodes (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  cluster text not null check (cluster <> ''),
  name text not null check (name <> ''),
  uid text,
  api_version text,
  labels jsonb not null default '{}' check (aurora_private.jsonb_is_string_map(labels)),
  creation_timestamp timestamptz,
  object jsonb not null check (jsonb_typeof(object) = 'object'),
  synced_at timestamptz not null default now(),
  status text check (status in ('Ready', 'NotReady', 'Unknown')),
  roles text[],
  internal_ip inet,
  kubelet_version text,
  os_image text,
  cpu_capacity text,
  memory_capacity text,
  is_unschedulable boolean not null default false,
  primary key (org_id, id),
  unique (org_id, cluster, name)
);
alter table k8s_nodes enable row level security;
alter table k8s_nodes force row level security;
drop policy if exists select_own_org on k8s_nodes;
create policy select_own_org on k8s_nodes for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on k8s_nodes;
create policy insert_own_org on k8s_nodes for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on k8s_nodes;
create policy update_own_org on k8s_nodes for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on k8s_nodes;
create policy delete_own_org on k8s_nodes for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update, delete on k8s_nodes to :AURORA_APP;
grant select, delete on k8s_nodes to :AURORA_MAINTENANCE;
comment on table k8s_nodes is
  'Nodes, one row per node of a cluster snapshot. Nodes are cluster-scoped, so there is no '
  'namespace column.';
comment on column k8s_nodes.cluster is
  'Name the organization gave the cluster when connecting it.';
comment on column k8s_nodes.uid is
  'metadata.uid, which changes when the object is deleted and created again.';
comment on column k8s_nodes.api_version is
  'apiVersion of the object, such as v1, apps/v1 or extensions/v1beta1.';
comment on column k8s_nodes.labels is
  'metadata.labels as a map of strings to strings.';
comment on column k8s_nodes.creation_timestamp is
  'metadata.creationTimestamp.';
comment on column k8s_nodes.object is
  'The whole object as the API server returned it.';
comment on column k8s_nodes.synced_at is
  'When the last sync that saw this object wrote the row.';
comment on column k8s_nodes.status is
  'Ready condition: Ready when True, NotReady when False, Unknown otherwise.';
comment on column k8s_nodes.roles is
  'Roles from node-role.kubernetes.io/<role> labels, such as control-plane.';
comment on column k8s_nodes.internal_ip is
  'InternalIP entry of status.addresses.';
comment on column k8s_nodes.kubelet_version is
  'status.nodeInfo.kubeletVersion.';
comment on column k8s_nodes.os_image is
  'status.nodeInfo.osImage.';
comment on column k8s_nodes.cpu_capacity is
  'status.capacity.cpu as a Kubernetes quantity, such as 4 or 3500m.';
comment on column k8s_nodes.memory_capacity is
  'status.capacity.memory as a Kubernetes quantity, such as 8165556Ki.';
comment on column k8s_nodes.is_unschedulable is
  'spec.unschedulable (cordoned).';

create table if not exists k8s_services (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  cluster text not null check (cluster <> ''),
  namespace text not null check (namespace <> ''),
  name text not null check (name <> ''),
  uid text,
  api_version text,
  labels jsonb not null default '{}' check (aurora_private.jsonb_is_string_map(labels)),
  creation_timestamp timestamptz,
  object jsonb not null check (jsonb_typeof(object) = 'object'),
  synced_at timestamptz not null default now(),
  type text,
  cluster_ip inet,
  external_ips text[],
  ports jsonb,
  selector jsonb,
  primary key (org_id, id),
  unique (org_id, cluster, namespace, name)
);
alter table k8s_services enable row level security;
alter table k8s_services force row level security;
drop policy if exists select_own_org on k8s_services;
create policy select_own_org on k8s_services for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on k8s_services;
create policy insert_own_org on k8s_services for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on k8s_services;
create policy update_own_org on k8s_services for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on k8s_services;
create policy delete_own_org on k8s_services for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update, delete on k8s_services to :AURORA_APP;
grant select, delete on k8s_services to :AURORA_MAINTENANCE;
comment on table k8s_services is
  'Services, one row per service of a cluster snapshot.';
comment on column k8s_services.cluster is
  'Name the organization gave the cluster when connecting it.';
comment on column k8s_services.uid is
  'metadata.uid, which changes when the object is deleted and created again.';
comment on column k8s_services.api_version is
  'apiVersion of the object, such as v1, apps/v1 or extensions/v1beta1.';
comment on column k8s_services.labels is
  'metadata.labels as a map of strings to strings.';
comment on column k8s_services.creation_timestamp is
  'metadata.creationTimestamp.';
comment on column k8s_services.object is
  'The whole object as the API server returned it.';
comment on column k8s_services.synced_at is
  'When the last sync that saw this object wrote the row.';
comment on column k8s_services.type is
  'spec.type: ClusterIP, NodePort, LoadBalancer or ExternalName.';
comment on column k8s_services.cluster_ip is
  'spec.clusterIP; NULL for headless services (None).';
comment on column k8s_services.external_ips is
  'External addresses: spec.externalIPs and load balancer ingress.';
comment on column k8s_services.ports is
  'spec.ports as sent; targetPort may be a number or a port name.';
comment on column k8s_services.selector is
  'spec.selector: labels of the pods the service routes to.';

create table if not exists k8s_deployments (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  cluster text not null check (cluster <> ''),
  namespace text not null check (namespace <> ''),
  name text not null check (name <> ''),
  uid text,
  api_version text,
  labels jsonb not null default '{}' check (aurora_private.jsonb_is_string_map(labels)),
  creation_timestamp timestamptz,
  object jsonb not null check (jsonb_typeof(object) = 'object'),
  synced_at timestamptz not null default now(),
  replicas integer check (replicas >= 0),
  ready_replicas integer check (ready_replicas >= 0),
  available_replicas integer check (available_replicas >= 0),
  updated_replicas integer check (updated_replicas >= 0),
  strategy text,
  images text[],
  primary key (org_id, id),
  unique (org_id, cluster, namespace, name)
);
alter table k8s_deployments enable row level security;
alter table k8s_deployments force row level security;
drop policy if exists select_own_org on k8s_deployments;
create policy select_own_org on k8s_deployments for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on k8s_deployments;
create policy insert_own_org on k8s_deployments for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on k8s_deployments;
create policy update_own_org on k8s_deployments for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on k8s_deployments;
create policy delete_own_org on k8s_deployments for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update, delete on k8s_deployments to :AURORA_APP;
grant select, delete on k8s_deployments to :AURORA_MAINTENANCE;
comment on table k8s_deployments is
  'Deployments, one row per deployment of a cluster snapshot.';
comment on column k8s_deployments.cluster is
  'Name the organization gave the cluster when connecting it.';
comment on column k8s_deployments.uid is
  'metadata.uid, which changes when the object is deleted and created again.';
comment on column k8s_deployments.api_version is
  'apiVersion of the object, such as v1, apps/v1 or extensions/v1beta1.';
comment on column k8s_deployments.labels is
  'metadata.labels as a map of strings to strings.';
comment on column k8s_deployments.creation_timestamp is
  'metadata.creationTimestamp.';
comment on column k8s_deployments.object is
  'The whole object as the API server returned it.';
comment on column k8s_deployments.synced_at is
  'When the last sync that saw this object wrote the row.';
comment on column k8s_deployments.replicas is
  'spec.replicas: desired pods.';
comment on column k8s_deployments.ready_replicas is
  'status.readyReplicas.';
comment on column k8s_deployments.available_replicas is
  'status.availableReplicas.';
comment on column k8s_deployments.updated_replicas is
  'status.updatedReplicas.';
comment on column k8s_deployments.strategy is
  'spec.strategy.type: RollingUpdate or Recreate.';
comment on column k8s_deployments.images is
  'Images of the containers in the pod template.';

create table if not exists k8s_ingresses (
  org_id uuid not null references organizations on delete cascade,
  id bigint generated always as identity,
  cluster text not null check (cluster <> ''),
  namespace text not null check (namespace <> ''),
  name text not null check (name <> ''),
  uid text,
  api_version text,
  labels jsonb not null default '{}' check (aurora_private.jsonb_is_string_map(labels)),
  creation_timestamp timestamptz,
  object jsonb not null check (jsonb_typeof(object) = 'object'),
  synced_at timestamptz not null default now(),
  ingress_class text,
  hosts text[],
  addresses text[],
  rules jsonb,
  primary key (org_id, id),
  unique (org_id, cluster, namespace, name)
);
alter table k8s_ingresses enable row level security;
alter table k8s_ingresses force row level security;
drop policy if exists select_own_org on k8s_ingresses;
create policy select_own_org on k8s_ingresses for select to :AURORA_APP
  using (org_id = (select current_org_id()));
drop policy if exists insert_own_org on k8s_ingresses;
create policy insert_own_org on k8s_ingresses for insert to :AURORA_APP
  with check (org_id = (select current_org_id()));
drop policy if exists update_own_org on k8s_ingresses;
create policy update_own_org on k8s_ingresses for update to :AURORA_APP
  using (org_id = (select current_org_id()))
  with check (org_id = (select current_org_id()));
drop policy if exists delete_own_org on k8s_ingresses;
create policy delete_own_org on k8s_ingresses for delete to :AURORA_APP
  using (org_id = (select current_org_id()));
grant select, insert, update, delete on k8s_ingresses to :AURORA_APP;
grant select, delete on k8s_ingresses to :AURORA_MAINTENANCE;
comment on table k8s_ingresses is
  'Ingresses, one row per ingress of a cluster snapshot (networking.k8s.io/v1 and the older '
  'extensions/v1beta1).';
comment on column k8s_ingresses.cluster is
  'Name the organization gave the cluster when connecting it.';
comment on column k8s_ingresses.uid is
  'metadata.uid, which changes when the object is deleted and created again.';
comment on column k8s_ingresses.api_version is
  'apiVersion of the object, such as v1, apps/v1 or extensions/v1beta1.';
comment on column k8s_ingresses.labels is
  'metadata.labels as a map of strings to strings.';
comment on column k8s_ingresses.creation_timestamp is
  'metadata.creationTimestamp.';
comment on column k8s_ingresses.object is
  'The whole object as the API server returned it.';
comment on column k8s_ingresses.synced_at is
  'When the last sync that saw this object wrote the row.';
comment on column k8s_ingresses.ingress_class is
  'spec.ingressClassName, or the kubernetes.io/ingress.class annotation.';
comment on column k8s_ingresses.hosts is
  'Hosts of the rules.';
comment on column k8s_ingresses.addresses is
  'IPs and hostnames of status.loadBalancer.ingress.';
comment on column k8s_ingresses.rules is
  'spec.rules as sent.';
