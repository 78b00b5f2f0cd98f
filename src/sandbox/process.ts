// Child processes of the sandbox: each logs to a file, dies with its parent (the kernel's parent-death
// signal, so a killed test runner leaves nothing behind) and is stopped with TERM, then KILL.
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** A TCP port free on 127.0.0.1: any (the kernel picks), or one from range (tried at random). */
export async function freePort(range?: { readonly min: number; readonly max: number }): Promise<number> {
  if (range === undefined) return listenOnce(0);
  for (let tries = 0; tries < 100; tries++) {
    const port = range.min + Math.floor(Math.random() * (range.max - range.min + 1));
    if (await listenOnce(port).then(() => true, () => false)) return port;
  }
  throw new Error(`no free port from ${range.min} to ${range.max} on 127.0.0.1 after 100 tries`);
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as net.AddressInfo;
      server.close(() => resolve(bound));
    });
  });
}

/** Options of {@link ManagedProcess.start}. */
export interface ManagedProcessOptions {
  /** Extra environment variables. @default - none */
  readonly env?: Record<string, string>;
  /** Working directory. @default - the log folder */
  readonly cwd?: string;
  /**
   * Shell commands run first in a private mount namespace (unshare -m), for example to mount files the
   * program expects at fixed paths without touching the host's.
   * @default - the host's mount namespace
   */
  readonly privateMounts?: readonly string[];
}

/** One program of the sandbox, with its output in `<logDir>/<name>.log`. */
export class ManagedProcess {
  static start(name: string, logDir: string, command: string, args: readonly string[], options: ManagedProcessOptions = {}): ManagedProcess {
    const logFile = path.join(logDir, `${name}.log`);
    const log = fs.openSync(logFile, 'a');
    // setpriv sets the parent-death signal, then execs the program: same PID, killed if we die.
    const guarded = ['setpriv', '--pdeathsig', 'KILL', '--', command, ...args];
    const [file, ...argv] = options.privateMounts?.length
      ? ['unshare', '--mount', '--propagation', 'private', '--', 'sh', '-ec', `${options.privateMounts.join('\n')}\nexec "$@"`, name, ...guarded]
      : guarded;
    const child = spawn(file, argv, { cwd: options.cwd ?? logDir, env: { ...process.env, ...options.env }, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    return new ManagedProcess(name, logFile, child);
  }

  private constructor(readonly name: string, readonly logFile: string, private readonly child: ChildProcess) {}

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Calls listener once, when the process exits (for whatever reason). */
  onExit(listener: () => void): void {
    if (this.exited) listener();
    else this.child.once('exit', listener);
  }

  /** Whether the process has exited. */
  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** The last lines of its log, for error messages. */
  tail(lines = 25): string {
    try {
      return fs.readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  /** Stops it: TERM, then KILL after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.exited) return;
    await new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
      setTimeout(() => this.child.kill('SIGKILL'), graceMs).unref();
    });
  }

  /** Kills it at once (SIGKILL), as a crash or an OOM kill would. */
  async kill(): Promise<void> {
    if (this.exited) return;
    await new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGKILL');
    });
  }

  /**
   * Polls `probe` every 200 ms until it returns a value, the process exits, or `timeoutMs` passes;
   * the error names what was awaited and shows the end of the log.
   */
  async waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`${this.name} exited before ${what} (log: ${this.logFile}):\n${this.tail()}`);
      try {
        const result = await probe();
        if (result !== undefined) return result;
      } catch (e) {
        lastError = e;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${what}: not ready after ${timeoutMs} ms (${String(lastError ?? 'no answer')}; log: ${this.logFile}):\n${this.tail()}`);
  }
}
