import { Construct } from 'constructs';
import { type PinnedChart, pinnedChart, VERSIONS } from '../versions';
import { componentRelease } from '../private/helm';
import type { Release } from '../private/cdktf';

/** Settings of metrics-server. */
export interface MetricsServerOptions {
  /**
   * Chart and image, to override the pinned ones.
   * @default - the chart and image pinned in the versions catalog (src/versions.ts)
   */
  readonly chart?: Partial<PinnedChart>;
  /**
   * Namespace of metrics-server.
   * @default 'kube-system'
   */
  readonly namespace?: string;
  /**
   * Accept kubelets' self-signed serving certificates (`--kubelet-insecure-tls`), as kind, k3s and
   * kubeadm clusters without signed kubelet certificates need; EKS does not.
   * @default false
   */
  readonly kubeletInsecureTls?: boolean;
}

/** Props of {@link MetricsServer}. */
export interface MetricsServerProps extends MetricsServerOptions {
  /** Wait for its pod. */
  readonly wait: boolean;
}

/**
 * metrics-server, for clusters that lack one (kind, kubeadm, EKS without the add-on; k3s, GKE and AKS
 * ship their own). The manager's `/system/status` and its resource manager read `metrics.k8s.io`.
 */
export class MetricsServer extends Construct {
  /** The chart release. */
  readonly release: Release;

  constructor(scope: Construct, id: string, props: MetricsServerProps) {
    super(scope, id);
    const chart = pinnedChart(VERSIONS.metricsServer, props.chart);
    this.release = componentRelease(this, 'Resource', {
      name: 'metrics-server',
      namespace: props.namespace ?? 'kube-system',
      chart,
      values: {
        image: { repository: chart.imageRepository, tag: chart.imageTag },
        args: props.kubeletInsecureTls ? ['--kubelet-insecure-tls'] : [],
      },
      wait: props.wait,
    });
  }
}
