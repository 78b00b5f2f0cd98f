import { Construct } from 'constructs';
import { Annotations, Release, Token } from '../private/cdktf';
import { componentRelease } from '../private/helm';
import { type PinnedChart, VERSIONS } from '../versions';
import type { ClusterAutoscalerTarget } from './cluster';

/** Settings of cluster-autoscaler: everything but the cluster it works for. */
export interface ClusterAutoscalerOptions {
  /**
   * Chart and image, to override the pinned ones. The image's minor version must match the cluster's.
   * @default - the chart and image pinned in the versions catalog (src/versions.ts)
   */
  readonly chart?: Partial<PinnedChart>;
  /**
   * How long a node must be unneeded before it is removed (OSCAR's CLUES set-ups use 5 minutes).
   * @default '10m'
   */
  readonly scaleDownUnneededTime?: string;
}

/** Props of {@link ClusterAutoscaler}. */
export interface ClusterAutoscalerProps extends ClusterAutoscalerOptions {
  /** The cluster and cloud identity the autoscaler works for. */
  readonly target: ClusterAutoscalerTarget;
}

/**
 * Kubernetes cluster-autoscaler for AWS node groups, found by their discovery tags. It owns every
 * pool's current size, including GPU pools at zero nodes: their node-template tags tell it the GPUs,
 * labels and taints a node would have before one exists.
 */
export class ClusterAutoscaler extends Construct {
  /** The autoscaler's Helm release. */
  readonly release: Release;

  constructor(scope: Construct, id: string, props: ClusterAutoscalerProps) {
    super(scope, id);
    const chart = { ...VERSIONS.clusterAutoscaler, ...props.chart };
    const { target } = props;
    const imageMinor = /^v?1\.(\d+)\./.exec(chart.imageTag)?.[1];
    const clusterMinor = /^1\.(\d+)$/.exec(target.kubernetesVersion)?.[1];
    if (!Token.isUnresolved(target.kubernetesVersion) && imageMinor && clusterMinor && imageMinor !== clusterMinor) {
      Annotations.of(this).addWarning(
        `${this.node.path}: chart.imageTag: cluster-autoscaler ${chart.imageTag} is meant for Kubernetes 1.${imageMinor}, `
        + `the cluster runs ${target.kubernetesVersion}; set chart.imageTag to the newest v${target.kubernetesVersion}.x release`,
      );
    }
    this.release = componentRelease(this, 'Resource', {
      name: 'cluster-autoscaler',
      namespace: target.namespace,
      chart,
      wait: true,
      values: {
        cloudProvider: 'aws',
        awsRegion: target.region,
        autoDiscovery: { clusterName: target.clusterName },
        image: { repository: chart.imageRepository, tag: chart.imageTag },
        rbac: { serviceAccount: { create: true, name: target.serviceAccountName } },
        extraArgs: {
          // Spread pods over similar pools (one per zone) and scale system-pod-only nodes down too.
          'balance-similar-node-groups': true,
          'skip-nodes-with-system-pods': false,
          'scale-down-unneeded-time': props.scaleDownUnneededTime ?? '10m',
          expander: 'least-waste',
        },
      },
    });
  }
}
