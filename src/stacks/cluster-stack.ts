import { Construct } from 'constructs';
import type { ICluster } from '../cluster/cluster';
import { EksCluster, type EksClusterProps } from '../cluster/eks-cluster';
import { ExistingCluster, type ExistingClusterProps } from '../cluster/existing-cluster';
import { AwsProvider, TerraformOutput, TerraformStack } from '../private/cdktf';
import { fromOption, ValidationError } from '../errors';

/** Exactly one cluster target. */
export interface ClusterStackProps {
  /**
   * Create an EKS cluster with autoscaled node pools.
   * @default - not EKS
   */
  readonly eks?: EksClusterProps;
  /**
   * Use a cluster that already exists.
   * @default - not an existing cluster
   */
  readonly existing?: ExistingClusterProps;
}

/**
 * The cluster layer: creates the cluster (EKS) or describes an existing one, and hands the platform
 * stack its connection, GPU placement and autoscaler target.
 */
export class ClusterStack extends TerraformStack {
  /** The cluster: what the platform stack installs on. */
  readonly cluster: ICluster;

  constructor(scope: Construct, id: string, props: ClusterStackProps) {
    super(scope, id);
    const targets = [props.eks && 'eks', props.existing && 'existing'].filter(Boolean);
    if (targets.length !== 1) {
      throw new ValidationError(this, 'eks | existing', targets.length === 0 ? 'no cluster target is given' : 'both targets are given',
        'give exactly one: eks (create a cluster) or existing (use a kubeconfig or API server)');
    }
    if (props.eks) {
      new AwsProvider(this, 'aws', { region: props.eks.region, defaultTags: [{ tags: { 'oscar-cdktf:cluster': props.eks.clusterName } }] });
      const eks = fromOption('eks', () => new EksCluster(this, 'Eks', props.eks!));
      this.cluster = eks;
      // For people and pipelines (kubectl, drift checks); the platform stack reads the same values.
      new TerraformOutput(this, 'cluster_name', { value: eks.resource.name, description: 'EKS cluster name' });
      new TerraformOutput(this, 'api_server_host', { value: eks.connection.config.host, description: 'Kubernetes API server URL' });
      new TerraformOutput(this, 'cluster_ca_certificate', { value: eks.connection.config.clusterCaCertificate, description: 'PEM of the cluster CA' });
      new TerraformOutput(this, 'kubeconfig_command', {
        value: `aws eks update-kubeconfig --name ${props.eks.clusterName} --region ${props.eks.region}`,
        description: 'Adds the cluster to ~/.kube/config (tokens come from aws eks get-token)',
      });
    } else {
      this.cluster = fromOption('existing', () => new ExistingCluster(this, 'Existing', props.existing!));
    }
  }
}
