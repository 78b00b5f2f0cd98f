import { CertificateIssuer } from '../../src/platform/cert-manager';
import { GatewayChoice, KnativeChoice } from '../../src/platform/component-choices';
import { Kserve } from '../../src/platform/kserve';
import { OscarManager } from '../../src/platform/oscar-manager';
import { OscarPlatform } from '../../src/platform/oscar-platform';
import { Minio } from '../../src/platform/minio';
import { gatewayApiManifestFixture, synthesized, testStack } from '../support/platform';

const traefik = () => GatewayChoice.traefik({ gatewayApiCrds: { manifestFile: gatewayApiManifestFixture() } });

describe('Kserve', () => {
  test('defaults: its CRD chart, then its controller in Standard mode with Gateway API routes through the given Gateway, in namespace kserve', () => {
    // WHEN
    const stack = testStack();
    new Kserve(stack, 'Kserve', { gateway: { name: 'traefik-gateway', namespace: 'traefik' }, after: [], wait: true });
    // THEN
    const { release, values, address, resources } = synthesized(stack);
    expect(release('kserve-crd')).toMatchObject({ repository: 'oci://ghcr.io/kserve/charts', chart: 'kserve-crd', version: 'v0.16.0' });
    expect(release('kserve')).toMatchObject({ repository: 'oci://ghcr.io/kserve/charts', chart: 'kserve', version: 'v0.16.0', wait: true });
    expect(release('kserve').depends_on).toEqual([address('kserve-crd')]);
    expect(values('kserve')).toEqual({
      kserve: {
        controller: {
          deploymentMode: 'Standard', image: 'kserve/kserve-controller', tag: 'v0.16.0',
          gateway: {
            disableIstioVirtualHost: true,
            ingressGateway: { enableGatewayApi: true, kserveGateway: 'traefik/traefik-gateway', createGateway: false },
          },
        },
      },
    });
    expect(resources('kubernetes_namespace_v1').map((n) => n.metadata)).toEqual([{ name: 'kserve',
      labels: { 'app.kubernetes.io/managed-by': 'oscar-cdktf', 'cert-manager.io/disable-validation': 'true' } }]);
    expect(release('kserve-crd').wait).toBe(true); // established CRDs, which the controller's chart needs
  });

  test('a cluster that runs KServe: nothing installed', () => {
    const stack = testStack();
    const kserve = new Kserve(stack, 'Kserve', { existing: true, gateway: { name: 'g', namespace: 'n' }, after: [], wait: true });
    expect(synthesized(stack).releases).toEqual([]);
    expect(kserve.release).toBeUndefined();
  });

  describe('on the platform', () => {
    test('the manager reads KSERVE_ENABLE through its chart, with the Gateway API routes KServe needs; cert-manager is installed for KServe', () => {
      // WHEN
      const stack = testStack();
      const platform = new OscarPlatform(stack, 'Oscar', { host: 'oscar.example.org', gateway: traefik(), kserve: {} });
      // THEN
      const { release, values, address } = synthesized(stack);
      expect(values('oscar')).toMatchObject({ kserve: { enable: 'true' }, serverlessBackend: 'knative', exposedServices: { routeKind: 'httproute' } });
      expect(values('kserve').kserve.controller.gateway.ingressGateway.kserveGateway).toBe('traefik/traefik-gateway');
      // cert-manager without a ClusterIssuer nor Gateway API support: it only signs KServe's webhook certificate.
      expect(platform.kserveCertManager?.release).toBeDefined();
      expect(values('cert-manager').config.gatewayAPI).toEqual({ enabled: false });
      expect(release('kserve').depends_on).toEqual([address('kserve-crd'), address('cert-manager')]);
      expect(synthesized(stack).releases.filter((r) => r.name === 'oscar-cluster-issuer')).toEqual([]);
    });

    test('with the platform\'s TLS, KServe uses its cert-manager: one cert-manager in all', () => {
      const stack = testStack();
      const platform = new OscarPlatform(stack, 'Oscar', {
        host: 'oscar.example.org', gateway: traefik(), tls: { certManager: { issuer: CertificateIssuer.selfSigned() } }, kserve: {},
      });
      const { releases, release, address } = synthesized(stack);
      expect(releases.filter((r) => r.name === 'cert-manager')).toHaveLength(1);
      expect(platform.kserveCertManager).toBeUndefined();
      expect(release('kserve').depends_on).toEqual([address('kserve-crd'), address('cert-manager')]);
    });

    test('cert-manager the cluster runs already (certManager.install false) and an existing KServe install nothing', () => {
      const stack = testStack();
      new OscarPlatform(stack, 'Oscar', { host: 'oscar.example.org', gateway: traefik(), kserve: { certManager: { install: false } } });
      expect(synthesized(stack).releases.map((r) => r.name)).not.toContain('cert-manager');
      expect(synthesized(stack).release('kserve').depends_on).toHaveLength(1);

      const existing = testStack();
      new OscarPlatform(existing, 'Oscar', { host: 'oscar.example.org', gateway: traefik(), kserve: { existing: true } });
      const names = synthesized(existing).releases.map((r) => r.name);
      expect(names).not.toEqual(expect.arrayContaining(['kserve']));
      expect(names).not.toContain('cert-manager');
      expect(synthesized(existing).values('oscar').kserve).toEqual({ enable: 'true' });
    });

    test('off by default, as in the oscar chart', () => {
      const stack = testStack();
      new OscarPlatform(stack, 'Oscar');
      const { releases, values } = synthesized(stack);
      expect(values('oscar').kserve).toBeUndefined();
      expect(releases.map((r) => r.name)).not.toContain('kserve');
    });

    test.each([
      ['no gateway', {}],
      ['no host', { gateway: traefik() }],
      ['no Knative', { host: 'oscar.example.org', gateway: traefik(), knative: KnativeChoice.none() }],
    ])('%s: refused at synth, with the way out', (_case, props) => {
      expect(() => new OscarPlatform(testStack(), 'Oscar', { ...props, kserve: {} }))
        .toThrow(/Oscar: kserve: needs Knative, a gateway and a host: the manager v4\.1\.2 serves KServe models only .* Fix: give gateway \(with host\)/);
    });
  });

  test('OscarManager used directly refuses kserve without Knative and Gateway API routes', () => {
    const stack = testStack();
    const minio = Minio.fromExisting(stack, 'Minio', { endpoint: 'http://minio:9000', rootUser: 'minio-root', rootPassword: 'a-long-password' });
    expect(() => new OscarManager(stack, 'Manager', { minio, storageClassName: 'nfs', knative: true, kserve: true, after: [], wait: true }))
      .toThrow(/Manager: kserve: needs Knative and a gateway with a host/);
  });
});
