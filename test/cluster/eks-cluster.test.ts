import { TerraformStack, TerraformVariable, Testing } from '../../src/private/cdktf';
import { CapacityType, type NodePoolOptions } from '../../src/cluster/node-pool';
import { EksNetwork } from '../../src/cluster/eks-network';
import { GpuTolerationInjection } from '../../src/cluster/gpu';
import { ClusterStack } from '../../src/stacks/cluster-stack';
import { EksCluster, type EksClusterProps } from '../../src/cluster/eks-cluster';
import { warningsOf } from '../support/synth';

const system: NodePoolOptions = { name: 'system', instanceTypes: ['m6i.large'], minSize: 1, maxSize: 3 };
const gpuPool: NodePoolOptions = { name: 'gpu', instanceTypes: ['g5.xlarge', 'g5.2xlarge'], minSize: 0, maxSize: 4, gpu: { count: 1 } };

function synth(props: Partial<EksClusterProps> = {}) {
  const stack = new ClusterStack(Testing.app(), 'cluster', { eks: { clusterName: 'oscar', region: 'eu-west-1', ...props } });
  const json = JSON.parse(Testing.synth(stack));
  return { stack, json, resources: json.resource as Record<string, Record<string, any>> };
}

const nodeGroups = (r: Record<string, Record<string, any>>) => Object.values(r.aws_eks_node_group);
const asgTags = (r: Record<string, Record<string, any>>) =>
  Object.fromEntries(Object.values(r.aws_autoscaling_group_tag ?? {}).map((t: any) => [t.tag.key, t.tag.value]));

describe('EKS target', () => {
  test('a CPU-only cluster: VPC over two zones, the cluster, one system node group, no GPU support', () => {
    // WHEN
    const { stack, resources } = synth();
    // THEN
    expect(resources.aws_eks_cluster).toBeDefined();
    const [cluster] = Object.values(resources.aws_eks_cluster);
    expect(cluster).toMatchObject({ name: 'oscar', version: '1.35',
      access_config: { authentication_mode: 'API', bootstrap_cluster_creator_admin_permissions: true }});
    expect(Object.keys(resources.aws_subnet)).toHaveLength(4);
    expect(Object.keys(resources.aws_nat_gateway)).toHaveLength(1);
    const [group] = nodeGroups(resources);
    expect(group).toMatchObject({
      node_group_name: 'system', ami_type: 'AL2023_x86_64_STANDARD', capacity_type: 'ON_DEMAND', disk_size: 50,
      instance_types: ['m6i.large'], scaling_config: { min_size: 1, max_size: 3, desired_size: 1 }, taint: [],
      lifecycle: { ignore_changes: ['scaling_config[0].desired_size'] },
    });
    expect(stack.cluster.gpu).toBeUndefined();
  });

  test('a GPU pool scaled from zero: NVIDIA AMI, label, taint, and node-template tags for the autoscaler', () => {
    // WHEN
    const { stack, resources } = synth({ nodePools: [system, gpuPool] });
    // THEN
    const gpu = nodeGroups(resources).find((g: any) => g.node_group_name === 'gpu');
    expect(gpu).toMatchObject({
      ami_type: 'AL2023_x86_64_NVIDIA', disk_size: 100, instance_types: ['g5.xlarge', 'g5.2xlarge'],
      scaling_config: { min_size: 0, max_size: 4, desired_size: 0 },
      labels: { 'nvidia.com/gpu.present': 'true' },
      taint: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NO_SCHEDULE' }],
    });
    expect(asgTags(resources)).toMatchObject({
      'k8s.io/cluster-autoscaler/node-template/resources/nvidia.com/gpu': '1',
      'k8s.io/cluster-autoscaler/node-template/label/nvidia.com/gpu.present': 'true',
      'k8s.io/cluster-autoscaler/node-template/taint/nvidia.com/gpu': 'true:NoSchedule',
    });
    const tagOfGpuGroup = Object.values(resources.aws_autoscaling_group_tag).find((t: any) => t.tag.key.endsWith('resources/nvidia.com/gpu')) as any;
    expect(tagOfGpuGroup.autoscaling_group_name).toMatch(/\$\{aws_eks_node_group\.Eks_NodeGroup-gpu_\w+\.resources\[0\]\.autoscaling_groups\[0\]\.name\}/);
    expect(tagOfGpuGroup.tag.propagate_at_launch).toBe(false);
    // EKS runs ExtendedResourceToleration: the platform needs no policy of its own.
    expect(stack.cluster.gpu).toEqual({ nodeSelector: { 'nvidia.com/gpu.present': 'true' }, tolerationInjection: GpuTolerationInjection.ADMISSION_PLUGIN });
  });

  test('spot pools and arm64 pools', () => {
    // WHEN
    const { resources } = synth({
      nodePools: [system, { name: 'spot', instanceTypes: ['m7g.large', 'm6g.large'], maxSize: 10, capacityType: CapacityType.SPOT },
        { name: 'arm-gpu', instanceTypes: ['g5g.xlarge'], maxSize: 1, gpu: { count: 1 } }],
    });
    // THEN
    const byName = Object.fromEntries(nodeGroups(resources).map((g: any) => [g.node_group_name, g]));
    expect(byName.spot).toMatchObject({ capacity_type: 'SPOT', ami_type: 'AL2023_ARM_64_STANDARD' });
    expect(byName['arm-gpu']).toMatchObject({ ami_type: 'AL2023_ARM_64_NVIDIA' });
  });

  test('autoscaler: IAM role for EKS Pod Identity, limited to this cluster\'s groups, bound to kube-system/cluster-autoscaler', () => {
    // WHEN
    const { stack, resources } = synth();
    // THEN
    const association = Object.values(resources.aws_eks_pod_identity_association).find((a: any) => a.service_account === 'cluster-autoscaler');
    expect(association).toMatchObject({ namespace: 'kube-system', role_arn: expect.stringContaining('aws_iam_role.Eks_AutoscalerRole') });
    const policy = JSON.parse((Object.values(resources.aws_iam_role_policy)[0] as any).policy);
    expect(policy.Statement[1]).toMatchObject({ Action: ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'],
      Condition: { StringEquals: { 'aws:ResourceTag/k8s.io/cluster-autoscaler/oscar': 'owned' } }});
    expect(policy.Statement[0].Action).toContain('eks:DescribeNodegroup');
    expect(stack.cluster.autoscaler).toEqual({ clusterName: 'oscar', region: 'eu-west-1', namespace: 'kube-system', serviceAccountName: 'cluster-autoscaler',
      kubernetesVersion: '1.35'});
  });

  test('EBS and EFS CSI drivers as add-ons with their own Pod Identity roles, after the system nodes exist', () => {
    const { resources } = synth();
    const addons = Object.values(resources.aws_eks_addon) as any[];
    expect(addons.map((a) => a.addon_name).sort()).toEqual(['aws-ebs-csi-driver', 'aws-efs-csi-driver', 'eks-pod-identity-agent']);
    const ebs = addons.find((a) => a.addon_name === 'aws-ebs-csi-driver');
    expect(ebs.pod_identity_association).toEqual([{ role_arn: expect.stringContaining('aws_iam_role.Eks_EbsCsiDriverRole'),
      service_account: 'ebs-csi-controller-sa'}]);
    expect(ebs.depends_on).toEqual([expect.stringContaining('aws_eks_node_group.Eks_NodeGroup-system')]);
    const attachments = Object.values(resources.aws_iam_role_policy_attachment).map((a: any) => a.policy_arn);
    expect(attachments).toEqual(expect.arrayContaining([expect.stringContaining('service-role/AmazonEBSCSIDriverPolicy'),
      expect.stringContaining('service-role/AmazonEFSCSIDriverPolicy')]));
  });

  test('storage drivers can be left out', () => {
    const { resources } = synth({ storageDrivers: false });
    expect(Object.values(resources.aws_eks_addon).map((a: any) => a.addon_name)).toEqual(['eks-pod-identity-agent']);
  });

  test('an existing VPC: no network resources, the given subnets', () => {
    const { resources } = synth({ network: EksNetwork.existingVpc({ privateSubnetIds: ['subnet-a', 'subnet-b'] }) });
    expect(resources.aws_vpc).toBeUndefined();
    expect((Object.values(resources.aws_eks_cluster)[0] as any).vpc_config.subnet_ids).toEqual(['subnet-a', 'subnet-b']);
    expect((nodeGroups(resources)[0] as any).subnet_ids).toEqual(['subnet-a', 'subnet-b']);
  });
});

describe('access to the API server', () => {
  const vpcConfig = (resources: Record<string, Record<string, any>>) => (Object.values(resources.aws_eks_cluster)[0] as any).vpc_config;

  test('by default the public endpoint answers every address (Terraform runs outside the VPC); nodes use the private one', () => {
    // WHEN
    const { resources } = synth();
    // THEN
    expect(vpcConfig(resources)).toMatchObject({ endpoint_public_access: true, endpoint_private_access: true, public_access_cidrs: ['0.0.0.0/0'] });
  });

  test('publicAccessCidrs restricts the public endpoint to the given ranges', () => {
    // WHEN
    const { resources } = synth({ publicAccessCidrs: ['203.0.113.0/24', '198.51.100.7/32'] });
    // THEN
    expect(vpcConfig(resources).public_access_cidrs).toEqual(['203.0.113.0/24', '198.51.100.7/32']);
  });

  test('an empty list, which EKS reads as every address, is refused', () => {
    expect(() => synth({ publicAccessCidrs: [] }))
      .toThrow('cluster/Eks: publicAccessCidrs: is empty, which EKS reads as open to every address. Fix: list the IPv4 ranges');
  });

  test('a range that is not IPv4 CIDR is refused', () => {
    expect(() => synth({ publicAccessCidrs: ['203.0.113.7'] }))
      .toThrow("publicAccessCidrs: '203.0.113.7' is not an IPv4 range. Fix: write ranges as address/prefix");
  });
});

test('outputs the API server host, CA and how to get a kubeconfig', () => {
  const { json } = synth();
  expect(json.output.api_server_host.value).toMatch(/^\$\{aws_eks_cluster\.Eks_\w+\.endpoint\}$/);
  expect(json.output.cluster_ca_certificate.value).toMatch(/base64decode\(aws_eks_cluster\.Eks_\w+\.certificate_authority\[0\]\.data\)/);
  expect(json.output.kubeconfig_command.value).toBe('aws eks update-kubeconfig --name oscar --region eu-west-1');
});

describe('EKS target validation', () => {
  const cases: [string, Partial<EksClusterProps>, string][] = [
    ['GPU pool without GPU instance type', { nodePools: [system, { ...gpuPool, instanceTypes: ['g5.xlarge', 'm6i.large'] }] },
      "cluster/Eks: node pool 'gpu': instanceTypes: is a GPU pool but m6i.large has no NVIDIA GPU. Fix: use NVIDIA GPU instance types"],
    ['AMD GPU instance type in a GPU pool', { nodePools: [system, { ...gpuPool, instanceTypes: ['g4ad.xlarge'] }] }, 'g4ad.xlarge has no NVIDIA GPU'],
    ['GPU instance type in a CPU pool', { nodePools: [{ ...system, instanceTypes: ['g5.xlarge'] }] },
      "node pool 'system': gpu: is not set, but g5.xlarge is a GPU instance type. Fix: add gpu: { count: <GPUs per node> }"],
    ['mixed architectures', { nodePools: [{ ...system, instanceTypes: ['m6i.large', 'm7g.large'] }] },
      'instanceTypes: mixes x86_64 and arm64 types (m6i.large, m7g.large)'],
    ['not an instance type', { nodePools: [{ ...system, instanceTypes: ['large'] }] }, "instanceTypes: 'large' is not an EC2 instance type name"],
    ['no pool for add-ons', { nodePools: [{ ...system, minSize: 0 }, gpuPool] }, 'cluster/Eks: nodePools: no pool can run cluster add-ons (CoreDNS, the '
      + 'autoscaler): every pool is tainted or can scale to zero. Fix: add an untainted pool with minSize of at least 1'],
    ['min > max in a pool', { nodePools: [{ ...system, minSize: 5 }] }, "cluster/Eks: node pool 'system': minSize: 5 is greater than maxSize 3"],
    ['cluster name', { clusterName: 'my cluster' }, "cluster/Eks: clusterName: 'my cluster' is not a valid EKS cluster name"],
    ['Kubernetes version', { kubernetesVersion: '1.35.2' }, "kubernetesVersion: '1.35.2' is not a Kubernetes minor version"],
    ['region', { region: 'Ireland' }, "region: 'Ireland' is not an AWS region name"],
  ];
  test.each(cases)('%s', (_name, props, message) => {
    expect(() => synth(props)).toThrow(message);
  });

  test('an existing VPC with one subnet', () => {
    expect(() => EksNetwork.existingVpc({ privateSubnetIds: ['subnet-a'] }))
      .toThrow('EksNetwork.existingVpc: privateSubnetIds: has 1 subnet(s). Fix: give private subnets in at least two availability zones');
  });

  test('a new VPC in one zone', () => {
    expect(() => EksNetwork.newVpc({ availabilityZones: 1 }))
      .toThrow('EksNetwork.newVpc: availabilityZones: 1 is outside 2..8. Fix: EKS needs subnets in at least two zones');
  });

  test('a new VPC with a range too large to split', () => {
    expect(() => EksNetwork.newVpc({ cidr: '10.0.0.0/8' })).toThrow("EksNetwork.newVpc: cidr: '10.0.0.0/8' is not an IPv4 range from /16 to /20");
  });

  test('spot pool with one instance type is a warning, not an error', () => {
    const { stack } = synth({ nodePools: [system, { name: 'spot', instanceTypes: ['m6i.large'], maxSize: 2, capacityType: CapacityType.SPOT }] });
    expect(warningsOf(stack)).toEqual([expect.stringContaining("node pool 'spot': capacityType: a spot pool with the single instance type m6i.large")]);
  });
});

describe('ClusterStack', () => {
  test('needs exactly one target', () => {
    expect(() => new ClusterStack(Testing.app(), 'cluster', {})).toThrow('cluster: eks | existing: no cluster target is given. Fix: give exactly one');
  });
});

describe('Terraform tokens as props', () => {
  // Values known only at plan time (variables, other resources' attributes) are passed through unchecked;
  // only the ones that decide what is synthesized must be literals.
  function stackWithVariables() {
    const stack = new TerraformStack(Testing.app(), 'cluster');
    const variable = (name: string, type: string) => new TerraformVariable(stack, name, { type });
    return { stack, variable };
  }
  const synthStack = (stack: TerraformStack) => JSON.parse(Testing.synth(stack)).resource as Record<string, Record<string, any>>;

  test('a region from a variable reaches the provider-facing settings as a reference', () => {
    // GIVEN
    const { stack, variable } = stackWithVariables();
    const region = variable('region', 'string').stringValue;
    // WHEN
    const cluster = new EksCluster(stack, 'Eks', { clusterName: 'oscar', region });
    // THEN
    expect(cluster.autoscaler.region).toBe(region);
    expect(cluster.connection.config.exec?.args).toContain(region);
    expect(synthStack(stack).aws_eks_cluster).toBeDefined();
  });

  test('pool sizes and a GPU count from number variables are not checked, and reach the node group', () => {
    // GIVEN
    const { stack, variable } = stackWithVariables();
    const maxSize = variable('max_size', 'number').numberValue;
    const minSize = variable('min_size', 'number').numberValue;
    const gpus = variable('gpus', 'number').numberValue;
    // WHEN
    new EksCluster(stack, 'Eks', {
      clusterName: 'oscar', region: 'eu-west-1',
      nodePools: [{ ...system, minSize, maxSize }, { ...gpuPool, maxSize, gpu: { count: gpus } }],
    });
    // THEN
    const resources = synthStack(stack);
    const groups = Object.fromEntries(nodeGroups(resources).map((g: any) => [g.node_group_name, g.scaling_config]));
    expect(groups.system).toEqual({ min_size: '${var.min_size}', max_size: '${var.max_size}', desired_size: '${var.min_size}' });
    expect(groups.gpu).toEqual({ min_size: 0, max_size: '${var.max_size}', desired_size: 0 });
    expect(asgTags(resources)['k8s.io/cluster-autoscaler/node-template/resources/nvidia.com/gpu']).toBe('${var.gpus}');
  });

  test('a Kubernetes version and a VPC range from variables are not checked', () => {
    // GIVEN
    const { stack, variable } = stackWithVariables();
    const kubernetesVersion = variable('kubernetes_version', 'string').stringValue;
    const cidr = variable('vpc_cidr', 'string').stringValue;
    // WHEN
    new EksCluster(stack, 'Eks', { clusterName: 'oscar', region: 'eu-west-1', kubernetesVersion, network: EksNetwork.newVpc({ cidr }) });
    // THEN
    const resources = synthStack(stack);
    expect((Object.values(resources.aws_eks_cluster)[0] as any).version).toBe('${var.kubernetes_version}');
    expect((Object.values(resources.aws_vpc)[0] as any).cidr_block).toBe('${var.vpc_cidr}');
  });

  test('existing subnets from a list variable are not counted', () => {
    // GIVEN
    const { stack, variable } = stackWithVariables();
    const privateSubnetIds = variable('subnets', 'list(string)').listValue;
    // WHEN
    new EksCluster(stack, 'Eks', { clusterName: 'oscar', region: 'eu-west-1', network: EksNetwork.existingVpc({ privateSubnetIds }) });
    // THEN
    expect((Object.values(synthStack(stack).aws_eks_cluster)[0] as any).vpc_config.subnet_ids).toBe('${var.subnets}');
  });

  test.each<[string, (v: (name: string, type: string) => TerraformVariable) => Partial<EksClusterProps>, string]>([
    ['cluster name', (v) => ({ clusterName: v('name', 'string').stringValue }), 'clusterName: is a Terraform token. Fix: give the name as a literal'],
    ['pool name', (v) => ({ nodePools: [{ ...system, name: v('pool', 'string').stringValue }] }),
      'name: is a Terraform token. Fix: give the pool name as a literal'],
    ['instance types', (v) => ({ nodePools: [{ ...system, instanceTypes: v('types', 'list(string)').listValue }] }),
      'instanceTypes: holds a Terraform token. Fix: list the instance types as literals'],
    ['availability zones', (v) => ({ network: EksNetwork.newVpc({ availabilityZones: v('zones', 'number').numberValue }) }),
      'availabilityZones: is a Terraform token. Fix: give the number of zones as a literal'],
  ])('a token %s, which decides what is synthesized, is refused with a fix', (_case, props, message) => {
    // GIVEN
    const { stack, variable } = stackWithVariables();
    // WHEN
    const create = () => new EksCluster(stack, 'Eks', { clusterName: 'oscar', region: 'eu-west-1', ...props(variable) });
    // THEN
    expect(create).toThrow(message);
  });
});
