// bin/oscar-cdktf-terraform, as the README has the cdktf CLI run it: a deploy whose plan is long and
// fails still prints the whole plan and the error (cdktf 0.21 alone usually drops them: it stops
// printing when the binary exits), and the binary's exit status and arguments pass through.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { terraformBinaryName } from '../../src/terraform-binary';
import { tempDir } from '../support/fdl';
import { ROOT } from '../support/pipeline';
import { testBinary } from '../support/testenv';

jest.setTimeout(300_000);

const WRAPPER = path.join(ROOT, 'bin', 'oscar-cdktf-terraform');
const MESSAGE = 'The last line of a long failed plan; nothing was changed.';
const RESOURCES = 200;

/** A synthesized stack (as `cdktf synth` writes it) with a long plan that a validation rule then fails. */
function failingProject(): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'cdktf.json'),
    JSON.stringify({ language: 'typescript', app: 'false', projectId: 'wrapper-test', sendCrashReports: 'false' }));
  const stack = path.join(dir, 'cdktf.out', 'stacks', 'long');
  fs.mkdirSync(stack, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdktf.out', 'manifest.json'), JSON.stringify({
    version: '0.21.0',
    stacks: { long: { name: 'long', constructPath: 'long', annotations: [], dependencies: [], workingDirectory: 'stacks/long',
      synthesizedStackPath: 'stacks/long/cdk.tf.json', stackMetadataPath: 'stacks/long/metadata.json' } },
  }));
  const resources = Object.fromEntries(Array.from({ length: RESOURCES }, (_, i) => [`r${i}`, { input: { index: i, text: 'x'.repeat(60) } }]));
  fs.writeFileSync(path.join(stack, 'cdk.tf.json'), JSON.stringify({
    '//': { metadata: { backend: 'local', stackName: 'long', version: '0.21.0' }, outputs: {} },
    terraform: { backend: { local: { path: path.join(dir, 'long.tfstate') } } },
    resource: { terraform_data: { ...resources, last: { input: 'b' } } },
    variable: {
      check: { type: 'string', default: '', validation: [{ condition: '${var.check == "" && terraform_data.last.input == "c"}', error_message: MESSAGE }] },
    },
  }));
  return dir;
}

function cdktfDeploy(dir: string, env: Record<string, string>) {
  const res = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'cdktf'), ['deploy', 'long', '--auto-approve', '--skip-synth', '--skip-provider-lock'], {
    cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20,
    env: { ...process.env, CI: '1', FORCE_COLOR: '0', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null', ...env },
  });
  return { status: res.status, output: `${res.stdout}${res.stderr}` };
}

describe('the Terraform wrapper', () => {
  test('a long plan that fails: cdktf deploy prints every planned resource and the error, and fails', () => {
    const dir = failingProject();
    for (let run = 0; run < 3; run++) {
      const deploy = cdktfDeploy(dir, { TERRAFORM_BINARY_NAME: WRAPPER, OSCAR_TERRAFORM_BINARY: testBinary('tofu') });
      expect(deploy.status).toBe(1);
      expect(deploy.output).toContain(`# terraform_data.r${RESOURCES - 1} will be created`);
      expect(deploy.output).toContain(MESSAGE);
    }
    expect(fs.existsSync(path.join(dir, 'long.tfstate'))).toBe(false);
  });

  test('arguments and exit status pass through', () => {
    const env = (binary: string) => ({ encoding: 'utf8' as const, env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', OSCAR_TERRAFORM_BINARY: binary } });
    const version = spawnSync(WRAPPER, ['version', '-json'], env(testBinary('tofu')));
    expect(version.status).toBe(0);
    expect(JSON.parse(version.stdout).terraform_version).toMatch(/^\d+\.\d+\.\d+/);
    const unknown = spawnSync(WRAPPER, ['no-such-command'], env(testBinary('tofu')));
    expect(unknown.status).toBe(1);
    const missing = spawnSync(WRAPPER, ['version'], env('/nonexistent/tofu'));
    expect(missing.status).toBe(127);
  });

  test('messages name the binary the wrapper runs', () => {
    expect(terraformBinaryName({ TERRAFORM_BINARY_NAME: WRAPPER, OSCAR_TERRAFORM_BINARY: 'tofu' })).toBe('tofu');
    expect(terraformBinaryName({ TERRAFORM_BINARY_NAME: WRAPPER })).toBe('terraform');
    expect(terraformBinaryName({ TERRAFORM_BINARY_NAME: 'tofu' })).toBe('tofu');
    expect(terraformBinaryName({})).toBe('terraform');
  });
});
