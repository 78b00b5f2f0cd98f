// The provider folder builds and tests on its own, as it would in a repository of its own
// (terraform-provider-oscar): a copy of it, with nothing of oscar-cdktf around, passes provider/test.sh
// (gofmt, vet, golangci-lint, unit tests, docs drift), and runs its acceptance tests against a control
// plane the environment names, skipping those that need oscar-cdktf's sandbox to kill the manager.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../support/fdl';
import { ROOT } from '../support/pipeline';
import { ControlPlane } from '../support/control-plane';
import { testBinary } from '../support/testenv';

jest.setTimeout(600_000);

/** A copy of provider/ in a folder of its own. */
function providerAlone(): string {
  const alone = path.join(tempDir(), 'terraform-provider-oscar');
  fs.cpSync(path.join(ROOT, 'provider'), alone, { recursive: true });
  return alone;
}

test('a copy of provider/ alone passes its own checks, and says how to run the acceptance tests', () => {
  const alone = providerAlone();
  const res = spawnSync('bash', ['test.sh'], { cwd: alone, encoding: 'utf8', env: { ...process.env, TOFU: testBinary('tofu') } });
  const output = `${res.stdout}${res.stderr}`;
  expect({ status: res.status, output: res.status === 0 ? '' : output }).toEqual({ status: 0, output: '' });
  expect(output).toContain('unit tests, lint and docs passed; acceptance tests skipped: set OSCAR_ENDPOINT');
  // nothing was written outside the copy's docs (the drift check regenerates them in place)
  expect(fs.readdirSync(path.dirname(alone))).toEqual(['terraform-provider-oscar']);
});

test('its acceptance tests run against the control plane the environment names; killing the manager needs the sandbox', async () => {
  const plane = await ControlPlane.start();
  try {
    const alone = providerAlone();
    const res = spawnSync('bash', ['test.sh', '-run', '^(TestAccServiceImport|TestAccManagerKilledMidApply)$'], {
      cwd: alone, encoding: 'utf8', env: { ...process.env, ...plane.env, TOFU: testBinary('tofu'), TF_ACC_TERRAFORM_PATH: testBinary('tofu') },
    });
    const output = `${res.stdout}${res.stderr}`;
    expect({ status: res.status, output: res.status === 0 ? '' : output }).toEqual({ status: 0, output: '' });
    expect(output).toContain('--- PASS: TestAccServiceImport');
    expect(output).toContain('--- SKIP: TestAccManagerKilledMidApply');
  } finally {
    await plane.stop();
  }
});
