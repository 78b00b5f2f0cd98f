// The OSCAR platform deployed for real: the synthesized platform stack (existing-cluster target) is
// applied by OpenTofu with the kubernetes and helm providers (built from the Go module proxy) to a
// kube-apiserver on etcd. Every chart is the real one, given as a local folder (no chart repository is
// reachable here), as an air-gapped site would. No pods run here, so releases are installed without
// waiting for them; what is checked is what the charts, with the values the constructs render, create.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from '../../src/private/cdktf';
import { ClusterConnection } from '../../src/cluster/connection';
import { CertificateIssuer } from '../../src/platform/cert-manager';
import { GatewayChoice, KnativeChoice, MinioChoice } from '../../src/platform/component-choices';
import { RwxStorage } from '../../src/platform/rwx-storage';
import { GatewayServiceType } from '../../src/platform/traefik';
import { ClusterStack } from '../../src/stacks/cluster-stack';
import { PlatformStack } from '../../src/stacks/platform-stack';
import { Etcd, KubeApiServer } from '../support/control-plane';
import { tempDir } from '../support/fdl';
import { chartDir, gatewayApiManifest, testBinary, type TestChart, writeProviderOverrides } from '../support/testenv';

jest.setTimeout(600_000);

// The namespace controller finalizes deleted namespaces (so destroy can finish), the PVC and PV
// protection controllers release the claims no pod uses, the garbage collector removes objects owned by
// deleted ones, and the service-account controller makes default accounts.
const CONTROLLERS = ['namespace', 'pvc-protection', 'pv-protection', 'garbagecollector', 'serviceaccount'];
const NAMESPACES = ['oscar', 'oscar-svc', 'minio', 'knative-operator', 'knative-serving', 'traefik', 'cert-manager', 'kueue-system', 'kserve'];
const HOST = 'oscar.example.test';
/** MinIO's public hosts, as the IM/TOSCA template names them. */
const MINIO_HOSTS = { api: `minio.${HOST}`, console: `console.minio.${HOST}` };

const local = (chart: TestChart) => ({ repository: '', chart: chartDir(chart) });
const env = (deployment: any) => Object.fromEntries(deployment.spec.template.spec.containers[0].env.map((e: any) => [e.name, e.value ?? e.valueFrom]));
const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

describe('the OSCAR platform on an existing cluster, applied by OpenTofu with the real providers and charts', () => {
  let etcd: Etcd;
  let server: KubeApiServer;
  let tofu: (...args: string[]) => string;
  let stackDir: string;
  const get = async (urlPath: string) => {
    const res = await server.request('GET', urlPath);
    if (res.status !== 200) throw new Error(`GET ${urlPath}: ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
    return res.json;
  };
  const status = async (urlPath: string) => (await server.request('GET', urlPath)).status;

  beforeAll(async () => {
    const outdir = tempDir();
    etcd = await Etcd.start(outdir);
    server = await KubeApiServer.start(etcd, { controllers: CONTROLLERS });
    const app = new App({ outdir });
    const cluster = new ClusterStack(app, 'cluster', { existing: { connection: ClusterConnection.fromKubeconfig(server.writeKubeconfig()) } });
    new PlatformStack(app, 'platform', {
      cluster: cluster.cluster,
      platform: {
        host: HOST,
        // cert-manager's chart installed for real; the issuer is one the cluster has (a new ClusterIssuer
        // would go through cert-manager's webhook, which needs its pod).
        tls: { certManager: { issuer: CertificateIssuer.existing('corporate-ca') } },
        // No NFS provisioner chart is obtainable here; a class name is what OSCAR's claims get.
        storage: RwxStorage.existingClass('nfs'),
        minio: MinioChoice.install({ publicHosts: MINIO_HOSTS }),
        gateway: GatewayChoice.traefik({
          serviceType: GatewayServiceType.NODE_PORT, nodePorts: { http: 30080, https: 30443 }, gatewayApiCrds: { manifestFile: gatewayApiManifest() },
        }),
        kueue: { defaultQuota: { cpu: '4', gpu: 2 } },
        kserve: {},
        knative: KnativeChoice.install({ autoscaler: { scaleToZeroGracePeriod: '45s', initialScale: 1, maxScaleLimit: 20 } }),
        oscar: {
          oidc: { issuers: ['https://aai.egi.eu/auth/realms/egi'], groups: ['vo.ai4eosc.eu', 'vo.imagine-ai.eu'], admins: ['admin@egi.eu'] },
          allowedImagePrefixes: ['ghcr.io/grycap/', 'docker.io/library/'],
          volumes: { availablePerUser: '20Gi', maxVolumes: 3 },
          metrics: { prometheusUrl: 'http://prometheus-server.monitoring', lokiUrl: 'http://loki.monitoring:3100' },
          reScheduler: { thresholdSeconds: 60 },
          minioQuota: { storage: '50Gi' },
        },
        versions: {
          oscar: local('oscar-chart'),
          minio: local('minio-chart'),
          knativeOperator: local('knative-operator-chart'),
          traefik: local('traefik-chart'),
          metricsServer: local('metrics-server-chart'),
          certManager: local('cert-manager-chart'),
          kueue: local('kueue-chart'),
          kserve: local('kserve-chart'),
          kserveCrd: local('kserve-crd-chart'),
        },
        waitForPods: false,
      },
    });
    app.synth();
    stackDir = path.join(outdir, 'stacks', 'platform');
    // Providers under dev_overrides are used without `tofu init`; only the backend would need it.
    const configFile = path.join(stackDir, 'cdk.tf.json');
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    delete config.terraform.backend;
    fs.writeFileSync(configFile, JSON.stringify(config));
    const cliConfig = writeProviderOverrides(outdir, ['kubernetes', 'helm']);
    tofu = (...args: string[]) => execFileSync(testBinary('tofu'), [...args, ...(args[0] === 'output' ? [] : ['-input=false']), '-no-color'], {
      cwd: stackDir,
      env: { ...process.env, TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: cliConfig, HELM_CACHE_HOME: outdir, HELM_CONFIG_HOME: outdir, HELM_DATA_HOME: outdir },
      encoding: 'utf8',
      stdio: 'pipe',
      maxBuffer: 64 * 1024 * 1024,
    });
    try {
      tofu('apply', '-auto-approve');
    } catch (e) {
      throw new Error(`tofu apply failed:\n${(e as { stderr?: string }).stderr ?? e}`, { cause: e });
    }
  });
  afterAll(async () => {
    await server?.stop();
    await etcd?.stop();
  });

  test('the namespaces exist, the OSCAR services namespace included (the chart does not create it)', async () => {
    for (const ns of NAMESPACES) expect(await status(`/api/v1/namespaces/${ns}`)).toBe(200);
  });

  test('the manager runs the pinned image with the endpoint and generated credentials of the MinIO installed', async () => {
    const deployment = await get('/apis/apps/v1/namespaces/oscar/deployments/oscar');
    const container = deployment.spec.template.spec.containers[0];
    expect(container.image).toBe('ghcr.io/grycap/oscar:4.1.2');
    expect(container.imagePullPolicy).toBe('IfNotPresent');
    expect(deployment.spec.template.spec.serviceAccountName).toBe('oscar-sa');
    const vars = env(deployment);
    expect(vars).toMatchObject({
      OSCAR_USERNAME: 'oscar',
      OSCAR_NAMESPACE: 'oscar',
      OSCAR_SERVICES_NAMESPACE: 'oscar-svc',
      SERVERLESS_BACKEND: 'knative',
      MINIO_ENDPOINT: 'http://minio.minio.svc.cluster.local:9000',
      MINIO_ACCESS_KEY: 'minio',
      MINIO_TLS_VERIFY: 'true',
      STORAGE_CLASS_NAME: 'nfs',
      RESOURCE_MANAGER_ENABLE: 'true',
      KUEUE_ENABLE: 'true', KUEUE_DEFAULT_CPU: '4', KUEUE_DEFAULT_MEMORY: '2Gi', KUEUE_DEFAULT_GPU: '2', KUEUE_DEFAULT_EPHEMERAL_STORAGE: '1Gi',
      KUEUE_DEFAULT_FLAVOR: 'oscar-default-flavor',
      KSERVE_ENABLE: 'true',
      INGRESS_HOST: HOST,
      EXPOSED_SERVICES_ROUTE_KIND: 'httproute',
      HTTPROUTE_GATEWAY_NAME: 'traefik-gateway',
      HTTPROUTE_GATEWAY_NAMESPACE: 'traefik',
      OIDC_ENABLE: 'true',
      OIDC_ISSUERS: 'https://aai.egi.eu/auth/realms/egi',
      OIDC_GROUPS: 'vo.ai4eosc.eu,vo.imagine-ai.eu',
      USERS_ADMIN: 'admin@egi.eu',
      // Each typed option, under the name pkg/types/config.go of the manager v4.1.2 reads.
      VOLUME_AVAILABLE: '20Gi', VOLUME_MAX: '3', VOLUME_MAX_DISK: '5Gi', VOLUME_MIN_DISK: '200Mi',
      PROMETHEUS_URL: 'http://prometheus-server.monitoring', LOKI_URL: 'http://loki.monitoring:3100',
      RESCHEDULER_ENABLE: 'true', RESCHEDULER_INTERVAL: '15', RESCHEDULER_THRESHOLD: '60',
      MINIO_QUOTA_ENABLED: 'true', MINIO_QUOTA_BUCKETS: '5', MINIO_QUOTA_STORAGE: '50Gi',
    });
    // The generated password is the one the stack outputs for the services stack.
    expect(vars.OSCAR_PASSWORD).toMatch(/^[0-9a-f]{32}$/);
    expect(tofu('output', '-raw', 'oscar_password')).toBe(vars.OSCAR_PASSWORD);
    // MinIO's root password, generated once, reaches both MinIO's Secret and the manager.
    const credentials = await get('/api/v1/namespaces/minio/secrets/minio-root-credentials');
    expect(decode(credentials.data.rootUser)).toBe('minio');
    expect(decode(credentials.data.rootPassword)).toMatch(/^[0-9a-f]{32}$/);
    expect(vars.MINIO_SECRET_KEY).toBe(decode(credentials.data.rootPassword));
    expect(vars.MINIO_SECRET_KEY).not.toBe(vars.OSCAR_PASSWORD);
    const chartSecret = await get('/api/v1/namespaces/oscar-svc/secrets/minio');
    expect(decode(chartSecret.data.secretKey)).toBe(vars.MINIO_SECRET_KEY);
  });

  test('no secret is written to the synthesized configuration', async () => {
    const deployment = await get('/apis/apps/v1/namespaces/oscar/deployments/oscar');
    const { OSCAR_PASSWORD, MINIO_SECRET_KEY } = env(deployment);
    const config = fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8');
    expect(config).not.toContain(OSCAR_PASSWORD);
    expect(config).not.toContain(MINIO_SECRET_KEY);
  });

  test('MinIO: one standalone server, pinned image, credentials from the generated Secret, no post-install Job', async () => {
    const deployment = await get('/apis/apps/v1/namespaces/minio/deployments/minio');
    const container = deployment.spec.template.spec.containers[0];
    expect(deployment.spec.replicas).toBe(1);
    expect(container.image).toBe('quay.io/minio/minio:RELEASE.2024-12-18T13-15-44Z');
    expect(container.resources.requests.memory).toBe('512Mi');
    const vars = env(deployment);
    expect(vars.MINIO_ROOT_PASSWORD).toEqual({ secretKeyRef: { name: 'minio-root-credentials', key: 'rootPassword' } });
    // The console is served (its public host is given), and told its public URL.
    expect(vars.MINIO_BROWSER).toBeUndefined();
    expect(vars.MINIO_BROWSER_REDIRECT_URL).toBe(`https://${MINIO_HOSTS.console}`);
    expect((await get('/api/v1/namespaces/minio/persistentvolumeclaims/minio')).spec.resources.requests.storage).toBe('10Gi');
    expect((await get('/apis/batch/v1/namespaces/minio/jobs')).items).toEqual([]);
    expect((await get('/api/v1/namespaces/minio/services/minio')).spec.ports[0].port).toBe(9000);
  });

  test('MinIO\'s public hosts: HTTPRoutes from the gateway to the API and the console, and the URLs as outputs', async () => {
    const route = async (name: string) => (await get(`/apis/gateway.networking.k8s.io/v1/namespaces/minio/httproutes/${name}`)).spec;
    expect(await route('minio-api')).toMatchObject({ hostnames: [MINIO_HOSTS.api], parentRefs: [{ name: 'traefik-gateway', namespace: 'traefik' }],
      rules: [{ backendRefs: [expect.objectContaining({ name: 'minio', port: 9000 })] }] });
    expect(await route('minio-console')).toMatchObject({ hostnames: [MINIO_HOSTS.console], parentRefs: [{ name: 'traefik-gateway', namespace: 'traefik' }],
      rules: [{ backendRefs: [expect.objectContaining({ name: 'minio-console', port: 9001 })] }] });
    expect((await get('/api/v1/namespaces/minio/services/minio-console')).spec.ports[0].port).toBe(9001);
    expect(tofu('output', '-raw', 'minio_public_endpoint')).toBe(`https://${MINIO_HOSTS.api}`);
    expect(tofu('output', '-raw', 'minio_console_url')).toBe(`https://${MINIO_HOSTS.console}`);
  });

  test('Kueue: its controller with the pinned image and its v1beta2 API, installed after the manager', async () => {
    const deployment = await get('/apis/apps/v1/namespaces/kueue-system/deployments/kueue-controller-manager');
    expect(deployment.spec.template.spec.containers.map((c: any) => c.image)).toContain('registry.k8s.io/kueue/kueue:v0.17.0');
    const crd = await get('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/clusterqueues.kueue.x-k8s.io');
    expect(crd.spec.versions.map((v: any) => v.name)).toContain('v1beta2');
    // The manager's chart went in first: its populate Job exists (Kueue's webhooks, failing while Kueue's pod
    // does not serve, would have refused it).
    expect((await get('/apis/batch/v1/namespaces/oscar-svc/jobs')).items.map((j: any) => j.metadata.name)).toEqual([expect.stringContaining('populate')]);
    expect(await status('/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations/kueue-mutating-webhook-configuration')).toBe(200);
  });

  test('KServe: its CRDs, and its controller in Standard mode routing through the platform\'s Gateway, with the certificate of its webhooks', async () => {
    const crd = await get('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/inferenceservices.serving.kserve.io');
    expect(crd.spec.versions.map((v: any) => v.name)).toContain('v1beta1'); // the version the manager v4.1.2 creates
    const deployment = await get('/apis/apps/v1/namespaces/kserve/deployments/kserve-controller-manager');
    expect(deployment.spec.template.spec.containers.map((c: any) => c.image)).toContain('kserve/kserve-controller:v0.16.0');
    const config = (await get('/api/v1/namespaces/kserve/configmaps/inferenceservice-config')).data;
    expect(JSON.parse(config.deploy)).toEqual({ defaultDeploymentMode: 'Standard' });
    expect(JSON.parse(config.ingress))
      .toMatchObject({ enableGatewayApi: true, kserveIngressGateway: 'traefik/traefik-gateway', disableIstioVirtualHost: true });
    // The chart's Issuer and Certificate for its webhooks, through the platform's cert-manager.
    expect((await get('/apis/cert-manager.io/v1/namespaces/kserve/certificates/serving-cert')).spec.secretName).toBe('kserve-webhook-server-cert');
    expect(await status('/apis/cert-manager.io/v1/namespaces/kserve/issuers/selfsigned-issuer')).toBe(200);
    expect(await status('/apis/serving.kserve.io/v1alpha1/clusterservingruntimes/kserve-sklearnserver')).toBe(200);
  });

  test('Knative: the operator, and a KnativeServing with Kourier, the PVC flags and the autoscaler settings', async () => {
    expect(await status('/apis/apps/v1/namespaces/knative-operator/deployments/knative-operator')).toBe(200);
    const serving = await get('/apis/operator.knative.dev/v1beta1/namespaces/knative-serving/knativeservings/knative-serving');
    expect(serving.spec.version).toBe('1.23');
    expect(serving.spec.ingress.kourier).toEqual({ enabled: true, 'service-type': 'ClusterIP' });
    expect(serving.spec.config.features).toEqual({ 'kubernetes.podspec-persistent-volume-claim': 'enabled',
      'kubernetes.podspec-persistent-volume-write': 'enabled'});
    expect(serving.spec.config.network).toEqual({ 'ingress-class': 'kourier.ingress.networking.knative.dev' });
    expect(serving.spec.config.autoscaler).toEqual({ 'scale-to-zero-grace-period': '45s', 'initial-scale': '1', 'max-scale-limit': '20' });
  });

  test('the gateway: Traefik, the Gateway API CRDs, and the Gateway with an HTTPS listener whose certificate cert-manager issues', async () => {
    expect(await status('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/httproutes.gateway.networking.k8s.io')).toBe(200);
    const gateway = await get('/apis/gateway.networking.k8s.io/v1/namespaces/traefik/gateways/traefik-gateway');
    expect(gateway.metadata.annotations['cert-manager.io/cluster-issuer']).toBe('corporate-ca');
    const https = (name: string, hostname: string, secret: string) => expect.objectContaining({ name, port: 8443, protocol: 'HTTPS', hostname,
      allowedRoutes: { namespaces: { from: 'All' } }, tls: expect.objectContaining({ certificateRefs: [expect.objectContaining({ name: secret })] }) });
    expect(gateway.spec.listeners).toEqual([
      expect.objectContaining({ name: 'web', port: 8000, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } }),
      https('websecure', HOST, 'oscar-example-test-tls'),
      // MinIO's public hosts, each with a certificate of its own
      https('websecure-1', MINIO_HOSTS.api, 'minio-oscar-example-test-tls'),
      https('websecure-2', MINIO_HOSTS.console, 'console-minio-oscar-example-test-tls'),
    ]);
    const service = await get('/api/v1/namespaces/traefik/services/traefik');
    expect(service.spec.type).toBe('NodePort');
    expect(service.spec.ports.map((p: any) => p.nodePort).sort()).toEqual([30080, 30443]);
    expect((await get('/apis/apps/v1/namespaces/traefik/deployments/traefik')).spec.template.spec.containers[0].image).toBe('docker.io/traefik:v3.7.11');
    expect((await get('/apis/networking.k8s.io/v1/ingressclasses')).items).toEqual([]);
  });

  test('the manager is routed under the host name, with the chart\'s CORS middleware', async () => {
    const route = await get('/apis/gateway.networking.k8s.io/v1/namespaces/oscar/httproutes/oscar');
    expect(route.spec.hostnames).toEqual([HOST]);
    expect(route.spec.parentRefs).toEqual([expect.objectContaining({ name: 'traefik-gateway', namespace: 'traefik' })]);
    expect(route.spec.rules[0].backendRefs).toEqual([expect.objectContaining({ name: 'oscar', port: 8080 })]);
    expect(await status('/apis/traefik.io/v1alpha1/namespaces/oscar/middlewares/cors-allow-all')).toBe(200);
  });

  test('the shared volume claims the RWX class, and the allowed images are where the manager reads them', async () => {
    const claim = await get('/api/v1/namespaces/oscar-svc/persistentvolumeclaims/oscar-pvc');
    expect(claim.spec).toMatchObject({ accessModes: ['ReadWriteMany'], storageClassName: 'nfs' });
    const config = await get('/api/v1/namespaces/oscar/configmaps/config.yaml');
    expect(JSON.parse(config.data.allowed_image_repositories)).toEqual(['ghcr.io/grycap/', 'docker.io/library/']);
  });

  test('cert-manager: pinned images, its CRDs, Gateway API support on, no start-up check Job without pods', async () => {
    const controller = await get('/apis/apps/v1/namespaces/cert-manager/deployments/cert-manager');
    expect(controller.spec.template.spec.containers[0].image).toBe('quay.io/jetstack/cert-manager-controller:v1.21.2');
    const webhook = await get('/apis/apps/v1/namespaces/cert-manager/deployments/cert-manager-webhook');
    expect(webhook.spec.template.spec.containers[0].image).toBe('quay.io/jetstack/cert-manager-webhook:v1.21.2');
    expect(await status('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/clusterissuers.cert-manager.io')).toBe(200);
    const config = await get('/api/v1/namespaces/cert-manager/configmaps/cert-manager');
    expect(config.data['config.yaml']).toMatch(/gatewayAPI:\s+enabled: true/);
    expect((await get('/apis/batch/v1/namespaces/cert-manager/jobs')).items).toEqual([]);
  });

  test('metrics-server registers the metrics API', async () => {
    const apiService = await get('/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io');
    expect(apiService.spec.service).toMatchObject({ name: 'metrics-server', namespace: 'kube-system' });
  });

  test('a second plan shows no changes', () => {
    expect(() => tofu('plan', '-detailed-exitcode')).not.toThrow();
  });

  test('destroy removes everything the stack created', async () => {
    tofu('destroy', '-auto-approve');
    for (const ns of NAMESPACES) expect(await status(`/api/v1/namespaces/${ns}`)).toBe(404);
    // A deleted CRD stays (terminating) until the API server has removed its objects: measured a moment
    // after a destroy under load, so each is given up to 30 s to go.
    const gone = async (urlPath: string) => {
      for (let deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 500))) {
        if (await status(urlPath) === 404) return 404;
      }
      return status(urlPath);
    };
    expect(await gone('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/knativeservings.operator.knative.dev')).toBe(404);
    expect(await gone('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gateways.gateway.networking.k8s.io')).toBe(404);
    expect(await gone('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/certificates.cert-manager.io')).toBe(404);
    expect(await gone('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/clusterqueues.kueue.x-k8s.io')).toBe(404);
    expect(await gone('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/inferenceservices.serving.kserve.io')).toBe(404);
    expect(await status('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/middlewares.traefik.io')).toBe(200); // Helm keeps crds/ CRDs: see README
    expect(await status('/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io')).toBe(404);
    expect(await status('/apis/rbac.authorization.k8s.io/v1/clusterroles/oscar-controller-global')).toBe(404);
  });
});
