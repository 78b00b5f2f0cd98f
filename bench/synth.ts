// Synth benchmark: the app (main.ts, compiled) with N generated FDL services, run bare with node and
// through `npx cdktf synth`, against the cdktf CLI's start-up floor (the CLI running a trivial
// compiled app). Variants run interleaved, so a noisy moment hits them alike.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateFdl } from './fdl-gen';
import { measure, type Measured, median } from './measure';
import type { BenchContext } from './context';

/** One variant at one N: the median of its runs. */
export interface SynthResult {
  readonly variant: SynthVariant;
  /** Services synthesized (0 for the floor). */
  readonly services: number;
  readonly runs: number;
  /** Median wall time, ms. */
  readonly ms: number;
  /** Every run's wall time, ms. */
  readonly allMs: readonly number[];
  /** Median peak RSS of the largest process, MiB. */
  readonly maxRssMiB: number;
  /** Every run's peak RSS of the largest process, MiB. */
  readonly allRssMiB: readonly number[];
  /** Median peak RSS of the whole process tree (sampled), MiB. */
  readonly treeRssMiB: number;
  /** Size of the services stack's cdk.tf.json, bytes. */
  readonly servicesJsonBytes?: number;
}

export type SynthVariant =
  /** `node dist/main.js`: the app alone. */
  | 'bare'
  /** `npx cdktf synth -a "node dist/main.js"`: the CLI running the compiled app (cdktf.json's `app`). */
  | 'cdktf'
  /** `npx cdktf synth -a "node dist/bench/trivial-app.js"`: the CLI's start-up floor. */
  | 'floor'
  /** `node dist/bench/trivial-app.js`: the floor's app alone, so what the CLI itself adds shows. */
  | 'trivial';

export interface SynthOptions {
  readonly sizes: readonly number[];
  readonly repeats: number;
}

/** Runs the synth benchmark; `progress` gets a line per measurement. */
export async function runSynth(ctx: BenchContext, options: SynthOptions): Promise<SynthResult[]> {
  const root = ctx.projectRoot;
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  // CI: no interactive terminal UI in the CLI.
  const cliEnv = { ...ctx.env, CI: '1', FORCE_COLOR: '0' };
  const results: SynthResult[] = [];
  const record = (variant: SynthVariant, services: number, runs: Measured[], servicesJsonBytes?: number) => {
    const r: SynthResult = {
      variant,
      services,
      runs: runs.length,
      ms: median(runs.map((m) => m.ms)),
      allMs: runs.map((m) => Math.round(m.ms)),
      maxRssMiB: median(runs.map((m) => m.maxRssMiB)),
      allRssMiB: runs.map((m) => Math.round(m.maxRssMiB)),
      treeRssMiB: median(runs.map((m) => m.treeRssMiB)),
      servicesJsonBytes,
    };
    results.push(r);
    ctx.log(`synth ${variant.padEnd(10)} N=${String(services).padEnd(5)} ${(r.ms / 1000).toFixed(2)} s  ` +
      `${r.maxRssMiB.toFixed(0)} MiB (tree ${r.treeRssMiB.toFixed(0)} MiB)  runs ${r.allMs.join(', ')} ms, ${r.allRssMiB.join(', ')} MiB`);
    return r;
  };

  const floorRuns: Measured[] = [];
  const floorOut = ctx.tempDir('synth-floor-');
  const trivialApp = path.join(root, 'dist', 'bench', 'trivial-app.js');
  const floor = () => measure(npx, ['cdktf', 'synth', '-a', `node ${trivialApp}`, '-o', floorOut],
    { cwd: root, env: cliEnv, sampleTree: true });
  const trivialRuns: Measured[] = [];
  const trivialOut = ctx.tempDir('synth-trivial-');

  for (const n of options.sizes) {
    const fdl = generateFdl(ctx.tempDir(`fdl-${n}-`), n);
    const env = { ...ctx.env, OSCAR_FDL: fdl.dir };
    const bareOut = ctx.tempDir(`synth-bare-${n}-`);
    const cliOut = ctx.tempDir(`synth-cdktf-${n}-`);
    const bare: Measured[] = [];
    const cli: Measured[] = [];
    // One warm-up of each, not recorded (file cache, V8 code cache).
    await measure(process.execPath, [path.join(root, 'dist', 'main.js')], { cwd: bareOut, env });
    for (let i = 0; i < options.repeats; i++) {
      bare.push(await measure(process.execPath, [path.join(root, 'dist', 'main.js')], { cwd: bareOut, env }));
      cli.push(await measure(npx, ['cdktf', 'synth', '-a', `node ${path.join(root, 'dist', 'main.js')}`, '-o', cliOut], { cwd: root,
        env: { ...cliEnv, OSCAR_FDL: fdl.dir }, sampleTree: true }));
      floorRuns.push(await floor());
      trivialRuns.push(await measure(process.execPath, [trivialApp], { cwd: trivialOut, env: ctx.env }));
    }
    const bareFile = path.join(bareOut, 'cdktf.out', 'stacks', 'services', 'cdk.tf.json');
    const bytes = fs.statSync(bareFile).size;
    for (const file of [bareFile, path.join(cliOut, 'stacks', 'services', 'cdk.tf.json')]) {
      const synthesized = Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).resource?.oscar_service ?? {}).length;
      if (synthesized !== n) throw new Error(`synth: ${file} holds ${synthesized} oscar_service resources, not ${n}`);
    }
    record('bare', n, bare, bytes);
    record('cdktf', n, cli, bytes);
  }
  record('floor', 0, floorRuns);
  record('trivial', 0, trivialRuns);
  return results;
}
