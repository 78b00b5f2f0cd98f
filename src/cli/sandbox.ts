// `oscar-cdktf sandbox start|stop|env`: a local OSCAR control plane for trying deployments without a
// cluster. `start` leaves a background process holding the plane and prints its settings as shell
// exports; `stop` ends it.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ControlPlaneEnv, ControlPlaneOptions } from '../sandbox';
import type { CliIo } from './main';

/** The sandbox's folder: `OSCAR_SANDBOX_DIR`, default `<tmp>/oscar-cdktf-sandbox`. */
export function sandboxDir(): string {
  return process.env.OSCAR_SANDBOX_DIR ?? path.join(os.tmpdir(), 'oscar-cdktf-sandbox');
}

const NOTE = `# A local OSCAR control plane: kube-apiserver with no nodes (no pod ever runs, so services are
# created but never executed), MinIO and the OSCAR manager v4.1.2. Stop it with: oscar-cdktf sandbox stop`;

function readEnv(dir: string): ControlPlaneEnv | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'env.json'), 'utf8')) as ControlPlaneEnv;
  } catch {
    return undefined;
  }
}

function daemonPid(dir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dir, 'daemon.pid'), 'utf8'));
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

function printEnv(env: ControlPlaneEnv, io: CliIo): void {
  io.out(NOTE);
  for (const [key, value] of Object.entries(env)) if (value !== undefined) io.out(`export ${key}='${value.replace(/'/g, `'\\''`)}'`);
  // The services stack reads its connection from these Terraform variables.
  io.out(`export TF_VAR_oscar_endpoint="$OSCAR_ENDPOINT" TF_VAR_oscar_username="$OSCAR_USERNAME" TF_VAR_oscar_password="$OSCAR_PASSWORD"`);
  if (env.OSCAR_OIDC_ISSUER) io.out(OIDC_NOTE);
}

const OIDC_NOTE = `# OIDC: the manager also accepts tokens of OSCAR_OIDC_ISSUER for users in its allowed group. To deploy
# as such a user, as a CI job would, with only the refresh token:
#   unset TF_VAR_oscar_username TF_VAR_oscar_password
#   export TF_VAR_oscar_refresh_token="$OSCAR_OIDC_REFRESH_TOKEN"
# (the issuer and client id are read from the token; OSCAR_OIDC_REFRESH_TOKEN_OUTSIDE_GROUPS is refused)`;

/** Parses the options of `sandbox start`; a string is a usage error. */
export function sandboxStartOptions(args: readonly string[]): Pick<ControlPlaneOptions, 'oidc'> | string {
  let oidc = false;
  let lifetime: number | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--oidc') oidc = true;
    else if (args[i] === '--token-lifetime') {
      lifetime = Number(args[++i]);
      if (!Number.isInteger(lifetime) || lifetime < 10) return `--token-lifetime wants whole seconds, at least 10 (got '${args[i] ?? ''}')`;
    } else return `unknown option '${args[i]}'`;
  }
  if (lifetime !== undefined && !oidc) return '--token-lifetime needs --oidc';
  return oidc ? { oidc: { accessTokenLifespanSeconds: lifetime } } : {};
}

/** `sandbox start`: starts the plane in the background (or reports the running one) and prints its settings. */
export async function sandboxStart(io: CliIo, options: Pick<ControlPlaneOptions, 'oidc'> = {}, timeoutMs = 240_000): Promise<number> {
  const dir = sandboxDir();
  const running = daemonPid(dir);
  if (running !== undefined) {
    const env = readEnv(dir);
    if (env) {
      io.err(`sandbox: already running (pid ${running}, ${dir})`);
      printEnv(env, io);
      return 0;
    }
    io.err(`sandbox: a sandbox is starting in ${dir} (pid ${running}). Wait, or run: oscar-cdktf sandbox stop`);
    return 1;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const log = fs.openSync(path.join(dir, 'daemon.log'), 'a');
  const daemon = spawn(process.execPath, [path.join(__dirname, '..', 'sandbox', 'daemon.js'), dir, JSON.stringify(options)],
    { detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  fs.writeFileSync(path.join(dir, 'daemon.pid'), String(daemon.pid));
  daemon.unref();
  const deadline = Date.now() + timeoutMs;
  let shown = 0;
  while (Date.now() < deadline) {
    const lines = readLines(path.join(dir, 'progress.log'));
    for (const line of lines.slice(shown)) io.err(`sandbox: ${line}`);
    shown = lines.length;
    const env = readEnv(dir);
    if (env) {
      printEnv(env, io);
      return 0;
    }
    if (fs.existsSync(path.join(dir, 'error.txt')) || daemonPid(dir) === undefined) {
      const error = fs.existsSync(path.join(dir,
        'error.txt')) ? fs.readFileSync(path.join(dir, 'error.txt'), 'utf8') : readLines(path.join(dir, 'daemon.log')).join('\n');
      io.err(`sandbox: failed to start.\n${error}\nFix: build the components with 'bash testenv/build.sh' (see README, "Testing"), then retry.`);
      return 1;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  io.err(`sandbox: not ready after ${timeoutMs / 1000} s; logs in ${dir}/logs. Stop it with: oscar-cdktf sandbox stop`);
  return 1;
}

function readLines(file: string): string[] {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** `sandbox stop`: stops the running sandbox (a no-op when none runs). */
export async function sandboxStop(io: CliIo): Promise<number> {
  const dir = sandboxDir();
  const pid = daemonPid(dir);
  if (pid === undefined) {
    io.err(`sandbox: not running (${dir})`);
    return 0;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && daemonPid(dir) !== undefined) await new Promise((r) => setTimeout(r, 200));
  if (daemonPid(dir) !== undefined) process.kill(pid, 'SIGKILL');
  fs.rmSync(path.join(dir, 'daemon.pid'), { force: true });
  io.err(`sandbox: stopped; logs kept in ${dir}/logs`);
  return 0;
}

/** `sandbox env`: prints the running sandbox's settings. */
export function sandboxEnv(io: CliIo): number {
  const env = daemonPid(sandboxDir()) === undefined ? undefined : readEnv(sandboxDir());
  if (!env) {
    io.err('sandbox: not running. Start it with: oscar-cdktf sandbox start');
    return 1;
  }
  printEnv(env, io);
  return 0;
}

/** The daemon's signals for the manager, and the file it writes when it has acted on one. */
export const MANAGER_SIGNALS = { kill: 'SIGUSR1', restart: 'SIGUSR2' } as const;
export const MANAGER_STATE_FILE = 'manager-state';

/** `sandbox kill-manager | restart-manager`: kills the running sandbox's manager, or starts it again. */
export async function sandboxManager(io: CliIo, action: keyof typeof MANAGER_SIGNALS, timeoutMs = 90_000): Promise<number> {
  const dir = sandboxDir();
  const pid = daemonPid(dir);
  if (pid === undefined || !readEnv(dir)) {
    io.err('sandbox: not running. Start it with: oscar-cdktf sandbox start');
    return 1;
  }
  const stateFile = path.join(dir, MANAGER_STATE_FILE);
  fs.rmSync(stateFile, { force: true });
  process.kill(pid, MANAGER_SIGNALS[action]);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = readLines(stateFile)[0];
    if (state !== undefined) {
      io.err(`sandbox: manager ${state}`);
      return state.startsWith('failed') ? 1 : 0;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  io.err(`sandbox: the manager's ${action} did not finish in ${timeoutMs / 1000} s; logs in ${dir}/logs`);
  return 1;
}
