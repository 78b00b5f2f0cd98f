import { Token } from '../../src/private/cdktf';
import { Minio } from '../../src/platform/minio';
import { OscarManager, type OscarManagerProps } from '../../src/platform/oscar-manager';
import { synthesized, testStack } from '../support/platform';

function manager(props: Partial<OscarManagerProps> = {}) {
  const stack = testStack();
  const minio = Minio.fromExisting(stack, 'Minio', { endpoint: 'http://minio.minio.svc.cluster.local:9000', rootUser: 'minio', rootPassword: 'pa,ss\\word' });
  const construct = new OscarManager(stack, 'Oscar', { minio, storageClassName: 'nfs', knative: true, after: [], wait: true, ...props });
  return { construct, ...synthesized(stack) };
}

describe('OscarManager', () => {
  test('defaults: pinned chart and image, Knative backend, MinIO wiring, the chart\'s node port, namespaces, no route', () => {
    // WHEN
    const { construct, release, values, resources, json } = manager();
    // THEN
    expect(release('oscar')).toMatchObject({ repository: 'https://grycap.github.io/helm-charts/', chart: 'oscar', version: '4.1.2', wait: true, wait_for_jobs: true, timeout: 600 });
    expect(values('oscar')).toEqual({
      image: { repository: 'ghcr.io/grycap/oscar', tag: '4.1.2', pullPolicy: 'IfNotPresent' },
      authUser: 'oscar',
      servicesNamespace: expect.stringMatching(/^\$\{kubernetes_namespace_v1\..+\.metadata\[0\]\.name\}$/),
      serverlessBackend: 'knative',
      service: { type: 'NodePort', port: 8080, nodePort: 30301 },
      readTimeout: 300,
      writeTimeout: 300,
      minIO: { endpoint: 'http://minio.minio.svc.cluster.local:9000', TLSVerify: 'true', region: 'us-east-1', accessKey: 'minio' },
      volume: { storageClassName: 'nfs' },
      resourceManager: { enable: true },
      kueue: { enable: 'false' },
      ingress: { create: false, host: '' },
    });
    expect(resources('kubernetes_namespace_v1').map((n) => n.metadata.name).sort()).toEqual(['oscar', 'oscar-svc']);
    // The first node's address, which the plan reads from the cluster (test/integration/end-to-end.test.ts
    // reaches the manager there); a cluster without one fails the plan, saying what to set.
    expect(Token.isUnresolved(construct.endpoint)).toBe(true);
    expect(construct.endpoint).toMatch(/^http:\/\/.+:30301$/);
    const [nodes] = Object.values(json.data.kubernetes_nodes) as any[];
    // Used directly, the message names the construct's own prop (through the platform: test/platform/oscar-platform.test.ts).
    expect(nodes.lifecycle.postcondition[0].error_message).toContain("OscarManager 'test/Oscar': nodePort: no node of the cluster has an ExternalIP");
    expect(nodes.lifecycle.postcondition[0].error_message).toContain('Fix: set nodePort.address to an address');
    expect(Object.values(json.locals)).toEqual([expect.stringContaining('.nodes[0].status[0].addresses')]);
    expect(construct.nodePort).toBe(30301);
    expect(construct.internalEndpoint).toBe('http://oscar.oscar.svc.cluster.local:8080');
    expect(construct.username).toBe('oscar');
  });

  test('the node port: another port and a given address, or none (in-cluster only); with a host, the route serves clients', () => {
    const given = manager({ nodePort: { port: 31000, address: '192.168.1.10' } });
    expect(given.values('oscar').service).toEqual({ type: 'NodePort', port: 8080, nodePort: 31000 });
    expect(given.construct.endpoint).toBe('http://192.168.1.10:31000');
    expect(given.json.data).toBeUndefined(); // no node lookup

    const inside = manager({ nodePort: false });
    expect(inside.values('oscar').service).toEqual({ type: 'ClusterIP', port: 8080 });
    expect(inside.construct.endpoint).toBe('http://oscar.oscar.svc.cluster.local:8080');
    expect(inside.construct.nodePort).toBeUndefined();

    const gateway = { name: 'g', namespace: 'n' };
    const routed = manager({ host: 'oscar.example.org', gateway });
    expect(routed.values('oscar').service).toEqual({ type: 'ClusterIP', port: 8080 });
    const both = manager({ host: 'oscar.example.org', gateway, nodePort: { address: 'node1.example.org' } });
    expect(both.values('oscar').service).toEqual({ type: 'NodePort', port: 8080, nodePort: 30301 });
    expect(both.construct.endpoint).toBe('http://oscar.example.org');
  });

  test('the basic-auth password is generated; both secrets are sensitive values, escaped for Helm\'s --set parser', () => {
    const { sensitive, resources, values, json: synthJson } = manager();
    const [password] = resources('terraform_data');
    password.ref = `terraform_data.${Object.keys(synthJson.resource.terraform_data)[0]}.output["value"]`;
    expect({ input: password.input,
      lifecycle: password.lifecycle}).toEqual({ input: { value: '${sensitive(replace(uuid(), "-", ""))}' }, lifecycle: { ignore_changes: ['input'] } });
    expect(sensitive('oscar')).toEqual({
      // As HCL: replace(replace(<password>, "\\", "\\\\"), ",", "\\,"), the escaped literals standing for \, \\ and \,
      authPass: String.raw`${'$'}{replace(replace(${password.ref}, "\\", "\\\\"), ",", "\\,")}`,
      'minIO.secretKey': 'pa\\,ss\\\\word',
    });
    expect(values('oscar')).not.toHaveProperty('authPass');
    expect(values('oscar').minIO).not.toHaveProperty('secretKey');
  });

  test('a public host on a Traefik gateway: the chart\'s HTTPRoute, exposed services as HTTPRoutes, INGRESS_HOST', () => {
    const { construct, values } = manager({ host: 'oscar.example.org', gateway: { name: 'traefik-gateway', namespace: 'traefik' }, https: true });
    expect(values('oscar')).toMatchObject({
      ingress: { create: false, host: 'oscar.example.org' },
      httproute: { create: true, type: 'traefik', host: 'oscar.example.org', gateway: { name: 'traefik-gateway', namespace: 'traefik' } },
      exposedServices: { routeKind: 'httproute' },
    });
    expect(construct.endpoint).toBe('https://oscar.example.org');
    expect(manager({ host: 'oscar.example.org', gateway: { name: 'g', namespace: 'n' } }).construct.endpoint).toBe('http://oscar.example.org');
  });

  test('OIDC issuers, groups, subject and admins as chart values', () => {
    const { values } = manager({ oidc: { issuers: ['https://aai.egi.eu/auth/realms/egi', 'https://login.cloud.ai4eosc.eu/realms/ai4eosc'], groups: ['vo.ai4eosc.eu', 'ap-u'], subject: 'owner@egi.eu', admins: ['a@egi.eu', 'b@egi.eu'] } });
    expect(values('oscar')).toMatchObject({
      oidc: { enable: true, issuer: 'https://aai.egi.eu/auth/realms/egi,https://login.cloud.ai4eosc.eu/realms/ai4eosc', groups: 'vo.ai4eosc.eu,ap-u', subject: 'owner@egi.eu' },
      UsersAdmin: 'a@egi.eu,b@egi.eu',
    });
  });

  test('allowed images: the ConfigMap the manager reads, created before the chart', () => {
    const { resources, release } = manager({ allowedImagePrefixes: ['ghcr.io/grycap/', 'docker.io/library/'] });
    const [configMap] = resources('kubernetes_config_map_v1');
    expect(configMap.metadata.name).toBe('config.yaml');
    expect(configMap.metadata.namespace).toMatch(/kubernetes_namespace_v1\./);
    expect(JSON.parse(configMap.data.allowed_image_repositories)).toEqual(['ghcr.io/grycap/', 'docker.io/library/']);
    expect(release('oscar').depends_on).toEqual([expect.stringMatching(/^kubernetes_config_map_v1\./)]);
  });

  test('other options: plain Jobs backend, user, namespaces, timeout, resource manager off, supervisor, CORS origins, chart mirror', () => {
    const { values, release, construct } = manager({
      knative: false, username: 'admin', namespace: 'oscar-system', servicesNamespace: 'oscar-services', requestTimeoutSeconds: 900, resourceManager: false,
      supervisorVersion: '1.6.3', exposedServicesCorsOrigins: ['https://dashboard.example.org'], chart: { repository: 'https://mirror.example.org/charts', imageTag: '4.1.3' }, wait: false,
    });
    expect(release('oscar')).toMatchObject({ repository: 'https://mirror.example.org/charts', wait: false, wait_for_jobs: false });
    expect(values('oscar')).toMatchObject({
      image: { tag: '4.1.3' }, authUser: 'admin', serverlessBackend: '', readTimeout: 900, writeTimeout: 900, resourceManager: { enable: false },
      volume: { storageClassName: 'nfs', supervisorVersion: '1.6.3' }, ingressServices: { corsAllowedOrigins: 'https://dashboard.example.org' },
    });
    expect(construct.internalEndpoint).toBe('http://oscar.oscar-system.svc.cluster.local:8080');
  });

  test('volume defaults, metrics, the re-scheduler and MinIO quotas: the chart values behind the variables the manager reads', () => {
    const { values } = manager({
      volumes: { availablePerUser: '20Gi', maxVolumes: 3 },
      metrics: { prometheusUrl: 'http://prometheus-server.monitoring', lokiUrl: 'http://loki.monitoring:3100', lokiExposedNamespace: 'traefik' },
      reScheduler: { thresholdSeconds: 60 },
      minioQuota: { storage: '50Gi' },
    });
    expect(values('oscar')).toMatchObject({
      // VOLUME_AVAILABLE, VOLUME_MAX, VOLUME_MAX_DISK, VOLUME_MIN_DISK (the manager's defaults for what is not given)
      volume: { storageClassName: 'nfs', default: { available: '20Gi', max: '3', max_disk: '5Gi', min_disk: '200Mi' } },
      prometheus: { url: 'http://prometheus-server.monitoring' },
      loki: { url: 'http://loki.monitoring:3100', exposedNamespace: 'traefik' },
      reScheduler: { enable: true, interval: 15, threshold: 60 },
      minIO: { quota: { enabled: 'true', buckets: '5', storage: '50Gi' } },
    });
    // Off by default, as in the chart: none of these values is rendered.
    const plain = manager().values('oscar');
    expect([plain.prometheus, plain.loki, plain.reScheduler, plain.minIO.quota, plain.volume.default].filter((v) => v !== undefined)).toEqual([]);
  });

  describe('validation', () => {
    test.each<[string, Partial<OscarManagerProps>, RegExp]>([
      ['volume size', { volumes: { maxSize: '5 GB' } }, /Oscar: volumes\.maxSize: '5 GB' is not a Kubernetes quantity/],
      ['volume count', { volumes: { maxVolumes: 0 } }, /Oscar: volumes\.maxVolumes: 0 is not a whole number ≥ 1/],
      ['Prometheus URL', { metrics: { prometheusUrl: 'prometheus:9090' } }, /Oscar: metrics\.prometheusUrl: 'prometheus:9090' is not an http:\/\/ or https:/],
      ['re-scheduler threshold', { reScheduler: { thresholdSeconds: 1.5 } }, /Oscar: reScheduler\.thresholdSeconds: 1\.5 is not a whole number ≥ 1/],
      ['MinIO quota', { minioQuota: { storage: 'lots' } }, /Oscar: minioQuota\.storage: 'lots' is not a Kubernetes quantity/],
      ['username with a colon', { username: 'a:b' }, /Oscar: username: 'a:b' cannot be a basic-auth user\. Fix: give a non-empty name without ":"/],
      ['empty username', { username: '' }, /Oscar: username: '' cannot be a basic-auth user/],
      ['timeout', { requestTimeoutSeconds: 0 }, /Oscar: requestTimeoutSeconds: 0 is not a whole number ≥ 1/],
      ['host', { host: 'oscar.example.org/' }, /Oscar: host: 'oscar\.example\.org\/' is not a host name/],
      ['supervisorVersion', { supervisorVersion: 'v1.6.2' }, /Oscar: supervisorVersion: 'v1\.6\.2' is not a FaaS Supervisor release/],
      ['no issuers', { oidc: { issuers: [], groups: ['vo'] } }, /Oscar: oidc\.issuers: is empty/],
      ['issuer not a URL', { oidc: { issuers: ['aai.egi.eu'], groups: ['vo'] } }, /Oscar: oidc\.issuers\[0\]: 'aai\.egi\.eu' is not an http:\/\/ or https:\/\/ URL/],
      ['no groups', { oidc: { issuers: ['https://aai.egi.eu/auth/realms/egi'], groups: [] } }, /Oscar: oidc\.groups: is empty, so no OIDC user would be allowed in/],
      ['comma in a group', { oidc: { issuers: ['https://aai.egi.eu/auth/realms/egi'], groups: ['a,b'] } }, /Oscar: oidc\.groups: 'a,b' is empty or holds a comma/],
      ['empty admin', { oidc: { issuers: ['https://aai.egi.eu/auth/realms/egi'], groups: ['vo'], admins: [''] } }, /Oscar: oidc\.admins: '' is empty or holds a comma/],
      ['services namespace', { servicesNamespace: 'oscar_svc' }, /Oscar: servicesNamespace: 'oscar_svc' is not a valid namespace name/],
      ['node port', { nodePort: { port: 70000 } }, /Oscar: nodePort\.port: 70000 is not a whole number from 1 to 65535/],
      ['node address', { nodePort: { address: 'http://10.0.0.5' } }, /Oscar: nodePort\.address: 'http:\/\/10\.0\.0\.5' is not a host name/],
    ])('%s', (_rule, props, message) => {
      expect(() => manager(props)).toThrow(message);
    });
  });
});
