// The provider folder builds and tests on its own, as it would in a repository of its own
// (terraform-provider-oscar): a copy of it, with nothing of oscar-cdktf around, passes provider/test.sh
// up to the acceptance tests (gofmt, vet, golangci-lint, unit tests, docs drift), which need the sandbox.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../support/fdl';
import { ROOT } from '../support/pipeline';
import { testBinary } from '../support/testenv';

jest.setTimeout(600_000);

test('a copy of provider/ alone passes its own checks, and says the acceptance tests need the sandbox', () => {
  const alone = path.join(tempDir(), 'terraform-provider-oscar');
  fs.cpSync(path.join(ROOT, 'provider'), alone, { recursive: true });
  const res = spawnSync('bash', ['test.sh'], { cwd: alone, encoding: 'utf8', env: { ...process.env, TOFU: testBinary('tofu') } });
  const output = `${res.stdout}${res.stderr}`;
  expect({ status: res.status, output: res.status === 0 ? '' : output }).toEqual({ status: 0, output: '' });
  expect(output).toContain('unit tests, lint and docs passed; acceptance tests skipped');
  // nothing was written outside the copy's docs (the drift check regenerates them in place)
  expect(fs.readdirSync(path.dirname(alone))).toEqual(['terraform-provider-oscar']);
});
