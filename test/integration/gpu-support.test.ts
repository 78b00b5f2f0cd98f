// GPU enablement on the existing-cluster target, against a real kube-apiserver and etcd.
// The kubernetes and helm providers that would apply these objects are not obtainable here (see
// README, "Testing"), so the test applies exactly what the platform stack synthesizes the way they
// do: kubernetes_manifest objects by server-side apply with field manager "Terraform", and the
// helm_release with the real Helm CLI, the pinned chart and the synthesized values.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing } from '../../src/private/cdktf';
import { ClusterConnection } from '../../src/cluster/connection';
import { GpuTolerationInjection } from '../../src/cluster/gpu';
import { ClusterStack } from '../../stacks/cluster-stack';
import { PlatformStack } from '../../stacks/platform-stack';
import { Etcd, KubeApiServer } from '../support/control-plane';
import { devicePluginChartDir, testBinary } from '../support/testenv';

jest.setTimeout(180_000);

const GPU_TOLERATION = { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' };
const NAMESPACE = 'oscar-gpu-test';

function synthPlatform(tolerationInjection?: GpuTolerationInjection) {
  const app = Testing.app();
  const cluster = new ClusterStack(app, 'cluster', { existing: { connection: ClusterConnection.fromKubeconfig('unused'), gpu: { tolerationInjection } } });
  return JSON.parse(Testing.synth(new PlatformStack(app, 'platform', { cluster: cluster.cluster })));
}

// A pod shaped like the ones the OSCAR manager creates for `enable_gpu: true`: a GPU limit, no toleration.
function pod(name: string, resources: Record<string, unknown>, tolerations?: unknown[]) {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: NAMESPACE },
    spec: { containers: [{ name: 'main', image: 'ghcr.io/grycap/cowsay', resources }], ...(tolerations ? { tolerations } : {}) },
  };
}

async function createPod(server: KubeApiServer, body: ReturnType<typeof pod>): Promise<any> {
  const res = await server.request('POST', `/api/v1/namespaces/${NAMESPACE}/pods`, body);
  if (res.status !== 201) throw new Error(`create pod ${body.metadata.name}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

async function prepareNamespace(server: KubeApiServer): Promise<void> {
  await server.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } });
  // No controller-manager runs, so the namespace's default service account is created by hand.
  await server.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: NAMESPACE } });
}

const gpuTolerations = (p: any) => (p.spec.tolerations ?? []).filter((t: any) => t.key === 'nvidia.com/gpu');

describe('GPU enablement on an existing cluster (real kube-apiserver)', () => {
  let etcd: Etcd;
  let server: KubeApiServer;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oscar-gpu-'));
    etcd = await Etcd.start(dir);
    server = await KubeApiServer.start(etcd);
    await prepareNamespace(server);
  });
  afterAll(async () => {
    await server?.stop();
    await etcd?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the device plugin chart installs with the synthesized values: a DaemonSet for GPU nodes only, tolerating their taint', () => {
    // GIVEN
    const release = Object.values(synthPlatform().resource.helm_release)[0] as any;
    const chartDir = devicePluginChartDir();
    expect(fs.readFileSync(path.join(chartDir, 'Chart.yaml'), 'utf8')).toMatch(new RegExp(`^version: "?${release.version.replace(/\./g, '\\.')}"?$`, 'm'));
    const valuesFile = path.join(dir, 'device-plugin-values.json');
    fs.writeFileSync(valuesFile, release.values[0]);
    // WHEN
    execFileSync(testBinary('helm'), [
      'install', release.name, chartDir, '--namespace', release.namespace, '--values', valuesFile, '--kubeconfig', server.writeKubeconfig(),
    ], { env: { ...process.env, HELM_CACHE_HOME: dir, HELM_CONFIG_HOME: dir, HELM_DATA_HOME: dir }, stdio: 'pipe' });
    // THEN
    return server.request('GET', `/apis/apps/v1/namespaces/${release.namespace}/daemonsets`).then(({ json }) => {
      const names = json.items.map((d: any) => d.metadata.name).sort();
      // The chart also ships the MPS control daemon, which selects only nodes labelled for MPS.
      expect(names).toEqual(['nvidia-device-plugin', 'nvidia-device-plugin-mps-control-daemon']);
      const spec = json.items.find((d: any) => d.metadata.name === 'nvidia-device-plugin').spec.template.spec;
      expect(spec.nodeSelector).toEqual({ 'nvidia.com/gpu.present': 'true' });
      expect(spec.affinity).toBeUndefined();
      expect(spec.tolerations).toContainEqual(GPU_TOLERATION);
      expect(spec.priorityClassName).toBe('system-node-critical');
      expect(spec.containers[0].image).toBe('nvcr.io/nvidia/k8s-device-plugin:v0.18.0');
    });
  });

  describe('with the admission policy applied', () => {
    beforeAll(async () => {
      const manifests = Object.values(synthPlatform().resource.kubernetes_manifest).map((m: any) => m.manifest);
      for (const kind of ['MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding']) {
        await server.apply(manifests.find((m: any) => m.kind === kind));
      }
      // Policies take effect once the API server's informer has seen them.
      const deadline = Date.now() + 30_000;
      for (let i = 0; Date.now() < deadline; i++) {
        const probe = await server.request('POST', `/api/v1/namespaces/${NAMESPACE}/pods?dryRun=All`, pod(`probe-${i}`, { limits: { 'nvidia.com/gpu': '1' } }));
        if (gpuTolerations(probe.json).length > 0) return;
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error('the GPU toleration policy never took effect');
    });

    test('a pod that requests nvidia.com/gpu (as OSCAR creates it) gets the GPU toleration', async () => {
      const created = await createPod(server, pod('gpu', { limits: { 'nvidia.com/gpu': '1', memory: '1Gi' } }));
      expect(created.spec.tolerations).toContainEqual(GPU_TOLERATION);
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
  });

  test('on an API server running ExtendedResourceToleration (the EKS design), the same pod gets the same toleration with no policy', async () => {
    expect(synthPlatform(GpuTolerationInjection.ADMISSION_PLUGIN).resource.kubernetes_manifest).toBeUndefined();
    const withPlugin = await KubeApiServer.start(etcd, { admissionPlugins: ['ExtendedResourceToleration'], etcdPrefix: '/with-plugin' });
    try {
      await prepareNamespace(withPlugin);
      const created = await createPod(withPlugin, pod('gpu', { limits: { 'nvidia.com/gpu': '1' } }));
      expect(gpuTolerations(created)).toEqual([GPU_TOLERATION]);
      const cpu = await createPod(withPlugin, pod('cpu', { limits: { cpu: '100m' } }));
      expect(gpuTolerations(cpu)).toEqual([]);
    } finally {
      await withPlugin.stop();
    }
  });
});
