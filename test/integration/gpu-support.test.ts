// GPU enablement on the existing-cluster target, deployed for real: the synthesized platform stack is
// applied by OpenTofu with the kubernetes and helm providers (built from the Go module proxy) to a
// kube-apiserver on etcd, with the DaemonSet and service-account controllers running.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Testing } from '../../src/private/cdktf';
import { ClusterConnection } from '../../src/cluster/connection';
import { GpuTolerationInjection } from '../../src/cluster/gpu';
import { ClusterStack } from '../../src/stacks/cluster-stack';
import { PlatformStack } from '../../src/stacks/platform-stack';
import { Etcd, KubeApiServer } from '../support/control-plane';
import { tempDir } from '../support/fdl';
import { devicePluginChartDir, testBinary, writeProviderOverrides } from '../support/testenv';

jest.setTimeout(300_000);

const GPU_TOLERATION = { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' };
const POLICY_BINDING = '/apis/admissionregistration.k8s.io/v1/mutatingadmissionpolicybindings/oscar-gpu-toleration';
const CONTROLLERS = ['daemonset', 'serviceaccount'];

// A pod shaped like the ones the OSCAR manager creates for `enable_gpu: true`: a GPU limit, no toleration.
function pod(name: string, resources: Record<string, unknown>, tolerations?: unknown[]) {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name },
    spec: { containers: [{ name: 'main', image: 'ghcr.io/grycap/cowsay', resources }], ...(tolerations ? { tolerations } : {}) },
  };
}

const gpuTolerations = (p: any) => (p.spec.tolerations ?? []).filter((t: any) => t.key === 'nvidia.com/gpu');

async function createPod(server: KubeApiServer, body: ReturnType<typeof pod>): Promise<any> {
  const res = await server.request('POST', '/api/v1/namespaces/default/pods', body);
  if (res.status !== 201) throw new Error(`create pod ${body.metadata.name}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

// Retries until the API server has loaded the policy and the controller has made the default service account.
async function untilGpuPodsTolerated(server: KubeApiServer): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (let i = 0; Date.now() < deadline; i++) {
    const probe = await server.request('POST', '/api/v1/namespaces/default/pods?dryRun=All', pod(`probe-${i}`, { limits: { 'nvidia.com/gpu': '1' } }));
    if (probe.json.spec && gpuTolerations(probe.json).length > 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('GPU pods never got the GPU toleration');
}

describe('GPU support on an existing cluster, applied by OpenTofu with the real providers', () => {
  let etcd: Etcd;
  let server: KubeApiServer;
  let tofu: (...args: string[]) => string;

  beforeAll(async () => {
    const outdir = tempDir();
    etcd = await Etcd.start(outdir);
    server = await KubeApiServer.start(etcd, { controllers: CONTROLLERS });
    const app = new App({ outdir });
    const cluster = new ClusterStack(app, 'cluster', { existing: { connection: ClusterConnection.fromKubeconfig(server.writeKubeconfig()), gpu: {} } });
    // The chart from a local folder (no chart repository is reachable here), as an air-gapped site would.
    new PlatformStack(app, 'platform',
      { cluster: cluster.cluster, platform: false, gpuSupport: { devicePlugin: { repository: '', chart: devicePluginChartDir() } } });
    app.synth();
    const stackDir = path.join(outdir, 'stacks', 'platform');
    // Providers under dev_overrides are used without `tofu init` (which would look them up in a
    // registry); only the backend would need init, so the state goes to the default local file.
    const configFile = path.join(stackDir, 'cdk.tf.json');
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    delete config.terraform.backend;
    fs.writeFileSync(configFile, JSON.stringify(config));
    const cliConfig = writeProviderOverrides(outdir, ['kubernetes', 'helm']);
    tofu = (...args: string[]) => execFileSync(testBinary('tofu'), [...args, '-input=false', '-no-color'], {
      cwd: stackDir,
      env: { ...process.env, TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: cliConfig, HELM_CACHE_HOME: outdir, HELM_CONFIG_HOME: outdir, HELM_DATA_HOME: outdir },
      encoding: 'utf8',
      stdio: 'pipe',
    });
    tofu('apply', '-auto-approve');
    await untilGpuPodsTolerated(server);
  });
  afterAll(async () => {
    await server?.stop();
    await etcd?.stop();
  });

  test('the device plugin runs on GPU nodes only and tolerates their taint', async () => {
    const { json } = await server.request('GET', '/apis/apps/v1/namespaces/kube-system/daemonsets');
    const plugin = json.items.find((d: any) => d.metadata.name === 'nvidia-device-plugin');
    const spec = plugin.spec.template.spec;
    expect(spec.nodeSelector).toEqual({ 'nvidia.com/gpu.present': 'true' });
    expect(spec.affinity).toBeUndefined();
    expect(spec.tolerations).toContainEqual(GPU_TOLERATION);
    expect(spec.priorityClassName).toBe('system-node-critical');
    expect(spec.containers[0].image).toBe('nvcr.io/nvidia/k8s-device-plugin:v0.18.0');
  });

  test('a pod that requests nvidia.com/gpu (as OSCAR creates it) gets the GPU toleration', async () => {
    const created = await createPod(server, pod('gpu', { limits: { 'nvidia.com/gpu': '1', memory: '1Gi' } }));
    expect(gpuTolerations(created)).toEqual([GPU_TOLERATION]);
    expect(created.spec.nodeSelector).toBeUndefined();
  });

  test('a CPU-only pod gets nothing, so it stays off tainted GPU nodes', async () => {
    const created = await createPod(server, pod('cpu', { limits: { cpu: '200m', memory: '256Mi' } }));
    expect(gpuTolerations(created)).toEqual([]);
  });

  test('tolerations a GPU pod already has are kept, and the GPU one is added once', async () => {
    const own = { key: 'dedicated', operator: 'Equal', value: 'ml', effect: 'NoSchedule' };
    const created = await createPod(server, pod('gpu-own', { requests: { 'nvidia.com/gpu': '2' }, limits: { 'nvidia.com/gpu': '2' } }, [own]));
    expect(created.spec.tolerations).toContainEqual(own);
    expect(gpuTolerations(created)).toEqual([GPU_TOLERATION]);
    const tolerated = await createPod(server, pod('gpu-tolerated', { limits: { 'nvidia.com/gpu': '1' } }, [GPU_TOLERATION]));
    expect(gpuTolerations(tolerated)).toEqual([GPU_TOLERATION]);
  });

  test('a second plan shows no changes', () => {
    expect(() => tofu('plan', '-detailed-exitcode')).not.toThrow();
  });

  test('the policy binding deleted behind Terraform\'s back is planned back and restored by the next apply', async () => {
    // GIVEN
    expect((await server.request('DELETE', POLICY_BINDING)).status).toBe(200);
    // WHEN
    let planExit = 0;
    try {
      tofu('plan', '-detailed-exitcode');
    } catch (e) {
      planExit = (e as { status: number }).status;
    }
    tofu('apply', '-auto-approve');
    // THEN
    expect(planExit).toBe(2);
    expect((await server.request('GET', POLICY_BINDING)).status).toBe(200);
  });

  test('on an API server running ExtendedResourceToleration (the EKS design), the same pod gets the same toleration with no policy', async () => {
    const app = Testing.app();
    const cluster = new ClusterStack(app, 'cluster',
      { existing: { connection: ClusterConnection.fromKubeconfig('kc'), gpu: { tolerationInjection: GpuTolerationInjection.ADMISSION_PLUGIN } } });
    expect(JSON.parse(Testing.synth(new PlatformStack(app, 'platform',
      { cluster: cluster.cluster, platform: false }))).resource.kubernetes_manifest).toBeUndefined();
    const withPlugin = await KubeApiServer.start(etcd,
      { admissionPlugins: ['ExtendedResourceToleration'], etcdPrefix: '/with-plugin', controllers: CONTROLLERS });
    try {
      await untilGpuPodsTolerated(withPlugin);
      expect(gpuTolerations(await createPod(withPlugin, pod('gpu', { limits: { 'nvidia.com/gpu': '1' } })))).toEqual([GPU_TOLERATION]);
      expect(gpuTolerations(await createPod(withPlugin, pod('cpu', { limits: { cpu: '100m' } })))).toEqual([]);
    } finally {
      await withPlugin.stop();
    }
  });
});
