import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { buildDiagram, serviceLabel, toDot, toMermaid } from '../../src/diagram';
import { TerraformStack, Testing } from '../../src/private/cdktf';

const CONFIG_DIR = path.join(__dirname, '..', '..', 'config');

function diagram(args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(['diagram', ...args], { out: (l) => out.push(l), err: (l) => err.push(l) }) as number;
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('diagram', () => {
  test('the default deployment as Mermaid: three stacks, the platform\'s charts, the services with their buckets and triggers', () => {
    // WHEN
    const { code, out } = diagram(['--config', path.join(CONFIG_DIR, 'deployment.yaml')]);
    // THEN
    expect(code).toBe(0);
    expect(out).toMatch(/^flowchart LR/);
    for (const group of ['cluster stack', 'platform stack', 'services stack (OSCAR API)']) expect(out).toContain(`["${group}"]`);
    expect(out).toContain('existing cluster: kubeconfig ~/.kube/config');
    expect(out).toMatch(/\["oscar<br\/>chart oscar 4\.1\.2"\]/);
    expect(out).toContain('svc_cowsay(["cowsay<br/>/run sync, 1 warm"])');
    expect(out).toContain('svc_grayify(["grayify<br/>/run sync<br/>/job async"])');
    expect(out).toContain('bucket_grayify[("grayify")]');
    expect(out).toContain('bucket_grayify -->|"upload triggers"| svc_grayify');
    expect(out).toContain('svc_grayify -->|"writes"| bucket_grayify');
    expect(out).toContain('cluster -.->|"outputs"| platform');
  });

  test('the EKS deployment shows its node pools, the GPU pool with its GPUs', () => {
    const { out } = diagram(['--config', path.join(CONFIG_DIR, 'eks-gpu.yaml')]);
    expect(out).toContain('EKS oscar (eu-west-1)');
    expect(out).toMatch(/node pool gpu: [^"]*, 0-\d+, 1 GPU/);
  });

  test('a services-only deployment has just the services stack', () => {
    const { out } = diagram(['--config', path.join(CONFIG_DIR, 'existing-oscar.yaml')]);
    expect(out).not.toContain('cluster stack');
    expect(out).toContain('services stack: existing OSCAR https://oscar.example.org');
  });

  test('several clusters: one group each, with its services and its MinIO\'s buckets, and the arrows that cross them', () => {
    // GIVEN an edge service writing into the cloud's MinIO, which triggers a cloud service
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oscar-diagram-'));
    fs.writeFileSync(path.join(dir, 'script.sh'), 'echo hi\n');
    fs.writeFileSync(path.join(dir, 'service.yaml'), ['functions:', '  oscar:', '  - edge:', '      name: detect', '      image: i', '      script: script.sh',
      '      input: [{storage_provider: minio, path: frames/in}]', '      output: [{storage_provider: minio.cloud, path: results/detect}]',
      '  - cloud:', '      name: train', '      image: i', '      script: script.sh', '      input: [{storage_provider: minio, path: results/in}]',
      'storage_providers:', '  minio:', '    cloud: {endpoint: "https://minio.cloud.example.org", region: us-east-1, access_key: "", secret_key: ""}', ''].join('\n'));
    fs.writeFileSync(path.join(dir, 'deployment.yaml'), 'services:\n  fdl: [service.yaml]\n  clusters:\n'
      + '    edge: {endpoint: "https://edge.example.org"}\n    cloud: {endpoint: "https://cloud.example.org"}\n');

    // WHEN
    const { code, out } = diagram(['--config', path.join(dir, 'deployment.yaml')]);

    // THEN
    expect(code).toBe(0);
    expect(out).toContain('subgraph cluster_edge["cluster edge: https://edge.example.org"]');
    expect(out).toContain('subgraph cluster_cloud["cluster cloud: https://cloud.example.org"]');
    expect(out).toContain('bucket_edge_frames -->|"upload triggers"| svc_edge_detect');
    expect(out).toContain('svc_edge_detect -->|"writes (minio.cloud)"| bucket_cloud_results');
    expect(out).toContain('bucket_cloud_results -->|"upload triggers"| svc_cloud_train');
    expect(out).toContain('services -.->|"deploys"| cluster_cloud');
    // Each bucket is drawn once, inside its cluster's group.
    expect(out.match(/bucket_cloud_results\[/g)).toHaveLength(1);
    const cloudGroup = out.slice(out.indexOf('subgraph cluster_cloud'), out.indexOf('\n  end', out.indexOf('subgraph cluster_cloud')));
    expect(cloudGroup).toContain('bucket_cloud_results[("results")]');
  });

  test('DOT: a digraph with one cluster per stack and cylinders for buckets', () => {
    const { code, out } = diagram(['--format', 'dot', '--config', path.join(CONFIG_DIR, 'deployment.yaml')]);
    expect(code).toBe(0);
    expect(out).toMatch(/^digraph deployment \{/);
    expect(out).toContain('subgraph cluster_services {');
    expect(out).toContain('bucket_grayify [label="grayify", shape=cylinder];');
    expect(out).toContain('bucket_grayify -> svc_grayify [label="upload triggers"];');
    expect(out.trim().endsWith('}')).toBe(true);
  });

  test('bad arguments and bad configs are errors that say what is wrong', () => {
    expect(diagram(['--format', 'svg']).code).toBe(2);
    expect(diagram(['--colour']).err).toContain("unknown argument '--colour'");
    const missing = diagram(['--config', path.join(CONFIG_DIR, 'nothing.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('nothing.yaml');
  });

  test('labels: exposed services show their port and replicas, GPU services say so; quotes are escaped', () => {
    expect(serviceLabel({ name: 'nb', image: 'i', script: 's', expose: { api_port: [8888], min_scale: 2, max_scale: 4 }, enable_gpu: true }))
      .toBe('nb\nexposed :8888 (2-4 replicas)\nGPU');
    const stack = new TerraformStack(Testing.app(), 's');
    const d = buildDiagram([{ id: 's', label: 'a "quoted" stack', stack }], [], 'none');
    expect(toMermaid(d)).toContain('["a #quot;quoted#quot; stack"]');
    expect(toDot(d)).toContain('label="a \\"quoted\\" stack";');
  });
});

describe('the README', () => {
  test('shows the diagram the command draws for the default deployment', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const shown = /```mermaid\n([\s\S]*?)```/.exec(readme)?.[1].trimEnd();
    expect(shown).toBe(diagram(['--config', path.join(CONFIG_DIR, 'deployment.yaml')]).out.trimEnd());
  });
});
