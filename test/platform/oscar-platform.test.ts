import { App, TerraformOutput, Testing } from '../../src/private/cdktf';
import { ClusterConnection } from '../../src/cluster/connection';
import { CertificateIssuer } from '../../src/platform/cert-manager';
import { GatewayChoice, KnativeChoice, MinioChoice } from '../../src/platform/component-choices';
import { OscarPlatform, type OscarPlatformOptions } from '../../src/platform/oscar-platform';
import { RwxStorage } from '../../src/platform/rwx-storage';
import { ClusterStack } from '../../src/stacks/cluster-stack';
import { PlatformStack } from '../../src/stacks/platform-stack';
import { ServicesStack } from '../../src/stacks/services-stack';
import { gatewayApiManifestFixture, synthesized, testStack } from '../support/platform';
import { writeFdl } from '../support/fdl';

function platform(props: OscarPlatformOptions = {}) {
  const stack = testStack();
  const construct = new OscarPlatform(stack, 'Oscar', props);
  return { construct, ...synthesized(stack) };
}
const gateway = () => GatewayChoice.traefik({ gatewayApiCrds: { manifestFile: gatewayApiManifestFixture() } });

describe('OscarPlatform', () => {
  test('defaults: NFS storage, MinIO, Knative, metrics-server and the manager, installed in dependency order; no gateway', () => {
    // WHEN
    const { construct, releases, release, values, address, resources } = platform();
    // THEN
    expect(releases.map((r) => r.name).sort()).toEqual(['knative-operator', 'knative-serving', 'metrics-server', 'minio', 'nfs-server-provisioner', 'oscar']);
    expect(release('oscar').depends_on).toEqual([address('nfs-server-provisioner'), address('minio'), address('metrics-server'), address('knative-serving')]);
    expect(values('oscar')).toMatchObject({ serverlessBackend: 'knative', volume: { storageClassName: 'nfs' }, minIO: { endpoint: 'http://minio.minio.svc.cluster.local:9000' } });
    expect(values('oscar')).not.toHaveProperty('httproute');
    expect(construct.storageClassName).toBe('nfs');
    // No host: the manager on the chart's node port, at the first node's address.
    expect(construct.oscar.endpoint).toMatch(/^http:\/\/.+:30301$/);
    expect(values('oscar').service).toEqual({ type: 'NodePort', port: 8080, nodePort: 30301 });
    expect(resources('kubernetes_namespace_v1').map((n) => n.metadata.name).sort()).toEqual(['knative-operator', 'knative-serving', 'minio', 'nfs-provisioner',
      'oscar', 'oscar-svc']);
    expect(resources('terraform_data')).toHaveLength(2);
  });

  test('a host on Traefik with cert-manager TLS: the manager is routed after Traefik, its endpoint is https', () => {
    const { construct, release, values, address } = platform({
      host: 'oscar.example.org',
      tls: { certManager: { issuer: CertificateIssuer.letsEncrypt({ email: 'ops@example.org' }) } },
      gateway: gateway(),
    });
    expect(release('oscar').depends_on).toContain(address('traefik'));
    expect(values('oscar')).toMatchObject({ httproute: { create: true, host: 'oscar.example.org' }, ingress: { host: 'oscar.example.org' } });
    expect(values('traefik').gateway.listeners.websecure.hostname).toBe('oscar.example.org');
    expect(release('oscar-cluster-issuer')).toBeDefined();
    expect(construct.oscar.endpoint).toBe('https://oscar.example.org');
  });

  test('MinIO\'s public hosts: Traefik gets their HTTPS listeners, the routes come after the Gateway, the stack outputs the URLs', () => {
    // GIVEN
    const app = Testing.app();
    const cluster = new ClusterStack(app, 'cluster', { existing: { connection: ClusterConnection.fromKubeconfig('kc') } });
    // WHEN
    const stack = new PlatformStack(app, 'platform', { cluster: cluster.cluster, platform: {
      host: 'oscar.example.org', tls: { secretName: 'wildcard-tls' }, gateway: gateway(),
      minio: MinioChoice.install({ publicHosts: { api: 'minio.oscar.example.org', console: 'console.minio.oscar.example.org' } }),
    } });
    // THEN
    const { json, values, release, address } = synthesized(stack);
    expect(Object.values(values('traefik').gateway.listeners).map((l: any) => l.hostname))
      .toEqual([undefined, 'oscar.example.org', 'minio.oscar.example.org', 'console.minio.oscar.example.org']);
    expect(release('minio-routes').depends_on).toEqual(expect.arrayContaining([address('minio'), address('traefik')]));
    expect(json.output.minio_public_endpoint.value).toBe('https://minio.oscar.example.org');
    expect(json.output.minio_console_url.value).toBe('https://console.minio.oscar.example.org');
    // Without public hosts there are no such outputs.
    expect(Object.keys(synthesized(new PlatformStack(Testing.app(), 'p', { cluster: cluster.cluster, platform: {} })).json.output))
      .not.toContain('minio_public_endpoint');
  });

  test('components turned off or pointed at existing ones', () => {
    const { construct, releases, values, json } = platform({
      host: 'oscar.example.org',
      storage: RwxStorage.existingClass('efs'),
      minio: MinioChoice.existing({ endpoint: 'https://minio.example.org', rootUser: 'admin', tlsVerify: false }),
      knative: KnativeChoice.existing(),
      gateway: GatewayChoice.existing({ name: 'public', namespace: 'edge' }),
      metricsServer: false,
    });
    expect(releases.map((r) => r.name)).toEqual(['oscar']);
    expect(values('oscar')).toMatchObject({
      serverlessBackend: 'knative', volume: { storageClassName: 'efs' }, minIO: { endpoint: 'https://minio.example.org', TLSVerify: 'false', accessKey: 'admin' },
      httproute: { gateway: { name: 'public', namespace: 'edge' } },
    });
    expect(json.variable.minio_root_password.sensitive).toBe(true);
    expect(construct.knative).toBeUndefined();
  });

  test('without Knative the manager uses plain Jobs', () => {
    const { values, releases } = platform({ knative: KnativeChoice.none() });
    expect(values('oscar').serverlessBackend).toBe('');
    expect(releases.map((r) => r.name)).not.toContain('knative-operator');
  });

  test('per-deployment version overrides reach every component; a component\'s own chart option wins', () => {
    const { release, values } = platform({
      gateway: gateway(),
      minio: MinioChoice.install({ chart: { imageTag: 'RELEASE.2025-01-01T00-00-00Z' } }),
      versions: {
        oscar: { repository: '', chart: '/srv/charts/oscar' },
        minio: { repository: 'https://mirror.example.org/minio', imageTag: 'ignored' },
        knativeOperator: { version: 'v1.23.1' },
        traefik: { imageRepository: 'mirror.example.org/traefik' },
        metricsServer: { repository: 'oci://mirror.example.org/charts' },
        nfsServerProvisioner: { imageTag: 'v4.0.8' },
      },
    });
    expect(release('oscar')).toMatchObject({ chart: '/srv/charts/oscar', version: '4.1.2' });
    expect(release('oscar').repository).toBeUndefined();
    expect(release('minio').repository).toBe('https://mirror.example.org/minio');
    expect(values('minio').image.tag).toBe('RELEASE.2025-01-01T00-00-00Z');
    expect(release('knative-operator').version).toBe('v1.23.1');
    expect(values('traefik').image).toEqual({ registry: 'mirror.example.org', repository: 'traefik', tag: 'v3.7.11' });
    expect(release('metrics-server').repository).toBe('oci://mirror.example.org/charts');
    expect(values('nfs-server-provisioner').image.tag).toBe('v4.0.8');
  });

  test('waitForPods: false reaches every release; the KnativeServing resource then comes after the other components', () => {
    const { releases, release, address } = platform({ waitForPods: false, gateway: gateway() });
    expect(releases.map((r) => r.wait)).toEqual(releases.map(() => false));
    expect(release('knative-serving').depends_on).toEqual([address('knative-operator'), address('nfs-server-provisioner'), address('minio'), address('traefik'),
      address('metrics-server')]);
    // Waiting for the operator's pods is what gives the API server time to serve the CRD otherwise.
    expect(platform({ gateway: gateway() }).release('knative-serving').depends_on).toEqual([platform({ gateway: gateway() }).address('knative-operator')]);
  });

  test('no generated secret appears in the configuration: only references to the terraform_data resources', () => {
    const { text } = platform({ gateway: gateway(), host: 'oscar.example.org' });
    expect(text).not.toMatch(/[0-9a-f]{32}/);
    expect(text.match(/terraform_data\.[A-Za-z_0-9]+\.output\[/g)?.length).toBeGreaterThanOrEqual(3);
  });

  describe('validation', () => {
    test.each<[string, OscarPlatformOptions, RegExp]>([
      ['host without a gateway', { host: 'oscar.example.org' }, /Oscar: host: is given, but no gateway routes it\. Fix: give gateway/],
      ['host with no gateway', { host: 'oscar.example.org', gateway: GatewayChoice.none() }, /Oscar: host: is given, but no gateway routes it/],
      ['tls without host', { tls: { secretName: 'x' }, gateway: gateway() }, /Oscar: tls: is given without a host name/],
      ['tls on an existing gateway', { host: 'a.example.org', tls: { secretName: 'x' }, gateway: GatewayChoice.existing({ name: 'g', namespace: 'n' }) }, /Oscar: tls: is given for an existing gateway\. Fix: configure TLS on that gateway/],
    ])('%s', (_rule, props, message) => {
      expect(() => platform(props)).toThrow(message);
    });
  });
});

describe('PlatformStack', () => {
  test('typed attributes for the services stack, and outputs; the password output is sensitive', () => {
    // GIVEN
    const app = Testing.app();
    const cluster = new ClusterStack(app, 'cluster', { existing: { connection: ClusterConnection.fromKubeconfig('kc') } });
    // WHEN
    const stack = new PlatformStack(app, 'platform', { cluster: cluster.cluster, platform: { host: 'oscar.example.org', gateway: gateway() } });
    // THEN
    expect(stack.oscar).toMatchObject({ endpoint: 'http://oscar.example.org', username: 'oscar', minioEndpoint: 'http://minio.minio.svc.cluster.local:9000' });
    const { json } = synthesized(stack);
    expect(json.output.oscar_endpoint.value).toBe('http://oscar.example.org');
    expect(json.output.oscar_username.value).toBe('oscar');
    expect(json.output.minio_endpoint.value).toBe('http://minio.minio.svc.cluster.local:9000');
    expect(json.output.oscar_password).toMatchObject({ sensitive: true, value: expect.stringMatching(/^\$\{terraform_data\./) });
  });

  test('without a host, the plan-time check of the node address names the setting of a deployment config', () => {
    const app = Testing.app();
    const cluster = new ClusterStack(app, 'cluster', { existing: { connection: ClusterConnection.fromKubeconfig('kc') } });
    const { json } = synthesized(new PlatformStack(app, 'platform', { cluster: cluster.cluster, platform: {} }));
    const [nodes] = Object.values(json.data.kubernetes_nodes) as any[];
    expect(nodes.lifecycle.postcondition[0].error_message).toContain('Fix: set platform.oscar.nodePort.address to an address');
  });

  test('another stack referencing the password gets it through a sensitive cross-stack output', () => {
    const app = new App({ outdir: Testing.app().outdir });
    const cluster = new ClusterStack(app, 'cluster', { existing: { connection: ClusterConnection.fromKubeconfig('kc') } });
    const platformStack = new PlatformStack(app, 'platform', { cluster: cluster.cluster });
    const services = new ServicesStack(app, 'services',
      { fdl: [writeFdl('functions:\n  oscar:\n  - c:\n      name: cowsay\n      image: ghcr.io/grycap/cowsay\n      script: script.sh\n')] });
    new TerraformOutput(services, 'password', { value: platformStack.oscar!.password, sensitive: true });
    app.synth();
    const crossStack = Object.entries(JSON.parse(Testing.synth(platformStack)).output).filter(([k]) => k.startsWith('cross-stack-output'));
    expect(crossStack).toEqual([[expect.any(String), expect.objectContaining({ sensitive: true })]]);
  });

  test('platform: false installs only the cluster\'s own parts', () => {
    const app = Testing.app();
    const cluster = new ClusterStack(app, 'cluster', { existing: { connection: ClusterConnection.fromKubeconfig('kc') } });
    const stack = new PlatformStack(app, 'platform', { cluster: cluster.cluster, platform: false });
    expect(stack.oscar).toBeUndefined();
    expect(synthesized(stack).json.resource).toBeUndefined();
  });
});
