// `npm run bench`: the benchmark suite. Runs the synth benchmark, then the deploy benchmark on local
// control planes (the project and oscar-cli side by side), writes bench/results/<date>-<mode>.json
// (every measurement, the machine, the versions) and .md (the summary), and prints the summary.
//   BENCH_QUICK=1         small sizes and single runs (a few minutes), for development
//   BENCH_ONLY=synth|deploy|refresh|faults   one benchmark only
//   BENCH_KEEP=1          keep the scratch folder (stacks, state, logs)
//   BENCH_SYNTH_SIZES=10,100 / BENCH_DEPLOY_SIZES=10 / BENCH_REFRESH_SIZES=100,1000 / BENCH_REFRESH_VOLUMES=25   other sizes
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BenchContext } from './context';
import { runDeploy } from './deploy';
import { runFaults } from './faults';
import { runRefresh } from './refresh';
import { type BenchResults, renderSummary } from './report';
import { runSynth } from './synth';

const quick = process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'true';
const only = process.env.BENCH_ONLY;
if (only !== undefined && !['synth', 'deploy', 'refresh', 'faults'].includes(only)) {
  console.error(`BENCH_ONLY must be 'synth', 'deploy', 'refresh' or 'faults', not '${only}'`);
  process.exit(2);
}

const sizes = (name: string): number[] | undefined => process.env[name]?.split(',').map(Number).filter((n) => n > 0);

/** Sizes and repeats: the full suite runs in about 30 minutes on 2 cores, the quick one in about 3. */
const DEFAULTS = quick
  ? { synthSizes: [10, 100], synthRepeats: 1, deploySizes: [5], removed: 2, noopRepeats: 1, refreshSizes: [30], refreshVolumes: [] as number[],
    refreshRepeats: 1, eachUpTo: 30, faults: { deployed: 10, creates: 10 } }
  : { synthSizes: [10, 100, 1000], synthRepeats: 3, deploySizes: [10, 50], removed: 2, noopRepeats: 3, refreshSizes: [100, 1000],
    refreshVolumes: [25, 125], refreshRepeats: 3, eachUpTo: 100, faults: { deployed: 10, creates: 10 } };
const SETTINGS = { ...DEFAULTS, synthSizes: sizes('BENCH_SYNTH_SIZES') ?? DEFAULTS.synthSizes,
  deploySizes: sizes('BENCH_DEPLOY_SIZES') ?? DEFAULTS.deploySizes, refreshSizes: sizes('BENCH_REFRESH_SIZES') ?? DEFAULTS.refreshSizes,
  refreshVolumes: sizes('BENCH_REFRESH_VOLUMES') ?? DEFAULTS.refreshVolumes };

function git(root: string, ...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function packageVersion(root: string, name: string): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const LOAD_AT_START = loadAverage();

function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    hostname: os.hostname(),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAtStart: LOAD_AT_START,
    loadAtEnd: loadAverage(),
  };
}

async function main(): Promise<void> {
  const ctx = new BenchContext(quick);
  const root = ctx.projectRoot;
  const started = Date.now();
  const date = new Date().toISOString();
  const versions: Record<string, string> = {
    project: `${git(root, 'rev-parse', '--short', 'HEAD')}${git(root, 'status', '--porcelain', '--untracked-files=no') ? '+changes' : ''}`,
    node: process.version,
    cdktf: packageVersion(root, 'cdktf'),
    'cdktf-cli': packageVersion(root, 'cdktf-cli'),
    tofu: /v\d+\.\d+\.\d+\S*/.exec(execFileSync(ctx.tofu, ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))?.[0] ?? 'unknown',
  };
  ctx.log(`${quick ? 'quick' : 'full'} run: ${JSON.stringify(SETTINGS)}; scratch ${ctx.scratch}`);
  try {
    const runs = (name: string) => only === undefined || only === name;
    const synth = !runs('synth') ? undefined : await runSynth(ctx, { sizes: SETTINGS.synthSizes, repeats: SETTINGS.synthRepeats });
    const deploy = !runs('deploy') ? undefined : await runDeploy(ctx, { sizes: SETTINGS.deploySizes, removed: SETTINGS.removed,
      noopRepeats: SETTINGS.noopRepeats });
    const refresh = !runs('refresh') ? undefined : await runRefresh(ctx, { sizes: SETTINGS.refreshSizes, repeats: SETTINGS.refreshRepeats,
      eachUpTo: SETTINGS.eachUpTo, volumes: SETTINGS.refreshVolumes });
    const faults = !runs('faults') ? undefined : await runFaults(ctx, SETTINGS.faults);
    if (deploy) {
      versions['oscar-manager'] = deploy.managerVersion;
      versions['oscar-cli'] = deploy.oscarCliVersion;
    }
    if (deploy || refresh || faults) versions.provider = git(root, 'log', '-1', '--format=%h', '--', 'provider');
    const results: BenchResults = {
      date,
      mode: quick ? 'quick' : 'full',
      durationS: (Date.now() - started) / 1000,
      machine: machine(),
      versions,
      settings: { ...SETTINGS, only: only ?? 'all' },
      synth,
      deploy,
      refresh,
      faults,
    };
    const summary = renderSummary(results, SETTINGS.removed);
    const dir = path.join(root, 'bench', 'results');
    fs.mkdirSync(dir, { recursive: true });
    const base = path.join(dir, `${date.replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z')}-${results.mode}`);
    fs.writeFileSync(`${base}.json`, `${JSON.stringify({ ...results, summary }, null, 2)}\n`);
    fs.writeFileSync(`${base}.md`, summary);
    process.stdout.write(`\n${summary}\n`);
    ctx.log(`results: ${base}.json, ${base}.md`);
  } finally {
    ctx.cleanup();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
