// The provider's examples (rendered into its registry docs) run as written: each folder, with the
// provider block of examples/provider, passes `tofu validate` with the provider built from source, and
// every file it reads exists.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../support/fdl';
import { ROOT } from '../support/pipeline';
import { testBinary, writeProviderOverrides } from '../support/testenv';

jest.setTimeout(300_000);

const EXAMPLES = path.join(ROOT, 'provider', 'examples');
const PROVIDER_BLOCK = path.join(EXAMPLES, 'provider', 'provider.tf');

/** Every examples folder holding a .tf file other than the provider block's own. */
function exampleFolders(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
    }
    if (dir !== path.dirname(PROVIDER_BLOCK) && fs.readdirSync(dir).some((f) => f.endsWith('.tf'))) found.push(dir);
  };
  walk(EXAMPLES);
  return found.sort();
}

describe('provider examples', () => {
  const folders = exampleFolders();

  test('the examples are found', () => {
    expect(folders.map((f) => path.relative(EXAMPLES, f))).toEqual(
      ['data-sources/oscar_cluster_info', 'resources/oscar_bucket', 'resources/oscar_service']);
  });

  test.each(folders.map((f) => [path.relative(EXAMPLES, f), f]))('%s: every file it reads exists', (_name, folder) => {
    const text = fs.readdirSync(folder).filter((f) => f.endsWith('.tf')).map((f) => fs.readFileSync(path.join(folder, f), 'utf8')).join('\n');
    const read = [...text.matchAll(/file\("\$\{path\.module\}\/([^"]+)"\)/g)].map((m) => m[1]);
    expect(read.filter((f) => !fs.existsSync(path.join(folder, f)))).toEqual([]);
  });

  test.each(folders.map((f) => [path.relative(EXAMPLES, f), f]))('%s: tofu validate passes', (_name, folder) => {
    const dir = tempDir();
    fs.cpSync(folder, dir, { recursive: true });
    fs.copyFileSync(PROVIDER_BLOCK, path.join(dir, 'provider.tf'));
    const env = { ...process.env, TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: writeProviderOverrides(dir, ['oscar']) };
    const res = spawnSync(testBinary('tofu'), ['validate', '-no-color'], { cwd: dir, env, encoding: 'utf8' });
    expect({ status: res.status, output: `${res.stdout}${res.stderr}` }).toEqual({ status: 0, output: expect.stringContaining('The configuration is valid') });
  });
});
