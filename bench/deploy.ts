// Deploy benchmark on the local control plane: for each N, the project (synth → init → plan → apply)
// and oscar-cli (apply of the same FDL files) each on a fresh plane with the same manager build:
// first deploy, no-op redeploy, and redeploy after k services were deleted behind the tool's back.
// Writes are counted from the manager's log. oscar-cli is run through the v3 compatibility proxy
// (see v3-compat-proxy.ts); as released it applies nothing to OSCAR v4.1 (see the findings).
import { loadFdlFiles, type OscarServiceSpec } from '../src/fdl';
import { ControlPlane } from '../src/sandbox';
import { bucketsOf } from '../src/services/buckets';
import type { BenchContext } from './context';
import { copyCorpus, generateFdl, type GeneratedFdl, SHAPES } from './fdl-gen';
import type { ManagerActivity } from './manager-log';
import { median, timed } from './measure';
import { type CliFailure, type CliRun, OscarCli } from './oscar-cli';
import { type DeployRun, ProjectDeployer } from './project';
import { V3CompatProxy } from './v3-compat-proxy';

/** A deploy phase; `noop-cdktf` is the project's no-op through `cdktf deploy` instead of its steps. */
export type Phase = 'first' | 'noop' | 'noop-cdktf' | 'removed';

/** One tool's phase at one N. */
export interface PhaseResult {
  readonly tool: 'project' | 'oscar-cli';
  readonly services: number;
  readonly phase: Phase;
  /** Wall time (median over `runs`), ms. */
  readonly ms: number;
  readonly runs: number;
  /** Write requests the manager received (median over runs). */
  readonly writes: number;
  readonly activity: ManagerActivity;
  /** The project's steps (the median run's). */
  readonly steps?: Omit<DeployRun, 'manager' | 'applyManager'>;
  /** oscar-cli's failed files. */
  readonly failures?: readonly CliFailure[];
  /** FDL files applied (oscar-cli). */
  readonly files?: number;
}

/** What the OSCAR manager kept of a service oscar-cli applied, against the FDL file. */
export interface LandedCheck {
  readonly shape: string;
  readonly service: string;
  /** Fields of the FDL the service does not have on the manager. */
  readonly dropped: readonly string[];
}

export interface DeployResults {
  readonly phases: PhaseResult[];
  /** oscar-cli as released (no proxy) on every corpus file. */
  readonly rawCorpus: readonly { readonly file: string; readonly ok: boolean; readonly error?: string }[];
  /** oscar-cli as released on the generated shapes. */
  readonly rawShapes: readonly { readonly file: string; readonly ok: boolean; readonly error?: string }[];
  readonly landed: readonly LandedCheck[];
  /** Time to delete the k services behind the tools' backs (manager work, not counted for either tool), ms. */
  readonly removalMs: readonly number[];
  /** Deletes behind a tool's back that the manager answered with an error, by tool and size. */
  readonly removalNotes: readonly string[];
  readonly managerVersion: string;
  readonly oscarCliVersion: string;
}

export interface DeployOptions {
  readonly sizes: readonly number[];
  /** Services deleted before the third phase. */
  readonly removed: number;
  /** Runs of the no-op phase (median reported). */
  readonly noopRepeats: number;
}

/**
 * Deletes the first `k` services (one without buckets, one with, and so on) behind the tool's back,
 * as `oscar-cli service delete` or the dashboard would. A delete the manager answers with an error
 * but that removed the service is recorded in `notes` (what it left behind), not thrown.
 */
async function removeServices(plane: ControlPlane, fdl: GeneratedFdl, k: number): Promise<{ names: string[]; ms: number; notes: string[] }> {
  const names = fdl.services.slice(0, k);
  const notes: string[] = [];
  const { ms } = await timed(async () => {
    for (const name of names) {
      const res = await plane.oscar('DELETE', `/system/services/${name}`);
      if (res.status === 204) continue;
      if ((await plane.oscar('GET', `/system/services/${name}`)).status !== 404) {
        throw new Error(`deleting ${name} behind the tool's back: ${res.status} ${res.text}`);
      }
      const spec = loadFdlFiles(fdl.files).services.find((s) => s.spec.name === name)?.spec;
      const buckets: string[] = [];
      for (const { bucket } of spec ? bucketsOf(spec) : []) {
        if ((await plane.oscar('GET', `/system/buckets/${bucket}`)).status === 200) buckets.push(bucket);
      }
      const left = buckets.length ? `, its bucket(s) ${buckets.join(', ')} are left` : '';
      notes.push(`DELETE ${name} answered ${res.status} (${res.text.trim()}): the service is gone${left}`);
    }
  });
  return { names, ms, notes };
}

function medianRun<T extends { totalMs: number }>(runs: T[]): T {
  const m = median(runs.map((r) => r.totalMs));
  return runs.reduce((best, r) => (Math.abs(r.totalMs - m) < Math.abs(best.totalMs - m) ? r : best));
}

export async function runDeploy(ctx: BenchContext, options: DeployOptions): Promise<DeployResults> {
  const phases: PhaseResult[] = [];
  const removalMs: number[] = [];
  const removalNotes: string[] = [];
  const tofurc = ctx.installProvider();
  const start = (label: string) => {
    ctx.log(`starting a control plane for ${label}`);
    return ControlPlane.start({ dir: ctx.tempDir('plane-') });
  };
  const projectPhase = (services: number, phase: Phase, runs: DeployRun[]): PhaseResult => {
    const run = medianRun(runs);
    const { manager, applyManager: _apply, ...steps } = run;
    const r: PhaseResult = { tool: 'project', services, phase, ms: run.totalMs, runs: runs.length,
      writes: median(runs.map((x) => x.manager.totalWrites)), activity: manager, steps };
    ctx.log(`project   N=${services} ${phase.padEnd(7)} ${(r.ms / 1000).toFixed(1)} s, writes ${r.writes} (${JSON.stringify(manager.writes)}), ` +
      `synth ${(run.synthMs / 1000).toFixed(1)} s, init ${(run.initMs / 1000).toFixed(1)} s, ` +
      `plan ${(run.planMs / 1000).toFixed(1)} s, apply ${(run.applyMs / 1000).toFixed(1)} s`);
    phases.push(r);
    return r;
  };
  const cliPhase = (services: number, phase: Phase, runs: CliRun[]): PhaseResult => {
    const run = medianRun(runs);
    const r: PhaseResult = { tool: 'oscar-cli', services, phase, ms: run.totalMs, runs: runs.length,
      writes: median(runs.map((x) => x.manager.totalWrites)), activity: run.manager, failures: run.failures, files: run.files };
    ctx.log(`oscar-cli N=${services} ${phase.padEnd(7)} ${(r.ms / 1000).toFixed(1)} s, ` +
      `writes ${r.writes} (${JSON.stringify(run.manager.writes)}), ${run.failures.length} file(s) failed`);
    phases.push(r);
    return r;
  };

  // oscar-cli as released, on the corpus and the shapes: what it cannot apply to v4.1.
  const findingsPlane = await start('oscar-cli findings');
  let rawCorpus: DeployResults['rawCorpus'];
  let rawShapes: DeployResults['rawShapes'];
  let managerVersion: string;
  let oscarCliVersion: string;
  try {
    managerVersion = (await findingsPlane.oscar('GET', '/system/info')).json?.version ?? 'unknown';
    const raw = new OscarCli(ctx, findingsPlane, findingsPlane.manager.endpoint);
    oscarCliVersion = raw.version();
    const corpus = copyCorpus(ctx.tempDir('corpus-'));
    const outcome = async (files: Map<string, string>) => {
      const list = [];
      for (const [name, file] of files) {
        const run = await raw.apply([file]);
        list.push({ file: name, ok: run.failures.length === 0, error: run.failures[0]?.error });
      }
      return list;
    };
    rawCorpus = await outcome(corpus);
    const shapes = generateFdl(ctx.tempDir('shapes-'), SHAPES.reduce((n, s) => n + (s.id === 'workflow' ? 2 : 1), 0));
    rawShapes = await outcome(new Map(shapes.files.map((f) => [f.replace(/^.*\//, ''), f])));
    ctx.log(`oscar-cli ${oscarCliVersion} as released: ${rawCorpus.filter((r) => r.ok).length} of ${rawCorpus.length} corpus files and ` +
      `${rawShapes.filter((r) => r.ok).length} of ${rawShapes.length} shapes applied to OSCAR ${managerVersion}`);
  } finally {
    await findingsPlane.stop();
  }

  const landed: LandedCheck[] = [];
  for (const n of options.sizes) {
    const fdl = generateFdl(ctx.tempDir(`deploy-fdl-${n}-`), n);

    // The project.
    let plane = await start(`the project, N=${n}`);
    try {
      const project = new ProjectDeployer(ctx, plane, fdl.dir, fdl.secrets, tofurc);
      projectPhase(n, 'first', [await project.deploy()]);
      const noop: DeployRun[] = [];
      for (let i = 0; i < options.noopRepeats; i++) noop.push(await project.deploy());
      projectPhase(n, 'noop', noop);
      const viaCli = await project.cdktfDeploy();
      phases.push({ tool: 'project', services: n, phase: 'noop-cdktf', ms: viaCli.totalMs, runs: 1, writes: viaCli.manager.totalWrites,
        activity: viaCli.manager });
      ctx.log(`project   N=${n} noop via cdktf deploy ${(viaCli.totalMs / 1000).toFixed(1)} s, writes ${viaCli.manager.totalWrites}`);
      const removal = await removeServices(plane, fdl, options.removed);
      removalMs.push(removal.ms);
      removalNotes.push(...removal.notes.map((note) => `project, ${n} services: ${note}`));
      projectPhase(n, 'removed', [await project.deploy()]);
    } finally {
      await plane.stop();
    }

    // oscar-cli, through the compatibility proxy.
    plane = await start(`oscar-cli, N=${n}`);
    const proxy = await V3CompatProxy.start(plane.manager.endpoint);
    try {
      const cli = new OscarCli(ctx, plane, proxy.endpoint);
      cliPhase(n, 'first', [await cli.apply(fdl.files)]);
      if (n === options.sizes[0]) landed.push(...await landedChecks(plane, fdl));
      const again: CliRun[] = [];
      for (let i = 0; i < options.noopRepeats; i++) again.push(await cli.apply(fdl.files));
      cliPhase(n, 'noop', again);
      const removal = await removeServices(plane, fdl, options.removed);
      removalMs.push(removal.ms);
      removalNotes.push(...removal.notes.map((note) => `oscar-cli, ${n} services: ${note}`));
      cliPhase(n, 'removed', [await cli.apply(fdl.files)]);
    } finally {
      await proxy.stop();
      await plane.stop();
    }
  }
  return { phases, rawCorpus, rawShapes, landed, removalMs, removalNotes, managerVersion, oscarCliVersion };
}

/** For the first service of each shape: the FDL fields the manager does not have after oscar-cli applied it. */
async function landedChecks(plane: ControlPlane, fdl: GeneratedFdl): Promise<LandedCheck[]> {
  const checks: LandedCheck[] = [];
  const specs = new Map<string, OscarServiceSpec>(loadFdlFiles(fdl.files).services.map((s) => [s.spec.name, s.spec]));
  for (const shape of SHAPES) {
    const name = fdl.byShape[shape.id]?.[0];
    if (!name) continue;
    const got = await plane.oscar('GET', `/system/services/${name}`);
    if (got.status !== 200) {
      checks.push({ shape: shape.id, service: name, dropped: [`the whole service (GET answered ${got.status})`] });
      continue;
    }
    const spec = specs.get(name)!;
    const dropped: string[] = [];
    const vars = Object.keys(spec.environment?.variables ?? {});
    const gotVars = Object.keys(got.json?.environment?.variables ?? {});
    const missingVars = vars.filter((v) => !gotVars.includes(v));
    if (missingVars.length) dropped.push(`environment variables ${missingVars.join(', ')}`);
    const secrets = Object.keys(spec.environment?.secrets ?? {});
    if (secrets.length) {
      const secret = await plane.apiServer.request('GET', `/api/v1/namespaces/oscar-svc/secrets/${name}`);
      const stored = Object.keys(secret.json?.data ?? {});
      const missing = secrets.filter((s) => !stored.includes(s));
      if (missing.length) dropped.push(`secrets ${missing.join(', ')}`);
    }
    if (spec.volume && !got.json?.volume) dropped.push('volume');
    if (spec.expose?.api_port !== undefined && !(got.json?.expose?.api_port ?? []).length) dropped.push('expose.api_port');
    checks.push({ shape: shape.id, service: name, dropped });
  }
  return checks;
}
