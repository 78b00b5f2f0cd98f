// The only module that imports CDK for Terraform: its core, and the prebuilt provider bindings this
// project uses. cdktf is archived upstream and continues as CDK Terrain (`cdktn`, same API): moving to
// it means changing the module names here (and regenerating the OSCAR bindings in src/providers/oscar,
// which import the core themselves as generated code does). Each binding is imported from its own
// `lib/<resource>` module, not from the package's barrel: see the README, "Synth speed".
export {
  Annotations,
  App,
  AssetType,
  dependable,
  Fn,
  Lazy,
  LocalBackend,
  S3Backend,
  TerraformAsset,
  TerraformLocal,
  TerraformOutput,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  Testing,
  Token,
} from 'cdktf';
export type { ITerraformDependable, TerraformProvider } from 'cdktf';

// hashicorp/aws: the EKS cluster and its network.
export { AutoscalingGroupTagA as AutoscalingGroupTag } from '@cdktf/provider-aws/lib/autoscaling-group-tag';
export { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
export { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
export { Eip } from '@cdktf/provider-aws/lib/eip';
export { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
export { EksCluster as EksClusterResource } from '@cdktf/provider-aws/lib/eks-cluster';
export { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
export { EksPodIdentityAssociation } from '@cdktf/provider-aws/lib/eks-pod-identity-association';
export { IamRole } from '@cdktf/provider-aws/lib/iam-role';
export { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
export { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
export { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
export { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
export { AwsProvider } from '@cdktf/provider-aws/lib/provider';
export { Route } from '@cdktf/provider-aws/lib/route';
export { RouteTable } from '@cdktf/provider-aws/lib/route-table';
export { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
export { Subnet } from '@cdktf/provider-aws/lib/subnet';
export { Vpc } from '@cdktf/provider-aws/lib/vpc';

// hashicorp/helm: every chart the platform installs.
export { HelmProvider } from '@cdktf/provider-helm/lib/provider';
export { Release } from '@cdktf/provider-helm/lib/release';

// hashicorp/kubernetes: the objects no chart creates (only `*_v1` resources, and `kubernetes_manifest`).
export { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
export { DataKubernetesNodes } from '@cdktf/provider-kubernetes/lib/data-kubernetes-nodes';
export { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
export { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
export { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
export { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
export { StorageClassV1 } from '@cdktf/provider-kubernetes/lib/storage-class-v1';
