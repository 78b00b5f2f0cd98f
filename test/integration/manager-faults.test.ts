// Faults of the manager, on the real one: a manager that dies under a deployed stack, and one that
// would hang. With the manager killed, `tofu apply` and `oscar-cdktf drift` of 20 services fail with
// one error per service that names the endpoint, without waiting per request (how soon: the faults
// benchmark, bench/faults.ts); once it is back, the plan is empty. A manager with Kueue enabled but no
// Kueue API in the cluster would hang on exposed services: their plan fails with the reason, and
// nothing is sent.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from '../../src/private/cdktf';
import { OscarManagerServer } from '../../src/sandbox';
import { ServicesStack } from '../../src/stacks/services-stack';
import { Mark } from '../../bench/manager-log';
import { ControlPlane } from '../support/control-plane';
import { corpusCopy, tempDir, writeFdl } from '../support/fdl';
import { testBinary } from '../support/testenv';
import { TofuStack } from '../support/tofu';

jest.setTimeout(900_000);

const ROOT = path.join(__dirname, '..', '..');
const COUNT = 20;

function synthesized(fdl: string): string {
  const outdir = tempDir();
  const app = new App({ outdir });
  new ServicesStack(app, 'services', { fdl: [fdl] });
  app.synth();
  return outdir;
}

function connection(manager: OscarManagerServer): Record<string, string> {
  return { TF_VAR_oscar_endpoint: manager.endpoint, TF_VAR_oscar_username: manager.username, TF_VAR_oscar_password: manager.password };
}

describe('a manager that dies or would hang', () => {
  let plane: ControlPlane;

  beforeAll(async () => {
    plane = await ControlPlane.start();
  });

  afterAll(async () => {
    await plane?.stop();
  });

  test(`a killed manager: apply and drift of ${COUNT} services fail with one error each; once back, nothing to change`, async () => {
    const services = Array.from({ length: COUNT }, (_, i) => `down-${String(i).padStart(2, '0')}`);
    const fdl = writeFdl(`functions:\n  oscar:\n${services.map((name) =>
      `  - oscar-cluster:\n      name: ${name}\n      image: ghcr.io/grycap/cowsay\n      script: script.sh\n`).join('')}`);
    const outdir = synthesized(path.dirname(fdl));
    const tofu = new TofuStack(outdir, 'services', ['oscar'], connection(plane.manager));
    tofu.apply();

    await plane.manager.kill();
    const apply = spawnSync(testBinary('tofu'), ['apply', '-auto-approve', '-input=false', '-no-color'],
      { cwd: tofu.dir, env: { ...process.env, ...tofu.environment }, encoding: 'utf8' });
    const output = `${apply.stdout}${apply.stderr}`.replace(/\s+/g, ' ');
    expect(apply.status).toBe(1);
    for (const name of services) expect(output).toContain(`Cannot read OSCAR service "${name}"`);
    expect(output.match(/Cannot read OSCAR service "/g)).toHaveLength(COUNT);
    expect(output).toContain(`no answer from the OSCAR manager at ${plane.manager.endpoint}`);
    expect(output).toContain('connection refused');
    // The reads share one list of the services: they fail together, when its retries give up.
    expect(output).toContain('to GET /system/services: ');

    // The drift check runs `init`, as in CI: the provider comes from the mirror provider/install.sh fills.
    const installed = execFileSync('bash', [path.join(ROOT, 'provider', 'install.sh'), '--format', 'env'], { encoding: 'utf8' });
    const cliConfig = /^TF_CLI_CONFIG_FILE=(.+)$/m.exec(installed)![1];
    const drift = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'oscar-cdktf.js'), 'drift', '--outdir', outdir, '--json'],
      { env: { ...process.env, ...tofu.environment, TF_CLI_CONFIG_FILE: cliConfig, TERRAFORM_BINARY_NAME: testBinary('tofu') }, encoding: 'utf8' });
    expect(drift.status).toBe(1);
    const report = JSON.parse(drift.stdout.trim().split('\n').pop()!);
    expect(report).toMatchObject({ stack: 'services', status: 'error' });
    expect(report.error).toContain(`no answer from the OSCAR manager at ${plane.manager.endpoint}`);

    await plane.restartManager();
    expect(tofu.plan()).toMatchObject({ create: [], update: [], replace: [], delete: [] });
  });

  test('Kueue enabled without the Kueue API: the plan of an exposed service fails with the reason, and nothing is sent', async () => {
    const kueue = await OscarManagerServer.start(fs.mkdtempSync(path.join(plane.logDir, 'kueue-')), plane.apiServer, plane.minio,
      { env: { KUEUE_ENABLE: 'true' } });
    try {
      const outdir = synthesized(path.dirname(corpusCopy('expose_services/nginx/nginx_expose.yaml')));
      const tofu = new TofuStack(outdir, 'services', ['oscar'], connection(kueue));
      const mark = Mark.at(kueue.logFile);
      let error = '';
      try {
        tofu.plan();
      } catch (e) {
        error = (e as Error).message.replace(/\s+/g, ' ');
      }
      for (const phrase of ['The OSCAR manager would hang on this exposed service', 'runs with Kueue enabled, but the cluster has no Kueue API',
        'Install Kueue in the cluster, or run the manager with KUEUE_ENABLE=false']) expect(error).toContain(phrase);
      expect(mark.requests().filter((r) => r.method !== 'GET')).toEqual([]);
    } finally {
      await kueue.stop();
    }
  });
});
