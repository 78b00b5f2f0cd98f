// The project's deploy, step by step as `cdktf deploy services` runs it: synth (the compiled app with a
// services-only deployment config), `tofu init`, `tofu plan`, `tofu apply` of that plan, with the
// project's OSCAR provider installed by init from the filesystem mirror provider/install.sh writes,
// and local state. Each step is timed; the manager's log
// says what each step made it do.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ControlPlane } from '../src/sandbox';
import { secretVariableName } from '../src/services/secret-variables';
import { renamedForUnit } from './clone';
import type { BenchContext } from './context';
import { type ManagerActivity, Mark, summarize } from './manager-log';
import { measure } from './measure';

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
   * @param tofurc the CLI configuration provider/install.sh wrote
   */
  constructor(private readonly ctx: BenchContext, private readonly plane: ControlPlane, fdlDir: string, secrets: Readonly<Record<string,
    readonly string[]>>, tofurc: string) {
    this.workDir = ctx.tempDir('project-');
    this.stackDir = path.join(this.workDir, 'cdktf.out', 'stacks', 'services');
    this.configFile = path.join(this.workDir, 'deployment.yaml');
    // A services-only deployment to the sandbox's manager (config/existing-oscar.yaml's form).
    fs.writeFileSync(this.configFile,
      `services:\n  oscar:\n    endpoint: ${plane.manager.endpoint}\n    username: ${plane.manager.username}\n  fdl: [${JSON.stringify(fdlDir)}]\n`);
    // One value per key: a copy of a service (bench/clone.ts) holds its original's Secret, so it has
    // the original's value, and the state's write-only digest (copied too) matches only that.
    const secretVars = Object.fromEntries(Object.entries(secrets).flatMap(([service, keys]) =>
      keys.map((key) => [`TF_VAR_${secretVariableName(service, key)}`, `bench-secret-${key}`])));
    this.env = {
      ...ctx.env,
      OSCAR_DEPLOYMENT: this.configFile,
      TF_IN_AUTOMATION: '1',
      TF_CLI_CONFIG_FILE: tofurc,
      TF_VAR_oscar_password: plane.manager.password,
      // The setting recommended at scale: write-only digests as keyed HMACs, which a plan checks
      // without an argon2id hash per service with secrets. BENCH_DIGEST_KEY=0 measures without it.
      // A fixed key (the bench's values are no secret), so a kept scratch folder can be planned again.
      ...(digestKeyed() ? { OSCAR_WRITE_ONLY_DIGEST_KEY: BENCH_DIGEST_KEY } : {}),
      // The manager's list of 1000 services with 125 volumes takes about 110 s (the provider's default
      // request timeout is 30 s), as the error it gives without this says to set.
      OSCAR_REQUEST_TIMEOUT: '300s',
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

  /**
   * `cdktf deploy services --auto-approve --skip-provider-lock`, as the README runs it (the CLI
   * synthesizes, inits, plans and applies): the same deploy through the CLI, for its overhead.
   */
  async cdktfDeploy(): Promise<{ totalMs: number; manager: ManagerActivity }> {
    fs.writeFileSync(path.join(this.workDir, 'cdktf.json'), JSON.stringify({
      language: 'typescript',
      app: `node ${path.join(this.ctx.projectRoot, 'dist', 'main.js')}`,
      sendCrashReports: 'false',
    }));
    const mark = Mark.at(this.plane.manager.logFile);
    const cli = path.join(this.ctx.projectRoot, 'node_modules', '.bin', 'cdktf');
    const run = await measure(cli, ['deploy', 'services', '--auto-approve', '--skip-provider-lock'], { cwd: this.workDir, env: { ...this.env,
      CI: '1', FORCE_COLOR: '0' } });
    return { totalMs: run.ms, manager: mark.activity() };
  }

  /** Synthesizes the services stack (the FDL folder as it is now). */
  async synth(): Promise<void> {
    await measure(process.execPath, [path.join(this.ctx.projectRoot, 'dist', 'main.js')], { cwd: this.workDir, env: this.env });
  }

  /** Runs tofu in the stack with more environment; a non-zero exit is returned, not thrown. */
  async tofuRun(args: readonly string[], env: Record<string, string> = {}): Promise<{ ms: number; exitCode: number; output: string }> {
    const run = await measure(this.ctx.tofu, [...args, '-input=false', '-no-color'], { cwd: this.stackDir, env: { ...this.env, ...env }, check: false });
    return { ms: run.ms, exitCode: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
  }

  /** `oscar-cdktf drift --json` on the synthesized stack, as a CI job runs it. */
  async driftCheck(): Promise<{ ms: number; exitCode: number; output: string }> {
    const cli = path.join(this.ctx.projectRoot, 'bin', 'oscar-cdktf.js');
    const run = await measure(process.execPath, [cli, 'drift', '--json'], { cwd: this.workDir, env: { ...this.env, TERRAFORM_BINARY_NAME: this.ctx.tofu },
      check: false });
    return { ms: run.ms, exitCode: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
  }

  /**
   * Adds to the local state a copy of each template unit's resources for every cloned unit
   * (`clones`: unit suffix → its template's suffix), under the addresses the synthesized stack gives
   * the clones' services: the state the provider would have written had it created them.
   */
  cloneState(clones: ReadonlyMap<string, string>): void {
    const config = JSON.parse(fs.readFileSync(path.join(this.stackDir, 'cdk.tf.json'), 'utf8'));
    const stateFile = path.resolve(this.stackDir, config.terraform?.backend?.local?.path ?? 'terraform.tfstate');
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    type Named = { name?: unknown; bucket_name?: unknown } | undefined;
    type StateResource = { type: string; name: string; instances: { attributes: Named }[] };
    const nameOf = (block: Named) => String(block?.name ?? block?.bucket_name ?? '');
    const addressByName = new Map<string, { type: string; name: string }>();
    for (const [type, blocks] of Object.entries<Record<string, Named>>(config.resource ?? {})) {
      for (const [name, block] of Object.entries(blocks)) if (nameOf(block)) addressByName.set(`${type}/${nameOf(block)}`, { type, name });
    }
    const bySuffix = new Map<string, StateResource[]>();
    for (const r of state.resources) {
      const suffix = /-(\d{4})$/.exec(nameOf(r.instances?.[0]?.attributes))?.[1];
      if (suffix) bySuffix.set(suffix, [...(bySuffix.get(suffix) ?? []), r]);
    }
    for (const [unit, template] of clones) {
      for (const r of bySuffix.get(template) ?? []) {
        const copy = renamedForUnit(r, template, unit);
        const address = addressByName.get(`${r.type}/${nameOf(copy.instances[0].attributes)}`);
        if (!address) throw new Error(`cloneState: no ${r.type} in the stack for ${nameOf(copy.instances[0].attributes)}`);
        copy.name = address.name;
        state.resources.push(copy);
      }
    }
    state.serial += 1;
    fs.writeFileSync(stateFile, JSON.stringify(state));
  }

  private planChanges(): DeployRun['plan'] {
    const plan = JSON.parse(execFileSync(this.ctx.tofu, ['show', '-json', 'tfplan'], { cwd: this.stackDir, env: this.env, encoding: 'utf8',
      maxBuffer: 512 << 20 }));
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

/** The provider's write_only_digest_key in the bench's deployments. */
export const BENCH_DIGEST_KEY = 'bench-write-only-digest-key-0123456789abcdef';

/** Whether the bench's deployments set the provider's write_only_digest_key (BENCH_DIGEST_KEY=0: not). */
export function digestKeyed(): boolean {
  return process.env.BENCH_DIGEST_KEY !== '0';
}
