// What every benchmark needs: the project root, the tools (OpenTofu, the OSCAR provider, oscar-cli),
// a scratch folder removed at the end, and progress output.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheDir, componentBinary, PROJECT_ROOT } from '../src/sandbox/testenv';

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
   * The folder holding `terraform-provider-oscar`: `OSCAR_PROVIDER_DIR` if set, else the project's
   * provider (provider/) built with `go build` into the testenv cache (seconds when nothing changed).
   */
  providerDir(): string {
    if (process.env.OSCAR_PROVIDER_DIR) return process.env.OSCAR_PROVIDER_DIR;
    const source = path.join(this.projectRoot, 'provider');
    if (!fs.existsSync(path.join(source, 'go.mod'))) {
      throw new Error(`the OSCAR provider's source is not in ${source}: the deploy benchmark needs it (or OSCAR_PROVIDER_DIR naming a folder with terraform-provider-oscar).`);
    }
    const out = path.join(cacheDir(), 'terraform-provider-oscar', 'bench');
    execFileSync('go', ['build', '-trimpath', '-o', path.join(out, 'terraform-provider-oscar'), '.'], {
      cwd: source,
      env: { ...process.env, GOTOOLCHAIN: 'local', CGO_ENABLED: '0' },
      stdio: 'pipe',
    });
    return out;
  }

  /** Removes the scratch folder. */
  cleanup(): void {
    fs.rmSync(this.scratch, { recursive: true, force: true });
  }
}
