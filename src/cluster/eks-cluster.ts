import { Construct } from 'constructs';
import {
  Annotations,
  AutoscalingGroupTag,
  DataAwsPartition,
  EksAddon,
  EksClusterResource,
  EksNodeGroup,
  EksPodIdentityAssociation,
  Fn,
  IamRole,
  IamRolePolicy,
  IamRolePolicyAttachment,
  Token,
} from '../private/cdktf';
import { ValidationError } from '../errors';
import { DEFAULT_KUBERNETES_VERSION } from '../versions';
import type { ClusterAutoscalerTarget, ICluster } from './cluster';
import { ClusterConnection } from './connection';
import { EksNetwork } from './eks-network';
import { GPU_NODE_LABELS, type GpuPlacement, GpuTolerationInjection } from './gpu';
import { NodePool, NodePoolError, type NodePoolOptions, nodePoolsOf, TaintEffect } from './node-pool';
import { eksAmiType, instanceTypeTraits } from './private/aws-instance-types';
import { NODE_TEMPLATE_TAG, nodeTemplateTags } from './private/node-template';

/** Props of {@link EksCluster}. */
export interface EksClusterProps {
  /** Cluster name: letters, digits, `-` and `_`, starting with a letter or digit, at most 100 characters. */
  readonly clusterName: string;
  /** AWS region of the cluster; the same the stack's AWS provider uses. */
  readonly region: string;
  /**
   * Kubernetes minor version.
   * @default '1.35'
   */
  readonly kubernetesVersion?: string;
  /**
   * The network the cluster and its nodes live in.
   * @default EksNetwork.newVpc()
   */
  readonly network?: EksNetwork;
  /**
   * Node pools. At least one must run cluster add-ons (CoreDNS, the autoscaler): no taints and
   * minSize of 1 or more.
   * @default - one pool "system" of m6i.large, 1 to 3 nodes
   */
  readonly nodePools?: readonly NodePoolOptions[];
  /**
   * IPv4 ranges allowed to reach the API server's public endpoint (nodes use the private one). Open by
   * default on purpose: Terraform runs outside the VPC, from laptops and CI runners whose addresses
   * change, and every request still needs IAM credentials that are cluster admins or access entries.
   * Restrict it to the ranges Terraform and kubectl run from, for example `['203.0.113.0/24']`.
   * @default ['0.0.0.0/0']
   */
  readonly publicAccessCidrs?: readonly string[];
  /**
   * Install the EBS and EFS CSI drivers (EKS add-ons, with their IAM roles) for OSCAR's storage.
   * @default true
   */
  readonly storageDrivers?: boolean;
}

/** The default of publicAccessCidrs: the public endpoint answers everyone (requests still need IAM credentials). */
const PUBLIC_ACCESS_FROM_ANYWHERE: readonly string[] = ['0.0.0.0/0'];
const IPV4_CIDR = /^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)\/(3[0-2]|[12]?\d)$/;
const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;
const AUTOSCALER_SERVICE_ACCOUNT = { namespace: 'kube-system', name: 'cluster-autoscaler' };
const EKS_TAINT_EFFECT: Record<TaintEffect, string> = {
  [TaintEffect.NO_SCHEDULE]: 'NO_SCHEDULE',
  [TaintEffect.PREFER_NO_SCHEDULE]: 'PREFER_NO_SCHEDULE',
  [TaintEffect.NO_EXECUTE]: 'NO_EXECUTE',
};

/**
 * An EKS cluster with managed node groups built from the node pool model, scaled by
 * cluster-autoscaler (every pool, GPU pools included, from zero and back), plus the IAM roles for the
 * autoscaler and the EBS/EFS CSI drivers, bound through EKS Pod Identity.
 *
 * GPU pools run the Amazon Linux 2023 NVIDIA AMI, carry `nvidia.com/gpu.present=true` and the taint
 * `nvidia.com/gpu=true:NoSchedule`; EKS's API server runs the ExtendedResourceToleration admission
 * plugin, so OSCAR's GPU pods (which only request `nvidia.com/gpu`) tolerate that taint and CPU pods do not.
 */
export class EksCluster extends Construct implements ICluster {
  /** The EKS cluster resource. */
  readonly resource: EksClusterResource;
  /** Node groups by pool name. */
  readonly nodeGroups: Readonly<Record<string, EksNodeGroup>>;
  /** The resolved node pools. */
  readonly nodePools: readonly NodePool[];
  readonly connection: ClusterConnection;
  readonly gpu?: GpuPlacement;
  readonly autoscaler: ClusterAutoscalerTarget;

  constructor(scope: Construct, id: string, props: EksClusterProps) {
    super(scope, id);
    const clusterName = props.clusterName;
    if (Token.isUnresolved(clusterName)) {
      throw new ValidationError(this, 'clusterName', 'is a Terraform token', 'give the name as a literal: it is the prefix of the IAM role names and tags');
    }
    if (!CLUSTER_NAME.test(clusterName)) {
      throw new ValidationError(this, 'clusterName', `'${clusterName}' is not a valid EKS cluster name`,
        'use letters, digits, "-" and "_", starting with a letter or digit, at most 100 characters');
    }
    // The version and region may be Terraform tokens (variables); only literals are checked.
    const kubernetesVersion = props.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    if (!Token.isUnresolved(kubernetesVersion) && !/^1\.\d{2}$/.test(kubernetesVersion)) {
      throw new ValidationError(this, 'kubernetesVersion', `'${kubernetesVersion}' is not a Kubernetes minor version`,
        `give major.minor, for example "${DEFAULT_KUBERNETES_VERSION}"`);
    }
    if (!Token.isUnresolved(props.region) && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(props.region)) {
      throw new ValidationError(this, 'region', `'${props.region}' is not an AWS region name`, 'give a region such as "eu-west-1"');
    }
    const publicAccessCidrs = props.publicAccessCidrs ?? PUBLIC_ACCESS_FROM_ANYWHERE;
    checkPublicAccessCidrs(this, publicAccessCidrs);
    const pools = props.nodePools ?? [{ name: 'system', instanceTypes: ['m6i.large'], minSize: 1, maxSize: 3 }];
    try {
      this.nodePools = this.checkPools(nodePoolsOf(this, pools));
    } catch (e) {
      // A pool's field is under its entry of nodePools.
      if (e instanceof NodePoolError) e.nestUnder(props.nodePools ? `nodePools[${pools.findIndex((p) => p.name === e.poolName)}]` : 'nodePools');
      throw e;
    }

    const partition = new DataAwsPartition(this, 'Partition').partition;
    const managedPolicy = (name: string) => `arn:${partition}:iam::aws:policy/${name}`;
    const subnetIds = (props.network ?? EksNetwork.newVpc())._bind(this, clusterName);

    const clusterRole = new IamRole(this, 'ClusterRole', {
      namePrefix: truncate(`${clusterName}-cluster-`, 38),
      assumeRolePolicy: trustPolicy('eks.amazonaws.com', ['sts:AssumeRole', 'sts:TagSession']),
    });
    const clusterPolicy = new IamRolePolicyAttachment(this, 'ClusterRolePolicy',
      { role: clusterRole.name, policyArn: managedPolicy('AmazonEKSClusterPolicy') });

    this.resource = new EksClusterResource(this, 'Resource', {
      name: clusterName,
      version: kubernetesVersion,
      roleArn: clusterRole.arn,
      vpcConfig: {
        subnetIds,
        endpointPrivateAccess: true,
        endpointPublicAccess: true,
        publicAccessCidrs: [...publicAccessCidrs],
      },
      // Access entries (not the aws-auth ConfigMap); whoever runs the apply becomes cluster admin.
      accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: true },
      dependsOn: [clusterPolicy],
    });

    const nodeRole = new IamRole(this, 'NodeRole', {
      namePrefix: truncate(`${clusterName}-node-`, 38),
      assumeRolePolicy: trustPolicy('ec2.amazonaws.com', ['sts:AssumeRole']),
    });
    const nodePolicies = ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryReadOnly'].map(
      (policy) => new IamRolePolicyAttachment(this, `NodeRole${policy}`, { role: nodeRole.name, policyArn: managedPolicy(policy) }),
    );

    const nodeGroups: Record<string, EksNodeGroup> = {};
    for (const pool of this.nodePools) {
      nodeGroups[pool.name] = this.addNodeGroup(pool, nodeRole.arn, subnetIds, nodePolicies);
    }
    this.nodeGroups = nodeGroups;
    const systemNodeGroups = this.nodePools.filter(canRunAddOns).map((p) => nodeGroups[p.name]);

    new EksAddon(this, 'PodIdentityAgent', { clusterName: this.resource.name, addonName: 'eks-pod-identity-agent', dependsOn: systemNodeGroups });
    this.addAutoscalerIdentity(clusterName);
    if (props.storageDrivers ?? true) {
      const driver = { clusterName, dependsOn: systemNodeGroups };
      this.addStorageDriver('EbsCsiDriver', { ...driver, addonName: 'aws-ebs-csi-driver', serviceAccount: 'ebs-csi-controller-sa',
        policyArn: managedPolicy('service-role/AmazonEBSCSIDriverPolicy')});
      this.addStorageDriver('EfsCsiDriver', { ...driver, addonName: 'aws-efs-csi-driver', serviceAccount: 'efs-csi-controller-sa',
        policyArn: managedPolicy('service-role/AmazonEFSCSIDriverPolicy')});
    }

    this.connection = ClusterConnection.fromExec({
      host: this.resource.endpoint,
      clusterCaCertificate: Fn.base64decode(this.resource.certificateAuthority.get(0).data),
      // A fresh token per request: aws_eks_cluster_auth tokens expire after 15 minutes.
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1beta1',
        command: 'aws',
        args: ['eks', 'get-token', '--cluster-name', clusterName, '--region', props.region, '--output', 'json'],
      },
    });
    if (this.nodePools.some((p) => p.isGpuPool)) {
      this.gpu = { nodeSelector: { ...GPU_NODE_LABELS }, tolerationInjection: GpuTolerationInjection.ADMISSION_PLUGIN };
    }
    this.autoscaler = {
      clusterName,
      region: props.region,
      namespace: AUTOSCALER_SERVICE_ACCOUNT.namespace,
      serviceAccountName: AUTOSCALER_SERVICE_ACCOUNT.name,
      kubernetesVersion,
    };
  }

  // Rules that depend on EC2 instance types and on the cluster as a whole.
  private checkPools(pools: NodePool[]): NodePool[] {
    for (const pool of pools) {
      const fail = (field: string, problem: string, fix: string): never => {
        throw new NodePoolError(this, pool.name, field, problem, fix);
      };
      for (const warning of pool.warnings) Annotations.of(this).addWarning(warning);
      const traits = pool.instanceTypes.map((type) => {
        const t = instanceTypeTraits(type);
        if (!t) return fail('instanceTypes', `'${type}' is not an EC2 instance type name`, 'use names such as "m6i.large" or "g5.xlarge"');
        return { type, ...t };
      });
      const cpuOnly = traits.filter((t) => !t.nvidiaGpu).map((t) => t.type);
      const gpuTypes = traits.filter((t) => t.nvidiaGpu).map((t) => t.type);
      if (pool.isGpuPool && cpuOnly.length > 0) {
        fail('instanceTypes', `is a GPU pool but ${cpuOnly.join(', ')} ${cpuOnly.length === 1 ? 'has' : 'have'} no NVIDIA GPU`,
          'use NVIDIA GPU instance types (g4dn, g5, g6, g6e, p4d, p5 …), or remove gpu for a CPU pool');
      }
      if (!pool.isGpuPool && gpuTypes.length > 0) {
        fail('gpu', `is not set, but ${gpuTypes.join(', ')} ${gpuTypes.length === 1 ? 'is a GPU instance type' : 'are GPU instance types'}`,
          'add gpu: { count: <GPUs per node> } so the pool gets the NVIDIA AMI, label and taint, or use CPU instance types');
      }
      if (new Set(traits.map((t) => t.architecture)).size > 1) {
        fail('instanceTypes', `mixes x86_64 and arm64 types (${pool.instanceTypes.join(', ')})`,
          'split them into one pool per architecture: a node group has one AMI');
      }
    }
    if (!pools.some(canRunAddOns)) {
      throw new ValidationError(this, 'nodePools', 'no pool can run cluster add-ons (CoreDNS, the autoscaler): every pool is tainted or can scale to zero',
        'add an untainted pool with minSize of at least 1, for example { name: "system", instanceTypes: ["m6i.large"], minSize: 1, maxSize: 3 }');
    }
    return pools;
  }

  private addNodeGroup(pool: NodePool, nodeRoleArn: string, subnetIds: string[], dependsOn: IamRolePolicyAttachment[]): EksNodeGroup {
    const traits = instanceTypeTraits(pool.instanceTypes[0])!;
    const group = new EksNodeGroup(this, `NodeGroup-${pool.name}`, {
      clusterName: this.resource.name,
      nodeGroupName: pool.name,
      nodeRoleArn,
      subnetIds,
      instanceTypes: [...pool.instanceTypes],
      amiType: eksAmiType(traits.architecture, pool.isGpuPool),
      capacityType: pool.capacityType,
      diskSize: pool.diskSizeGib,
      scalingConfig: { minSize: pool.minSize, maxSize: pool.maxSize, desiredSize: pool.desiredSize },
      labels: { ...pool.labels },
      taint: pool.taints.map((t) => ({ key: t.key, value: t.value, effect: EKS_TAINT_EFFECT[t.effect] })),
      updateConfig: { maxUnavailablePercentage: 33 },
      // The autoscaler owns the current size.
      lifecycle: { ignoreChanges: ['scaling_config[0].desired_size'] },
      dependsOn,
    });
    // EKS tags the group's Auto Scaling group for discovery but not with what its nodes will look like;
    // these tags let the autoscaler plan a node for a group at zero (GPU count, labels, taints).
    const asgName = group.resources.get(0).autoscalingGroups.get(0).name;
    for (const [key, value] of Object.entries(nodeTemplateTags(pool))) {
      new AutoscalingGroupTag(this, `NodeGroup-${pool.name}-Tag-${key.slice(NODE_TEMPLATE_TAG.length + 1)}`, {
        autoscalingGroupName: asgName,
        tag: { key, value, propagateAtLaunch: false },
      });
    }
    return group;
  }

  private addAutoscalerIdentity(clusterName: string): void {
    const role = new IamRole(this, 'AutoscalerRole', {
      namePrefix: truncate(`${clusterName}-autoscaler-`, 38),
      assumeRolePolicy: trustPolicy('pods.eks.amazonaws.com', ['sts:AssumeRole', 'sts:TagSession']),
    });
    new IamRolePolicy(this, 'AutoscalerPolicy', {
      role: role.name,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: [
              'autoscaling:DescribeAutoScalingGroups', 'autoscaling:DescribeAutoScalingInstances', 'autoscaling:DescribeLaunchConfigurations',
              'autoscaling:DescribeScalingActivities', 'autoscaling:DescribeTags', 'ec2:DescribeImages', 'ec2:DescribeInstanceTypes',
              'ec2:DescribeLaunchTemplateVersions', 'ec2:GetInstanceTypesFromInstanceRequirements', 'eks:DescribeNodegroup',
            ],
            Resource: '*',
          },
          {
            // Only this cluster's groups may be resized.
            Effect: 'Allow',
            Action: ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'],
            Resource: '*',
            Condition: { StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${clusterName}`]: 'owned' } },
          },
        ],
      }),
    });
    new EksPodIdentityAssociation(this, 'AutoscalerIdentity', {
      clusterName: this.resource.name,
      namespace: AUTOSCALER_SERVICE_ACCOUNT.namespace,
      serviceAccount: AUTOSCALER_SERVICE_ACCOUNT.name,
      roleArn: role.arn,
    });
  }

  private addStorageDriver(id: string,
    d: { clusterName: string; addonName: string; serviceAccount: string; policyArn: string; dependsOn: EksNodeGroup[] }): void {
    const { addonName, serviceAccount, policyArn, dependsOn } = d;
    const role = new IamRole(this, `${id}Role`, {
      namePrefix: truncate(`${d.clusterName}-${addonName.replace('aws-', '')}-`, 38),
      assumeRolePolicy: trustPolicy('pods.eks.amazonaws.com', ['sts:AssumeRole', 'sts:TagSession']),
    });
    new IamRolePolicyAttachment(this, `${id}RolePolicy`, { role: role.name, policyArn });
    new EksAddon(this, id, {
      clusterName: this.resource.name,
      addonName,
      podIdentityAssociation: [{ roleArn: role.arn, serviceAccount }],
      dependsOn,
    });
  }

}

// A pool whose minSize is a Terraform token is taken at its word: the rule is checked where it is known.
function canRunAddOns(pool: NodePool): boolean {
  return (Token.isUnresolved(pool.minSize) || pool.minSize >= 1) && pool.taints.length === 0;
}

// EKS reads an empty list as "from anywhere", so an empty list must not be how one closes the endpoint.
function checkPublicAccessCidrs(scope: Construct, cidrs: readonly string[]): void {
  if (Token.isUnresolved(cidrs)) return;
  if (cidrs.length === 0) {
    throw new ValidationError(scope, 'publicAccessCidrs', 'is empty, which EKS reads as open to every address',
      'list the IPv4 ranges Terraform and kubectl run from, for example ["203.0.113.0/24"], or leave it out to allow every address');
  }
  const bad = cidrs.find((cidr) => !Token.isUnresolved(cidr) && !IPV4_CIDR.test(cidr));
  if (bad !== undefined) {
    throw new ValidationError(scope, 'publicAccessCidrs', `'${bad}' is not an IPv4 range`,
      'write ranges as address/prefix, for example "203.0.113.0/24" (one address is "/32")');
  }
}

function trustPolicy(service: string, actions: string[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: actions }] });
}

// IAM name prefixes are limited to 38 characters.
function truncate(prefix: string, max: number): string {
  return prefix.length <= max ? prefix : `${prefix.slice(0, max - 1)}-`;
}
