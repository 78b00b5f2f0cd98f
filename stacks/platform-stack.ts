import { Construct } from 'constructs';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import type { ICluster } from '../src/cluster/cluster';
import { ClusterAutoscaler, type ClusterAutoscalerProps } from '../src/cluster/cluster-autoscaler';
import { GpuSupport } from '../src/platform/gpu-support';
import type { PinnedChart } from '../src/platform/versions';
import { TerraformStack } from '../src/private/cdktf';

export interface PlatformStackProps {
  /** The cluster to install on (from ClusterStack, or any ICluster). */
  readonly cluster: ICluster;
  /**
   * Override the pinned NVIDIA device-plugin chart or image.
   * @default - VERSIONS.nvidiaDevicePlugin
   */
  readonly devicePlugin?: Partial<PinnedChart>;
  /**
   * Settings of the cluster-autoscaler, when the cluster has one.
   * @default - pinned chart, 10 minutes before an unneeded node is removed
   */
  readonly clusterAutoscaler?: Omit<ClusterAutoscalerProps, 'target'>;
}

/**
 * The platform layer. Its kubernetes and helm providers are configured from the cluster's connection,
 * which is why it is a stack of its own (a provider cannot be configured from a cluster created in the
 * same run). It installs the cluster's in-cluster parts first: the node autoscaler and GPU support.
 */
export class PlatformStack extends TerraformStack {
  /** GPU support, when the cluster has GPU nodes. */
  readonly gpuSupport?: GpuSupport;
  /** The node autoscaler, when the cluster target asks for one. */
  readonly clusterAutoscaler?: ClusterAutoscaler;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id);
    // The two providers take the same settings; only kubernetes wraps exec in a list (SDKv2 block).
    const { exec, ...server } = props.cluster.connection.config;
    const execCredential = exec && { apiVersion: exec.apiVersion, command: exec.command, args: [...exec.args], env: exec.env && { ...exec.env } };
    new KubernetesProvider(this, 'kubernetes', { ...server, exec: execCredential && [execCredential] });
    new HelmProvider(this, 'helm', { kubernetes: { ...server, exec: execCredential } });
    if (props.cluster.autoscaler) {
      this.clusterAutoscaler = new ClusterAutoscaler(this, 'ClusterAutoscaler', { ...props.clusterAutoscaler, target: props.cluster.autoscaler });
    }
    if (props.cluster.gpu) {
      this.gpuSupport = new GpuSupport(this, 'GpuSupport', { placement: props.cluster.gpu, devicePlugin: props.devicePlugin });
    }
  }
}
