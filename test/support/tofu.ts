// OpenTofu on a synthesized stack, as `cdktf deploy` would run it: the real binary, the real providers
// (dev_overrides, no registry), local state in the stack's folder.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { testBinary, writeProviderOverrides } from './testenv';

/** What a plan would do, by resource address. */
export interface PlanSummary {
  readonly create: string[];
  readonly update: string[];
  readonly replace: string[];
  readonly delete: string[];
  /** Every line tofu printed, for checks that nothing secret appears. */
  readonly output: string;
}

export class TofuStack {
  readonly dir: string;
  private readonly env: NodeJS.ProcessEnv;
  /** The CLI: OpenTofu by default (see withBinary). */
  private readonly binary: string = testBinary('tofu');

  /**
   * @param outdir the app's outdir; the stack is in `stacks/<stack>` under it
   * @param env extra environment (TF_VAR_… values)
   */
  constructor(outdir: string, stack: string, providers: Parameters<typeof writeProviderOverrides>[1], env: Record<string, string> = {}) {
    this.dir = path.join(outdir, 'stacks', stack);
    // Providers under dev_overrides need no `tofu init`; only a backend would, so state stays local.
    const configFile = path.join(this.dir, 'cdk.tf.json');
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    delete config.terraform.backend;
    fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
    this.env = { ...process.env, TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: writeProviderOverrides(outdir, providers), ...env };
  }

  /**
   * Points this stack's cross-stack references to `other` at other's local state (backends are
   * removed here, so each stack keeps its state in its own folder).
   */
  useRemoteState(stack: string, other: TofuStack): void {
    const configFile = path.join(this.dir, 'cdk.tf.json');
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    const remote = config.data?.terraform_remote_state?.[`cross-stack-reference-input-${stack}`];
    if (!remote) throw new Error(`${this.dir} reads no outputs of stack ${stack}`);
    remote.backend = 'local';
    remote.config = { path: path.join(other.dir, 'terraform.tfstate') };
    fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
  }

  /** The environment tofu runs with (for running it, or a tool that runs it, by hand). */
  get environment(): NodeJS.ProcessEnv {
    return this.env;
  }

  /** The same stack run by another CLI (Terraform, for example), with the same overrides and environment. */
  withBinary(binary: string): TofuStack {
    return Object.assign(Object.create(TofuStack.prototype), this, { binary });
  }

  /** The same stack run with more environment (a provider setting for a few commands). */
  withEnv(extra: Record<string, string>): TofuStack {
    return Object.assign(Object.create(TofuStack.prototype), this, { env: { ...this.env, ...extra } });
  }

  /** Runs tofu; throws with its output when it fails. */
  run(...args: string[]): string {
    // Options right after the command: a positional argument (a saved plan) must come last.
    const [command, ...rest] = args;
    const res = spawnSync(this.binary, [command, '-input=false', '-no-color', ...rest], { cwd: this.dir, env: this.env, encoding: 'utf8' });
    const output = `${res.stdout}${res.stderr}`;
    if (res.status !== 0) throw new Error(`${path.basename(this.binary)} ${args.join(' ')} exited ${res.status}:\n${output}`);
    return output;
  }

  apply(...args: string[]): string {
    return this.run('apply', '-auto-approve', ...args);
  }

  /** Plans and reads the plan back as JSON. */
  plan(): PlanSummary {
    const output = this.run('plan', '-out=tfplan');
    const plan = JSON.parse(execFileSync(this.binary, ['show', '-json', 'tfplan'],
      { cwd: this.dir, env: this.env, encoding: 'utf8', maxBuffer: 64 << 20 }));
    const summary: PlanSummary = { create: [], update: [], replace: [], delete: [], output };
    for (const change of plan.resource_changes ?? []) {
      const actions: string[] = change.change.actions;
      if (actions.includes('create') && actions.includes('delete')) summary.replace.push(change.address);
      else if (actions.includes('create')) summary.create.push(change.address);
      else if (actions.includes('update')) summary.update.push(change.address);
      else if (actions.includes('delete')) summary.delete.push(change.address);
    }
    return summary;
  }

  /** The value of one of the state's outputs. */
  output(name: string): unknown {
    return JSON.parse(execFileSync(this.binary, ['output', '-json', name], { cwd: this.dir, env: this.env, encoding: 'utf8' }));
  }

  /** State as JSON (`tofu show -json`). */
  state(): any {
    return JSON.parse(this.show());
  }

  /** `show -json` of the state, or of a plan file, as printed. */
  show(planFile?: string): string {
    return execFileSync(this.binary, ['show', '-json', ...(planFile ? [planFile] : [])],
      { cwd: this.dir, env: this.env, encoding: 'utf8', maxBuffer: 64 << 20 });
  }
}
