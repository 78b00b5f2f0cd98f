// `oscar-cdktf drift`: does the cluster still match the last deploy? Plans a synthesized stack with
// Terraform (or OpenTofu) and reports what it would change, for CI jobs: exit 0 when nothing would
// change, 2 when something would (drift), 1 on an error.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliIo } from './main';

/** Exit codes of the drift check. */
export enum DriftExit {
  NONE = 0,
  ERROR = 1,
  DRIFT = 2,
}

/** One resource Terraform would change. */
export interface DriftFinding {
  readonly address: string;
  /** `create`, `update`, `replace` or `delete`. */
  readonly action: string;
  /** The OSCAR service or bucket name, when the resource is one. */
  readonly name?: string;
}

/** Options of the drift check. */
export interface DriftOptions {
  /** The synthesized stack to check. @default 'services' */
  readonly stack?: string;
  /** cdktf's output folder. @default 'cdktf.out' */
  readonly outdir?: string;
  /** Print the findings as JSON. @default false */
  readonly json?: boolean;
  /** Terraform binary. @default - TERRAFORM_BINARY_NAME, else 'terraform' (as the cdktf CLI) */
  readonly terraform?: string;
}

function actionOf(actions: readonly string[]): string | undefined {
  if (actions.includes('create') && actions.includes('delete')) return 'replace';
  return ['create', 'update', 'delete'].find((a) => actions.includes(a));
}

export function driftCommand(options: DriftOptions, io: CliIo): DriftExit {
  const stack = options.stack ?? 'services';
  const dir = path.resolve(options.outdir ?? 'cdktf.out', 'stacks', stack);
  const terraform = options.terraform ?? process.env.TERRAFORM_BINARY_NAME ?? 'terraform';
  const fail = (problem: string, fix: string) => {
    if (options.json) io.out(JSON.stringify({ stack, status: 'error', error: problem, fix }));
    io.err(`drift: ${problem}. Fix: ${fix}.`);
    return DriftExit.ERROR;
  };
  if (!fs.existsSync(path.join(dir, 'cdk.tf.json'))) {
    return fail(`no synthesized stack '${stack}' in ${dir}`, 'run `npx cdktf synth` (with the same deployment config) first');
  }
  const run = (...args: string[]) => spawnSync(terraform, args,
    { cwd: dir, encoding: 'utf8', env: { ...process.env, TF_IN_AUTOMATION: '1' }, maxBuffer: 256 << 20 });
  // Always: the synthesized backend may differ from the one a previous init saw (-reconfigure).
  {
    const init = run('init', '-input=false', '-no-color', '-reconfigure');
    if (init.error) return fail(`cannot run ${terraform}: ${init.error.message}`, 'install Terraform or OpenTofu, or set TERRAFORM_BINARY_NAME (e.g. tofu)');
    if (init.status !== 0) return fail(`${terraform} init failed:\n${init.stdout}${init.stderr}`,
        'check the backend and provider installation (see provider/README.md, "Install (until it is published)")');
  }
  const planFile = 'drift.tfplan';
  const plan = run('plan', '-input=false', '-no-color', '-lock=false', '-detailed-exitcode', `-out=${planFile}`);
  if (plan.error) return fail(`cannot run ${terraform}: ${plan.error.message}`, 'install Terraform or OpenTofu, or set TERRAFORM_BINARY_NAME (e.g. tofu)');
  if (plan.status !== 0 && plan.status !== 2) {
    return fail(`${terraform} plan failed:\n${plan.stderr || plan.stdout}`,
      'read the error above: the endpoint and credentials (TF_VAR_oscar_*) are the usual cause');
  }
  const findings: DriftFinding[] = [];
  if (plan.status === 2) {
    const shown = run('show', '-json', planFile);
    if (shown.status !== 0) return fail(`${terraform} show failed:\n${shown.stderr}`, 'rerun; report a bug if it persists');
    for (const change of JSON.parse(shown.stdout).resource_changes ?? []) {
      const action = actionOf(change.change.actions);
      if (action === undefined) continue;
      const state = change.change.after ?? change.change.before;
      findings.push({ address: change.address, action, ...(typeof state?.name === 'string' && /^oscar_/.test(change.type) ? { name: state.name } : {}) });
    }
  }
  fs.rmSync(path.join(dir, planFile), { force: true });
  if (options.json) {
    io.out(JSON.stringify({ stack, status: findings.length ? 'drift' : 'in-sync', changes: findings }));
  } else if (findings.length === 0) {
    io.out(`drift: stack '${stack}' matches the cluster`);
  } else {
    for (const f of findings) io.out(`drift: ${f.action} ${f.address}${f.name ? ` (${f.name})` : ''}`);
    io.out(`drift: ${findings.length} change(s) in stack '${stack}'. Fix: \`npx cdktf deploy ${stack}\` restores the declared state.`);
  }
  return findings.length ? DriftExit.DRIFT : DriftExit.NONE;
}
