// What a new user does, following only the README: the "Quick start" block is read from README.md and
// run line by line in one bash session in this checkout (the set-up line is what the test command has
// already done): validate, start the sandbox, `npx cdktf deploy services`, delete a service behind its
// back, see the drift check fail with exit code 2, redeploy, see it pass, stop the sandbox.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../support/fdl';

jest.setTimeout(900_000);

const ROOT = path.join(__dirname, '..', '..');

/** The commands of the README's quick start, without comments and blank lines. */
export function readmeBlock(heading: string): string[] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(`## ${heading}`));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error(`README.md has no sh block under "## ${heading}"`);
  return block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

describe('the README quick start, as a new user runs it', () => {
  const work = tempDir();
  const sandbox = path.join(work, 'sandbox');

  // The commands run the compiled package (bin/, cdktf.json's app), as after `npm ci`.
  beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    // As on a fresh clone: no synthesized stacks, no state or Terraform working folder of an earlier run.
    fs.rmSync(path.join(ROOT, 'cdktf.out'), { recursive: true, force: true });
    fs.rmSync(path.join(ROOT, 'terraform.services.tfstate'), { force: true });
  }, 180_000);

  afterAll(() => {
    spawnSync('node', [path.join(ROOT, 'bin', 'oscar-cdktf.js'), 'sandbox', 'stop'], { env: { ...process.env, OSCAR_SANDBOX_DIR: sandbox } });
    fs.rmSync(path.join(ROOT, 'terraform.services.tfstate'), { force: true });
  });

  test('deploy, drift after a deletion (exit 2), redeploy, in sync (exit 0)', () => {
    const lines = readmeBlock('Quick start: the local sandbox');
    expect(lines[0]).toMatch(/^npm ci && bash testenv\/build\.sh/);
    // Each command's exit code and output, marked so they can be told apart.
    const script = [
      'cd "$ROOT"',
      'rm -f terraform.services.tfstate',
      ...lines.slice(1).map((line, i) => `${line}\necho "@@step ${i} exit=$?"`),
    ].join('\n');
    const res = spawnSync('bash', ['-c', script], {
      env: { ...process.env, ROOT, OSCAR_SANDBOX_DIR: sandbox, OSCAR_PROVIDER_HOME: path.join(work, 'mirror'), CI: '1' },
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const output = `${res.stdout}\n${res.stderr}`;
    const exits = [...res.stdout.matchAll(/@@step (\d+) exit=(\d+)/g)].map((m) => Number(m[2]));
    const drift = [...res.stdout.matchAll(/^exit (\d+)$/gm)].map((m) => Number(m[1]));
    expect({ exits: exits.length, status: res.status }).toEqual({ exits: lines.length - 1, status: 0 });
    // Every step succeeds except the drift checks, which report through `echo "exit $?"`.
    const failed = exits.flatMap((code, i) => (code === 0 ? [] : [`${lines[i + 1]} → exit ${code}`]));
    expect({ failed, output: failed.length ? output.slice(-4000) : '' }).toEqual({ failed: [], output: '' });
    expect(drift).toEqual([2, 0]);
    expect(output).toMatch(/drift: create oscar_service\.\S+ \(cowsay\)/);
    expect(output).toMatch(/"name":"cowsay"/);
    expect(output).toContain('sandbox: stopped');
  });
});
