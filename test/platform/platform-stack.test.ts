import { App, Testing } from '../../src/private/cdktf';
import { ClusterConnection } from '../../src/cluster/connection';
import { GpuTolerationInjection } from '../../src/cluster/gpu';
import { ClusterStack } from '../../src/stacks/cluster-stack';
import { PlatformStack } from '../../src/stacks/platform-stack';
import { warningsOf } from '../support/synth';

function existing(gpu?: { tolerationInjection?: GpuTolerationInjection }) {
  const app = Testing.app();
  const cluster = new ClusterStack(app, 'cluster', { existing: { connection: ClusterConnection.fromKubeconfig('/etc/oscar/kubeconfig', 'oscar'), gpu } });
  const platform = new PlatformStack(app, 'platform', { cluster: cluster.cluster, platform: false });
  return { platform, json: JSON.parse(Testing.synth(platform)) };
}

const values = (release: any) => JSON.parse(release.values[0]);

describe('PlatformStack on an existing cluster', () => {
  test('providers read the kubeconfig; no GPU objects without GPU support', () => {
    const { json } = existing();
    expect(json.provider.kubernetes).toEqual([{ config_path: '/etc/oscar/kubeconfig', config_context: 'oscar' }]);
    expect(json.provider.helm).toEqual([{ kubernetes: { config_path: '/etc/oscar/kubeconfig', config_context: 'oscar' } }]);
    expect(json.resource).toBeUndefined();
  });

  test('GPU support: device plugin on GPU nodes only, tolerating their taint, plus the toleration policy and its binding', () => {
    // WHEN
    const { json } = existing({});
    // THEN
    const [plugin] = Object.values(json.resource.helm_release) as any[];
    expect(plugin).toMatchObject({ name: 'nvidia-device-plugin', namespace: 'kube-system', repository: 'https://nvidia.github.io/k8s-device-plugin', chart: 'nvidia-device-plugin', version: '0.18.0' });
    expect(values(plugin)).toEqual({
      image: { repository: 'nvcr.io/nvidia/k8s-device-plugin', tag: 'v0.18.0' },
      nodeSelector: { 'nvidia.com/gpu.present': 'true' },
      affinity: null,
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }, { key: 'CriticalAddonsOnly', operator: 'Exists' }],
      priorityClassName: 'system-node-critical',
    });
    const manifests = Object.values(json.resource.kubernetes_manifest).map((m: any) => m.manifest);
    expect(manifests.map((m: any) => `${m.apiVersion} ${m.kind} ${m.metadata.name}`).sort()).toEqual([
      'admissionregistration.k8s.io/v1 MutatingAdmissionPolicy oscar-gpu-toleration',
      'admissionregistration.k8s.io/v1 MutatingAdmissionPolicyBinding oscar-gpu-toleration',
    ]);
    expect(manifests.find((m: any) => m.kind === 'MutatingAdmissionPolicy').spec.matchConstraints.resourceRules).toEqual([{ apiGroups: [''],
      apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods']}]);
  });

  test.each([GpuTolerationInjection.ADMISSION_PLUGIN, GpuTolerationInjection.UNTAINTED_GPU_NODES])('no admission policy with %s', (tolerationInjection) => {
    expect(existing({ tolerationInjection }).json.resource.kubernetes_manifest).toBeUndefined();
  });

  test('the device plugin chart can come from a mirror', () => {
    const app = Testing.app();
    const cluster = new ClusterStack(app, 'cluster', { existing: { connection: ClusterConnection.fromKubeconfig('kc'), gpu: {} } });
    const platform = new PlatformStack(app, 'platform', { cluster: cluster.cluster, platform: false, gpuSupport: { devicePlugin: { repository: 'oci://mirror.example.org/charts', imageRepository: 'mirror.example.org/nvidia/k8s-device-plugin' } } });
    const [plugin] = Object.values(JSON.parse(Testing.synth(platform)).resource.helm_release) as any[];
    expect(plugin).toMatchObject({ repository: 'oci://mirror.example.org/charts', version: '0.18.0' });
    expect(values(plugin).image).toEqual({ repository: 'mirror.example.org/nvidia/k8s-device-plugin', tag: 'v0.18.0' });
  });
});

test('the device plugin chart can be a local folder (air-gapped sites)', () => {
  const app = Testing.app();
  const cluster = new ClusterStack(app, 'cluster', { existing: { connection: ClusterConnection.fromKubeconfig('kc'), gpu: {} } });
  const platform = new PlatformStack(app, 'platform',
    { cluster: cluster.cluster, platform: false, gpuSupport: { devicePlugin: { repository: '', chart: '/srv/charts/nvidia-device-plugin' } } });
  const [plugin] = Object.values(JSON.parse(Testing.synth(platform)).resource.helm_release) as any[];
  expect(plugin.chart).toBe('/srv/charts/nvidia-device-plugin');
  expect(plugin).not.toHaveProperty('repository');
});

test('every GPU support option reaches GpuSupport: the device plugin in a namespace of its own', () => {
  // GIVEN
  const app = Testing.app();
  const cluster = new ClusterStack(app, 'cluster', { existing: { connection: ClusterConnection.fromKubeconfig('kc'), gpu: {} } });
  // WHEN
  const platform = new PlatformStack(app, 'platform', { cluster: cluster.cluster, platform: false, gpuSupport: { namespace: 'gpu-operator' } });
  // THEN
  const [plugin] = Object.values(JSON.parse(Testing.synth(platform)).resource.helm_release) as any[];
  expect(plugin).toMatchObject({ name: 'nvidia-device-plugin', namespace: 'gpu-operator' });
});

describe('PlatformStack on EKS', () => {
  function eks(kubernetesVersion?: string) {
    const app = new App({ outdir: Testing.app().outdir });
    const cluster = new ClusterStack(app, 'cluster', {
      eks: { clusterName: 'oscar', region: 'eu-west-1', kubernetesVersion, nodePools: [
        { name: 'system', instanceTypes: ['m6i.large'], minSize: 1, maxSize: 3 },
        { name: 'gpu', instanceTypes: ['g5.xlarge'], maxSize: 2, gpu: { count: 1 } },
      ] },
    });
    const platform = new PlatformStack(app, 'platform', { cluster: cluster.cluster, platform: false });
    app.synth();
    return { app, platform, json: JSON.parse(Testing.synth(platform)) };
  }

  test('providers use the cluster endpoint and CA from the cluster stack, and exec-based tokens', () => {
    const { json } = eks();
    const [provider] = json.provider.kubernetes;
    expect(provider.host).toMatch(/data\.terraform_remote_state\.cross-stack-reference-input-cluster\.outputs\./);
    expect(provider.cluster_ca_certificate).toMatch(/terraform_remote_state/);
    expect(provider.exec).toEqual([{ api_version: 'client.authentication.k8s.io/v1beta1', command: 'aws',
      args: ['eks', 'get-token', '--cluster-name', 'oscar', '--region', 'eu-west-1', '--output', 'json']}]);
    expect(json.provider.helm[0].kubernetes.exec).toEqual(provider.exec[0]);
    expect(provider.token).toBeUndefined();
  });

  test('cluster-autoscaler finds the node groups by cluster name and runs as the Pod Identity service account', () => {
    const { json } = eks();
    const autoscaler = (Object.values(json.resource.helm_release) as any[]).find((r) => r.name === 'cluster-autoscaler');
    expect(autoscaler).toMatchObject({ namespace: 'kube-system', repository: 'https://kubernetes.github.io/autoscaler', version: '9.59.0' });
    expect(values(autoscaler)).toMatchObject({
      cloudProvider: 'aws', awsRegion: 'eu-west-1', autoDiscovery: { clusterName: 'oscar' },
      image: { tag: 'v1.35.2' }, rbac: { serviceAccount: { create: true, name: 'cluster-autoscaler' } },
      extraArgs: { 'balance-similar-node-groups': true, 'scale-down-unneeded-time': '10m' },
    });
  });

  test('GPU pools: the device plugin, and no policy (EKS runs ExtendedResourceToleration)', () => {
    const { json } = eks();
    expect((Object.values(json.resource.helm_release) as any[]).map((r) => r.name).sort()).toEqual(['cluster-autoscaler', 'nvidia-device-plugin']);
    expect(json.resource.kubernetes_manifest).toBeUndefined();
  });

  test('cluster-autoscaler options reach the autoscaler', () => {
    // GIVEN
    const app = Testing.app();
    const cluster = new ClusterStack(app, 'cluster', { eks: { clusterName: 'oscar', region: 'eu-west-1' } });
    // WHEN
    const platform = new PlatformStack(app, 'platform', { cluster: cluster.cluster, platform: false, clusterAutoscaler: { scaleDownUnneededTime: '5m' } });
    // THEN
    const [autoscaler] = Object.values(JSON.parse(Testing.synth(platform)).resource.helm_release) as any[];
    expect(values(autoscaler).extraArgs['scale-down-unneeded-time']).toBe('5m');
  });

  test('warns when the autoscaler release does not match the cluster version', () => {
    const { platform } = eks('1.34');
    expect(warningsOf(platform)).toEqual([
      expect.stringContaining('cluster-autoscaler v1.35.2 is meant for Kubernetes 1.35, the cluster runs 1.34; '
        + 'set chart.imageTag to the newest v1.34.x release'),
    ]);
  });
});
