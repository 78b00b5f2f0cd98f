// Runs a command and measures it: wall time, the peak resident memory of its largest process (GNU
// time's maxrss, exact) and, when asked, of its whole process tree (the sum of the tree's RSS, sampled
// every 100 ms: reading /proc costs this process CPU, which a 2-core machine shares with the command).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** What one run cost. */
export interface Measured {
  /** Wall time, in milliseconds. */
  readonly ms: number;
  /** Peak RSS of the largest single process of the run, in MiB (GNU time), or of the sampled tree when GNU time is absent. */
  readonly maxRssMiB: number;
  /** Peak of the summed RSS of the whole process tree, in MiB (sampled, so a lower bound; `maxRssMiB` unless `sampleTree`). */
  readonly treeRssMiB: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link measure}. */
export interface MeasureOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Throw (with the output) when the command exits non-zero. @default true */
  readonly check?: boolean;
  /** Sample the process tree's summed RSS. @default false */
  readonly sampleTree?: boolean;
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = fs.existsSync(GNU_TIME);
const PAGE_KIB = 4;

/** Parent pid of every process, from /proc. */
function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command may hold spaces and parentheses: fields start after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  return children;
}

function cmdline(pid: number | 'self'): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return undefined;
  }
}
const OWN_CMDLINE = cmdline('self');

/** Summed RSS (KiB) of a process and its descendants. */
function treeRssKiB(root: number): number {
  const children = parents();
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      total += Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[21]) * PAGE_KIB;
    } catch {
      // exited meanwhile
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs `command args` and measures it (see {@link Measured}). */
export async function measure(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measured> {
  const timeFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-time-')), 'time');
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, [...args]];
  const start = process.hrtime.bigint();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  let treePeak = 0;
  const sample = () => {
    // Until it execs, the child is a fork of this process (same command line, same RSS): skip that.
    if (child.pid === undefined || cmdline(child.pid) === OWN_CMDLINE) return;
    treePeak = Math.max(treePeak, treeRssKiB(child.pid));
  };
  const timer = options.sampleTree ? setInterval(sample, 100) : undefined;
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  if (timer) clearInterval(timer);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let maxRssKiB = treePeak;
  if (hasGnuTime) {
    const text = fs.existsSync(timeFile) ? fs.readFileSync(timeFile, 'utf8') : '';
    const last = text.trim().split('\n').pop() ?? '';
    if (/^\d+$/.test(last)) maxRssKiB = Number(last);
  }
  fs.rmSync(path.dirname(timeFile), { recursive: true, force: true });
  const result: Measured = { ms, maxRssMiB: maxRssKiB / 1024, treeRssMiB: Math.max(treePeak, maxRssKiB) / 1024, status, stdout, stderr };
  if ((options.check ?? true) && status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${status}:\n${stdout}${stderr}`.slice(0, 20_000));
  }
  return result;
}

/** Times an async step, in milliseconds. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
