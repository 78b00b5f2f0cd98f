import { CertificateIssuer } from '../../src/platform/cert-manager';
import { GatewayServiceType, Traefik, type TraefikProps } from '../../src/platform/traefik';
import { gatewayApiManifestFixture, synthesized, testStack } from '../support/platform';

function traefik(props: Partial<TraefikProps> = {}) {
  const stack = testStack();
  const construct = new Traefik(stack, 'Traefik', { wait: true, gatewayApiCrds: { manifestFile: gatewayApiManifestFixture() }, ...props });
  return { construct, ...synthesized(stack) };
}

describe('Traefik', () => {
  test('defaults: Gateway API CRDs first, then Traefik with the Gateway OSCAR expects, HTTP only, LoadBalancer, no IngressClass', () => {
    // WHEN
    const { construct, release, values, address } = traefik();
    // THEN
    expect(construct.gateway).toEqual({ name: 'traefik-gateway', namespace: 'traefik' });
    expect(construct.https).toBe(false);
    expect(release('gateway-api-crds')).toMatchObject({ chart: expect.stringMatching(/^assets\//), version: '1.5.1', namespace: 'kube-system', wait: false });
    expect(release('gateway-api-crds').repository).toBeUndefined();
    expect(release('traefik')).toMatchObject({ repository: 'https://traefik.github.io/charts', chart: 'traefik', version: '41.3.0', depends_on: [address('gateway-api-crds')] });
    expect(values('traefik')).toEqual({
      image: { registry: 'docker.io', repository: 'traefik', tag: 'v3.7.11' },
      providers: { kubernetesGateway: { enabled: true }, kubernetesCRD: { allowCrossNamespace: true } },
      ingressClass: { enabled: false },
      gateway: { name: 'traefik-gateway', listeners: { web: { port: 8000, protocol: 'HTTP', namespacePolicy: { from: 'All' } } } },
      service: { spec: { type: 'LoadBalancer' } },
      ports: { web: {}, websecure: {} },
    });
  });

  test('node ports', () => {
    const { values } = traefik({ serviceType: GatewayServiceType.NODE_PORT, nodePorts: { http: 30080, https: 30443 } });
    expect(values('traefik')).toMatchObject({ service: { spec: { type: 'NodePort' } }, ports: { web: { nodePort: 30080 }, websecure: { nodePort: 30443 } } });
  });

  test('TLS from an existing Secret: an HTTPS listener for the host', () => {
    const { construct, values } = traefik({ host: 'oscar.example.org', tls: { secretName: 'oscar-tls' } });
    expect(construct.https).toBe(true);
    expect(values('traefik').gateway.listeners.websecure).toEqual({
      port: 8443, protocol: 'HTTPS', hostname: 'oscar.example.org', namespacePolicy: { from: 'All' }, certificateRefs: [{ kind: 'Secret', name: 'oscar-tls' }],
    });
    expect(values('traefik').gateway.annotations).toBeUndefined();
  });

  test('TLS from cert-manager and Let\'s Encrypt: cert-manager after the CRDs, the issuer after cert-manager, the Gateway annotated', () => {
    const { values, release,
      address} = traefik({ host: 'oscar.example.org', tls: { certManager: { issuer: CertificateIssuer.letsEncrypt({ email: 'ops@example.org' }) } } });
    const gateway = values('traefik').gateway;
    expect(gateway.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'letsencrypt' });
    expect(gateway.listeners.websecure.certificateRefs).toEqual([{ kind: 'Secret', name: 'oscar-example-org-tls' }]);
    expect(release('cert-manager')).toMatchObject({ repository: 'https://charts.jetstack.io', version: 'v1.21.2', depends_on: [address('gateway-api-crds')] });
    expect(values('cert-manager')).toMatchObject({
      crds: { enabled: true, keep: false },
      imageRegistry: 'quay.io', imageNamespace: 'jetstack', image: { tag: 'v1.21.2' }, webhook: { image: { tag: 'v1.21.2' } },
      startupapicheck: { enabled: true },
      config: { apiVersion: 'controller.config.cert-manager.io/v1alpha1', kind: 'ControllerConfiguration', gatewayAPI: { enabled: true } },
    });
    expect(release('oscar-cluster-issuer').depends_on).toEqual([address('gateway-api-crds'), address('cert-manager')]);
    expect(values('oscar-cluster-issuer').objects).toEqual([{
      apiVersion: 'cert-manager.io/v1', kind: 'ClusterIssuer', metadata: { name: 'letsencrypt' },
      spec: { acme: {
        server: 'https://acme-v02.api.letsencrypt.org/directory', email: 'ops@example.org', privateKeySecretRef: { name: 'letsencrypt-account-key' },
        solvers: [{ http01: { gatewayHTTPRoute: { parentRefs: [{ name: 'traefik-gateway', namespace: 'traefik', kind: 'Gateway' }] } } }],
      } },
    }]);
    expect(release('traefik').depends_on).toEqual([address('gateway-api-crds'), address('cert-manager')]);
  });

  test('extra hosts (MinIO\'s): an HTTPS listener each, with a certificate of its own from cert-manager, or the given Secret', () => {
    const extraHosts = ['minio.oscar.example.org', 'console.minio.oscar.example.org'];
    const listener = (hostname: string, secret: string) => ({
      port: 8443, protocol: 'HTTPS', hostname, namespacePolicy: { from: 'All' }, certificateRefs: [{ kind: 'Secret', name: secret }] });
    const issued = traefik({ host: 'oscar.example.org', extraHosts, tls: { certManager: { issuer: CertificateIssuer.existing('ca') } } });
    expect(issued.values('traefik').gateway.listeners).toEqual({
      web: { port: 8000, protocol: 'HTTP', namespacePolicy: { from: 'All' } },
      websecure: listener('oscar.example.org', 'oscar-example-org-tls'),
      'websecure-1': listener('minio.oscar.example.org', 'minio-oscar-example-org-tls'),
      'websecure-2': listener('console.minio.oscar.example.org', 'console-minio-oscar-example-org-tls'),
    });
    const given = traefik({ host: 'oscar.example.org', extraHosts, tls: { secretName: 'wildcard-tls' } });
    expect(Object.values(given.values('traefik').gateway.listeners).slice(1).map((l: any) => l.certificateRefs[0].name)).toEqual(Array(3).fill('wildcard-tls'));
    // Without TLS the HTTP listener serves every host.
    expect(Object.keys(traefik({ host: 'oscar.example.org', extraHosts }).values('traefik').gateway.listeners)).toEqual(['web']);
    expect(() => traefik({ extraHosts: ['minio example'] })).toThrow(/Traefik: extraHosts\[0\]: /);
  });

  test('Let\'s Encrypt staging, self-signed and existing issuers', () => {
    const staging = traefik({ host: 'oscar.example.org',
      tls: { certManager: { issuer: CertificateIssuer.letsEncrypt({ email: 'ops@example.org', staging: true }) } }});
    expect(staging.values('oscar-cluster-issuer').objects[0].spec.acme.server).toBe('https://acme-staging-v02.api.letsencrypt.org/directory');
    const selfSigned = traefik({ host: 'oscar.example.org', tls: { certManager: { issuer: CertificateIssuer.selfSigned() } } });
    expect(selfSigned.values('oscar-cluster-issuer').objects).toEqual([{ apiVersion: 'cert-manager.io/v1', kind: 'ClusterIssuer',
      metadata: { name: 'selfsigned' }, spec: { selfSigned: {} }}]);
    const existing = traefik({ host: 'oscar.example.org', tls: { certManager: { issuer: CertificateIssuer.existing('corporate-ca'), install: false } } });
    expect(existing.releases.map((r) => r.name).sort()).toEqual(['gateway-api-crds', 'traefik']);
    expect(existing.values('traefik').gateway.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'corporate-ca' });
  });

  test('cert-manager already installed, issuer created here: the issuer waits for the CRDs only', () => {
    const { releases, release,
      address} = traefik({ host: 'oscar.example.org', tls: { certManager: { issuer: CertificateIssuer.selfSigned(), install: false } } });
    expect(releases.map((r) => r.name).sort()).toEqual(['gateway-api-crds', 'oscar-cluster-issuer', 'traefik']);
    expect(release('oscar-cluster-issuer')).toMatchObject({ namespace: 'cert-manager', depends_on: [address('gateway-api-crds')] });
  });

  test('without waiting for pods, cert-manager\'s start-up check Job is left out (it would never finish)', () => {
    const { values } = traefik({ wait: false, host: 'oscar.example.org', tls: { certManager: { issuer: CertificateIssuer.selfSigned() } } });
    expect(values('cert-manager').startupapicheck).toEqual({ enabled: false, image: { tag: 'v1.21.2' } });
  });

  test('Gateway API CRDs already in the cluster', () => {
    const { releases, release } = traefik({ gatewayApiCrds: false });
    expect(releases.map((r) => r.name)).toEqual(['traefik']);
    expect(release('traefik').depends_on).toBeUndefined();
  });

  describe('validation', () => {
    test.each<[string, Partial<TraefikProps>, RegExp]>([
      ['host', { host: 'https://oscar.example.org' }, /Traefik: host: 'https:\/\/oscar\.example\.org' is not a host name\. Fix: give the DNS name only/],
      ['serviceType', { serviceType: 'External' as GatewayServiceType }, /Traefik: serviceType: 'External' is not a service type\. Fix: use one of LoadBalancer, NodePort, ClusterIP/],
      ['nodePorts without NodePort', { nodePorts: { http: 30080 } }, /Traefik: nodePorts: are given, but serviceType is LoadBalancer\. Fix: set serviceType to NodePort/],
      ['nodePort range', { serviceType: GatewayServiceType.NODE_PORT, nodePorts: { https: 70000 } }, /Traefik: nodePorts\.https: 70000 is not a whole number from 1 to 65535/],
      ['tls with both sources', { host: 'a.example.org', tls: { secretName: 's', certManager: { issuer: CertificateIssuer.selfSigned() } } }, /Traefik: tls: needs exactly one of secretName and certManager/],
      ['tls with no source', { host: 'a.example.org', tls: {} }, /Traefik: tls: needs exactly one of secretName and certManager/],
      ['tls without host', { tls: { secretName: 's' } }, /Traefik: tls: is given without a host name\. Fix: give host/],
      ['no Gateway API CRDs', { gatewayApiCrds: undefined }, /Traefik: gatewayApiCrds: is not given\. Fix: download https:\/\/github\.com\/kubernetes-sigs\/gateway-api\/releases\/download\/v1\.5\.1\/standard-install\.yaml and give it as gatewayApiCrds\.manifestFile, or set gatewayApiCrds to false/],
      ['unreadable manifest', { gatewayApiCrds: { manifestFile: '/nonexistent.yaml' } }, /GatewayApiCrds: manifestFile: cannot read '\/nonexistent\.yaml'\. Fix: download https:/],
    ])('%s', (_rule, props, message) => {
      expect(() => traefik(props)).toThrow(message);
    });

    test('issuers', () => {
      expect(() => CertificateIssuer.letsEncrypt({ email: 'ops' })).toThrow(/CertificateIssuer\.letsEncrypt: email: 'ops' is not an e-mail address/);
      expect(() => CertificateIssuer.existing(' ')).toThrow(/CertificateIssuer\.existing: clusterIssuerName: is empty/);
    });
  });
});
