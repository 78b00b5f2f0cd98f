import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from '../../src/private/cdktf';
import { loadDeployment } from '../../src/config/deployment';
import { addDeploymentStacks } from '../../stacks/deployment-app';
import { tempDir } from '../support/fdl';

const CONFIG_DIR = path.join(__dirname, '..', '..', 'config');

function writeConfig(text: string): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'fdl'));
  fs.writeFileSync(path.join(dir, 'fdl', 'cowsay.yaml'), 'functions:\n  oscar:\n  - c:\n      name: cowsay\n      image: ghcr.io/grycap/cowsay\n      script: script.sh\n');
  fs.writeFileSync(path.join(dir, 'fdl', 'script.sh'), 'echo hi\n');
  const file = path.join(dir, 'deployment.yaml');
  fs.writeFileSync(file, text);
  return file;
}

const synthAll = (file: string) => {
  const app = Testing.app();
  const stacks = addDeploymentStacks(app, loadDeployment(file));
  return { stacks, platform: JSON.parse(Testing.synth(stacks.platform)), cluster: JSON.parse(Testing.synth(stacks.cluster)) };
};

describe('deployment config', () => {
  test('the default config: the current kubeconfig, the example services', () => {
    const { stacks } = synthAll(path.join(CONFIG_DIR, 'deployment.yaml'));
    expect(stacks.cluster.cluster.connection.config).toEqual({ configPath: '~/.kube/config', configContext: undefined });
    expect(stacks.services.services.map((s) => s.spec.name)).toEqual(['cowsay', 'grayify']);
  });

  test('the EKS example: three pools, GPU pool from zero, autoscaler, device plugin and the OSCAR platform', () => {
    const { cluster, platform } = synthAll(path.join(CONFIG_DIR, 'eks-gpu.yaml'));
    const groups = Object.values(cluster.resource.aws_eks_node_group).map((g: any) => `${g.node_group_name}:${g.capacity_type}:${g.scaling_config.min_size}-${g.scaling_config.max_size}`);
    expect(groups.sort()).toEqual(['batch:SPOT:0-10', 'gpu:ON_DEMAND:0-4', 'system:ON_DEMAND:1-3']);
    expect(Object.keys(cluster.resource.aws_subnet)).toHaveLength(6);
    expect(Object.values(platform.resource.helm_release).map((r: any) => r.name).sort()).toEqual([
      'cluster-autoscaler', 'gateway-api-crds', 'knative-operator', 'knative-serving', 'metrics-server', 'minio', 'nfs-server-provisioner',
      'nvidia-device-plugin', 'oscar', 'traefik',
    ]);
  });

  test('an existing cluster with GPUs and a cluster id', () => {
    const file = writeConfig('cluster:\n  existing:\n    kubeconfig: /k\n    context: k3s\n    gpu: {}\nservices:\n  fdl: [fdl]\n');
    const { platform } = synthAll(file);
    expect(Object.keys(platform.resource.kubernetes_manifest)).toHaveLength(2);
    expect(Object.values(platform.resource.helm_release).map((r: any) => r.name)).toContain('nvidia-device-plugin');
  });

  const errors: [string, string, RegExp][] = [
    ['unknown key', 'cluster:\n  existing:\n    kubeconfig: /k\n    kubecontext: x\nservices:\n  fdl: [fdl]\n', /deployment\.yaml:4:5: cluster\.existing\.kubecontext: is not a known setting\. Fix: use one of kubeconfig, context, host, clusterCaCertificate, gpu\./],
    ['wrong type', 'cluster:\n  eks:\n    clusterName: oscar\n    region: eu-west-1\n    nodePools:\n      - name: gpu\n        instanceTypes: g5.xlarge\n        maxSize: 2\nservices:\n  fdl: [fdl]\n', /deployment\.yaml:7:24: cluster\.eks\.nodePools\[0\]\.instanceTypes: is "g5\.xlarge", not a list of strings/],
    ['missing field', 'cluster:\n  eks:\n    region: eu-west-1\nservices:\n  fdl: [fdl]\n', /deployment\.yaml:3:5: cluster\.eks\.clusterName: is missing\. Fix: add clusterName\./],
    ['two targets', 'cluster:\n  eks: {clusterName: a, region: eu-west-1}\n  existing: {kubeconfig: /k}\nservices:\n  fdl: [fdl]\n', /deployment\.yaml:2:3: cluster: has eks and existing\. Fix: give exactly one of existing, eks\./],
    ['bad enum', 'cluster:\n  existing:\n    kubeconfig: /k\n    gpu: {tolerationInjection: webhook}\nservices:\n  fdl: [fdl]\n', /deployment\.yaml:4:32: cluster\.existing\.gpu\.tolerationInjection: is "webhook"\. Fix: use one of admission-plugin, mutating-admission-policy, untainted-gpu-nodes\./],
    ['kubeconfig and host', 'cluster:\n  existing: {kubeconfig: /k, host: "https://h"}\nservices:\n  fdl: [fdl]\n', /cluster\.existing: needs either kubeconfig or host/],
    ['YAML syntax', 'cluster: [\n', /deployment\.yaml:\d+:\d+: not valid YAML/],
  ];
  test.each(errors)('%s', (_name, text, message) => {
    expect(() => loadDeployment(writeConfig(text))).toThrow(message);
  });

  test('a node pool rule broken in the config points at the pool entry', () => {
    const file = writeConfig('cluster:\n  eks:\n    clusterName: oscar\n    region: eu-west-1\n    nodePools:\n      - {name: system, instanceTypes: [m6i.large], minSize: 1, maxSize: 2}\n      - {name: gpu, instanceTypes: [m6i.large], maxSize: 2, gpu: {count: 1}}\nservices:\n  fdl: [fdl]\n');
    expect(() => synthAll(file)).toThrow(/deployment\.yaml:7: cluster\/Eks: node pool 'gpu': instanceTypes: is a GPU pool but m6i\.large has no NVIDIA GPU/);
  });
});
