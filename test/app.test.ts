// The app as `npm run synth` runs it (`node dist/main.js`), in a folder of its own: what it prints on
// success, on a mistake in the config, and with an empty OSCAR_DEPLOYMENT.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './support/fdl';
import { ROOT } from './support/pipeline';

function synth(env: Record<string, string>, dir = tempDir()) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OSCAR_') && !k.startsWith('CDKTF_')));
  const res = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'main.js')], { cwd: dir, env: { ...inherited, ...env }, encoding: 'utf8' });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr, dir };
}

describe('the app (npm run synth)', () => {
  test('an empty OSCAR_DEPLOYMENT means the default config; success says what was written and what to run next', () => {
    const run = synth({ OSCAR_DEPLOYMENT: '' });
    expect(run.stderr).not.toMatch(/ENOENT/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Synthesized deployment '[a-z0-9-]+' \(.*config\/deployment\.yaml\): stacks cluster, platform, services in cdktf\.out\/\. /m);
    expect(run.stdout).toContain('Next: npx cdktf deploy cluster platform services');
    expect(fs.existsSync(path.join(run.dir, 'cdktf.out', 'stacks', 'services', 'cdk.tf.json'))).toBe(true);
  });

  test('a mistake in the config prints its file:line message alone, without a stack trace, and exits 1', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'services:\n  fdl: [nothere]\n  bogus: 1\n');
    const run = synth({ OSCAR_DEPLOYMENT: path.join(dir, 'bad.yaml') }, dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`${path.join(dir, 'bad.yaml')}:3:3: services.bogus: is not a known setting. `
      + 'Fix: use one of fdl, clusterId, preventDestroy, oscar, clusters, imagePullSecrets.');
    expect(run.stdout).toBe('');
  });
});
