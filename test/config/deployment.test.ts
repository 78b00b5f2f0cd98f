import childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type TerraformStack, Testing } from '../../src/private/cdktf';
import {
  DeploymentConfigError, deploymentNameOf, loadDeploymentConfig, OverriddenSettingError, overrideDeploymentConfig,
} from '../../src/config/deployment';
import { GpuTolerationInjection } from '../../src/cluster/gpu';
import { CapacityType, GpuVendor, TaintEffect } from '../../src/cluster/node-pool';
import { GatewayServiceType } from '../../src/platform/traefik';
import { addDeploymentStacks } from '../../src/stacks/deployment-app';
import { tempDir } from '../support/fdl';
import { warningsOf } from '../support/synth';

const CONFIG_DIR = path.join(__dirname, '..', '..', 'config');
const EXISTING = 'cluster:\n  existing:\n    kubeconfig: /k\nservices:\n  fdl: [fdl]\n';
const EKS = 'cluster:\n  eks:\n    clusterName: oscar\n    region: eu-west-1\n';
const PEM = '"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"';

/** Writes a deployment config beside an `fdl/` folder holding one service (cluster id `c`) and an `empty/` one. */
function writeConfig(text: string): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'fdl'));
  fs.mkdirSync(path.join(dir, 'empty'));
  fs.writeFileSync(path.join(dir, 'fdl', 'cowsay.yaml'),
    'functions:\n  oscar:\n  - c:\n      name: cowsay\n      image: ghcr.io/grycap/cowsay\n      script: script.sh\n');
  fs.writeFileSync(path.join(dir, 'fdl', 'script.sh'), 'echo hi\n');
  const file = path.join(dir, 'deployment.yaml');
  fs.writeFileSync(file, text);
  return file;
}

const synthAll = (file: string) => {
  const app = Testing.app();
  const stacks = addDeploymentStacks(app, loadDeploymentConfig(file));
  if (!stacks.cluster || !stacks.platform) throw new Error(`${file} is a services-only deployment`);
  return {
    stacks: { ...stacks, cluster: stacks.cluster, platform: stacks.platform },
    platform: JSON.parse(Testing.synth(stacks.platform)),
    cluster: JSON.parse(Testing.synth(stacks.cluster)),
  };
};

/** A state file as OpenTofu writes it, holding the deployment guard of the given deployment. */
function writeGuardedState(file: string, deployment: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ version: 4, serial: 1, resources: [{ mode: 'managed', type: 'terraform_data', name: 'deployment',
    provider: 'provider["terraform.io/builtin/terraform"]', instances: [{ attributes: { id: 'x', input: { value: { deployment } },
      output: { value: { deployment }, type: ['object', { deployment: 'string' }] } } }] }] }));
}

/** The error loading a config and building its stacks throws. */
function errorOf(text: string, setUp: (file: string) => void = () => undefined): { file: string; error: unknown } {
  const file = writeConfig(text);
  setUp(file);
  try {
    addDeploymentStacks(Testing.app(), loadDeploymentConfig(file));
  } catch (error) {
    return { file, error };
  }
  throw new Error('the config was accepted');
}

describe('deployment config', () => {
  test('synth runs no Terraform or OpenTofu binary: the default config\'s stacks validate without starting a process', () => {
    // cdktf's version checks run `terraform version` through execSync (jest keeps PATH changes from child processes).
    const { stacks } = synthAll(path.join(CONFIG_DIR, 'deployment.yaml'));
    const execSync = jest.spyOn(childProcess, 'execSync');
    try {
      for (const stack of [stacks.cluster, stacks.platform, stacks.services]) stack.runAllValidations();
      expect(execSync).not.toHaveBeenCalled();
    } finally {
      execSync.mockRestore();
    }
  });

  test('the default config: the current kubeconfig, the example services', () => {
    // WHEN
    const { stacks } = synthAll(path.join(CONFIG_DIR, 'deployment.yaml'));
    // THEN
    expect(stacks.cluster.cluster.connection.config).toEqual({ configPath: '~/.kube/config', configContext: undefined });
    expect([...stacks.services.services.services.keys()]).toEqual(['cowsay', 'grayify']);
  });

  test('the EKS example: three pools, GPU pool from zero, autoscaler, device plugin and the OSCAR platform', () => {
    // WHEN
    const { cluster, platform } = synthAll(path.join(CONFIG_DIR, 'eks-gpu.yaml'));
    // THEN
    const groups = Object.values(cluster.resource.aws_eks_node_group)
      .map((g: any) => `${g.node_group_name}:${g.capacity_type}:${g.scaling_config.min_size}-${g.scaling_config.max_size}`);
    expect(groups.sort()).toEqual(['batch:SPOT:0-10', 'gpu:ON_DEMAND:0-4', 'system:ON_DEMAND:1-3']);
    expect(Object.keys(cluster.resource.aws_subnet)).toHaveLength(6);
    expect(Object.values(platform.resource.helm_release).map((r: any) => r.name).sort()).toEqual([
      'cluster-autoscaler', 'knative-operator', 'knative-serving', 'metrics-server', 'minio', 'nfs-server-provisioner', 'nvidia-device-plugin', 'oscar',
    ]);
    // Every chart install goes through one helper: the same wait and timeout for each.
    for (const release of Object.values(platform.resource.helm_release) as any[]) {
      expect({ name: release.name, timeout: release.timeout }).toEqual({ name: release.name, timeout: 600 });
    }
    const autoscaler = (Object.values(platform.resource.helm_release) as any[]).find((r) => r.name === 'cluster-autoscaler');
    expect(autoscaler).toMatchObject({ wait: true, wait_for_jobs: true });
  });

  test('an existing cluster with GPUs gets the device plugin and the toleration policy', () => {
    // GIVEN
    const file = writeConfig('cluster:\n  existing:\n    kubeconfig: /k\n    context: k3s\n    gpu: {}\nservices:\n  fdl: [fdl]\n');
    // WHEN
    const { platform } = synthAll(file);
    // THEN
    expect(Object.keys(platform.resource.kubernetes_manifest)).toHaveLength(2);
    expect(Object.values(platform.resource.helm_release).map((r: any) => r.name)).toContain('nvidia-device-plugin');
  });

  describe('the platform section', () => {
    const manifest = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  annotations:\n'
      + '    gateway.networking.k8s.io/bundle-version: v1.5.1\n  name: gateways.gateway.networking.k8s.io\n';

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
      expect(releases.map((r) => r.name).sort()).toEqual([
        'cert-manager', 'gateway-api-crds', 'knative-operator', 'knative-serving', 'metrics-server', 'minio', 'oscar', 'oscar-cluster-issuer', 'traefik',
      ]);
      expect(byName('oscar').chart).toBe(path.join(path.dirname(file), 'charts', 'oscar'));
      expect(values('oscar')).toMatchObject({ volume: { storageClassName: 'efs' }, oidc: { enable: true, groups: 'vo.ai4eosc.eu' },
        httproute: { host: 'oscar.example.org' }});
      expect(values('minio').persistence.size).toBe('50Gi');
      expect(values('knative-serving').objects[0].spec.config.autoscaler).toEqual({ 'scale-to-zero-grace-period': '1m', 'min-scale': '1' });
      expect(values('traefik').service.spec.type).toBe('NodePort');
      expect(values('metrics-server').args).toEqual(['--kubelet-insecure-tls']);
      expect(Object.values(platform.resource.kubernetes_storage_class_v1)).toHaveLength(1);
      expect(stacks.platform.oscar?.endpoint).toBe('https://oscar.example.org');
    });

    test('existing components are not installed', () => {
      // GIVEN
      const file = writeConfig(EXISTING + 'platform:\n  storage: {storageClass: nfs-client}\n'
        + '  minio: {existing: {endpoint: "http://minio.storage:9000", rootUser: admin}}\n  knative: {existing: true}\n  metricsServer: false\n');
      // WHEN
      const { platform } = synthAll(file);
      // THEN
      expect((Object.values(platform.resource.helm_release) as any[]).map((r) => r.name)).toEqual(['oscar']);
    });

    test('knative: {existing: false} installs Knative like the default', () => {
      // WHEN
      const { platform } = synthAll(writeConfig(EXISTING + 'platform:\n  knative: {existing: false, servingVersion: "1.23"}\n'));
      // THEN
      expect((Object.values(platform.resource.helm_release) as any[]).map((r) => r.name)).toEqual(expect.arrayContaining(['knative-operator',
        'knative-serving']));
    });

    test('platform: false leaves the platform out', () => {
      // WHEN
      const { platform } = synthAll(writeConfig(EXISTING + 'platform: false\n'));
      // THEN only the deployment guard
      expect(platform.resource).toEqual({ terraform_data: { deployment: expect.anything() } });
    });
  });

  describe('the services section', () => {
    test('services only, to an existing OSCAR (AI4OS-style): no cluster or platform stack, credentials from variables', () => {
      // WHEN
      const stacks = addDeploymentStacks(Testing.app(), loadDeploymentConfig(path.join(CONFIG_DIR, 'existing-oscar.yaml')));
      // THEN
      expect(stacks.cluster).toBeUndefined();
      expect(stacks.platform).toBeUndefined();
      const json = JSON.parse(Testing.synth(stacks.services));
      expect(json.provider.oscar[0].endpoint).toBe('https://oscar.example.org');
      expect(json.variable.oscar_token).toMatchObject({ sensitive: true });
      expect(json.variable.oscar_endpoint).toBeUndefined();
    });

    describe('with the platform installed', () => {
      // GIVEN a cluster, the platform, and services with preventDestroy and an image pull secret
      let json: any;
      let warnings: string[];
      beforeAll(() => {
        const file = writeConfig('cluster:\n  existing:\n    kubeconfig: /k\nplatform:\n  storage: {storageClass: nfs}\nservices:\n  fdl: [fdl]\n'
          + '  preventDestroy: true\n  imagePullSecrets:\n  - {name: ghcr, server: ghcr.io, username: robot}\n');
        const app = Testing.app();
        // WHEN the app is synthesized (cross-stack references resolve on the app's synth)
        const stacks = addDeploymentStacks(app, loadDeploymentConfig(file));
        app.synth();
        json = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'services', 'cdk.tf.json'), 'utf8'));
        warnings = warningsOf(stacks.services);
      });

      test('the services deploy to the platform\'s OSCAR, whose credentials come from its outputs', () => {
        // The manager's node port on the first node's address, which the platform stack's plan finds.
        expect(json.provider.oscar[0].endpoint)
          .toMatch(/^http:\/\/\$\{data\.terraform_remote_state\.cross-stack-reference-input-platform\.outputs\.[^}]+\}:30301$/);
        expect(json.provider.oscar[0].password).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-platform\.outputs\./);
        expect(json.variable?.oscar_password).toBeUndefined();
      });

      test('the platform\'s endpoint is reached from outside the cluster: no warning; one that answers only inside is a warning with a fix', () => {
        expect(warnings.filter((w) => w.includes('answers only inside the cluster'))).toEqual([]);
        const inside = writeConfig('cluster:\n  existing:\n    kubeconfig: /k\nplatform:\n  storage: {storageClass: nfs}\n  oscar: {nodePort: false}\n'
          + 'services:\n  fdl: [fdl]\n');
        expect(warningsOf(addDeploymentStacks(Testing.app(), loadDeploymentConfig(inside)).services))
          .toEqual(expect.arrayContaining([expect.stringMatching(/answers only inside the cluster.*Fix: give the platform a host/)]));
      });

      test('preventDestroy reaches the services', () => {
        expect((Object.values(json.resource.oscar_service)[0] as any).lifecycle).toEqual({ prevent_destroy: true });
      });

      test('image pull secrets reach the services stack', () => {
        expect(Object.values(json.resource.kubernetes_secret_v1)).toHaveLength(1);
      });
    });
  });

  describe('services.clusters: several OSCARs', () => {
    /** A config beside `fdl/` holding one service per cluster id (local, ai4eosc). */
    const withTwoClusters = (text: string) => {
      const file = writeConfig(text);
      fs.writeFileSync(path.join(path.dirname(file), 'fdl', 'cowsay.yaml'), 'functions:\n  oscar:\n'
        + '  - local:\n      name: near\n      image: i\n      script: script.sh\n  - ai4eosc:\n      name: far\n      image: i\n      script: script.sh\n');
      return file;
    };
    const servicesJson = (file: string) => {
      const app = Testing.app();
      const stacks = addDeploymentStacks(app, loadDeploymentConfig(file));
      app.synth();
      return { stacks, json: JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'services', 'cdk.tf.json'), 'utf8')) };
    };

    test('each cluster id gets its OSCAR: the platform\'s for platform: true, an endpoint for the others', () => {
      const { json, stacks } = servicesJson(withTwoClusters('cluster:\n  existing:\n    kubeconfig: /k\nplatform:\n  storage: {storageClass: nfs}\n'
        + 'services:\n  fdl: [fdl]\n  clusters:\n    local: {platform: true, endpoint: "http://localhost:8080"}\n'
        + '    ai4eosc: {endpoint: "https://inference.cloud.ai4eosc.eu", tokenFile: token}\n'));
      const local = json.provider.oscar.find((p: any) => p.alias === 'local');
      const far = json.provider.oscar.find((p: any) => p.alias === 'ai4eosc');
      expect(local.endpoint).toBe('http://localhost:8080');
      expect(local.password).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-platform\.outputs\./);
      expect(far).toMatchObject({ endpoint: 'https://inference.cloud.ai4eosc.eu', token_file: path.join(path.dirname(stacks.services.services.loaded[0].file), '..', 'token') });
      expect(json.variable.oscar__ai4eosc__refresh_token).toMatchObject({ sensitive: true, ephemeral: true });
      const providers = Object.fromEntries((Object.values(json.resource.oscar_service) as any[]).map((s) => [s.name, s.provider]));
      expect(providers).toEqual({ near: 'oscar.local', far: 'oscar.ai4eosc' });
    });

    test('a services-only deployment reaches every cluster from the config and variables', () => {
      const { stacks, json } = servicesJson(withTwoClusters('services:\n  fdl: [fdl]\n  clusters:\n    local: {endpoint: "https://a.example.org"}\n    ai4eosc: {}\n'));
      expect(stacks.platform).toBeUndefined();
      expect(json.provider.oscar.map((p: any) => p.endpoint).sort()).toEqual(['${var.oscar__ai4eosc__endpoint}', 'https://a.example.org']);
    });

    test('mistakes are errors at their line', () => {
      const cases: [string, RegExp][] = [
        ['services:\n  fdl: [fdl]\n  oscar: {endpoint: "https://x"}\n  clusters:\n    local: {}\n', /:3:\d+: services\.oscar: cannot be given with services\.clusters/],
        ['services:\n  fdl: [fdl]\n  clusters:\n    local: {platform: true}\n    ai4eosc: {}\n',
          /:4:\d+: services\.clusters\.local\.platform: names the OSCAR this deployment installs, and it installs none/],
        ['services:\n  fdl: [fdl]\n  clusters:\n    local: {endpoint: 1}\n', /:4:\d+: services\.clusters\.local\.endpoint: is 1, not a string/],
        ['services:\n  fdl: [fdl]\n  clusters:\n    local: {}\n', /services\.clusters: service 'far' at .*cowsay\.yaml:\d+ is listed under cluster id 'ai4eosc', which no cluster has/],
      ];
      for (const [text, message] of cases) {
        const file = withTwoClusters(text);
        expect(() => addDeploymentStacks(Testing.app(), loadDeploymentConfig(file))).toThrow(message);
      }
    });
  });

  describe('the state section', () => {
    test('s3: every stack keeps its state in the bucket, one key per stack', () => {
      // GIVEN
      const file = writeConfig(EXISTING + 'state:\n  s3: {bucket: tf-state, region: eu-west-1, keyPrefix: oscar/}\n');
      // WHEN
      const stacks = addDeploymentStacks(Testing.app(), loadDeploymentConfig(file));
      // THEN
      for (const stack of [stacks.cluster!, stacks.platform!, stacks.services]) {
        expect(JSON.parse(Testing.synth(stack)).terraform.backend.s3).toEqual({ bucket: 'tf-state', region: 'eu-west-1', key: `oscar/${stack.node.id}.tfstate`,
          encrypt: true});
      }
    });

    test('local: a folder resolved against the config file', () => {
      // GIVEN
      const file = writeConfig('services:\n  fdl: [fdl]\n  oscar: {endpoint: "https://o"}\nstate:\n  local: {dir: state}\n');
      // WHEN
      const stacks = addDeploymentStacks(Testing.app(), loadDeploymentConfig(file));
      // THEN
      expect(JSON.parse(Testing.synth(stacks.services)).terraform.backend.local.path).toBe(path.join(path.dirname(file), 'state', 'services.tfstate'));
    });
  });

  describe('the deployment name and the state it owns', () => {
    const SERVICES_ONLY = 'services:\n  fdl: [fdl]\n  oscar: {endpoint: "https://o"}\n';

    test('without name:, the name is the file name and 6 hex digits of a hash of its path relative to the project folder', () => {
      // GIVEN
      const file = writeConfig(SERVICES_ONLY);
      const root = path.dirname(path.dirname(file));
      // WHEN
      const config = loadDeploymentConfig(file, { projectRoot: root });
      // THEN
      expect(config.name).toMatch(/^deployment-[0-9a-f]{6}$/);
      expect(config.name).toBe(deploymentNameOf(path.join(root, path.basename(path.dirname(file)), 'deployment.yaml'), root));
      expect(config.projectRoot).toBe(root);
    });

    test('the derived name is the same in every checkout: only the path inside the project counts', () => {
      expect(deploymentNameOf('/home/a/oscar-cdktf/config/sandbox.yaml', '/home/a/oscar-cdktf'))
        .toBe(deploymentNameOf('/srv/ci/checkout/config/sandbox.yaml', '/srv/ci/checkout'));
    });

    test('files of one name in different folders get different names', () => {
      const a = deploymentNameOf('/p/config/team-a/deployment.yaml', '/p');
      const b = deploymentNameOf('/p/config/team-b/deployment.yaml', '/p');
      expect(a).toMatch(/^deployment-/);
      expect(b).toMatch(/^deployment-/);
      expect(a).not.toBe(b);
    });

    test('a file name becomes a slug (lowercase letters, digits, hyphens)', () => {
      expect(deploymentNameOf('/p/My Config.v2.yml', '/p')).toMatch(/^my-config-v2-[0-9a-f]{6}$/);
      expect(deploymentNameOf('/p/___.yaml', '/p')).toMatch(/^deployment-[0-9a-f]{6}$/);
    });

    test('name: wins over the derived name', () => {
      expect(loadDeploymentConfig(writeConfig(`name: prod-eu\n${SERVICES_ONLY}`)).name).toBe('prod-eu');
    });

    test('the project folder defaults to the current folder (where cdktf runs the app)', () => {
      const file = writeConfig(SERVICES_ONLY);
      expect(loadDeploymentConfig(file)).toMatchObject({ projectRoot: process.cwd(), name: deploymentNameOf(file, process.cwd()) });
    });

    test('by default every stack keeps its state in state/<name>/ of the project folder', () => {
      // GIVEN
      const file = writeConfig(`name: lab\n${EXISTING}`);
      const root = tempDir();
      // WHEN
      const stacks = addDeploymentStacks(Testing.app(), loadDeploymentConfig(file, { projectRoot: root }));
      // THEN
      for (const stack of [stacks.cluster!, stacks.platform!, stacks.services]) {
        expect(JSON.parse(Testing.synth(stack)).terraform.backend).toEqual({ local: { path: path.join(root, 'state', 'lab', `${stack.node.id}.tfstate`) } });
      }
    });

    test('every stack has the deployment\'s guard; the services stack\'s also names its OSCAR', () => {
      // GIVEN
      const file = writeConfig(`name: lab\n${EXISTING}`);
      // WHEN
      const stacks = addDeploymentStacks(Testing.app(), loadDeploymentConfig(file));
      // THEN
      const guardOf = (stack: TerraformStack) => JSON.parse(Testing.synth(stack)).resource.terraform_data.deployment;
      expect(guardOf(stacks.cluster!).input).toEqual({ deployment: 'lab' });
      expect(guardOf(stacks.platform!).input).toEqual({ deployment: 'lab' });
      // The platform's endpoint (the node port) is an expression: a local of the stack holds it.
      const services = JSON.parse(Testing.synth(stacks.services));
      const [local] = /^\$\{local\.(.+)\}$/.exec(services.resource.terraform_data.deployment.input.oscar)!.slice(1);
      expect(services.resource.terraform_data.deployment.input.deployment).toBe('lab');
      expect(services.locals[local]).toMatch(/^\$\{trimsuffix\("http:\/\/.+:30301", "\/"\)\}$/);
    });

    test('a services-only deployment\'s guard names the OSCAR of services.oscar.endpoint, or of TF_VAR_oscar_endpoint', () => {
      const guardOf = (text: string) => {
        const stacks = addDeploymentStacks(Testing.app(), loadDeploymentConfig(writeConfig(text)));
        return JSON.parse(Testing.synth(stacks.services)).resource.terraform_data.deployment;
      };
      expect(guardOf(`name: lab\n${SERVICES_ONLY}`).input).toEqual({ deployment: 'lab', oscar: 'https://o' });
      const fromVariable = JSON.parse(Testing.synth(addDeploymentStacks(Testing.app(),
        loadDeploymentConfig(writeConfig('name: lab\nservices:\n  fdl: [fdl]\n  oscar: {}\n'))).services));
      const [local] = /^\$\{local\.(.+)\}$/.exec(fromVariable.resource.terraform_data.deployment.input.oscar)!.slice(1);
      expect(fromVariable.locals[local]).toBe('${trimsuffix(var.oscar_endpoint, "/")}');
    });

    test('a local state written for another deployment fails synth at state.local.dir, naming both deployments', () => {
      // WHEN
      const { file, error } = errorOf(`name: lab\n${SERVICES_ONLY}state:\n  local: {dir: shared}\n`,
        (f) => writeGuardedState(path.join(path.dirname(f), 'shared', 'services.tfstate'), 'prod'));
      // THEN
      expect(error).toBeInstanceOf(DeploymentConfigError);
      expect(error).toMatchObject({ file, line: 6, setting: 'state.local.dir', problem: expect.stringMatching(/state of deployment "prod", and this config is deployment "lab"/),
        fix: expect.stringMatching(/point state\.local\.dir at a folder of this deployment's own.*set name: prod/) });
    });

    test('a default state folder holding another deployment\'s state fails synth at name', () => {
      // GIVEN
      const file = writeConfig(`name: lab\n${SERVICES_ONLY}`);
      const root = tempDir();
      writeGuardedState(path.join(root, 'state', 'lab', 'services.tfstate'), 'prod');
      // WHEN
      const build = () => addDeploymentStacks(Testing.app(), loadDeploymentConfig(file, { projectRoot: root }));
      // THEN
      expect(build).toThrow(DeploymentConfigError);
      expect(build).toThrow(`${file}:1:7: name: the default state folder of deployment "lab" holds a services state of deployment "prod"`);
    });

    test('a local state of this deployment, or one with no guard, is used', () => {
      const dir = (f: string) => path.join(path.dirname(f), 'state');
      const own = writeConfig(`name: lab\n${SERVICES_ONLY}state:\n  local: {dir: state}\n`);
      writeGuardedState(path.join(dir(own), 'services.tfstate'), 'lab');
      expect(() => addDeploymentStacks(Testing.app(), loadDeploymentConfig(own))).not.toThrow();
      const unguarded = writeConfig(`name: lab\n${SERVICES_ONLY}state:\n  local: {dir: state}\n`);
      fs.mkdirSync(dir(unguarded));
      fs.writeFileSync(path.join(dir(unguarded), 'services.tfstate'), JSON.stringify({ version: 4, resources: [] }));
      expect(() => addDeploymentStacks(Testing.app(), loadDeploymentConfig(unguarded))).not.toThrow();
    });

    test('a state of cdktf\'s old default file in the project folder is a warning saying where to move it', () => {
      // GIVEN
      const root = tempDir();
      fs.writeFileSync(path.join(root, 'terraform.services.tfstate'), '{}');
      // WHEN
      const stacks = addDeploymentStacks(Testing.app(), loadDeploymentConfig(writeConfig(`name: lab\n${SERVICES_ONLY}`), { projectRoot: root }));
      // THEN
      const target = path.join(root, 'state', 'lab', 'services.tfstate');
      expect(warningsOf(stacks.services)).toEqual([expect.stringContaining(`mv ${path.join(root, 'terraform.services.tfstate')} ${target}`)]);
    });
  });

  describe('closed sets are the TypeScript enums', () => {
    const EKS = 'cluster:\n  eks:\n    clusterName: oscar\n    region: eu-west-1\n    nodePools:\n';
    const pool = (extra: string) => `${EKS}    - {name: p, instanceTypes: [m6i.large], minSize: 1, maxSize: 2, ${extra}}\nservices:\n  fdl: [fdl]\n`;
    // [setting, enum, config with the value]
    const sets: [string, Readonly<Record<string, string>>, (value: string) => string][] = [
      ['cluster.eks.nodePools[0].capacityType', CapacityType, (v) => pool(`capacityType: ${v}`)],
      ['cluster.eks.nodePools[0].taints[0].effect', TaintEffect, (v) => pool(`taints: [{key: dedicated, effect: ${v}}]`)],
      ['cluster.eks.nodePools[0].gpu.vendor', GpuVendor, (v) => pool(`gpu: {vendor: ${v}, count: 1}`)],
      ['cluster.existing.gpu.tolerationInjection', GpuTolerationInjection,
        (v) => `cluster:\n  existing:\n    kubeconfig: /k\n    gpu: {tolerationInjection: ${v}}\nservices:\n  fdl: [fdl]\n`],
      ['platform.gateway.serviceType', GatewayServiceType, (v) => `${EXISTING}platform:\n  gateway: {serviceType: ${v}, gatewayApiCrds: false}\n`],
    ];

    test.each(sets)('%s takes every value of its enum', (_setting, values, config) => {
      for (const value of Object.values(values)) expect(() => loadDeploymentConfig(writeConfig(config(value)))).not.toThrow();
    });

    test.each(sets)('%s refuses anything else, naming the enum\'s values', (setting, values, config) => {
      // WHEN
      const load = () => loadDeploymentConfig(writeConfig(config('other')));
      // THEN
      expect(load).toThrow(`${setting}: is "other". Fix: use one of ${Object.values(values).join(', ')}.`);
    });
  });

  describe('every error names the file, the line and column of the setting, the setting and a fix', () => {
    // [case, config, line:column of the setting, setting, problem]
    const cases: [string, string, string, string, RegExp][] = [
      // The file's shape
      ['YAML syntax', 'cluster: [\n', '1:1', '', /not valid YAML/],
      ['unknown key', 'cluster:\n  existing:\n    kubeconfig: /k\n    kubecontext: x\nservices:\n  fdl: [fdl]\n',
        '4:5', 'cluster.existing.kubecontext', /^is not a known setting$/],
      ['wrong type', 'cluster:\n  eks:\n    clusterName: oscar\n    region: eu-west-1\n    nodePools:\n      - name: gpu\n'
        + '        instanceTypes: g5.xlarge\n        maxSize: 2\nservices:\n  fdl: [fdl]\n',
      '7:24', 'cluster.eks.nodePools[0].instanceTypes', /^is "g5\.xlarge", not a list of strings$/],
      ['missing setting', 'cluster:\n  eks:\n    region: eu-west-1\nservices:\n  fdl: [fdl]\n', '3:5', 'cluster.eks.clusterName', /^is missing$/],
      ['two targets', 'cluster:\n  eks: {clusterName: a, region: eu-west-1}\n  existing: {kubeconfig: /k}\nservices:\n  fdl: [fdl]\n',
        '2:3', 'cluster', /^has existing and eks$/],
      ['not in a closed set', 'cluster:\n  existing:\n    kubeconfig: /k\n    gpu: {tolerationInjection: webhook}\nservices:\n  fdl: [fdl]\n',
        '4:32', 'cluster.existing.gpu.tolerationInjection', /^is "webhook"$/],
      ['kubeconfig and host', 'cluster:\n  existing: {kubeconfig: /k, host: "https://h"}\nservices:\n  fdl: [fdl]\n',
        '2:13', 'cluster.existing', /needs either kubeconfig or host/],
      ['no cluster and no services.oscar', 'services:\n  fdl: [fdl]\n', '1:1', 'cluster', /^is missing$/],
      ['a platform without a cluster', 'platform: {}\nservices:\n  fdl: [fdl]\n  oscar: {endpoint: "https://o"}\n', '1:11', 'platform', /needs a cluster/],
      ['image pull secrets without a cluster', 'services:\n  fdl: [fdl]\n  oscar: {endpoint: "https://o"}\n  imagePullSecrets:\n  - {name: r, server: r.io, username: u}\n',
        '5:3', 'services.imagePullSecrets', /needs a cluster/],
      ['an image pull secret without server', `${EXISTING}  imagePullSecrets:\n  - {name: ghcr}\n`, '7:5', 'services.imagePullSecrets[0].server', /^is missing$/],
      ['a name that is not a slug', 'name: Oscar Prod\nservices:\n  fdl: [fdl]\n  oscar: {endpoint: "https://o"}\n', '1:7', 'name',
        /^is "Oscar Prod", not a deployment name$/],
      ['a name of 41 characters', `name: ${'a'.repeat(41)}\nservices:\n  fdl: [fdl]\n  oscar: {endpoint: "https://o"}\n`, '1:7', 'name',
        /not a deployment name/],
      ['a name ending in a hyphen', 'name: prod-\nservices:\n  fdl: [fdl]\n  oscar: {endpoint: "https://o"}\n', '1:7', 'name', /not a deployment name/],
      ['two state backends', 'state:\n  local: {dir: a}\n  s3: {bucket: b, region: r}\nservices:\n  fdl: [fdl]\n  oscar: {endpoint: "https://o"}\n',
        '2:3', 'state', /^has local and s3$/],
      ['unknown platform key', `${EXISTING}platform:\n  minio: {size: 10Gi}\n`, '7:11', 'platform.minio.size', /^is not a known setting$/],
      ['two storage choices', `${EXISTING}platform:\n  storage: {storageClass: a, nfsProvisioner: {}}\n`, '7:12', 'platform.storage', /^has storageClass and nfsProvisioner$/],
      ['no issuer', `${EXISTING}platform:\n  host: a.example.org\n  tls: {certManager: {issuer: {}}}\n`, '8:31', 'platform.tls.certManager.issuer', /names none of its choices/],
      ['gateway neither false nor settings', `${EXISTING}platform:\n  gateway: true\n`, '7:12', 'platform.gateway', /^is not a mapping$/],
      // Rules of value classes the loader builds
      ['an API server that is not https', `cluster:\n  existing:\n    host: "10.0.0.1:6443"\n    clusterCaCertificate: ${PEM}\nservices:\n  fdl: [fdl]\n`,
        '3:11', 'cluster.existing.host', /'10\.0\.0\.1:6443' is not an https:\/\/ URL/],
      ['a CA that is not PEM', 'cluster:\n  existing:\n    host: "https://10.0.0.1:6443"\n    clusterCaCertificate: TUlJQg==\nservices:\n  fdl: [fdl]\n',
        '4:27', 'cluster.existing.clusterCaCertificate', /is not a PEM certificate/],
      ['an empty kubeconfig path', 'cluster:\n  existing:\n    kubeconfig: " "\nservices:\n  fdl: [fdl]\n', '3:17', 'cluster.existing.kubeconfig', /^is empty$/],
      ['a VPC range out of bounds', 'cluster:\n  eks:\n    clusterName: oscar\n    region: eu-west-1\n    vpc: {cidr: 10.0.0.0/8}\nservices:\n  fdl: [fdl]\n',
        '5:17', 'cluster.eks.vpc.cidr', /'10\.0\.0\.0\/8' is not an IPv4 range from \/16 to \/20/],
      ['one availability zone', `${EKS}    vpc:\n      availabilityZones: 1\nservices:\n  fdl: [fdl]\n`,
        '6:26', 'cluster.eks.vpc.availabilityZones', /1 is outside 2\.\.8/],
      ['one existing subnet', `${EKS}    vpc: {privateSubnetIds: [subnet-a]}\nservices:\n  fdl: [fdl]\n`,
        '5:29', 'cluster.eks.vpc.privateSubnetIds', /has 1 subnet\(s\)/],
      ['an EFS id', `${EXISTING}platform:\n  storage:\n    efs: {fileSystemId: efs-1}\n`, '8:25', 'platform.storage.efs.fileSystemId', /'efs-1' is not an EFS file system id/],
      ['a storage class name', `${EXISTING}platform:\n  storage: {storageClass: NFS}\n`, '7:27', 'platform.storage.storageClass', /'NFS' is not a valid storage class name/],
      ['a Let\'s Encrypt e-mail', `${EXISTING}platform:\n  host: a.example.org\n  tls: {certManager: {issuer: {letsEncrypt: {email: ops}}}}\n`,
        '8:53', 'platform.tls.certManager.issuer.letsEncrypt.email', /'ops' is not an e-mail address/],
      // Rules of the constructs the stacks build
      ['a manager option', `${EXISTING}platform:\n  oscar:\n    metrics: {prometheusUrl: prometheus:9090}\n`,
        '8:30', 'platform.oscar.metrics.prometheusUrl', /'prometheus:9090' is not an http:\/\/ or https:\/\/ URL/],
      ['a region', 'cluster:\n  eks:\n    clusterName: oscar\n    region: Ireland\nservices:\n  fdl: [fdl]\n', '4:13', 'cluster.eks.region', /'Ireland' is not an AWS region name/],
      ['a node pool rule', 'cluster:\n  eks:\n    clusterName: oscar\n    region: eu-west-1\n    nodePools:\n'
        + '      - {name: system, instanceTypes: [m6i.large], minSize: 1, maxSize: 2}\n'
        + '      - {name: gpu, instanceTypes: [m6i.large], maxSize: 2, gpu: {count: 1}}\n'
        + 'services:\n  fdl: [fdl]\n',
      '7:36', 'cluster.eks.nodePools[1].instanceTypes', /is a GPU pool but m6i\.large has no NVIDIA GPU/],
      ['a GPU node selector', 'cluster:\n  existing:\n    kubeconfig: /k\n    gpu: {nodeSelector: {}}\nservices:\n  fdl: [fdl]\n',
        '4:25', 'cluster.existing.gpu.nodeSelector', /is empty, so the device plugin would run on every node/],
      ['a platform component\'s setting', `${EXISTING}platform:\n  knative: false\n  minio:\n    storageSize: ten\n`,
        '9:18', 'platform.minio.storageSize', /'ten' is not a Kubernetes quantity/],
      ['a Kueue quota', `${EXISTING}platform:\n  kueue:\n    defaultQuota: {cpu: two}\n`,
        '8:25', 'platform.kueue.defaultQuota.cpu', /'two' is not a Kubernetes quantity/],
      ['KServe without a gateway', `${EXISTING}platform:\n  kserve: {}\n`,
        '7:11', 'platform.kserve', /needs Knative, a gateway and a host/],
      ['MinIO\'s public hosts without a gateway', `${EXISTING}platform:\n  minio:\n    publicHosts: {api: minio.example.org}\n`,
        '8:18', 'platform.minio.publicHosts', /is given, but no gateway routes to MinIO/],
      ['a platform setting given to the gateway', `${EXISTING}platform:\n  host: a.example.org\n  tls: {}\n  gateway: {gatewayApiCrds: false}\n`,
        '8:8', 'platform.tls', /needs exactly one of secretName and certManager/],
      ['a setting of a nested component', `${EXISTING}platform:\n  host: a.example.org\n  gateway: {}\n`,
        '8:12', 'platform.gateway.gatewayApiCrds', /^is not given$/],
      ['a cluster id no service is listed under', `${EXISTING}  clusterId: elsewhere\n`, '6:14', 'services.clusterId', /no service is listed under 'elsewhere'/],
      ['FDL folders without FDL files', 'cluster:\n  existing:\n    kubeconfig: /k\nservices:\n  fdl: [empty]\n', '5:8', 'services.fdl', /no FDL files found/],
      ['an image pull secret\'s server', `${EXISTING}  imagePullSecrets:\n  - {name: ghcr, server: "https://ghcr.io", username: u}\n`,
        '7:26', 'services.imagePullSecrets[0].server', /'https:\/\/ghcr\.io' has a scheme/],
    ];

    test.each(cases)('%s', (_case, config, position, setting, problem) => {
      // WHEN
      const { file, error } = errorOf(config);
      // THEN
      expect(error).toBeInstanceOf(DeploymentConfigError);
      const e = error as DeploymentConfigError;
      expect({ file: e.file, at: `${e.line}:${e.column}`, setting: e.setting }).toEqual({ file, at: position, setting });
      expect(e.problem).toMatch(problem);
      expect(e.fix).not.toBe('');
      expect(e.message).toBe(`${file}:${position}: ${setting ? `${setting}: ` : ''}${e.problem}. Fix: ${e.fix}.`);
    });
  });

  describe('settings replaced from outside the file (OSCAR_FDL, OSCAR_CLUSTER_ID, command-line paths)', () => {
    /** The error building the stacks of a config whose services are replaced as given. */
    const overriddenErrorOf = (overrides: Parameters<typeof overrideDeploymentConfig>[1]) => {
      const file = writeConfig(EXISTING);
      try {
        addDeploymentStacks(Testing.app(), overrideDeploymentConfig(loadDeploymentConfig(file), overrides));
      } catch (error) {
        return { file, error };
      }
      throw new Error('the config was accepted');
    };

    test('the replaced values are the ones deployed', () => {
      const file = writeConfig(EXISTING);
      const fdl = path.join(path.dirname(file), 'fdl', 'cowsay.yaml');
      const config = overrideDeploymentConfig(loadDeploymentConfig(file), {
        fdl: { value: [fdl], source: 'OSCAR_FDL' },
        clusterId: { value: 'c', source: 'OSCAR_CLUSTER_ID' },
      });
      expect({ fdl: config.fdl, clusterId: config.clusterId }).toEqual({ fdl: [fdl], clusterId: 'c' });
      const stacks = addDeploymentStacks(Testing.app(), config);
      expect([...stacks.services.services.services.keys()]).toEqual(['cowsay']);
    });

    test('an error about replaced FDL paths names the variable, not the file\'s services.fdl line', () => {
      const empty = tempDir();
      const { file, error } = overriddenErrorOf({ fdl: { value: [empty], source: 'OSCAR_FDL' } });
      expect(error).toBeInstanceOf(OverriddenSettingError);
      expect((error as Error).message).toMatch(`OSCAR_FDL (replacing services.fdl): no FDL files found in ${empty}. Fix: `);
      expect((error as Error).message).not.toContain(file);
    });

    test('an error about a replaced cluster id names the variable', () => {
      const { error } = overriddenErrorOf({ clusterId: { value: 'elsewhere', source: 'OSCAR_CLUSTER_ID' } });
      expect(error).toBeInstanceOf(OverriddenSettingError);
      expect(error).toMatchObject({ source: 'OSCAR_CLUSTER_ID', setting: 'services.clusterId', problem: expect.stringMatching(/no service is listed under 'elsewhere'/) });
    });

    test('errors about settings that were not replaced still point at their line in the file', () => {
      const file = writeConfig(`${EXISTING}platform:\n  knative: false\n  minio:\n    storageSize: ten\n`);
      const config = overrideDeploymentConfig(loadDeploymentConfig(file), { clusterId: { value: 'c', source: 'OSCAR_CLUSTER_ID' } });
      expect(() => addDeploymentStacks(Testing.app(), config)).toThrow(`${file}:9:18: platform.minio.storageSize:`);
    });
  });
});
