import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from '../../src/private/cdktf';
import { loadDeployment } from '../../src/config/deployment';
import { addDeploymentStacks } from '../../stacks/deployment-app';
import { tempDir } from '../support/fdl';
import { warningsOf } from '../support/synth';

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
  if (!stacks.cluster || !stacks.platform) throw new Error(`${file} is a services-only deployment`);
  return { stacks: { ...stacks, cluster: stacks.cluster, platform: stacks.platform }, platform: JSON.parse(Testing.synth(stacks.platform)), cluster: JSON.parse(Testing.synth(stacks.cluster)) };
};

describe('deployment config', () => {
  test('the default config: the current kubeconfig, the example services', () => {
    const { stacks } = synthAll(path.join(CONFIG_DIR, 'deployment.yaml'));
    expect(stacks.cluster.cluster.connection.config).toEqual({ configPath: '~/.kube/config', configContext: undefined });
    expect([...stacks.services.services.services.keys()]).toEqual(['cowsay', 'grayify']);
  });

  test('the EKS example: three pools, GPU pool from zero, autoscaler, device plugin and the OSCAR platform', () => {
    const { cluster, platform } = synthAll(path.join(CONFIG_DIR, 'eks-gpu.yaml'));
    const groups = Object.values(cluster.resource.aws_eks_node_group).map((g: any) => `${g.node_group_name}:${g.capacity_type}:${g.scaling_config.min_size}-${g.scaling_config.max_size}`);
    expect(groups.sort()).toEqual(['batch:SPOT:0-10', 'gpu:ON_DEMAND:0-4', 'system:ON_DEMAND:1-3']);
    expect(Object.keys(cluster.resource.aws_subnet)).toHaveLength(6);
    expect(Object.values(platform.resource.helm_release).map((r: any) => r.name).sort()).toEqual([
      'cluster-autoscaler', 'knative-operator', 'knative-serving', 'metrics-server', 'minio', 'nfs-server-provisioner', 'nvidia-device-plugin', 'oscar',
    ]);
  });

  test('an existing cluster with GPUs and a cluster id', () => {
    const file = writeConfig('cluster:\n  existing:\n    kubeconfig: /k\n    context: k3s\n    gpu: {}\nservices:\n  fdl: [fdl]\n');
    const { platform } = synthAll(file);
    expect(Object.keys(platform.resource.kubernetes_manifest)).toHaveLength(2);
    expect(Object.values(platform.resource.helm_release).map((r: any) => r.name)).toContain('nvidia-device-plugin');
  });

  describe('the platform section', () => {
    const EXISTING = 'cluster:\n  existing:\n    kubeconfig: /k\nservices:\n  fdl: [fdl]\n';
    const manifest = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  annotations:\n    gateway.networking.k8s.io/bundle-version: v1.5.1\n  name: gateways.gateway.networking.k8s.io\n';

    test('every component configured; local paths resolved against the config file', () => {
      // GIVEN
      const file = writeConfig(EXISTING + [
        'platform:',
        '  host: oscar.example.org',
        '  tls: {certManager: {issuer: {letsEncrypt: {email: ops@example.org}}}}',
        '  storage: {efs: {fileSystemId: fs-0123456789abcdef0}}',
        '  minio: {storageSize: 50Gi, console: true}',
        '  knative: {autoscaler: {scaleToZeroGracePeriod: 1m, minScale: 1}}',
        '  gateway: {serviceType: NodePort, gatewayApiCrds: {manifestFile: crds/standard-install.yaml}}',
        '  metricsServer: {kubeletInsecureTls: true}',
        '  oscar: {oidc: {issuers: [https://aai.egi.eu/auth/realms/egi], groups: [vo.ai4eosc.eu]}, allowedImagePrefixes: [ghcr.io/grycap/]}',
        '  versions: {oscar: {repository: "", chart: charts/oscar}}',
        '',
      ].join('\n'));
      fs.mkdirSync(path.join(path.dirname(file), 'crds'));
      fs.writeFileSync(path.join(path.dirname(file), 'crds', 'standard-install.yaml'), manifest);
      // WHEN
      const { platform, stacks } = synthAll(file);
      // THEN
      const releases = Object.values(platform.resource.helm_release) as any[];
      const byName = (n: string) => releases.find((r) => r.name === n);
      const values = (n: string) => JSON.parse(byName(n).values[0].replace(/\$\{jsonencode\((.+?)\)\}/g, '"ref"'));
      expect(releases.map((r) => r.name).sort()).toEqual(['cert-manager', 'gateway-api-crds', 'knative-operator', 'knative-serving', 'metrics-server', 'minio', 'oscar', 'oscar-cluster-issuer', 'traefik']);
      expect(byName('oscar').chart).toBe(path.join(path.dirname(file), 'charts', 'oscar'));
      expect(values('oscar')).toMatchObject({ volume: { storageClassName: 'efs' }, oidc: { enable: true, groups: 'vo.ai4eosc.eu' }, httproute: { host: 'oscar.example.org' } });
      expect(values('minio').persistence.size).toBe('50Gi');
      expect(values('knative-serving').objects[0].spec.config.autoscaler).toEqual({ 'scale-to-zero-grace-period': '1m', 'min-scale': '1' });
      expect(values('traefik').service.spec.type).toBe('NodePort');
      expect(values('metrics-server').args).toEqual(['--kubelet-insecure-tls']);
      expect(Object.values(platform.resource.kubernetes_storage_class_v1)).toHaveLength(1);
      expect(stacks.platform.oscar?.endpoint).toBe('https://oscar.example.org');
    });

    test('existing components and platform: false', () => {
      const existing = synthAll(writeConfig(EXISTING + 'platform:\n  storage: {storageClass: nfs-client}\n  minio: {existing: {endpoint: "http://minio.storage:9000", rootUser: admin}}\n  knative: {existing: true}\n  metricsServer: false\n'));
      expect((Object.values(existing.platform.resource.helm_release) as any[]).map((r) => r.name)).toEqual(['oscar']);
      const none = synthAll(writeConfig(EXISTING + 'platform: false\n'));
      expect(none.platform.resource).toBeUndefined();
    });

    test.each<[string, string, RegExp]>([
      ['unknown key', 'platform:\n  minio: {size: 10Gi}\n', /deployment\.yaml:7:11: platform\.minio\.size: is not a known setting\. Fix: use one of existing, namespace, rootUser/],
      ['two storage choices', 'platform:\n  storage: {storageClass: a, nfsProvisioner: {}}\n', /deployment\.yaml:7:12: platform\.storage: has storageClass and nfsProvisioner\. Fix: give exactly one of storageClass, efs, nfsProvisioner/],
      ['no issuer', 'platform:\n  host: a.example.org\n  tls: {certManager: {issuer: {}}}\n', /platform\.tls\.certManager\.issuer: names none of its choices/],
      ['gateway must be false or settings', 'platform:\n  gateway: true\n', /deployment\.yaml:7:12: platform\.gateway: is not a mapping/],
      ['a construct rule points at its section', 'platform:\n  knative: false\n  minio:\n    storageSize: ten\n', /deployment\.yaml:9: platform\/Oscar\/Minio: storageSize: 'ten' is not a Kubernetes quantity/],
    ])('%s', (_case, platform, message) => {
      expect(() => synthAll(writeConfig(EXISTING + platform))).toThrow(message);
    });
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

  describe('the services section', () => {
    test('services only, to an existing OSCAR (AI4OS-style): no cluster or platform stack, credentials from variables', () => {
      // WHEN
      const stacks = addDeploymentStacks(Testing.app(), loadDeployment(path.join(CONFIG_DIR, 'existing-oscar.yaml')));
      // THEN
      expect(stacks.cluster).toBeUndefined();
      expect(stacks.platform).toBeUndefined();
      const json = JSON.parse(Testing.synth(stacks.services));
      expect(json.provider.oscar[0].endpoint).toBe('https://oscar.example.org');
      expect(json.variable.oscar_token).toMatchObject({ sensitive: true });
      expect(json.variable.oscar_endpoint).toBeUndefined();
    });

    test('the platform\'s OSCAR is what the services deploy to; preventDestroy and image pull secrets reach the stack', () => {
      const file = writeConfig('cluster:\n  existing:\n    kubeconfig: /k\nplatform:\n  storage: {storageClass: nfs}\nservices:\n  fdl: [fdl]\n  preventDestroy: true\n  imagePullSecrets:\n  - {name: ghcr, server: ghcr.io, username: robot}\n');
      const app = Testing.app();
      const stacks = addDeploymentStacks(app, loadDeployment(file));
      app.synth();
      // Cross-stack references resolve on the app's synth: the platform's outputs, read as remote state.
      const json = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'services', 'cdk.tf.json'), 'utf8'));
      expect(json.provider.oscar[0].endpoint).toBe('http://oscar.oscar.svc.cluster.local:8080');
      expect(warningsOf(stacks.services)).toEqual(expect.arrayContaining([expect.stringMatching(/answers only inside the cluster.*Fix: give the platform a host/)]));
      expect(json.provider.oscar[0].password).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-platform\.outputs\./);
      expect(json.variable?.oscar_password).toBeUndefined();
      expect((Object.values(json.resource.oscar_service)[0] as any).lifecycle).toEqual({ prevent_destroy: true });
      expect(Object.values(json.resource.kubernetes_secret_v1)).toHaveLength(1);
    });

    test('state: every stack keeps its state where the config says, one key per stack', () => {
      const s3 = addDeploymentStacks(Testing.app(), loadDeployment(writeConfig('cluster:\n  existing:\n    kubeconfig: /k\nstate:\n  s3: {bucket: tf-state, region: eu-west-1, keyPrefix: oscar/}\nservices:\n  fdl: [fdl]\n')));
      for (const stack of [s3.cluster!, s3.platform!, s3.services]) {
        expect(JSON.parse(Testing.synth(stack)).terraform.backend.s3).toEqual({ bucket: 'tf-state', region: 'eu-west-1', key: `oscar/${stack.node.id}.tfstate`, encrypt: true });
      }
      const file = writeConfig('services:\n  fdl: [fdl]\n  oscar: {endpoint: "https://o"}\nstate:\n  local: {dir: state}\n');
      const local = addDeploymentStacks(Testing.app(), loadDeployment(file));
      expect(JSON.parse(Testing.synth(local.services)).terraform.backend.local.path).toBe(path.join(path.dirname(file), 'state', 'services.tfstate'));
      expect(() => loadDeployment(writeConfig('state:\n  local: {dir: a}\n  s3: {bucket: b, region: r}\nservices:\n  fdl: [fdl]\n  oscar: {endpoint: "https://o"}\n'))).toThrow(/deployment\.yaml:2:\d+: state: has local and s3\. Fix: give exactly one of local, s3/);
    });

    test('no cluster and no services.oscar, or a platform without a cluster, fail at their line', () => {
      expect(() => loadDeployment(writeConfig('services:\n  fdl: [fdl]\n'))).toThrow(/deployment\.yaml:1:1: cluster: is missing\. Fix: give a cluster target .* or services\.oscar\.endpoint/);
      expect(() => loadDeployment(writeConfig('platform: {}\nservices:\n  fdl: [fdl]\n  oscar: {endpoint: "https://o"}\n'))).toThrow(/deployment\.yaml:1:\d+: platform: needs a cluster/);
      expect(() => loadDeployment(writeConfig('cluster:\n  existing:\n    kubeconfig: /k\nservices:\n  fdl: [fdl]\n  imagePullSecrets:\n  - {name: ghcr}\n'))).toThrow(/deployment\.yaml:7:\d+: services\.imagePullSecrets\[0\]\.server: is missing/);
    });
  });

  test('a node pool rule broken in the config points at the pool entry', () => {
    const file = writeConfig('cluster:\n  eks:\n    clusterName: oscar\n    region: eu-west-1\n    nodePools:\n      - {name: system, instanceTypes: [m6i.large], minSize: 1, maxSize: 2}\n      - {name: gpu, instanceTypes: [m6i.large], maxSize: 2, gpu: {count: 1}}\nservices:\n  fdl: [fdl]\n');
    expect(() => synthAll(file)).toThrow(/deployment\.yaml:7: cluster\/Eks: node pool 'gpu': instanceTypes: is a GPU pool but m6i\.large has no NVIDIA GPU/);
  });
});
