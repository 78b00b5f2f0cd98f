import { Testing } from '../../src/private/cdktf';
import { ClusterConnection } from '../../src/cluster/connection';
import { GpuTolerationInjection } from '../../src/cluster/gpu';
import { ExistingCluster } from '../../src/cluster/existing-cluster';
import { ClusterStack } from '../../src/stacks/cluster-stack';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('existing-cluster target', () => {
  test('creates nothing and passes the kubeconfig on', () => {
    // WHEN
    const stack = new ClusterStack(Testing.app(), 'cluster', { existing: { connection: ClusterConnection.fromKubeconfig('~/.kube/config', 'kind-oscar') } });
    // THEN
    expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
    expect(stack.cluster.connection.config).toEqual({ configPath: '~/.kube/config', configContext: 'kind-oscar' });
    expect(stack.cluster.gpu).toBeUndefined();
    expect(stack.cluster.autoscaler).toBeUndefined();
  });

  test('GPU support defaults: nodes labelled nvidia.com/gpu.present=true, toleration added by an admission policy', () => {
    const cluster = new ExistingCluster(Testing.app(), 'c', { connection: ClusterConnection.fromKubeconfig('kc'), gpu: {} });
    expect(cluster.gpu).toEqual({ nodeSelector: { 'nvidia.com/gpu.present': 'true' }, tolerationInjection: GpuTolerationInjection.MUTATING_ADMISSION_POLICY });
  });

  test('GPU support for a cluster whose GPU nodes have their own label and whose API server runs ExtendedResourceToleration', () => {
    const cluster = new ExistingCluster(Testing.app(), 'c', {
      connection: ClusterConnection.fromKubeconfig('kc'),
      gpu: { nodeSelector: { accelerator: 'nvidia' }, tolerationInjection: GpuTolerationInjection.ADMISSION_PLUGIN },
    });
    expect(cluster.gpu).toEqual({ nodeSelector: { accelerator: 'nvidia' }, tolerationInjection: 'admission-plugin' });
  });

  test('host and CA, with the token left to KUBE_TOKEN', () => {
    expect(ClusterConnection.fromServer({ host: 'https://10.0.0.1:6443', clusterCaCertificate: PEM }).config).toEqual({ host: 'https://10.0.0.1:6443', clusterCaCertificate: PEM });
  });
});

describe('existing-cluster validation', () => {
  test('empty GPU node selector', () => {
    expect(() => new ExistingCluster(Testing.app(), 'c', { connection: ClusterConnection.fromKubeconfig('kc'), gpu: { nodeSelector: {} } }))
      .toThrow('c: gpu.nodeSelector: is empty, so the device plugin would run on every node. Fix: give the labels your GPU nodes carry');
  });
  test('unknown toleration injection', () => {
    expect(() => new ExistingCluster(Testing.app(), 'c',
      { connection: ClusterConnection.fromKubeconfig('kc'), gpu: { tolerationInjection: 'webhook' as GpuTolerationInjection } }))
      .toThrow("c: gpu.tolerationInjection: 'webhook' is not a known way. Fix: use one of admission-plugin, mutating-admission-policy, untainted-gpu-nodes");
  });
  test('empty kubeconfig path', () => {
    expect(() => ClusterConnection.fromKubeconfig(' ')).toThrow('ClusterConnection.fromKubeconfig: path: is empty');
  });
  test('host that is not https', () => {
    expect(() => ClusterConnection.fromServer({ host: '10.0.0.1:6443', clusterCaCertificate: PEM })).toThrow("ClusterConnection.fromServer: host: '10.0.0.1:6443' is not an https:// URL");
  });
  test('CA that is not PEM', () => {
    expect(() => ClusterConnection.fromServer({ host: 'https://h', clusterCaCertificate: 'TUlJQg==' })).toThrow('clusterCaCertificate: is not a PEM certificate. Fix: give the PEM text of the cluster CA (decode it first if it is base64');
  });
  test('exec without a command', () => {
    expect(() => ClusterConnection.fromExec({ host: 'https://h', clusterCaCertificate: PEM, exec: { apiVersion: 'client.authentication.k8s.io/v1', command: '', args: [] } })).toThrow('exec.command: is empty');
  });
});
