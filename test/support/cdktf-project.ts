// A project folder run the way users run this one: `npx cdktf deploy|destroy` in the folder of a
// cdktf.json whose app is the compiled main.js, with the provider installed by provider/install.sh,
// OpenTofu, and the deployment config picked with OSCAR_DEPLOYMENT. Its own folder, so cdktf.out and
// state/ of the checkout are left alone.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { componentBinary } from '../../src/sandbox/testenv';
import { ROOT } from './pipeline';

/** What a cdktf command did. */
export interface CdktfRun {
  readonly status: number | null;
  /** stdout and stderr. */
  readonly output: string;
}

export class CdktfProject {
  private readonly env: NodeJS.ProcessEnv;

  /**
   * @param dir the project folder (created; cdktf.json is written in it)
   * @param env what the commands add to the environment (TF_VAR_oscar_* of the OSCAR to deploy to)
   */
  constructor(readonly dir: string, env: Record<string, string>) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify({
      language: 'typescript', app: `node ${path.join(ROOT, 'dist', 'main.js')}`, projectId: 'oscar-cdktf-test', sendCrashReports: 'false',
    }));
    const installed = execFileSync('bash', [path.join(ROOT, 'provider', 'install.sh'), '--format', 'env'],
      { env: { ...process.env, OSCAR_PROVIDER_HOME: path.join(dir, '.provider') }, encoding: 'utf8' });
    // No OSCAR_* or TF_VAR_* of the test's own environment reaches the commands: only what they are given.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OSCAR_') && !k.startsWith('TF_VAR_')));
    this.env = {
      ...inherited,
      ...Object.fromEntries(installed.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])),
      PATH: `${path.dirname(componentBinary('tofu'))}:${process.env.PATH}`,
      // As the README sets it: the wrapper that keeps cdktf from dropping the end of tofu's output.
      TERRAFORM_BINARY_NAME: path.join(ROOT, 'bin', 'oscar-cdktf-terraform'),
      OSCAR_TERRAFORM_BINARY: 'tofu',
      CHECKPOINT_DISABLE: '1',
      CI: '1',
      FORCE_COLOR: '0',
      ...env,
    };
  }

  /** Runs `npx cdktf <args>` with a deployment config (and more environment). */
  cdktf(config: string, args: readonly string[], env: Record<string, string> = {}): CdktfRun {
    const res = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'cdktf'), args,
      { cwd: this.dir, env: { ...this.env, OSCAR_DEPLOYMENT: config, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
    return { status: res.status, output: `${res.stdout}${res.stderr}` };
  }

  /** `npx cdktf deploy <stack> --auto-approve --skip-provider-lock`, as the README runs it. */
  deploy(config: string, stack = 'services', env: Record<string, string> = {}): CdktfRun {
    return this.cdktf(config, ['deploy', stack, '--auto-approve', '--skip-provider-lock'], env);
  }

  /** `npx cdktf destroy <stack> --auto-approve --skip-provider-lock`, as the README runs it. */
  destroy(config: string, stack = 'services', env: Record<string, string> = {}): CdktfRun {
    return this.cdktf(config, ['destroy', stack, '--auto-approve', '--skip-provider-lock'], env);
  }

  /** Runs a script with bash in the project folder, with a deployment config: commands as a user types them. */
  shell(config: string, script: string): CdktfRun {
    const res = spawnSync('bash', ['-c', script], { cwd: this.dir, env: { ...this.env, OSCAR_DEPLOYMENT: config }, encoding: 'utf8', maxBuffer: 64 << 20 });
    return { status: res.status, output: `${res.stdout}${res.stderr}` };
  }

  /** `npx oscar-cdktf drift --json` on what was synthesized last. */
  drift(env: Record<string, string> = {}): CdktfRun {
    const res = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'oscar-cdktf.js'), 'drift', '--json'],
      { cwd: this.dir, env: { ...this.env, ...env }, encoding: 'utf8' });
    return { status: res.status, output: `${res.stdout}${res.stderr}` };
  }
}
