// What a new user does, following only the README: the "Quick start" block is read from README.md and
// run line by line in one bash session in this checkout (the set-up line is what the test command has
// already done): validate, start the sandbox, `npx cdktf deploy services`, delete a service behind its
// back, see the drift check fail with exit code 2, redeploy, see it pass, destroy (leaving no service in
// the manager and no bucket in MinIO), stop the sandbox.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadDeploymentConfig, stateOf } from '../../src/config/deployment';
import { tempDir } from '../support/fdl';

jest.setTimeout(900_000);

const ROOT = path.join(__dirname, '..', '..');
/** The quick start's deployment, and the folder its state is kept in (it runs in this checkout). */
const SANDBOX = loadDeploymentConfig(path.join(ROOT, 'config', 'sandbox.yaml'), { projectRoot: ROOT });
const STATE_DIR = stateOf(SANDBOX).local!.dir;
/** Test-only lines run after the README's destroy: what is left in the manager and in MinIO. */
const LEFT_AFTER_DESTROY = [
  'echo "@@services-left $(curl -s -u "$OSCAR_USERNAME:$OSCAR_PASSWORD" "$OSCAR_ENDPOINT/system/services")"',
  'node -e \'const M = require("minio"); const u = new URL(process.env.MINIO_ENDPOINT);'
    + ' new M.Client({ endPoint: u.hostname, port: Number(u.port), useSSL: false, accessKey: process.env.MINIO_ACCESS_KEY,'
    + ' secretKey: process.env.MINIO_SECRET_KEY }).listBuckets().then((b) => console.log("@@buckets-left " + JSON.stringify(b.map((x) => x.name))))\'',
];

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
    fs.rmSync(STATE_DIR, { recursive: true, force: true });
  }, 180_000);

  afterAll(() => {
    spawnSync('node', [path.join(ROOT, 'bin', 'oscar-cdktf.js'), 'sandbox', 'stop'], { env: { ...process.env, OSCAR_SANDBOX_DIR: sandbox } });
    fs.rmSync(STATE_DIR, { recursive: true, force: true });
  });

  test('the README names the state folder the quick start\'s config gets', () => {
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(`The state is in \`state/${SANDBOX.name}/\``);
  });

  test('deploy, drift after a deletion (exit 2), redeploy, in sync (exit 0), destroy leaves nothing', () => {
    const lines = readmeBlock('Quick start: the local sandbox');
    expect(lines[0]).toMatch(/^npm ci && bash testenv\/build\.sh/);
    expect(lines.filter((l) => /^npx cdktf destroy /.test(l))).toEqual(['npx cdktf destroy services --auto-approve --skip-provider-lock']);
    // Each command's exit code and output, marked so they can be told apart.
    const script = [
      'cd "$ROOT"',
      ...lines.slice(1).map((line, i) => `${line}\necho "@@step ${i} exit=$?"${/^npx cdktf destroy /.test(line) ? `\n${LEFT_AFTER_DESTROY.join('\n')}` : ''}`),
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
    // The README's destroy, as written, left no service in the manager and no bucket in MinIO.
    expect(res.stdout).toMatch(/^@@services-left \[\]$/m);
    expect(res.stdout).toMatch(/^@@buckets-left \[\]$/m);
    expect(output).toContain('sandbox: stopped');
  });
});
