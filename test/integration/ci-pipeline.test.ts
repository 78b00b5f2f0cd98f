// The example CI pipeline (docs/ci/github-actions.yml), checked by running its check job's `run` steps
// in order, as the runner would, against the local sandbox instead of a real OSCAR: the variables the
// pipeline takes from repository secrets come from the sandbox, and `$GITHUB_ENV` is a file read back
// between steps, as GitHub does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ControlPlane } from '../support/control-plane';
import { tempDir } from '../support/fdl';
import { freshCheckout, Pipeline, pipelineConfig, ROOT } from '../support/pipeline';

jest.setTimeout(900_000);

describe('the example CI pipeline', () => {
  let plane: ControlPlane;
  const work = tempDir();

  // The commands run the compiled package (bin/, cdktf.json's app), as after `npm ci`.
  beforeAll(freshCheckout, 180_000);

  beforeAll(async () => {
    plane = await ControlPlane.start();
  });

  afterAll(async () => {
    await plane?.stop();
    fs.rmSync(path.join(ROOT, 'terraform.services.tfstate'), { force: true });
  });

  test('its check job validates, synthesizes and runs the drift check, with the exit codes it documents', () => {
    // The pipeline's config points at an OSCAR by URL; here it is the sandbox's, with its credentials.
    const config = pipelineConfig(work, plane.manager.endpoint);
    const pipeline = new Pipeline(work, {
      OSCAR_DEPLOYMENT: config,
      TF_VAR_oscar_username: plane.manager.username,
      TF_VAR_oscar_password: plane.manager.password,
    });
    const run = pipeline.run.bind(pipeline);
    const runSteps = pipeline.steps('check');
    expect(runSteps.map((s) => s.name)).toEqual([
      'Install the OSCAR provider', 'Validate the FDL files and the deployment config', 'Synthesize',
      'Drift check (exit 2 when the cluster differs from the repository)',
    ]);
    for (const step of runSteps.slice(0, 3)) {
      const res = run(step);
      expect({ step: step.name, status: res.status, stderr: res.status === 0 ? '' : res.stderr }).toEqual({ step: step.name, status: 0, stderr: '' });
    }
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'validate.json'), 'utf8'))).toMatchObject({ ok: true, services: 2 });

    // Nothing deployed yet: the drift check fails with 2 and lists both services to create.
    const drift = runSteps[3];
    expect(run(drift).status).toBe(2);
    const report = JSON.parse(fs.readFileSync(path.join(ROOT, 'drift.json'), 'utf8'));
    expect(report).toMatchObject({ stack: 'services', status: 'drift' });
    expect(report.changes.map((c: any) => `${c.action} ${c.name}`).sort()).toEqual(['create cowsay', 'create grayify']);

    // The deploy job's step, then the check again: in sync.
    const deploy = pipeline.steps('deploy').find((s) => s.run?.includes('cdktf deploy'))!;
    expect(run(deploy).status).toBe(0);
    expect(run(drift).status).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'drift.json'), 'utf8'))).toEqual({ stack: 'services', status: 'in-sync', changes: [] });
    for (const report of ['validate.json', 'drift.json']) fs.rmSync(path.join(ROOT, report), { force: true });
  });
});
