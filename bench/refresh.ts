// Refresh at scale: what a no-op plan and a drift check cost with N services in the state, on the
// sandbox's stock manager. One service per shape is deployed by the project (real creates, real
// state); the other units are copies (clone.ts) of those services' Kubernetes objects and buckets, and
// of their state entries, renamed. Measured per N: `tofu plan -refresh=false` (the floor: Terraform and
// the provider's plan work), `tofu plan` served by one list (the default), `tofu plan` with one read per
// service (`OSCAR_READ_STRATEGY=each`, the previous behaviour) up to `eachUpTo` services, and
// `oscar-cdktf drift` after one service was deleted and one edited behind Terraform's back.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ControlPlane } from '../src/sandbox';
import type { BenchContext } from './context';
import { cloneUnit, templateObjects, type UnitObjects } from './clone';
import { generateFdl, SHAPES, type Shape } from './fdl-gen';
import { Mark, serviceReads } from './manager-log';
import { measure, median } from './measure';
import { digestKeyed, ProjectDeployer } from './project';

/**
 * The shapes cloned at scale: every deploy shape that the services stack turns into `oscar_service`
 * resources only (the workflow's and the mounted bucket's `oscar_bucket` are left out), and KServe.
 * Volumes are measured on their own (see `volumes`): the manager's list pays for each.
 */
export const SCALE_SHAPES: readonly Shape[] = [
  ...SHAPES.filter((s) => !['workflow', 'mount', 'volume'].includes(s.id)),
  { id: 'kserve', file: 'kserve-isvc-sklearn/oscar-svc-sklearn.yaml', description: 'KServe inference service' },
];
const VOLUME_SHAPE = SHAPES.find((s) => s.id === 'volume')!;

export interface RefreshRun {
  readonly ms: number;
  /** `GET /system/services` the manager served. */
  readonly lists: number;
  /** `GET /system/services/<name>` the manager served. */
  readonly singles: number;
  /** The manager's own time on those reads, ms. */
  readonly managerMs: number;
}

export interface RefreshResult {
  readonly services: number;
  /** Services with a volume among them. */
  readonly volumes: number;
  /** Time to make the copies (Kubernetes objects, buckets, state), ms. */
  readonly cloneMs: number;
  readonly floor: RefreshRun;
  readonly list: RefreshRun;
  readonly each?: RefreshRun;
  /** The drift check after one delete and one edit behind Terraform's back. */
  readonly drift?: RefreshRun & { readonly findings: readonly string[]; readonly exit: number };
  /** Whether the provider had a write_only_digest_key (keyed HMAC digests, not argon2id). */
  readonly digestKey: boolean;
  /**
   * The machine's speed in that run: `tofu plan -refresh=false` of as many `terraform_data` resources
   * (no provider), ms, so results of different days compare (issue 20 measured 1.0–1.2 s at 1000).
   */
  readonly referenceMs?: number;
}

export interface RefreshOptions {
  readonly sizes: readonly number[];
  /** Runs of each plan (median reported). */
  readonly repeats: number;
  /** Measure per-service reads only up to this many services (they cost 0.4 s each). */
  readonly eachUpTo: number;
  /** Volume services added to the largest size, one measurement each (the list's cost per volume). */
  readonly volumes: readonly number[];
}

/** Sets up N services (templates deployed, the rest cloned) and measures their refresh. */
export class ScaleSetup {
  readonly project: ProjectDeployer;
  private readonly fdl;

  constructor(private readonly ctx: BenchContext, private readonly plane: ControlPlane, n: number, volumes: number, tofurc: string) {
    const dir = ctx.tempDir(`refresh-fdl-${n}-`);
    this.fdl = generateFdl(dir, n - volumes, SCALE_SHAPES);
    if (volumes > 0) {
      // Volume units after the others, numbered on (fdl-gen names units by their position).
      const extra = generateFdl(ctx.tempDir('refresh-volumes-'), volumes + this.fdl.files.length, [VOLUME_SHAPE]);
      for (const file of extra.files.slice(this.fdl.files.length)) fs.copyFileSync(file, path.join(dir, path.basename(file)));
    }
    this.project = new ProjectDeployer(ctx, plane, dir, { ...this.fdl.secrets }, tofurc);
  }

  get dir(): string {
    return this.fdl.dir;
  }

  /** Deploys the first unit of each shape, clones it into the others; returns the time the copies took. */
  async prepare(): Promise<number> {
    const files = fs.readdirSync(this.dir).filter((f) => f.endsWith('.yaml')).sort();
    const unitOf = (file: string) => file.slice(0, 4);
    const shapeOf = (file: string) => file.slice(5, -'.yaml'.length);
    const templates = new Map<string, string>(); // shape → template file
    for (const f of files) if (!templates.has(shapeOf(f))) templates.set(shapeOf(f), f);
    const held = this.ctx.tempDir('refresh-held-');
    const others = files.filter((f) => ![...templates.values()].includes(f));
    for (const f of others) fs.renameSync(path.join(this.dir, f), path.join(held, f));
    const first = await this.project.deploy();
    if (first.plan.create === 0) throw new Error('refresh bench: the template deploy created nothing');
    for (const f of others) fs.renameSync(path.join(held, f), path.join(this.dir, f));

    const started = Date.now();
    const units = [...templates.values()].map((f) => ({ suffix: unitOf(f), services: this.servicesIn(f), buckets: this.bucketsIn(f) }));
    const objects = new Map<string, UnitObjects>();
    (await templateObjects(this.plane, units)).forEach((u, i) => objects.set(shapeOf([...templates.values()][i]), u));
    const queue = others.slice();
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let f = queue.shift(); f !== undefined; f = queue.shift()) await cloneUnit(this.plane, objects.get(shapeOf(f))!, unitOf(f));
    }));
    await this.project.synth();
    this.project.cloneState(new Map(others.map((f) => [unitOf(f), unitOf(templates.get(shapeOf(f))!)])));
    // Outputs (the services' URLs) are computed by Terraform: a refresh-only apply writes them.
    const outputs = await this.project.tofuRun(['apply', '-refresh-only', '-auto-approve']);
    if (outputs.exitCode !== 0) throw new Error(`refresh bench: writing the outputs failed:\n${outputs.output.slice(-4000)}`);
    return Date.now() - started;
  }

  private servicesIn(file: string): string[] {
    const text = fs.readFileSync(path.join(this.dir, file), 'utf8');
    return [...text.matchAll(/^\s+name:\s*(\S+)\s*$/gm)].map((m) => m[1]).filter((n) => /-\d{4}$/.test(n));
  }

  private bucketsIn(file: string): string[] {
    const text = fs.readFileSync(path.join(this.dir, file), 'utf8');
    return [...new Set([...text.matchAll(/path:\s*['"]?\/?([a-z0-9.-]+-\d{4})/g)].map((m) => m[1]))];
  }

  async plan(args: string[], env: Record<string, string> = {}): Promise<RefreshRun> {
    const mark = Mark.at(this.plane.manager.logFile);
    const run = await this.project.tofuRun(['plan', '-detailed-exitcode', ...args], env);
    if (run.exitCode !== 0) throw new Error(`refresh bench: a no-op plan exited ${run.exitCode} (2 means changes):\n${run.output.slice(-4000)}`);
    return { ms: run.ms, ...serviceReads(mark.requests()) };
  }

  /** Deletes one service and edits another through the API, then runs `oscar-cdktf drift`. */
  async drift(): Promise<NonNullable<RefreshResult['drift']>> {
    const [deleted, edited] = [this.fdl.byShape.sync[1], this.fdl.byShape.async[1]];
    if ((await this.plane.oscar('DELETE', `/system/services/${deleted}`)).status !== 204) throw new Error(`deleting ${deleted}`);
    const svc = (await this.plane.oscar('GET', `/system/services/${edited}`)).json as { memory?: string };
    svc.memory = svc.memory === '768Mi' ? '640Mi' : '768Mi';
    if ((await this.plane.oscar('PUT', '/system/services', svc)).status !== 204) throw new Error(`editing ${edited}`);
    const mark = Mark.at(this.plane.manager.logFile);
    const run = await this.project.driftCheck();
    const report = JSON.parse(run.output.trim().split('\n').pop()!) as { changes: { action: string; name?: string }[] };
    const findings = report.changes.map((c) => `${c.action} ${c.name}`).sort();
    const expected = [`create ${deleted}`, `update ${edited}`];
    if (JSON.stringify(findings) !== JSON.stringify(expected)) {
      throw new Error(`refresh bench: drift reported ${JSON.stringify(findings)}, expected ${JSON.stringify(expected)}`);
    }
    return { ms: run.ms, ...serviceReads(mark.requests()), findings, exit: run.exitCode };
  }
}

export async function runRefresh(ctx: BenchContext, options: RefreshOptions): Promise<RefreshResult[]> {
  const tofurc = ctx.installProvider();
  const results: RefreshResult[] = [];
  const largest = Math.max(...options.sizes);
  const cases = [...options.sizes.map((n) => ({ n, volumes: 0 })), ...options.volumes.map((v) => ({ n: largest, volumes: v }))];
  for (const { n, volumes } of cases) {
    ctx.log(`refresh: starting a control plane for ${n} services (${volumes} with volumes)`);
    const plane = await ControlPlane.start({ dir: ctx.tempDir('plane-') });
    try {
      const setup = new ScaleSetup(ctx, plane, n, volumes, tofurc);
      const cloneMs = await setup.prepare();
      ctx.log(`refresh N=${n} V=${volumes}: copies made in ${(cloneMs / 1000).toFixed(1)} s`);
      const repeat = async (args: string[], env?: Record<string, string>, runs = options.repeats) => {
        const all: RefreshRun[] = [];
        for (let i = 0; i < runs; i++) all.push(await setup.plan(args, env));
        const m = median(all.map((r) => r.ms));
        return all.reduce((best, r) => (Math.abs(r.ms - m) < Math.abs(best.ms - m) ? r : best));
      };
      const referenceMs = await referencePlanMs(ctx, n, options.repeats);
      const floor = await repeat(['-refresh=false']);
      const list = await repeat([]);
      const each = n <= options.eachUpTo ? await repeat([], { OSCAR_READ_STRATEGY: 'each' }, 1) : undefined;
      const drift = volumes === 0 ? await setup.drift() : undefined;
      const result: RefreshResult = { services: n, volumes, cloneMs, floor, list, each, drift, digestKey: digestKeyed(), referenceMs };
      ctx.log(`refresh N=${n} V=${volumes}: terraform_data ${(referenceMs / 1000).toFixed(2)} s, floor ${(floor.ms / 1000).toFixed(1)} s, ` +
        `list ${(list.ms / 1000).toFixed(1)} s ` +
        `(${list.lists} list, ${list.singles} single GETs)` + (each ? `, each ${(each.ms / 1000).toFixed(1)} s` : '') +
        (drift ? `, drift ${(drift.ms / 1000).toFixed(1)} s: ${drift.findings.join(', ')}` : ''));
      results.push(result);
    } finally {
      await plane.stop();
    }
  }
  return results;
}

/** `tofu plan -refresh=false` of n `terraform_data` resources, applied first; the median of `repeats` runs, ms. */
async function referencePlanMs(ctx: BenchContext, n: number, repeats: number): Promise<number> {
  const dir = ctx.tempDir('reference-');
  const resources = Object.fromEntries(Array.from({ length: n }, (_, i) => [`unit${i}`, { input: { name: `svc-${i}`, memory: '256Mi' } }]));
  fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ resource: { terraform_data: resources } }));
  const tofu = (...args: string[]) => measure(ctx.tofu, [...args, '-input=false', '-no-color'], { cwd: dir, env: ctx.env });
  await tofu('init');
  await tofu('apply', '-auto-approve');
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) runs.push((await tofu('plan', '-refresh=false')).ms);
  return median(runs);
}
