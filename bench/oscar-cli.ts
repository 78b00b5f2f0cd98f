// The peer: OSCAR's own client, `oscar-cli apply` (v1.12.2, built by testenv/build.sh), one FDL file
// at a time as a user's shell loop would run it, against a manager (directly, or through the v3
// compatibility proxy). For each file it reads the cluster's config, then per service GETs it and
// POSTs (new) or PUTs (existing) the whole definition; the first failing service ends that file.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { ControlPlane } from '../src/sandbox';
import type { BenchContext } from './context';
import { type ManagerActivity, Mark } from './manager-log';
import { measure } from './measure';

/** The cluster id oscar-cli's config names the manager by (`apply -c`). */
const CLUSTER_ID = 'bench';

/** One file oscar-cli failed to apply. */
export interface CliFailure {
  readonly file: string;
  /** oscar-cli's error (its last line of output). */
  readonly error: string;
}

/** What one `oscar-cli apply` pass over the files cost. */
export interface CliRun {
  readonly totalMs: number;
  readonly files: number;
  readonly failures: readonly CliFailure[];
  readonly manager: ManagerActivity;
}

export class OscarCli {
  private readonly configFile: string;

  /** Registers `endpoint` (the manager, or a proxy in front of it) in a config file of its own. */
  constructor(private readonly ctx: BenchContext, private readonly plane: ControlPlane, endpoint: string) {
    this.configFile = path.join(ctx.tempDir('oscar-cli-'), 'config.yaml');
    execFileSync(ctx.oscarCli, ['cluster', 'add', '--config', this.configFile, CLUSTER_ID, endpoint, plane.manager.username, '--password-stdin'], {
      input: plane.manager.password,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }

  /** `oscar-cli apply` of each file in turn; a failing file is recorded and the next one applied. */
  async apply(files: readonly string[]): Promise<CliRun> {
    const mark = Mark.at(this.plane.manager.logFile);
    const failures: CliFailure[] = [];
    let totalMs = 0;
    for (const file of files) {
      const run = await measure(this.ctx.oscarCli, ['apply', '--config', this.configFile, '-c', CLUSTER_ID, file], { check: false });
      totalMs += run.ms;
      if (run.status !== 0) {
        const lines = `${run.stdout}\n${run.stderr}`.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('Error:') || l.includes('✗'));
        const error = (lines.find((l) => l.startsWith('Error:')) ?? lines.pop() ?? `exit ${run.status}`).replace(/^Error:\s*/, '');
        // Paths under the scratch folder are shown relative to their copy's folder.
        failures.push({ file: path.basename(file), error: error.split(/\/\S*?\/oscar-bench-[^/]+\/[^/]+\//).join('') });
      }
    }
    return { totalMs, files: files.length, failures, manager: mark.activity() };
  }

  /** The version oscar-cli reports. */
  version(): string {
    return /version:\s*(\S+)/.exec(execFileSync(this.ctx.oscarCli, ['version'], { encoding: 'utf8' }))?.[1] ?? 'unknown';
  }
}
