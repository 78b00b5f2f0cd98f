// Secrets never stored (issue 23), through the services stack on the real manager, with OpenTofu and
// with Terraform: a service with secret environment values, storage-provider and cluster credentials,
// and an image pull secret (the kubernetes provider's write-only data) deployed, rotated by a run with a new value, and every state file, plan
// file (each entry of the archive), `show -json` and all output scanned for each value. And the
// README's way to give a secret, through a real shell: `bash -c 'export TF_VAR_…; npx cdktf deploy …'`.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClusterConnection } from '../../src/cluster/connection';
import { App } from '../../src/private/cdktf';
import { secretVariableName } from '../../src/services/secret-variables';
import { ServicesStack } from '../../src/stacks/services-stack';
import { CdktfProject } from '../support/cdktf-project';
import { ControlPlane } from '../support/control-plane';
import { ROOT } from '../support/pipeline';
import { tempDir, writeFdl } from '../support/fdl';
import { testBinary } from '../support/testenv';
import { TofuStack } from '../support/tofu';
import { zipEntries } from '../support/zip';

jest.setTimeout(900_000);

const SERVICE = 'wo-secret';
const FDL = `functions:
  oscar:
  - oscar-cluster:
      name: ${SERVICE}
      image: ghcr.io/grycap/cowsay
      script: script.sh
      image_pull_secrets: [registry-cred]
      environment:
        secrets:
          API_KEY: placeholder
          OTHER: placeholder
storage_providers:
  minio:
    store: {endpoint: 'https://minio.example.org', access_key: placeholder, secret_key: placeholder}
  webdav:
    dcache: {hostname: dcache.example.org, login: robot, password: placeholder}
clusters:
  oscar-us: {endpoint: 'https://us.example.org', auth_user: oscar, auth_password: placeholder}
`;
/** The FDL's credentials other than secret environment values, by the variable that gives each. */
const ACCOUNT_VARIABLES = ['storage__minio__store__access_key', 'storage__minio__store__secret_key', 'storage__webdav__dcache__password',
  'cluster__oscar_us__auth_password'] as const;

function terraformBinary(): string | undefined {
  try {
    return execFileSync('bash', ['-c', 'command -v terraform'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Every place a value could land: state files, plan files (each entry), `show -json` of both, and the output. */
function leaks(tofu: TofuStack, output: string, values: readonly string[]): string[] {
  const texts: Record<string, string> = { output, 'show -json': tofu.show() };
  for (const f of fs.readdirSync(tofu.dir)) {
    if (/\.tfstate(\.backup)?$/.test(f)) texts[f] = fs.readFileSync(path.join(tofu.dir, f), 'utf8');
    if (f === 'tfplan') {
      for (const [name, data] of zipEntries(path.join(tofu.dir, f))) texts[`tfplan/${name}`] = data.toString('utf8');
      texts['show -json tfplan'] = tofu.show('tfplan');
    }
  }
  return Object.entries(texts).flatMap(([where, text]) => values.filter((v) => text.includes(v)).map((v) => `${where} holds a ${v.length}-character secret`));
}

describe('secrets are never stored', () => {
  let plane: ControlPlane;

  beforeAll(async () => {
    plane = await ControlPlane.start();
  });

  afterAll(async () => {
    await plane?.stop();
  });

  const secretData = async (name: string): Promise<Record<string, string>> => {
    const secret = await plane.apiServer.expectOk('GET', `/api/v1/namespaces/oscar-svc/secrets/${name}`);
    return Object.fromEntries(Object.entries(secret.data as Record<string, string>).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]));
  };

  for (const cli of ['tofu', 'terraform'] as const) {
    test(`${cli}: deployed and rotated, no value in any state file, plan file, show -json or output`, async () => {
      const binary = cli === 'terraform' ? terraformBinary() : undefined;
      if (cli === 'terraform' && !binary) throw new Error('Terraform (>= 1.11) is not on PATH; the README says it is tested with both');
      const outdir = tempDir();
      const app = new App({ outdir });
      new ServicesStack(app, 'services', {
        fdl: [writeFdl(FDL)],
        cluster: ClusterConnection.fromKubeconfig(plane.kubeconfig),
        imagePullSecrets: [{ name: 'registry-cred', server: 'registry.example.org', username: 'robot' }],
      });
      app.synth();
      const values = { apiKey: `api-${cli}-first-value`, other: `other-${cli}-value`, registry: `registry-${cli}-p4ss`, rotated: `api-${cli}-rotated`,
        storeRotated: `store-${cli}-rotated`,
        ...Object.fromEntries(ACCOUNT_VARIABLES.map((name) => [name, `${name}-${cli}-value`])) as Record<typeof ACCOUNT_VARIABLES[number], string> };
      const secrets = [...Object.values(values), Buffer.from(`robot:${values.registry}`).toString('base64')];
      const vars = (apiKey: string, storeSecret: string) => ({
        TF_VAR_oscar_endpoint: plane.manager.endpoint, TF_VAR_oscar_username: plane.manager.username, TF_VAR_oscar_password: plane.manager.password,
        [`TF_VAR_${secretVariableName(SERVICE, 'API_KEY')}`]: apiKey, [`TF_VAR_${secretVariableName(SERVICE, 'OTHER')}`]: values.other,
        TF_VAR_image_pull_secret_registry_cred: values.registry,
        ...Object.fromEntries(ACCOUNT_VARIABLES.map((name) => [`TF_VAR_${name}`, values[name]])),
        TF_VAR_storage__minio__store__secret_key: storeSecret,
      });
      const stored = async () => (await plane.oscar('GET', `/system/services/${SERVICE}`)).json as {
        storage_providers: { minio: { store: Record<string, string> }; webdav: { dcache: Record<string, string> } };
        clusters: Record<string, Record<string, string>>;
      };
      let tofu = new TofuStack(outdir, 'services', ['oscar', 'kubernetes'], vars(values.apiKey, values.storage__minio__store__secret_key));
      if (binary) tofu = tofu.withBinary(binary);
      let output = tofu.run('plan', '-out=tfplan') + tofu.run('apply', 'tfplan');
      const token = ((await plane.oscar('GET', `/system/services/${SERVICE}`)).json as { token: string }).token;
      secrets.push(token, plane.manager.password);
      expect(await secretData(SERVICE)).toEqual({ API_KEY: values.apiKey, OTHER: values.other });
      const first = await stored();
      expect(first.storage_providers.minio.store).toMatchObject({
        access_key: values.storage__minio__store__access_key, secret_key: values.storage__minio__store__secret_key });
      expect(first.storage_providers.webdav.dcache.password).toBe(values.storage__webdav__dcache__password);
      expect(first.clusters['oscar-us'].auth_password).toBe(values.cluster__oscar_us__auth_password);
      const pull = JSON.parse((await secretData('registry-cred'))['.dockerconfigjson']);
      expect(pull.auths['registry.example.org']).toMatchObject({ username: 'robot', password: values.registry });
      expect(leaks(tofu, output, secrets)).toEqual([]);

      // A CI run with new values: exactly that service is updated in place, and the manager follows.
      tofu = tofu.withEnv(vars(values.rotated, values.storeRotated));
      const plan = tofu.plan();
      expect(plan).toMatchObject({ create: [], replace: [], delete: [], update: [expect.stringMatching(/^oscar_service\./)] });
      output += plan.output + tofu.run('apply', 'tfplan');
      expect((await secretData(SERVICE)).API_KEY).toBe(values.rotated);
      expect((await stored()).storage_providers.minio.store.secret_key).toBe(values.storeRotated);
      expect(tofu.plan()).toMatchObject({ create: [], update: [], replace: [], delete: [] });
      expect(leaks(tofu, output, secrets)).toEqual([]);
      tofu.run('destroy', '-auto-approve');
    });
  }

  test('an OpenTofu older than 1.11 (no write-only attributes) stops before any change, naming the minimum version', () => {
    const project = new CdktfProject(tempDir(), {
      TF_VAR_oscar_endpoint: plane.manager.endpoint, TF_VAR_oscar_username: plane.manager.username, TF_VAR_oscar_password: plane.manager.password,
      OSCAR_TERRAFORM_BINARY: testBinary('tofu-legacy'),
    });
    const config = path.join(path.dirname(writeFdl(FDL.replace('      image_pull_secrets: [registry-cred]\n', ''))), 'deployment.yaml');
    fs.writeFileSync(config, 'services:\n  oscar: {}\n  fdl: [service.yaml]\n');
    const run = project.deploy(config);
    expect(run.status).not.toBe(0);
    const output = run.output.replace(/\s+/g, ' ');
    expect(output).toMatch(/This configuration does not support OpenTofu version 1\.10\.\d+/);
    expect(output).toContain('"required_version": ">= 1.11"');
  });

  test('the README\'s way through a real shell: export TF_VAR_<service>__<KEY>, then npx cdktf deploy', async () => {
    const project = new CdktfProject(tempDir(), {
      TF_VAR_oscar_endpoint: plane.manager.endpoint, TF_VAR_oscar_username: plane.manager.username, TF_VAR_oscar_password: plane.manager.password,
    });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(project.dir, 'node_modules')); // npx finds cdktf as in the checkout
    // Secret environment values only: the README's example (the storage and cluster credentials are the other tests').
    const fdl = writeFdl(FDL.slice(0, FDL.indexOf('storage_providers:')).replace(SERVICE, 'cowsay-secret')
      .replace('      image_pull_secrets: [registry-cred]\n', ''));
    const config = path.join(path.dirname(fdl), 'deployment.yaml');
    fs.writeFileSync(config, 'services:\n  oscar: {}\n  fdl: [service.yaml]\n');
    // Without the variable, the deploy stops at the service's precondition, naming it (no prompt).
    const unset = project.shell(config, 'npx cdktf deploy services --auto-approve --skip-provider-lock');
    expect(unset.status).not.toBe(0);
    expect(unset.output.replace(/\s+/g, ' ')).toContain('No value for TF_VAR_cowsay_secret__API_KEY: set it');
    const run = project.shell(config, [
      'set -e',
      "export TF_VAR_cowsay_secret__API_KEY='from a shell' TF_VAR_cowsay_secret__OTHER='another one'",
      'npx cdktf deploy services --auto-approve --skip-provider-lock',
    ].join('\n'));
    expect(run.output).not.toMatch(/Enter a value/);
    expect({ status: run.status, output: run.status === 0 ? '' : run.output }).toEqual({ status: 0, output: '' });
    expect(await secretData('cowsay-secret')).toEqual({ API_KEY: 'from a shell', OTHER: 'another one' });
    // A destroy needs no secret value.
    const destroy = project.destroy(config);
    expect({ status: destroy.status, output: destroy.status === 0 ? '' : destroy.output }).toEqual({ status: 0, output: '' });
    expect((await plane.oscar('GET', '/system/services')).json).toEqual([]);
  });
});
