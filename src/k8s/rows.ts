/**
 * Rows for the Kubernetes inventory tables (k8s_pods, k8s_nodes, k8s_services,
 * k8s_deployments, k8s_ingresses). Keys are the SQL column names. The sync
 * that writes the rows adds the per-tenant and per-cluster columns.
 */

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type JsonObject = { [key: string]: JsonValue };

/** Columns that every inventory row has. Nodes have no namespace. */
export interface ClusterObjectColumns {
  name: string;
  /** metadata.uid, a UUID, or null for hand-written objects without one. */
  uid: string | null;
  api_version: string;
  labels: Record<string, string>;
  /** metadata.creationTimestamp in UTC ISO-8601, or null when absent or null. */
  creation_timestamp: string | null;
  /**
   * The object as parsed, without `metadata.managedFields` and without the
   * `kubectl.kubernetes.io/last-applied-configuration` annotation, which
   * repeat the object and often make up most of its size.
   */
  object: JsonObject;
}

export interface NamespacedObjectColumns extends ClusterObjectColumns {
  namespace: string;
}

export interface PodRow extends NamespacedObjectColumns {
  phase: string | null;
  node_name: string | null;
  pod_ip: string | null;
  host_ip: string | null;
  /**
   * Restarts summed over app containers and native sidecars, plus the other
   * init containers while the pod is initializing, as kubectl counts them.
   */
  restart_count: number;
  ready_containers: number;
  /** App containers plus native sidecars (init containers with restartPolicy Always). */
  total_containers: number;
  owner_kind: string | null;
  owner_name: string | null;
  /** status.startTime in UTC ISO-8601. */
  started_at: string | null;
}

export type NodeReadiness = "Ready" | "NotReady" | "Unknown";

export interface NodeRow extends ClusterObjectColumns {
  status: NodeReadiness;
  roles: string[];
  internal_ip: string | null;
  kubelet_version: string | null;
  os_image: string | null;
  /** Kubernetes quantity as given, for example "4" or "3500m". */
  cpu_capacity: string | null;
  /** Kubernetes quantity as given, for example "8165556Ki". */
  memory_capacity: string | null;
  is_unschedulable: boolean;
}

export interface ServiceRow extends NamespacedObjectColumns {
  type: string;
  /** null for headless services ("None") and for ExternalName services. */
  cluster_ip: string | null;
  /** spec.externalIPs, then the load balancer's ingress IPs and hostnames. */
  external_ips: string[];
  ports: JsonObject[];
  selector: Record<string, string> | null;
}

export interface DeploymentRow extends NamespacedObjectColumns {
  /** Desired replicas (spec.replicas). */
  replicas: number;
  ready_replicas: number;
  available_replicas: number;
  updated_replicas: number;
  strategy: string | null;
  images: string[];
}

/** A service port in the networking.k8s.io/v1 shape: a number or a port name. */
export type ServiceBackendPort = { number: number } | { name: string };

export interface IngressBackend {
  service?: { name: string; port: ServiceBackendPort | null };
  resource?: JsonObject;
}

/** One path of one ingress rule, in the networking.k8s.io/v1 shape. */
export interface IngressRule {
  host: string | null;
  path: string | null;
  pathType: string | null;
  backend: IngressBackend | null;
}

export interface IngressRow extends NamespacedObjectColumns {
  ingress_class: string | null;
  hosts: string[];
  /** The load balancer's ingress IPs and hostnames. */
  addresses: string[];
  rules: IngressRule[];
}

export interface KubernetesInventory {
  pods: PodRow[];
  nodes: NodeRow[];
  services: ServiceRow[];
  deployments: DeploymentRow[];
  ingresses: IngressRow[];
}

export type InventoryCollection = keyof KubernetesInventory;

export type InventoryRow<C extends InventoryCollection = InventoryCollection> =
  KubernetesInventory[C][number];
