// What the manager does with the platform's Kueue settings: the real manager v4.1.2 with Kueue's API
// (its CRDs; no controller runs here), run with the variables the `oscar` chart renders from
// `platform.kueue` (test/integration/platform-stack.test.ts reads them from the chart's Deployment).
// Services deployed by an OIDC user get that user's ClusterQueue with the configured quota, a
// LocalQueue each, and the quotas API reports the quota. Then `oscar_user_quota` sets that user's
// quota (Kueue's, MinIO's and the managed volumes'): it converges, heals a change made behind its back,
// imports, and explains a user without a queue.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, TerraformStack } from '../../src/private/cdktf';
import { OscarProvider } from '../../src/providers/oscar/provider';
import { UserQuota, type UserQuotaConfig } from '../../src/providers/oscar/user-quota';
import { Kueue, type KueueManagerSettings } from '../../src/platform/kueue';
import { ServicesStack } from '../../src/stacks/services-stack';
import { ControlPlane } from '../support/control-plane';
import { tempDir } from '../support/fdl';
import { testStack } from '../support/platform';
import { TofuStack } from '../support/tofu';

jest.setTimeout(600_000);

const NAMES = ['queued-a', 'queued-b'];
/** The label of the volumes OSCAR manages (the manager's types.ManagedVolumeLabel). */
const MANAGED_VOLUME_LABEL = 'oscar.grycap/managed-volume';

function gibibytes(quantity: string): number {
  const [, amount, unit] = /^(\d+)(Gi|Mi)$/.exec(quantity) ?? [];
  if (!amount) throw new Error(`unexpected storage request ${quantity}`);
  return Number(amount) / (unit === 'Mi' ? 1024 : 1);
}

/** The manager's environment as the `oscar` chart 4.1.2 renders `kueue.enable` and `kueue.default`. */
function chartEnvironment(settings: KueueManagerSettings): Record<string, string> {
  return {
    KUEUE_ENABLE: 'true', KUEUE_DEFAULT_CPU: settings.cpu, KUEUE_DEFAULT_MEMORY: settings.memory, KUEUE_DEFAULT_GPU: String(settings.gpu),
    KUEUE_DEFAULT_EPHEMERAL_STORAGE: settings.ephemeralStorage, KUEUE_DEFAULT_FLAVOR: settings.flavor,
  };
}

describe('the manager with the platform\'s Kueue settings, and oscar_user_quota', () => {
  let plane: ControlPlane;
  let subject: string;
  const kueue = (p: string) => plane.apiServer.expectOk('GET', `/apis/kueue.x-k8s.io/v1beta2${p}`) as Promise<any>;
  const quota = async (user: string) => (await plane.oscar('GET', `/system/quotas/user/${encodeURIComponent(user)}`)).json as any;

  /** A stack of one oscar_user_quota, applied as the manager's basic-auth admin. */
  function quotaStack(config: Omit<UserQuotaConfig, 'userId'> & { userId?: string }, imports?: string): TofuStack {
    const outdir = tempDir();
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'quota');
    new OscarProvider(stack, 'oscar', { endpoint: plane.manager.endpoint, username: plane.manager.username, password: plane.manager.password });
    const resource = new UserQuota(stack, 'alice', { userId: subject, ...config });
    resource.overrideLogicalId('alice');
    if (imports) stack.addOverride('import', [{ to: 'oscar_user_quota.alice', id: imports }]);
    app.synth();
    return new TofuStack(outdir, 'quota', ['oscar']);
  }

  beforeAll(async () => {
    const settings = new Kueue(testStack(), 'Kueue', {
      existing: true, defaultQuota: { cpu: '3', memory: '6Gi', ephemeralStorage: '4Gi' }, flavor: 'oscar-test-flavor', wait: false,
    }).managerSettings;
    plane = await ControlPlane.start({ oidc: {}, kueueCrds: true, manager: { env: chartEnvironment(settings) } });
    const oidc = plane.oidc!;
    subject = await oidc.subject(oidc.users.alice);
    const fdlDir = tempDir();
    fs.writeFileSync(path.join(fdlDir, 'script.sh'), '#!/bin/sh\necho hello\n');
    fs.writeFileSync(path.join(fdlDir, 'services.yaml'), 'functions:\n  oscar:\n' + NAMES.map((name) => [
      '  - oscar-cluster:', `      name: ${name}`, '      image: ghcr.io/grycap/cowsay', '      memory: 256Mi', '      cpu: \'0.5\'', '      script: script.sh',
    ].join('\n')).join('\n') + '\n');
    const outdir = tempDir();
    const app = new App({ outdir });
    new ServicesStack(app, 'services', { fdl: [fdlDir] });
    app.synth();
    new TofuStack(outdir, 'services', ['oscar'], {
      TF_VAR_oscar_endpoint: plane.manager.endpoint, TF_VAR_oscar_refresh_token: await oidc.refreshToken(oidc.users.alice),
    }).apply();
  });

  afterAll(async () => {
    await plane?.stop();
  });

  test('the user\'s ClusterQueue has the configured quota, in the configured flavor', async () => {
    expect((await kueue('/resourceflavors/oscar-test-flavor')).metadata.name).toBe('oscar-test-flavor');
    const queues = (await kueue('/clusterqueues')).items;
    expect(queues).toHaveLength(1);
    const [flavor] = queues[0].spec.resourceGroups[0].flavors;
    expect(flavor.name).toBe('oscar-test-flavor');
    expect(Object.fromEntries(flavor.resources.map((r: any) => [r.name, r.nominalQuota]))).toEqual({
      cpu: '3', memory: '6Gi', 'ephemeral-storage': '4Gi',
      'nvidia.com/gpu': '0', // the manager grants the GPU quota only where it finds GPUs (no node here)
    });
  });

  test('each service has a LocalQueue in its namespace, pointing at the user\'s ClusterQueue', async () => {
    const clusterQueue = (await kueue('/clusterqueues')).items[0].metadata.name;
    for (const name of NAMES) {
      const service = (await plane.oscar('GET', `/system/services/${name}`)).json as { namespace: string; owner: string };
      expect(service.owner).toBe(subject);
      const local = (await kueue(`/namespaces/${service.namespace}/localqueues`)).items.filter((q: any) => q.metadata.name.endsWith(name));
      expect(local.map((q: any) => q.spec.clusterQueue)).toEqual([clusterQueue]);
    }
  });

  test('the quotas API reports the configured quota for the user', async () => {
    expect((await quota(subject)).resources).toMatchObject({ cpu: { max: 3000 }, memory: { max: 6 * 1024 ** 3 }, 'ephemeral-storage': { max: 4 * 1024 ** 3 } });
  });

  test('converges: the quota is set, and a second plan is empty; amounts compare as amounts, whatever their spelling', async () => {
    expect((await quota(subject)).resources.cpu.max).toBe(3000); // the platform's default quota
    const tofu = quotaStack({
      cpu: '4000m', memory: '12Gi', gpu: '0', minioBuckets: 3, minioStoragePerBucket: '10Gi',
      volumeCount: 4, volumeStorage: '10240Mi', volumeMaxSize: '3Gi', volumeMinSize: '100Mi',
    });
    tofu.apply();
    expect((await quota(subject)).minio).toMatchObject({ buckets: { max: 3 }, storage_per_bucket: { max: '10Gi' } });
    expect((await quota(subject)).volumes)
      .toMatchObject({ disk: { max: '10Gi' }, volumes: { max: '4' }, max_disk_per_volume: '3Gi', min_disk_per_volume: '100Mi' });
    // Where the manager keeps the volume quota: a ResourceQuota and a LimitRange in the user's namespace,
    // whose hard limits also count the claims OSCAR does not manage (the services' shared volume).
    const { namespace } = (await plane.oscar('GET', `/system/services/${NAMES[0]}`)).json as { namespace: string };
    const core = (p: string) => plane.apiServer.expectOk('GET', `/api/v1/namespaces/${namespace}/${p}`) as Promise<any>;
    const others = (await core('persistentvolumeclaims')).items.filter((c: any) => c.metadata.labels?.[MANAGED_VOLUME_LABEL] !== 'true');
    const othersGi = others.reduce((sum: number, c: any) => sum + gibibytes(c.spec.resources.requests.storage), 0);
    expect((await core('resourcequotas')).items.map((q: any) => q.spec.hard))
      .toEqual([{ persistentvolumeclaims: String(4 + others.length), 'requests.storage': `${10 + othersGi}Gi` }]);
    expect((await core('limitranges')).items.map((l: any) => [l.spec.limits[0].max.storage, l.spec.limits[0].min.storage])).toEqual([['3Gi', '100Mi']]);
    expect((await quota(subject)).resources)
      .toMatchObject({ cpu: { max: 4000 }, memory: { max: 12 * 1024 ** 3 }, 'ephemeral-storage': { max: 4 * 1024 ** 3 } });
    expect(tofu.plan()).toMatchObject({ create: [], update: [], replace: [], delete: [] });
    expect(tofu.state().values.root_module.resources[0].values).toMatchObject({
      cpu: '4000m', memory: '12Gi', ephemeral_storage: '4Gi', gpu: '0', minio_buckets: 3, minio_storage_per_bucket: '10Gi',
      volume_count: 4, volume_storage: '10240Mi', volume_max_size: '3Gi', volume_min_size: '100Mi' });
  });

  test('heals: a quota changed behind Terraform\'s back is one update, which puts it back', async () => {
    const tofu = quotaStack({ cpu: '3', memory: '6Gi', minioBuckets: 3, volumeCount: 4 });
    tofu.apply();
    const behindItsBack = { cpu: '1', memory: '1Gi', minio: { buckets: '1' }, volumes: { volumes: '2' } };
    expect((await plane.oscar('PUT', `/system/quotas/user/${encodeURIComponent(subject)}`, behindItsBack)).status).toBe(200);
    const plan = tofu.plan();
    expect(plan).toMatchObject({ create: [], update: ['oscar_user_quota.alice'], replace: [], delete: [] });
    expect(plan.output).toMatch(/cpu\s+=\s+"1" -> "3"/);
    expect(plan.output).toMatch(/minio_buckets\s+=\s+1 -> 3/);
    expect(plan.output).toMatch(/volume_count\s+=\s+2 -> 4/);
    tofu.apply();
    expect(await quota(subject)).toMatchObject({
      resources: { cpu: { max: 3000 }, memory: { max: 6 * 1024 ** 3 } }, minio: { buckets: { max: 3 } }, volumes: { volumes: { max: '4' } } });
  });

  test('imports: an import block for the user\'s subject takes the quota over with nothing to change', async () => {
    const tofu = quotaStack({ cpu: '3', memory: '6Gi', minioBuckets: 3, volumeCount: 4 }, subject);
    const plan = tofu.plan();
    expect(plan).toMatchObject({ create: [], update: [], replace: [], delete: [] });
    expect(plan.output).toContain('1 to import');
  });

  test('destroy leaves the quota as it is, and says so', async () => {
    const tofu = quotaStack({ cpu: '5' });
    tofu.apply();
    expect(tofu.run('destroy', '-auto-approve')).toMatch(/stays\s+as\s+it\s+is/);
    expect((await quota(subject)).resources.cpu.max).toBe(5000);
  });

  test('a user with no ClusterQueue yet fails with the cause and the way out; nothing is stored', () => {
    const tofu = quotaStack({ userId: 'nobody@example.org', cpu: '1' });
    expect(() => tofu.apply()).toThrow(/User\s+"nobody@example\.org"\s+has\s+no\s+ClusterQueue\s+yet[\s\S]*first\s+service/);
    expect(fs.existsSync(path.join(tofu.dir, 'terraform.tfstate')) ? tofu.state().values?.root_module?.resources ?? [] : []).toEqual([]);
  });
});
