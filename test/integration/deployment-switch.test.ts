// Two deployment configs in one project folder, deployed alternately to one OSCAR with `npx cdktf
// deploy` as users run it: each keeps its own state (state/<name>/, both files named deployment.yaml in
// different folders), switching needs no -migrate-state or -reconfigure, no request ever deletes the
// other's services, and the second deploy of each sends nothing. A config pointed at the other's state,
// or at another OSCAR, is refused before anything is deleted (a destroy too), with the message that says what to do;
// the README's destroy leaves each deployment's services gone and the other's in place.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as Minio from 'minio';
import { type ManagerRequest, Mark } from '../../bench/manager-log';
import { loadDeploymentConfig, stateOf } from '../../src/config/deployment';
import { CdktfProject, type CdktfRun } from '../support/cdktf-project';
import { ControlPlane } from '../support/control-plane';
import { tempDir } from '../support/fdl';
import { ROOT } from '../support/pipeline';

jest.setTimeout(1_800_000);

const A = ['switch-a1', 'switch-a2'];
const B = ['switch-b1', 'switch-b2'];

/** An FDL file of services (the first with input and output buckets of its own). */
function fdl(names: readonly string[]): string {
  return 'functions:\n  oscar:\n' + names.map((name, i) => [
    '  - oscar-cluster:', `      name: ${name}`, '      image: ghcr.io/grycap/cowsay', '      memory: 256Mi', '      cpu: \'0.5\'',
    '      script: script.sh',
    ...(i === 0 ? ['      input:', `      - {storage_provider: minio.default, path: ${name}/in}`, '      output:',
      `      - {storage_provider: minio.default, path: ${name}/out}`] : []),
  ].join('\n')).join('\n') + '\n';
}

/** Writes `<project>/config/<folder>/deployment.yaml` deploying the services, with more settings; returns its path. */
function writeConfig(project: string, folder: string, names: readonly string[], extra = ''): string {
  const dir = path.join(project, 'config', folder);
  fs.mkdirSync(path.join(dir, 'services'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'services', 'script.sh'), '#!/bin/sh\necho hello\n');
  fs.writeFileSync(path.join(dir, 'services', 'services.yaml'), fdl(names));
  const file = path.join(dir, 'deployment.yaml');
  fs.writeFileSync(file, `services:\n  oscar: {}\n  fdl: [services]\n${extra}`);
  return file;
}

const writes = (requests: readonly ManagerRequest[]) => requests.filter((r) => r.method !== 'GET' && r.path.startsWith('/system/'));
const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const deletes = (requests: readonly ManagerRequest[]) => requests.filter((r) => r.method === 'DELETE');

describe('two deployment configs in one project folder, one OSCAR', () => {
  let plane: ControlPlane;
  let s3: Minio.Client;
  let project: CdktfProject;
  let configA: string;
  let configB: string;
  const log: string[] = [];

  const listed = async () => ((await plane.oscar('GET', '/system/services')).json as { name: string }[]).map((s) => s.name).sort();
  const buckets = async () => (await s3.listBuckets()).map((b) => b.name).sort();
  /** Runs a command, keeping its output for failures, and what the manager served meanwhile. */
  const run = (command: () => CdktfRun) => {
    const mark = Mark.at(plane.manager.logFile);
    const result = command();
    log.push(result.output);
    return { ...result, requests: mark.requests() };
  };
  const failure = (r: CdktfRun) => (r.status === 0 ? '' : r.output.slice(-3000));

  beforeAll(async () => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    plane = await ControlPlane.start();
    const url = new URL(plane.minio.endpoint);
    s3 = new Minio.Client({
      endPoint: url.hostname, port: Number(url.port), useSSL: false, accessKey: plane.minio.accessKey, secretKey: plane.minio.secretKey,
    });
    const dir = path.join(tempDir(), 'project');
    project = new CdktfProject(dir, {
      TF_VAR_oscar_endpoint: plane.manager.endpoint, TF_VAR_oscar_username: plane.manager.username, TF_VAR_oscar_password: plane.manager.password,
    });
    configA = writeConfig(dir, 'a', A);
    configB = writeConfig(dir, 'b', B);
  }, 600_000);

  afterAll(async () => {
    await plane?.stop();
  });

  test('files of one name in two folders are two deployments, each with its state folder', () => {
    const [a, b] = [configA, configB].map((c) => loadDeploymentConfig(c, { projectRoot: project.dir }));
    expect(a.name).toMatch(/^deployment-[0-9a-f]{6}$/);
    expect(b.name).toMatch(/^deployment-[0-9a-f]{6}$/);
    expect(a.name).not.toBe(b.name);
  });

  test.each([
    ['A', 1], ['B', 1], ['A', 2], ['B', 2],
  ])('deploy %s (%i): no request deletes anything, both configs\' services and buckets are there', async (which, round) => {
    const [config, own] = which === 'A' ? [configA, A] : [configB, B];
    // WHEN
    const deploy = run(() => project.deploy(config));
    // THEN
    expect({ status: deploy.status, output: failure(deploy) }).toEqual({ status: 0, output: '' });
    expect(deploy.output).not.toMatch(/migrate-state|Backend configuration changed/);
    expect(deletes(deploy.requests)).toEqual([]);
    const deployed = round === 1 && which === 'A' ? A : [...A, ...B];
    expect(await listed()).toEqual([...deployed].sort());
    expect(await buckets()).toEqual(expect.arrayContaining(deployed.filter((n) => n.endsWith('1'))));
    const state = stateOf(loadDeploymentConfig(config, { projectRoot: project.dir }));
    expect(fs.existsSync(path.join(state.local!.dir, 'services.tfstate'))).toBe(true);
    if (round === 1) {
      // Only this config's services were created.
      expect(writes(deploy.requests).filter((r) => r.method === 'POST' && r.path === '/system/services')).toHaveLength(own.length);
    } else {
      // The second deploy of each is a no-op: nothing planned, nothing sent.
      expect(deploy.output).toMatch(/No changes/);
      expect(writes(deploy.requests)).toEqual([]);
    }
  });

  test('a config pointed at the other\'s state folder is refused at synth, naming both deployments; nothing is sent', async () => {
    // GIVEN B's services with state: pointing at A's folder (and one service fewer, so a plan would delete)
    const a = loadDeploymentConfig(configA, { projectRoot: project.dir });
    const shared = writeConfig(project.dir, 'shared', ['switch-b1'], `state:\n  local: {dir: ${stateOf(a).local!.dir}}\n`);
    const name = loadDeploymentConfig(shared, { projectRoot: project.dir }).name;
    // WHEN
    const deploy = run(() => project.deploy(shared));
    const destroy = run(() => project.destroy(shared));
    // THEN
    for (const refused of [deploy, destroy]) {
      expect(refused.status).not.toBe(0);
      expect(oneLine(refused.output)).toContain(`state.local.dir: ${path.join('state', a.name, 'services.tfstate')} holds the services state of deployment `
        + `"${a.name}", and this config is deployment "${name}"`);
      expect(writes(refused.requests)).toEqual([]);
    }
    expect(await listed()).toEqual([...A, ...B].sort());
  });

  test('a state planned against another OSCAR fails the plan with the guard\'s message; nothing is sent', async () => {
    // GIVEN B, one service fewer, aimed at another address (another name of the same manager, so that
    // a plan that got through would reach the services)
    fs.writeFileSync(path.join(project.dir, 'config', 'b', 'services', 'services.yaml'), fdl(['switch-b1']));
    const elsewhere = plane.manager.endpoint.replace('127.0.0.1', 'localhost');
    // WHEN
    const deploy = run(() => project.deploy(configB, 'services', { TF_VAR_oscar_endpoint: elsewhere }));
    const drift = run(() => project.drift({ TF_VAR_oscar_endpoint: elsewhere }));
    // THEN
    expect(deploy.status).not.toBe(0);
    const b = loadDeploymentConfig(configB, { projectRoot: project.dir }).name;
    for (const refused of [deploy, drift]) {
      expect(oneLine(refused.output)).toContain(`The services state was written for deployment "${b}" (OSCAR ${plane.manager.endpoint}), not for this `
        + `config's deployment "${b}" (OSCAR ${elsewhere}) (config/b/deployment.yaml); nothing was changed. Fix:`);
      expect(writes(refused.requests)).toEqual([]);
    }
    expect(oneLine(deploy.output)).toContain('`tofu state rm terraform_data.deployment` in cdktf.out/stacks/services');
    expect(drift.status).toBe(1);
    expect(await listed()).toEqual([...A, ...B].sort());
  });

  test('a destroy against another OSCAR is refused too, services not in the config included', async () => {
    // GIVEN B's state holds switch-b2, which B's config (one service fewer) no longer declares
    const elsewhere = plane.manager.endpoint.replace('127.0.0.1', 'localhost');
    // WHEN
    const destroy = run(() => project.destroy(configB, 'services', { TF_VAR_oscar_endpoint: elsewhere }));
    // THEN
    expect(destroy.status).not.toBe(0);
    expect(oneLine(destroy.output)).toContain(`not for this config's deployment "${loadDeploymentConfig(configB, { projectRoot: project.dir }).name}" `
      + `(OSCAR ${elsewhere}) (config/b/deployment.yaml); nothing was changed.`);
    expect(writes(destroy.requests)).toEqual([]);
    expect(await listed()).toEqual([...A, ...B].sort());
  });

  test('a state of another deployment that synth cannot read (as an S3 state) fails deploy, destroy and drift before any change', async () => {
    // GIVEN B synthesized (one service fewer), and A's state where B's is, as a shared S3 key would hand it over
    const [a, b] = [configA, configB].map((c) => loadDeploymentConfig(c, { projectRoot: project.dir }));
    const stateOfB = path.join(stateOf(b).local!.dir, 'services.tfstate');
    const savedB = fs.readFileSync(stateOfB);
    fs.copyFileSync(path.join(stateOf(a).local!.dir, 'services.tfstate'), stateOfB);
    try {
      // WHEN the commands that do not synthesize again run (without the guard: A's services planned for deletion)
      const deploy = run(() => project.cdktf(configB, ['deploy', 'services', '--auto-approve', '--skip-provider-lock', '--skip-synth']));
      const destroy = run(() => project.cdktf(configB, ['destroy', 'services', '--auto-approve', '--skip-provider-lock', '--skip-synth']));
      const drift = run(() => project.drift());
      // THEN
      for (const refused of [deploy, destroy, drift]) {
        expect(refused.status).not.toBe(0);
        expect(oneLine(refused.output)).toContain(`The services state was written for deployment "${a.name}" (OSCAR ${plane.manager.endpoint}), `
          + `not for this config's deployment "${b.name}" (OSCAR ${plane.manager.endpoint}) (config/b/deployment.yaml); nothing was changed.`);
        expect(writes(refused.requests)).toEqual([]);
      }
      expect(await listed()).toEqual([...A, ...B].sort());
    } finally {
      fs.writeFileSync(stateOfB, savedB);
    }
  });

  test('the README\'s destroy removes one deployment\'s services and buckets, and only them', async () => {
    // GIVEN B's own FDL back
    fs.writeFileSync(path.join(project.dir, 'config', 'b', 'services', 'services.yaml'), fdl(B));
    // WHEN
    const destroyA = run(() => project.destroy(configA));
    // THEN
    expect({ status: destroyA.status, output: failure(destroyA) }).toEqual({ status: 0, output: '' });
    expect(deletes(destroyA.requests).map((r) => r.path).filter((p) => p.startsWith('/system/services/')).sort())
      .toEqual(A.map((n) => `/system/services/${n}`));
    expect(await listed()).toEqual([...B].sort());
    expect(await buckets()).toEqual(expect.not.arrayContaining(['switch-a1']));
    // WHEN
    const destroyB = run(() => project.destroy(configB));
    // THEN nothing is left
    expect({ status: destroyB.status, output: failure(destroyB) }).toEqual({ status: 0, output: '' });
    expect(await listed()).toEqual([]);
    expect(await buckets()).toEqual([]);
  });
});
