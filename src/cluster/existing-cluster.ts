import { Construct } from 'constructs';
import { ValidationError } from '../errors';
import type { ICluster } from './cluster';
import type { ClusterConnection } from './connection';
import { GPU_NODE_LABELS, type GpuPlacement, GpuTolerationInjection } from './gpu';

/** GPU support on a cluster this project does not create. */
export interface ExistingClusterGpuOptions {
  /**
   * Labels that select the cluster's GPU nodes. Label them once with
   * `kubectl label node <node> nvidia.com/gpu.present=true`.
   * @default { 'nvidia.com/gpu.present': 'true' }
   */
  readonly nodeSelector?: Readonly<Record<string, string>>;
  /**
   * How pods that request `nvidia.com/gpu` get the toleration for the GPU taint
   * (`kubectl taint node <node> nvidia.com/gpu=true:NoSchedule`).
   * @default GpuTolerationInjection.MUTATING_ADMISSION_POLICY
   */
  readonly tolerationInjection?: GpuTolerationInjection;
}

/** Props of {@link ExistingCluster}. */
export interface ExistingClusterProps {
  /** How to reach the cluster's API server. */
  readonly connection: ClusterConnection;
  /**
   * Enables GPUs: the NVIDIA device plugin on the GPU nodes and the toleration GPU pods need.
   * @default - no GPU support
   */
  readonly gpu?: ExistingClusterGpuOptions;
}

/**
 * A cluster that already exists (kind, k3s, kubeadm on OpenStack, an AI4OS-style cluster): nothing is
 * created for it, and node pools and their scaling stay with whoever runs it.
 */
export class ExistingCluster extends Construct implements ICluster {
  readonly connection: ClusterConnection;
  readonly gpu?: GpuPlacement;

  constructor(scope: Construct, id: string, props: ExistingClusterProps) {
    super(scope, id);
    this.connection = props.connection;
    if (props.gpu) {
      const nodeSelector = props.gpu.nodeSelector ?? GPU_NODE_LABELS;
      if (Object.keys(nodeSelector).length === 0) {
        throw new ValidationError(this, 'gpu.nodeSelector', 'is empty, so the device plugin would run on every node',
          'give the labels your GPU nodes carry, for example { "nvidia.com/gpu.present": "true" }');
      }
      const tolerationInjection = props.gpu.tolerationInjection ?? GpuTolerationInjection.MUTATING_ADMISSION_POLICY;
      if (!Object.values(GpuTolerationInjection).includes(tolerationInjection)) {
        throw new ValidationError(this, 'gpu.tolerationInjection', `'${tolerationInjection}' is not a known way`,
          `use one of ${Object.values(GpuTolerationInjection).join(', ')}`);
      }
      this.gpu = { nodeSelector: { ...nodeSelector }, tolerationInjection };
    }
  }
}
