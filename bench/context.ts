// What every benchmark needs: the project root, the tools (OpenTofu, the OSCAR provider, oscar-cli),
// a scratch folder removed at the end, and progress output.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { componentBinary, PROJECT_ROOT } from '../src/sandbox/testenv';

export class BenchContext {
  readonly projectRoot = PROJECT_ROOT;
  /** OpenTofu built by testenv/build.sh. */
  readonly tofu = componentBinary('tofu');
  readonly scratch: string;
  /**
   * The environment every measured command gets: cdktf (the app's synth validates the Terraform
   * version, and the CLI asks for it) runs the same OpenTofu as the deploys, and no one calls
   * HashiCorp's checkpoint service (no network here).
   */
  readonly env: NodeJS.ProcessEnv;
  private readonly started = Date.now();

  constructor(readonly quick: boolean) {
    this.scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'oscar-bench-'));
    this.env = { ...process.env, TERRAFORM_BINARY_NAME: this.tofu, CHECKPOINT_DISABLE: '1' };
  }

  /** A new folder under the scratch folder. */
  tempDir(prefix: string): string {
    return fs.mkdtempSync(path.join(this.scratch, prefix));
  }

  /** A progress line on stderr, with the time since the start. */
  log(line: string): void {
    const s = Math.round((Date.now() - this.started) / 1000);
    process.stderr.write(`[bench ${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}] ${line}\n`);
  }

  /** oscar-cli built by testenv/build.sh (`bash testenv/build.sh oscar-cli`). */
  get oscarCli(): string {
    return componentBinary('oscar-cli');
  }

  /**
   * Installs the project's OSCAR provider (provider/) the way the README does, with
   * `provider/install.sh` (a `go build` into a filesystem mirror), here into the scratch folder;
   * returns the CLI configuration file for TF_CLI_CONFIG_FILE.
   */
  installProvider(): string {
    const out = execFileSync('bash', [path.join(this.projectRoot, 'provider', 'install.sh'), '--format', 'env'], {
      env: { ...process.env, OSCAR_PROVIDER_MIRROR: path.join(this.scratch, 'provider-mirror') },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const config = /^TF_CLI_CONFIG_FILE=(.+)$/m.exec(out)?.[1];
    if (!config) throw new Error(`provider/install.sh printed no TF_CLI_CONFIG_FILE:\n${out}`);
    return config;
  }

  /** Removes the scratch folder, unless BENCH_KEEP=1 asks to keep it (to profile a plan again, for example). */
  cleanup(): void {
    if (process.env.BENCH_KEEP === '1') {
      this.log(`scratch kept: ${this.scratch}`);
      return;
    }
    fs.rmSync(this.scratch, { recursive: true, force: true });
  }
}
