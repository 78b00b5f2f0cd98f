import { Construct } from 'constructs';
import type { ICluster } from '../cluster/cluster';
import { fromOption } from '../errors';
import { ClusterAutoscaler, type ClusterAutoscalerOptions } from '../cluster/cluster-autoscaler';
import { GpuSupport, type GpuSupportOptions } from '../platform/gpu-support';
import { OscarPlatform, type OscarPlatformOptions } from '../platform/oscar-platform';
import { HelmProvider, KubernetesProvider, TerraformOutput, TerraformStack } from '../private/cdktf';

/** Props of {@link PlatformStack}. */
export interface PlatformStackProps {
  /** The cluster to install on (from ClusterStack, or any ICluster). */
  readonly cluster: ICluster;
  /**
   * The OSCAR platform: MinIO, storage, Knative, the gateway, metrics-server and the manager; false
   * installs only the cluster's own parts (autoscaler, GPU support).
   * @default - installed with OscarPlatformOptions' defaults
   */
  readonly platform?: OscarPlatformOptions | false;
  /**
   * Settings of GPU support (the NVIDIA device plugin), when the cluster has GPU nodes.
   * @default - GpuSupportOptions' defaults
   */
  readonly gpuSupport?: GpuSupportOptions;
  /**
   * Settings of cluster-autoscaler, when the cluster has one.
   * @default - ClusterAutoscalerOptions' defaults
   */
  readonly clusterAutoscaler?: ClusterAutoscalerOptions;
}

/** How clients (the services stack, oscar-cli, people) reach the OSCAR the platform runs. */
export interface OscarAccess {
  /** URL of the manager's REST API. */
  readonly endpoint: string;
  /** Basic-auth user. */
  readonly username: string;
  /** Basic-auth password (sensitive: a cross-stack reference to it becomes a sensitive output). */
  readonly password: string;
  /** URL of MinIO's S3 API as the manager reaches it. */
  readonly minioEndpoint: string;
}

/**
 * The platform layer. Its kubernetes and helm providers are configured from the cluster's connection,
 * which is why it is a stack of its own (a provider cannot be configured from a cluster created in the
 * same run). It installs the cluster's in-cluster parts (node autoscaler, GPU support), then the OSCAR
 * platform.
 */
export class PlatformStack extends TerraformStack {
  /** GPU support, when the cluster has GPU nodes. */
  readonly gpuSupport?: GpuSupport;
  /** The node autoscaler, when the cluster target asks for one. */
  readonly clusterAutoscaler?: ClusterAutoscaler;
  /** The OSCAR platform, unless left out. */
  readonly platform?: OscarPlatform;
  /** How to reach OSCAR, unless the platform is left out: what the services stack is wired to. */
  readonly oscar?: OscarAccess;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id);
    // The two providers take the same settings; only kubernetes wraps exec in a list (SDKv2 block).
    const { exec: execCredential, ...server } = props.cluster.connection.kubernetesProviderSettings();
    new KubernetesProvider(this, 'kubernetes', { ...server, exec: execCredential && [execCredential] });
    new HelmProvider(this, 'helm', { kubernetes: { ...server, exec: execCredential } });
    if (props.cluster.autoscaler) {
      this.clusterAutoscaler = new ClusterAutoscaler(this, 'ClusterAutoscaler', { ...props.clusterAutoscaler, target: props.cluster.autoscaler });
    }
    if (props.cluster.gpu) {
      this.gpuSupport = new GpuSupport(this, 'GpuSupport', { ...props.gpuSupport, placement: props.cluster.gpu });
    }
    if (props.platform !== false) {
      this.platform = fromOption('platform', () => new OscarPlatform(this, 'Oscar', props.platform || undefined));
      const { oscar, minio } = this.platform;
      this.oscar = { endpoint: oscar.endpoint, username: oscar.username, password: oscar.password, minioEndpoint: minio.endpoint };
      new TerraformOutput(this, 'oscar_endpoint', { value: oscar.endpoint, description: 'URL of the OSCAR REST API' });
      new TerraformOutput(this, 'oscar_username', { value: oscar.username, description: 'OSCAR basic-auth user' });
      new TerraformOutput(this, 'oscar_password',
        { value: oscar.password, sensitive: true, description: 'OSCAR basic-auth password (tofu output -raw oscar_password)' });
      new TerraformOutput(this, 'minio_endpoint', { value: minio.endpoint, description: 'MinIO S3 API URL, as the manager reaches it' });
      if (minio.publicEndpoint) {
        new TerraformOutput(this, 'minio_public_endpoint', { value: minio.publicEndpoint, description: 'MinIO S3 API URL outside the cluster' });
      }
      if (minio.consoleUrl) new TerraformOutput(this, 'minio_console_url', { value: minio.consoleUrl, description: 'MinIO console URL' });
    }
  }
}
