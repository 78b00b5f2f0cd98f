// The project's deploy, step by step as `cdktf deploy services` runs it: synth (the compiled app with a
// services-only deployment config), `tofu init`, `tofu plan`, `tofu apply` of that plan, with the
// project's OSCAR provider installed by init from a local mirror (as from a registry) and local state. Each step is timed; the manager's log
// says what each step made it do.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ControlPlane } from '../src/sandbox';
import type { BenchContext } from './context';
import { type ManagerActivity, Mark, summarize } from './manager-log';
import { measure } from './measure';

/** The version the built provider is offered as. */
const PROVIDER_VERSION = '0.1.0';

/** What one deploy (or redeploy) cost, step by step. */
export interface DeployRun {
  readonly synthMs: number;
  readonly initMs: number;
  readonly planMs: number;
  readonly applyMs: number;
  readonly totalMs: number;
  /** Resource changes the plan held. */
  readonly plan: { readonly create: number; readonly update: number; readonly replace: number; readonly delete: number };
  /** What the manager served during the whole run (plan's reads, apply's writes). */
  readonly manager: ManagerActivity;
  /** What the manager served during the apply step only. */
  readonly applyManager: ManagerActivity;
}

export class ProjectDeployer {
  readonly workDir: string;
  private readonly stackDir: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly configFile: string;

  /**
   * @param fdlDir the generated FDL files
   * @param secrets secret keys by service, each given a value through its TF_VAR_ variable
   */
  constructor(private readonly ctx: BenchContext, private readonly plane: ControlPlane, fdlDir: string, secrets: Readonly<Record<string, readonly string[]>>, providerDir: string) {
    this.workDir = ctx.tempDir('project-');
    this.stackDir = path.join(this.workDir, 'cdktf.out', 'stacks', 'services');
    this.configFile = path.join(this.workDir, 'deployment.yaml');
    // A services-only deployment to the sandbox's manager (config/existing-oscar.yaml's form).
    fs.writeFileSync(this.configFile, `services:\n  oscar:\n    endpoint: ${plane.manager.endpoint}\n    username: ${plane.manager.username}\n  fdl: [${JSON.stringify(fdlDir)}]\n`);
    // `tofu init` refuses dev_overrides providers (it still asks the registry), so the provider is
    // offered the way a registry would be: a filesystem mirror, which init installs from for real.
    const mirror = path.join(this.workDir, 'mirror');
    const platform = `${process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`;
    const target = path.join(mirror, 'registry.opentofu.org', 'oscar-cdktf', 'oscar', PROVIDER_VERSION, platform);
    fs.mkdirSync(target, { recursive: true });
    fs.symlinkSync(path.join(providerDir, 'terraform-provider-oscar'), path.join(target, `terraform-provider-oscar_v${PROVIDER_VERSION}`));
    const tofurc = path.join(this.workDir, 'tofurc');
    fs.writeFileSync(tofurc, `provider_installation {\n  filesystem_mirror {\n    path = "${mirror}"\n    include = ["registry.opentofu.org/oscar-cdktf/oscar"]\n  }\n}\n`);
    const secretVars = Object.fromEntries(Object.entries(secrets).flatMap(([service, keys]) =>
      keys.map((key) => [`TF_VAR_${service}__${key.replace(/[^A-Za-z0-9_-]/g, '_')}`, `bench-secret-${service}`])));
    this.env = {
      ...ctx.env,
      OSCAR_DEPLOYMENT: this.configFile,
      TF_IN_AUTOMATION: '1',
      TF_CLI_CONFIG_FILE: tofurc,
      TF_VAR_oscar_password: plane.manager.password,
      ...secretVars,
    };
  }

  /** Runs tofu with its options, then a positional argument (a saved plan) if any. */
  private tofu(args: readonly string[], positional: readonly string[] = []) {
    return measure(this.ctx.tofu, [...args, '-input=false', '-no-color', ...positional], { cwd: this.stackDir, env: this.env });
  }

  /** Synth, init, plan, apply; returns each step's time and what the manager did. */
  async deploy(): Promise<DeployRun> {
    const all = Mark.at(this.plane.manager.logFile);
    const synth = await measure(process.execPath, [path.join(this.ctx.projectRoot, 'dist', 'main.js')], { cwd: this.workDir, env: this.env });
    const init = await this.tofu(['init']);
    const plan = await this.tofu(['plan', '-out=tfplan']);
    const changes = this.planChanges();
    const beforeApply = Mark.at(this.plane.manager.logFile);
    const apply = await this.tofu(['apply'], ['tfplan']);
    const applyManager = beforeApply.activity();
    return {
      synthMs: synth.ms,
      initMs: init.ms,
      planMs: plan.ms,
      applyMs: apply.ms,
      totalMs: synth.ms + init.ms + plan.ms + apply.ms,
      plan: changes,
      manager: summarize(all.requests()),
      applyManager,
    };
  }

  private planChanges(): DeployRun['plan'] {
    const plan = JSON.parse(execFileSync(this.ctx.tofu, ['show', '-json', 'tfplan'], { cwd: this.stackDir, env: this.env, encoding: 'utf8', maxBuffer: 512 << 20 }));
    const counts = { create: 0, update: 0, replace: 0, delete: 0 };
    for (const change of plan.resource_changes ?? []) {
      const actions: string[] = change.change.actions;
      if (actions.includes('create') && actions.includes('delete')) counts.replace++;
      else if (actions.includes('create')) counts.create++;
      else if (actions.includes('update')) counts.update++;
      else if (actions.includes('delete')) counts.delete++;
    }
    return counts;
  }
}
