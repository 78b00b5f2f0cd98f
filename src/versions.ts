// The versions catalog: every chart, chart repository and image tag the project installs, pinned in one
// place that both the cluster layer and the platform layer read. Each entry records where its default
// came from, so an upgrade is a change here, a check of that source and a reviewed plan.

/** Where a Helm chart comes from. Every field can be overridden (mirrors, air-gapped sites). */
export interface HelmChartSource {
  /**
   * Chart repository URL (`https://…`) or OCI registry (`oci://…`); empty when `chart` is a local
   * chart folder or archive (air-gapped sites).
   */
  readonly repository: string;
  /** Chart name in that repository, or the path of a local chart folder or `.tgz` archive. */
  readonly chart: string;
  /** Exact chart version. */
  readonly version: string;
}

/** A chart plus the container image it runs, pinned together. */
export interface PinnedChart extends HelmChartSource {
  /** Image repository the chart deploys (for charts that run several images, the registry path they share). */
  readonly imageRepository: string;
  /** Image tag the chart deploys. */
  readonly imageTag: string;
}

/** A catalog entry: the pinned chart and image, and where those defaults were read. */
export interface CatalogEntry extends PinnedChart {
  /** The source of the pinned values (release, chart index, or OSCAR installer they were taken from). */
  readonly source: string;
}

/** Overrides of catalog entries, per component (a mirror, a local chart folder, a newer patch release). */
export type VersionOverrides = { readonly [K in keyof typeof VERSIONS]?: Partial<PinnedChart> };

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
    source: 'NVIDIA/k8s-device-plugin v0.18.0 deployments/helm (the image IM installs, oscar-deploy §2.11)',
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
    source: 'kubernetes/autoscaler chart cluster-autoscaler 9.59.0 (appVersion 1.35.0), newest 1.35 patch image',
  },
  /**
   * The OSCAR manager's chart. The chart defaults to image tag `latest` with pull policy Always; the
   * tag is pinned to the manager release the chart was cut for.
   */
  oscar: {
    repository: 'https://grycap.github.io/helm-charts/',
    chart: 'oscar',
    version: '4.1.2',
    imageRepository: 'ghcr.io/grycap/oscar',
    imageTag: '4.1.2',
    source: 'grycap/helm-charts index.yaml chart oscar 4.1.2 (2026-06-12); image tag of manager release v4.1.2 (grycap/oscar main.yaml publishes X.Y.Z)',
  },
  /**
   * MinIO, from its official chart (standalone layout set by the MinIO construct). The community server
   * gets no new images upstream, so the image is pinned to the one the chart release was tested with.
   */
  minio: {
    repository: 'https://charts.min.io/',
    chart: 'minio',
    version: '5.4.0',
    imageRepository: 'quay.io/minio/minio',
    imageTag: 'RELEASE.2024-12-18T13-15-44Z',
    source: 'minio/minio helm/minio Chart.yaml 5.4.0 and its values.yaml image (the chart the OSCAR kind installer pins)',
  },
  /** The Knative Operator, which installs Knative Serving and Kourier from a KnativeServing resource. */
  knativeOperator: {
    repository: 'https://knative.github.io/operator',
    chart: 'knative-operator',
    version: 'v1.23.0',
    imageRepository: 'gcr.io/knative-releases/knative.dev/operator/cmd',
    imageTag: 'v1.23.0',
    source: 'knative/operator tag knative-v1.23.0 config/charts/knative-operator (release fills version and tag with v1.23.0)',
  },
  /** Traefik, the Gateway API implementation OSCAR's installers now use (ingress-nginx is retired). */
  traefik: {
    repository: 'https://traefik.github.io/charts',
    chart: 'traefik',
    version: '41.3.0',
    imageRepository: 'docker.io/traefik',
    imageTag: 'v3.7.11',
    source: 'traefik/traefik-helm-chart tag v41.3.0 Chart.yaml (appVersion v3.7.11)',
  },
  /** cert-manager, for TLS certificates of the gateway. */
  certManager: {
    repository: 'https://charts.jetstack.io',
    chart: 'cert-manager',
    version: 'v1.21.2',
    imageRepository: 'quay.io/jetstack',
    imageTag: 'v1.21.2',
    source: 'cert-manager/cert-manager v1.21.2 deploy/charts/cert-manager (release sets version and appVersion)',
  },
  /** metrics-server, which the manager's /system/status and resource manager read. */
  metricsServer: {
    repository: 'https://kubernetes-sigs.github.io/metrics-server/',
    chart: 'metrics-server',
    version: '3.13.1',
    imageRepository: 'registry.k8s.io/metrics-server/metrics-server',
    imageTag: 'v0.8.1',
    source: 'kubernetes-sigs/metrics-server tag metrics-server-helm-chart-3.13.1 (appVersion 0.8.1)',
  },
  /**
   * Kueue, job queueing within per-user quotas: the release whose API (v1beta2) the manager v4.1.2 is
   * built against (its go.mod: sigs.k8s.io/kueue v0.17.x).
   */
  kueue: {
    repository: 'oci://registry.k8s.io/kueue/charts',
    chart: 'kueue',
    version: '0.17.0',
    imageRepository: 'registry.k8s.io/kueue/kueue',
    imageTag: 'v0.17.0',
    source: 'kubernetes-sigs/kueue v0.17.0 charts/kueue (published as oci://registry.k8s.io/kueue/charts/kueue); grycap/oscar v4.1.2 go.mod',
  },
  /**
   * KServe's controller (chart `kserve`, charts/kserve-resources in its repository): the last release
   * whose charts keep the CRDs in a chart of their own and take the Gateway API settings the manager's
   * routes need (v0.17 restructured its charts). The manager v4.1.2 creates `serving.kserve.io/v1beta1`
   * InferenceServices.
   */
  kserve: {
    repository: 'oci://ghcr.io/kserve/charts',
    chart: 'kserve',
    version: 'v0.16.0',
    imageRepository: 'kserve/kserve-controller',
    imageTag: 'v0.16.0',
    source: 'kserve/kserve v0.16.0 charts/kserve-resources (published as oci://ghcr.io/kserve/charts/kserve; values kserve.controller.image/tag)',
  },
  /** KServe's CRDs, installed before its controller; a chart of CRDs runs no image. */
  kserveCrd: {
    repository: 'oci://ghcr.io/kserve/charts',
    chart: 'kserve-crd',
    version: 'v0.16.0',
    imageRepository: '',
    imageTag: '',
    source: 'kserve/kserve v0.16.0 charts/kserve-crd (published as oci://ghcr.io/kserve/charts/kserve-crd)',
  },
  /**
   * An in-cluster NFS server and provisioner, for clusters with no ReadWriteMany storage class. The
   * image is the one OSCAR's kind installer pins (later images hit nfs-ganesha issue #115 there).
   */
  nfsServerProvisioner: {
    repository: 'https://kubernetes-sigs.github.io/nfs-ganesha-server-and-external-provisioner/',
    chart: 'nfs-server-provisioner',
    version: '1.8.0',
    imageRepository: 'registry.k8s.io/sig-storage/nfs-provisioner',
    imageTag: 'v3.0.1',
    source: 'kubernetes-sigs/nfs-ganesha-server-and-external-provisioner tag nfs-server-provisioner-1.8.0; image tag from grycap/oscar deploy/kind-deploy.sh',
  },
} as const satisfies Record<string, CatalogEntry>;

/**
 * The Gateway API release whose CRDs Traefik needs. Upstream publishes them as a manifest, not a chart;
 * the platform packages the downloaded manifest into a chart at synth time (see GatewayApiCrds).
 */
export const GATEWAY_API = {
  version: 'v1.5.1',
  manifestUrl: 'https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.5.1/standard-install.yaml',
  source: 'Traefik v3.7 (traefik-helm-chart v41.3.0 README: Gateway API CRDs no longer shipped, install v1.5.1)',
} as const;

/** Version of Knative Serving the operator installs (`major.minor`: the operator picks its bundled patch). */
export const KNATIVE_SERVING_VERSION = '1.23';

/** Kubernetes minor version new EKS clusters get; matches the cluster-autoscaler pinned above. */
export const DEFAULT_KUBERNETES_VERSION = '1.35';

/** A catalog entry with a deployment's overrides applied. */
export function pinnedChart(entry: CatalogEntry, override?: Partial<PinnedChart>): PinnedChart {
  const { source: _source, ...chart } = entry;
  return { ...chart, ...override };
}

/** The helm_release arguments that locate a chart. */
export function releaseSource(source: HelmChartSource): { repository?: string; chart: string; version: string } {
  return { repository: source.repository === '' ? undefined : source.repository, chart: source.chart, version: source.version };
}

/**
 * The project's own OSCAR Terraform provider (provider/), as the services stack requires it. The source
 * names no registry host, so Terraform and OpenTofu each look in their own registry (or, until it is
 * published, in the filesystem mirror provider/install.sh writes); the constraint follows the version
 * that script builds (OSCAR_PROVIDER_VERSION, 0.1.0 by default).
 */
export const OSCAR_PROVIDER = {
  source: 'oscar-cdktf/oscar',
  version: '~> 0.1',
} as const;

/**
 * The oldest Terraform (and OpenTofu, which numbers its releases alike) the services stack runs on:
 * 1.11 added write-only attributes, which keep secrets out of plans and state, and both have had
 * ephemeral variables since (Terraform 1.10, OpenTofu 1.11).
 */
export const MINIMUM_TERRAFORM = '>= 1.11';
