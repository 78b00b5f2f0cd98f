/** Where a Helm chart comes from. Every field can be overridden (mirrors, air-gapped sites). */
export interface HelmChartSource {
  /**
   * Chart repository URL (`https://…`) or OCI registry (`oci://…`); empty when `chart` is a local
   * chart folder (air-gapped sites).
   */
  readonly repository: string;
  /** Chart name in that repository, or the path of a local chart folder. */
  readonly chart: string;
  /** Exact chart version. */
  readonly version: string;
}

/** A chart plus the container image it runs, pinned together. */
export interface PinnedChart extends HelmChartSource {
  /** Image repository the chart deploys. */
  readonly imageRepository: string;
  /** Image tag the chart deploys. */
  readonly imageTag: string;
}

/**
 * The one place chart and image versions are pinned. Constructs take these as defaults and accept
 * overrides, so an upgrade is a change here and a reviewed plan.
 */
export const VERSIONS = {
  /** NVIDIA device plugin; the chart is also what the integration test installs (testenv/versions.env). */
  nvidiaDevicePlugin: {
    repository: 'https://nvidia.github.io/k8s-device-plugin',
    chart: 'nvidia-device-plugin',
    version: '0.18.0',
    imageRepository: 'nvcr.io/nvidia/k8s-device-plugin',
    imageTag: 'v0.18.0',
  },
  /**
   * Kubernetes cluster-autoscaler. Its minor version must match the cluster's; chart 9.59.0 ships
   * 1.35.0 and the image tag takes the newest 1.35 patch.
   */
  clusterAutoscaler: {
    repository: 'https://kubernetes.github.io/autoscaler',
    chart: 'cluster-autoscaler',
    version: '9.59.0',
    imageRepository: 'registry.k8s.io/autoscaling/cluster-autoscaler',
    imageTag: 'v1.35.2',
  },
} as const satisfies Record<string, PinnedChart>;

/** Kubernetes minor version new EKS clusters get; matches the cluster-autoscaler pinned above. */
export const DEFAULT_KUBERNETES_VERSION = '1.35';

/** The helm_release arguments that locate a chart. */
export function releaseSource(source: HelmChartSource): { repository?: string; chart: string; version: string } {
  return { repository: source.repository === '' ? undefined : source.repository, chart: source.chart, version: source.version };
}
