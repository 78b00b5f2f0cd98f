import * as path from 'node:path';
import { Testing } from '../../src/private/cdktf';
import { FdlValidationError } from '../../src/fdl';
import { ServicesStack } from '../../stacks/services-stack';
import { tempDir, writeFdl } from '../support/fdl';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

function synth(fdl: string[], clusterId?: string) {
  const stack = new ServicesStack(Testing.app(), 'services', { fdl, clusterId });
  return { stack, json: JSON.parse(Testing.synth(stack)) };
}

describe('ServicesStack', () => {
  test('renders the canonical definition of every example service', () => {
    const { stack, json } = synth([EXAMPLES]);
    expect(stack.services.map((s) => s.spec.name)).toEqual(['cowsay', 'grayify']);
    const cowsay = JSON.parse(json.output.cowsay_definition.value.replace(/\$\$\{/g, '${'));
    expect(cowsay).toMatchObject({ name: 'cowsay', synchronous: { min_scale: 1, max_scale: 5 }, log_level: 'CRITICAL', visibility: 'private' });
  });

  test('escapes Terraform template sequences in scripts', () => {
    const fdl = writeFdl('functions:\n  oscar:\n  - c:\n      name: demo\n      image: i\n      script: script.sh\n', { 'script.sh': 'echo ${HOME} %{x}\n' });
    const { json } = synth([fdl]);
    expect(json.output.demo_definition.value).toContain('echo $${HOME} %%{x}');
  });

  test('takes secret values from sensitive variables and never writes them out', () => {
    const fdl = writeFdl('functions:\n  oscar:\n  - c:\n      name: demo\n      image: i\n      script: script.sh\n      environment:\n        secrets:\n          API_KEY: do-not-leak\n');
    const { json } = synth([fdl]);
    expect(JSON.stringify(json)).not.toContain('do-not-leak');
    expect(json.variable['demo__API_KEY']).toEqual(expect.objectContaining({ sensitive: true, type: 'string' }));
    expect(json.output.demo_definition).toEqual(expect.objectContaining({ sensitive: true }));
    expect(json.output.demo_definition.value).toContain('"secrets":{"API_KEY":${jsonencode(var.demo__API_KEY)}}');
  });

  test('fails synth with every error, located, when an FDL file is invalid', () => {
    const fdl = writeFdl('functions:\n  oscar:\n  - c:\n      name: Demo\n      image: i\n      script: missing.sh\n', {});
    expect(() => synth([fdl])).toThrow(FdlValidationError);
    expect(() => synth([fdl])).toThrow(new RegExp(`2 error\\(s\\):\\n${fdl}:4:13: error: .*name.*\\n${fdl}:6:15: error: .*script file 'missing.sh' not found`));
  });

  test('filters by cluster id, and names the known ids when none match', () => {
    expect(synth([EXAMPLES], 'oscar-cluster').stack.services).toHaveLength(2);
    expect(() => synth([EXAMPLES], 'elsewhere')).toThrow(/clusterId: no service is listed under 'elsewhere'.*Fix: use one of oscar-cluster/);
  });

  test('a folder without FDL files, or a missing file, is a clear error', () => {
    expect(() => synth([tempDir()])).toThrow(/fdl: no FDL files found in .*Fix: pass FDL files or folders/);
    expect(() => synth([path.join(EXAMPLES, 'nothing-here.yaml')])).toThrow(/nothing-here\.yaml:1:1: error: file not found/);
  });
});
