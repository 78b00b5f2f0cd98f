// Runs the synthesized services stack through a real OpenTofu, so the JSON escaping and the
// secret splicing are checked by Terraform's own parser and evaluator, not by string matching.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, LocalBackend } from '../../src/private/cdktf';
import { ServicesStack } from '../../stacks/services-stack';
import { tempDir, writeFdl } from '../support/fdl';
import { testBinary } from '../support/testenv';

const SCRIPT = '#!/bin/sh\necho "${HOME} %{not-a-directive} $INPUT_FILE_PATH"\n';
const SECRET = 'p"a\\ss ${word}';

describe('services stack under OpenTofu', () => {
  const tofu = testBinary('tofu');
  const outdir = tempDir();
  const run = (...args: string[]) =>
    execFileSync(tofu, args, {
      cwd: path.join(outdir, 'stacks', 'services'),
      env: { ...process.env, TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: '/dev/null', TF_VAR_demo__API_KEY: SECRET },
      encoding: 'utf8',
    });

  beforeAll(() => {
    const fdl = writeFdl(
      'functions:\n  oscar:\n  - c:\n      name: demo\n      image: i\n      script: script.sh\n      environment:\n        secrets:\n          API_KEY: ""\n',
      { 'script.sh': SCRIPT },
    );
    const app = new App({ outdir });
    const stack = new ServicesStack(app, 'services', { fdl: [fdl] });
    new LocalBackend(stack, { path: path.join(outdir, 'services.tfstate') });
    app.synth();
    run('init', '-input=false', '-no-color');
  }, 120_000);

  test('the definition Terraform computes is the canonical JSON, with the script verbatim and the secret spliced in', () => {
    const plan = run('apply', '-auto-approve', '-input=false', '-no-color');
    expect(plan).not.toContain('word');
    const outputs = JSON.parse(run('output', '-json'));
    const definition = JSON.parse(outputs.demo_definition.value);
    expect(outputs.demo_definition.sensitive).toBe(true);
    expect(definition.script).toBe(SCRIPT);
    expect(definition.environment.secrets).toEqual({ API_KEY: SECRET });
    expect(definition).toMatchObject({ name: 'demo', memory: '256Mi', cpu: '0.2', log_level: 'INFO', visibility: 'private' });
    expect(fs.readFileSync(path.join(outdir, 'stacks', 'services', 'cdk.tf.json'), 'utf8')).not.toContain('word');
  }, 120_000);
});
