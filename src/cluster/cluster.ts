import type { ClusterConnection } from './connection';
import type { GpuPlacement } from './gpu';

/** What the cluster's node autoscaler needs to run inside the cluster (AWS flavour). */
export interface ClusterAutoscalerTarget {
  /** Cluster name, matched by the autoscaler's node-group discovery tags. */
  readonly clusterName: string;
  /** AWS region of the node groups. */
  readonly region: string;
  /** Namespace of the autoscaler's service account, which the cloud identity is bound to. */
  readonly namespace: string;
  /** Name of that service account. */
  readonly serviceAccountName: string;
  /** Kubernetes minor version of the cluster, for example `1.35`, to pick a matching autoscaler release. */
  readonly kubernetesVersion: string;
}

/** A Kubernetes cluster the platform can be installed on, whatever created it. */
export interface ICluster {
  /** How to reach the API server. */
  readonly connection: ClusterConnection;
  /**
   * How GPU nodes are recognised and reached.
   * @default - the cluster has no GPU nodes
   */
  readonly gpu?: GpuPlacement;
  /**
   * The node autoscaler to run in the cluster.
   * @default - none (the cluster scales itself, or not at all)
   */
  readonly autoscaler?: ClusterAutoscalerTarget;
}
