import * as path from 'node:path';
import { Testing } from '../../src/private/cdktf';
import { FdlValidationError } from '../../src/fdl';
import { ClusterConnection } from '../../src/cluster/connection';
import { ServicesStack, type ServicesStackProps } from '../../src/stacks/services-stack';
import { corpusCopy, tempDir, writeFdl } from '../support/fdl';
import { warningsOf } from '../support/synth';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const svc = (name: string, extra = '') => `functions:\n  oscar:\n  - c:\n      name: ${name}\n      image: i\n      script: script.sh\n${extra}`;

function synth(props: Partial<ServicesStackProps> & Pick<ServicesStackProps, 'fdl'>) {
  const stack = new ServicesStack(Testing.app(), 'services', props);
  return { stack, json: JSON.parse(Testing.synth(stack)) };
}

describe('ServicesStack', () => {
  test('one oscar_service per example service, with the canonical definition in plan-readable fields', () => {
    // WHEN
    const { stack, json } = synth({ fdl: [EXAMPLES] });
    // THEN
    expect([...stack.services.services.keys()]).toEqual(['cowsay', 'grayify']);
    const services = json.resource.oscar_service;
    expect(Object.keys(services)).toHaveLength(2);
    const cowsay = Object.values(services).find((s: any) => s.name === 'cowsay') as any;
    expect(cowsay).toMatchObject({
      name: 'cowsay', image: 'ghcr.io/grycap/cowsay', cpu: '0.5', memory: '256Mi', log_level: 'CRITICAL', visibility: 'private',
      synchronous: { min_scale: 1, max_scale: 5 }, environment: { variables: { INPUT_TYPE: 'json' } },
    });
    const grayify = Object.values(services).find((s: any) => s.name === 'grayify') as any;
    expect(grayify.input).toEqual([{ storage_provider: 'minio.default', path: 'grayify/in' }]);
    expect(grayify.script).toContain('convert');
  });

  test('the provider is configured from variables by default: password and token sensitive, nothing in the JSON', () => {
    const { json } = synth({ fdl: [EXAMPLES] });
    expect(json.provider.oscar[0]).toEqual({
      endpoint: '${var.oscar_endpoint}',
      username: '${var.oscar_username == "" ? null : var.oscar_username}',
      password: '${var.oscar_password == "" ? null : var.oscar_password}',
      token: '${var.oscar_token == "" ? null : var.oscar_token}',
      refresh_token: '${var.oscar_refresh_token == "" ? null : var.oscar_refresh_token}',
      client_id: '${var.oscar_client_id == "" ? null : var.oscar_client_id}',
      client_secret: '${var.oscar_client_secret == "" ? null : var.oscar_client_secret}',
      issuer: '${var.oscar_issuer == "" ? null : var.oscar_issuer}',
      token_file: '${var.oscar_token_file == "" ? null : var.oscar_token_file}',
    });
    // Ephemeral: a plan file keeps the value of every other variable.
    for (const secret of ['oscar_password', 'oscar_token', 'oscar_refresh_token', 'oscar_client_secret']) {
      expect(json.variable[secret]).toMatchObject({ sensitive: true, ephemeral: true });
    }
    for (const plain of ['oscar_endpoint', 'oscar_client_id', 'oscar_issuer', 'oscar_token_file']) {
      expect(json.variable[plain].sensitive).toBeFalsy();
      expect(json.variable[plain].ephemeral).toBeFalsy();
    }
    // Write-only attributes and ephemeral variables need 1.11: an older CLI stops, naming it.
    expect(json.terraform.required_version).toBe('>= 1.11');
  });

  test('a given OIDC credential leaves the basic-auth variables out, and a given password the OIDC ones', () => {
    const oidc = JSON.parse(Testing.synth(new ServicesStack(Testing.app(), 'services', {
      fdl: [EXAMPLES], oscar: { endpoint: 'https://oscar.example.org', clientId: 'ci', issuer: 'https://idp.example.org/realms/r', tokenFile: '/run/t' },
    })));
    expect(oidc.provider.oscar[0]).toMatchObject({ client_id: 'ci', issuer: 'https://idp.example.org/realms/r', token_file: '/run/t' });
    expect(oidc.variable.oscar_refresh_token).toMatchObject({ sensitive: true });
    expect(oidc.variable.oscar_username).toBeUndefined();
    const basic = JSON.parse(Testing.synth(new ServicesStack(Testing.app(), 'services', {
      fdl: [EXAMPLES], oscar: { endpoint: 'https://oscar.example.org', username: 'oscar', password: 'from-platform' },
    })));
    expect(Object.keys(basic.variable ?? {}).filter((v) => v.startsWith('oscar_'))).toEqual([]);
  });

  test('a given connection (the platform stack\'s outputs) replaces the variables', () => {
    const app = Testing.app();
    const stack = new ServicesStack(app, 'services', { fdl: [EXAMPLES], oscar: { endpoint: 'https://oscar.example.org', username: 'oscar', password: 'from-platform' } });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.provider.oscar[0]).toMatchObject({ endpoint: 'https://oscar.example.org', username: 'oscar' });
    expect(json.variable?.oscar_endpoint).toBeUndefined();
    expect(json.output.service_urls.value.cowsay).toEqual({ run: 'https://oscar.example.org/run/cowsay', job: 'https://oscar.example.org/job/cowsay' });
  });

  test('escapes Terraform template sequences in scripts and variables', () => {
    const fdl = writeFdl(svc('demo', '      environment:\n        variables:\n          GREETING: "${USER} %{x}"\n'), { 'script.sh': 'echo ${HOME} %{x}\n' });
    const demo = Object.values(synth({ fdl: [fdl] }).json.resource.oscar_service)[0] as any;
    expect(demo.script).toBe('echo $${HOME} %%{x}\n');
    expect(demo.environment.variables.GREETING).toBe('$${USER} %%{x}');
  });

  test('keys the provider has no attribute for (unknown keys of a clusters entry, which the loader warns about) are left out', () => {
    const fdl = writeFdl('clusters:\n  other:\n    endpoint: https://o\n    ssl_verify: false\n    region: eu\n' + svc('demo'));
    const demo = Object.values(synth({ fdl: [fdl] }).json.resource.oscar_service)[0] as any;
    expect(demo.clusters).toEqual({ other: { endpoint: 'https://o', ssl_verify: false } });
  });

  test('takes secret values from sensitive, ephemeral variables and never writes them out', () => {
    const fdl = writeFdl(svc('demo', '      environment:\n        secrets:\n          API_KEY: do-not-leak\n'));
    const { json } = synth({ fdl: [fdl] });
    expect(JSON.stringify(json)).not.toContain('do-not-leak');
    expect(json.variable['demo__API_KEY']).toEqual(expect.objectContaining({ sensitive: true, ephemeral: true, type: 'string' }));
    const demo = Object.values(json.resource.oscar_service)[0] as any;
    expect(demo.environment.secrets).toEqual({ API_KEY: '${var.demo__API_KEY}' });
    // Unset, a secret is null: a destroy needs none, and a create or update stops at the precondition.
    expect(json.variable['demo__API_KEY'].default).toBeNull();
    expect(demo.lifecycle.precondition).toEqual([{ condition: '${var.demo__API_KEY != null}',
      error_message: 'No value for TF_VAR_demo__API_KEY: set it (export TF_VAR_demo__API_KEY=…) and run again.' }]);
  });

  test('secret variables are names a shell can set: the service name\'s - (and any other character) becomes _', () => {
    const fdl = writeFdl(svc('cowsay-secret', '      environment:\n        secrets:\n          COWSAY_SECRET: x\n          api.key: y\n'));
    const { json } = synth({ fdl: [fdl] });
    expect(Object.keys(json.variable).filter((v) => v.includes('__')).sort()).toEqual(['cowsay_secret__COWSAY_SECRET', 'cowsay_secret__api_key']);
    for (const name of Object.keys(json.variable)) expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });

  test('two secrets whose variable names would be the same fail synth, naming both places', () => {
    const fdl = writeFdl(svc('demo', '      environment:\n        secrets:\n          API-KEY: x\n          API_KEY: y\n'));
    expect(() => synth({ fdl: [fdl] })).toThrow(
      /secret API_KEY of service demo \(.*service\.yaml:\d+\) and secret API-KEY of service demo \(.*service\.yaml:\d+\) would both be set by TF_VAR_demo__API_KEY.*Fix: rename one/s);
  });

  describe('storage-provider and cluster credentials', () => {
    const providers = (endpoint: string) => 'storage_providers:\n  minio:\n    store:\n'
      + `      endpoint: ${endpoint}\n      access_key: leaked-access\n      secret_key: leaked-secret\n`
      + '  webdav:\n    dcache:\n      hostname: dcache.example.org\n      login: me\n      password: leaked-password\n'
      + 'clusters:\n  oscar-us:\n    endpoint: https://us.example.org\n    auth_user: oscar\n    auth_password: leaked-cluster\n';
    const twoServices = (endpoint: string, first: string, second: string) => 'functions:\n  oscar:\n'
      + `  - c:\n      name: ${first}\n      image: i\n      script: script.sh\n  - c:\n      name: ${second}\n      image: i\n      script: script.sh\n`
      + providers(endpoint);

    test('come from one variable per account, shared by the services that use it, and never reach the JSON', () => {
      const { json } = synth({ fdl: [writeFdl(twoServices('https://minio.example.org', 'alpha', 'beta'))] });
      expect(JSON.stringify(json)).not.toMatch(/leaked/);
      const accounts = ['cluster__oscar_us__auth_password', 'storage__minio__store__access_key', 'storage__minio__store__secret_key',
        'storage__webdav__dcache__password'];
      expect(Object.keys(json.variable).filter((v) => v.includes('__')).sort()).toEqual(accounts);
      for (const name of accounts) expect(json.variable[name]).toMatchObject({ sensitive: true, ephemeral: true, default: null });
      for (const service of Object.values(json.resource.oscar_service) as any[]) {
        expect(service.storage_providers.minio.store).toEqual({ endpoint: 'https://minio.example.org',
          access_key: '${var.storage__minio__store__access_key}', secret_key: '${var.storage__minio__store__secret_key}' });
        expect(service.storage_providers.webdav.dcache.password).toBe('${var.storage__webdav__dcache__password}');
        expect(service.clusters['oscar-us']).toEqual({ endpoint: 'https://us.example.org', auth_user: 'oscar',
          auth_password: '${var.cluster__oscar_us__auth_password}' });
        expect(service.lifecycle.precondition.map((p: any) => p.condition).sort()).toEqual(accounts.map((name) => `\${var.${name} != null}`));
      }
    });

    test('the same account in two files is one variable; the same id with other settings fails synth, naming both', () => {
      const first = writeFdl(twoServices('https://minio.example.org', 'alpha', 'beta'));
      const same = writeFdl(twoServices('https://minio.example.org', 'gamma', 'delta'));
      expect(Object.keys(synth({ fdl: [first, same] }).json.variable).filter((v) => v.startsWith('storage__minio'))).toHaveLength(2);

      const other = writeFdl(twoServices('https://other.example.org', 'gamma', 'delta'), undefined, 'other.yaml');
      expect(() => synth({ fdl: [first, other] })).toThrow(new RegExp('storage_providers\\.minio\\.store \\(service gamma, .*other\\.yaml:\\d+\\) '
        + 'have different settings but storage_providers\\.minio\\.store \\(service alpha, .*service\\.yaml:\\d+\\) would both be set by '
        + 'TF_VAR_storage__minio__store__access_key.*Fix: give one of the two another id', 's'));
    });
  });

  test('the mask-detector workflow: its shared bucket is one oscar_bucket both services depend on', () => {
    const { stack, json } = synth({ fdl: [corpusCopy('mask-detector-workflow/mask-detector-workflow.yaml')] });
    const buckets = Object.entries(json.resource.oscar_bucket) as [string, any][];
    expect(buckets.map(([, b]) => b.name)).toEqual(['mask-detector']);
    for (const service of Object.values(json.resource.oscar_service) as any[]) {
      expect(service.depends_on).toEqual([`oscar_bucket.${buckets[0][0]}`]);
    }
    // ... and synth says that the manager will not trigger services from a bucket it did not create.
    expect(warningsOf(stack)).toEqual(expect.arrayContaining([expect.stringMatching(/bucket 'mask-detector' is shared by anon-and-split, mask-detector.*uploads to the inputs of anon-and-split, mask-detector .*will not start them/)]));
  });

  test('a bucket that is only mounted is declared as an oscar_bucket (the manager never deletes it)', () => {
    const { json } = synth({ fdl: [corpusCopy('mount/grayify-mount.yaml')] });
    const buckets = Object.entries(json.resource.oscar_bucket) as [string, any][];
    expect(buckets.map(([, b]) => b.name)).toEqual(['grayifymount2']);
    const service = Object.values(json.resource.oscar_service)[0] as any;
    expect(service.depends_on).toEqual([`oscar_bucket.${buckets[0][0]}`]);
  });

  test('services with buckets warn that destroying them deletes the data, unless protected', () => {
    const { stack } = synth({ fdl: [EXAMPLES] });
    const warnings = warningsOf(stack);
    expect(warnings.filter((w) => w.includes('deletes bucket'))).toEqual([expect.stringMatching(/'grayify' .*grayify\.yaml:\d+.*deletes bucket\(s\) grayify .*Fix: set preventDestroy/)]);
    const guarded = synth({ fdl: [EXAMPLES], preventDestroy: true });
    expect(warningsOf(guarded.stack).filter((w) => w.includes('deletes bucket'))).toEqual([]);
    for (const service of Object.values(guarded.json.resource.oscar_service) as any[]) expect(service.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('image pull secrets are dockerconfigjson Secrets in oscar-svc, the password from a sensitive variable', () => {
    const { json } = synth({
      fdl: [EXAMPLES],
      cluster: ClusterConnection.fromKubeconfig('~/.kube/config'),
      imagePullSecrets: [{ name: 'ghcr', server: 'ghcr.io', username: 'robot' }],
    });
    const secret = Object.values(json.resource.kubernetes_secret_v1)[0] as any;
    expect(secret).toMatchObject({ metadata: { name: 'ghcr', namespace: 'oscar-svc' }, type: 'kubernetes.io/dockerconfigjson', data_wo_revision: 1 });
    // Write-only: the kubernetes provider keeps the password out of the plan and the state.
    expect(secret.data).toBeUndefined();
    expect(secret.data_wo['.dockerconfigjson']).toContain('var.image_pull_secret_ghcr');
    expect(json.variable.image_pull_secret_ghcr).toMatchObject({ sensitive: true, ephemeral: true, default: null });
    expect(secret.lifecycle.precondition).toEqual([expect.objectContaining({ condition: '${var.image_pull_secret_ghcr != null}' })]);
    expect(json.provider.kubernetes[0]).toMatchObject({ config_path: '~/.kube/config' });
  });

  test('image pull secrets need the cluster to create them in', () => {
    // WHEN
    const create = () => synth({ fdl: [EXAMPLES], imagePullSecrets: [{ name: 'ghcr', server: 'ghcr.io', username: 'u' }] });
    // THEN
    expect(create).toThrow(/services: cluster: is required to create imagePullSecrets\. Fix:/);
  });

  test('an image pull secret\'s server is a host, without a scheme', () => {
    // GIVEN
    const imagePullSecrets = [{ name: 'ghcr', server: 'https://ghcr.io', username: 'u' }];
    // WHEN
    const create = () => synth({ fdl: [EXAMPLES], cluster: ClusterConnection.fromKubeconfig('k'), imagePullSecrets });
    // THEN
    expect(create).toThrow(/server: 'https:\/\/ghcr.io' has a scheme\. Fix: give the registry host only, for example 'ghcr.io'/);
  });

  test('fails synth with every error, located, when an FDL file is invalid; nothing is synthesized', () => {
    const fdl = writeFdl('functions:\n  oscar:\n  - c:\n      name: Demo\n      image: i\n      script: missing.sh\n', {});
    expect(() => synth({ fdl: [fdl] })).toThrow(FdlValidationError);
    expect(() => synth({ fdl: [fdl] }))
      .toThrow(new RegExp(`2 error\\(s\\):\\n${fdl}:4:13: error: .*name.*\\n${fdl}:6:15: error: .*script file 'missing.sh' not found`));
  });

  test('takes only the services listed under the cluster id', () => {
    // WHEN
    const { stack } = synth({ fdl: [EXAMPLES], clusterId: 'oscar-cluster' });
    // THEN
    expect([...stack.services.services.keys()]).toEqual(['cowsay', 'grayify']);
  });

  test('a cluster id no service is listed under names the known ids', () => {
    expect(() => synth({ fdl: [EXAMPLES], clusterId: 'elsewhere' })).toThrow(/clusterId: no service is listed under 'elsewhere'.*Fix: use one of oscar-cluster/);
  });

  describe('the same service name for two clusters', () => {
    const twoClusters = () => writeFdl('functions:\n  oscar:\n  - a:\n      name: demo\n      image: i\n      script: script.sh\n'
      + '  - b:\n      name: demo\n      image: i\n      script: script.sh\n');

    test('is refused without a cluster id, naming both definitions', () => {
      expect(() => synth({ fdl: [twoClusters()] })).toThrow(/clusterId: service 'demo' is defined for cluster 'a' at .*:4 and for cluster 'b' at .*:8.*Fix: set clusterId/);
    });

    test('is one service with a cluster id', () => {
      expect(synth({ fdl: [twoClusters()], clusterId: 'b' }).stack.services.services.size).toBe(1);
    });
  });

  describe('several clusters', () => {
    const service = (cluster: string, name: string, extra = '') => `  - ${cluster}:\n      name: ${name}\n      image: i\n      script: script.sh\n${extra}`;
    const edgeAndCloud = () => writeFdl('functions:\n  oscar:\n' + service('edge', 'detect', '      environment:\n        secrets: {API_KEY: ""}\n')
      + service('cloud', 'detect', '      environment:\n        secrets: {API_KEY: ""}\n') + service('cloud', 'train'));
    const providerOf = (json: any, name: string) => (Object.values(json.resource.oscar_service) as any[])
      .filter((s) => s.name === name).map((s) => s.provider).sort();

    test('each service goes to the cluster its id names, through a provider aliased by the id, in one stack', () => {
      const { stack, json } = synth({ fdl: [edgeAndCloud()], clusters: { edge: { endpoint: 'https://edge.example.org' }, cloud: {} } });
      expect(json.provider.oscar.map((p: any) => p.alias).sort()).toEqual(['cloud', 'edge']);
      const edge = json.provider.oscar.find((p: any) => p.alias === 'edge');
      const cloud = json.provider.oscar.find((p: any) => p.alias === 'cloud');
      expect(edge).toMatchObject({ endpoint: 'https://edge.example.org', cluster_id: 'edge' });
      expect(cloud).toMatchObject({ endpoint: '${var.oscar__cloud__endpoint}',
        password: '${var.oscar__cloud__password == "" ? null : var.oscar__cloud__password}' });
      expect(json.variable.oscar__cloud__password).toMatchObject({ sensitive: true, ephemeral: true });
      expect(json.variable.oscar__edge__password).toMatchObject({ sensitive: true, ephemeral: true });
      expect(json.variable.oscar_password).toBeUndefined();
      expect(providerOf(json, 'detect')).toEqual(['oscar.cloud', 'oscar.edge']);
      expect(providerOf(json, 'train')).toEqual(['oscar.cloud']);
      expect([...stack.services.services.keys()]).toEqual(['edge/detect', 'cloud/detect', 'cloud/train']);
      expect(Object.keys(stack.oscarEndpoints)).toEqual(['edge', 'cloud']);
      expect(stack.oscarEndpoints.edge).toBe('https://edge.example.org');
      // The same service on two clusters takes its secret from one variable.
      expect(Object.keys(json.variable).filter((v) => v.startsWith('detect__'))).toEqual(['detect__API_KEY']);
      expect(json.output.service_urls.value).toEqual({
        edge: { detect: { run: 'https://edge.example.org/run/detect', job: 'https://edge.example.org/job/detect' } },
        cloud: { detect: expect.objectContaining({ run: '${var.oscar__cloud__endpoint}/run/detect' }), train: expect.anything() },
      });
    });

    test('adding a cluster leaves the addresses of the others as they were', () => {
      const edgeOnly = writeFdl('functions:\n  oscar:\n' + service('edge', 'detect'));
      const cloudOnly = writeFdl('functions:\n  oscar:\n' + service('cloud', 'detect') + service('cloud', 'train'));
      const before = Object.keys(synth({ fdl: [edgeOnly], clusters: { edge: {} } }).json.resource.oscar_service);
      const after = Object.keys(synth({ fdl: [edgeOnly, cloudOnly], clusters: { edge: {}, cloud: {} } }).json.resource.oscar_service);
      expect(after).toHaveLength(3);
      expect(before).toHaveLength(1);
      expect(after).toEqual(expect.arrayContaining(before));
      expect(before[0]).toMatch(/edge_detect/);
    });

    test('a service whose cluster id has no cluster fails synth at its file and line, naming the ids that exist', () => {
      expect(() => synth({ fdl: [edgeAndCloud()], clusters: { edge: {} } })).toThrow(
        /clusters: service 'detect' at .*service\.yaml:\d+ is listed under cluster id 'cloud', which no cluster has.*Fix: add 'cloud' to the clusters, or list the service under one of edge/s);
    });

    test('is not given with oscar or clusterId, and ids must name provider aliases', () => {
      expect(() => synth({ fdl: [edgeAndCloud()], clusters: { edge: {}, cloud: {} }, oscar: { endpoint: 'https://x' } })).toThrow(/clusters: cannot be given with oscar/);
      expect(() => synth({ fdl: [edgeAndCloud()], clusters: { edge: {}, cloud: {} }, clusterId: 'edge' })).toThrow(/clusters: cannot be given with clusterId/);
      expect(() => synth({ fdl: [edgeAndCloud()], clusters: { edge: {}, '1cloud': {} } })).toThrow(/clusters\.1cloud: '1cloud' cannot name a provider alias/);
    });
  });

  test('a folder without FDL files is a clear error', () => {
    expect(() => synth({ fdl: [tempDir()] })).toThrow(/fdl: no FDL files found in .*Fix: give FDL files, or folders/);
  });

  test('a missing FDL file is an error at the file', () => {
    expect(() => synth({ fdl: [path.join(EXAMPLES, 'nothing-here.yaml')] })).toThrow(/nothing-here\.yaml:1:1: error: file not found/);
  });
});
