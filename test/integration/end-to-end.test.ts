// The project end to end, as a user runs it: one deployment config, the app's three stacks, OpenTofu
// with the real providers. The platform stack installs the real charts on a kube-apiserver; then the
// OSCAR manager binary is started exactly as the oscar chart's Deployment describes it (its environment
// and its service account read back from the API server, so the chart's RBAC applies) against MinIO
// started with the root credentials the platform generated; then the services stack, wired to the
// platform's outputs, deploys the example services through that manager. OIDC is on (a real Keycloak),
// so the platform's OIDC settings are proven to reach the manager as it reads them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from '../../src/private/cdktf';
import { loadDeploymentConfig } from '../../src/config/deployment';
import { addDeploymentStacks } from '../../src/stacks/deployment-app';
import { type DeployedManager, Etcd, freePort, KeycloakServer, KubeApiServer, startDeployedManager } from '../../src/sandbox';
import { tempDir } from '../support/fdl';
import { chartDir, type TestChart } from '../support/testenv';
import { TofuStack } from '../support/tofu';

jest.setTimeout(900_000);

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const CONTROLLERS = ['namespace', 'serviceaccount', 'garbagecollector', 'pvc-protection', 'pv-protection'];
const local = (chart: TestChart) => `{repository: "", chart: "${chartDir(chart)}"}`;

describe('end to end: platform stack → the chart\'s manager → services stack', () => {
  let etcd: Etcd;
  let server: KubeApiServer;
  let deployed: DeployedManager | undefined;
  let outdir: string;
  let oidc: KeycloakServer;

  const oscar = async (urlPath: string, bearer?: string) => {
    const { OSCAR_USERNAME: user, OSCAR_PASSWORD: password } = deployed!.env;
    const authorization = bearer ? `Bearer ${bearer}` : `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    const res = await fetch(`${deployed!.manager.endpoint}${urlPath}`, { headers: { Authorization: authorization } });
    return { status: res.status, json: await res.json().catch(() => undefined) };
  };

  beforeAll(async () => {
    outdir = tempDir();
    const keycloak = KeycloakServer.start(outdir);
    etcd = await Etcd.start(outdir);
    server = await KubeApiServer.start(etcd, { controllers: CONTROLLERS, dir: path.join(outdir, 'apiserver') });
    oidc = await keycloak;
  });

  afterAll(async () => {
    await deployed?.stop();
    await oidc?.stop();
    await server?.stop();
    await etcd?.stop();
  });

  test('the example services deploy through the manager the platform stack installed, reached on its node port', async () => {
    // GIVEN a deployment config: this cluster, the platform from local chart folders, the examples.
    // The platform has no host, so it publishes the manager on a node port, and its endpoint, which
    // the services stack takes, is that port on the first node's address. This machine is the node
    // (registered as a kubelet would), and the manager runs here, listening on the node port, where
    // kube-proxy would forward it. The port is a free one of the NodePort range, not the default
    // 30301, which may be taken here.
    const nodePort = await freePort({ min: 30000, max: 32767 });
    await server.registerNode('sandbox-node', '127.0.0.1');
    const config = path.join(outdir, 'deployment.yaml');
    fs.writeFileSync(config, [
      'cluster:',
      '  existing:',
      `    kubeconfig: ${server.writeKubeconfig()}`,
      'platform:',
      '  storage: {storageClass: nfs}',
      '  gateway: false',
      '  waitForPods: false',
      `  oscar: {nodePort: {port: ${nodePort}}, oidc: {issuers: ["${oidc.issuer}"], groups: [${oidc.allowedGroup}], admins: [ops-subject]}}`,
      '  versions:',
      `    oscar: ${local('oscar-chart')}`,
      `    minio: ${local('minio-chart')}`,
      `    knativeOperator: ${local('knative-operator-chart')}`,
      `    metricsServer: ${local('metrics-server-chart')}`,
      'services:',
      `  fdl: [${EXAMPLES}]`,
      '  imagePullSecrets:',
      '  - {name: ghcr, server: ghcr.io, username: robot}',
      '',
    ].join('\n'));
    const app = new App({ outdir: path.join(outdir, 'cdktf.out') });
    addDeploymentStacks(app, loadDeploymentConfig(config));
    app.synth();

    // WHEN the platform is applied
    const platform = new TofuStack(app.outdir, 'platform', ['kubernetes', 'helm'],
      { HELM_CACHE_HOME: outdir, HELM_CONFIG_HOME: outdir, HELM_DATA_HOME: outdir });
    platform.apply();
    expect(platform.output('oscar_endpoint')).toBe(`http://127.0.0.1:${nodePort}`);
    const service = await server.expectOk('GET', '/api/v1/namespaces/oscar/services/oscar') as any;
    expect(service.spec).toMatchObject({ type: 'NodePort', ports: [{ port: 8080, targetPort: 8080, nodePort }] });

    // ... and the manager is started as its Deployment says
    deployed = await startDeployedManager(server, path.join(outdir, 'manager'), {
      port: nodePort,
      minioCredentials: { namespace: 'minio', name: 'minio-root-credentials', userKey: 'rootUser', passwordKey: 'rootPassword' },
    });
    expect(deployed.env).toMatchObject({ SERVERLESS_BACKEND: 'knative', OSCAR_SERVICES_NAMESPACE: 'oscar-svc', OSCAR_SERVICE_PORT: '8080' });
    const info = await oscar('/system/info');
    expect(info).toMatchObject({ status: 200, json: { version: 'v4.1.2', serverless_backend: { name: 'Knative' } } });
    // The OIDC settings reached the manager under the names it reads, and it acts on them: a user of
    // the allowed group gets in, one outside it does not; basic auth stays on for the admin.
    expect(deployed.env).toMatchObject({ OIDC_ENABLE: 'true', OIDC_ISSUERS: oidc.issuer, OIDC_GROUPS: oidc.allowedGroup, USERS_ADMIN: 'ops-subject' });
    // (Past authentication the manager sets up the user's namespace from the chart's oscar-pvc, which no
    // volume provisioner binds here: it answers 500 about the claim, not 401. The OIDC suite binds it.)
    const alice = await oscar('/system/services', await oidc.accessToken(oidc.users.alice));
    expect(alice.status).not.toBe(401);
    expect((await oscar('/system/services', await oidc.accessToken(oidc.users.mallory))).status).toBe(401);

    // ... and the services stack is applied, reading the platform's outputs from its state
    const services = new TofuStack(app.outdir, 'services', ['oscar', 'kubernetes'], { TF_VAR_image_pull_secret_ghcr: 'registry-pass' });
    services.useRemoteState('platform', platform);
    services.apply();

    // THEN the services exist in OSCAR, in the services namespace, and a second plan is empty
    const listed = (await oscar('/system/services')).json as any[];
    expect(listed.map((s) => s.name).sort()).toEqual(['cowsay', 'grayify']);
    expect(listed.every((s) => s.namespace === 'oscar-svc' && s.owner === 'cluster_admin')).toBe(true);
    expect(services.plan()).toMatchObject({ create: [], update: [], replace: [], delete: [] });
    // The image pull secret is the registry login Kubernetes expects, built by Terraform from the variable.
    const pullSecret = await server.expectOk('GET', '/api/v1/namespaces/oscar-svc/secrets/ghcr') as any;
    expect(pullSecret.type).toBe('kubernetes.io/dockerconfigjson');
    expect(JSON.parse(Buffer.from(pullSecret.data['.dockerconfigjson'], 'base64').toString())).toEqual({
      auths: { 'ghcr.io': { username: 'robot', password: 'registry-pass', auth: Buffer.from('robot:registry-pass').toString('base64') } },
    });
    expect(fs.readFileSync(path.join(services.dir, 'cdk.tf.json'), 'utf8')).not.toContain('registry-pass');
    // The platform's password reached the services stack through its outputs, never its configuration.
    expect(fs.readFileSync(path.join(services.dir, 'cdk.tf.json'), 'utf8')).not.toContain(deployed.env.OSCAR_PASSWORD);

    // WHEN the services are destroyed, THEN the manager has none left
    services.run('destroy', '-auto-approve');
    expect((await oscar('/system/services')).json).toEqual([]);
  });
});
