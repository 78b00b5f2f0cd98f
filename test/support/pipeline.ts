// Runs the `run` steps of the example CI pipeline (docs/ci/github-actions.yml) as a GitHub runner
// would: bash -e in the project folder, the workflow's env (minus values taken from repository
// secrets, which the test supplies), and `$GITHUB_ENV` as a file read back between steps.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { componentBinary } from '../../src/sandbox/testenv';

export const ROOT = path.join(__dirname, '..', '..');
export const PIPELINE = path.join(ROOT, 'docs', 'ci', 'github-actions.yml');

/** A step of a job. */
export interface PipelineStep {
  readonly name?: string;
  readonly run?: string;
  readonly if?: string;
}

/** Builds the package (bin/, cdktf.json's app) and removes what an earlier run left, as on a fresh clone. */
export function freshCheckout(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  fs.rmSync(path.join(ROOT, 'cdktf.out'), { recursive: true, force: true });
  fs.rmSync(path.join(ROOT, 'terraform.services.tfstate'), { force: true });
}

/**
 * Writes the deployment config a pipeline of the examples uses, pointed at an OSCAR by URL, with its
 * state in the scratch folder; returns its path.
 */
export function pipelineConfig(work: string, endpoint: string): string {
  const config = path.join(work, 'deployment.yaml');
  fs.writeFileSync(config, `services:\n  oscar: {endpoint: "${endpoint}"}\n  fdl: [${path.join(ROOT,
    'examples')}]\nstate:\n  local: {dir: ${path.join(work, 'state')}}\n`);
  return config;
}

export class Pipeline {
  readonly workflow = parse(fs.readFileSync(PIPELINE, 'utf8'));
  private readonly githubEnv: string;
  private readonly env: NodeJS.ProcessEnv;

  /**
   * @param work a scratch folder (the runner's $GITHUB_ENV file and provider mirror go there)
   * @param env what the secrets and the test give: the deployment config, credentials
   */
  constructor(work: string, env: Record<string, string>) {
    this.githubEnv = path.join(work, 'github-env');
    fs.writeFileSync(this.githubEnv, '');
    // The checkout is this one; other expressions (secrets) are the test's to give.
    const fromWorkflow = Object.entries(this.workflow.env as Record<string, string>)
      .map(([k, v]) => [k, String(v).replaceAll('${{ github.workspace }}', ROOT)])
      .filter(([, v]) => !v.includes('${{'));
    // No OSCAR_* setting of the test's own environment reaches the provider: only what the job has.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OSCAR_') && !k.startsWith('TF_VAR_')));
    this.env = {
      ...inherited,
      ...Object.fromEntries(fromWorkflow),
      GITHUB_ENV: this.githubEnv,
      OSCAR_PROVIDER_HOME: path.join(work, 'mirror'),
      PATH: `${path.dirname(componentBinary('tofu'))}:${process.env.PATH}`,
      ...env,
    };
  }

  /** The `run` steps of a job, without `npm ci` (the test command ran it already). */
  steps(job: string): PipelineStep[] {
    return (this.workflow.jobs[job].steps as PipelineStep[]).filter((s) => s.run !== undefined && s.run !== 'npm ci');
  }

  run(step: PipelineStep): SpawnSyncReturns<string> {
    const exported = Object.fromEntries(fs.readFileSync(this.githubEnv,
      'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    return spawnSync('bash', ['-e', '-c', step.run!], { cwd: ROOT, env: { ...this.env, ...exported }, encoding: 'utf8' });
  }
}
