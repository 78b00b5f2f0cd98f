// `tofu validate` of the synthesized EKS cluster stack, with a real hashicorp/aws provider built from
// the Go module proxy (testenv/build.sh terraform-provider-aws; opt-in because it is a long build).
// The provider's schema checks every resource, attribute and block the bindings produced.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { App } from '../../src/private/cdktf';
import { loadDeploymentConfig } from '../../src/config/deployment';
import { addDeploymentStacks } from '../../src/stacks/deployment-app';
import { tempDir } from '../support/fdl';
import { hasTestBinary, testBinary, writeProviderOverrides } from '../support/testenv';

const describeWithProvider = hasTestBinary('terraform-provider-aws') ? describe : describe.skip;

describeWithProvider('EKS cluster stack under OpenTofu with the real AWS provider', () => {
  test('tofu validate passes on the EKS + GPU pool example', () => {
    // GIVEN
    const outdir = tempDir();
    const app = new App({ outdir });
    addDeploymentStacks(app, loadDeploymentConfig(path.join(__dirname, '..', '..', 'config', 'eks-gpu.yaml')));
    app.synth();
    const cliConfig = writeProviderOverrides(outdir, ['aws']);
    // WHEN
    const out = execFileSync(testBinary('tofu'), ['validate', '-json', '-no-color'], {
      cwd: path.join(outdir, 'stacks', 'cluster'),
      env: { ...process.env, TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: cliConfig },
      encoding: 'utf8',
    });
    // THEN
    const result = JSON.parse(out);
    expect(result.diagnostics.filter((d: any) => d.severity === 'error')).toEqual([]);
    expect(result.valid).toBe(true);
  }, 300_000);
});
