import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { ICluster } from '../src/cluster/cluster';
import { EksCluster, type EksClusterProps } from '../src/cluster/eks-cluster';
import { ExistingCluster, type ExistingClusterProps } from '../src/cluster/existing-cluster';
import { TerraformStack } from '../src/private/cdktf';
import { ValidationError } from '../src/private/errors';

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
  readonly cluster: ICluster;

  constructor(scope: Construct, id: string, props: ClusterStackProps) {
    super(scope, id);
    const targets = [props.eks && 'eks', props.existing && 'existing'].filter(Boolean);
    if (targets.length !== 1) {
      throw new ValidationError(this, 'eks | existing', targets.length === 0 ? 'no cluster target is given' : 'both targets are given', 'give exactly one: eks (create a cluster) or existing (use a kubeconfig or API server)');
    }
    if (props.eks) {
      new AwsProvider(this, 'aws', { region: props.eks.region, defaultTags: [{ tags: { 'oscar-cdktf:cluster': props.eks.clusterName } }] });
      this.cluster = new EksCluster(this, 'Eks', props.eks);
    } else {
      this.cluster = new ExistingCluster(this, 'Existing', props.existing!);
    }
  }
}
